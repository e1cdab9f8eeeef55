package server

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"time"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"

	"kembang/backend/domain"
)

// The server keeps its own tables next to the laptop schema that store.Open
// creates (and which the server does not use), with its own forward-only
// migration list recorded in server_migrations, so the laptop migrations and
// the server's never have to be released together.
//
//	server_meta        key/value: epoch (changes when the feed restarts) and the cursor MAC secret
//	sync_counter       one row holding the last change_seq; locked FOR UPDATE by every writer
//	devices            enrolled laptops: office, name, device code (schema_devices.go), sha256 of
//	                   the credential token, revoked
//	enrol_codes        sha256 of one-time codes, office, expiry, used
//	applied_mutations  (device_id, mutation_id) → the result given, for replays
//	changes            the current state of every synced row, one row each, with the
//	                   change_seq of its last change: the pull feed is this table read in
//	                   change_seq order (a compacted log; a row moves to the end when it
//	                   changes, so a reader never misses its latest state)
const serverMigrationsTable = "server_migrations"

// Keys of server_meta.
const (
	metaEpoch        = "epoch"
	metaCursorSecret = "cursor_secret"
)

func serverMigrations() []*gormigrate.Migration {
	return []*gormigrate.Migration{
		{ID: "202612010001_server_initial", Migrate: migrateServerInitial},
		{ID: "202612230001_bundles", Migrate: migrateBundles},
		{ID: "202612010010_web_dashboard", Migrate: migrateWeb},
		{ID: "202612240001_device_codes", Migrate: migrateDeviceCodes},
	}
}

func migrateServer(db *gorm.DB) error {
	m := gormigrate.New(db, &gormigrate.Options{
		TableName:                 serverMigrationsTable,
		IDColumnName:              "id",
		IDColumnSize:              255,
		UseTransaction:            true,
		ValidateUnknownMigrations: true,
	}, serverMigrations())
	if err := m.Migrate(); err != nil {
		if errors.Is(err, gormigrate.ErrUnknownPastMigration) {
			return domain.E(domain.CodeDBNewerVersion, "server.migrate", err)
		}
		return domain.E(domain.CodeInternal, "server.migrate", err)
	}
	return nil
}

// checkServerSchema is migrateServer for a database another process serves:
// it migrates nothing and fails unless the schema is this binary's.
func checkServerSchema(db *gorm.DB) error {
	const op = "server.migrate"
	var applied []string
	if err := db.Table(serverMigrationsTable).Pluck("id", &applied).Error; err != nil {
		return domain.E(domain.CodeInternal, op, err)
	}
	known := map[string]bool{}
	for _, m := range serverMigrations() {
		known[m.ID] = true
	}
	for _, id := range applied {
		if !known[id] {
			return domain.E(domain.CodeDBNewerVersion, op, nil, "migration", id)
		}
		delete(known, id)
	}
	if len(known) > 0 {
		return domain.E(domain.CodeDBLocked, op, nil, "pending", len(known))
	}
	return nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("server: random source failed: " + err.Error())
	}
	return hex.EncodeToString(b)
}

func migrateServerInitial(tx *gorm.DB) error {
	type serverMeta struct {
		Key   string `gorm:"primaryKey;size:64"`
		Value string `gorm:"type:text;not null"`
	}
	type syncCounter struct {
		ID  int   `gorm:"primaryKey;autoIncrement:false"`
		Seq int64 `gorm:"not null"`
	}
	type device struct {
		ID        string    `gorm:"primaryKey;size:36"`
		OfficeID  string    `gorm:"size:36;not null;index"`
		Name      string    `gorm:"size:200;not null;default:''"`
		TokenHash string    `gorm:"size:64;not null"`
		Revoked   bool      `gorm:"not null;default:false"`
		CreatedAt time.Time `gorm:"not null;autoCreateTime:false"`
	}
	type enrolCode struct {
		Hash      string    `gorm:"primaryKey;size:64"`
		OfficeID  string    `gorm:"size:36;not null"`
		ExpiresAt time.Time `gorm:"not null"`
		Used      bool      `gorm:"not null;default:false"`
		UsedBy    string    `gorm:"size:36;not null;default:''"`
		CreatedAt time.Time `gorm:"not null;autoCreateTime:false"`
	}
	type appliedMutation struct {
		DeviceID   string    `gorm:"primaryKey;size:36"`
		MutationID string    `gorm:"primaryKey;size:36"`
		Entity     string    `gorm:"size:40;not null"`
		EntityID   string    `gorm:"size:36;not null"`
		Status     string    `gorm:"size:16;not null"`
		Code       string    `gorm:"size:64;not null;default:''"`
		ChangeSeq  int64     `gorm:"not null;default:0"`
		Conflicts  string    `gorm:"type:text;not null;default:''"`
		CreatedAt  time.Time `gorm:"not null;autoCreateTime:false"`
	}
	type change struct {
		Entity          string `gorm:"primaryKey;size:40"`
		EntityID        string `gorm:"primaryKey;size:36"`
		OfficeID        string `gorm:"size:36;not null;default:'';index:idx_changes_office_seq,priority:1"` // '' = central
		Seq             int64  `gorm:"not null;uniqueIndex:idx_changes_seq;index:idx_changes_office_seq,priority:2"`
		Version         int64  `gorm:"not null"`
		Deleted         bool   `gorm:"not null;default:false"`
		NaturalKey      string `gorm:"size:100;not null;default:''"`
		UpdatedByDevice string `gorm:"size:64;not null;default:''"`
		Payload         string `gorm:"type:text;not null"`
	}
	if err := tx.Table("server_meta").AutoMigrate(&serverMeta{}); err != nil {
		return err
	}
	if err := tx.Table("sync_counter").AutoMigrate(&syncCounter{}); err != nil {
		return err
	}
	if err := tx.AutoMigrate(&device{}, &enrolCode{}, &appliedMutation{}, &change{}); err != nil {
		return err
	}
	stmts := []string{
		// Natural keys (an employee's NIP in its office, a framework
		// version's number, a competency's code) are unique among live rows,
		// as on the laptops, so a pulled row always fits a laptop's indexes.
		`CREATE UNIQUE INDEX idx_changes_natural ON changes (entity, office_id, natural_key) WHERE natural_key <> '' AND NOT deleted`,
	}
	for _, s := range stmts {
		if err := tx.Exec(s).Error; err != nil {
			return err
		}
	}
	if err := tx.Table("sync_counter").Create(&syncCounter{ID: 1, Seq: 0}).Error; err != nil {
		return err
	}
	return tx.Table("server_meta").Create([]serverMeta{
		{Key: metaEpoch, Value: randomHex(8)},
		{Key: metaCursorSecret, Value: randomHex(32)},
	}).Error
}
