package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"kembang/backend/domain"
)

// Kinds of the backups in the data folder's backups directory, told apart
// by their file names:
//
//	kembang-20261123-093001-daily.db                      daily (rotated)
//	kembang-20261123-093001-manual.db                     manual (kept)
//	kembang-20261123-093001-before-202612070003_x.db      before a migration (kept)
//	kembang-20261123-093001-before-restore.db             before a restore (kept)
//
// Older Kembang versions named their automatic backups kembang-<stamp>.db
// and kembang-<stamp>-<n>.db; those count as daily backups.
const (
	BackupDaily        = "daily"
	BackupManual       = "manual"
	BackupPreMigration = "pre-migration"
	BackupPreRestore   = "pre-restore"
)

// DefaultBackupKeep is how many daily backups are kept unless the settings
// say otherwise. Backups of the other kinds are never rotated away.
const DefaultBackupKeep = 14

// MaxBackupKeep bounds the configurable rotation.
const MaxBackupKeep = 365

// tmpSuffix ends the temporary name a backup is written under; together
// with the leading dot it keeps a half-written backup from ever matching
// backupName.
const tmpSuffix = ".tmp"

var backupName = regexp.MustCompile(`^kembang-(\d{8}-\d{6})(?:-(\d+))?(?:-(daily|manual|before-restore|before-[A-Za-z0-9_.]+))?\.db$`)

// BackupInfo describes one backup file.
type BackupInfo struct {
	Name      string    `json:"name"` // file name inside the backups folder
	Path      string    `json:"path"`
	Kind      string    `json:"kind"`      // daily, manual, pre-migration, pre-restore
	Migration string    `json:"migration"` // the migration a pre-migration backup preceded
	CreatedAt time.Time `json:"createdAt"` // from the file name (local time of the laptop)
	SizeBytes int64     `json:"sizeBytes"`
}

// BackupsDir is the backups folder of a data folder.
func BackupsDir(dataDir string) string { return filepath.Join(dataDir, backupDir) }

// parseBackupName reads the kind and time of a backup file name.
func parseBackupName(name string) (BackupInfo, bool) {
	m := backupName.FindStringSubmatch(name)
	if m == nil {
		return BackupInfo{}, false
	}
	at, err := time.ParseInLocation("20060102-150405", m[1], time.Local)
	if err != nil {
		return BackupInfo{}, false
	}
	b := BackupInfo{Name: name, CreatedAt: at}
	switch tag := m[3]; {
	case tag == "" || tag == "daily":
		b.Kind = BackupDaily
	case tag == "manual":
		b.Kind = BackupManual
	case tag == "before-restore":
		b.Kind = BackupPreRestore
	default:
		b.Kind = BackupPreMigration
		b.Migration = strings.TrimPrefix(tag, "before-")
	}
	return b, true
}

// seq is the collision counter of a name (kembang-<stamp>-2-daily.db), 1 without one.
func seq(name string) int {
	m := backupName.FindStringSubmatch(name)
	if m == nil || m[2] == "" {
		return 1
	}
	n, _ := strconv.Atoi(m[2])
	return n
}

// ListBackups lists the backups in a data folder's backups directory,
// newest first. Temporary files of unfinished backups are not listed. A
// missing directory is an empty list.
func ListBackups(dataDir string) ([]BackupInfo, error) {
	dir := BackupsDir(dataDir)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return []BackupInfo{}, nil
	}
	if err != nil {
		return nil, domain.E(domain.CodeInternal, "store.list_backups", err)
	}
	out := []BackupInfo{}
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		b, ok := parseBackupName(e.Name())
		if !ok {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		b.Path = filepath.Join(dir, e.Name())
		b.SizeBytes = info.Size()
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].CreatedAt.Equal(out[j].CreatedAt) {
			return out[i].CreatedAt.After(out[j].CreatedAt)
		}
		if seq(out[i].Name) != seq(out[j].Name) {
			return seq(out[i].Name) > seq(out[j].Name)
		}
		return out[i].Name > out[j].Name
	})
	return out, nil
}

// FindBackup returns the backup of that file name in a data folder.
func FindBackup(dataDir, name string) (BackupInfo, error) {
	all, err := ListBackups(dataDir)
	if err != nil {
		return BackupInfo{}, err
	}
	for _, b := range all {
		if b.Name == name {
			return b, nil
		}
	}
	return BackupInfo{}, domain.E(domain.CodeBackupNotFound, "store.find_backup", nil, "name", name)
}

// LastBackup returns the newest backup of a kind, and whether there is one.
func LastBackup(dataDir, kind string) (BackupInfo, bool, error) {
	all, err := ListBackups(dataDir)
	if err != nil {
		return BackupInfo{}, false, err
	}
	for _, b := range all {
		if b.Kind == kind {
			return b, true, nil
		}
	}
	return BackupInfo{}, false, nil
}

// Dir is the SQLite data folder ("" on PostgreSQL).
func (s *Store) Dir() string { return s.dir }

// MakeBackup writes a backup of a kind (daily or manual) into the backups
// directory and, for daily backups, deletes the oldest daily backups beyond
// keep (DefaultBackupKeep when keep < 1).
func (s *Store) MakeBackup(ctx context.Context, kind string, keep int) (BackupInfo, error) {
	const op = "store.make_backup"
	if err := s.requireSQLite(op); err != nil {
		return BackupInfo{}, err
	}
	if kind != BackupDaily && kind != BackupManual {
		return BackupInfo{}, domain.E(domain.CodeInvalid, op, nil, "field", "kind", "value", kind)
	}
	dir := BackupsDir(s.dir)
	stamp := timestamp(s.Now)
	dest := filepath.Join(dir, fmt.Sprintf("kembang-%s-%s.db", stamp, kind))
	for n := 2; fileExists(dest); n++ {
		dest = filepath.Join(dir, fmt.Sprintf("kembang-%s-%d-%s.db", stamp, n, kind))
	}
	if err := s.Backup(ctx, dest); err != nil {
		return BackupInfo{}, err
	}
	b, _ := parseBackupName(filepath.Base(dest))
	b.Path = dest
	if info, err := os.Stat(dest); err == nil {
		b.SizeBytes = info.Size()
	}
	s.backupMu.Lock()
	defer s.backupMu.Unlock()
	removeStaleTemps(dir)
	if kind == BackupDaily {
		if keep < 1 {
			keep = DefaultBackupKeep
		}
		if err := rotateBackups(s.dir, keep); err != nil {
			return b, domain.E(domain.CodeInternal, op, err)
		}
	}
	return b, nil
}

// rotateBackups keeps the newest keep daily backups of a data folder.
func rotateBackups(dataDir string, keep int) error {
	all, err := ListBackups(dataDir)
	if err != nil {
		return err
	}
	var errs []error
	n := 0
	for _, b := range all {
		if b.Kind != BackupDaily {
			continue
		}
		n++
		if n > keep {
			errs = append(errs, os.Remove(b.Path))
		}
	}
	return errors.Join(errs...)
}

// removeStaleTemps deletes temporary files left by backups a crash
// interrupted. Callers hold backupMu, so no backup of this process is being
// written, and the data folder's lock keeps other processes out.
func removeStaleTemps(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if n := e.Name(); strings.HasPrefix(n, ".kembang-") && (strings.HasSuffix(n, tmpSuffix) || strings.HasSuffix(n, tmpSuffix+"-journal")) {
			_ = os.Remove(filepath.Join(dir, n))
		}
	}
}

// writeAtomically makes dest by letting write fill a temporary file beside
// it (".<name>.tmp"), syncing it and renaming it to dest, then syncing the
// folder. A crash at any point leaves dest either absent or complete. It
// fails with fs.ErrExist when dest exists.
func writeAtomically(dest string, write func(tmp string) error) error {
	dir := filepath.Dir(dest)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp := filepath.Join(dir, "."+filepath.Base(dest)+tmpSuffix)
	// VACUUM INTO keeps a rollback journal beside its target while it writes.
	for _, p := range []string{tmp, tmp + "-journal"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if err := write(tmp); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	_ = os.Remove(tmp + "-journal")
	if err := syncFile(tmp); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	if fileExists(dest) {
		_ = os.Remove(tmp)
		return fs.ErrExist
	}
	if err := os.Rename(tmp, dest); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	syncDir(dir)
	return nil
}

// CheckBackupFile tells whether path holds a Kembang database this binary
// can restore, without changing it: backup.corrupt (damaged, not SQLite,
// not Kembang) or backup.newer (written by a newer Kembang) otherwise.
func CheckBackupFile(ctx context.Context, path string) error {
	const op = "store.check_backup"
	info, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return domain.E(domain.CodeBackupNotFound, op, err, "name", filepath.Base(path))
		}
		return domain.E(domain.CodeBackupCorrupt, op, err, "reason", "unreadable")
	}
	if !info.Mode().IsRegular() {
		return domain.E(domain.CodeBackupCorrupt, op, nil, "reason", "not_a_file")
	}
	applied, err := inspectSQLite(ctx, path, op)
	var de *domain.Error
	if errors.As(err, &de) {
		switch de.Code {
		case domain.CodeDBCorrupt:
			return domain.E(domain.CodeBackupCorrupt, op, err, "reason", de.Details["reason"])
		case domain.CodeDBNewerVersion:
			return domain.E(domain.CodeBackupNewer, op, err, "migration", de.Details["migration"])
		}
	}
	if err != nil {
		return err
	}
	if len(applied) == 0 {
		return domain.E(domain.CodeBackupCorrupt, op, nil, "reason", "not_kembang")
	}
	return nil
}
