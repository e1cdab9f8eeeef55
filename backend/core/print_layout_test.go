package core_test

import (
	"context"
	"strings"
	"testing"

	"kembang/backend/core"
	"kembang/backend/domain"
)

// An office that prints on its own designed blank moves or hides fields;
// the certificate follows the layout saved in the settings.
func TestCertificateLayoutFromSettings(t *testing.T) {
	t.Parallel()
	c := demoCore(t)
	ctx := context.Background()
	v, done := completedEvent(t, c)
	set, err := c.PrintSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.CertificateLayout) != 12 || set.CertificateLayout["qr"].W == 0 || set.CertificateLayout["name"].Size == 0 {
		t.Fatalf("settings must show the built-in layout of every field: %+v", set.CertificateLayout)
	}
	name := set.CertificateLayout["name"]
	name.Hidden = true
	set.CertificateLayout["name"] = name
	if _, err := c.SavePrintSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	doc, err := c.Print(ctx, core.PrintRequest{Doc: core.DocCertificates, EventID: v.Event.ID})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, doc.Data)
	if strings.Contains(text, done[0].Employee.FullName) {
		t.Errorf("the hidden name field is still printed")
	}
	mustContain(t, "certificates", text, "Nomor: "+done[0].Participant.CertificateNo)
}

func TestCertificateLayoutValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		edit  func(map[string]core.LayoutBox)
		field string
	}{
		{"a QR code too small to scan", func(l map[string]core.LayoutBox) { q := l["qr"]; q.W = 8; l["qr"] = q }, "certificateLayout.qr.w"},
		{"a field off the page", func(l map[string]core.LayoutBox) { b := l["body"]; b.X = 300; l["body"] = b }, "certificateLayout.body.x"},
		{"a field wider than the page", func(l map[string]core.LayoutBox) { b := l["heading"]; b.W = 290; l["heading"] = b }, "certificateLayout.heading.w"},
		{"a huge font", func(l map[string]core.LayoutBox) { b := l["name"]; b.Size = 200; l["name"] = b }, "certificateLayout.name.size"},
		{"an unknown alignment", func(l map[string]core.LayoutBox) { b := l["nip"]; b.Align = "J"; l["nip"] = b }, "certificateLayout.nip.align"},
		{"an unknown field", func(l map[string]core.LayoutBox) { l["signature"] = core.LayoutBox{} }, "certificateLayout.signature"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := core.DefaultPrintSettings()
			tt.edit(s.CertificateLayout)
			fe := core.ValidatePrintSettings(&s)
			found := false
			for _, f := range fe {
				if f.Field == tt.field && f.Code == domain.CodeInvalid {
					found = true
				}
			}
			if !found {
				t.Errorf("want an error on %s, got %+v", tt.field, fe)
			}
		})
	}
	s := core.DefaultPrintSettings()
	if fe := core.ValidatePrintSettings(&s); len(fe) != 0 {
		t.Errorf("the built-in layout must be valid: %+v", fe)
	}
}
