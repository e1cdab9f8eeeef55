package store

import (
	"context"
	"strings"

	"gorm.io/gorm"

	"kembang/backend/domain"
)

// RenameLocalOffice changes the name of this installation's office (shown in
// the title bar and printed on documents). It goes through the syncable write
// path like every other change.
func (s *Store) RenameLocalOffice(ctx context.Context, name string) error {
	const op = "office.rename"
	name = strings.TrimSpace(name)
	if name == "" {
		return domain.FieldErrors{{Field: "name", Code: domain.CodeRequired}}.AsError(op)
	}
	return s.inTx(ctx, op, func(tx *gorm.DB) error {
		prev, err := localOffice(tx, op)
		if err != nil {
			return err
		}
		if prev == nil {
			return notFound(op, "office", "local")
		}
		next := *prev
		next.Name = name
		return s.write(tx, op, prev, &next, "")
	})
}
