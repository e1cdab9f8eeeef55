package store

import (
	"errors"
	"time"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"

	"kembang/backend/domain"
)

// migrationsTable is where gormigrate records applied migration ids.
const migrationsTable = "migrations"

// Migrations are forward-only: a released migration is never edited or
// removed, a change to the schema is a new migration appended to the list.
// Each migration declares its own copies of the structs it creates, frozen
// as they were on that day, so later edits of the domain types cannot change
// history. Column names and types must match what GORM derives from the
// domain structs in backend/domain, which the repositories use at runtime.
func migrations() []*gormigrate.Migration {
	all := []*gormigrate.Migration{
		{ID: "202611230001_initial", Migrate: migrateInitial},
		{ID: "202611300002_assessments", Migrate: migrateAssessments},
		{ID: "202612070003_development", Migrate: migrateDevelopment},
		{ID: "202612080004_outbox_entity_row", Migrate: migrateOutboxEntityIndex},
		{ID: "202612240005_evaluation_ids", Migrate: migrateEvaluationIDs},
	}
	return append(all, extraMigrations...)
}

// extraMigrations lets a test append a fake later migration to exercise the
// backup-before-migrate path. Production code never sets it.
var extraMigrations []*gormigrate.Migration

// MigrationIDs lists the ids of every migration this binary knows, oldest first.
func MigrationIDs() []string {
	ms := migrations()
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = m.ID
	}
	return ids
}

func migrate(db *gorm.DB) error {
	m := gormigrate.New(db, &gormigrate.Options{
		TableName:                 migrationsTable,
		IDColumnName:              "id",
		IDColumnSize:              255,
		UseTransaction:            true, // a failed migration leaves nothing behind
		ValidateUnknownMigrations: true,
	}, migrations())
	if err := m.Migrate(); err != nil {
		if errors.Is(err, gormigrate.ErrUnknownPastMigration) {
			return domain.E(domain.CodeDBNewerVersion, "store.migrate", err)
		}
		return domain.E(domain.CodeInternal, "store.migrate", err)
	}
	return nil
}

// unknownMigration returns the first applied id this binary does not know.
func unknownMigration(applied []string) (string, bool) {
	known := make(map[string]bool)
	for _, id := range MigrationIDs() {
		known[id] = true
	}
	for _, id := range applied {
		if !known[id] {
			return id, true
		}
	}
	return "", false
}

// pendingMigrations lists known ids not in applied, oldest first.
func pendingMigrations(applied []string) []string {
	done := make(map[string]bool, len(applied))
	for _, id := range applied {
		done[id] = true
	}
	var out []string
	for _, id := range MigrationIDs() {
		if !done[id] {
			out = append(out, id)
		}
	}
	return out
}

// checkNotNewer refuses a database that has a migration this binary does not know.
func checkNotNewer(db *gorm.DB) error {
	if !db.Migrator().HasTable(migrationsTable) {
		return nil
	}
	var applied []string
	if err := db.Table(migrationsTable).Pluck("id", &applied).Error; err != nil {
		return domain.E(domain.CodeInternal, "store.open", err)
	}
	if id, ok := unknownMigration(applied); ok {
		return domain.E(domain.CodeDBNewerVersion, "store.open", nil, "migration", id)
	}
	return nil
}

// migrateInitial creates the first schema.
func migrateInitial(tx *gorm.DB) error {
	// SyncMeta mirrors domain.SyncMeta as of this migration.
	type SyncMeta struct {
		ID              string    `gorm:"primaryKey;size:36"`
		Version         int64     `gorm:"not null;default:1"`
		UpdatedAt       time.Time `gorm:"not null;autoUpdateTime:false"`
		UpdatedByDevice string    `gorm:"size:64;not null;default:''"`
		// No index on deleted alone (the domain tag asks for one): a
		// two-valued column makes a useless index that every write pays for.
		Deleted bool `gorm:"not null;default:false"`
	}
	type office struct {
		SyncMeta
		Code string `gorm:"size:32;not null;default:''"`
		Name string `gorm:"size:200;not null"`
	}
	type unit struct {
		SyncMeta
		OfficeID string  `gorm:"size:36;not null;index"`
		ParentID *string `gorm:"size:36;index"`
		Code     string  `gorm:"size:32;not null;default:''"`
		Name     string  `gorm:"size:200;not null"`
	}
	type competency struct {
		SyncMeta
		Code       string `gorm:"size:32;not null;uniqueIndex"`
		Type       string `gorm:"size:20;not null;index"`
		Name       string `gorm:"size:200;not null"`
		Definition string `gorm:"type:text;not null;default:''"`
		Levels     string `gorm:"type:text;not null"`
		BuiltIn    bool   `gorm:"not null;default:false"`
		Retired    bool   `gorm:"not null;default:false"`
	}
	type frameworkVersion struct {
		SyncMeta
		Number       int       `gorm:"not null;uniqueIndex"`
		PublishedAt  time.Time `gorm:"not null"`
		Note         string    `gorm:"type:text;not null;default:''"`
		Competencies string    `gorm:"type:text;not null"`
	}
	type position struct {
		SyncMeta
		Code        string  `gorm:"size:32;not null;default:''"`
		Name        string  `gorm:"size:200;not null;index"`
		Type        string  `gorm:"size:20;not null"`
		Jenjang     string  `gorm:"size:20;not null;default:''"`
		UnitID      *string `gorm:"size:36;index"`
		Standards   string  `gorm:"type:text;not null"`
		NeedsReview bool    `gorm:"not null;default:false"`
	}
	// employee differs from domain.Employee in two deliberate ways: NIP is
	// unique among live rows only (a partial index below, so a deleted
	// employee's NIP can be reused), and search_text is a local, lower-cased
	// denormalisation (name with gelar, NIP, unit and position names) kept
	// current by every write, for fast search. It is never synced.
	type employee struct {
		SyncMeta
		NIP           string  `gorm:"column:nip;size:18;not null"`
		Name          string  `gorm:"size:200;not null"` // indexed by idx_employees_search
		GelarDepan    string  `gorm:"size:100;not null;default:''"`
		GelarBelakang string  `gorm:"size:100;not null;default:''"`
		Golongan      string  `gorm:"size:6;not null;default:''"`
		PositionID    *string `gorm:"size:36;index"`
		UnitID        *string `gorm:"size:36;index"`
		Gender        string  `gorm:"size:1;not null;default:''"`
		BirthDate     string  `gorm:"size:10;not null;default:''"`
		Email         string  `gorm:"size:200;not null;default:''"`
		Phone         string  `gorm:"size:32;not null;default:''"`
		SearchText    string  `gorm:"type:text;not null;default:''"`
	}
	type outbox struct {
		MutationID  string    `gorm:"primaryKey;size:36"`
		Entity      string    `gorm:"size:40;not null;index:idx_outbox_entity"`
		EntityID    string    `gorm:"size:36;not null"`
		BaseVersion int64     `gorm:"not null"`
		Payload     string    `gorm:"type:text;not null"`
		CreatedAt   time.Time `gorm:"not null;autoCreateTime:false;index:idx_outbox_created_at"`
	}
	type auditEntry struct {
		ID       string    `gorm:"primaryKey;size:36"`
		At       time.Time `gorm:"not null;index"`
		Actor    string    `gorm:"size:100;not null"`
		Device   string    `gorm:"size:64;not null"`
		Entity   string    `gorm:"size:40;not null;index:idx_audit_entity"`
		EntityID string    `gorm:"size:36;not null;index:idx_audit_entity"`
		Action   string    `gorm:"size:20;not null"`
		Changes  string    `gorm:"type:text;not null"`
	}
	type setting struct {
		Key   string `gorm:"primaryKey;size:100"`
		Value string `gorm:"type:text;not null"`
	}
	if err := tx.AutoMigrate(&office{}, &unit{}, &competency{}, &frameworkVersion{},
		&position{}, &employee{}, &auditEntry{}, &setting{}); err != nil {
		return err
	}
	if err := tx.Table("outbox").AutoMigrate(&outbox{}); err != nil {
		return err
	}
	for _, stmt := range []string{
		`CREATE UNIQUE INDEX idx_employees_nip_live ON employees (nip) WHERE NOT deleted`,
		`CREATE INDEX idx_employees_nip ON employees (nip)`,
		// Search scans this index in name order without touching the table.
		`CREATE INDEX idx_employees_search ON employees (deleted, name, search_text)`,
	} {
		if err := tx.Exec(stmt).Error; err != nil {
			return err
		}
	}
	return nil
}
