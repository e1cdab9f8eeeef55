package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"kembang/backend/core"
	"kembang/backend/store"
)

func TestExportedEmployeesReimportUnchanged(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.importJSON(0, "import", "employees", validEmployees(t, 30, 11))
	out := filepath.Join(t.TempDir(), "pegawai.xlsx")

	stdout, _ := c.mustRun(0, "export", "employees", out)
	if strings.TrimSpace(stdout) != out {
		t.Errorf("export printed %q, want the path %q", stdout, out)
	}
	o := c.importJSON(0, "import", "employees", out)

	assertUnchanged(t, o, 30)
}

func TestExportAfterDemoReimportsUnchanged(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.mustRun(0, "demo", "--employees", "30")
	counts := map[string]int{}
	c.withCore(func(co *core.Core) {
		n, err := co.Counts(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		comps, err := co.Store.ListCompetencies(context.Background(), true)
		if err != nil {
			t.Fatal(err)
		}
		technical := 0
		for _, comp := range comps {
			if !comp.BuiltIn {
				technical++
			}
		}
		counts = map[string]int{"employees": n.Employees, "positions": n.Positions, "competencies": technical}
	})
	if counts["employees"] != 30 || counts["positions"] == 0 || counts["competencies"] == 0 {
		t.Fatalf("demo produced %v, want 30 employees and some positions and technical competencies", counts)
	}

	for _, kind := range []string{"competencies", "positions", "employees"} {
		t.Run(kind, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), kind+".xlsx")
			c.mustRun(0, "export", kind, out)
			o := c.importJSON(0, "import", kind, out)
			assertUnchanged(t, o, counts[kind])
		})
	}
}

func assertUnchanged(t *testing.T, o importOutput, n int) {
	t.Helper()
	if len(o.Errors) != 0 {
		t.Errorf("re-import of an export has errors: %+v", o.Errors)
	}
	if o.Rows != n || o.Valid != n {
		t.Errorf("rows/valid = %d/%d, want %d/%d", o.Rows, o.Valid, n, n)
	}
	if o.Result == nil {
		t.Fatal("re-import was not committed")
	}
	if o.Result.Created != 0 || o.Result.Updated != 0 || o.Result.Unchanged != n {
		t.Errorf("re-import = %+v, want 0 created, 0 updated, %d unchanged", *o.Result, n)
	}
}

// An empty template is a valid file with nothing in it: it imports as zero
// rows, exit 0, and writes nothing.
func TestTemplateImportsAsZeroRows(t *testing.T) {
	t.Parallel()
	for _, kind := range []string{"employees", "positions", "competencies"} {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			c := newCLI(t)
			file := filepath.Join(t.TempDir(), "template.xlsx")
			c.mustRun(0, "template", kind, file)

			o := c.importJSON(0, "import", kind, file)

			if o.Rows != 0 || o.Valid != 0 || o.Invalid != 0 || len(o.Errors) != 0 {
				t.Errorf("template import = %d rows, %d valid, %d invalid, errors %+v; want all zero",
					o.Rows, o.Valid, o.Invalid, o.Errors)
			}
			if o.Result != nil && (o.Result.Created != 0 || o.Result.Updated != 0) {
				t.Errorf("template import wrote %+v", *o.Result)
			}
			for _, w := range o.Warnings {
				if w.Code == "import.column_ignored" {
					t.Errorf("the template has a column its own importer ignores: %q", w.Column)
				}
			}
		})
	}
}

func TestDemoTwiceCreatesNothingTheSecondTime(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	first, _ := c.mustRun(0, "--lang", "en", "demo", "--employees", "50")
	second, _ := c.mustRun(0, "--lang", "en", "demo", "--employees", "50")

	if !strings.Contains(first, "Saved: 50 created") {
		t.Errorf("first demo printed %q, want 50 created", first)
	}
	if want := "Saved: 0 created, 0 updated, 50 unchanged."; strings.TrimSpace(second) != want {
		t.Errorf("second demo printed %q, want %q", second, want)
	}
	if nips := c.storedNIPs(); len(nips) != 50 {
		t.Errorf("%d employees after two demos, want 50", len(nips))
	}
}

func TestBackupWithoutFileWritesIntoTheBackupsFolder(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.mustRun(0, "demo", "--employees", "5")

	out, _ := c.mustRun(0, "backup")

	path := strings.TrimSpace(out)
	if filepath.Dir(path) != filepath.Join(c.dir, "backups") {
		t.Errorf("backup written to %q, want inside %q", path, filepath.Join(c.dir, "backups"))
	}
	assertSQLiteFile(t, path)
}

func TestBackupThenRestoreBringsBackTheSavedData(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.importJSON(0, "import", "employees", validEmployees(t, 10, 21))
	backup := filepath.Join(t.TempDir(), "copy.db")
	out, _ := c.mustRun(0, "backup", backup)
	if strings.TrimSpace(out) != backup {
		t.Errorf("backup printed %q, want %q", out, backup)
	}
	assertSQLiteFile(t, backup)
	c.importJSON(0, "import", "employees", validEmployees(t, 25, 22))
	if n := len(c.storedNIPs()); n <= 10 {
		t.Fatalf("%d employees after the second import, want more than 10", n)
	}

	out, _ = c.mustRun(0, "restore", backup)

	if !strings.Contains(out, "Basis data dipulihkan") {
		t.Errorf("restore printed %q", out)
	}
	if n := len(c.storedNIPs()); n != 10 {
		t.Errorf("%d employees after restore, want the 10 of the backup", n)
	}
}

func TestRestoreRefusesAFileThatIsNotAKembangDatabase(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.mustRun(0, "demo", "--employees", "3")
	db := filepath.Join(c.dir, "kembang.db")
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}

	code, _, stderr := c.run("restore", writeFile(t, t.TempDir(), "junk.db", []byte("junk")))

	if code != 2 || !strings.Contains(stderr, "cadangan rusak") {
		t.Errorf("exit %d, stderr %q; want 2 and the damaged-database message", code, stderr)
	}
	after, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("a refused restore changed the database")
	}
}

func TestCheckDBJSON(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.importJSON(0, "import", "employees", validEmployees(t, 7, 31))

	out, _ := c.mustRun(0, "check-db", "--json")

	var rep store.CheckReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("check-db --json printed %q: %v", out, err)
	}
	if rep.Integrity != "ok" || rep.SchemaVersion == "" {
		t.Errorf("integrity %q, schema %q; want ok and a version", rep.Integrity, rep.SchemaVersion)
	}
	if rep.Counts["employees"] != 7 {
		t.Errorf("counts.employees = %d, want 7", rep.Counts["employees"])
	}
	if rep.OutboxPending == 0 {
		t.Error("outboxPending = 0 after an import, want the pending changes")
	}
}

func TestCheckDBPlainTextPrintsOneFactPerLine(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.importJSON(0, "import", "employees", validEmployees(t, 7, 31))

	out, _ := c.mustRun(0, "--lang", "en", "check-db")

	for _, pattern := range []string{
		`(?m)^Integrity:\s+ok$`,
		`(?m)^Schema version:\s+\S+$`,
		`(?m)^Rows in employees:\s+7$`,
		`(?m)^Rows in positions:\s+\d+$`,
		`(?m)^Changes not yet sent:\s+[1-9]\d*$`,
	} {
		if !regexp.MustCompile(pattern).MatchString(out) {
			t.Errorf("check-db output does not match %s:\n%s", pattern, out)
		}
	}
	if strings.Contains(out, "{") || strings.Contains(out, "map[") {
		t.Errorf("check-db prints a Go struct:\n%s", out)
	}
}

func TestReportCheckFailsWithExit1WhenIntegrityIsNotOK(t *testing.T) {
	t.Parallel()
	bad := store.CheckReport{Integrity: "*** in database main ***\nPage 7 is never used", SchemaVersion: "0001",
		Counts: map[string]int64{"employees": 3}}
	for _, asJSON := range []bool{false, true} {
		var out bytes.Buffer
		err := reportCheck(&out, "id", bad, asJSON)
		var ee *exitError
		if !errors.As(err, &ee) || ee.code != 1 {
			t.Errorf("json=%v: error %v, want exit code 1", asJSON, err)
			continue
		}
		if !strings.Contains(ee.Error(), "kembangctl restore") {
			t.Errorf("json=%v: message %q does not say how to recover", asJSON, ee.Error())
		}
		if !strings.Contains(out.String(), "Page 7 is never used") {
			t.Errorf("json=%v: the problem was not printed:\n%s", asJSON, out.String())
		}
	}
	if err := reportCheck(&bytes.Buffer{}, "id", store.CheckReport{Integrity: "ok"}, false); err != nil {
		t.Errorf("a sound database failed the check: %v", err)
	}
}

func assertSQLiteFile(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("backup file: %v", err)
	}
	if !bytes.HasPrefix(data, []byte("SQLite format 3\x00")) {
		t.Errorf("%s is not a SQLite database", path)
	}
}

// damageIndex leaves a database whose quick check passes (so it opens) but
// whose full integrity check fails: an index that no longer matches its
// table.
func damageIndex(t *testing.T, dir string) {
	t.Helper()
	co, err := core.Open(context.Background(), store.Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer co.Close()
	for _, q := range []string{
		"CREATE TABLE probe(a INTEGER)",
		"CREATE INDEX probe_a ON probe(a)",
		"INSERT INTO probe VALUES (1), (2), (3)",
		"PRAGMA writable_schema=ON",
		"UPDATE sqlite_master SET sql = 'CREATE INDEX probe_a ON probe(a DESC)' WHERE name = 'probe_a'",
		"PRAGMA writable_schema=OFF",
	} {
		if err := co.Store.DB.Exec(q).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func TestCheckDBExits1WhenIntegrityCheckFails(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	damageIndex(t, c.dir)

	code, out, stderr := c.run("check-db")
	if code != 1 {
		t.Errorf("check-db exit %d, want 1", code)
	}
	if !regexp.MustCompile(`(?m)^Integritas:\s+row \d+ missing from index probe_a$`).MatchString(out) {
		t.Errorf("check-db does not show the problem:\n%s", out)
	}
	if !strings.Contains(stderr, "kembangctl restore FILE") {
		t.Errorf("stderr %q does not say how to recover", stderr)
	}

	code, out, _ = c.run("check-db", "--json")
	if code != 1 {
		t.Errorf("check-db --json exit %d, want 1", code)
	}
	var rep store.CheckReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("check-db --json printed %q: %v", out, err)
	}
	if rep.Integrity == "ok" || !strings.Contains(rep.Integrity, "probe_a") {
		t.Errorf("integrity = %q, want the index problem", rep.Integrity)
	}
}

func TestBackupListCreateAndRestoreByName(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	c.importJSON(0, "import", "employees", validEmployees(t, 4, 41))
	out, _ := c.mustRun(0, "backup", "create")
	name := filepath.Base(strings.TrimSpace(out))
	if !strings.HasSuffix(name, "-manual.db") {
		t.Errorf("backup create wrote %q, want a manual backup", name)
	}
	usb := t.TempDir()
	out, _ = c.mustRun(0, "backup", "create", "--dir", usb)
	if filepath.Dir(strings.TrimSpace(out)) != usb {
		t.Errorf("backup create --dir wrote %q, want inside %q", out, usb)
	}
	assertSQLiteFile(t, strings.TrimSpace(out))

	out, _ = c.mustRun(0, "--lang", "en", "backup", "list")
	if !strings.Contains(out, name) || !strings.Contains(out, "manual") {
		t.Errorf("backup list does not show %s:\n%s", name, out)
	}
	out, _ = c.mustRun(0, "backup", "list", "--json")
	var list []struct{ Name, Kind string }
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != 1 || list[0].Kind != "manual" {
		t.Errorf("backup list --json = %s (%v)", out, err)
	}

	c.importJSON(0, "import", "employees", validEmployees(t, 9, 42))
	c.mustRun(0, "backup", "restore", name)
	if n := len(c.storedNIPs()); n != 4 {
		t.Errorf("%d employees after restoring %s, want 4", n, name)
	}
	out, _ = c.mustRun(0, "--lang", "en", "backup", "list")
	if !strings.Contains(out, "before restore") {
		t.Errorf("the copy made before the restore is not listed:\n%s", out)
	}
}
