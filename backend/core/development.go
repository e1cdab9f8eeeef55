package core

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"sort"
	"strings"

	"kembang/backend/domain"
	"kembang/backend/framework"
	"kembang/backend/store"
)

// Individual development plans (IDP): settings of the development module,
// one-click drafting from the employee's latest finalized gaps, bulk
// drafting for a unit, the career target and the workflow. The rules are
// domain's (DraftPlan, SetCareerTarget, TransitionPlan, CheckPlanUpdate in
// the store); the method catalogue and drafting rules are framework data.

// settingDevelopment is the local settings key of DevelopmentSettings.
const settingDevelopment = "development.settings"

// Question is one configured question of an evaluation form (1–5 scale).
type Question struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// DevelopmentSettings are the office's settings of the development module,
// stored locally.
type DevelopmentSettings struct {
	AnnualJPTarget     float64    `json:"annualJpTarget"`
	MinAttendance      float64    `json:"minAttendance"`
	L3DelayDays        int        `json:"l3DelayDays"`
	ReactionQuestions  []Question `json:"reactionQuestions"`
	BehaviourQuestions []Question `json:"behaviourQuestions"`
	CertificateFormat  string     `json:"certificateFormat"`
	OfficeCode         string     `json:"officeCode"`
	// DeviceCode identifies this laptop in certificate numbers; unique in
	// the office. Generated on first use until enrolment assigns one.
	DeviceCode string `json:"deviceCode"`
}

// DefaultCertificateFormat numbers per event and laptop:
// 001/BIMTEK-07/A/2026.
const DefaultCertificateFormat = "{seq:03}/{event}/{device}/{year}"

// DefaultDevelopmentSettings: 20 JP (PP 11/2017), 80 % attendance, EPP 90
// days after the course, a short reaction and behaviour questionnaire.
func DefaultDevelopmentSettings() DevelopmentSettings {
	return DevelopmentSettings{
		AnnualJPTarget: domain.DefaultAnnualJPTarget,
		MinAttendance:  domain.DefaultCompletionRule().MinAttendance,
		L3DelayDays:    int(domain.DefaultL3Delay.Hours() / 24),
		ReactionQuestions: []Question{
			{ID: "materi", Text: "Materi sesuai dengan kebutuhan pekerjaan"},
			{ID: "pengajar", Text: "Pengajar/fasilitator menguasai materi"},
			{ID: "fasilitas", Text: "Fasilitas dan penyelenggaraan memadai"},
		},
		BehaviourQuestions: []Question{
			{ID: "penerapan", Text: "Menerapkan hasil pelatihan dalam pekerjaan"},
			{ID: "kinerja", Text: "Kinerja meningkat setelah pelatihan"},
		},
		CertificateFormat: DefaultCertificateFormat,
	}
}

// ValidateDevelopmentSettings returns every problem.
func ValidateDevelopmentSettings(s *DevelopmentSettings) domain.FieldErrors {
	var errs domain.FieldErrors
	add := func(field, code, value string) {
		errs = append(errs, domain.FieldError{Field: field, Code: code, Value: value})
	}
	if !(s.AnnualJPTarget > 0 && s.AnnualJPTarget <= 1000) {
		add("annualJpTarget", domain.CodeAmountInvalid, "")
	}
	if !(s.MinAttendance >= 0 && s.MinAttendance <= 1) {
		add("minAttendance", domain.CodeAmountInvalid, "")
	}
	if s.L3DelayDays < 0 || s.L3DelayDays > 3650 {
		add("l3DelayDays", domain.CodeAmountInvalid, "")
	}
	for _, g := range []struct {
		field string
		qs    []Question
	}{{"reactionQuestions", s.ReactionQuestions}, {"behaviourQuestions", s.BehaviourQuestions}} {
		seen := map[string]bool{}
		for i := range g.qs {
			q := &g.qs[i]
			q.ID, q.Text = strings.TrimSpace(q.ID), strings.TrimSpace(q.Text)
			if q.ID == "" || q.Text == "" || seen[q.ID] {
				add(g.field, domain.CodeInvalid, q.ID)
			}
			seen[q.ID] = true
		}
	}
	s.CertificateFormat = strings.TrimSpace(s.CertificateFormat)
	if err := domain.ValidateCertificateFormat(s.CertificateFormat, false); err != nil {
		add("certificateFormat", domain.CodeCertificateFormat, s.CertificateFormat)
	}
	s.OfficeCode = strings.TrimSpace(s.OfficeCode)
	if s.OfficeCode != "" && !domain.ValidCompetencyCode(s.OfficeCode) {
		add("officeCode", domain.CodeInvalid, s.OfficeCode)
	}
	s.DeviceCode = strings.ToUpper(strings.TrimSpace(s.DeviceCode))
	if !domain.ValidDeviceCode(s.DeviceCode) {
		add("deviceCode", domain.CodeCertificateDevice, s.DeviceCode)
	}
	return errs
}

// DevelopmentSettings reads the settings (defaults for what was never
// saved). A missing device code is generated and stored at once, so the
// laptop keeps numbering with the same code.
func (c *Core) DevelopmentSettings(ctx context.Context) (DevelopmentSettings, error) {
	s := DefaultDevelopmentSettings()
	raw, ok, err := c.Store.GetSetting(ctx, settingDevelopment)
	if err != nil {
		return s, err
	}
	if ok {
		if json.Unmarshal([]byte(raw), &s) != nil {
			s = DefaultDevelopmentSettings() // a damaged setting must not block the module
		}
	}
	if s.DeviceCode == "" || !domain.ValidDeviceCode(s.DeviceCode) {
		s.DeviceCode = c.deviceCode()
		b, _ := json.Marshal(s)
		if err := c.Store.SetSetting(ctx, settingDevelopment, string(b)); err != nil {
			return s, err
		}
	}
	return s, nil
}

// DeviceCode is the device code of the laptop whose store st is (made and
// stored on first use, see DevelopmentSettings): the sync client sends it
// at enrolment, so the server keeps device codes unique in the office.
func DeviceCode(ctx context.Context, st *store.Store) (string, error) {
	s, err := (&Core{Store: st}).DevelopmentSettings(ctx)
	return s.DeviceCode, err
}

// deviceCode derives a device code: the store's device id when it already
// is a valid code, otherwise 5 random capitals/digits (1 in 60 million for
// two laptops of one office to draw the same; enrolment should assign
// codes, and the admin can set one in the settings).
func (c *Core) deviceCode() string {
	if d := strings.ToUpper(c.Store.Device); domain.ValidDeviceCode(d) {
		return d
	}
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 5)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

// SaveDevelopmentSettings validates and stores the settings.
func (c *Core) SaveDevelopmentSettings(ctx context.Context, s DevelopmentSettings) (DevelopmentSettings, error) {
	if fe := ValidateDevelopmentSettings(&s); len(fe) > 0 {
		return s, fe.AsError("development.save_settings")
	}
	b, err := json.Marshal(s)
	if err != nil {
		return s, domain.E(domain.CodeInternal, "development.save_settings", err)
	}
	return s, c.Store.SetSetting(ctx, settingDevelopment, string(b))
}

// PlanView is a plan with what its screen shows around it.
type PlanView struct {
	Plan               domain.DevelopmentPlan `json:"plan"`
	Employee           AnalysisEmployee       `json:"employee"`
	TargetPositionName string                 `json:"targetPositionName"`
	AnalysisPeriod     string                 `json:"analysisPeriod"`
	PlannedJP          float64                `json:"plannedJp"`
	PlannedCost        int64                  `json:"plannedCost"`
	RealisedJP         float64                `json:"realisedJp"`
	NextStates         []domain.PlanState     `json:"nextStates"`
}

// PlanSummary is one line of the plan list.
type PlanSummary struct {
	ID           string           `json:"id"`
	Version      int64            `json:"version"`
	EmployeeID   string           `json:"employeeId"`
	NIP          string           `json:"nip"`
	Name         string           `json:"name"`
	UnitID       string           `json:"unitId"`
	UnitName     string           `json:"unitName"`
	PositionName string           `json:"positionName"`
	Year         int              `json:"year"`
	State        domain.PlanState `json:"state"`
	Lines        int              `json:"lines"`
	DoneLines    int              `json:"doneLines"`
	PlannedJP    float64          `json:"plannedJp"`
	PlannedCost  int64            `json:"plannedCost"`
	RealisedJP   float64          `json:"realisedJp"`
	ApproverName string           `json:"approverName"`
	UpdatedAt    string           `json:"updatedAt"`
}

// PlanQuery selects plans for the list.
type PlanQuery struct {
	Year   int              `json:"year"`
	UnitID string           `json:"unitId"`
	State  domain.PlanState `json:"state"`
	Text   string           `json:"text"`
}

// DraftResult says what a bulk draft did.
type DraftResult struct {
	Created      int `json:"created"`
	Existing     int `json:"existing"`
	NoAnalysis   int `json:"noAnalysis"`
	WithoutNeeds int `json:"withoutNeeds"`
}

func realisedJP(p *domain.DevelopmentPlan) float64 {
	var h float64
	for _, l := range p.Lines {
		h += l.RealisedJP
	}
	return float64(int64(h*100+0.5)) / 100
}

// latestFinalized groups finalized assessments by employee and keeps, per
// employee, those of the newest period (natural order).
func latestFinalized(as []domain.Assessment) map[string][]domain.Assessment {
	latest := map[string]string{}
	for _, a := range as {
		if p, ok := latest[a.EmployeeID]; !ok || domain.NaturalLess(p, a.Period) {
			latest[a.EmployeeID] = a.Period
		}
	}
	out := make(map[string][]domain.Assessment, len(latest))
	for _, a := range as {
		if a.Period == latest[a.EmployeeID] {
			out[a.EmployeeID] = append(out[a.EmployeeID], a)
		}
	}
	return out
}

// draftContext is what drafting needs once, however many employees.
type draftContext struct {
	set       AnalysisSettings
	comps     map[string]domain.Competency
	positions map[string]domain.Position
	types     map[string]domain.CompetencyType
	rules     []domain.DraftingRule
	methods   map[string]domain.DevelopmentMethod
}

func (c *Core) newDraftContext(ctx context.Context) (*draftContext, error) {
	set, err := c.AnalysisSettings(ctx)
	if err != nil {
		return nil, err
	}
	comps, err := c.competencyIndex(ctx)
	if err != nil {
		return nil, err
	}
	positions, err := c.positionIndex(ctx)
	if err != nil {
		return nil, err
	}
	types := make(map[string]domain.CompetencyType, len(comps))
	for code, comp := range comps {
		types[code] = comp.Type
	}
	return &draftContext{set: set, comps: comps, positions: positions, types: types,
		rules: framework.DraftingRules(), methods: framework.MethodsByCode()}, nil
}

// gaps analyses one employee's latest finalized assessments against the
// position's standard: the gap lines (ComputeJPM's) and the actual levels.
func (d *draftContext) gaps(as []domain.Assessment, positionID string) ([]domain.GapLine, map[string]float64) {
	var standards domain.Standards
	if p, ok := d.positions[positionID]; ok {
		standards = p.Standards
	}
	rule := d.set.ResultRule
	rule.IncludeSubmitted = false // finalized results only
	d2 := d.set
	d2.ResultRule = rule
	r := analyse(as, standards, d.comps, d2)
	return r.jpm.Lines, domain.ActualLevels(r.resolved)
}

// finalizedOf loads the finalized assessments of the employees.
func (c *Core) finalizedOf(ctx context.Context, employeeIDs []string, unitID string) ([]domain.Assessment, error) {
	f := store.AssessmentFilter{States: []domain.AssessmentState{domain.AssessmentFinalized}}
	if unitID != "" {
		f.UnitID = unitID
	} else {
		f.EmployeeIDs = employeeIDs
	}
	return c.Store.ListAssessments(ctx, f)
}

func (c *Core) methods() map[string]domain.DevelopmentMethod { return framework.MethodsByCode() }

// Methods is the LAN 10/2018 catalogue.
func (c *Core) Methods() []domain.DevelopmentMethod { return framework.Methods() }

// DraftingRules are the rules one-click drafting uses.
func (c *Core) DraftingRules() []domain.DraftingRule { return framework.DraftingRules() }

// PlanView loads the view of a live plan.
func (c *Core) PlanView(ctx context.Context, id string) (*PlanView, error) {
	p, err := c.Store.GetPlan(ctx, id)
	if err != nil {
		return nil, err
	}
	if p.Deleted {
		return nil, domain.E(domain.CodeNotFound, "plan.get", nil, "entity", "development_plan", "id", id)
	}
	return c.planView(ctx, p)
}

func (c *Core) planView(ctx context.Context, p *domain.DevelopmentPlan) (*PlanView, error) {
	emp, err := c.Store.GetEmployee(ctx, p.EmployeeID)
	if err != nil {
		return nil, err
	}
	v := &PlanView{Plan: *p, NextStates: p.NextStates(), RealisedJP: realisedJP(p),
		Employee: AnalysisEmployee{ID: emp.ID, NIP: emp.NIP, NIPPrinted: domain.FormatNIP(emp.NIP), Name: emp.Name,
			FullName: emp.FullName(), UnitID: deref(emp.UnitID), UnitName: emp.UnitName,
			PositionID: deref(emp.PositionID), PositionName: emp.PositionName}}
	if v.NextStates == nil {
		v.NextStates = []domain.PlanState{}
	}
	v.PlannedJP, v.PlannedCost = domain.PlanTotals(p)
	if p.TargetPositionID != nil {
		if pos, err := c.Store.GetPosition(ctx, *p.TargetPositionID); err == nil {
			v.TargetPositionName = pos.Name
		}
	}
	as, err := c.finalizedOf(ctx, []string{p.EmployeeID}, "")
	if err != nil {
		return nil, err
	}
	if latest := latestFinalized(as)[p.EmployeeID]; len(latest) > 0 {
		v.AnalysisPeriod = latest[0].Period
	}
	return v, nil
}

// FindPlan returns the view of the employee's live plan for year, nil when
// there is none.
func (c *Core) FindPlan(ctx context.Context, employeeID string, year int) (*PlanView, error) {
	p, err := c.Store.FindPlan(ctx, employeeID, year)
	if err != nil || p == nil || p.Deleted {
		return nil, err
	}
	return c.planView(ctx, p)
}

// ListPlans lists the plans of a unit subtree ("" = office).
func (c *Core) ListPlans(ctx context.Context, q PlanQuery) ([]PlanSummary, error) {
	units, err := c.unitScope(ctx, q.UnitID)
	if err != nil {
		return nil, err
	}
	emps, err := c.Store.EmployeeBriefs(ctx, units)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*store.EmployeeBrief, len(emps))
	ids := make([]string, 0, len(emps))
	text := strings.ToLower(strings.TrimSpace(q.Text))
	for i := range emps {
		e := &emps[i]
		if text != "" && !strings.Contains(strings.ToLower(e.FullName()), text) && !strings.Contains(e.NIP, strings.ReplaceAll(text, " ", "")) {
			continue
		}
		byID[e.ID] = e
		ids = append(ids, e.ID)
	}
	f := store.PlanFilter{Year: q.Year}
	if units != nil || text != "" {
		f.EmployeeIDs = ids
	}
	if q.State != "" {
		f.States = []domain.PlanState{q.State}
	}
	plans, err := c.Store.ListPlans(ctx, f)
	if err != nil {
		return nil, err
	}
	out := make([]PlanSummary, 0, len(plans))
	for i := range plans {
		p := &plans[i]
		e, ok := byID[p.EmployeeID]
		if !ok {
			continue // employee deleted
		}
		s := PlanSummary{ID: p.ID, Version: p.Version, EmployeeID: p.EmployeeID, NIP: e.NIP, Name: e.FullName(), UnitID: e.UnitID,
			UnitName: e.UnitName, PositionName: e.PositionName, Year: p.Year, State: p.State, Lines: len(p.Lines),
			RealisedJP: realisedJP(p), ApproverName: p.ApproverName, UpdatedAt: p.UpdatedAt.UTC().Format("2006-01-02T15:04:05Z")}
		for _, l := range p.Lines {
			if l.Status == domain.LineDone {
				s.DoneLines++
			}
		}
		s.PlannedJP, s.PlannedCost = domain.PlanTotals(p)
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].Year > out[j].Year
	})
	return out, nil
}

// DraftPlan drafts (or, with replace, redrafts) the plan of an employee for
// year from the latest period with finalized results.
func (c *Core) DraftPlan(ctx context.Context, employeeID string, year int, replace bool) (*PlanView, error) {
	const op = "plan.draft"
	emp, err := c.Store.GetEmployee(ctx, employeeID)
	if err != nil {
		return nil, err
	}
	if emp.Deleted {
		return nil, domain.E(domain.CodeNotFound, op, nil, "entity", "employee", "id", employeeID)
	}
	d, err := c.newDraftContext(ctx)
	if err != nil {
		return nil, err
	}
	as, err := c.finalizedOf(ctx, []string{employeeID}, "")
	if err != nil {
		return nil, err
	}
	latest := latestFinalized(as)[employeeID]
	if len(latest) == 0 {
		return nil, domain.E(domain.CodePlanNoAnalysis, op, nil, "employeeId", employeeID)
	}
	gaps, _ := d.gaps(latest, deref(emp.PositionID))
	draft := domain.DraftPlan(employeeID, year, gaps, d.types, d.rules, d.methods, c.Store.NewID)

	existing, err := c.Store.FindPlan(ctx, employeeID, year)
	if err != nil {
		return nil, err
	}
	switch {
	case existing == nil:
		draft.Version = 0
		if err := c.Store.SavePlan(ctx, &draft, d.methods); err != nil {
			return nil, err
		}
		return c.planView(ctx, &draft)
	case existing.Deleted:
		// The tombstone comes back with its workflow and history (the
		// record of what happened to the plan stays), and new lines.
		next := *existing
		next.Deleted, next.Lines, next.Note = false, draft.Lines, ""
		next.TargetPositionID, next.TargetGaps = nil, domain.GapLines{}
		if err := c.Store.SavePlan(ctx, &next, d.methods); err != nil {
			return nil, err
		}
		return c.planView(ctx, &next)
	case !replace:
		return nil, domain.E(domain.CodeConflict, op, nil, "entity", "development_plan", "id", existing.ID)
	}
	p, err := c.Store.EditPlan(ctx, existing.ID, d.methods, func(p *domain.DevelopmentPlan) error {
		if p.State != domain.PlanDraft && p.State != domain.PlanRevision {
			return domain.E(domain.CodePlanLocked, op, nil, "state", string(p.State))
		}
		p.Lines = draft.Lines
		return nil
	})
	if err != nil {
		return nil, err
	}
	return c.planView(ctx, p)
}

// DraftPlans drafts the plans of year for every employee of a unit subtree
// ("" = office) who has none, in one action: one query for the employees,
// one for their finalized assessments, one for the existing plans, then
// chunked bulk inserts. progress (may be nil) counts employees.
func (c *Core) DraftPlans(ctx context.Context, unitID string, year int, progress domain.Progress) (DraftResult, error) {
	var res DraftResult
	if year < domain.MinPlanYear || year > domain.MaxPlanYear {
		return res, domain.FieldErrors{{Field: "year", Code: domain.CodePlanYearInvalid}}.AsError("plan.draft_unit")
	}
	units, err := c.unitScope(ctx, unitID)
	if err != nil {
		return res, err
	}
	emps, err := c.Store.EmployeeBriefs(ctx, units)
	if err != nil {
		return res, err
	}
	d, err := c.newDraftContext(ctx)
	if err != nil {
		return res, err
	}
	ids := make([]string, len(emps))
	for i, e := range emps {
		ids[i] = e.ID
	}
	var as []domain.Assessment
	if unitID == "" {
		as, err = c.finalizedOf(ctx, nil, "")
	} else {
		as, err = c.finalizedOf(ctx, nil, unitID)
	}
	if err != nil {
		return res, err
	}
	latest := latestFinalized(as)
	plans, err := c.Store.ListPlans(ctx, store.PlanFilter{Year: year})
	if err != nil {
		return res, err
	}
	has := make(map[string]bool, len(plans))
	for _, p := range plans {
		has[p.EmployeeID] = true
	}
	drafts := make([]domain.DevelopmentPlan, 0, len(emps))
	for _, e := range emps {
		switch {
		case has[e.ID]:
			res.Existing++
		case len(latest[e.ID]) == 0:
			res.NoAnalysis++
		default:
			gaps, _ := d.gaps(latest[e.ID], e.PositionID)
			p := domain.DraftPlan(e.ID, year, gaps, d.types, d.rules, d.methods, c.Store.NewID)
			p.Version = 0
			if len(p.Lines) == 0 {
				res.WithoutNeeds++
			}
			drafts = append(drafts, p)
		}
	}
	skipped := res.Existing + res.NoAnalysis
	if progress != nil {
		progress(skipped, len(emps))
	}
	created, existing, err := c.Store.CreatePlans(ctx, drafts, d.methods, func(done, _ int) {
		if progress != nil {
			progress(skipped+done, len(emps))
		}
	})
	res.Created = created
	res.Existing += existing // tombstoned plans are left alone
	return res, err
}

// SavePlanContent saves the lines and note of a plan at the caller's
// version; workflow and career target come from the stored plan.
func (c *Core) SavePlanContent(ctx context.Context, in domain.DevelopmentPlan) (*PlanView, error) {
	const op = "plan.save"
	p, err := c.Store.EditPlan(ctx, in.ID, framework.MethodsByCode(), func(p *domain.DevelopmentPlan) error {
		if in.Version != p.Version {
			return domain.E(domain.CodeVersionConflict, op, nil, "entity", "development_plan", "id", p.ID, "stored", p.Version, "given", in.Version)
		}
		lines := append(domain.PlanLines{}, in.Lines...)
		for i := range lines {
			if strings.TrimSpace(lines[i].ID) == "" {
				lines[i].ID = c.Store.NewID()
			}
			if lines[i].Alternatives == nil {
				lines[i].Alternatives = []string{}
			}
		}
		p.Lines, p.Note = lines, in.Note
		return nil
	})
	if err != nil {
		return nil, err
	}
	return c.planView(ctx, p)
}

// SetPlanTarget sets (positionID "" clears) the career target of a plan
// with the gap against that position's standard, from the employee's
// latest finalized results.
func (c *Core) SetPlanTarget(ctx context.Context, planID, positionID string) (*PlanView, error) {
	plan, err := c.Store.GetPlan(ctx, planID)
	if err != nil {
		return nil, err
	}
	var standards domain.Standards
	if positionID != "" {
		pos, err := c.Store.GetPosition(ctx, positionID)
		if err != nil {
			return nil, err
		}
		if pos.Deleted {
			return nil, domain.E(domain.CodeNotFound, "plan.target", nil, "entity", "position", "id", positionID)
		}
		standards = pos.Standards
	}
	d, err := c.newDraftContext(ctx)
	if err != nil {
		return nil, err
	}
	as, err := c.finalizedOf(ctx, []string{plan.EmployeeID}, "")
	if err != nil {
		return nil, err
	}
	_, actual := d.gaps(latestFinalized(as)[plan.EmployeeID], "")
	p, err := c.Store.EditPlan(ctx, planID, d.methods, func(p *domain.DevelopmentPlan) error {
		domain.SetCareerTarget(p, positionID, standards, actual)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return c.planView(ctx, p)
}

// TransitionPlan moves a plan along its workflow (domain.TransitionPlan).
func (c *Core) TransitionPlan(ctx context.Context, planID string, to domain.PlanState, actor domain.Approver, reason string) (*PlanView, error) {
	now := c.Store.Now()
	p, err := c.Store.EditPlan(ctx, planID, framework.MethodsByCode(), func(p *domain.DevelopmentPlan) error {
		return domain.TransitionPlan(p, to, actor, reason, now)
	})
	if err != nil {
		return nil, err
	}
	return c.planView(ctx, p)
}
