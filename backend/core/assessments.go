package core

import (
	"context"
	"sort"
	"strconv"

	"kembang/backend/domain"
	"kembang/backend/store"
)

// AssessmentDTO is an assessment as the UI and the CLI see it (docs/API.md).
type AssessmentDTO struct {
	ID                string                  `json:"id"`
	Version           int64                   `json:"version"`
	EmployeeID        string                  `json:"employeeId"`
	Period            string                  `json:"period"`
	Method            domain.AssessmentMethod `json:"method"`
	FrameworkVersion  int                     `json:"frameworkVersion"`
	State             domain.AssessmentState  `json:"state"`
	AssessorName      string                  `json:"assessorName"`
	AssessorNIP       string                  `json:"assessorNip"`
	AssessedOn        string                  `json:"assessedOn"`
	SupersedesID      *string                 `json:"supersedesId"`
	SupersededByID    *string                 `json:"supersededById"`
	Items             []domain.AssessmentItem `json:"items"`
	PerformanceRating *float64                `json:"performanceRating"`
	Note              string                  `json:"note"`
	UpdatedAt         string                  `json:"updatedAt"`
}

// FormCompetency is one competency of the assessment form, described by
// the assessment's pinned framework version.
type FormCompetency struct {
	Code       string                   `json:"code"`
	Name       string                   `json:"name"`
	Type       domain.CompetencyType    `json:"type"`
	Definition string                   `json:"definition"`
	Standard   int                      `json:"standard"`
	Levels     []domain.CompetencyLevel `json:"levels"`
}

// Form is the assessment form of one employee × period × method.
type Form struct {
	Assessment   AssessmentDTO
	Employee     store.EmployeeRow
	Competencies []FormCompetency
}

// GridColumn is one competency column of the batch grid.
type GridColumn struct {
	Code string                `json:"code"`
	Name string                `json:"name"`
	Type domain.CompetencyType `json:"type"`
}

// GridRow is one employee of the batch grid. AssessmentID is nil and State
// "" while the employee has no assessment of the grid's period and method.
type GridRow struct {
	EmployeeID   string                 `json:"employeeId"`
	NIP          string                 `json:"nip"`
	Name         string                 `json:"name"`
	PositionName string                 `json:"positionName"`
	AssessmentID *string                `json:"assessmentId"`
	Version      int64                  `json:"version"`
	State        domain.AssessmentState `json:"state"`
	Levels       map[string]int         `json:"levels"`
	Standards    map[string]int         `json:"standards"`
}

// Grid is the keyboard-first batch entry of one unit (and its sub-units).
type Grid struct {
	UnitID  string                  `json:"unitId"`
	Period  string                  `json:"period"`
	Method  domain.AssessmentMethod `json:"method"`
	Columns []GridColumn            `json:"columns"`
	Rows    []GridRow               `json:"rows"`
}

func stamp(a *domain.Assessment) string { return a.UpdatedAt.UTC().Format("2006-01-02T15:04:05Z") }

// AssessmentDTOFrom converts a stored assessment; supersededBy is the id of
// the assessment correcting it, if any.
func AssessmentDTOFrom(a *domain.Assessment, supersededBy *string) AssessmentDTO {
	items := make([]domain.AssessmentItem, len(a.Items))
	copy(items, a.Items)
	d := AssessmentDTO{
		ID: a.ID, Version: a.Version, EmployeeID: a.EmployeeID, Period: a.Period, Method: a.Method,
		FrameworkVersion: a.FrameworkVersion, State: a.State, AssessorName: a.AssessorName, AssessorNIP: a.AssessorNIP,
		AssessedOn: a.AssessedOn, SupersedesID: a.SupersedesID, SupersededByID: supersededBy, Items: items,
		PerformanceRating: a.PerformanceRating, Note: a.Note,
	}
	if !a.UpdatedAt.IsZero() {
		d.UpdatedAt = stamp(a)
	}
	return d
}

// Assessment converts a DTO back for the store (SupersededByID is derived
// data and ignored).
func (d AssessmentDTO) Assessment() domain.Assessment {
	a := domain.Assessment{
		EmployeeID: d.EmployeeID, Period: d.Period, Method: d.Method, FrameworkVersion: d.FrameworkVersion,
		State: d.State, AssessorName: d.AssessorName, AssessorNIP: d.AssessorNIP, AssessedOn: d.AssessedOn,
		SupersedesID: d.SupersedesID, Items: append(domain.AssessmentItems{}, d.Items...),
		PerformanceRating: d.PerformanceRating, Note: d.Note,
	}
	a.ID, a.Version = d.ID, d.Version
	return a
}

// supersededBy maps an assessment id to the id of a live correction of it.
func supersededBy(all []domain.Assessment) map[string]string {
	out := map[string]string{}
	for _, a := range all {
		if !a.Deleted && a.SupersedesID != nil {
			if cur, ok := out[*a.SupersedesID]; !ok || a.ID > cur {
				out[*a.SupersedesID] = a.ID
			}
		}
	}
	return out
}

func idPtr(m map[string]string, id string) *string {
	if v, ok := m[id]; ok {
		return &v
	}
	return nil
}

// CurrentPeriod is the period offered by default: the current year.
func (c *Core) CurrentPeriod() string { return strconv.Itoa(c.Store.Now().Year()) }

// Periods lists the periods in use, newest first; the current year is
// always offered.
func (c *Core) Periods(ctx context.Context) ([]string, error) {
	ps, err := c.Store.Periods(ctx)
	if err != nil {
		return nil, err
	}
	cur := c.CurrentPeriod()
	for _, p := range ps {
		if p == cur {
			return ps, nil
		}
	}
	out := append([]string{cur}, ps...)
	sort.SliceStable(out, func(i, j int) bool { return domain.NaturalLess(out[j], out[i]) })
	return out, nil
}

// ListForEmployee returns every assessment of an employee, superseded ones
// too, newest period first, newest first.
func (c *Core) ListForEmployee(ctx context.Context, employeeID string) ([]AssessmentDTO, error) {
	all, err := c.Store.ListAssessments(ctx, store.AssessmentFilter{EmployeeIDs: []string{employeeID}})
	if err != nil {
		return nil, err
	}
	by := supersededBy(all)
	out := make([]AssessmentDTO, len(all))
	for i := range all {
		out[i] = AssessmentDTOFrom(&all[i], idPtr(by, all[i].ID))
	}
	return out, nil
}

// AssessmentDTO returns one assessment with its superseded-by link.
func (c *Core) AssessmentDTO(ctx context.Context, a *domain.Assessment) (AssessmentDTO, error) {
	all, err := c.Store.ListAssessments(ctx, store.AssessmentFilter{EmployeeIDs: []string{a.EmployeeID}, Period: a.Period})
	if err != nil {
		return AssessmentDTO{}, err
	}
	return AssessmentDTOFrom(a, idPtr(supersededBy(all), a.ID)), nil
}

// Form returns the assessment form of employee × period × method: the
// newest current assessment (a new draft with id "" when there is none)
// and the competencies the employee's position requires, described by the
// framework version the assessment is pinned to. An employee without a
// position is assessment.no_position.
func (c *Core) Form(ctx context.Context, employeeID, period string, method domain.AssessmentMethod) (*Form, error) {
	const op = "assessment.form"
	emp, err := c.Store.GetEmployee(ctx, employeeID)
	if err != nil {
		return nil, err
	}
	if emp.PositionID == nil {
		return nil, domain.E(domain.CodeAssessmentNoPosition, op, nil, "employeeId", employeeID)
	}
	pos, err := c.Store.GetPosition(ctx, *emp.PositionID)
	if err != nil {
		return nil, err
	}
	all, err := c.Store.ListAssessments(ctx, store.AssessmentFilter{EmployeeIDs: []string{employeeID}, Period: period})
	if err != nil {
		return nil, err
	}
	var dto AssessmentDTO
	found := false
	for _, a := range domain.Current(all) { // newest first
		if a.Method == method {
			dto = AssessmentDTOFrom(&a, idPtr(supersededBy(all), a.ID))
			found = true
			break
		}
	}
	if !found {
		latest, err := c.Store.LatestFrameworkVersion(ctx)
		if err != nil {
			return nil, err
		}
		dto = AssessmentDTO{EmployeeID: employeeID, Period: period, Method: method, FrameworkVersion: latest,
			State: domain.AssessmentDraft, Items: []domain.AssessmentItem{}}
	}
	comps, err := c.formCompetencies(ctx, dto.FrameworkVersion, pos.Standards)
	if err != nil {
		return nil, err
	}
	return &Form{Assessment: dto, Employee: *emp, Competencies: comps}, nil
}

// formCompetencies describes the required competencies from the snapshot
// of framework version number. A competency the snapshot does not hold
// (added to the dictionary after that version) is described from the live
// dictionary.
func (c *Core) formCompetencies(ctx context.Context, number int, standards domain.Standards) ([]FormCompetency, error) {
	byCode := map[string]domain.Competency{}
	if number > 0 {
		fv, err := c.Store.GetFrameworkVersion(ctx, number)
		if err != nil {
			return nil, err
		}
		for _, comp := range fv.Competencies {
			byCode[comp.Code] = comp
		}
	}
	var missing bool
	for code, lv := range standards {
		if _, ok := byCode[code]; !ok && lv > 0 {
			missing = true
		}
	}
	if missing {
		live, err := c.Store.ListCompetencies(ctx, true)
		if err != nil {
			return nil, err
		}
		for _, comp := range live {
			if _, ok := byCode[comp.Code]; !ok {
				byCode[comp.Code] = comp
			}
		}
	}
	out := []FormCompetency{}
	for _, code := range orderedCodes(standards, byCode) {
		comp := byCode[code]
		levels := append([]domain.CompetencyLevel{}, comp.Levels...)
		out = append(out, FormCompetency{Code: code, Name: comp.Name, Type: comp.Type, Definition: comp.Definition,
			Standard: standards[code], Levels: levels})
	}
	return out, nil
}

// typeOrder shows managerial, then socio-cultural, then technical.
var typeOrder = map[domain.CompetencyType]int{domain.Managerial: 0, domain.SocioCultural: 1, domain.Technical: 2}

// orderedCodes returns the codes with a required level, in the order the
// framework shows them: M.1…M.8, SK.1, then technical, codes in natural
// order. Codes of unknown type come last.
func orderedCodes(standards domain.Standards, byCode map[string]domain.Competency) []string {
	codes := make([]string, 0, len(standards))
	for code, lv := range standards {
		if lv > 0 {
			codes = append(codes, code)
		}
	}
	sortCodes(codes, byCode)
	return codes
}

func sortCodes(codes []string, byCode map[string]domain.Competency) {
	rank := func(code string) int {
		comp, ok := byCode[code]
		if !ok {
			return 3
		}
		return typeOrder[comp.Type]
	}
	sort.Slice(codes, func(i, j int) bool {
		if ri, rj := rank(codes[i]), rank(codes[j]); ri != rj {
			return ri < rj
		}
		return domain.NaturalLess(codes[i], codes[j])
	})
}

// unitScope returns the unit ids of a unit's subtree, nil for the whole
// office ("").
func (c *Core) unitScope(ctx context.Context, unitID string) ([]string, error) {
	if unitID == "" {
		return nil, nil
	}
	return c.Store.UnitSubtree(ctx, unitID)
}

// competencyIndex maps code → live competency (retired ones included).
func (c *Core) competencyIndex(ctx context.Context) (map[string]domain.Competency, error) {
	comps, err := c.Store.ListCompetencies(ctx, true)
	if err != nil {
		return nil, err
	}
	out := make(map[string]domain.Competency, len(comps))
	for _, comp := range comps {
		out[comp.Code] = comp
	}
	return out, nil
}

// positionIndex maps id → live position.
func (c *Core) positionIndex(ctx context.Context) (map[string]domain.Position, error) {
	ps, err := c.Store.ListPositions(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]domain.Position, len(ps))
	for _, p := range ps {
		out[p.ID] = p
	}
	return out, nil
}

// Grid loads the batch entry grid of a unit and its sub-units: one row per
// employee (by name), one column per competency any of their positions
// requires, and the levels of each employee's newest current assessment of
// the period and method. Three queries besides the small reference lists,
// whatever the size of the unit.
func (c *Core) Grid(ctx context.Context, unitID, period string, method domain.AssessmentMethod) (*Grid, error) {
	if !method.Valid() {
		return nil, domain.FieldErrors{{Field: "method", Code: domain.CodeAssessmentMethodInvalid, Value: string(method)}}.AsError("assessment.grid")
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
	all, err := c.Store.ListAssessments(ctx, store.AssessmentFilter{UnitID: unitID, Period: period, Method: method})
	if err != nil {
		return nil, err
	}
	newest := map[string]*domain.Assessment{}
	current := domain.Current(all)
	for i := range current { // newest first
		a := &current[i]
		if newest[a.EmployeeID] == nil {
			newest[a.EmployeeID] = a
		}
	}
	g := &Grid{UnitID: unitID, Period: period, Method: method, Columns: []GridColumn{}, Rows: make([]GridRow, 0, len(emps))}
	used := map[string]bool{}
	for _, e := range emps {
		row := GridRow{EmployeeID: e.ID, NIP: e.NIP, Name: e.Name, PositionName: e.PositionName,
			Levels: map[string]int{}, Standards: map[string]int{}}
		if p, ok := positions[e.PositionID]; ok {
			for code, lv := range p.Standards {
				if lv > 0 {
					row.Standards[code] = lv
					used[code] = true
				}
			}
		}
		if a := newest[e.ID]; a != nil {
			id := a.ID
			row.AssessmentID, row.Version, row.State = &id, a.Version, a.State
			for _, it := range a.Items {
				if it.Level > 0 {
					row.Levels[it.CompetencyCode] = it.Level
				}
			}
		}
		g.Rows = append(g.Rows, row)
	}
	codes := make([]string, 0, len(used))
	for code := range used {
		codes = append(codes, code)
	}
	sortCodes(codes, comps)
	for _, code := range codes {
		comp := comps[code]
		g.Columns = append(g.Columns, GridColumn{Code: code, Name: comp.Name, Type: comp.Type})
	}
	return g, nil
}

// SubmitGrid moves every draft of the grid with at least one level to
// submitted and returns how many moved.
func (c *Core) SubmitGrid(ctx context.Context, unitID, period string, method domain.AssessmentMethod) (int, error) {
	units, err := c.unitScope(ctx, unitID)
	if err != nil {
		return 0, err
	}
	emps, err := c.Store.EmployeeBriefs(ctx, units)
	if err != nil {
		return 0, err
	}
	ids := make([]string, len(emps))
	for i, e := range emps {
		ids[i] = e.ID
	}
	return c.Store.SubmitDrafts(ctx, ids, period, method)
}
