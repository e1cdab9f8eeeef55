package store

import (
	"context"

	"kembang/backend/domain"
)

// DefaultOutboxBatch is the page PendingOutbox returns when limit is 0; it
// matches the push batch of SYNC.md.
const DefaultOutboxBatch = 500

// PendingOutbox returns up to limit unsent mutations, oldest first.
func (s *Store) PendingOutbox(ctx context.Context, limit int) ([]domain.OutboxEntry, error) {
	if limit <= 0 {
		limit = DefaultOutboxBatch
	}
	var out []domain.OutboxEntry
	err := s.DB.WithContext(ctx).Order("created_at, mutation_id").Limit(limit).Find(&out).Error
	return out, dbErr("outbox.pending", err)
}

// CountOutbox returns the number of unsent mutations.
func (s *Store) CountOutbox(ctx context.Context) (int64, error) {
	var n int64
	err := s.DB.WithContext(ctx).Model(&domain.OutboxEntry{}).Count(&n).Error
	return n, dbErr("outbox.count", err)
}
