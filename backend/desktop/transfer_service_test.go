package desktop_test

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"kembang/backend/desktop"
	"kembang/backend/domain"
	"kembang/backend/importer/importtest"
)

func b64(data []byte) string { return base64.StdEncoding.EncodeToString(data) }

func TestTransferPreviewCommitAndPollJobUntilFinished(t *testing.T) {
	t.Parallel()
	s := openServices(t)

	p, err := s.transfer.Preview("employees", "pegawai.xlsx", b64(importtest.EmployeesXLSX(30, 6)))
	if err != nil {
		t.Fatal(err)
	}
	if p.Token == "" || p.Kind != "employees" || p.FileName != "pegawai.xlsx" || p.Rows != 30 || p.Valid != 30 || p.Invalid != 0 {
		t.Fatalf("preview = %+v", p)
	}
	if p.Errors == nil || p.Warnings == nil {
		t.Error("preview lists must be empty lists, not nil")
	}
	if page, err := s.employees.Search(desktop.EmployeeQuery{Limit: 1}); err != nil || page.Total != 0 {
		t.Fatalf("preview wrote employees: %+v, %v", page, err)
	}

	id, err := s.transfer.Commit(p.Token, false)
	if err != nil {
		t.Fatal(err)
	}
	st := waitJob(t, s.transfer, id)

	if st.ID != id || st.Error != nil || st.Result == nil {
		t.Fatalf("finished job = %+v", st)
	}
	if st.Done != st.Total || st.Total != 30 {
		t.Errorf("progress %d/%d, want 30/30", st.Done, st.Total)
	}
	if st.Result.Created != 30 {
		t.Errorf("result %+v, want 30 created", *st.Result)
	}
	if page, err := s.employees.Search(desktop.EmployeeQuery{Limit: 1}); err != nil || page.Total != 30 {
		t.Errorf("after the job: %d employees, %v; want 30", page.Total, err)
	}
}

func TestTransferPreviewIsCommittedAtMostOnce(t *testing.T) {
	t.Parallel()
	s := openServices(t)
	p, err := s.transfer.Preview("employees", "pegawai.xlsx", b64(importtest.EmployeesXLSX(3, 6)))
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.transfer.Commit(p.Token, false)
	if err != nil {
		t.Fatal(err)
	}
	waitJob(t, s.transfer, id)

	if _, err := s.transfer.Commit(p.Token, false); !domain.IsCode(err, domain.CodeNotFound) {
		t.Errorf("second Commit of one preview: %v, want %s", err, domain.CodeNotFound)
	}
}

func TestTransferCommitWithInvalidRows(t *testing.T) {
	t.Parallel()
	s := openServices(t)
	es := importtest.Employees(3, 8)
	rows := [][]any{{"NIP", "Nama", "Golongan", "Jabatan", "Unit Kerja"}}
	for _, e := range es {
		rows = append(rows, []any{e.NIP, e.Name, e.Golongan, e.Jabatan, e.Unit})
	}
	rows[2][2] = "IX/z" // row 3: unknown golongan
	p, err := s.transfer.Preview("employees", "pegawai.xlsx", b64(xlsx(t, rows)))
	if err != nil {
		t.Fatal(err)
	}
	if p.Invalid != 1 || len(p.Errors) != 1 || p.Errors[0].Row != 3 || p.Errors[0].Column != "Golongan" {
		t.Fatalf("preview = %+v", p)
	}

	_, err = s.transfer.Commit(p.Token, false)
	if !domain.IsCode(err, domain.CodeImportRowInvalid) {
		t.Fatalf("Commit without skipInvalid: %v, want %s", err, domain.CodeImportRowInvalid)
	}
	if page, _ := s.employees.Search(desktop.EmployeeQuery{Limit: 1}); page.Total != 0 {
		t.Fatalf("a refused commit wrote %d employees", page.Total)
	}

	// The user then chooses to import only the valid rows of the same preview.
	id, err := s.transfer.Commit(p.Token, true)
	if err != nil {
		t.Fatalf("Commit with skipInvalid after a refused commit: %v", err)
	}
	st := waitJob(t, s.transfer, id)
	if st.Error != nil || st.Result == nil || st.Result.Created != 2 {
		t.Fatalf("job = %+v, want 2 created", st)
	}
	page, err := s.employees.Search(desktop.EmployeeQuery{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range page.Items {
		if it.NIP == es[1].NIP {
			t.Errorf("the invalid row (NIP %s) was written", it.NIP)
		}
	}
	if page.Total != 2 {
		t.Errorf("%d employees stored, want 2", page.Total)
	}
}

func TestTransferErrors(t *testing.T) {
	t.Parallel()
	s := openServices(t)
	tests := []struct {
		name string
		call func() error
		code string
	}{
		{"preview content that is not base64", func() error {
			_, err := s.transfer.Preview("employees", "p.xlsx", "%%% not base64")
			return err
		}, domain.CodeImportFileUnreadable},
		{"preview of an unknown kind", func() error {
			_, err := s.transfer.Preview("units", "p.xlsx", b64(importtest.EmployeesXLSX(1, 1)))
			return err
		}, domain.CodeInvalid},
		{"preview of a file without the required columns", func() error {
			_, err := s.transfer.Preview("positions", "p.csv", b64([]byte("Nama\nX\n")))
			return err
		}, domain.CodeImportHeaderMissing},
		{"commit of an unknown token", func() error {
			_, err := s.transfer.Commit("preview-0-0", false)
			return err
		}, domain.CodeNotFound},
		{"job that does not exist", func() error {
			_, err := s.transfer.Job("job-0-0")
			return err
		}, domain.CodeNotFound},
		{"template of an unknown kind", func() error {
			_, err := s.transfer.SaveTemplate("units")
			return err
		}, domain.CodeInvalid},
		{"export of an unknown kind", func() error {
			_, err := s.transfer.Export("")
			return err
		}, domain.CodeInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.call(); !domain.IsCode(err, tt.code) {
				t.Errorf("error = %v, want %s", err, tt.code)
			}
		})
	}
}

func TestTransferSaveTemplateAndExportWriteFilesThatImport(t *testing.T) {
	t.Parallel()
	s := openServices(t)
	upload(t, s, importtest.EmployeesXLSX(12, 10))

	tests := []struct {
		name     string
		save     func(kind string) (string, error)
		kind     string
		prefix   string
		wantRows int
	}{
		{"employee template", s.transfer.SaveTemplate, "employees", "template-pegawai", 0},
		{"position template", s.transfer.SaveTemplate, "positions", "template-jabatan", 0},
		{"competency template", s.transfer.SaveTemplate, "competencies", "template-kompetensi-teknis", 0},
		{"employee export", s.transfer.Export, "employees", "pegawai-", 12},
		{"position export", s.transfer.Export, "positions", "jabatan-", countPositions(t, s)},
		{"competency export", s.transfer.Export, "competencies", "kompetensi-teknis-", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, err := tt.save(tt.kind)
			if err != nil {
				t.Fatal(err)
			}
			if filepath.Dir(path) != s.saveDir || !strings.HasPrefix(filepath.Base(path), tt.prefix) || filepath.Ext(path) != ".xlsx" {
				t.Errorf("saved as %q, want %s*.xlsx in %s", path, tt.prefix, s.saveDir)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("the saved file is not there: %v", err)
			}
			p, err := s.transfer.Preview(tt.kind, filepath.Base(path), b64(data))
			if err != nil {
				t.Fatalf("the saved file does not import: %v", err)
			}
			if p.Rows != tt.wantRows || p.Invalid != 0 {
				t.Errorf("saved file previews as %d rows (%d invalid), want %d valid rows", p.Rows, p.Invalid, tt.wantRows)
			}
		})
	}
	leftovers, err := filepath.Glob(filepath.Join(s.saveDir, ".kembang-*.tmp"))
	if err != nil || len(leftovers) != 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
}

func countPositions(t *testing.T, s services) int {
	t.Helper()
	ps, err := s.org.ListPositions()
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) == 0 {
		t.Fatal("no positions after the import")
	}
	return len(ps)
}

func xlsx(t *testing.T, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestTransferConcurrentCommitsOfOnePreviewStartOneJob(t *testing.T) {
	t.Parallel()
	s := openServices(t)
	p, err := s.transfer.Preview("employees", "pegawai.xlsx", b64(importtest.EmployeesXLSX(5, 12)))
	if err != nil {
		t.Fatal(err)
	}
	const n = 8
	ids := make(chan string, n)
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			id, err := s.transfer.Commit(p.Token, false)
			if err != nil {
				errs <- err
				return
			}
			ids <- id
		}()
	}
	wg.Wait()
	close(ids)
	close(errs)
	if len(ids) != 1 {
		t.Fatalf("%d jobs started from one preview, want 1", len(ids))
	}
	for err := range errs {
		if !domain.IsCode(err, domain.CodeNotFound) {
			t.Errorf("losing Commit error = %v, want %s", err, domain.CodeNotFound)
		}
	}
	if st := waitJob(t, s.transfer, <-ids); st.Result == nil || st.Result.Created != 5 {
		t.Errorf("job = %+v, want 5 created", st)
	}
}
