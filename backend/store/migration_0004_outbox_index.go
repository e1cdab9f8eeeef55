package store

import "gorm.io/gorm"

// migrateOutboxEntityIndex indexes the outbox by (entity, entity_id): the
// sync client asks "does this row have unsent changes?" for every row it
// applies or pushes, and with only the entity index that question scanned
// every pending row of the entity, making a large push quadratic
// (docs/BENCHMARKS.md, Sync).
func migrateOutboxEntityIndex(tx *gorm.DB) error {
	return tx.Exec(`CREATE INDEX IF NOT EXISTS idx_outbox_entity_row ON outbox (entity, entity_id)`).Error
}
