// Package report renders Kembang's printed documents as PDF (and the recaps
// also as xlsx): the individual development plan (IDP), certificates with
// an offline-verifiable QR code, the JPM and JP recaps, the attendance list
// (daftar hadir) and an employee's training history.
//
// Documents take plain input structs, so this package depends on domain
// only and the callers (core, the desktop print service, kembangctl) shape
// the data. The PDF engine is github.com/jung-kurt/gofpdf, kept behind this
// package so it can be swapped for a maintained fork without touching
// callers. Text is set in DejaVu Sans (embedded, see fonts/LICENSE), so
// every Latin name prints: "Ni Luh Putu Ayu Ma'ruf", "André Wijaya".
//
// Layout rules shared by every document: A4, millimetres, Indonesian date
// and number formats (format.go), every text either wrapped to its box or
// shrunk to fit it, so nothing runs off the page; tables break across
// pages and repeat their header; pages are numbered "Halaman x dari y".
package report

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"

	"kembang/backend/domain"
)

//go:embed fonts/DejaVuSans.ttf
var fontRegular []byte

//go:embed fonts/DejaVuSans-Bold.ttf
var fontBold []byte

const fontFamily = "dejavu"

// Letterhead is the agency letterhead (kop surat) from the settings.
type Letterhead struct {
	Agency  string // e.g. "PEMERINTAH KABUPATEN SLEMAN"
	Office  string // e.g. "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA"
	Address string
	Contact string // telephone, e-mail, website
	Logo    []byte // PNG or JPEG, optional
}

// Signatory is one person who signs a document.
type Signatory struct {
	Title     string // the role above the name: "Kepala BKPSDM", "Atasan Langsung"
	Name      string // with gelar, as printed
	NIP       string // 18 digits or printed form; printed as "NIP 19740707 200212 1 008"
	Signature []byte // scanned signature, PNG or JPEG, optional
}

// Identity is the employee block of a document.
type Identity struct {
	Name     string // with gelar, as printed (domain.Employee.FullName)
	NIP      string
	Golongan string // "III/c" (printed with pangkat: "Penata (III/c)")
	Position string // jabatan
	Unit     string // unit kerja
}

// IdentityOf builds an Identity from a domain employee and the names of
// its position and unit.
func IdentityOf(e domain.Employee, position, unit string) Identity {
	return Identity{Name: e.FullName(), NIP: e.NIP, Golongan: e.Golongan, Position: position, Unit: unit}
}

const opRender = "report.render"

// renderError wraps a failure of the PDF engine.
func renderError(op string, err error) error {
	if err == nil {
		return nil
	}
	var de *domain.Error
	if errors.As(err, &de) {
		return err
	}
	return domain.E(domain.CodeReportRenderFailed, op, err)
}

// Colours.
var (
	colText   = [3]int{20, 20, 20}
	colMuted  = [3]int{95, 95, 95}
	colRule   = [3]int{60, 60, 60}
	colHeadBg = [3]int{226, 232, 240}
	colZebra  = [3]int{247, 249, 251}
	colAccent = [3]int{22, 78, 99}
)

// doc wraps a gofpdf document with the house layout: margins, a cursor y,
// manual page breaks (gofpdf's automatic break is off, so tables can repeat
// their header) and page numbers stamped at the end.
type doc struct {
	pdf                      *gofpdf.Fpdf
	w, h                     float64 // page size, mm
	left, right, top, bottom float64 // margins, mm
	y                        float64
	footerLeft               string // printed bottom-left on every page
	images                   map[string]string
	imageN                   int
	// onNewPage runs after a page break made by ensure (not for the first
	// page): documents use it to repeat a running title.
	onNewPage func()
}

// newDoc starts an A4 document, "P" or "L".
func newDoc(orientation string) *doc {
	pdf := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: orientation, UnitStr: "mm", SizeStr: "A4"})
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCellMargin(0)
	// gofpdf pads font tables in place while subsetting them, so a font
	// slice shared between documents printed at the same time is a data
	// race: every document gets its own copy (1.4 MB, well under 1 ms).
	pdf.AddUTF8FontFromBytes(fontFamily, "", bytes.Clone(fontRegular))
	pdf.AddUTF8FontFromBytes(fontFamily, "B", bytes.Clone(fontBold))
	pdf.SetCreator("Kembang", false)
	pdf.SetProducer("Kembang (gofpdf)", false)
	w, h := pdf.GetPageSize()
	d := &doc{pdf: pdf, w: w, h: h, left: 20, right: 15, top: 15, bottom: 18, images: map[string]string{}}
	if orientation == "L" {
		d.left, d.right, d.top, d.bottom = 15, 15, 12, 15
	}
	return d
}

func (d *doc) contentWidth() float64 { return d.w - d.left - d.right }
func (d *doc) maxY() float64         { return d.h - d.bottom }

func (d *doc) addPage() {
	d.pdf.AddPage()
	d.y = d.top
}

// ensure starts a new page when h mm do not fit below the cursor. It
// reports whether it did.
func (d *doc) ensure(h float64) bool {
	if d.y+h <= d.maxY() || d.y <= d.top+0.01 {
		return false
	}
	d.addPage()
	if d.onNewPage != nil {
		d.onNewPage()
	}
	return true
}

func (d *doc) font(bold bool, size float64) {
	style := ""
	if bold {
		style = "B"
	}
	d.pdf.SetFont(fontFamily, style, size)
}

func (d *doc) color(c [3]int) { d.pdf.SetTextColor(c[0], c[1], c[2]) }

// lineHeight is the baseline-to-baseline distance of a font size, mm.
func lineHeight(size float64) float64 { return size * 0.3528 * 1.25 }

// text writes one line in box [x, x+w] at baseline-top y, aligned "L", "C"
// or "R". A line wider than w is shrunk until it fits (never clipped).
func (d *doc) text(x, y, w float64, s, align string) {
	if s == "" {
		return
	}
	size, _ := d.pdf.GetFontSize()
	restore := size
	for d.pdf.GetStringWidth(s) > w && size > 4 {
		size -= 0.25
		d.pdf.SetFontSize(size)
	}
	sw := d.pdf.GetStringWidth(s)
	switch align {
	case "C":
		x += (w - sw) / 2
	case "R":
		x += w - sw
	}
	// y is the top of the line box; place the baseline like Cell does.
	d.pdf.Text(x, y+lineHeight(size)*0.5+size*0.3528*0.35, s)
	if size != restore {
		d.pdf.SetFontSize(restore)
	}
}

// wrap breaks s into lines no wider than w in the current font: at spaces
// first, inside a word only when the word alone is wider than w. "\n"
// forces a break.
func (d *doc) wrap(s string, w float64) []string { return d.wrapOpt(s, w, true) }

// fitLines is wrap, except that a text up to 1/minScale times too wide
// stays on one line (text shrinks it): names and addresses read better
// slightly smaller than broken.
func (d *doc) fitLines(s string, w, minScale float64) []string {
	if !strings.Contains(s, "\n") && d.pdf.GetStringWidth(s)*minScale <= w {
		return []string{s}
	}
	return d.wrap(s, w)
}

// wrapOpt is wrap; with splitWords false a word wider than w stays whole
// (text shrinks it), for table headers.
func (d *doc) wrapOpt(s string, w float64, splitWords bool) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			lines = append(lines, "")
			continue
		}
		cur := ""
		for _, word := range words {
			cand := word
			if cur != "" {
				cand = cur + " " + word
			}
			if d.pdf.GetStringWidth(cand) <= w {
				cur = cand
				continue
			}
			if cur != "" {
				lines = append(lines, cur)
				cur = ""
			}
			// The word alone: split it by characters if it does not fit.
			for splitWords && d.pdf.GetStringWidth(word) > w {
				cut := fitRunes(d.pdf, word, w)
				lines = append(lines, word[:cut])
				word = word[cut:]
			}
			cur = word
		}
		lines = append(lines, cur)
	}
	return lines
}

// fitRunes returns the byte length of the longest prefix of s (at least one
// rune) whose width is ≤ w.
func fitRunes(pdf *gofpdf.Fpdf, s string, w float64) int {
	end := 0
	for i, r := range s {
		next := i + utf8.RuneLen(r)
		if end > 0 && pdf.GetStringWidth(s[:next]) > w {
			break
		}
		end = next
	}
	return end
}

// paragraph writes s wrapped to width w at (x, y) and returns the height
// used.
func (d *doc) paragraph(x, y, w float64, s, align string, lh float64) float64 {
	lines := d.wrap(s, w)
	for i, l := range lines {
		d.text(x, y+float64(i)*lh, w, l, align)
	}
	return float64(len(lines)) * lh
}

// flow writes a wrapped paragraph at the cursor across the content width,
// breaking pages between lines.
func (d *doc) flow(s string, bold bool, size float64, align string) {
	d.font(bold, size)
	lh := lineHeight(size)
	for _, l := range d.wrap(s, d.contentWidth()) {
		d.ensure(lh)
		d.font(bold, size)
		d.text(d.left, d.y, d.contentWidth(), l, align)
		d.y += lh
	}
}

// heading writes a section heading at the cursor, keeping it with the
// next keep mm of content.
func (d *doc) heading(s string, keep float64) {
	d.ensure(8 + keep)
	d.color(colAccent)
	d.font(true, 10.5)
	d.y += 2
	d.text(d.left, d.y, d.contentWidth(), s, "L")
	d.y += 6.5
	d.color(colText)
}

// imageName registers img (PNG or JPEG, sniffed) once and returns its
// name; an unreadable image is report.image_invalid.
func (d *doc) imageName(key string, img []byte) (string, error) {
	if name, ok := d.images[key]; ok {
		return name, nil
	}
	tp, ok := imageType(img)
	if !ok {
		return "", domain.E(domain.CodeReportImageInvalid, opRender, nil, "image", key)
	}
	d.imageN++
	name := fmt.Sprintf("img%d", d.imageN)
	d.pdf.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: tp}, bytes.NewReader(img))
	if err := d.pdf.Error(); err != nil {
		// gofpdf keeps the first error forever; report it as the image's.
		return "", domain.E(domain.CodeReportImageInvalid, opRender, err, "image", key)
	}
	d.images[key] = name
	return name, nil
}

// imageType sniffs PNG and JPEG.
func imageType(b []byte) (string, bool) {
	switch {
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return "png", true
	case bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}):
		return "jpg", true
	}
	return "", false
}

// imageFit draws a registered image inside the box, keeping its aspect
// ratio, centred horizontally (align "C") or left-aligned, top-aligned.
func (d *doc) imageFit(name string, x, y, w, h float64, align string) {
	info := d.pdf.GetImageInfo(name)
	if info == nil || info.Width() == 0 || info.Height() == 0 {
		return
	}
	iw, ih := info.Width(), info.Height()
	scale := min(w/iw, h/ih)
	dw, dh := iw*scale, ih*scale
	if align == "C" {
		x += (w - dw) / 2
	}
	d.pdf.ImageOptions(name, x, y, dw, dh, false, gofpdf.ImageOptions{}, 0, "")
}

// letterhead draws the kop at the top of the current page and moves the
// cursor below its double rule.
func (d *doc) letterhead(l Letterhead) error {
	x, w := d.left, d.contentWidth()
	top := d.y
	logoW := 0.0
	if len(l.Logo) > 0 {
		name, err := d.imageName("logo", l.Logo)
		if err != nil {
			return err
		}
		logoW = 24
		d.imageFit(name, x, top, 22, 24, "C")
	}
	// The text is centred on the page width, but kept clear of the logo.
	tx, tw := x+logoW, w-2*logoW
	y := top
	d.color(colText)
	if l.Agency != "" {
		d.font(true, 12)
		y += d.paragraph(tx, y, tw, strings.ToUpper(l.Agency), "C", lineHeight(12))
	}
	if l.Office != "" {
		d.font(true, 13.5)
		y += d.paragraph(tx, y, tw, strings.ToUpper(l.Office), "C", lineHeight(13.5))
	}
	d.font(false, 8.5)
	for _, s := range []string{clean(l.Address), clean(l.Contact)} {
		for _, line := range d.fitLines(s, tw, 0.85) {
			if line != "" {
				d.text(tx, y, tw, line, "C")
				y += lineHeight(8.5)
			}
		}
	}
	if logoW > 0 {
		y = max(y, top+24)
	}
	y += 1.5
	d.pdf.SetDrawColor(0, 0, 0)
	d.pdf.SetLineWidth(0.8)
	d.pdf.Line(x, y, x+w, y)
	d.pdf.SetLineWidth(0.25)
	d.pdf.Line(x, y+1.1, x+w, y+1.1)
	d.y = y + 5
	return nil
}

// title writes centred bold title lines.
func (d *doc) title(lines ...string) {
	for i, s := range lines {
		if s == "" {
			continue
		}
		size := 12.5
		if i > 0 {
			size = 11
		}
		d.font(true, size)
		d.color(colText)
		d.y += d.paragraph(d.left, d.y, d.contentWidth(), s, "C", lineHeight(size))
	}
	d.y += 3
}

// fields writes "label : value" rows, values wrapped.
func (d *doc) fields(labelW float64, rows [][2]string) {
	size := 9.5
	lh := lineHeight(size)
	for _, r := range rows {
		d.font(false, size)
		valueW := d.contentWidth() - labelW - 4
		lines := d.wrap(r[1], valueW)
		d.ensure(float64(len(lines)) * lh)
		d.color(colMuted)
		d.text(d.left, d.y, labelW, r[0], "L")
		d.text(d.left+labelW, d.y, 4, ":", "L")
		d.color(colText)
		for i, l := range lines {
			d.text(d.left+labelW+4, d.y+float64(i)*lh, valueW, l, "L")
		}
		d.y += float64(len(lines)) * lh
	}
}

// signatureBlockHeight is the height of one signature block.
const signatureBlockHeight = 36

// signature draws one signature block in the column [x, x+w] from y: the
// optional lines above the title (place and date, "Mengetahui,"), the
// title, room for the signature (or the scanned image), the name
// underlined and the NIP. It returns the height used.
func (d *doc) signature(x, y, w float64, s Signatory, above ...string) (float64, error) {
	return d.signatureSized(x, y, w, 9.5, s, above...)
}

// signatureSized is signature with a font size.
func (d *doc) signatureSized(x, y, w, size float64, s Signatory, above ...string) (float64, error) {
	lh := lineHeight(size)
	start := y
	d.color(colText)
	d.font(false, size)
	for _, a := range above {
		if a != "" {
			y += d.paragraph(x, y, w, a, "C", lh)
		}
	}
	y += d.paragraph(x, y, w, clean(s.Title), "C", lh)
	if len(s.Signature) > 0 {
		sum := sha256.Sum256(s.Signature)
		name, err := d.imageName("signature:"+hex.EncodeToString(sum[:]), s.Signature)
		if err != nil {
			return 0, err
		}
		d.imageFit(name, x+w/2-20, y+1, 40, 15, "C")
	}
	y += 18
	d.font(true, size)
	name := clean(s.Name)
	if name == "" {
		name = strings.Repeat(".", 40)
	}
	for _, l := range d.fitLines(name, w, 0.75) {
		d.text(x, y, w, l, "C")
		lw := min(d.pdf.GetStringWidth(l), w)
		d.pdf.SetDrawColor(0, 0, 0)
		d.pdf.SetLineWidth(0.2)
		d.pdf.Line(x+(w-lw)/2, y+lh-0.3, x+(w+lw)/2, y+lh-0.3)
		y += lh
	}
	d.font(false, size)
	if s.NIP != "" {
		d.text(x, y, w, "NIP "+FormatNIP(s.NIP), "C")
		y += lh
	}
	return y - start, nil
}

// sigSlot is one block of a signature row.
type sigSlot struct {
	x, w  float64
	s     Signatory
	above []string
}

// signatureRow draws blocks side by side from y so that their names line
// up: a block with fewer lines above its signing space is padded at the
// top. It returns the height of the tallest block.
func (d *doc) signatureRow(y, size float64, slots []sigSlot) (float64, error) {
	d.font(false, size)
	counts := make([]int, len(slots))
	most := 0
	for i, sl := range slots {
		n := len(d.wrap(clean(sl.s.Title), sl.w))
		for _, a := range sl.above {
			if a != "" {
				n += len(d.wrap(a, sl.w))
			}
		}
		counts[i] = n
		most = max(most, n)
	}
	h := 0.0
	for i, sl := range slots {
		var above []string
		for k := counts[i]; k < most; k++ {
			above = append(above, " ")
		}
		above = append(above, sl.above...)
		hh, err := d.signatureSized(sl.x, y, sl.w, size, sl.s, above...)
		if err != nil {
			return 0, err
		}
		h = max(h, hh)
	}
	return h, nil
}

// signatureHeight estimates the height of a block with n lines above.
func signatureHeight(above int) float64 { return signatureBlockHeight + float64(above)*lineHeight(9.5) }

// finish stamps the footer on every page and writes the PDF.
func (d *doc) finish(w io.Writer, op string) error {
	if err := d.pdf.Error(); err != nil {
		return renderError(op, err)
	}
	n := d.pdf.PageCount()
	for i := 1; i <= n; i++ {
		d.pdf.SetPage(i)
		// A page's content stream keeps the state of its last drawing: set
		// every property again so the footer does not inherit it.
		d.pdf.SetFont(fontFamily, "", 7.5)
		d.pdf.SetFontSize(7.5)
		d.pdf.SetFillColor(255, 255, 255)
		d.pdf.SetTextColor(colMuted[0], colMuted[1], colMuted[2])
		d.pdf.SetDrawColor(180, 180, 180)
		d.pdf.SetLineWidth(0.2)
		y := d.h - d.bottom + 5
		d.pdf.Line(d.left, y-1.5, d.w-d.right, y-1.5)
		pageText := fmt.Sprintf("Halaman %d dari %d", i, n)
		d.text(d.w-d.right-45, y, 45, pageText, "R")
		if d.footerLeft != "" {
			d.text(d.left, y, d.contentWidth()-50, d.footerLeft, "L")
		}
	}
	d.pdf.SetPage(n)
	if err := d.pdf.Output(w); err != nil {
		return renderError(op, err)
	}
	return nil
}

// finishPlain writes the PDF without page numbers (certificates).
func (d *doc) finishPlain(w io.Writer, op string) error {
	if err := d.pdf.Error(); err != nil {
		return renderError(op, err)
	}
	if err := d.pdf.Output(w); err != nil {
		return renderError(op, err)
	}
	return nil
}

// imageOpts are the options of an already registered image.
var imageOpts = gofpdf.ImageOptions{}

// diamond is a square standing on a corner, centred on (x, y).
func diamond(x, y, r float64) []gofpdf.PointType {
	return []gofpdf.PointType{{X: x, Y: y - r}, {X: x + r, Y: y}, {X: x, Y: y + r}, {X: x - r, Y: y}}
}

// clean trims s and turns runs of whitespace (and control characters)
// into one space, so a pasted name with a tab or two spaces prints well.
func clean(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(s) {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// orDash prints "-" for an empty value.
func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}
