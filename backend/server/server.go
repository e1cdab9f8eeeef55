// Package server is Kembang's central sync server: the HTTP API of SYNC.md
// (enrolment, push, pull), device authentication, office scoping, health
// and metrics, and the admin operations behind kembang-server's commands.
//
// The server is stateless apart from its database: every decision reads
// and writes the database inside one transaction, so several instances can
// serve one PostgreSQL. Writers serialise on one counter row (locked FOR
// UPDATE on PostgreSQL; SQLite has a single writer anyway), which is what
// makes change_seq commit in order: a reader never sees seq N+1 before N.
package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"sync"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"kembang/backend/domain"
	"kembang/backend/server/readmodel"
	"kembang/backend/store"
)

// Config says which database to serve.
type Config struct {
	Driver string // store.DriverSQLite (default) or store.DriverPostgres
	Dir    string // SQLite data folder
	DSN    string // PostgreSQL connection string
	Now    func() time.Time
	Logger *slog.Logger
	// Shared opens an SQLite folder that a serving kembang-server holds,
	// for the admin commands (see store.Config.Shared).
	Shared bool
}

// Server is one instance of the central server.
type Server struct {
	DB     *gorm.DB
	Now    func() time.Time
	NewID  func() string
	Logger *slog.Logger
	// PullPage is the number of changes per pull page (syncproto.MaxPullPage
	// unless a test makes pages small).
	PullPage int

	st      *store.Store
	metrics *metrics
	// writeMu queues writers inside this process on SQLite (the pilot runs
	// one process): SQLite's busy timeout polls rather than queues, so under
	// many concurrent pushers the slowest timed out with SQLITE_BUSY.
	// PostgreSQL serialises on the counter row lock instead.
	writeMu sync.Mutex

	// TrustProxy takes the client address from X-Forwarded-For (set it
	// only behind a reverse proxy that overwrites that header).
	TrustProxy  bool
	web         webState // web.go
	verifyLimit *rateLimiter
}

// Open opens (creating and migrating when needed) the server database.
func Open(ctx context.Context, cfg Config) (*Server, error) {
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	if cfg.Driver == store.DriverPostgres {
		unlock, err := migrationLock(ctx, cfg.DSN)
		if err != nil {
			return nil, err
		}
		defer unlock()
	}
	st, err := store.Open(ctx, store.Config{Driver: cfg.Driver, Dir: cfg.Dir, DSN: cfg.DSN, Now: now, Device: "server",
		Actor: "kembang-server", Shared: cfg.Shared})
	if err != nil {
		return nil, err
	}
	migrate := migrateServer
	if st.Unlocked() {
		migrate = checkServerSchema
	}
	if err := migrate(st.DB.WithContext(ctx)); err != nil {
		_ = st.Close()
		return nil, err
	}
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	return &Server{DB: st.DB, Now: now, NewID: store.NewUUIDv7, Logger: log, st: st, metrics: newMetrics(),
		verifyLimit: newRateLimiter(VerifyRatePerMinute, time.Minute)}, nil
}

// migrationLock takes a PostgreSQL session advisory lock, on a connection
// of its own, that instances starting at once against one database hold
// in turn while they migrate: without it two fresh instances race to
// create the same tables and one fails. The lock is per schema (the DSN's
// search_path), so servers of other schemas in the database do not wait.
// unlock releases it and closes the connection.
func migrationLock(ctx context.Context, dsn string) (unlock func(), err error) {
	const op = "server.migrate_lock"
	db, err := gorm.Open(postgres.Open(dsn), &gorm.Config{Logger: logger.Default.LogMode(logger.Silent)})
	if err != nil {
		return nil, domain.E(domain.CodeInternal, op, err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, domain.E(domain.CodeInternal, op, err)
	}
	conn, err := sqlDB.Conn(ctx)
	if err != nil {
		_ = sqlDB.Close()
		return nil, domain.E(domain.CodeInternal, op, err)
	}
	const key = "hashtext('kembang-server.migrate.' || current_schema())"
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock("+key+")"); err != nil {
		_ = conn.Close()
		_ = sqlDB.Close()
		return nil, domain.E(domain.CodeInternal, op, err)
	}
	return func() {
		_, _ = conn.ExecContext(context.Background(), "SELECT pg_advisory_unlock("+key+")")
		_ = conn.Close()
		_ = sqlDB.Close()
	}, nil
}

// Close closes the database.
func (s *Server) Close() error { return s.st.Close() }

func (s *Server) postgres() bool { return !s.st.IsSQLite() }

func (s *Server) now() time.Time { return s.Now().UTC() }

// hashSecret is how every secret (device token, enrolment code) is stored.
func hashSecret(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}

// meta reads a server_meta value.
func meta(db *gorm.DB, key string) (string, error) {
	var v string
	err := db.Table("server_meta").Select("value").Where("key = ?", key).Scan(&v).Error
	if err != nil {
		return "", domain.E(domain.CodeInternal, "server.meta", err)
	}
	return v, nil
}

// seqTx runs fn in one transaction holding the change_seq counter. next
// hands out the following change_seq; the counter is written back before
// commit, so the seqs of a transaction become visible with it and after
// every seq handed out before.
func (s *Server) seqTx(ctx context.Context, fn func(tx *gorm.DB, next func() int64) error) error {
	if !s.postgres() {
		s.writeMu.Lock()
		defer s.writeMu.Unlock()
	}
	return s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		q := "SELECT seq FROM sync_counter WHERE id = 1"
		if s.postgres() {
			q += " FOR UPDATE"
		}
		var seq int64
		if err := tx.Raw(q).Scan(&seq).Error; err != nil {
			return err
		}
		start := seq
		if err := fn(tx, func() int64 { seq++; return seq }); err != nil {
			return err
		}
		if seq == start {
			return nil
		}
		return tx.Exec("UPDATE sync_counter SET seq = ? WHERE id = 1", seq).Error
	})
}

// changeRow is a row of the changes table.
type changeRow struct {
	Entity          string
	EntityID        string
	OfficeID        string
	Seq             int64
	Version         int64
	Deleted         bool
	NaturalKey      string
	UpdatedByDevice string
	Payload         string
}

func (changeRow) TableName() string { return "changes" }

func loadChange(tx *gorm.DB, entity, id string) (*changeRow, error) {
	var rows []changeRow
	if err := tx.Where("entity = ? AND entity_id = ?", entity, id).Limit(1).Find(&rows).Error; err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, nil
	}
	return &rows[0], nil
}

// putChange inserts or replaces the current state of a row, and projects
// it into the dashboards' read model in the same transaction.
func putChange(tx *gorm.DB, c *changeRow, exists bool) error {
	var err error
	if !exists {
		err = tx.Create(c).Error
	} else {
		err = tx.Model(&changeRow{}).Where("entity = ? AND entity_id = ?", c.Entity, c.EntityID).
			Updates(map[string]any{
				"office_id": c.OfficeID, "seq": c.Seq, "version": c.Version, "deleted": c.Deleted,
				"natural_key": c.NaturalKey, "updated_by_device": c.UpdatedByDevice, "payload": c.Payload,
			}).Error
	}
	if err != nil {
		return err
	}
	return readmodel.Apply(tx, readmodel.Change{Entity: c.Entity, EntityID: c.EntityID, OfficeID: c.OfficeID, Deleted: c.Deleted, Payload: []byte(c.Payload)})
}
