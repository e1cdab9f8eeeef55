package sync

import (
	"time"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"

	"kembang/backend/domain"
)

// The client keeps two tables of its own in the laptop database, created by
// its own migration list (recorded in sync_migrations, apart from the
// store's list so the two can evolve independently):
//
//	sync_shadow  the last server state of each row this laptop received or
//	             pushed: the change_seq that keeps an older state from
//	             replacing a newer one, and, for the entities the server
//	             merges against a base (syncproto.MergesWithBase), the row's
//	             JSON, the base of the field-level merge ('' for the others)
//	sync_issues  rejected mutations and field conflicts, for the user
//	sync_snapshot  rows received during a snapshot after 410 reset_required,
//	             so that, once it is complete, local rows the (restored)
//	             server did not send, or sent at an older state, can be
//	             sent to it again
const syncMigrationsTable = "sync_migrations"

func migrations() []*gormigrate.Migration {
	return []*gormigrate.Migration{
		{ID: "202612010001_sync_client", Migrate: migrateClient},
		{ID: "202612090002_sync_snapshot", Migrate: migrateSnapshot},
	}
}

func migrate(db *gorm.DB) error {
	m := gormigrate.New(db, &gormigrate.Options{
		TableName: syncMigrationsTable, IDColumnName: "id", IDColumnSize: 255,
		UseTransaction: true, ValidateUnknownMigrations: true,
	}, migrations())
	if err := m.Migrate(); err != nil {
		return domain.E(domain.CodeInternal, "sync.migrate", err)
	}
	return nil
}

func migrateClient(tx *gorm.DB) error {
	type syncShadow struct {
		Entity   string `gorm:"primaryKey;size:40"`
		EntityID string `gorm:"primaryKey;size:36"`
		Seq      int64  `gorm:"not null"`
		Payload  string `gorm:"type:text;not null"`
	}
	type syncIssue struct {
		ID           string    `gorm:"primaryKey;size:120"`
		CreatedAt    time.Time `gorm:"not null;autoCreateTime:false;index"`
		Kind         string    `gorm:"size:16;not null"`
		MutationID   string    `gorm:"size:36;not null"`
		Entity       string    `gorm:"size:40;not null"`
		EntityID     string    `gorm:"size:36;not null"`
		Code         string    `gorm:"size:64;not null"`
		Field        string    `gorm:"size:64;not null;default:''"`
		Yours        string    `gorm:"type:text;not null"`
		Theirs       string    `gorm:"type:text;not null;default:''"`
		YoursDevice  string    `gorm:"size:64;not null;default:''"`
		TheirsDevice string    `gorm:"size:64;not null;default:''"`
		Dismissed    bool      `gorm:"not null;default:false"`
	}
	if err := tx.Table("sync_shadow").AutoMigrate(&syncShadow{}); err != nil {
		return err
	}
	return tx.Table("sync_issues").AutoMigrate(&syncIssue{})
}

func migrateSnapshot(tx *gorm.DB) error {
	type syncSnapshot struct {
		Entity      string `gorm:"primaryKey;size:40"`
		EntityID    string `gorm:"primaryKey;size:36"`
		Resend      bool   `gorm:"not null;default:false"`
		BaseVersion int64  `gorm:"not null;default:0"`
	}
	return tx.Table("sync_snapshot").AutoMigrate(&syncSnapshot{})
}

// seen is a row of sync_snapshot: a row the snapshot brought, and whether
// the laptop holds a newer state of it to send again (on BaseVersion, the
// server's version).
type seen struct {
	Entity      string
	EntityID    string
	Resend      bool
	BaseVersion int64
}

func (seen) TableName() string { return "sync_snapshot" }

// shadow is a row of sync_shadow.
type shadow struct {
	Entity   string
	EntityID string
	Seq      int64
	Payload  string
}

func (shadow) TableName() string { return "sync_shadow" }

// Issue is one entry of the sync issues list: a mutation the server
// rejected (Code says why; Yours is what the laptop sent, Theirs the
// server's row when it has one) or a field changed on two laptops (Field,
// both values and both devices; Yours won, being later in server order).
type Issue struct {
	ID           string    `json:"id"`
	CreatedAt    time.Time `json:"createdAt"`
	Kind         string    `json:"kind"` // IssueRejected or IssueConflict
	MutationID   string    `json:"mutationId"`
	Entity       string    `json:"entity"`
	EntityID     string    `json:"entityId"`
	Code         string    `json:"code"`
	Field        string    `json:"field"`
	Yours        string    `json:"yours"`
	Theirs       string    `json:"theirs"`
	YoursDevice  string    `json:"yoursDevice"`
	TheirsDevice string    `json:"theirsDevice"`
	Dismissed    bool      `json:"dismissed"`
}

func (Issue) TableName() string { return "sync_issues" }

// Issue kinds.
const (
	IssueRejected = "rejected"
	IssueConflict = "conflict"
)
