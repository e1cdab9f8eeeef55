package desktop

import (
	"encoding/base64"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"kembang/backend/core"
	"kembang/backend/domain"
)

// PrintService renders the printed documents (docs/REPORTS.md) for preview,
// saves them where the user chooses and opens them in the system viewer to
// print; it also keeps the document settings and shows the office's
// certificate key (docs/API.md, "PrintService").
type PrintService struct {
	b *Backend
	// Opener opens a file in the system viewer; tests replace it so
	// nothing is launched.
	Opener func(path string) error

	mu    sync.Mutex
	names map[string]string // rendered path → file name offered on save
}

// PrintParams say what to print (see core.PrintRequest): an employee (id
// or NIP) for idp/history, an event for certificates/attendance, a unit
// and period/year for the recaps, and the format ("pdf" default, "xlsx"
// for recaps, attendance and history).
type PrintParams struct {
	EmployeeID string `json:"employeeId"`
	NIP        string `json:"nip"`
	EventID    string `json:"eventId"`
	UnitID     string `json:"unitId"`
	Period     string `json:"period"`
	Year       int    `json:"year"`
	Format     string `json:"format"`
}

// PrintResult is a rendered document waiting in the data folder's print/
// directory. PDFBase64 holds the PDF for the preview iframe; it is empty
// for xlsx and for PDFs over 25 MB (open those instead).
type PrintResult struct {
	Path      string `json:"path"`
	FileName  string `json:"fileName"`
	Format    string `json:"format"`
	SizeBytes int64  `json:"sizeBytes"`
	Pages     int    `json:"pages"`
	PDFBase64 string `json:"pdfBase64"`
}

const (
	maxPreviewBytes = 25 << 20
	// printKeep is how long rendered files stay in print/ (the viewer may
	// still have one open while the next is rendered).
	printKeep = 24 * time.Hour
)

func newPrintService(b *Backend) *PrintService {
	return &PrintService{b: b, Opener: openInViewer, names: map[string]string{}}
}

func (s *PrintService) printDir() string { return filepath.Join(s.b.dataDir, "print") }

// Render renders doc (idp, certificates, recap-jpm, recap-jp, attendance,
// history) into a new file in print/ and returns it with the PDF for the
// preview. Errors: core.Print's.
func (s *PrintService) Render(doc string, params PrintParams) (PrintResult, error) {
	c, err := s.b.Core()
	if err != nil {
		return PrintResult{}, err
	}
	d, err := c.Print(s.b.context(), core.PrintRequest{Doc: doc, Format: params.Format, EmployeeID: params.EmployeeID,
		NIP: params.NIP, EventID: params.EventID, UnitID: params.UnitID, Period: params.Period, Year: params.Year})
	if err != nil {
		return PrintResult{}, err
	}
	dir := s.printDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return PrintResult{}, domain.E(domain.CodeInternal, "print.render", err)
	}
	s.cleanOld(dir)
	// A fresh name each time: a viewer may hold the previous file open
	// (Windows refuses to replace it then).
	ext := filepath.Ext(d.FileName)
	f, err := os.CreateTemp(dir, strings.TrimSuffix(d.FileName, ext)+"-*"+ext)
	if err != nil {
		return PrintResult{}, domain.E(domain.CodeInternal, "print.render", err)
	}
	path := f.Name()
	f.Close()
	if err := core.WriteFileAtomic(path, d.Data); err != nil {
		os.Remove(path)
		return PrintResult{}, domain.E(domain.CodeInternal, "print.render", err)
	}
	s.mu.Lock()
	s.names[path] = d.FileName
	s.mu.Unlock()
	r := PrintResult{Path: path, FileName: d.FileName, Format: d.Format, SizeBytes: int64(len(d.Data)), Pages: d.Pages}
	if d.Format == core.FormatPDF && len(d.Data) <= maxPreviewBytes {
		r.PDFBase64 = base64.StdEncoding.EncodeToString(d.Data)
	}
	return r, nil
}

// cleanOld removes rendered files older than printKeep (best effort).
func (s *PrintService) cleanOld(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	cut := time.Now().Add(-printKeep)
	for _, e := range entries {
		if info, err := e.Info(); err == nil && !e.IsDir() && info.ModTime().Before(cut) {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// rendered checks that path is a file Render made (in print/, still
// there): the frontend never names other files.
func (s *PrintService) rendered(path, op string) (string, error) {
	abs, err := filepath.Abs(path)
	dir, derr := filepath.Abs(s.printDir())
	if err != nil || derr != nil || filepath.Dir(abs) != dir {
		return "", domain.E(domain.CodePrintFileInvalid, op, err)
	}
	if st, err := os.Stat(abs); err != nil || !st.Mode().IsRegular() {
		return "", domain.E(domain.CodePrintFileInvalid, op, err)
	}
	return abs, nil
}

// Save asks where to save a rendered document (native dialog) and copies
// it there. It returns the chosen path, "" when the user cancelled.
func (s *PrintService) Save(path string) (string, error) {
	if _, err := s.b.Core(); err != nil {
		return "", err
	}
	abs, err := s.rendered(path, "print.save")
	if err != nil {
		return "", err
	}
	data, err := os.ReadFile(abs)
	if err != nil {
		return "", domain.E(domain.CodePrintFileInvalid, "print.save", err)
	}
	s.mu.Lock()
	name := s.names[abs]
	s.mu.Unlock()
	if name == "" {
		name = filepath.Base(abs)
	}
	if s.b.Saver == nil {
		return "", domain.E(domain.CodeInternal, "print.save", nil)
	}
	return s.b.Saver.SaveFile(s.b.context(), name, data)
}

// Open opens a rendered document in the system viewer (to print it).
func (s *PrintService) Open(path string) error {
	if _, err := s.b.Core(); err != nil {
		return err
	}
	abs, err := s.rendered(path, "print.open")
	if err != nil {
		return err
	}
	if err := s.Opener(abs); err != nil {
		return domain.E(domain.CodeInternal, "print.open", err)
	}
	return nil
}

// openInViewer hands a file to the operating system's default program.
func openInViewer(path string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", path)
	case "darwin":
		cmd = exec.Command("open", path)
	default:
		cmd = exec.Command("xdg-open", path)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }() // reap it; the viewer outlives us
	return nil
}

// Settings returns the document settings (images as base64).
func (s *PrintService) Settings() (core.PrintSettings, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.PrintSettings{}, err
	}
	return c.PrintSettings(s.b.context())
}

// SaveSettings validates and stores the document settings; invalid
// fields come back as the invalid code with details.fields.
func (s *PrintService) SaveSettings(set core.PrintSettings) (core.PrintSettings, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.PrintSettings{}, err
	}
	return c.SavePrintSettings(s.b.context(), set)
}

// OfficeKey returns this office's certificate key code and public key.
func (s *PrintService) OfficeKey() (core.OfficeKey, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.OfficeKey{}, err
	}
	return c.OfficeKey(s.b.context())
}

// NewOfficeKey replaces an office key this Windows user cannot read (the
// database came from another account or computer) with a new one; the old
// key stays trusted here. A readable key is never replaced (conflict).
func (s *PrintService) NewOfficeKey() (core.OfficeKey, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.OfficeKey{}, err
	}
	return c.NewOfficeKey(s.b.context())
}
