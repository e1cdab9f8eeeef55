package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"kembang/backend/domain"
)

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// CheckReport is the health of an open database.
type CheckReport struct {
	Integrity     string           `json:"integrity"`     // "ok" or the first problem found
	SchemaVersion string           `json:"schemaVersion"` // id of the last applied migration
	Counts        map[string]int64 `json:"counts"`        // rows per table, tombstones included
	OutboxPending int64            `json:"outboxPending"` // mutations not yet pushed
}

// checkedTables are the tables Check counts.
var checkedTables = []string{
	"offices", "units", "competencies", "framework_versions", "positions",
	"employees", "outbox", "audit_entries", "settings",
}

func timestamp(now func() time.Time) string { return now().Format("20060102-150405") }

// preflight inspects an existing SQLite file before anything writes to it:
// it refuses a corrupt or newer file without changing a byte, and backs the
// file up when migrations are pending on a database that has data.
func preflight(ctx context.Context, path, dir string, now func() time.Time) error {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && info.Size() == 0) {
		return nil
	}
	if err != nil {
		return domain.E(domain.CodeInternal, "store.open", err)
	}
	applied, err := inspectSQLite(ctx, path, "store.open")
	if err != nil {
		return err
	}
	pending := pendingMigrations(applied)
	if len(applied) == 0 || len(pending) == 0 {
		return nil
	}
	dest := filepath.Join(dir, backupDir,
		fmt.Sprintf("kembang-%s-before-%s.db", timestamp(now), pending[0]))
	for n := 2; fileExists(dest); n++ {
		dest = filepath.Join(dir, backupDir, fmt.Sprintf("kembang-%s-%d-before-%s.db", timestamp(now), n, pending[0]))
	}
	err = writeAtomically(dest, func(tmp string) error { return vacuumInto(ctx, path, tmp) })
	if err != nil {
		return domain.E(domain.CodeDBBackupFailed, "store.open", err, "path", dest)
	}
	return nil
}

// inspectSQLite opens path read-only and returns the applied migration ids.
// It fails with db.corrupt when the file is not a sound SQLite database or
// not a Kembang one, and db.newer_version when a newer Kembang wrote it.
func inspectSQLite(ctx context.Context, path, op string) ([]string, error) {
	corrupt := func(reason string, cause error) error {
		return domain.E(domain.CodeDBCorrupt, op, cause, "reason", reason)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, domain.E(domain.CodeInternal, op, err)
	}
	head := make([]byte, len(sqliteHeader))
	_, err = io.ReadFull(f, head)
	_ = f.Close()
	if err != nil || !bytes.Equal(head, sqliteHeader) {
		return nil, corrupt("not_sqlite", err)
	}
	db, err := sql.Open("sqlite", sqliteDSN(path, true))
	if err != nil {
		return nil, corrupt("open", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)

	var check string
	if err := db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&check); err != nil {
		return nil, corrupt("quick_check", err)
	}
	if check != "ok" {
		return nil, corrupt("quick_check", errors.New(check))
	}
	var tables, hasMigrations int
	err = db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(name = ?), 0)
		FROM sqlite_master WHERE type = 'table'`, migrationsTable).Scan(&tables, &hasMigrations)
	if err != nil {
		return nil, corrupt("schema", err)
	}
	if tables == 0 {
		return nil, nil // an empty database: the first migration will fill it
	}
	if hasMigrations == 0 {
		return nil, corrupt("not_kembang", nil)
	}
	rows, err := db.QueryContext(ctx, "SELECT id FROM "+migrationsTable)
	if err != nil {
		return nil, corrupt("migrations", err)
	}
	defer rows.Close()
	var applied []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, corrupt("migrations", err)
		}
		applied = append(applied, id)
	}
	if err := rows.Err(); err != nil {
		return nil, corrupt("migrations", err)
	}
	if id, ok := unknownMigration(applied); ok {
		return nil, domain.E(domain.CodeDBNewerVersion, op, nil, "migration", id)
	}
	return applied, nil
}

// vacuumInto writes a consistent, compact copy of the database at src to
// dest (which must not exist) through a read-only connection, then syncs it.
func vacuumInto(ctx context.Context, src, dest string) error {
	if err := os.MkdirAll(filepath.Dir(dest), 0o700); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", sqliteDSN(src, true))
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", dest); err != nil {
		return err
	}
	return syncFile(dest)
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename in dir durable. Directories cannot be synced on
// Windows, where the error is ignored.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

func (s *Store) requireSQLite(op string) error {
	if s.driver != DriverSQLite {
		return domain.E(domain.CodeInvalid, op, nil, "driver", s.driver)
	}
	return nil
}

// Backup writes a consistent copy of the open database to destPath with
// VACUUM INTO. The copy is written under a temporary name in the same folder,
// synced and renamed, so destPath is either absent or a complete database,
// never half a file (a crash or a pulled USB drive leaves only the temporary
// file). destPath must not exist yet (backup.exists). SQLite only.
func (s *Store) Backup(ctx context.Context, destPath string) error {
	const op = "store.backup"
	if err := s.requireSQLite(op); err != nil {
		return err
	}
	if fileExists(destPath) {
		return domain.E(domain.CodeBackupExists, op, nil, "path", destPath)
	}
	s.backupMu.Lock()
	defer s.backupMu.Unlock()
	err := writeAtomically(destPath, func(tmp string) error {
		return s.DB.WithContext(ctx).Exec("VACUUM INTO ?", tmp).Error
	})
	if errors.Is(err, fs.ErrExist) {
		return domain.E(domain.CodeBackupExists, op, err, "path", destPath)
	}
	if err != nil {
		return domain.E(domain.CodeDBBackupFailed, op, err, "path", destPath)
	}
	return nil
}

// AutoBackup makes a daily backup in the data folder's backups directory
// and rotates daily backups beyond DefaultBackupKeep. It returns the new
// file's path.
func (s *Store) AutoBackup(ctx context.Context) (string, error) {
	b, err := s.MakeBackup(ctx, BackupDaily, DefaultBackupKeep)
	return b.Path, err
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// Restore replaces the database in cfg.Dir with the Kembang database at
// srcPath. No Store may be open on the directory (it takes the same lock,
// so it fails with db.locked otherwise). srcPath must be a sound Kembang
// database no newer than this binary. The current database is first copied
// to backups/, then the new one is written to a temporary file in the same
// directory, synced and renamed over it, so a crash leaves either the old or
// the new database, never a mix. The next Open migrates it if it is older.
func Restore(ctx context.Context, cfg Config, srcPath string) error {
	const op = "store.restore"
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	dir, err := resolveDir(cfg)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return domain.E(domain.CodeInternal, op, err)
	}
	lock, err := acquireLock(filepath.Join(dir, lockFileName))
	if err != nil {
		return err
	}
	defer lock.release()

	if err := CheckBackupFile(ctx, srcPath); err != nil {
		return err
	}

	current := filepath.Join(dir, dbFileName)
	if info, err := os.Stat(current); err == nil && info.Size() > 0 {
		dest := filepath.Join(dir, backupDir, fmt.Sprintf("kembang-%s-before-restore.db", timestamp(now)))
		for n := 2; fileExists(dest); n++ {
			dest = filepath.Join(dir, backupDir, fmt.Sprintf("kembang-%s-%d-before-restore.db", timestamp(now), n))
		}
		if err := writeAtomically(dest, func(tmp string) error { return backupCurrent(ctx, current, tmp) }); err != nil {
			return domain.E(domain.CodeDBBackupFailed, op, err, "path", dest)
		}
		// Fold the old write-ahead log into the old file (its content is in
		// the copy just made either way) before the log is removed below.
		checkpoint(ctx, current)
	}

	tmp := filepath.Join(dir, fmt.Sprintf("%s.restore-%d.tmp", dbFileName, now().UnixNano()))
	if err := vacuumInto(ctx, srcPath, tmp); err != nil {
		_ = os.Remove(tmp)
		return domain.E(domain.CodeInternal, op, err)
	}
	// The old WAL and shared-memory files belong to the old database; left
	// behind they would be replayed into the new one.
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(current + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			_ = os.Remove(tmp)
			return domain.E(domain.CodeInternal, op, err)
		}
	}
	if err := os.Rename(tmp, current); err != nil {
		_ = os.Remove(tmp)
		return domain.E(domain.CodeInternal, op, err)
	}
	syncDir(dir)
	return nil
}

// backupCurrent copies the database being replaced. A damaged database (a
// common reason to restore) cannot be vacuumed, so its raw bytes are copied
// (with its write-ahead log beside the copy).
func backupCurrent(ctx context.Context, current, dest string) error {
	if err := vacuumInto(ctx, current, dest); err == nil {
		return nil
	}
	_ = os.Remove(dest)
	if err := copyFile(current, dest); err != nil {
		return err
	}
	final := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(dest), "."), tmpSuffix)
	err := copyFile(current+"-wal", filepath.Join(filepath.Dir(dest), final+"-wal"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// checkpoint writes a database's write-ahead log back into its file (best
// effort: a damaged file is left as it is).
func checkpoint(ctx context.Context, path string) {
	db, err := sql.Open("sqlite", sqliteDSN(path, false))
	if err != nil {
		return
	}
	defer db.Close()
	_, _ = db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
}

func copyFile(src, dest string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dest), 0o700); err != nil {
		return err
	}
	out, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		_ = out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		_ = out.Close()
		return err
	}
	return out.Close()
}

// Check reports the database's integrity, schema version, row counts and
// outbox size.
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
	const op = "store.check"
	db := s.DB.WithContext(ctx)
	rep := CheckReport{Integrity: "ok", Counts: map[string]int64{}}
	if s.driver == DriverSQLite {
		var res string
		if err := db.Raw("PRAGMA integrity_check").Row().Scan(&res); err != nil {
			return rep, domain.E(domain.CodeInternal, op, err)
		}
		rep.Integrity = res
	}
	var last []string
	if err := db.Table(migrationsTable).Order("id DESC").Limit(1).Pluck("id", &last).Error; err != nil {
		return rep, domain.E(domain.CodeInternal, op, err)
	}
	if len(last) > 0 {
		rep.SchemaVersion = last[0]
	}
	for _, t := range checkedTables {
		var n int64
		if err := db.Table(t).Count(&n).Error; err != nil {
			return rep, domain.E(domain.CodeInternal, op, err, "table", t)
		}
		rep.Counts[t] = n
	}
	rep.OutboxPending = rep.Counts["outbox"]
	return rep, nil
}
