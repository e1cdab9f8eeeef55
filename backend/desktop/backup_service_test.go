package desktop_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kembang/backend/core"
	"kembang/backend/desktop"
	"kembang/backend/domain"
	"kembang/backend/store"
)

func employeeTotal(t *testing.T, s services) int {
	t.Helper()
	page, err := s.employees.Search(desktop.EmployeeQuery{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	return page.Total
}

func demoServices(t *testing.T, n int) services {
	t.Helper()
	s := openServices(t)
	c, err := s.backend.Core()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.LoadDemo(context.Background(), n, 1); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRestoreFromTheListSwapsTheDatabaseAndKeepsASafetyCopy(t *testing.T) {
	s := demoServices(t, 12)
	b, err := s.backups.Create()
	if err != nil {
		t.Fatal(err)
	}
	if b.Kind != store.BackupManual || b.SizeBytes == 0 {
		t.Fatalf("backup = %+v", b)
	}
	c, _ := s.backend.Core()
	if _, err := c.LoadDemo(context.Background(), 30, 2); err != nil {
		t.Fatal(err)
	}
	grown := employeeTotal(t, s)
	if grown <= 12 {
		t.Fatalf("%d employees after the second demo", grown)
	}

	res, err := s.backups.Restore(b.Name)
	if err != nil {
		t.Fatal(err)
	}
	if got := employeeTotal(t, s); got != 12 {
		t.Errorf("%d employees after restore, want the 12 of the backup", got)
	}
	if res.SafetyCopy == "" || !strings.HasSuffix(res.SafetyCopy, "-before-restore.db") {
		t.Fatalf("restore result = %+v", res)
	}
	list, err := s.backups.List()
	if err != nil {
		t.Fatal(err)
	}
	var safety *store.BackupInfo
	for i := range list.Backups {
		if list.Backups[i].Name == res.SafetyCopy {
			safety = &list.Backups[i]
		}
	}
	if safety == nil || safety.Kind != store.BackupPreRestore {
		t.Fatalf("the safety copy %s is not listed as pre-restore: %+v", res.SafetyCopy, list.Backups)
	}
	// The safety copy brings the replaced data back.
	if _, err := s.backups.Restore(res.SafetyCopy); err != nil {
		t.Fatal(err)
	}
	if got := employeeTotal(t, s); got != grown {
		t.Errorf("%d employees after restoring the safety copy, want %d", got, grown)
	}
	// Writes go on after a restore.
	if _, err := s.backups.Create(); err != nil {
		t.Errorf("backup after restore: %v", err)
	}
}

func TestRestoreRefusesACorruptFileAndTheWorkspaceStaysOpen(t *testing.T) {
	s := demoServices(t, 5)
	dir := t.TempDir()
	junk := filepath.Join(dir, "rusak.db")
	if err := os.WriteFile(junk, append([]byte("SQLite format 3\x00"), bytes.Repeat([]byte{0xAB}, 8192)...), 0o600); err != nil {
		t.Fatal(err)
	}
	s.backend.SetPicker(desktop.FixedPicker{File: junk})
	c, _ := s.backend.Core()
	dbPath := filepath.Join(c.Store.Dir(), "kembang.db")
	_, err := s.backups.RestoreFile()
	wantCode(t, err, domain.CodeBackupCorrupt)
	if got := employeeTotal(t, s); got != 5 {
		t.Errorf("%d employees after a refused restore, want 5", got)
	}
	if c2, _ := s.backend.Core(); c2 != c {
		t.Error("a refused restore reopened the workspace")
	}
	if _, err := os.Stat(dbPath); err != nil {
		t.Error(err)
	}
	_, err = s.backups.Restore("kembang-20990101-000000-manual.db")
	wantCode(t, err, domain.CodeBackupNotFound)
	list, _ := s.backups.List()
	for _, b := range list.Backups {
		if b.Kind == store.BackupPreRestore {
			t.Errorf("a refused restore made a safety copy: %s", b.Name)
		}
	}
}

func TestBackupToAChosenFolder(t *testing.T) {
	s := demoServices(t, 3)
	usb := filepath.Join(t.TempDir(), "USB")
	s.backend.SetPicker(desktop.FixedPicker{Folder: usb})
	path, err := s.backups.CreateInFolder()
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(path) != usb || !strings.HasPrefix(filepath.Base(path), "kembang-cadangan-") {
		t.Errorf("backup written to %s", path)
	}
	if err := store.CheckBackupFile(context.Background(), path); err != nil {
		t.Error(err)
	}
	s.backend.SetPicker(desktop.FixedPicker{})
	if path, err := s.backups.CreateInFolder(); err != nil || path != "" {
		t.Errorf("cancelled folder: %q, %v", path, err)
	}
}

func TestDailyBackupIsMadeWhenTheLastIsADayOldAndRotates(t *testing.T) {
	s := demoServices(t, 4)
	c, _ := s.backend.Core()
	now := time.Date(2026, 11, 23, 8, 0, 0, 0, time.Local)
	c.Store.Now = func() time.Time { return now }
	if _, err := s.backups.SetKeep(3); err != nil {
		t.Fatal(err)
	}
	_, err := s.backups.SetKeep(0)
	wantCode(t, err, domain.CodeInvalid)
	ctx := context.Background()
	made := 0
	for day := range 6 {
		now = time.Date(2026, 11, 23+day, 8, 0, 0, 0, time.Local)
		b, err := s.backend.DailyBackupIfDue(ctx)
		if err != nil || b == nil {
			t.Fatalf("day %d: no daily backup (%v)", day, err)
		}
		made++
		now = now.Add(20 * time.Hour) // the same day's later checks: not due
		if b, err := s.backend.DailyBackupIfDue(ctx); err != nil || b != nil {
			t.Fatalf("day %d: a second backup within a day: %v, %v", day, b, err)
		}
	}
	list, err := s.backups.List()
	if err != nil {
		t.Fatal(err)
	}
	daily := 0
	for _, b := range list.Backups {
		if b.Kind == store.BackupDaily {
			daily++
		}
	}
	if daily != 3 || list.Keep != 3 {
		t.Errorf("%d daily backups kept (keep %d) of %d made, want 3", daily, list.Keep, made)
	}
	if list.LastDaily == nil || !list.LastDaily.Equal(time.Date(2026, 11, 28, 8, 0, 0, 0, time.Local)) {
		t.Errorf("last daily = %v", list.LastDaily)
	}
}

func TestSettingsExportImportRoundTripWithoutTheOfficeKey(t *testing.T) {
	src := openServices(t)
	set, err := src.printing.Settings()
	if err != nil {
		t.Fatal(err)
	}
	set.Agency = "Pemerintah Kabupaten Contoh"
	set.Approver = core.PrintSignatory{Title: "Kepala BKPSDM", Name: "Dr. Hendra", NIP: "197005121998031004"}
	if _, err := src.printing.SaveSettings(set); err != nil {
		t.Fatal(err)
	}
	if err := src.app.SetLocale("en"); err != nil {
		t.Fatal(err)
	}
	if _, err := src.backups.SetKeep(30); err != nil {
		t.Fatal(err)
	}
	srcKey, _ := src.printing.OfficeKey()
	path, err := src.settings.Export(false)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "seed") || strings.Contains(string(data), "officeKey") {
		t.Fatalf("the office key left without being asked for:\n%s", data)
	}

	dst := openServices(t)
	dstKey, _ := dst.printing.OfficeKey()
	res, err := dst.settings.Import(string(data), false)
	if err != nil {
		t.Fatal(err)
	}
	if res.OfficeKey {
		t.Error("the office key changed")
	}
	got, _ := dst.printing.Settings()
	if got.Agency != set.Agency || got.Approver.NIP != set.Approver.NIP {
		t.Errorf("documents after import = %+v", got)
	}
	info, _ := dst.app.Info()
	list, _ := dst.backups.List()
	if info.Locale != "en" || list.Keep != 30 {
		t.Errorf("locale %q, keep %d after import", info.Locale, list.Keep)
	}
	if k, _ := dst.printing.OfficeKey(); k != dstKey || k == srcKey {
		t.Errorf("office key %v after import, want this laptop's %v", k, dstKey)
	}
	// Asking for the key from a file without one is an error, changing nothing.
	_, err = dst.settings.Import(string(data), true)
	wantCode(t, err, domain.CodeSettingsNoOfficeKey)
}

func TestSettingsImportOfTheOfficeKeyKeepsTheOldKeyTrusted(t *testing.T) {
	src := openServices(t)
	srcKey, _ := src.printing.OfficeKey()
	path, err := src.settings.Export(true)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	dst := openServices(t)
	oldKey, _ := dst.printing.OfficeKey()
	res, err := dst.settings.Import(string(data), true)
	if err != nil || !res.OfficeKey {
		t.Fatalf("import with key: %+v, %v", res, err)
	}
	if k, _ := dst.printing.OfficeKey(); k != srcKey {
		t.Errorf("office key = %v, want %v", k, srcKey)
	}
	c, _ := dst.backend.Core()
	keys, err := c.TrustedKeys(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, k := range keys {
		found = found || (k.Code == oldKey.Code && k.PublicKey == oldKey.PublicKey && !k.Own)
	}
	if !found {
		t.Errorf("the replaced key is no longer trusted: %+v", keys)
	}
}

func TestSettingsImportValidationChangesNothing(t *testing.T) {
	s := openServices(t)
	before, _ := s.printing.Settings()
	cases := []struct {
		name, content, code string
		field               string
	}{
		{"not json", "this is not json", domain.CodeSettingsFileInvalid, ""},
		{"other json", `{"hello":"world"}`, domain.CodeSettingsFileInvalid, ""},
		{"newer format", `{"format":"kembang-settings","version":99}`, domain.CodeSettingsVersion, ""},
		{"unknown field", `{"format":"kembang-settings","version":1,"documentz":{}}`, domain.CodeSettingsFileInvalid, ""},
		{"wrong type", `{"format":"kembang-settings","version":1,"backup":{"keep":"many"}}`, domain.CodeSettingsFileInvalid, ""},
		{"bad values", `{"format":"kembang-settings","version":1,"locale":"fr",
			"documents":{"agency":"Baru","logo":"bm90IGFuIGltYWdl"},"backup":{"keep":0}}`, domain.CodeInvalid, "documents.logo"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.settings.Import(tc.content, false)
			wantCode(t, err, tc.code)
			if tc.field != "" {
				b, _ := json.Marshal(desktop.FormatError(err))
				if !strings.Contains(string(b), tc.field) || !strings.Contains(string(b), `"locale"`) || !strings.Contains(string(b), "backup.keep") {
					t.Errorf("field errors %s lack %s, locale, backup.keep", b, tc.field)
				}
			}
		})
	}
	after, _ := s.printing.Settings()
	if after.Agency != before.Agency {
		t.Error("a refused import changed the document settings")
	}
	info, _ := s.app.Info()
	if info.Locale != "id" {
		t.Errorf("a refused import changed the locale to %q", info.Locale)
	}
}

func TestDataFolderOfABridgeStartIsFixed(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("KEMBANG_DATA_DIR", "")
	s := openServices(t)
	d, err := s.settings.DataFolder()
	if err != nil {
		t.Fatal(err)
	}
	if d.Changeable || d.Source != "fixed" || !strings.HasSuffix(d.DBPath, "kembang.db") {
		t.Errorf("data folder = %+v", d)
	}
	_, err = s.settings.ChooseDataFolder()
	wantCode(t, err, domain.CodeDataDirFixed)
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if !domain.IsCode(err, code) {
		t.Fatalf("error = %v, want code %s", err, code)
	}
}

func TestADamagedDatabaseIsRecoveredFromTheStartupScreen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	c, err := core.Open(ctx, store.Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.LoadDemo(ctx, 6, 1); err != nil {
		t.Fatal(err)
	}
	good, err := c.Store.MakeBackup(ctx, store.BackupDaily, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	dbPath := filepath.Join(dir, "kembang.db")
	damaged := append([]byte("SQLite format 3\x00"), bytes.Repeat([]byte{0x42}, 64<<10)...)
	if err := os.WriteFile(dbPath, damaged, 0o600); err != nil {
		t.Fatal(err)
	}
	_, openErr := core.Open(ctx, store.Config{Dir: dir})
	wantCode(t, openErr, domain.CodeDBCorrupt)
	b := desktop.NewBackend(nil, openErr, dir, desktop.DirSaver{Dir: t.TempDir()})
	t.Cleanup(func() { _ = b.Close() })
	s := byType(t, b)
	if _, err := s.employees.Search(desktop.EmployeeQuery{}); !domain.IsCode(err, domain.CodeDBCorrupt) {
		t.Fatalf("before the restore: %v", err)
	}

	list, err := s.backups.List()
	if err != nil || len(list.Backups) != 1 {
		t.Fatalf("backups on the startup screen: %+v, %v", list, err)
	}
	res, err := s.backups.Restore(good.Name)
	if err != nil {
		t.Fatal(err)
	}
	if got := employeeTotal(t, s); got != 6 {
		t.Errorf("%d employees after recovering, want 6", got)
	}
	info, _ := s.app.Info()
	if info.StartupError != nil {
		t.Errorf("startup error still reported: %+v", info.StartupError)
	}
	// The damaged file was kept, byte for byte, as the safety copy.
	kept, err := os.ReadFile(filepath.Join(dir, "backups", res.SafetyCopy))
	if err != nil || !bytes.Equal(kept, damaged) {
		t.Errorf("safety copy of the damaged file: %v (equal %v)", err, bytes.Equal(kept, damaged))
	}
}
