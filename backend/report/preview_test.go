package report

import (
	"os"
	"path/filepath"
	"testing"
)

// TestPreview writes every golden document as a PDF into $PREVIEW_DIR, to
// look at them or render screenshots (see docs/REPORTS.md):
//
//	PREVIEW_DIR=/tmp/kembang-docs go test ./backend/report/ -run TestPreview
func TestPreview(t *testing.T) {
	dir := os.Getenv("PREVIEW_DIR")
	if dir == "" {
		t.Skip("PREVIEW_DIR not set: nothing to write")
	}
	for name, render := range goldenDocs() {
		f, err := os.Create(filepath.Join(dir, name+".pdf"))
		if err != nil {
			t.Fatal(err)
		}
		if err := render(f); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if err := f.Close(); err != nil {
			t.Error(err)
		}
	}
}
