package store

import (
	"context"
	"sort"
	"strings"

	"gorm.io/gorm"

	"kembang/backend/domain"
)

// competencyTypeOrder is the order lists and documents show the types in.
var competencyTypeOrder = map[domain.CompetencyType]int{
	domain.Managerial: 0, domain.SocioCultural: 1, domain.Technical: 2,
}

// sortCompetencies orders by type (managerial, socio-cultural, technical),
// then by code in natural order (M.2 before M.10).
func sortCompetencies(cs []domain.Competency) {
	sort.SliceStable(cs, func(i, j int) bool {
		ti, tj := competencyTypeOrder[cs[i].Type], competencyTypeOrder[cs[j].Type]
		if ti != tj {
			return ti < tj
		}
		return domain.NaturalLess(cs[i].Code, cs[j].Code)
	})
}

// ListCompetencies returns the live competencies, retired ones only when
// asked, ordered by type then code.
func (s *Store) ListCompetencies(ctx context.Context, includeRetired bool) ([]domain.Competency, error) {
	var out []domain.Competency
	db := s.DB.WithContext(ctx).Where("deleted = ?", false)
	if !includeRetired {
		db = db.Where("retired = ?", false)
	}
	if err := db.Find(&out).Error; err != nil {
		return nil, dbErr("competency.list", err)
	}
	sortCompetencies(out)
	return out, nil
}

// GetCompetency returns the competency with id.
func (s *Store) GetCompetency(ctx context.Context, id string) (*domain.Competency, error) {
	return getByID[domain.Competency](s.DB.WithContext(ctx), "competency.get", "competency", id)
}

// GetCompetencyByCode returns the competency with code (case-insensitive).
func (s *Store) GetCompetencyByCode(ctx context.Context, code string) (*domain.Competency, error) {
	const op = "competency.get_by_code"
	c, err := competencyByCode(s.DB.WithContext(ctx), op, code)
	if err != nil {
		return nil, err
	}
	if c == nil {
		return nil, domain.E(domain.CodeNotFound, op, nil, "entity", "competency", "code", code)
	}
	return c, nil
}

func competencyByCode(db *gorm.DB, op, code string) (*domain.Competency, error) {
	var rows []domain.Competency
	err := db.Where("lower(code) = ?", strings.ToLower(strings.TrimSpace(code))).Limit(1).Find(&rows).Error
	if err != nil {
		return nil, dbErr(op, err)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	return &rows[0], nil
}

func normaliseCompetency(c *domain.Competency) {
	c.Code = strings.TrimSpace(c.Code)
	c.Name = strings.TrimSpace(c.Name)
	c.Definition = strings.TrimSpace(c.Definition)
	if c.Type == "" {
		c.Type = domain.Technical
	}
	if c.Levels == nil {
		c.Levels = domain.Levels{}
	}
}

// SaveCompetency creates or updates a technical competency. Managerial and
// socio-cultural competencies and every built-in one are read-only
// (competency.builtin); codes are unique, case-insensitively
// (competency.code_taken).
func (s *Store) SaveCompetency(ctx context.Context, c *domain.Competency) error {
	const op = "competency.save"
	next := *c
	normaliseCompetency(&next)
	next.Deleted = false
	if next.BuiltIn || next.Type != domain.Technical {
		return domain.E(domain.CodeCompetencyBuiltin, op, nil, "code", next.Code, "type", string(next.Type))
	}
	if fe := domain.ValidateCompetency(&next); len(fe) > 0 {
		return fe.AsError(op)
	}
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		prev, err := loadForSave(tx, op, &next)
		if err != nil {
			return err
		}
		if prev != nil && prev.BuiltIn {
			return domain.E(domain.CodeCompetencyBuiltin, op, nil, "code", prev.Code)
		}
		if err := checkCodeFree(tx, op, next.Code, next.ID); err != nil {
			return err
		}
		return s.write(tx, op, prev, &next, "")
	})
	if err != nil {
		return err
	}
	*c = next
	return nil
}

func checkCodeFree(tx *gorm.DB, op, code, id string) error {
	other, err := competencyByCode(tx, op, code)
	if err != nil {
		return err
	}
	if other != nil && other.ID != id {
		return domain.E(domain.CodeCompetencyTaken, op, nil, "field", "code", "code", code, "id", other.ID)
	}
	return nil
}

// SetCompetencyRetired retires (hides from new standards and new framework
// versions) or reinstates a technical competency. Built-in ones are read-only.
func (s *Store) SetCompetencyRetired(ctx context.Context, id string, retired bool) error {
	const op = "competency.set_retired"
	return s.inTx(ctx, op, func(tx *gorm.DB) error {
		prev, err := getLive[domain.Competency](tx, op, "competency", id)
		if err != nil {
			return err
		}
		if prev.BuiltIn {
			return domain.E(domain.CodeCompetencyBuiltin, op, nil, "code", prev.Code)
		}
		next := *prev
		next.Retired = retired
		return s.write(tx, op, prev, &next, actionUpdate)
	})
}

// EnsureBuiltins upserts the built-in dictionary (managerial and
// socio-cultural competencies) with the deterministic ids the caller gives.
// It is idempotent: unchanged entries are not written. Built-ins are central
// reference data that every installation seeds identically, so unlike every
// other write this one appends no outbox or audit rows; a changed entry
// gets version+1.
func (s *Store) EnsureBuiltins(ctx context.Context, builtins []domain.Competency) error {
	const op = "competency.ensure_builtins"
	return s.inTx(ctx, op, func(tx *gorm.DB) error {
		for _, b := range builtins {
			next := b
			normaliseCompetency(&next)
			next.BuiltIn = true
			next.Deleted = false
			if next.ID == "" || next.Code == "" {
				return domain.E(domain.CodeRequired, op, nil, "field", "id", "code", next.Code)
			}
			prev, err := find[domain.Competency](tx, op, next.ID)
			if err != nil {
				return err
			}
			if err := checkCodeFree(tx, op, next.Code, next.ID); err != nil {
				return err
			}
			next.UpdatedAt = s.Now().UTC()
			next.UpdatedByDevice = s.Device
			if prev == nil {
				next.Version = 1
				if err := tx.Create(&next).Error; err != nil {
					return dbErr(op, err)
				}
				continue
			}
			diff, err := diffJSON(prev, &next)
			if err != nil {
				return domain.E(domain.CodeInternal, op, err)
			}
			if len(diff) == 0 {
				continue
			}
			next.Version = prev.Version + 1
			if err := tx.Model(&next).Select("*").Updates(&next).Error; err != nil {
				return dbErr(op, err)
			}
		}
		return nil
	})
}
