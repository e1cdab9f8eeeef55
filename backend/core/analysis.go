package core

import (
	"context"
	"encoding/json"
	"sort"

	"kembang/backend/domain"
	"kembang/backend/store"
)

// Gap analysis, JPM and 9-box over the stored assessments. The rules are
// domain's (ResolveLevels, ScopeStandards, ComputeJPM, BuildRecap,
// NineBox); this file loads the rows they need in a few queries and shapes
// the answers of docs/API.md.

// Threshold set names of AnalysisSettings.ThresholdSet.
const (
	ThresholdsMapping   = "mapping"
	ThresholdsSelection = "selection"
)

// settingAnalysis is the local settings key holding AnalysisSettings as JSON.
const settingAnalysis = "analysis.settings"

// largestGapsTop bounds the training-needs list of a recap.
const largestGapsTop = 50

// AnalysisSettings are the office's analysis settings, stored locally.
type AnalysisSettings struct {
	ResultRule       domain.ResultRule         `json:"resultRule"`
	CapPerCompetency bool                      `json:"capPerCompetency"`
	ThresholdSet     string                    `json:"thresholdSet"` // mapping or selection
	Mapping          domain.CategoryThresholds `json:"mapping"`
	Selection        domain.CategoryThresholds `json:"selection"`
	NineBox          domain.NineBoxCutoffs     `json:"nineBox"`
}

// DefaultAnalysisSettings are domain's defaults: priority assessor > test >
// supervisor > peer > self, capping per competency, the mapping categories
// and the usual 9-box cut-offs.
func DefaultAnalysisSettings() AnalysisSettings {
	return AnalysisSettings{
		ResultRule:       domain.DefaultResultRule(),
		CapPerCompetency: domain.DefaultJPMSettings().CapPerCompetency,
		ThresholdSet:     ThresholdsMapping,
		Mapping:          domain.MappingThresholds(),
		Selection:        domain.SelectionThresholds(),
		NineBox:          domain.DefaultNineBoxCutoffs(),
	}
}

// ValidateAnalysisSettings returns every problem, with field names prefixed
// by their group (resultRule.mode, mapping.mid, nineBox.potentialMid …).
func ValidateAnalysisSettings(s AnalysisSettings) domain.FieldErrors {
	var errs domain.FieldErrors
	prefix := func(p string, fe domain.FieldErrors) {
		for _, f := range fe {
			f.Field = p + "." + f.Field
			errs = append(errs, f)
		}
	}
	prefix("resultRule", domain.ValidateResultRule(s.ResultRule))
	prefix("mapping", domain.ValidateThresholds(s.Mapping))
	prefix("selection", domain.ValidateThresholds(s.Selection))
	prefix("nineBox", domain.ValidateNineBoxCutoffs(s.NineBox))
	if s.ThresholdSet != ThresholdsMapping && s.ThresholdSet != ThresholdsSelection {
		errs = append(errs, domain.FieldError{Field: "thresholdSet", Code: domain.CodeInvalid, Value: s.ThresholdSet})
	}
	return errs
}

// AnalysisSettings reads the settings; a field never saved has its default.
func (c *Core) AnalysisSettings(ctx context.Context) (AnalysisSettings, error) {
	s := DefaultAnalysisSettings()
	raw, ok, err := c.Store.GetSetting(ctx, settingAnalysis)
	if err != nil || !ok {
		return s, err
	}
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		// A damaged setting must not block every analysis screen.
		return DefaultAnalysisSettings(), nil
	}
	return s, nil
}

// SaveAnalysisSettings validates and stores the settings.
func (c *Core) SaveAnalysisSettings(ctx context.Context, s AnalysisSettings) (AnalysisSettings, error) {
	if fe := ValidateAnalysisSettings(s); len(fe) > 0 {
		return s, fe.AsError("analysis.save_settings")
	}
	b, err := json.Marshal(s)
	if err != nil {
		return s, domain.E(domain.CodeInternal, "analysis.save_settings", err)
	}
	return s, c.Store.SetSetting(ctx, settingAnalysis, string(b))
}

// thresholds returns the set in use.
func (s AnalysisSettings) thresholds() domain.CategoryThresholds {
	if s.ThresholdSet == ThresholdsSelection {
		return s.Selection
	}
	return s.Mapping
}

func (s AnalysisSettings) jpm() domain.JPMSettings {
	return domain.JPMSettings{CapPerCompetency: s.CapPerCompetency, Thresholds: s.thresholds()}
}

// AnalysisLine is one competency of an employee's analysis.
type AnalysisLine struct {
	Code     string                `json:"code"`
	Name     string                `json:"name"`
	Type     domain.CompetencyType `json:"type"`
	Standard int                   `json:"standard"`
	Actual   float64               `json:"actual"`
	Assessed bool                  `json:"assessed"`
	Gap      float64               `json:"gap"`
	Sources  []domain.Contribution `json:"sources"`
}

// NineBoxPlace is an employee's place in the talent 9-box.
type NineBoxPlace struct {
	Box             int    `json:"box"`
	Label           string `json:"label"`
	PerformanceBand string `json:"performanceBand"`
	PotentialBand   string `json:"potentialBand"`
}

// AnalysisEmployee names the employee of an analysis (field names as in
// desktop's EmployeeItem).
type AnalysisEmployee struct {
	ID           string `json:"id"`
	NIP          string `json:"nip"`
	NIPPrinted   string `json:"nipPrinted"`
	Name         string `json:"name"`
	FullName     string `json:"fullName"`
	UnitID       string `json:"unitId"`
	UnitName     string `json:"unitName"`
	PositionID   string `json:"positionId"`
	PositionName string `json:"positionName"`
}

// EmployeeAnalysis is the standard-versus-actual view of one employee.
type EmployeeAnalysis struct {
	Employee    AnalysisEmployee `json:"employee"`
	Period      string           `json:"period"`
	Lines       []AnalysisLine   `json:"lines"`
	SumStandard float64          `json:"sumStandard"`
	SumActual   float64          `json:"sumActual"`
	JPM         float64          `json:"jpm"`
	Category    string           `json:"category"`
	Complete    bool             `json:"complete"`
	Assessed    int              `json:"assessed"`
	Required    int              `json:"required"`
	Performance *float64         `json:"performance"`
	NineBox     *NineBoxPlace    `json:"nineBox"`
}

// personResult is what analysing one employee yields.
type personResult struct {
	resolved    map[string]domain.ResolvedLevel
	jpm         domain.JPMResult
	performance *float64
	box         *NineBoxPlace
}

// analyse applies the rules to one employee's assessments of one period.
// Technical competencies count only where assessed (domain.ScopeStandards).
func analyse(as []domain.Assessment, standards domain.Standards, comps map[string]domain.Competency, set AnalysisSettings) personResult {
	var r personResult
	r.resolved = domain.ResolveLevels(as, set.ResultRule)
	actual := domain.ActualLevels(r.resolved)
	scoped := domain.ScopeStandards(standards, actual, func(code string) bool {
		comp, ok := comps[code]
		return ok && comp.Type == domain.Technical
	})
	r.jpm = domain.ComputeJPM(scoped, actual, set.jpm())
	if perf, ok := domain.ResolvePerformance(as, set.ResultRule); ok {
		r.performance = &perf
		if r.jpm.Category != "" {
			box, pf, pt := domain.NineBox(perf, r.jpm.JPM, set.NineBox)
			r.box = &NineBoxPlace{Box: box, Label: domain.NineBoxLabel(box), PerformanceBand: pf, PotentialBand: pt}
		}
	}
	return r
}

// Analyse returns the analysis of one employee for one period.
func (c *Core) Analyse(ctx context.Context, employeeID, period string) (*EmployeeAnalysis, error) {
	set, err := c.AnalysisSettings(ctx)
	if err != nil {
		return nil, err
	}
	emp, err := c.Store.GetEmployee(ctx, employeeID)
	if err != nil {
		return nil, err
	}
	var standards domain.Standards
	if emp.PositionID != nil {
		if p, err := c.Store.GetPosition(ctx, *emp.PositionID); err == nil && !p.Deleted {
			standards = p.Standards
		}
	}
	comps, err := c.competencyIndex(ctx)
	if err != nil {
		return nil, err
	}
	as, err := c.Store.ListAssessments(ctx, store.AssessmentFilter{EmployeeIDs: []string{employeeID}, Period: period})
	if err != nil {
		return nil, err
	}
	r := analyse(as, standards, comps, set)
	out := &EmployeeAnalysis{
		Employee: AnalysisEmployee{ID: emp.ID, NIP: emp.NIP, NIPPrinted: domain.FormatNIP(emp.NIP), Name: emp.Name,
			FullName: emp.FullName(), UnitID: deref(emp.UnitID), UnitName: emp.UnitName,
			PositionID: deref(emp.PositionID), PositionName: emp.PositionName},
		Period: period, Lines: make([]AnalysisLine, 0, len(r.jpm.Lines)),
		SumStandard: r.jpm.SumStandard, SumActual: r.jpm.SumActual, JPM: r.jpm.JPM, Category: r.jpm.Category,
		Complete: r.jpm.Complete, Assessed: r.jpm.Assessed, Required: r.jpm.Required,
		Performance: r.performance, NineBox: r.box,
	}
	for _, l := range r.jpm.Lines {
		comp := comps[l.Code]
		sources := r.resolved[l.Code].Sources
		if sources == nil {
			sources = []domain.Contribution{}
		}
		out.Lines = append(out.Lines, AnalysisLine{Code: l.Code, Name: comp.Name, Type: comp.Type, Standard: l.Standard,
			Actual: l.Actual, Assessed: l.Assessed, Gap: l.Gap, Sources: sources})
	}
	sort.SliceStable(out.Lines, func(i, j int) bool {
		a, b := out.Lines[i], out.Lines[j]
		if ta, tb := rankType(a.Type, comps[a.Code].Code != ""), rankType(b.Type, comps[b.Code].Code != ""); ta != tb {
			return ta < tb
		}
		return domain.NaturalLess(a.Code, b.Code)
	})
	return out, nil
}

func rankType(t domain.CompetencyType, known bool) int {
	if !known {
		return 3
	}
	return typeOrder[t]
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// CodeName is a competency code with its name.
type CodeName struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// CodeGap is the average gap of one competency.
type CodeGap struct {
	Code string  `json:"code"`
	Name string  `json:"name"`
	Gap  float64 `json:"gap"`
}

// RecapGap is one development need in the training-needs list.
type RecapGap struct {
	EmployeeID     string  `json:"employeeId"`
	Name           string  `json:"name"`
	UnitName       string  `json:"unitName"`
	Code           string  `json:"code"`
	CompetencyName string  `json:"competencyName"`
	Standard       int     `json:"standard"`
	Actual         float64 `json:"actual"`
	Gap            float64 `json:"gap"`
}

// RecapPerson is one employee's line in a recap. Box is 0 without a 9-box
// place.
type RecapPerson struct {
	EmployeeID   string  `json:"employeeId"`
	NIP          string  `json:"nip"`
	Name         string  `json:"name"`
	UnitName     string  `json:"unitName"`
	PositionName string  `json:"positionName"`
	JPM          float64 `json:"jpm"`
	Category     string  `json:"category"`
	Complete     bool    `json:"complete"`
	Box          int     `json:"box"`
}

// UnitRef names a unit of the heatmap.
type UnitRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Heatmap is the average gap per unit × competency; nil where nobody of the
// unit was assessed in the competency.
type Heatmap struct {
	Units []UnitRef    `json:"units"`
	Codes []CodeName   `json:"codes"`
	Gaps  [][]*float64 `json:"gaps"` // [unit][code]
}

// NineBoxCounts counts people per 9-box; index = box, index 0 unused.
type NineBoxCounts struct {
	Counts [10]int `json:"counts"`
}

// Recap summarises a unit subtree or the whole office for one period.
type Recap struct {
	Period        string         `json:"period"`
	UnitID        string         `json:"unitId"`
	Count         int            `json:"count"`
	ByCategory    map[string]int `json:"byCategory"`
	Uncategorised int            `json:"uncategorised"`
	Incomplete    int            `json:"incomplete"`
	AverageJPM    float64        `json:"averageJpm"`
	AverageGap    []CodeGap      `json:"averageGap"`
	LargestGaps   []RecapGap     `json:"largestGaps"`
	People        []RecapPerson  `json:"people"`
	Heatmap       Heatmap        `json:"heatmap"`
	NineBox       NineBoxCounts  `json:"nineBox"`
	// Thresholds is the category set the recap used, for legends and the
	// export (not in the API contract's minimum; additive).
	Thresholds domain.CategoryThresholds `json:"thresholds"`
}

// Recap builds the recap of unitID and its sub-units ("" = whole office)
// for period. It loads everything in a handful of queries (employees,
// positions, competencies, the period's counted assessments) and never
// queries per employee.
func (c *Core) Recap(ctx context.Context, unitID, period string) (*Recap, error) {
	set, err := c.AnalysisSettings(ctx)
	if err != nil {
		return nil, err
	}
	units, err := c.unitScope(ctx, unitID)
	if err != nil {
		return nil, err
	}
	emps, err := c.Store.EmployeeBriefs(ctx, units)
	if err != nil {
		return nil, err
	}
	positions, err := c.positionIndex(ctx)
	if err != nil {
		return nil, err
	}
	comps, err := c.competencyIndex(ctx)
	if err != nil {
		return nil, err
	}
	states := []domain.AssessmentState{domain.AssessmentFinalized}
	if set.ResultRule.IncludeSubmitted {
		states = append(states, domain.AssessmentSubmitted)
	}
	all, err := c.Store.ListAssessments(ctx, store.AssessmentFilter{UnitID: unitID, Period: period, States: states})
	if err != nil {
		return nil, err
	}
	byEmp := make(map[string][]domain.Assessment, len(emps))
	for _, a := range all {
		byEmp[a.EmployeeID] = append(byEmp[a.EmployeeID], a)
	}

	rc := &Recap{Period: period, UnitID: unitID, People: make([]RecapPerson, 0, len(emps)), Thresholds: set.thresholds()}
	people := make([]domain.PersonJPM, 0, len(emps))
	empByID := make(map[string]*store.EmployeeBrief, len(emps))
	for i := range emps {
		e := &emps[i]
		empByID[e.ID] = e
		var standards domain.Standards
		if p, ok := positions[e.PositionID]; ok {
			standards = p.Standards
		}
		r := analyse(byEmp[e.ID], standards, comps, set)
		people = append(people, domain.PersonJPM{EmployeeID: e.ID, UnitID: e.UnitID, Result: r.jpm})
		p := RecapPerson{EmployeeID: e.ID, NIP: e.NIP, Name: e.FullName(), UnitName: e.UnitName, PositionName: e.PositionName,
			JPM: r.jpm.JPM, Category: r.jpm.Category, Complete: r.jpm.Complete}
		if r.box != nil {
			p.Box = r.box.Box
			rc.NineBox.Counts[r.box.Box]++
		}
		rc.People = append(rc.People, p)
	}
	sum := domain.BuildRecap(people, largestGapsTop)
	rc.Count, rc.Uncategorised, rc.Incomplete, rc.AverageJPM = sum.Count, sum.Uncategorised, sum.Incomplete, sum.AverageJPM
	th := set.thresholds()
	rc.ByCategory = map[string]int{th.HighCode: 0, th.MidCode: 0, th.LowCode: 0}
	for code, n := range sum.ByCategory {
		rc.ByCategory[code] = n
	}

	codes := make([]string, 0, len(sum.AverageGap))
	for code := range sum.AverageGap {
		codes = append(codes, code)
	}
	sortCodes(codes, comps)
	rc.AverageGap = make([]CodeGap, 0, len(codes))
	rc.Heatmap.Codes = make([]CodeName, 0, len(codes))
	for _, code := range codes {
		rc.AverageGap = append(rc.AverageGap, CodeGap{Code: code, Name: comps[code].Name, Gap: sum.AverageGap[code]})
		rc.Heatmap.Codes = append(rc.Heatmap.Codes, CodeName{Code: code, Name: comps[code].Name})
	}
	rc.LargestGaps = make([]RecapGap, 0, len(sum.LargestGaps))
	for _, g := range sum.LargestGaps {
		e := empByID[g.EmployeeID]
		rc.LargestGaps = append(rc.LargestGaps, RecapGap{EmployeeID: g.EmployeeID, Name: e.FullName(), UnitName: e.UnitName,
			Code: g.Code, CompetencyName: comps[g.Code].Name, Standard: g.Standard, Actual: g.Actual, Gap: g.Gap})
	}

	byUnit := domain.RecapByUnit(people, 1)
	unitNames := map[string]string{}
	for _, e := range emps {
		unitNames[e.UnitID] = e.UnitName
	}
	rc.Heatmap.Units = make([]UnitRef, 0, len(byUnit))
	for id := range byUnit {
		rc.Heatmap.Units = append(rc.Heatmap.Units, UnitRef{ID: id, Name: unitNames[id]})
	}
	sort.Slice(rc.Heatmap.Units, func(i, j int) bool {
		a, b := rc.Heatmap.Units[i], rc.Heatmap.Units[j]
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.ID < b.ID
	})
	rc.Heatmap.Gaps = make([][]*float64, len(rc.Heatmap.Units))
	for i, u := range rc.Heatmap.Units {
		row := make([]*float64, len(codes))
		for j, code := range codes {
			if g, ok := byUnit[u.ID].AverageGap[code]; ok {
				g := g
				row[j] = &g
			}
		}
		rc.Heatmap.Gaps[i] = row
	}
	return rc, nil
}
