package desktop

import (
	"strings"
	"time"

	"kembang/backend/core"
)

// AnalysisService shows gap analysis, JPM and the 9-box (docs/API.md).
type AnalysisService struct{ b *Backend }

// Settings returns the analysis settings (defaults until saved).
func (s *AnalysisService) Settings() (core.AnalysisSettings, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.AnalysisSettings{}, err
	}
	return c.AnalysisSettings(s.b.context())
}

// SaveSettings validates and stores the settings; invalid with
// details.fields otherwise.
func (s *AnalysisService) SaveSettings(set core.AnalysisSettings) (core.AnalysisSettings, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.AnalysisSettings{}, err
	}
	return c.SaveAnalysisSettings(s.b.context(), set)
}

// EmployeeAnalysis is core.EmployeeAnalysis with the employee as the UI's
// EmployeeItem.
type EmployeeAnalysis struct {
	Employee    EmployeeItem        `json:"employee"`
	Period      string              `json:"period"`
	Lines       []core.AnalysisLine `json:"lines"`
	SumStandard float64             `json:"sumStandard"`
	SumActual   float64             `json:"sumActual"`
	JPM         float64             `json:"jpm"`
	Category    string              `json:"category"`
	Complete    bool                `json:"complete"`
	Assessed    int                 `json:"assessed"`
	Required    int                 `json:"required"`
	Performance *float64            `json:"performance"`
	NineBox     *core.NineBoxPlace  `json:"nineBox"`
}

// Employee is the standard-versus-actual analysis of one employee.
func (s *AnalysisService) Employee(employeeID, period string) (EmployeeAnalysis, error) {
	c, err := s.b.Core()
	if err != nil {
		return EmployeeAnalysis{}, err
	}
	ctx := s.b.context()
	a, err := c.Analyse(ctx, employeeID, period)
	if err != nil {
		return EmployeeAnalysis{}, err
	}
	emp, err := c.Store.GetEmployee(ctx, employeeID)
	if err != nil {
		return EmployeeAnalysis{}, err
	}
	return EmployeeAnalysis{Employee: itemFrom(*emp), Period: a.Period, Lines: a.Lines, SumStandard: a.SumStandard,
		SumActual: a.SumActual, JPM: a.JPM, Category: a.Category, Complete: a.Complete, Assessed: a.Assessed,
		Required: a.Required, Performance: a.Performance, NineBox: a.NineBox}, nil
}

// Recap summarises a unit and its sub-units ("" = whole office).
func (s *AnalysisService) Recap(unitID, period string) (core.Recap, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.Recap{}, err
	}
	r, err := c.Recap(s.b.context(), unitID, period)
	if err != nil {
		return core.Recap{}, err
	}
	return *r, nil
}

// ExportRecap asks where to save and writes the recap as xlsx; "" when the
// user cancelled.
func (s *AnalysisService) ExportRecap(unitID, period string) (string, error) {
	c, err := s.b.Core()
	if err != nil {
		return "", err
	}
	data, err := c.ExportRecap(s.b.context(), unitID, period)
	if err != nil {
		return "", err
	}
	name := "rekap-jpm-" + strings.NewReplacer("/", "-", "\\", "-", " ", "-").Replace(period) + "-" + time.Now().Format("20060102") + ".xlsx"
	return s.b.Saver.SaveFile(s.b.context(), name, data)
}
