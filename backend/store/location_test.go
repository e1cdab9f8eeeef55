package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"kembang/backend/domain"
)

// useConfigHome points the user config folder (and so the default data
// folder and location.json) at a temporary folder.
func useConfigHome(t *testing.T) string {
	t.Helper()
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	t.Setenv("HOME", cfg)
	t.Setenv("KEMBANG_DATA_DIR", "")
	home, err := homeDir()
	if err != nil {
		t.Fatal(err)
	}
	return home
}

func employeesIn(t *testing.T, dir string) int {
	t.Helper()
	s := openDir(t, dir)
	defer closeStore(t, s)
	_, total, err := s.SearchEmployees(context.Background(), EmployeeQuery{})
	if err != nil {
		t.Fatal(err)
	}
	return total
}

func TestChoosingAnEmptyFolderMovesTheDataAtTheNextStart(t *testing.T) {
	ctx := context.Background()
	home := useConfigHome(t)
	if d, _ := DefaultDataDir(); d != home || DataDirSource() != DataDirFromDefault {
		t.Fatalf("default data dir = %s (%s), want %s", d, DataDirSource(), home)
	}
	s := openDir(t, home)
	seed(t, s, 4)
	if _, err := s.MakeBackup(ctx, BackupManual, 0); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(t.TempDir(), "Data Kembang")
	choice, err := ChooseDataDir(ctx, home, target)
	if err != nil || choice.Mode != "move" {
		t.Fatalf("choice = %+v, %v", choice, err)
	}
	// While the app still runs on the old folder, nothing moves.
	if d, _ := DefaultDataDir(); d != home {
		t.Errorf("data dir while the old folder is open = %s, want %s", d, home)
	}
	closeStore(t, s)

	d, err := DefaultDataDir()
	if err != nil || d != target {
		t.Fatalf("data dir at the next start = %s, %v; want %s", d, err, target)
	}
	if n := employeesIn(t, target); n != 4 {
		t.Errorf("%d employees in the new folder, want 4", n)
	}
	if n := employeesIn(t, home); n != 4 {
		t.Errorf("%d employees left in the old folder, want 4 (never deleted)", n)
	}
	if list, _ := ListBackups(target); len(list) != 1 {
		t.Errorf("backups did not follow: %v", list)
	}
	if loc := ReadLocation(); loc.Dir != target || loc.MoveFrom != "" || DataDirSource() != DataDirFromChoice {
		t.Errorf("location after the move = %+v", loc)
	}
	// Going back: the default folder holds a database, which is opened as it is.
	choice, err = ChooseDataDir(ctx, target, home)
	if err != nil || choice.Mode != "open" {
		t.Fatalf("back to the default: %+v, %v", choice, err)
	}
	if d, _ := DefaultDataDir(); d != home || DataDirSource() != DataDirFromDefault {
		t.Errorf("data dir = %s (%s), want the default", d, DataDirSource())
	}
}

func TestChoosingAFolderWithABadDatabaseIsRefused(t *testing.T) {
	ctx := context.Background()
	home := useConfigHome(t)
	target := t.TempDir()
	if err := os.WriteFile(filepath.Join(target, dbFileName), []byte("not a database at all"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := ChooseDataDir(ctx, home, target)
	wantCode(t, err, domain.CodeBackupCorrupt)
	_, err = ChooseDataDir(ctx, home, home)
	wantCode(t, err, domain.CodeDataDirInvalid)
	_, err = ChooseDataDir(ctx, home, filepath.Join(home, "backups"))
	wantCode(t, err, domain.CodeDataDirInvalid)
	if loc := ReadLocation(); loc != (Location{}) {
		t.Errorf("a refused choice wrote %+v", loc)
	}
	t.Setenv("KEMBANG_DATA_DIR", t.TempDir())
	_, err = ChooseDataDir(ctx, home, t.TempDir())
	wantCode(t, err, domain.CodeDataDirFixed)
}

func TestAFailedMoveKeepsTheOldFolder(t *testing.T) {
	ctx := context.Background()
	home := useConfigHome(t)
	s := openDir(t, home)
	seed(t, s, 2)
	target := t.TempDir()
	if _, err := ChooseDataDir(ctx, home, target); err != nil {
		t.Fatal(err)
	}
	closeStore(t, s)
	// Meanwhile something else put a database there: it is not overwritten.
	other := openDir(t, target)
	seed(t, other, 1)
	closeStore(t, other)
	d, err := DefaultDataDir()
	if err != nil || d != home {
		t.Fatalf("data dir = %s, %v; want the old %s", d, err, home)
	}
	if loc := ReadLocation(); loc.LastError != "target_has_data" || loc.MoveFrom != "" {
		t.Errorf("location = %+v", loc)
	}
	if employeesIn(t, home) != 2 || employeesIn(t, target) != 1 {
		t.Error("a failed move changed a database")
	}
}
