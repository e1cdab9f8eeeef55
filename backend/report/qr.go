package report

import (
	"errors"
	"strconv"
	"sync"

	"rsc.io/qr/coding"
)

// QR encoding for the certificate codes, on rsc.io/qr/coding.
//
// boombuler/barcode spent 8–25 ms per version 17–19 code choosing the mask
// (its penalty evaluation reads every module through an interface, per
// mask and rule); 1,000 certificates took ~18 s of CPU there. This file
// builds the same standard QR code (ISO/IEC 18004: smallest version that
// fits, the mask with the lowest penalty score) on rsc.io/qr's encoder,
// evaluating the penalty on a plain byte grid: well under 1 ms a code.
//
// Segments: a payload whose tail is in the QR alphanumeric set (0–9, A–Z,
// space and $%*+-./:) is encoded as a byte-mode head and an alphanumeric
// tail (5.5 instead of 8 bits a character), so a URL whose code is base32
// costs 31 % fewer bits than in byte mode. Error correction is M (15 %):
// a certificate is handled, folded, stamped and photocopied, and at the
// sizes the codes reach (version ≤ 15 at M) the modules stay ≥ 0.45 mm in
// the 36 mm box, which a phone reads; L would save one or two versions
// but halve the damage a code survives.

// qrLevel is the error correction level of certificate codes.
const qrLevel = coding.M

// qrCode is an encoded QR matrix without quiet zone.
type qrCode struct {
	size int
	dark []byte // size*size, 1 = dark, row-major
	ops  string // pathOps, filled by the certificate workers
}

func (q *qrCode) at(x, y int) bool { return q.dark[y*q.size+x] == 1 }

// planKey names one cached plan.
type planKey struct {
	v coding.Version
	m coding.Mask
}

// plans caches rsc.io/qr plans (read-only once built) by version and mask.
var plans sync.Map // planKey → *coding.Plan

func qrPlan(v coding.Version, m coding.Mask) (*coding.Plan, error) {
	k := planKey{v, m}
	if p, ok := plans.Load(k); ok {
		return p.(*coding.Plan), nil
	}
	p, err := coding.NewPlan(v, qrLevel, m)
	if err != nil {
		return nil, err
	}
	plans.Store(k, p)
	return p, nil
}

// isAlnum reports whether b is in the QR alphanumeric set.
func isAlnum(b byte) bool {
	switch {
	case b >= '0' && b <= '9', b >= 'A' && b <= 'Z':
		return true
	}
	switch b {
	case ' ', '$', '%', '*', '+', '-', '.', '/', ':':
		return true
	}
	return false
}

// qrSegments splits payload into byte-mode and alphanumeric segments: the
// longest alphanumeric tail goes into its own segment when that is shorter.
func qrSegments(payload string) []coding.Encoding {
	i := len(payload)
	for i > 0 && isAlnum(payload[i-1]) {
		i--
	}
	// The mode switch costs 4 + up to 13 bits: worth it from a dozen
	// characters on.
	if len(payload)-i < 12 {
		return []coding.Encoding{coding.String(payload)}
	}
	if i == 0 {
		return []coding.Encoding{coding.Alpha(payload)}
	}
	return []coding.Encoding{coding.String(payload[:i]), coding.Alpha(payload[i:])}
}

// encodeQR encodes payload at level M in the smallest version, with the
// mask of lowest penalty.
func encodeQR(payload string) (*qrCode, error) {
	segs := qrSegments(payload)
	var v coding.Version
	for v = coding.MinVersion; ; v++ {
		if v > coding.MaxVersion {
			return nil, errors.New("qr: payload too long")
		}
		bits := 0
		for _, s := range segs {
			bits += s.Bits(v)
		}
		if bits <= v.DataBytes(qrLevel)*8 {
			break
		}
	}
	var best *qrCode
	bestScore := -1
	for m := coding.Mask(0); m < 8; m++ {
		p, err := qrPlan(v, m)
		if err != nil {
			return nil, err
		}
		c, err := p.Encode(segs...)
		if err != nil {
			return nil, err
		}
		q := &qrCode{size: c.Size, dark: make([]byte, c.Size*c.Size)}
		for y := 0; y < c.Size; y++ {
			row := c.Bitmap[y*c.Stride:]
			for x := 0; x < c.Size; x++ {
				q.dark[y*c.Size+x] = (row[x/8] >> uint(7-x&7)) & 1
			}
		}
		if s := qrPenalty(q); bestScore < 0 || s < bestScore {
			best, bestScore = q, s
		}
	}
	return best, nil
}

// qrPenalty is the ISO/IEC 18004 §8.8.2 mask penalty: runs of five or more
// modules of one colour (N1 = 3), 2×2 blocks of one colour (N2 = 3),
// finder-like 1:1:3:1:1 patterns with four light modules on one side
// (N3 = 40), and the imbalance of dark modules (N4 = 10 per 5 %). N3
// slides an 11-module window over each line, the quiet zone around it
// counting as light.
func qrPenalty(q *qrCode) int {
	const (
		window  = 1<<11 - 1
		before  = 0b00001011101 // 0000 1011101
		after   = 0b10111010000 // 1011101 0000
		padding = 4
	)
	n, g := q.size, q.dark
	score, dark := 0, 0
	cols := make([]byte, n*n) // the transpose: columns scan as rows
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			cols[x*n+y] = g[y*n+x]
		}
	}
	for _, grid := range [2][]byte{g, cols} {
		for a := 0; a < n; a++ {
			line := grid[a*n : (a+1)*n]
			// N1 over the line.
			run, prev := 0, byte(2)
			for _, c := range line {
				if c == prev {
					run++
					continue
				}
				if run >= 5 {
					score += 3 + run - 5
				}
				run, prev = 1, c
			}
			if run >= 5 {
				score += 3 + run - 5
			}
			// N3 over the line with four light modules either side.
			w := uint32(0)
			for b, c := range line {
				w = (w<<1 | uint32(c)) & window
				if b >= 6 && (w == before || w == after) {
					score += 40
				}
			}
			for b := 0; b < padding; b++ {
				w = (w << 1) & window
				if w == after {
					score += 40
				}
			}
		}
	}
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			c := g[y*n+x]
			dark += int(c)
			if x+1 < n && y+1 < n && c == g[y*n+x+1] && c == g[(y+1)*n+x] && c == g[(y+1)*n+x+1] {
				score += 3
			}
		}
	}
	dev := dark*100/(n*n) - 50
	if dev < 0 {
		dev = -dev
	}
	return score + dev/5*10
}

// pathOps is the code as a PDF path in module units: one "x y w 1 re" per
// run of dark modules in a row. drawQR maps module units to the page with
// one transformation matrix and fills the whole path at once (no seams
// between rows, and integers only: short and quick to write).
func (q *qrCode) pathOps() string {
	b := make([]byte, 0, q.size*q.size)
	for row := 0; row < q.size; row++ {
		for col := 0; col < q.size; {
			if !q.at(col, row) {
				col++
				continue
			}
			start := col
			for col < q.size && q.at(col, row) {
				col++
			}
			b = strconv.AppendInt(b, int64(start), 10)
			b = append(b, ' ')
			b = strconv.AppendInt(b, int64(row), 10)
			b = append(b, ' ')
			b = strconv.AppendInt(b, int64(col-start), 10)
			b = append(b, " 1 re\n"...)
		}
	}
	return string(b)
}
