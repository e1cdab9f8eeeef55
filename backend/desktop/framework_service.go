package desktop

import (
	"kembang/backend/domain"
	"kembang/backend/framework"
)

// FrameworkService manages the competency dictionary and its versions.
type FrameworkService struct{ b *Backend }

// ListCompetencies returns the dictionary, managerial first.
func (s *FrameworkService) ListCompetencies(includeRetired bool) ([]domain.Competency, error) {
	c, err := s.b.Core()
	if err != nil {
		return nil, err
	}
	return c.Store.ListCompetencies(s.b.context(), includeRetired)
}

// NewTechnical returns an unsaved technical competency prefilled with the
// generic level descriptions.
func (s *FrameworkService) NewTechnical() domain.Competency {
	return domain.Competency{Type: domain.Technical, Levels: framework.TechnicalLevelTemplate()}
}

// SaveCompetency creates or updates an agency (technical) competency.
func (s *FrameworkService) SaveCompetency(comp domain.Competency) (domain.Competency, error) {
	c, err := s.b.Core()
	if err != nil {
		return comp, err
	}
	err = c.Store.SaveCompetency(s.b.context(), &comp)
	return comp, err
}

// SetRetired retires or reinstates a technical competency.
func (s *FrameworkService) SetRetired(id string, retired bool) error {
	c, err := s.b.Core()
	if err != nil {
		return err
	}
	return c.Store.SetCompetencyRetired(s.b.context(), id, retired)
}

// Publish freezes the current dictionary as a new framework version.
func (s *FrameworkService) Publish(note string) (domain.FrameworkVersion, error) {
	c, err := s.b.Core()
	if err != nil {
		return domain.FrameworkVersion{}, err
	}
	v, err := c.Store.PublishFramework(s.b.context(), note)
	if err != nil {
		return domain.FrameworkVersion{}, err
	}
	return *v, nil
}

// ListVersions lists published versions, newest first.
func (s *FrameworkService) ListVersions() ([]domain.FrameworkVersion, error) {
	c, err := s.b.Core()
	if err != nil {
		return nil, err
	}
	return c.Store.ListFrameworkVersions(s.b.context())
}

// GetVersion returns one published version with its frozen competencies.
func (s *FrameworkService) GetVersion(number int) (domain.FrameworkVersion, error) {
	c, err := s.b.Core()
	if err != nil {
		return domain.FrameworkVersion{}, err
	}
	v, err := c.Store.GetFrameworkVersion(s.b.context(), number)
	if err != nil {
		return domain.FrameworkVersion{}, err
	}
	return *v, nil
}
