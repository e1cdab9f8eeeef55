package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/store"
	ksync "kembang/backend/sync"
)

func runServer(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), append([]string{"--data-dir", dir}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

func TestBundleImportCommand(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	code, out, errs := runServer(t, dir, "office", "add", "Kantor A", "--code", "KA")
	if code != 0 {
		t.Fatalf("office add: %d %s", code, errs)
	}
	officeA := strings.Fields(out)[0]
	_, out, _ = runServer(t, dir, "office", "add", "Kantor B")
	officeB := strings.Fields(out)[0]
	_, out, _ = runServer(t, dir, "enrol-code", "--office", officeA)
	enrol := strings.Fields(out)[0]

	// A laptop with a unit and an employee, never linked.
	lc, err := core.Open(ctx, store.Config{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer lc.Close()
	local, err := lc.Store.LocalOffice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	u := &domain.Unit{OfficeID: local.ID, Name: "Bidang Mutasi"}
	if err := lc.Store.SaveUnit(ctx, u); err != nil {
		t.Fatal(err)
	}
	cl, err := ksync.New(ctx, lc.Store)
	if err != nil {
		t.Fatal(err)
	}
	usb := t.TempDir()
	exp, err := cl.ExportBundle(ctx, usb, ksync.ExportOptions{Code: enrol})
	if err != nil {
		t.Fatal(err)
	}

	if code, _, _ := runServer(t, dir, "bundle", "import"); code != 2 {
		t.Fatalf("bundle import without FILE: exit %d", code)
	}
	if code, _, errs := runServer(t, dir, "bundle", "import", exp.Path, "--office", officeB); code != 1 || !strings.Contains(errs, "bundle.other_office") {
		t.Fatalf("another office's import: exit %d %s", code, errs)
	}
	back := t.TempDir()
	code, out, errs = runServer(t, dir, "bundle", "import", exp.Path, "--office", officeA, "--out", back, "--json")
	if code != 0 {
		t.Fatalf("bundle import: exit %d %s", code, errs)
	}
	var res struct {
		OK         bool   `json:"ok"`
		ReturnPath string `json:"returnPath"`
		Enrolled   bool   `json:"enrolled"`
		Return     struct {
			Counts struct {
				Applied int `json:"applied"`
				Changes int `json:"changes"`
			} `json:"counts"`
		} `json:"return"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if !res.OK || !res.Enrolled || res.Return.Counts.Applied != 1 || res.Return.Counts.Changes == 0 || filepath.Dir(res.ReturnPath) != back {
		t.Fatalf("import: %+v", res)
	}
	code, _, errs = runServer(t, dir, "bundle", "import", exp.Path)
	if code != 1 || !strings.Contains(errs, "already imported") {
		t.Fatalf("second import: exit %d %s", code, errs)
	}
	// The laptop applies the return bundle.
	data, err := os.ReadFile(res.ReturnPath)
	if err != nil {
		t.Fatal(err)
	}
	rr, err := cl.ImportReturn(ctx, data)
	if err != nil || !rr.Enrolled {
		t.Fatalf("return import: %+v %v", rr, err)
	}
	code, out, _ = runServer(t, dir, "device", "list")
	if code != 0 || !strings.Contains(out, rr.Manifest.DeviceID) {
		t.Fatalf("device list: %s", out)
	}
}
