package store

import (
	"context"
	"sort"

	"gorm.io/gorm"
)

// SetSettings stores several settings in one transaction: all of them or,
// on any error, none.
func (s *Store) SetSettings(ctx context.Context, values map[string]string) error {
	const op = "store.set_settings"
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return s.inTx(ctx, op, func(tx *gorm.DB) error {
		for _, k := range keys {
			if err := setSetting(tx, op, k, values[k]); err != nil {
				return err
			}
		}
		return nil
	})
}
