package main

import (
	"reflect"
	"strings"
	"testing"
)

func TestImportValidFileCommitsEveryRowAndPrintsTheContractKeys(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	file := validEmployees(t, 40, 1)

	o := c.importJSON(0, "import", "employees", file)

	wantKeys := []string{"committed", "errors", "invalid", "result", "rows", "valid", "warnings"}
	if !reflect.DeepEqual(o.keys, wantKeys) {
		t.Errorf("JSON keys = %v, want %v", o.keys, wantKeys)
	}
	if o.Rows != 40 || o.Valid != 40 || o.Invalid != 0 || !o.Committed {
		t.Errorf("rows/valid/invalid/committed = %d/%d/%d/%v, want 40/40/0/true", o.Rows, o.Valid, o.Invalid, o.Committed)
	}
	if o.Errors == nil || len(o.Errors) != 0 {
		t.Errorf("errors = %#v, want an empty list", o.Errors)
	}
	if o.Result == nil || o.Result.Created != 40 {
		t.Fatalf("result = %+v, want 40 created", o.Result)
	}
	if got := len(c.storedNIPs()); got != 40 {
		t.Errorf("%d employees stored, want 40", got)
	}
}

func TestImportSameFileTwiceChangesNothing(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	file := validEmployees(t, 25, 2)
	c.importJSON(0, "import", "employees", file)

	o := c.importJSON(0, "import", "employees", file)

	if o.Result == nil {
		t.Fatal("second import has no result")
	}
	if o.Result.Created != 0 || o.Result.Updated != 0 || o.Result.Unchanged != 25 {
		t.Errorf("second import = %+v, want 0 created, 0 updated, 25 unchanged", *o.Result)
	}
}

func TestImportWithInvalidRowsWritesNothingAndExplainsEachRow(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	m := mixedEmployees(t)

	o := c.importJSON(1, "import", "employees", m.path)

	if o.Rows != 5 || o.Valid != 2 || o.Invalid != 3 {
		t.Errorf("rows/valid/invalid = %d/%d/%d, want 5/2/3 (blank rows not counted)", o.Rows, o.Valid, o.Invalid)
	}
	if o.Committed || o.Result != nil {
		t.Errorf("committed = %v, result = %+v; want nothing committed", o.Committed, o.Result)
	}
	assertIssues(t, o.Errors, mixedErrors)
	for _, e := range o.Errors {
		if strings.Contains(e.Message, e.Code) {
			t.Errorf("row %d: message %q shows the code instead of a sentence", e.Row, e.Message)
		}
	}
	if msg := o.Errors[1].Message; !strings.Contains(msg, "baris 2") {
		t.Errorf("duplicate message %q should name the first row (baris 2)", msg)
	}
	if msg := o.Errors[0].Message; !strings.Contains(msg, "Teks") {
		t.Errorf("number-cell message %q should tell to format the column as Teks", msg)
	}
	if msg := o.Errors[2].Message; !strings.Contains(msg, "Jenis kelamin tidak sesuai") {
		t.Errorf("gender message %q is not the Indonesian sentence", msg)
	}
	if nips := c.storedNIPs(); len(nips) != 0 {
		t.Errorf("stored %v, want nothing written", nips)
	}
}

func TestImportMessagesFollowLang(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	m := mixedEmployees(t)

	id := c.importJSON(1, "import", "employees", m.path)
	en := c.importJSON(1, "import", "employees", m.path, "--lang", "en")

	assertIssues(t, en.Errors, mixedErrors)
	wantEN := []string{"stored as a number", "already appears in row 2", "Gender contradicts"}
	for i, e := range en.Errors {
		if !strings.Contains(e.Message, wantEN[i]) {
			t.Errorf("row %d en message %q, want it to contain %q", e.Row, e.Message, wantEN[i])
		}
		if e.Message == id.Errors[i].Message {
			t.Errorf("row %d: --lang en gave the Indonesian message %q", e.Row, e.Message)
		}
	}
}

func TestImportSkipInvalidWritesOnlyTheValidRows(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	m := mixedEmployees(t)

	o := c.importJSON(0, "import", "employees", m.path, "--skip-invalid")

	if !o.Committed || o.Result == nil || o.Result.Created != 2 {
		t.Fatalf("committed = %v, result = %+v; want 2 created", o.Committed, o.Result)
	}
	assertIssues(t, o.Errors, mixedErrors) // still reported
	if got := c.storedNIPs(); !reflect.DeepEqual(got, m.validNIPs) {
		t.Errorf("stored NIPs %v, want only the valid rows %v", got, m.validNIPs)
	}
}

func TestImportDryRun(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		file     func(t *testing.T) string
		wantExit int
		wantRows int
	}{
		{"all rows valid exits 0", func(t *testing.T) string { return validEmployees(t, 12, 3) }, 0, 12},
		{"invalid rows exit 1", func(t *testing.T) string { return mixedEmployees(t).path }, 1, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := newCLI(t)
			o := c.importJSON(tt.wantExit, "import", "employees", tt.file(t), "--dry-run")
			if o.Committed || o.Result != nil {
				t.Errorf("dry run committed = %v, result = %+v", o.Committed, o.Result)
			}
			if o.Rows != tt.wantRows {
				t.Errorf("rows = %d, want %d", o.Rows, tt.wantRows)
			}
			if nips := c.storedNIPs(); len(nips) != 0 {
				t.Errorf("dry run wrote %d employees", len(nips))
			}
		})
	}
}

func TestImportDryRunPlainTextSaysNothingWasWritten(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	out, _ := c.mustRun(0, "import", "employees", validEmployees(t, 3, 4), "--dry-run")
	for _, want := range []string{"3 baris data: 3 valid, 0 tidak valid.", "tidak ada yang disimpan"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout %q does not contain %q", out, want)
		}
	}
}

func TestImportPlainTextListsProblemsByRowAndColumn(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	out, _ := c.mustRun(1, "import", "employees", mixedEmployees(t).path, "--lang", "en")
	for _, want := range []string{"5 data rows: 2 valid, 3 invalid.", "ROW", "COLUMN", "PROBLEM",
		"Jenis Kelamin", "--skip-invalid"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout does not contain %q:\n%s", want, out)
		}
	}
}

func TestFlagsMayFollowPositionalArguments(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	file := validEmployees(t, 5, 5)

	tests := [][]string{
		{"import", "employees", file, "--json", "--dry-run"},
		{"import", "--json", "employees", "--dry-run", file},
		{"import", "employees", file, "--dry-run", "--json", "--data-dir", c.dir},
	}
	for _, args := range tests {
		out, _ := c.mustRun(0, args...)
		o := decodeImport(t, out)
		if o.Rows != 5 || o.Committed {
			t.Errorf("%v: rows = %d, committed = %v; want a 5-row dry run", args, o.Rows, o.Committed)
		}
	}
	if nips := c.storedNIPs(); len(nips) != 0 {
		t.Errorf("--dry-run after the file was ignored: %d employees written", len(nips))
	}
}

// assertIssues checks row, column and code of each issue, and that each has
// a message.
func assertIssues(t *testing.T, got []importIssue, want []wantErr) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d errors %+v, want %d %+v", len(got), got, len(want), want)
	}
	for i, w := range want {
		g := got[i]
		if g.Row != w.row || g.Column != w.column || g.Code != w.code {
			t.Errorf("error %d = row %d, column %q, code %q; want row %d, column %q, code %q",
				i, g.Row, g.Column, g.Code, w.row, w.column, w.code)
		}
		if strings.TrimSpace(g.Message) == "" {
			t.Errorf("error %d (%s) has no message", i, g.Code)
		}
	}
}
