package report

import (
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"kembang/backend/domain"
)

// Certificates (sertifikat / STTPP, DOMAIN.md §8): one landscape A4 page
// per participant, all in one PDF, each with its number, the participant's
// name and NIP, the event, its dates and JP in the usual wording, the place
// and date of issue, one or two signatories and a QR code holding the
// verification URL with the signed code (verify.go).

// TextBox places one text field of a certificate: X, Y of its top-left
// corner and the width W it wraps (or shrinks) in, all in mm from the top
// left of the landscape page; Size in points. A box whose fields are all
// zero takes the default template's value. Fields flow: when a text above
// needs more lines than planned, the fields below it move down rather than
// overlap.
type TextBox struct {
	X, Y, W float64
	Size    float64
	Align   string // "L", "C" (default) or "R"
	Bold    bool
	Hidden  bool
}

func (b TextBox) zero() bool { return b == TextBox{} }

// QRBox places the QR code: top-left corner and side, mm. The code is
// drawn as vector squares on a white quiet zone, so it scans on any
// background.
type QRBox struct {
	X, Y, Size float64
	Caption    string // under the code; default "Pindai untuk verifikasi"
}

// CertificateTemplate is an office's certificate design. Start from
// DefaultCertificateTemplate and change what differs: a background image
// (the agency's designed blank, drawn full-page under everything), field
// positions and sizes, and the signatories.
type CertificateTemplate struct {
	// Background is a PNG or JPEG drawn over the whole page. It is embedded
	// once however many pages the PDF has.
	Background []byte
	// NoBorder turns off the drawn border and ornaments, which are
	// otherwise drawn when there is no background.
	NoBorder bool
	Logo     []byte  // optional emblem at LogoBox
	LogoBox  TextBox // X, Y, W (height = W)
	Heading  string  // default "SERTIFIKAT"

	HeadingBox, NumberBox, IntroBox, NameBox, NIPBox, IdentityBox, BodyBox TextBox
	// DatesBox and JPBox print the dates and JP on their own, for designs
	// with printed labels; hidden by default because the body says both.
	DatesBox, JPBox TextBox
	PlaceDateBox    TextBox // "Sleman, 23 November 2026", above the last signatory
	QR              QRBox
	// Signatories sign every certificate: one or two. SignatoryBoxes
	// place them (X, Y, W, Size); default positions when not given.
	Signatories    []Signatory
	SignatoryBoxes []TextBox
}

// DefaultCertificateTemplate is a clean design that needs no background: a
// double border with corner ornaments, centred text, the QR bottom left
// and the signatory bottom right (or two signatories side by side).
func DefaultCertificateTemplate() CertificateTemplate {
	return CertificateTemplate{
		LogoBox:      TextBox{X: 138.5, Y: 17, W: 20},
		Heading:      "SERTIFIKAT",
		HeadingBox:   TextBox{X: 30, Y: 39, W: 237, Size: 30, Bold: true},
		NumberBox:    TextBox{X: 30, Y: 54.5, W: 237, Size: 10.5},
		IntroBox:     TextBox{X: 30, Y: 62, W: 237, Size: 11},
		NameBox:      TextBox{X: 30, Y: 69, W: 237, Size: 22, Bold: true},
		NIPBox:       TextBox{X: 30, Y: 80, W: 237, Size: 11},
		IdentityBox:  TextBox{X: 45, Y: 86, W: 207, Size: 9},
		BodyBox:      TextBox{X: 32, Y: 98, W: 233, Size: 11.5},
		DatesBox:     TextBox{Hidden: true},
		JPBox:        TextBox{Hidden: true},
		PlaceDateBox: TextBox{Size: 10.5},
		QR:           QRBox{X: 24, Y: 143, Size: 36},
	}
}

// defaultSignatoryBoxes places n (1 or 2) signatories.
func defaultSignatoryBoxes(n int) []TextBox {
	if n == 2 {
		return []TextBox{{X: 74, Y: 146, W: 95, Size: 10.5}, {X: 182, Y: 146, W: 95, Size: 10.5}}
	}
	return []TextBox{{X: 177, Y: 146, W: 100, Size: 10.5}}
}

// withDefaults fills the zero boxes from the default template.
func (t CertificateTemplate) withDefaults() CertificateTemplate {
	def := DefaultCertificateTemplate()
	fill := func(b *TextBox, d TextBox) {
		if b.zero() {
			*b = d
		}
		if b.Size == 0 {
			b.Size = 11
		}
		if b.Align == "" {
			b.Align = "C"
		}
	}
	fill(&t.LogoBox, def.LogoBox)
	fill(&t.HeadingBox, def.HeadingBox)
	fill(&t.NumberBox, def.NumberBox)
	fill(&t.IntroBox, def.IntroBox)
	fill(&t.NameBox, def.NameBox)
	fill(&t.NIPBox, def.NIPBox)
	fill(&t.IdentityBox, def.IdentityBox)
	fill(&t.BodyBox, def.BodyBox)
	fill(&t.DatesBox, def.DatesBox)
	fill(&t.JPBox, def.JPBox)
	fill(&t.PlaceDateBox, def.PlaceDateBox)
	if t.Heading == "" {
		t.Heading = def.Heading
	}
	if t.QR.Size == 0 {
		t.QR.X, t.QR.Y, t.QR.Size = def.QR.X, def.QR.Y, def.QR.Size
	}
	if t.QR.Caption == "" {
		t.QR.Caption = "Pindai untuk verifikasi"
	}
	boxes := defaultSignatoryBoxes(len(t.Signatories))
	out := make([]TextBox, len(t.Signatories))
	for i := range out {
		if i < len(t.SignatoryBoxes) && !t.SignatoryBoxes[i].zero() {
			out[i] = t.SignatoryBoxes[i]
		} else if i < len(boxes) {
			out[i] = boxes[i]
		}
		fill(&out[i], boxes[min(i, len(boxes)-1)])
	}
	t.SignatoryBoxes = out
	return t
}

// CertificateEvent is the training event the certificates are for.
type CertificateEvent struct {
	Name     string
	Batch    string // angkatan, optional
	Provider string // penyelenggara
	Venue    string // optional
	Start    string // YYYY-MM-DD
	End      string // YYYY-MM-DD
	JP       float64
	Office   string // issuing office, as printed and signed
	Place    string // place of issue
	IssuedAt string // YYYY-MM-DD
}

// CertificateParticipant is one certificate's person.
type CertificateParticipant struct {
	Number   string // certificate number (domain.CertificateAllocator)
	Name     string // with gelar
	NIP      string
	Golongan string // optional
	Position string // optional
	Unit     string // optional
}

// EventTitle is the event as printed and signed: the name, with
// "Angkatan <batch>" when there is one.
func (ev CertificateEvent) EventTitle() string {
	s := clean(ev.Name)
	if b := clean(ev.Batch); b != "" {
		s += " Angkatan " + b
	}
	return s
}

// Claim is what participant p's certificate states and its code signs.
func (ev CertificateEvent) Claim(p CertificateParticipant) CertificateClaim {
	return CertificateClaim{Number: p.Number, NIP: p.NIP, Name: p.Name, Event: ev.EventTitle(),
		Start: ev.Start, End: ev.End, JP: ev.JP, Office: ev.Office, IssuedAt: ev.IssuedAt}.Normalize()
}

// CertificateBody is the sentence under the name, DOMAIN.md §8: "telah
// mengikuti …, yang diselenggarakan oleh … dari tanggal … sampai dengan …,
// yang meliputi 20 (dua puluh) jam pelajaran."
func CertificateBody(ev CertificateEvent) string {
	var b strings.Builder
	b.WriteString("telah mengikuti ")
	b.WriteString(ev.EventTitle())
	if p := clean(ev.Provider); p != "" {
		b.WriteString(", yang diselenggarakan oleh ")
		b.WriteString(p)
	}
	if v := clean(ev.Venue); v != "" {
		b.WriteString(" di ")
		b.WriteString(v)
	}
	switch {
	case ev.Start != "" && ev.End != "" && ev.Start != ev.End:
		b.WriteString(" dari tanggal ")
		b.WriteString(FormatDate(ev.Start))
		b.WriteString(" sampai dengan ")
		b.WriteString(FormatDate(ev.End))
	case ev.Start != "":
		b.WriteString(" pada tanggal ")
		b.WriteString(FormatDate(ev.Start))
	}
	if ev.JP > 0 {
		b.WriteString(", yang meliputi ")
		b.WriteString(FormatNumber(ev.JP))
		b.WriteString(" (")
		b.WriteString(TerbilangDecimal(ev.JP))
		b.WriteString(") jam pelajaran")
	}
	b.WriteString(".")
	return b.String()
}

// Certificates renders one landscape page per participant, in order, into
// one PDF. Each page's QR holds VerificationURL(verifyBaseURL, code) where
// code is SignCertificate(ev.Claim(p), signer).
//
// Errors: report.input_invalid (field "signatories" unless 1–2, "people"
// when empty, "verifyBaseURL" when empty; SignCertificate's fields),
// report.image_invalid for an unreadable background, logo or signature.
func Certificates(w io.Writer, t CertificateTemplate, ev CertificateEvent, people []CertificateParticipant, signer Signer, verifyBaseURL string) error {
	return certificates(w, t, ev, people, signer, verifyBaseURL, nil)
}

// pageQR is the signed code and QR matrix of one certificate.
type pageQR struct {
	payload string
	code    *qrCode
	err     error
}

// certificates is Certificates with a hook that sees every QR payload
// exactly as it goes to the encoder (tests).
func certificates(w io.Writer, t CertificateTemplate, ev CertificateEvent, people []CertificateParticipant, signer Signer, verifyBaseURL string, onQR func(string)) error {
	const op = "report.certificates"
	switch {
	case len(t.Signatories) < 1 || len(t.Signatories) > 2:
		return domain.E(domain.CodeReportInputInvalid, op, nil, "field", "signatories", "count", len(t.Signatories))
	case len(people) == 0:
		return domain.E(domain.CodeReportInputInvalid, op, nil, "field", "people")
	case strings.TrimSpace(verifyBaseURL) == "":
		return domain.E(domain.CodeReportInputInvalid, op, nil, "field", "verifyBaseURL")
	}
	t = t.withDefaults()

	// Signing and QR encoding are the expensive part: do them on every
	// core, then lay the pages out in order.
	qrs := make([]pageQR, len(people))
	for i, p := range people {
		code, err := SignCertificate(ev.Claim(p), signer)
		if err != nil {
			return err
		}
		qrs[i].payload = VerificationURL(strings.TrimSpace(verifyBaseURL), code)
		if onQR != nil {
			onQR(qrs[i].payload)
		}
	}
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), len(people))
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				qrs[i].code, qrs[i].err = encodeQR(qrs[i].payload)
				if qrs[i].err == nil {
					qrs[i].code.ops = qrs[i].code.pathOps()
				}
			}
		}()
	}
	for i := range qrs {
		next <- i
	}
	close(next)
	wg.Wait()
	for i := range qrs {
		if qrs[i].err != nil {
			return domain.E(domain.CodeReportRenderFailed, op, qrs[i].err, "participant", i)
		}
	}

	d := newDoc("L")
	var bg, logo string
	var err error
	if len(t.Background) > 0 {
		if bg, err = d.imageName("background", t.Background); err != nil {
			return err
		}
	}
	if len(t.Logo) > 0 {
		if logo, err = d.imageName("logo", t.Logo); err != nil {
			return err
		}
	}
	body := CertificateBody(ev)
	for i, p := range people {
		d.addPage()
		if bg != "" {
			d.pdf.ImageOptions(bg, 0, 0, d.w, d.h, false, imageOpts, 0, "")
		} else if !t.NoBorder {
			d.certificateBorder()
		}
		if logo != "" {
			d.imageFit(logo, t.LogoBox.X, t.LogoBox.Y, t.LogoBox.W, t.LogoBox.W, "C")
		}
		if err := d.certificatePage(t, ev, p, body, qrs[i].code); err != nil {
			return err
		}
	}
	return d.finishPlain(w, op)
}

// certificatePage lays out the text fields, QR and signatories of one page.
func (d *doc) certificatePage(t CertificateTemplate, ev CertificateEvent, p CertificateParticipant, body string, code *qrCode) error {
	d.color(colText)
	y := 0.0 // bottom of the last field drawn: later fields never start above it
	field := func(b TextBox, s string, maxLines int) {
		if b.Hidden || s == "" {
			return
		}
		top := max(b.Y, y)
		y = top + d.fitBox(b, top, s, maxLines) + 0.8
	}
	field(t.HeadingBox, t.Heading, 1)
	field(t.NumberBox, "Nomor: "+clean(p.Number), 1)
	field(t.IntroBox, "diberikan kepada:", 1)
	field(t.NameBox, clean(p.Name), 2)
	if p.NIP != "" {
		field(t.NIPBox, "NIP "+FormatNIP(p.NIP), 1)
	}
	var ident []string
	if g := clean(p.Golongan); g != "" {
		ident = append(ident, "Pangkat/Gol. "+FormatGolongan(g))
	}
	for _, s := range []string{p.Position, p.Unit} {
		if s = clean(s); s != "" {
			ident = append(ident, s)
		}
	}
	field(t.IdentityBox, strings.Join(ident, " · "), 2)
	field(t.BodyBox, body, 6)
	field(t.DatesBox, FormatDateRange(ev.Start, ev.End), 1)
	field(t.JPBox, FormatNumber(ev.JP)+" JP", 1)

	// QR with a white quiet zone.
	q := t.QR
	d.pdf.SetFillColor(255, 255, 255)
	d.pdf.Rect(q.X-1.5, q.Y-1.5, q.Size+3, q.Size+3, "F")
	d.drawQR(code, q.X, q.Y, q.Size)
	d.font(false, 6.5)
	d.color(colMuted)
	d.text(q.X-6, q.Y+q.Size+1.2, q.Size+12, q.Caption, "C")
	d.color(colText)

	// Signatories; the place and date go above the last one.
	placeDate := strings.Trim(strings.TrimSpace(clean(ev.Place)+", "+FormatDate(ev.IssuedAt)), ", ")
	slots := make([]sigSlot, len(t.Signatories))
	size, top := 0.0, 0.0
	for i, s := range t.Signatories {
		b := t.SignatoryBoxes[i]
		slots[i] = sigSlot{x: b.X, w: b.W, s: s}
		if i == len(t.Signatories)-1 && !t.PlaceDateBox.Hidden {
			slots[i].above = []string{placeDate}
		}
		size, top = max(size, b.Size), max(top, b.Y)
	}
	if _, err := d.signatureRow(top, size, slots); err != nil {
		return err
	}
	return nil
}

// fitBox writes s in box b starting at top: wrapped to b.W, the font
// shrunk until it takes at most maxLines lines. It returns the height used.
func (d *doc) fitBox(b TextBox, top float64, s string, maxLines int) float64 {
	size := b.Size
	d.font(b.Bold, size)
	lines := d.fitLines(s, b.W, 0.9)
	for len(lines) > maxLines && size > 7 {
		size -= 0.5
		d.font(b.Bold, size)
		lines = d.fitLines(s, b.W, 0.9)
	}
	lh := lineHeight(size)
	for i, l := range lines {
		d.text(b.X, top+float64(i)*lh, b.W, l, b.Align)
	}
	return float64(len(lines)) * lh
}

// drawQR draws the dark modules of code in the square (x, y, size): its
// path (pathOps, in module units) under a matrix that maps modules to the
// page, filled black at once, inside q/Q so gofpdf's colour state holds.
func (d *doc) drawQR(code *qrCode, x, y, size float64) {
	if code.size == 0 {
		return
	}
	ops := code.ops
	if ops == "" {
		ops = code.pathOps()
	}
	k := d.pdf.GetConversionRatio()
	m := size / float64(code.size) * k
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 4, 64) }
	d.pdf.RawWriteStr("q 0 g " + f(m) + " 0 0 " + f(-m) + " " + f(x*k) + " " + f((d.h-y)*k) + " cm\n" + ops + "f Q")
}

// certificateBorder draws the default frame: a thick outer and a thin
// inner border in the accent colour with gold corner ornaments.
func (d *doc) certificateBorder() {
	pdf := d.pdf
	gold := [3]int{180, 142, 60}
	pdf.SetDrawColor(colAccent[0], colAccent[1], colAccent[2])
	pdf.SetLineWidth(2.2)
	pdf.Rect(8, 8, d.w-16, d.h-16, "D")
	pdf.SetDrawColor(gold[0], gold[1], gold[2])
	pdf.SetLineWidth(0.5)
	pdf.Rect(11.5, 11.5, d.w-23, d.h-23, "D")
	pdf.SetLineWidth(0.25)
	pdf.Rect(13, 13, d.w-26, d.h-26, "D")
	// Corner ornaments: a diamond with a ring.
	for _, c := range [][2]float64{{13, 13}, {d.w - 13, 13}, {13, d.h - 13}, {d.w - 13, d.h - 13}} {
		pdf.SetFillColor(gold[0], gold[1], gold[2])
		pdf.Polygon(diamond(c[0], c[1], 4.5), "F")
		pdf.SetFillColor(255, 255, 255)
		pdf.Circle(c[0], c[1], 1.3, "F")
		pdf.SetDrawColor(colAccent[0], colAccent[1], colAccent[2])
		pdf.SetLineWidth(0.4)
		pdf.Circle(c[0], c[1], 6.5, "D")
	}
	// A thin gold rule under the heading area.
	pdf.SetDrawColor(gold[0], gold[1], gold[2])
	pdf.SetLineWidth(0.4)
	mid := d.w / 2
	pdf.Line(mid-45, 51.5, mid-4, 51.5)
	pdf.Line(mid+4, 51.5, mid+45, 51.5)
	pdf.SetFillColor(gold[0], gold[1], gold[2])
	pdf.Polygon(diamond(mid, 51.5, 1.8), "F")
	pdf.SetLineWidth(0.2)
}
