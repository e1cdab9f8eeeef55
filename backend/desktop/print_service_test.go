package desktop_test

import (
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kembang/backend/core"
	"kembang/backend/desktop"
	"kembang/backend/domain"
)

// Render writes the document into the data folder's print/ directory and
// returns it for the preview; Save copies it through the FileSaver; Open
// hands it to the (replaced) system viewer; paths outside print/ are
// refused.
func TestPrintServiceRenderSaveOpen(t *testing.T) {
	s := openServices(t)
	c, err := s.backend.Core()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.LoadDemo(context.Background(), 20, 1); err != nil {
		t.Fatal(err)
	}
	var opened []string
	s.printing.Opener = func(p string) error { opened = append(opened, p); return nil }

	r, err := s.printing.Render(core.DocRecapJP, desktop.PrintParams{Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := base64.StdEncoding.DecodeString(r.PDFBase64)
	if err != nil || !strings.HasPrefix(string(pdf), "%PDF") || int64(len(pdf)) != r.SizeBytes {
		t.Fatalf("preview: %d bytes, %v", len(pdf), err)
	}
	if r.FileName != "Rekap-JP_2026.pdf" || filepath.Base(filepath.Dir(r.Path)) != "print" {
		t.Errorf("result %s at %s", r.FileName, r.Path)
	}
	saved, err := s.printing.Save(r.Path)
	if err != nil || saved != filepath.Join(s.saveDir, r.FileName) {
		t.Fatalf("Save = %q, %v", saved, err)
	}
	if b, _ := os.ReadFile(saved); len(b) != len(pdf) {
		t.Errorf("saved %d bytes, want %d", len(b), len(pdf))
	}
	if err := s.printing.Open(r.Path); err != nil || len(opened) != 1 {
		t.Errorf("Open: %v, opened %v", err, opened)
	}

	x, err := s.printing.Render(core.DocRecapJPM, desktop.PrintParams{Format: "xlsx"})
	if err != nil || x.PDFBase64 != "" || !strings.HasSuffix(x.FileName, ".xlsx") || x.SizeBytes == 0 {
		t.Errorf("xlsx render %+v, %v", x, err)
	}

	outside := filepath.Join(t.TempDir(), "secret.pdf")
	_ = os.WriteFile(outside, []byte("%PDF"), 0o644)
	for _, p := range []string{outside, filepath.Join(filepath.Dir(r.Path), "..", "kembang.db"), ""} {
		if _, err := s.printing.Save(p); !domain.IsCode(err, domain.CodePrintFileInvalid) {
			t.Errorf("Save(%q): %v", p, err)
		}
		if err := s.printing.Open(p); !domain.IsCode(err, domain.CodePrintFileInvalid) {
			t.Errorf("Open(%q): %v", p, err)
		}
	}
	if _, err := s.printing.Render("payslip", desktop.PrintParams{}); !domain.IsCode(err, domain.CodePrintDocumentUnknown) {
		t.Errorf("unknown doc: %v", err)
	}
}

func TestPrintServiceSettingsAndKey(t *testing.T) {
	s := openServices(t)
	set, err := s.printing.Settings()
	if err != nil || set.VerifyBaseURL != core.DefaultVerifyBaseURL {
		t.Fatalf("Settings = %+v, %v", set, err)
	}
	set.Office, set.VerifyBaseURL = "BKPSDM", "https://kembang.slemankab.go.id/verifikasi"
	if _, err := s.printing.SaveSettings(set); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.printing.Settings(); got.VerifyBaseURL != set.VerifyBaseURL {
		t.Errorf("read back %+v", got)
	}
	set.Logo = "not base64!"
	if _, err := s.printing.SaveSettings(set); !domain.IsCode(err, domain.CodeInvalid) {
		t.Errorf("bad logo: %v", err)
	}
	k, err := s.printing.OfficeKey()
	if err != nil || len(k.Code) != 8 || len(k.PublicKey) != 43 {
		t.Errorf("OfficeKey = %+v, %v", k, err)
	}
	keys := jsonKeys(t, k)
	if !keys["code"] || !keys["publicKey"] {
		t.Errorf("OfficeKey JSON keys %v", keys)
	}
}
