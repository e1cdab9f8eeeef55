package desktop

import (
	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/store"
)

// DevelopmentDashboardService is JP compliance, budget and reminders
// (docs/API.md).
type DevelopmentDashboardService struct{ b *Backend }

func storeEvalFilter(eventID string) store.EvaluationFilter {
	return store.EvaluationFilter{EventIDs: []string{eventID}}
}

// Settings returns the development settings.
func (s *DevelopmentDashboardService) Settings() (core.DevelopmentSettings, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.DevelopmentSettings{}, err
	}
	return c.DevelopmentSettings(s.b.context())
}

// SaveSettings validates and stores the settings.
func (s *DevelopmentDashboardService) SaveSettings(set core.DevelopmentSettings) (core.DevelopmentSettings, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.DevelopmentSettings{}, err
	}
	return c.SaveDevelopmentSettings(s.b.context(), set)
}

// Compliance is the JP compliance of a unit ("" = office) for a year.
func (s *DevelopmentDashboardService) Compliance(year int, unitID string) (core.Compliance, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.Compliance{}, err
	}
	r, err := c.Compliance(s.b.context(), year, unitID)
	if err != nil {
		return core.Compliance{}, err
	}
	return *r, nil
}

// Employee is one employee's JP summary.
func (s *DevelopmentDashboardService) Employee(employeeID string, year int) (domain.JPSummary, error) {
	c, err := s.b.Core()
	if err != nil {
		return domain.JPSummary{}, err
	}
	r, err := c.EmployeeJP(s.b.context(), employeeID, year)
	if err != nil {
		return domain.JPSummary{}, err
	}
	return *r, nil
}

// Upcoming lists the events starting within days.
func (s *DevelopmentDashboardService) Upcoming(days int) ([]core.EventItem, error) {
	c, err := s.b.Core()
	if err != nil {
		return nil, err
	}
	return c.Upcoming(s.b.context(), days)
}

// Budget compares planned and realised cost.
func (s *DevelopmentDashboardService) Budget(year int, unitID string) (core.BudgetReport, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.BudgetReport{}, err
	}
	r, err := c.Budget(s.b.context(), year, unitID)
	if err != nil {
		return core.BudgetReport{}, err
	}
	return *r, nil
}

// Reminders lists due L3 evaluations.
func (s *DevelopmentDashboardService) Reminders() ([]core.L3Reminder, error) {
	c, err := s.b.Core()
	if err != nil {
		return nil, err
	}
	return c.Reminders(s.b.context())
}
