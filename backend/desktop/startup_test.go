package desktop_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"kembang/backend/core"
	"kembang/backend/desktop"
	"kembang/backend/domain"
	"kembang/backend/store"
)

// startupFailed is a backend whose database could not be opened.
func startupFailed(t *testing.T) (services, string) {
	t.Helper()
	dir := t.TempDir()
	err := domain.E(domain.CodeDBCorrupt, "store.open", nil, "reason", "not_sqlite")
	b := desktop.NewBackend(nil, err, dir, desktop.DirSaver{Dir: t.TempDir()})
	t.Cleanup(func() {
		if err := b.Close(); err != nil {
			t.Errorf("Close of a backend without a database: %v", err)
		}
	})
	return byType(t, b), dir
}

func TestInfoReportsTheStartupErrorInsteadOfFailing(t *testing.T) {
	t.Parallel()
	s, dir := startupFailed(t)

	info, err := s.app.Info()

	if err != nil {
		t.Fatalf("Info failed: %v", err)
	}
	if info.StartupError == nil || info.StartupError.Code != domain.CodeDBCorrupt {
		t.Fatalf("startupError = %+v, want %s", info.StartupError, domain.CodeDBCorrupt)
	}
	if info.StartupError.Details["reason"] != "not_sqlite" {
		t.Errorf("startupError details = %v, want reason not_sqlite", info.StartupError.Details)
	}
	if info.Version != core.Version || info.DataDir != dir || info.DBPath != filepath.Join(dir, "kembang.db") || info.Locale != "id" {
		t.Errorf("info = %+v, want version, data dir, db path and locale id", info)
	}
}

// Every method that needs the database rejects with the startup error. The
// methods listed in pure do not touch the database. A new method that
// forgets to ask Backend.Core fails this test.
func TestEveryOtherServiceMethodReturnsTheStartupError(t *testing.T) {
	t.Parallel()
	s, _ := startupFailed(t)
	pure := map[string]bool{
		"AppService.Info":               true, // reports it instead, tested above
		"EmployeeService.CheckNIP":      true,
		"EmployeeService.Golongans":     true,
		"FrameworkService.NewTechnical": true,
		"OrgService.DefaultStandards":   true,
		"TransferService.Job":           true, // no job can have started
		"TransferService.SaveTemplate":  true, // zero kind is rejected first; see below
		"TransferService.Export":        true,
		"AppService.SetLocale":          true, // zero locale is rejected first; see below
		// The data folder is known without the database (and may be the way out of a bad one).
		"SettingsService.DataFolder":             true,
		"SettingsService.ChooseDataFolder":       true,
		"SettingsService.CancelDataFolderChange": true,
		// A damaged database (the startup error here) can be replaced by a backup.
		"BackupService.List":        true,
		"BackupService.Restore":     true,
		"BackupService.RestoreFile": true,
	}
	checked := 0
	for _, svc := range s.backend.Services() {
		v := reflect.ValueOf(svc)
		typ := v.Type()
		for i := 0; i < typ.NumMethod(); i++ {
			m := typ.Method(i)
			name := typ.Elem().Name() + "." + m.Name
			if pure[name] {
				continue
			}
			fn := v.Method(i)
			in := make([]reflect.Value, fn.Type().NumIn())
			for j := range in {
				in[j] = reflect.Zero(fn.Type().In(j))
			}
			out := fn.Call(in)
			last := out[len(out)-1]
			err, ok := last.Interface().(error)
			if last.Type() != reflect.TypeOf((*error)(nil)).Elem() {
				t.Errorf("%s returns no error but is not listed as pure", name)
				continue
			}
			if !ok || !domain.IsCode(err, domain.CodeDBCorrupt) {
				t.Errorf("%s error = %v, want %s", name, err, domain.CodeDBCorrupt)
			}
			checked++
		}
	}
	if checked < 20 {
		t.Errorf("only %d methods checked; the service list looks wrong", checked)
	}

	// The methods whose zero arguments are rejected before the database is asked.
	for name, call := range map[string]func() error{
		"SaveTemplate(employees)": func() error { _, err := s.transfer.SaveTemplate("employees"); return err },
		"Export(positions)":       func() error { _, err := s.transfer.Export("positions"); return err },
		"SetLocale(en)":           func() error { return s.app.SetLocale("en") },
		"Commit(token)":           func() error { _, err := s.transfer.Commit("preview-1-1", true); return err },
		"Preview(employees)": func() error {
			_, err := s.transfer.Preview("employees", "p.xlsx", "")
			return err
		},
	} {
		if err := call(); !domain.IsCode(err, domain.CodeDBCorrupt) {
			t.Errorf("%s error = %v, want %s", name, err, domain.CodeDBCorrupt)
		}
	}
}

func TestPureMethodsWorkWithoutADatabase(t *testing.T) {
	t.Parallel()
	s, _ := startupFailed(t)
	if info := s.employees.CheckNIP("199001012015031001"); !info.Valid || info.Gender != "L" || info.BirthDate != "1990-01-01" {
		t.Errorf("CheckNIP = %+v", info)
	}
	if len(s.employees.Golongans()) != len(domain.Golongans) {
		t.Error("Golongans incomplete")
	}
	if c := s.framework.NewTechnical(); c.Type != domain.Technical || len(c.Levels) != 5 {
		t.Errorf("NewTechnical = %+v", c)
	}
	if std, err := s.org.DefaultStandards("pengawas", ""); err != nil || len(std) == 0 {
		t.Errorf("DefaultStandards = %v, %v", std, err)
	}
}

func TestInfoOfAnOpenWorkspace(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	c, err := core.Open(context.Background(), store.Config{Dir: dir, Device: "laptop-1"})
	if err != nil {
		t.Fatal(err)
	}
	b := desktop.NewBackend(c, nil, dir, desktop.DirSaver{Dir: t.TempDir()})
	defer b.Close()
	s := byType(t, b)
	if err := s.app.SetLocale("en"); err != nil {
		t.Fatal(err)
	}

	info, err := s.app.Info()

	if err != nil {
		t.Fatal(err)
	}
	if info.StartupError != nil {
		t.Errorf("startupError = %+v on an open workspace", info.StartupError)
	}
	if info.Locale != "en" || info.OfficeName != core.DefaultOfficeName || info.Device != "laptop-1" || info.SchemaVersion == "" {
		t.Errorf("info = %+v", info)
	}
	if info.Counts.FrameworkVersions != 1 || info.Counts.Competencies == 0 {
		t.Errorf("counts = %+v", info.Counts)
	}
}
