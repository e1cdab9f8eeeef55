package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kembang/backend/core"
	"kembang/backend/store"
)

func TestUsageErrorsExit2(t *testing.T) {
	t.Parallel()
	file := validEmployees(t, 2, 9)
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"no command", nil, "Usage:"},
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"import without a file", []string{"import", "employees"}, "expected 2 argument(s), got 1"},
		{"import without kind and file", []string{"import"}, "expected 2 argument(s), got 0"},
		{"import with an unknown kind", []string{"import", "people", file}, `unknown kind "people"`},
		{"import of a file that does not exist", []string{"import", "employees", filepath.Join(t.TempDir(), "nope.xlsx")}, "Berkas tidak dapat dibaca"},
		{"import with an unknown flag", []string{"import", "employees", file, "--bogus"}, "flag provided but not defined"},
		{"export without a file", []string{"export", "positions"}, "expected 2 argument(s), got 1"},
		{"template with an unknown kind", []string{"template", "units", "t.xlsx"}, `unknown kind "units"`},
		{"demo with zero employees", []string{"demo", "--employees", "0"}, "--employees must be between"},
		{"restore without a file", []string{"restore"}, "restore: expected FILE"},
		{"backup with two files", []string{"backup", "a.db", "b.db"}, "at most one FILE"},
		{"an unknown language before the command", []string{"--lang", "fr", "version"}, "--lang must be id or en"},
		{"an unknown language after the command", []string{"import", "employees", file, "--lang", "fr"}, "--lang must be id or en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := newCLI(t)
			code, _, stderr := c.run(tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2 (stderr: %s)", code, stderr)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q does not contain %q", stderr, tt.stderr)
			}
		})
	}
}

func TestImportOfAFileThatIsNotASpreadsheetExits2(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, file, stderr string
		data               []byte
	}{
		{"unknown extension", "pegawai.pdf", "Format berkas tidak didukung", []byte("%PDF-1.4")},
		{"broken xlsx", "pegawai.xlsx", "Berkas tidak dapat dibaca", []byte("not a zip")},
		{"missing required columns", "pegawai.csv", "Kolom wajib tidak ditemukan", []byte("NIP;Nama\n199001012015031001;Budi\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := newCLI(t)
			code, stdout, stderr := c.run("import", "employees", writeFile(t, t.TempDir(), tt.file, tt.data), "--json")
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q does not contain %q", stderr, tt.stderr)
			}
			if stdout != "" {
				t.Errorf("a file error printed a report: %s", stdout)
			}
		})
	}
}

func TestDamagedDatabaseIsReportedAndLeftUnchanged(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		data []byte
	}{
		{"not a SQLite file", []byte("this is not a database, it is a shopping list")},
		{"SQLite header followed by garbage", append([]byte("SQLite format 3\x00"), bytes.Repeat([]byte{0xAB}, 8192)...)},
	}
	commands := [][]string{
		{"check-db"},
		{"import", "employees", "FILE", "--json"},
		{"demo", "--employees", "3"},
	}
	for _, tt := range tests {
		for _, cmd := range commands {
			t.Run(tt.name+"/"+cmd[0], func(t *testing.T) {
				t.Parallel()
				c := newCLI(t)
				db := writeFile(t, c.dir, "kembang.db", tt.data)
				args := append([]string(nil), cmd...)
				for i, a := range args {
					if a == "FILE" {
						args[i] = validEmployees(t, 2, 1)
					}
				}

				code, _, stderr := c.run(args...)

				if code != 2 {
					t.Errorf("exit %d, want 2", code)
				}
				if !strings.Contains(stderr, "basis data rusak") || !strings.Contains(stderr, "kembangctl restore") {
					t.Errorf("stderr %q does not explain the damaged database", stderr)
				}
				after, err := os.ReadFile(db)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(after, tt.data) {
					t.Error("the damaged database file was changed")
				}
			})
		}
	}
}

func TestDamagedDatabaseMessageInEnglish(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	writeFile(t, c.dir, "kembang.db", []byte("garbage"))
	code, _, stderr := c.run("--lang", "en", "check-db")
	if code != 2 || !strings.Contains(stderr, "The database file is damaged") {
		t.Errorf("exit %d, stderr %q; want 2 and the English explanation", code, stderr)
	}
}

func TestDataFolderInUseByAnotherStoreExits2WithTheLockMessage(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	held, err := core.Open(context.Background(), store.Config{Dir: c.dir})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()

	for _, args := range [][]string{
		{"import", "employees", validEmployees(t, 2, 1), "--json"},
		{"check-db"},
		{"export", "employees", filepath.Join(t.TempDir(), "out.xlsx")},
		{"restore", filepath.Join(t.TempDir(), "whatever.db")},
	} {
		code, stdout, stderr := c.run(args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
		if !strings.Contains(stderr, "Data sedang dipakai oleh Kembang lain") {
			t.Errorf("%v: stderr %q does not contain the lock message", args, stderr)
		}
		if stdout != "" {
			t.Errorf("%v: printed %q while the folder is locked", args, stdout)
		}
	}
	// The store that holds the lock is untouched and still works.
	if _, err := held.Counts(context.Background()); err != nil {
		t.Errorf("the open store broke: %v", err)
	}
}

func TestVersionPrintsTheVersion(t *testing.T) {
	t.Parallel()
	c := newCLI(t)
	out, _ := c.mustRun(0, "version")
	if !strings.Contains(out, core.Version) {
		t.Errorf("version printed %q, want %q", out, core.Version)
	}
}
