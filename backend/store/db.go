// Package store keeps Kembang's data with GORM: one Store per database, on
// SQLite (the laptop, one process owns the file) or PostgreSQL (the central
// server). Every write of a syncable entity goes through one helper (sync.go)
// that bumps the version and appends the outbox and audit rows in the same
// transaction; storetest proves it on both databases.
package store

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/glebarez/sqlite"
	"github.com/google/uuid"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
	"gorm.io/gorm/schema"

	"kembang/backend/domain"
	"kembang/backend/secret"
)

// Drivers accepted in Config.Driver.
const (
	DriverSQLite   = "sqlite"
	DriverPostgres = "postgres"
)

// File names inside the data directory.
const (
	dbFileName   = "kembang.db"
	lockFileName = "kembang.lock"
	backupDir    = "backups"
)

// Config says where and how to open the database.
type Config struct {
	Driver string           // "sqlite" (default) or "postgres"
	Dir    string           // SQLite data directory; DefaultDataDir() when empty
	DSN    string           // PostgreSQL connection string
	Now    func() time.Time // clock; time.Now when nil
	NewID  func() string    // id generator; UUIDv7 when nil
	Device string           // this installation's device id, stamped on every write
	Actor  string           // the signed-in user, recorded in the audit log
	// Shared (SQLite) opens a database another process holds open, such as
	// kembang-server's admin commands while the pilot server serves the
	// same folder: when the single-instance lock is taken the database is
	// opened without it, nothing is migrated (a schema that needs
	// migrating is db.locked: the holder must close first), and writers
	// wait for each other on SQLite's busy timeout.
	Shared bool
	// Secrets protects the secret settings at rest (settings_secret.go);
	// secret.Default() when nil.
	Secrets secret.Protector
}

// Store is the one handle on the database. Its fields are set by Open and
// may be replaced before use (tests inject a clock and ids).
type Store struct {
	DB     *gorm.DB
	Now    func() time.Time
	NewID  func() string
	Device string
	Actor  string
	// Secrets protects the secret settings at rest (settings_secret.go).
	Secrets secret.Protector
	// DefaultStandards gives the required levels of a position created by an
	// import (positions the admin has not described yet). Nil means none.
	DefaultStandards func(domain.PositionType, domain.Jenjang) domain.Standards

	driver   string
	dir      string // SQLite data directory; "" on PostgreSQL
	lock     *fileLock
	backupMu sync.Mutex // one backup at a time (backups.go)
}

// NewUUIDv7 returns a time-ordered UUID (RFC 9562 version 7).
func NewUUIDv7() string {
	id, err := uuid.NewV7()
	if err != nil {
		// NewV7 only fails when the system random source fails.
		panic(fmt.Sprintf("store: uuid v7: %v", err))
	}
	return id.String()
}

// Open opens (creating when needed) and migrates the database described by
// cfg. On SQLite it takes the single-instance lock first, refuses a file
// that is corrupt (db.corrupt) or written by a newer Kembang
// (db.newer_version) without touching it, and backs the file up before
// applying pending migrations (db.backup_failed when that is impossible).
func Open(ctx context.Context, cfg Config) (*Store, error) {
	const op = "store.open"
	s := &Store{Now: cfg.Now, NewID: cfg.NewID, Device: cfg.Device, Actor: cfg.Actor, Secrets: cfg.Secrets}
	if s.Secrets == nil {
		s.Secrets = secret.Default()
	}
	if s.Now == nil {
		s.Now = time.Now
	}
	if s.NewID == nil {
		s.NewID = NewUUIDv7
	}
	switch cfg.Driver {
	case "", DriverSQLite:
		if err := s.openSQLite(ctx, cfg); err != nil {
			return nil, err
		}
	case DriverPostgres:
		if err := s.openPostgres(ctx, cfg); err != nil {
			return nil, err
		}
	default:
		return nil, domain.E(domain.CodeInvalid, op, nil, "field", "driver", "value", cfg.Driver)
	}
	return s, nil
}

// Close closes the database and releases the single-instance lock.
func (s *Store) Close() error {
	var errs []error
	if s.DB != nil {
		if sqlDB, err := s.DB.DB(); err == nil {
			errs = append(errs, sqlDB.Close())
		}
		s.DB = nil
	}
	if s.lock != nil {
		errs = append(errs, s.lock.release())
		s.lock = nil
	}
	if err := errors.Join(errs...); err != nil {
		return domain.E(domain.CodeInternal, "store.close", err)
	}
	return nil
}

// Unlocked reports whether an SQLite store was opened Shared without the
// single-instance lock, another process holding it.
func (s *Store) Unlocked() bool { return s.driver == DriverSQLite && s.lock == nil }

// IsSQLite reports whether the store runs on SQLite.
func (s *Store) IsSQLite() bool { return s.driver == DriverSQLite }

func gormConfig(now func() time.Time) *gorm.Config {
	return &gorm.Config{
		Logger:                 logger.Default.LogMode(logger.Silent),
		NamingStrategy:         namer{},
		NowFunc:                func() time.Time { return now().UTC() },
		SkipDefaultTransaction: true, // every write path opens its own transaction
		TranslateError:         false,
	}
}

// namer is GORM's default naming plus Indonesian initialisms GORM does not
// know: the field NIP is the column nip, not n_ip.
type namer struct{ schema.NamingStrategy }

var initialismColumns = map[string]string{"NIP": "nip", "AssessorNIP": "assessor_nip", "ApproverNIP": "approver_nip",
	"EvaluatorNIP": "evaluator_nip"}

func (n namer) ColumnName(table, column string) string {
	if c, ok := initialismColumns[column]; ok {
		return c
	}
	return n.NamingStrategy.ColumnName(table, column)
}

// resolveDir returns the absolute data folder: SQLite's URI filenames do not
// open relative paths reliably, and users type --data-dir relative to where
// they are.
func resolveDir(cfg Config) (string, error) {
	dir := cfg.Dir
	if dir == "" {
		d, err := DefaultDataDir()
		if err != nil {
			return "", err
		}
		dir = d
	}
	return filepath.Abs(dir)
}

func (s *Store) openSQLite(ctx context.Context, cfg Config) error {
	const op = "store.open"
	dir, err := resolveDir(cfg)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return domain.E(domain.CodeInternal, op, err, "dir", dir)
	}
	lock, err := acquireLock(filepath.Join(dir, lockFileName))
	if err != nil {
		if cfg.Shared && domain.IsCode(err, domain.CodeDBLocked) {
			return s.openSQLiteShared(ctx, dir)
		}
		return err
	}
	fail := func(err error) error {
		_ = lock.release()
		return err
	}
	path := filepath.Join(dir, dbFileName)
	if err := preflight(ctx, path, dir, s.Now); err != nil {
		return fail(err)
	}
	db, err := gorm.Open(sqlite.Open(sqliteDSN(path, false)), gormConfig(s.Now))
	if err != nil {
		return fail(domain.E(domain.CodeInternal, op, err))
	}
	s.DB, s.driver, s.dir, s.lock = db, DriverSQLite, dir, lock
	if err := migrate(db.WithContext(ctx)); err != nil {
		_ = s.Close()
		return err
	}
	return nil
}

// openSQLiteShared opens the database of dir while another process holds
// its lock: no backup, no migration; the schema must be this binary's.
func (s *Store) openSQLiteShared(ctx context.Context, dir string) error {
	const op = "store.open"
	path := filepath.Join(dir, dbFileName)
	if _, err := os.Stat(path); err != nil {
		return domain.E(domain.CodeDBLocked, op, err)
	}
	db, err := gorm.Open(sqlite.Open(sqliteDSN(path, false)), gormConfig(s.Now))
	if err != nil {
		return domain.E(domain.CodeInternal, op, err)
	}
	s.DB, s.driver, s.dir = db, DriverSQLite, dir
	var applied []string
	if err := db.WithContext(ctx).Table(migrationsTable).Pluck("id", &applied).Error; err != nil {
		_ = s.Close()
		return domain.E(domain.CodeInternal, op, err)
	}
	if id, ok := unknownMigration(applied); ok {
		_ = s.Close()
		return domain.E(domain.CodeDBNewerVersion, op, nil, "migration", id)
	}
	if p := pendingMigrations(applied); len(p) > 0 {
		_ = s.Close()
		return domain.E(domain.CodeDBLocked, op, nil, "pending_migration", p[0])
	}
	return nil
}

func (s *Store) openPostgres(ctx context.Context, cfg Config) error {
	const op = "store.open"
	if cfg.DSN == "" {
		return domain.E(domain.CodeRequired, op, nil, "field", "dsn")
	}
	dialector, err := postgresDialector(cfg.DSN)
	if err != nil {
		return err
	}
	db, err := gorm.Open(dialector, gormConfig(s.Now))
	if err != nil {
		return domain.E(domain.CodeInternal, op, err)
	}
	s.DB, s.driver = db, DriverPostgres
	if err := checkNotNewer(db.WithContext(ctx)); err != nil {
		_ = s.Close()
		return err
	}
	if err := migrate(db.WithContext(ctx)); err != nil {
		_ = s.Close()
		return err
	}
	return nil
}

// sqliteDSN builds a file: URI for path. The pragmas make every connection
// durable and safe: WAL (readers never block the writer), foreign keys on,
// a busy timeout instead of immediate SQLITE_BUSY, and synchronous FULL so a
// committed transaction survives a power cut; temporary data and a larger
// page cache stay in memory so big imports do not spill to disk mid-way. Transactions begin IMMEDIATE
// so two writers queue on busy_timeout instead of failing on upgrade.
func sqliteDSN(path string, readOnly bool) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows drive letter: file:///C:/...
	}
	q := url.Values{}
	if readOnly {
		q.Set("mode", "ro")
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(FULL)")
		q.Add("_pragma", "temp_store(MEMORY)") // statement journals of batch inserts
		q.Add("_pragma", "cache_size(-16384)") // 16 MiB: a 10k-row import stays in memory
		q.Set("_txlock", "immediate")
	}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "busy_timeout(5000)")
	return "file://" + (&url.URL{Path: p}).EscapedPath() + "?" + q.Encode()
}
