package desktop

import (
	"kembang/backend/domain"
	"kembang/backend/framework"
)

// OrgService manages units (unit kerja) and positions (jabatan).
type OrgService struct{ b *Backend }

// ListUnits returns every unit; the UI builds the tree from parentId.
func (s *OrgService) ListUnits() ([]domain.Unit, error) {
	c, err := s.b.Core()
	if err != nil {
		return nil, err
	}
	return c.Store.ListUnits(s.b.context())
}

// SaveUnit creates (empty id) or updates a unit.
func (s *OrgService) SaveUnit(u domain.Unit) (domain.Unit, error) {
	c, err := s.b.Core()
	if err != nil {
		return u, err
	}
	err = c.Store.SaveUnit(s.b.context(), &u)
	return u, err
}

// DeleteUnit removes a unit that nothing references any more.
func (s *OrgService) DeleteUnit(id string) error {
	c, err := s.b.Core()
	if err != nil {
		return err
	}
	return c.Store.DeleteUnit(s.b.context(), id)
}

// ListPositions returns every position with its standards.
func (s *OrgService) ListPositions() ([]domain.Position, error) {
	c, err := s.b.Core()
	if err != nil {
		return nil, err
	}
	return c.Store.ListPositions(s.b.context())
}

// SavePosition creates or updates a position. Saving clears NeedsReview:
// the admin has looked at its standards.
func (s *OrgService) SavePosition(p domain.Position) (domain.Position, error) {
	c, err := s.b.Core()
	if err != nil {
		return p, err
	}
	p.NeedsReview = false
	err = c.Store.SavePosition(s.b.context(), &p)
	return p, err
}

// DeletePosition removes a position no employee holds.
func (s *OrgService) DeletePosition(id string) error {
	c, err := s.b.Core()
	if err != nil {
		return err
	}
	return c.Store.DeletePosition(s.b.context(), id)
}

// DefaultStandards gives the regulation's default managerial and
// socio-cultural levels for a position type (and jenjang for fungsional).
func (s *OrgService) DefaultStandards(positionType, jenjang string) (domain.Standards, error) {
	t := domain.PositionType(positionType)
	if !t.Valid() {
		return nil, domain.E(domain.CodePositionType, "org.default_standards", nil, "value", positionType)
	}
	j := domain.Jenjang(jenjang)
	if t == domain.Fungsional && !j.Valid() {
		return nil, domain.E(domain.CodeJenjangInvalid, "org.default_standards", nil, "value", jenjang)
	}
	return framework.DefaultStandards(t, j), nil
}
