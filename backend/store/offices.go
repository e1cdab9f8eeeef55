package store

import (
	"context"
	"strings"

	"gorm.io/gorm"

	"kembang/backend/domain"
)

// EnsureLocalOffice returns the office this installation belongs to,
// creating it with name on first use. Later calls return the stored office
// unchanged, whatever name they pass.
func (s *Store) EnsureLocalOffice(ctx context.Context, name string) (*domain.Office, error) {
	const op = "office.ensure_local"
	var out *domain.Office
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		o, err := localOffice(tx, op)
		if err != nil || o != nil {
			out = o
			return err
		}
		name = strings.TrimSpace(name)
		if name == "" {
			return domain.FieldErrors{{Field: "name", Code: domain.CodeRequired}}.AsError(op)
		}
		o = &domain.Office{Name: name}
		if err := s.write(tx, op, nil, o, ""); err != nil {
			return err
		}
		if err := setSetting(tx, op, settingLocalOffice, o.ID); err != nil {
			return err
		}
		out = o
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// LocalOffice returns the office this installation belongs to, not_found
// before EnsureLocalOffice.
func (s *Store) LocalOffice(ctx context.Context) (*domain.Office, error) {
	const op = "office.local"
	o, err := localOffice(s.DB.WithContext(ctx), op)
	if err != nil {
		return nil, err
	}
	if o == nil {
		return nil, notFound(op, "office", "local")
	}
	return o, nil
}

// localOffice returns nil, nil when no local office is set.
func localOffice(db *gorm.DB, op string) (*domain.Office, error) {
	id, ok, err := getSetting(db, op, settingLocalOffice)
	if err != nil || !ok {
		return nil, err
	}
	o, err := find[domain.Office](db, op, id)
	if err != nil {
		return nil, err
	}
	if o == nil {
		return nil, notFound(op, "office", id)
	}
	return o, nil
}
