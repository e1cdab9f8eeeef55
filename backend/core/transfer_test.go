package core_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"testing"

	"github.com/xuri/excelize/v2"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/importer"
	"kembang/backend/importer/importtest"
	"kembang/backend/store"
)

func openCore(t *testing.T) *core.Core {
	t.Helper()
	c, err := core.Open(context.Background(), store.Config{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// sheet builds an xlsx with one sheet; strings become text cells, numbers
// number cells, nil rows stay blank.
func sheet(t *testing.T, name string, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", name); err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, v := range row {
			if v == nil || v == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue(name, cell, v); err != nil {
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

type issueKey struct {
	Row          int
	Column, Code string
}

func keys(is []importer.Issue) []issueKey {
	out := make([]issueKey, len(is))
	for i, x := range is {
		out[i] = issueKey{x.Row, x.Column, x.Code}
	}
	return out
}

// kindFixture is a file of one kind with valid and invalid rows.
type kindFixture struct {
	kind      string
	data      []byte
	rows      int
	wantErrs  []issueKey
	validKeys []string                              // what the valid rows are known by, sorted
	stored    func(*testing.T, *core.Core) []string // what is stored now, sorted, same keys
}

func employeesFixture(t *testing.T) kindFixture {
	es := importtest.Employees(4, 5)
	row := func(e importtest.Employee) []any {
		return []any{e.NIP, e.Name, "", "", e.Golongan, e.Jabatan, e.Unit, e.Gender, e.BirthDate, e.Email, e.Phone}
	}
	header := make([]any, len(importtest.Headers))
	for i, h := range importtest.Headers {
		header[i] = h
	}
	noGolongan := row(es[1])
	noGolongan[4] = ""
	badNIP := row(es[2])
	badNIP[0] = "12345"
	rows := [][]any{header, row(es[0]), noGolongan, nil, badNIP, row(es[3])}
	valid := []string{es[0].NIP, es[3].NIP}
	sort.Strings(valid)
	return kindFixture{
		kind: core.KindEmployees, data: sheet(t, importer.SheetEmployees, rows), rows: 4,
		wantErrs:  []issueKey{{3, "Golongan", domain.CodeRequired}, {5, "NIP", domain.CodeNIPLength}},
		validKeys: valid,
		stored: func(t *testing.T, c *core.Core) []string {
			rows, _, err := c.Store.SearchEmployees(context.Background(), store.EmployeeQuery{Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, r := range rows {
				out = append(out, r.Employee.NIP)
			}
			sort.Strings(out)
			return out
		},
	}
}

func positionsFixture(t *testing.T) kindFixture {
	rows := [][]any{
		{"Kode", "Nama Jabatan", "Jenis Jabatan", "Jenjang", "Unit Kerja", "M.1", "SK.1"},
		{"JAB-01", "Kepala Bidang Mutasi", "Administrator", "", "Bidang Mutasi", "4", "3"},
		{"JAB-02", "Analis Kepegawaian", "Jabatan Fungsional", "Ahli Muda", "Bidang Mutasi", 3, ""},
		{"JAB-03", "Penjaga Gerbang", "Kaisar", "", "", "", ""},
		{"JAB-01", "Kepala Bidang Lain", "Administrator", "", "", "4", ""},
		{"JAB-04", "Pengawas Umum", "Pengawas", "", "", "7", ""},
	}
	return kindFixture{
		kind: core.KindPositions, data: sheet(t, importer.SheetPositions, rows), rows: 5,
		wantErrs: []issueKey{
			{4, "Jenis Jabatan", domain.CodePositionType},
			{5, "Kode", domain.CodePositionDuplicate},
			{6, "M.1", domain.CodeLevelInvalid},
		},
		validKeys: []string{"JAB-01", "JAB-02"},
		stored: func(t *testing.T, c *core.Core) []string {
			ps, err := c.Store.ListPositions(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, p := range ps {
				out = append(out, p.Code)
			}
			sort.Strings(out)
			return out
		},
	}
}

func competencyRow(code, name string) []any {
	row := []any{code, name, "Definisi " + name}
	for l := 1; l <= 5; l++ {
		row = append(row, fmt.Sprintf("%s level %d", name, l))
	}
	return row
}

func competenciesFixture(t *testing.T) kindFixture {
	header := make([]any, len(importer.CompetencyHeaders))
	for i, h := range importer.CompetencyHeaders {
		header[i] = h
	}
	missingLevel := competencyRow("T.03", "Tanpa Level Tiga")
	missingLevel[5] = ""
	rows := [][]any{
		header,
		competencyRow("T.01", "Pengelolaan Arsip"),
		competencyRow("M.1", "Integritas Tiruan"),
		missingLevel,
		nil,
		competencyRow("T.02", "Analisis Jabatan"),
		competencyRow("t.01", "Arsip Lagi"),
	}
	return kindFixture{
		kind: core.KindCompetencies, data: sheet(t, importer.SheetCompetencies, rows), rows: 5,
		wantErrs: []issueKey{
			{3, "Kode", domain.CodeCompetencyBuiltin},
			{4, "Level 3", domain.CodeRequired},
			{7, "Kode", domain.CodeCompetencyDuplicate},
		},
		validKeys: []string{"T.01", "T.02"},
		stored: func(t *testing.T, c *core.Core) []string {
			cs, err := c.Store.ListCompetencies(context.Background(), true)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, comp := range cs {
				if comp.Type == domain.Technical {
					out = append(out, comp.Code)
				}
			}
			sort.Strings(out)
			return out
		},
	}
}

var fixtures = []func(*testing.T) kindFixture{employeesFixture, positionsFixture, competenciesFixture}

func TestPreviewReportsEveryInvalidRowByRowAndColumn(t *testing.T) {
	t.Parallel()
	for _, fx := range fixtures {
		f := fx(t)
		t.Run(f.kind, func(t *testing.T) {
			t.Parallel()
			c := openCore(t)
			rep, err := c.Preview(context.Background(), f.kind, "file.xlsx", f.data)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Kind != f.kind || rep.Rows != f.rows || rep.Valid != len(f.validKeys) || rep.Invalid != len(f.wantErrs) {
				t.Errorf("report %s: rows/valid/invalid = %d/%d/%d, want %d/%d/%d", rep.Kind,
					rep.Rows, rep.Valid, rep.Invalid, f.rows, len(f.validKeys), len(f.wantErrs))
			}
			if got := keys(rep.Errors); !reflect.DeepEqual(got, f.wantErrs) {
				t.Errorf("errors = %+v, want %+v", got, f.wantErrs)
			}
			if got := f.stored(t, c); len(got) != 0 {
				t.Errorf("preview wrote %v", got)
			}
		})
	}
}

func TestCommitWithInvalidRowsWritesNothing(t *testing.T) {
	t.Parallel()
	for _, fx := range fixtures {
		f := fx(t)
		t.Run(f.kind, func(t *testing.T) {
			t.Parallel()
			c := openCore(t)
			rep, err := c.Preview(context.Background(), f.kind, "file.xlsx", f.data)
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.Commit(context.Background(), rep, false, nil)
			if !domain.IsCode(err, domain.CodeImportRowInvalid) {
				t.Errorf("Commit error = %v, want %s", err, domain.CodeImportRowInvalid)
			}
			if got := f.stored(t, c); len(got) != 0 {
				t.Errorf("a refused commit wrote %v", got)
			}
		})
	}
}

// Commit writes the rows of the preview, not a re-read of the file: the
// caller's buffer can be reused between preview and commit.
func TestCommitSkipInvalidWritesExactlyTheValidRowsShown(t *testing.T) {
	t.Parallel()
	for _, fx := range fixtures {
		f := fx(t)
		t.Run(f.kind, func(t *testing.T) {
			t.Parallel()
			c := openCore(t)
			data := append([]byte(nil), f.data...)
			rep, err := c.Preview(context.Background(), f.kind, "file.xlsx", data)
			if err != nil {
				t.Fatal(err)
			}
			for i := range data {
				data[i] = 0
			}
			var calls, lastDone, lastTotal int
			res, err := c.Commit(context.Background(), rep, true, func(done, total int) {
				calls++
				lastDone, lastTotal = done, total
			})
			if err != nil {
				t.Fatal(err)
			}
			if res.Created != len(f.validKeys) || res.Updated != 0 {
				t.Errorf("result %+v, want %d created", res, len(f.validKeys))
			}
			if got := f.stored(t, c); !reflect.DeepEqual(got, f.validKeys) {
				t.Errorf("stored %v, want exactly the valid rows %v", got, f.validKeys)
			}
			if calls > 0 && lastDone != lastTotal {
				t.Errorf("last progress %d/%d, want done = total", lastDone, lastTotal)
			}
		})
	}
}

func TestCommitOfAValidFileTwiceChangesNothing(t *testing.T) {
	t.Parallel()
	c := openCore(t)
	ctx := context.Background()
	data := importtest.EmployeesXLSX(20, 3)
	for i, want := range []domain.ImportResult{{Created: 20}, {Unchanged: 20}} {
		rep, err := c.Preview(ctx, core.KindEmployees, "pegawai.xlsx", data)
		if err != nil {
			t.Fatal(err)
		}
		res, err := c.Commit(ctx, rep, false, nil)
		if err != nil {
			t.Fatal(err)
		}
		if res.Created != want.Created || res.Updated != want.Updated || res.Unchanged != want.Unchanged {
			t.Errorf("import %d: %+v, want %+v", i+1, res, want)
		}
	}
}

func TestPreviewFileLevelErrors(t *testing.T) {
	t.Parallel()
	c := openCore(t)
	tests := []struct {
		name, kind, file string
		data             []byte
		code             string
	}{
		{"unknown kind", "units", "u.xlsx", importtest.EmployeesXLSX(1, 1), domain.CodeInvalid},
		{"unknown format", core.KindEmployees, "p.docx", []byte("x"), domain.CodeImportUnknownFormat},
		{"not an xlsx", core.KindEmployees, "p.xlsx", []byte("plain text"), domain.CodeImportFileUnreadable},
		{"no header row", core.KindPositions, "p.csv", []byte("\n\n"), domain.CodeImportFileEmpty},
		{"required headers missing", core.KindCompetencies, "c.csv", []byte("Kode,Nama\nT.1,X\n"), domain.CodeImportHeaderMissing},
		{"employee file read as positions", core.KindPositions, "p.xlsx", importtest.EmployeesXLSX(2, 1), domain.CodeImportHeaderMissing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := c.Preview(context.Background(), tt.kind, tt.file, tt.data)
			if !domain.IsCode(err, tt.code) {
				t.Errorf("Preview error = %v, want code %s", err, tt.code)
			}
			if rep != nil {
				t.Errorf("a file-level error came with a report %+v", rep)
			}
		})
	}
}

func TestCommitOfAReportOfUnknownKindFails(t *testing.T) {
	t.Parallel()
	c := openCore(t)
	_, err := c.Commit(context.Background(), &core.Report{Kind: "units"}, false, nil)
	if !domain.IsCode(err, domain.CodeInvalid) {
		t.Errorf("error = %v, want %s", err, domain.CodeInvalid)
	}
}

func TestPreviewListsNeverNil(t *testing.T) {
	t.Parallel()
	c := openCore(t)
	rep, err := c.Preview(context.Background(), core.KindCompetencies, "c.csv",
		[]byte("Kode,Nama,Level 1,Level 2,Level 3,Level 4,Level 5\n"))
	if err != nil {
		t.Fatal(err)
	}
	if rep.Errors == nil || rep.Warnings == nil {
		t.Errorf("errors %#v, warnings %#v: want empty lists (JSON [] not null)", rep.Errors, rep.Warnings)
	}
}

func TestTemplateOfEachKindIsAnEmptyImportableFile(t *testing.T) {
	t.Parallel()
	c := openCore(t)
	ctx := context.Background()
	for _, kind := range []string{core.KindEmployees, core.KindPositions, core.KindCompetencies} {
		data, err := c.Template(ctx, kind)
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		rep, err := c.Preview(ctx, kind, "template.xlsx", data)
		if err != nil {
			t.Fatalf("%s template does not import: %v", kind, err)
		}
		if rep.Rows != 0 || len(rep.Errors) != 0 || len(rep.Warnings) != 0 {
			t.Errorf("%s template: %d rows, errors %v, warnings %v; want an empty clean file",
				kind, rep.Rows, rep.Errors, rep.Warnings)
		}
	}
	if _, err := c.Template(ctx, "units"); !domain.IsCode(err, domain.CodeInvalid) {
		t.Errorf("Template(units) error = %v, want %s", err, domain.CodeInvalid)
	}
}

// The positions template has one level column per competency that exists,
// so a technical competency added later gets its column.
func TestPositionTemplateHasAColumnPerCompetency(t *testing.T) {
	t.Parallel()
	c := openCore(t)
	ctx := context.Background()
	rep, err := c.Preview(ctx, core.KindCompetencies, "c.xlsx", competenciesFixture(t).data)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Commit(ctx, rep, true, nil); err != nil {
		t.Fatal(err)
	}
	data, err := c.Template(ctx, core.KindPositions)
	if err != nil {
		t.Fatal(err)
	}
	tab, err := importer.ReadTable("t.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	comps, err := c.Store.ListCompetencies(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	want := append([]string(nil), importer.PositionHeaders...)
	var codes []string
	for _, comp := range comps {
		codes = append(codes, comp.Code)
	}
	importer.SortCompetencyCodes(codes)
	want = append(want, codes...)
	if !reflect.DeepEqual(tab.Headers, want) {
		t.Errorf("positions template headers = %v, want %v", tab.Headers, want)
	}
}

func TestExportOfEachKindReimportsUnchanged(t *testing.T) {
	t.Parallel()
	c := openCore(t)
	ctx := context.Background()
	if _, err := c.LoadDemo(ctx, 40, 7); err != nil {
		t.Fatal(err)
	}
	n, err := c.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{
		core.KindEmployees:    n.Employees,
		core.KindPositions:    n.Positions,
		core.KindCompetencies: n.Competencies - len(builtinCodes(t, c)),
	}
	for _, kind := range []string{core.KindCompetencies, core.KindPositions, core.KindEmployees} {
		data, err := c.Export(ctx, kind)
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		rep, err := c.Preview(ctx, kind, "export.xlsx", data)
		if err != nil {
			t.Fatalf("%s export does not import: %v", kind, err)
		}
		if rep.Rows != want[kind] || rep.Invalid != 0 || len(rep.Errors) != 0 {
			t.Errorf("%s: %d rows (%d invalid, errors %v), want %d valid rows", kind, rep.Rows, rep.Invalid, rep.Errors, want[kind])
		}
		res, err := c.Commit(ctx, rep, false, nil)
		if err != nil {
			t.Fatal(err)
		}
		if res.Created != 0 || res.Updated != 0 || res.Unchanged != want[kind] {
			t.Errorf("%s re-import = %+v, want %d unchanged", kind, res, want[kind])
		}
	}
	if _, err := c.Export(ctx, "units"); !domain.IsCode(err, domain.CodeInvalid) {
		t.Errorf("Export(units) error = %v, want %s", err, domain.CodeInvalid)
	}
}

func builtinCodes(t *testing.T, c *core.Core) []string {
	t.Helper()
	comps, err := c.Store.ListCompetencies(context.Background(), false)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, comp := range comps {
		if comp.BuiltIn {
			out = append(out, comp.Code)
		}
	}
	return out
}

func TestIsStartupError(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err  error
		want bool
	}{
		{domain.E(domain.CodeDBLocked, "store.lock", nil), true},
		{domain.E(domain.CodeDBCorrupt, "store.open", nil), true},
		{domain.E(domain.CodeDBNewerVersion, "store.open", nil), true},
		{domain.E(domain.CodeDBBackupFailed, "store.open", nil), true},
		{fmt.Errorf("open: %w", domain.E(domain.CodeDBLocked, "store.lock", nil)), true},
		{domain.E(domain.CodeInternal, "store.open", nil), false},
		{errors.New("disk full"), false},
		{nil, false},
	}
	for _, tt := range tests {
		if got := core.IsStartupError(tt.err); got != tt.want {
			t.Errorf("IsStartupError(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}
