package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kembang/backend/server"
	"kembang/backend/store"
)

func TestBundleExportAndImport(t *testing.T) {
	ctx := context.Background()
	srv, err := server.Open(ctx, server.Config{Driver: store.DriverSQLite, Dir: t.TempDir(), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	office, err := srv.AddOffice(ctx, "BKPSDM Kabupaten Contoh", "KC")
	if err != nil {
		t.Fatal(err)
	}
	code, _, err := srv.NewEnrolCode(ctx, office.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	c := newCLI(t)
	c.mustRun(0, "demo", "--employees", "5")
	out := t.TempDir()

	// Without the enrolment code the first bundle is refused, with a hint.
	_, stderr := c.mustRun(2, "bundle", "export", out)
	if !strings.Contains(stderr, "--code") {
		t.Fatalf("stderr %q does not say how to give the code", stderr)
	}
	c.mustRun(2, "bundle", "export", filepath.Join(out, "missing"))
	c.mustRun(2, "bundle", "frobnicate", out)

	stdout, _ := c.mustRun(0, "bundle", "export", out, "--code", code, "--name", "Laptop Mutasi", "--json")
	var exp struct {
		OK       bool   `json:"ok"`
		Path     string `json:"path"`
		Receipt  string `json:"receipt"`
		Manifest struct {
			Seq    int64 `json:"seq"`
			Counts struct {
				Mutations int `json:"mutations"`
			} `json:"counts"`
		} `json:"manifest"`
	}
	if err := json.Unmarshal([]byte(stdout), &exp); err != nil {
		t.Fatalf("export --json: %v\n%s", err, stdout)
	}
	if !exp.OK || exp.Manifest.Seq != 1 || exp.Manifest.Counts.Mutations == 0 {
		t.Fatalf("export: %+v", exp)
	}
	if _, err := os.Stat(exp.Receipt); err != nil {
		t.Fatalf("receipt: %v", err)
	}
	data, err := os.ReadFile(exp.Path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := srv.ImportBundle(ctx, data, server.BundleImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Return.Counts.Applied != exp.Manifest.Counts.Mutations {
		t.Fatalf("server applied %+v of %d", res.Return.Counts, exp.Manifest.Counts.Mutations)
	}
	ret := filepath.Join(out, "balasan.kembang")
	if err := os.WriteFile(ret, res.ReturnFile, 0o644); err != nil {
		t.Fatal(err)
	}

	// A changes bundle is not a return bundle; a cut file is damaged.
	_, stderr = c.mustRun(1, "bundle", "import", exp.Path)
	if !strings.Contains(stderr, "enis berkas salah") {
		t.Fatalf("wrong kind: %q", stderr)
	}
	cut := filepath.Join(out, "cut.kembang")
	if err := os.WriteFile(cut, res.ReturnFile[:len(res.ReturnFile)/3], 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr = c.mustRun(1, "bundle", "import", cut, "--json")
	if !strings.Contains(stderr, "rusak") || !strings.Contains(stdout, `"code": "bundle.damaged"`) {
		t.Fatalf("cut file: stdout %q stderr %q", stdout, stderr)
	}
	c.mustRun(2, "bundle", "import", filepath.Join(out, "nope.kembang"))

	stdout, _ = c.mustRun(0, "bundle", "import", ret)
	if !strings.Contains(stdout, "Berkas balasan diterapkan") || !strings.Contains(stdout, "terdaftar sebagai perangkat "+res.DeviceID) {
		t.Fatalf("import: %q", stdout)
	}
	// Twice: refused, says why, in the chosen language.
	code2, _, stderr := c.run("--lang", "en", "bundle", "import", ret)
	if code2 != 1 || !strings.Contains(stderr, "imported before; nothing was changed") {
		t.Fatalf("second import: exit %d, %q", code2, stderr)
	}
	// The next export needs no code and carries nothing already acknowledged.
	stdout, _ = c.mustRun(0, "bundle", "export", out)
	if !strings.Contains(stdout, "(0 perubahan") {
		t.Fatalf("second export: %q", stdout)
	}
}
