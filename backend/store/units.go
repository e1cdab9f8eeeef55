package store

import (
	"context"
	"strings"

	"gorm.io/gorm"

	"kembang/backend/domain"
)

// maxUnitDepth bounds the walk up the unit tree; a deeper tree means the
// stored data already has a cycle.
const maxUnitDepth = 1000

// ListUnits returns the live units ordered by name.
func (s *Store) ListUnits(ctx context.Context) ([]domain.Unit, error) {
	var out []domain.Unit
	err := s.DB.WithContext(ctx).Where("NOT deleted").Order("lower(name), name, id").Find(&out).Error
	return out, dbErr("unit.list", err)
}

// GetUnit returns the unit with id, tombstoned or not.
func (s *Store) GetUnit(ctx context.Context, id string) (*domain.Unit, error) {
	return getByID[domain.Unit](s.DB.WithContext(ctx), "unit.get", "unit", id)
}

// getByID loads a row or fails with not_found.
func getByID[T any, PT interface {
	*T
	domain.Syncable
}](db *gorm.DB, op, entity, id string) (*T, error) {
	row, err := find[T](db, op, id)
	if err != nil {
		return nil, err
	}
	if row == nil {
		return nil, notFound(op, entity, id)
	}
	return row, nil
}

// getLive loads a row that is not a tombstone or fails with not_found.
func getLive[T any, PT interface {
	*T
	domain.Syncable
}](db *gorm.DB, op, entity, id string) (*T, error) {
	row, err := find[T](db, op, id)
	if err != nil {
		return nil, err
	}
	if row == nil || PT(row).Meta().Deleted {
		return nil, notFound(op, entity, id)
	}
	return row, nil
}

// loadForSave returns the stored row a caller's save replaces (nil for a new
// row) after checking the caller's version. Saving a tombstone or an id that
// does not exist with a version other than 0 is not_found.
func loadForSave[T any, PT interface {
	*T
	domain.Syncable
}](tx *gorm.DB, op string, next PT) (*T, error) {
	m := next.Meta()
	if m.ID == "" {
		if m.Version != 0 {
			return nil, notFound(op, next.EntityName(), "")
		}
		return nil, nil
	}
	prev, err := find[T](tx, op, m.ID)
	if err != nil {
		return nil, err
	}
	if prev == nil {
		if m.Version != 0 {
			return nil, notFound(op, next.EntityName(), m.ID)
		}
		return nil, nil
	}
	if PT(prev).Meta().Deleted {
		return nil, notFound(op, next.EntityName(), m.ID)
	}
	if err := checkVersion(op, next, PT(prev)); err != nil {
		return nil, err
	}
	return prev, nil
}

func emptyToNil(p *string) *string {
	if p == nil {
		return nil
	}
	if v := strings.TrimSpace(*p); v != "" {
		return &v
	}
	return nil
}

// SaveUnit creates or updates a unit. The name is required, the parent must
// be a live unit and may not be the unit itself or one of its descendants
// (unit.cycle); OfficeID defaults to the local office. On success u holds
// the stored row (id, version, time).
func (s *Store) SaveUnit(ctx context.Context, u *domain.Unit) error {
	const op = "unit.save"
	next := *u
	next.Name = strings.TrimSpace(next.Name)
	next.Code = strings.TrimSpace(next.Code)
	next.ParentID = emptyToNil(next.ParentID)
	next.Deleted = false
	if next.Name == "" {
		return domain.FieldErrors{{Field: "name", Code: domain.CodeRequired}}.AsError(op)
	}
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		prev, err := loadForSave(tx, op, &next)
		if err != nil {
			return err
		}
		if next.OfficeID == "" && prev != nil {
			next.OfficeID = prev.OfficeID
		}
		if next.OfficeID == "" {
			lo, err := localOffice(tx, op)
			if err != nil {
				return err
			}
			if lo == nil {
				return domain.FieldErrors{{Field: "officeId", Code: domain.CodeRequired}}.AsError(op)
			}
			next.OfficeID = lo.ID
		} else if _, err := getLive[domain.Office](tx, op, "office", next.OfficeID); err != nil {
			return err
		}
		if err := checkUnitParent(tx, op, next.ID, next.ParentID); err != nil {
			return err
		}
		if err := s.write(tx, op, prev, &next, ""); err != nil {
			return err
		}
		if prev != nil && prev.Name != next.Name {
			return refreshSearchText(tx, op, "e.unit_id = ?", next.ID)
		}
		return nil
	})
	if err != nil {
		return err
	}
	*u = next
	return nil
}

// checkUnitParent walks from parentID to the root; meeting id is a cycle.
func checkUnitParent(tx *gorm.DB, op, id string, parentID *string) error {
	if parentID == nil {
		return nil
	}
	cur := *parentID
	for depth := 0; cur != ""; depth++ {
		if (id != "" && cur == id) || depth > maxUnitDepth {
			return domain.E(domain.CodeUnitCycle, op, nil, "id", id, "parentId", *parentID)
		}
		p, err := find[domain.Unit](tx, op, cur)
		if err != nil {
			return err
		}
		if p == nil || (p.Deleted && depth == 0) {
			return domain.E(domain.CodeNotFound, op, nil, "entity", "unit", "id", cur, "field", "parentId")
		}
		cur = ""
		if p.ParentID != nil {
			cur = *p.ParentID
		}
	}
	return nil
}

// DeleteUnit tombstones a unit. It fails with conflict while live employees,
// positions or child units still reference it; the details give the counts.
func (s *Store) DeleteUnit(ctx context.Context, id string) error {
	const op = "unit.delete"
	return s.inTx(ctx, op, func(tx *gorm.DB) error {
		prev, err := getLive[domain.Unit](tx, op, "unit", id)
		if err != nil {
			return err
		}
		var employees, positions, units int64
		for _, c := range []struct {
			model any
			col   string
			n     *int64
		}{
			{&domain.Employee{}, "unit_id", &employees},
			{&domain.Position{}, "unit_id", &positions},
			{&domain.Unit{}, "parent_id", &units},
		} {
			if err := tx.Model(c.model).Where(c.col+" = ? AND NOT deleted", id).Count(c.n).Error; err != nil {
				return dbErr(op, err)
			}
		}
		if employees+positions+units > 0 {
			return domain.E(domain.CodeConflict, op, nil, "entity", "unit", "id", id,
				"employees", employees, "positions", positions, "units", units)
		}
		next := *prev
		next.Deleted = true
		return s.write(tx, op, prev, &next, actionDelete)
	})
}
