package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/xuri/excelize/v2"

	"kembang/backend/core"
	"kembang/backend/importer/importtest"
	"kembang/backend/store"
)

// cli runs kembangctl in-process on one data folder.
type cli struct {
	t   *testing.T
	dir string
}

func newCLI(t *testing.T) *cli {
	t.Helper()
	return &cli{t: t, dir: t.TempDir()}
}

// run calls run() with --data-dir and --lang id first (so a KEMBANG_LANG in
// the developer's environment cannot change the messages under test).
func (c *cli) run(args ...string) (code int, stdout, stderr string) {
	c.t.Helper()
	var out, errb bytes.Buffer
	full := append([]string{"--data-dir", c.dir, "--lang", "id"}, args...)
	code = run(context.Background(), full, &out, &errb)
	return code, out.String(), errb.String()
}

// mustRun fails the test unless the command exits with want.
func (c *cli) mustRun(want int, args ...string) (stdout, stderr string) {
	c.t.Helper()
	code, out, errs := c.run(args...)
	if code != want {
		c.t.Fatalf("kembangctl %v: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", args, code, want, out, errs)
	}
	return out, errs
}

// importJSON runs an import with --json and decodes its output.
func (c *cli) importJSON(want int, args ...string) importOutput {
	c.t.Helper()
	out, _ := c.mustRun(want, append(args, "--json")...)
	return decodeImport(c.t, out)
}

// withCore opens the data folder after the CLI released it and calls f.
func (c *cli) withCore(f func(*core.Core)) {
	c.t.Helper()
	co, err := core.Open(context.Background(), store.Config{Dir: c.dir})
	if err != nil {
		c.t.Fatalf("open data folder: %v", err)
	}
	defer co.Close()
	f(co)
}

// storedNIPs lists the NIPs of the stored employees, sorted.
func (c *cli) storedNIPs() []string {
	c.t.Helper()
	var nips []string
	c.withCore(func(co *core.Core) {
		rows, _, err := co.Store.SearchEmployees(context.Background(), store.EmployeeQuery{Limit: 100000})
		if err != nil {
			c.t.Fatal(err)
		}
		for _, r := range rows {
			nips = append(nips, r.Employee.NIP)
		}
	})
	sort.Strings(nips)
	return nips
}

type importIssue struct {
	Row     int            `json:"row"`
	Column  string         `json:"column"`
	Code    string         `json:"code"`
	Value   string         `json:"value"`
	Message string         `json:"message"`
	Details map[string]any `json:"details"`
}

type importOutput struct {
	Rows      int           `json:"rows"`
	Valid     int           `json:"valid"`
	Invalid   int           `json:"invalid"`
	Committed bool          `json:"committed"`
	Errors    []importIssue `json:"errors"`
	Warnings  []importIssue `json:"warnings"`
	Result    *struct {
		Created   int `json:"created"`
		Updated   int `json:"updated"`
		Unchanged int `json:"unchanged"`
	} `json:"result"`
	keys []string
}

func decodeImport(t *testing.T, out string) importOutput {
	t.Helper()
	var o importOutput
	if err := json.Unmarshal([]byte(out), &o); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, out)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	for k := range raw {
		o.keys = append(o.keys, k)
	}
	sort.Strings(o.keys)
	return o
}

// writeFile writes data into dir and returns the path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// validEmployees writes an xlsx of n valid employees into a fresh folder.
func validEmployees(t *testing.T, n int, seed int64) string {
	t.Helper()
	return writeFile(t, t.TempDir(), "pegawai.xlsx", importtest.EmployeesXLSX(n, seed))
}

// sheetXLSX builds an xlsx whose sheet holds rows as written: strings become
// text cells, numbers number cells, nil rows stay blank.
func sheetXLSX(t *testing.T, sheet string, rows [][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, v := range row {
			if v == nil || v == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue(sheet, cell, v); err != nil {
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

func employeeRow(e importtest.Employee) []any {
	return []any{e.NIP, e.Name, "", "", e.Golongan, e.Jabatan, e.Unit, e.Gender, e.BirthDate, e.Email, e.Phone}
}

func headerRow() []any {
	out := make([]any, len(importtest.Headers))
	for i, h := range importtest.Headers {
		out[i] = h
	}
	return out
}

// mixedFile is an employee sheet with two valid rows and three invalid
// ones, blank rows in between.
type mixedFile struct {
	path      string
	validNIPs []string // sorted
}

// wantErr is one expected problem of the mixed file.
type wantErr struct {
	row    int
	column string
	code   string
}

// mixedErrors are the problems of mixedEmployees, in row order.
var mixedErrors = []wantErr{
	{3, "NIP", "nip.number_cell"},
	{5, "NIP", "nip.duplicate"},
	{7, "Jenis Kelamin", "gender.nip_mismatch"},
}

func mixedEmployees(t *testing.T) mixedFile {
	t.Helper()
	es := importtest.Employees(4, 7)
	numeric := es[1]
	var nipNumber int64
	for _, d := range numeric.NIP {
		nipNumber = nipNumber*10 + int64(d-'0')
	}
	numRow := employeeRow(numeric)
	numRow[0] = nipNumber // typed into a General column: a number cell

	dup := es[0]
	dup.Name = "Orang Lain"
	dup.Email = "lain@bkpsdm.go.id"

	wrongGender := es[2]
	wrongGender.Gender = "L"
	if wrongGender.NIP[14] == '1' {
		wrongGender.Gender = "P"
	}

	rows := [][]any{
		headerRow(),
		employeeRow(es[0]),       // 2 valid
		numRow,                   // 3 NIP stored as a number
		nil,                      // 4 blank
		employeeRow(dup),         // 5 duplicate of row 2
		nil,                      // 6 blank
		employeeRow(wrongGender), // 7 gender contradicts the NIP
		employeeRow(es[3]),       // 8 valid
	}
	valid := []string{es[0].NIP, es[3].NIP}
	sort.Strings(valid)
	return mixedFile{path: writeFile(t, t.TempDir(), "campur.xlsx", sheetXLSX(t, "Pegawai", rows)), validNIPs: valid}
}
