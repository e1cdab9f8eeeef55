package core

import (
	"sort"
	"strconv"

	"kembang/backend/domain"
	"kembang/backend/report"
)

// LayoutBox places one field of the certificate: position and width in mm
// from the top-left corner of the landscape A4 page (297 × 210), font size
// in points, alignment L/C/R, bold, or hidden (for a background that prints
// the field itself). For the QR code only X, Y and W (its side) count.
type LayoutBox struct {
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	W      float64 `json:"w"`
	Size   float64 `json:"size"`
	Align  string  `json:"align"`
	Bold   bool    `json:"bold"`
	Hidden bool    `json:"hidden"`
}

// certificateFields names the fields an office may move, in page order.
var certificateFields = []string{"logo", "heading", "number", "intro", "name", "nip", "identity", "body", "dates", "jp", "placeDate", "qr"}

// templateBoxes maps the field names to the template's boxes.
func templateBoxes(t *report.CertificateTemplate) map[string]*report.TextBox {
	return map[string]*report.TextBox{
		"logo": &t.LogoBox, "heading": &t.HeadingBox, "number": &t.NumberBox, "intro": &t.IntroBox,
		"name": &t.NameBox, "nip": &t.NIPBox, "identity": &t.IdentityBox, "body": &t.BodyBox,
		"dates": &t.DatesBox, "jp": &t.JPBox, "placeDate": &t.PlaceDateBox,
	}
}

// DefaultCertificateLayout is the built-in design's layout, so the settings
// screen can show every field with its current place.
func DefaultCertificateLayout() map[string]LayoutBox {
	t := report.DefaultCertificateTemplate()
	out := make(map[string]LayoutBox, len(certificateFields))
	for name, b := range templateBoxes(&t) {
		out[name] = LayoutBox{X: b.X, Y: b.Y, W: b.W, Size: b.Size, Align: b.Align, Bold: b.Bold, Hidden: b.Hidden}
	}
	out["qr"] = LayoutBox{X: t.QR.X, Y: t.QR.Y, W: t.QR.Size}
	return out
}

// applyCertificateLayout moves the template's fields to the office's layout;
// fields the layout does not name keep the built-in place.
func applyCertificateLayout(t *report.CertificateTemplate, layout map[string]LayoutBox) {
	boxes := templateBoxes(t)
	for name, l := range layout {
		if name == "qr" {
			t.QR.X, t.QR.Y, t.QR.Size = l.X, l.Y, l.W
			continue
		}
		if b, ok := boxes[name]; ok {
			*b = report.TextBox{X: l.X, Y: l.Y, W: l.W, Size: l.Size, Align: l.Align, Bold: l.Bold, Hidden: l.Hidden}
		}
	}
}

// validateCertificateLayout keeps every field on the page and readable.
func validateCertificateLayout(layout map[string]LayoutBox, add func(field, code, value string)) {
	known := make(map[string]bool, len(certificateFields))
	for _, f := range certificateFields {
		known[f] = true
	}
	names := make([]string, 0, len(layout))
	for name := range layout {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		l := layout[name]
		field := "certificateLayout." + name
		if !known[name] {
			add(field, domain.CodeInvalid, name)
			continue
		}
		const pageW, pageH = 297.0, 210.0
		switch {
		case l.X < 0 || l.X >= pageW:
			add(field+".x", domain.CodeInvalid, strconv.FormatFloat(l.X, 'f', -1, 64))
		case l.Y < 0 || l.Y >= pageH:
			add(field+".y", domain.CodeInvalid, strconv.FormatFloat(l.Y, 'f', -1, 64))
		case l.W < 0 || l.X+l.W > pageW:
			add(field+".w", domain.CodeInvalid, strconv.FormatFloat(l.W, 'f', -1, 64))
		case name == "qr" && (l.W < 15 || l.Y+l.W > pageH):
			// A smaller code no longer scans reliably once printed.
			add(field+".w", domain.CodeInvalid, strconv.FormatFloat(l.W, 'f', -1, 64))
		case name != "qr" && (l.Size < 0 || l.Size > 72):
			add(field+".size", domain.CodeInvalid, strconv.FormatFloat(l.Size, 'f', -1, 64))
		case l.Align != "" && l.Align != "L" && l.Align != "C" && l.Align != "R":
			add(field+".align", domain.CodeInvalid, l.Align)
		}
	}
}
