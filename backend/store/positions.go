package store

import (
	"context"
	"sort"
	"strings"

	"gorm.io/gorm"

	"kembang/backend/domain"
)

// ListPositions returns the live positions ordered by name.
func (s *Store) ListPositions(ctx context.Context) ([]domain.Position, error) {
	var out []domain.Position
	err := s.DB.WithContext(ctx).Where("deleted = ?", false).Order("lower(name), name, id").Find(&out).Error
	return out, dbErr("position.list", err)
}

// GetPosition returns the position with id, tombstoned or not.
func (s *Store) GetPosition(ctx context.Context, id string) (*domain.Position, error) {
	return getByID[domain.Position](s.DB.WithContext(ctx), "position.get", "position", id)
}

func normalisePosition(p *domain.Position) {
	p.Code = strings.TrimSpace(p.Code)
	p.Name = strings.TrimSpace(p.Name)
	p.UnitID = emptyToNil(p.UnitID)
	if p.Standards == nil {
		p.Standards = domain.Standards{}
	}
}

// SavePosition validates (domain.ValidatePosition) and stores a position.
// Every competency code in its standards must name a live competency and
// its unit, when set, a live unit.
func (s *Store) SavePosition(ctx context.Context, p *domain.Position) error {
	const op = "position.save"
	next := *p
	normalisePosition(&next)
	next.Deleted = false
	if fe := domain.ValidatePosition(&next); len(fe) > 0 {
		return fe.AsError(op)
	}
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		prev, err := loadForSave(tx, op, &next)
		if err != nil {
			return err
		}
		if err := checkPositionRefs(tx, op, &next); err != nil {
			return err
		}
		return s.writePosition(tx, op, prev, &next, "")
	})
	if err != nil {
		return err
	}
	*p = next
	return nil
}

// writePosition writes a position and keeps the employees' search text
// current when the name changed.
func (s *Store) writePosition(tx *gorm.DB, op string, prev, next *domain.Position, action string) error {
	if err := s.write(tx, op, prev, next, action); err != nil {
		return err
	}
	if prev != nil && prev.Name != next.Name {
		return refreshSearchText(tx, op, "e.position_id = ?", next.ID)
	}
	return nil
}

// checkPositionRefs checks the unit and the standards' competency codes.
func checkPositionRefs(tx *gorm.DB, op string, p *domain.Position) error {
	if p.UnitID != nil {
		if _, err := getLive[domain.Unit](tx, op, "unit", *p.UnitID); err != nil {
			return domain.E(domain.CodeNotFound, op, nil, "entity", "unit", "id", *p.UnitID, "field", "unitId")
		}
	}
	if len(p.Standards) == 0 {
		return nil
	}
	codes := make([]string, 0, len(p.Standards))
	for code := range p.Standards {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	var found []string
	if err := tx.Model(&domain.Competency{}).Where("code IN ? AND deleted = ?", codes, false).Pluck("code", &found).Error; err != nil {
		return dbErr(op, err)
	}
	have := make(map[string]bool, len(found))
	for _, c := range found {
		have[c] = true
	}
	var fe domain.FieldErrors
	for _, c := range codes {
		if !have[c] {
			fe = append(fe, domain.FieldError{Field: "standards", Code: domain.CodeNotFound, Value: c})
		}
	}
	return fe.AsError(op)
}

// DeletePosition tombstones a position; conflict while live employees hold it.
func (s *Store) DeletePosition(ctx context.Context, id string) error {
	const op = "position.delete"
	return s.inTx(ctx, op, func(tx *gorm.DB) error {
		prev, err := getLive[domain.Position](tx, op, "position", id)
		if err != nil {
			return err
		}
		var n int64
		if err := tx.Model(&employeeRecord{}).Where("position_id = ? AND deleted = ?", id, false).Count(&n).Error; err != nil {
			return dbErr(op, err)
		}
		if n > 0 {
			return domain.E(domain.CodeConflict, op, nil, "entity", "position", "id", id, "employees", n)
		}
		next := *prev
		next.Deleted = true
		return s.write(tx, op, prev, &next, actionDelete)
	})
}
