package store

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strings"

	"kembang/backend/domain"
)

// The data folder can be moved: location.json in the default folder
// (<user config dir>/Kembang) names the folder in use. A move chosen in the
// settings takes effect at the next start, before anything opens the
// database: the database is copied (VACUUM INTO, under a temporary name,
// then renamed) into the new folder, and the old folder is left exactly as
// it was, so a failed or interrupted move never loses data.
const locationFile = "location.json"

// Location is the content of location.json.
type Location struct {
	Dir       string `json:"dir"`                 // the data folder in use ("" = the default)
	MoveFrom  string `json:"moveFrom,omitempty"`  // copy the database from here at the next start
	LastError string `json:"lastError,omitempty"` // why the last move did not happen
}

// Data folder sources reported by DataDirSource.
const (
	DataDirFromEnv     = "env"
	DataDirFromChoice  = "chosen"
	DataDirFromDefault = "default"
)

// HomeDataDir is the default data folder, <user config dir>/Kembang, where
// location.json lives.
func HomeDataDir() (string, error) { return homeDir() }

func homeDir() (string, error) {
	base, err := os.UserConfigDir()
	if err != nil {
		return "", domain.E(domain.CodeInternal, "store.data_dir", err)
	}
	return filepath.Join(base, "Kembang"), nil
}

// ReadLocation returns location.json (empty when there is none or it
// cannot be read).
func ReadLocation() Location {
	home, err := homeDir()
	if err != nil {
		return Location{}
	}
	var loc Location
	b, err := os.ReadFile(filepath.Join(home, locationFile))
	if err != nil || json.Unmarshal(b, &loc) != nil {
		return Location{}
	}
	return loc
}

func writeLocation(loc Location) error {
	home, err := homeDir()
	if err != nil {
		return err
	}
	path := filepath.Join(home, locationFile)
	if loc.Dir == "" && loc.MoveFrom == "" && loc.LastError == "" {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	}
	b, err := json.MarshalIndent(loc, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(home, 0o700); err != nil {
		return err
	}
	tmp := path + tmpSuffix
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	if err := syncFile(tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	syncDir(home)
	return nil
}

// DataDirSource says where the data folder comes from: the
// KEMBANG_DATA_DIR variable, a folder chosen in the settings, or the default.
func DataDirSource() string {
	if os.Getenv("KEMBANG_DATA_DIR") != "" {
		return DataDirFromEnv
	}
	if ReadLocation().Dir != "" {
		return DataDirFromChoice
	}
	return DataDirFromDefault
}

// DefaultDataDir is $KEMBANG_DATA_DIR when set, else the folder chosen in
// the settings (finishing a move chosen there, see Location), else
// <user config dir>/Kembang.
func DefaultDataDir() (string, error) {
	if d := os.Getenv("KEMBANG_DATA_DIR"); d != "" {
		return d, nil
	}
	home, err := homeDir()
	if err != nil {
		return "", err
	}
	loc := ReadLocation()
	if loc.Dir == "" {
		return home, nil
	}
	if loc.MoveFrom != "" {
		return finishMove(loc), nil
	}
	return loc.Dir, nil
}

// finishMove copies the database of a pending move and returns the folder
// to open: the new one when the copy is complete, the old one otherwise
// (the reason is kept in location.json for the settings screen). When
// another Kembang has the old folder open, nothing happens yet.
func finishMove(loc Location) string {
	ctx := context.Background()
	from, to := loc.MoveFrom, loc.Dir
	fail := func(reason string, err error) string {
		log.Printf("kembang: data folder not moved to %s: %s: %v", to, reason, err)
		home, _ := homeDir()
		back := Location{Dir: from, LastError: reason}
		if from == home {
			back.Dir = ""
		}
		_ = writeLocation(back)
		return from
	}
	fromLock, err := acquireLock(filepath.Join(from, lockFileName))
	if err != nil {
		return from // in use: the move waits for a start that owns the data
	}
	defer fromLock.release()
	if err := os.MkdirAll(to, 0o700); err != nil {
		return fail("create", err)
	}
	toLock, err := acquireLock(filepath.Join(to, lockFileName))
	if err != nil {
		return fail("target_locked", err)
	}
	defer toLock.release()
	src, dest := filepath.Join(from, dbFileName), filepath.Join(to, dbFileName)
	if info, err := os.Stat(dest); err == nil && info.Size() > 0 {
		return fail("target_has_data", nil)
	}
	if info, err := os.Stat(src); err == nil && info.Size() > 0 {
		if _, err := inspectSQLite(ctx, src, "store.move"); err != nil {
			return fail("source_unreadable", err)
		}
		_ = os.Remove(dest) // an empty file
		if err := writeAtomically(dest, func(tmp string) error { return vacuumInto(ctx, src, tmp) }); err != nil {
			return fail("copy", err)
		}
		if _, err := inspectSQLite(ctx, dest, "store.move"); err != nil {
			_ = os.Remove(dest)
			return fail("copy_check", err)
		}
	}
	// The backups follow (best effort: the old folder keeps them anyway).
	if entries, err := os.ReadDir(BackupsDir(from)); err == nil {
		for _, e := range entries {
			if _, ok := parseBackupName(e.Name()); ok {
				_ = copyFile(filepath.Join(BackupsDir(from), e.Name()), filepath.Join(BackupsDir(to), e.Name()))
			}
		}
	}
	if err := writeLocation(Location{Dir: to}); err != nil {
		return fail("location", err)
	}
	return to
}

// DataDirChoice is what choosing a data folder will do at the next start.
type DataDirChoice struct {
	Dir  string `json:"dir"`
	Mode string `json:"mode"` // "open": the folder holds a Kembang database, used as it is; "move": the current data is copied there
}

// ChooseDataDir records target as the data folder from the next start.
// When target holds a Kembang database it will be opened as it is (it must
// be sound and not newer); otherwise the current database is copied there
// at the next start. The current folder is never changed. Errors:
// datadir.fixed (KEMBANG_DATA_DIR is set), datadir.invalid (detail
// "reason": same, inside, not_writable), backup.corrupt / backup.newer for
// an unusable database in target.
func ChooseDataDir(ctx context.Context, current, target string) (DataDirChoice, error) {
	const op = "store.choose_data_dir"
	if os.Getenv("KEMBANG_DATA_DIR") != "" {
		return DataDirChoice{}, domain.E(domain.CodeDataDirFixed, op, nil)
	}
	invalid := func(reason string, err error) (DataDirChoice, error) {
		return DataDirChoice{}, domain.E(domain.CodeDataDirInvalid, op, err, "reason", reason, "dir", target)
	}
	target = strings.TrimSpace(target)
	if target == "" {
		return invalid("empty", nil)
	}
	abs, err := filepath.Abs(target)
	if err != nil {
		return invalid("path", err)
	}
	cur, err := filepath.Abs(current)
	if err != nil {
		return invalid("path", err)
	}
	if abs == cur {
		return invalid("same", nil)
	}
	if rel, err := filepath.Rel(cur, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return invalid("inside", nil)
	}
	if err := os.MkdirAll(abs, 0o700); err != nil {
		return invalid("not_writable", err)
	}
	probe, err := os.CreateTemp(abs, ".kembang-probe-*")
	if err != nil {
		return invalid("not_writable", err)
	}
	probe.Close()
	_ = os.Remove(probe.Name())

	choice := DataDirChoice{Dir: abs, Mode: "move"}
	loc := Location{Dir: abs, MoveFrom: cur}
	if info, err := os.Stat(filepath.Join(abs, dbFileName)); err == nil && info.Size() > 0 {
		if err := CheckBackupFile(ctx, filepath.Join(abs, dbFileName)); err != nil {
			return DataDirChoice{}, err
		}
		choice.Mode, loc.MoveFrom = "open", ""
	}
	home, err := homeDir()
	if err != nil {
		return DataDirChoice{}, err
	}
	if abs == home && choice.Mode == "open" {
		loc = Location{} // back to the default
	}
	if err := writeLocation(loc); err != nil {
		return DataDirChoice{}, domain.E(domain.CodeInternal, op, err)
	}
	return choice, nil
}

// CancelDataDirChoice forgets a move that has not happened yet.
func CancelDataDirChoice(current string) error {
	loc := ReadLocation()
	if loc.MoveFrom == "" && loc.Dir == "" {
		return nil
	}
	home, err := homeDir()
	if err != nil {
		return err
	}
	cur, _ := filepath.Abs(current)
	if cur == home {
		return writeLocation(Location{})
	}
	return writeLocation(Location{Dir: cur})
}
