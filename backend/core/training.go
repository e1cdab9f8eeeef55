package core

import (
	"context"
	"sort"
	"strings"
	"time"

	"kembang/backend/domain"
	"kembang/backend/framework"
	"kembang/backend/store"
)

// Training events, participants from approved plan lines or by hand,
// attendance, completion (certificate number, training record, plan line
// done: one transaction per participant, in the store), learning
// activities, Kirkpatrick evaluations and awards.

// EventItem is one line of the event list.
type EventItem struct {
	Event        domain.TrainingEvent `json:"event"`
	MethodName   string               `json:"methodName"`
	Participants int                  `json:"participants"`
	Completed    int                  `json:"completed"`
}

// NeedLine is a plan line waiting for an event: the unit's needs.
type NeedLine struct {
	PlanID         string            `json:"planId"`
	LineID         string            `json:"lineId"`
	EmployeeID     string            `json:"employeeId"`
	NIP            string            `json:"nip"`
	Name           string            `json:"name"`
	UnitName       string            `json:"unitName"`
	Year           int               `json:"year"`
	CompetencyCode string            `json:"competencyCode"`
	CompetencyName string            `json:"competencyName"`
	Gap            float64           `json:"gap"`
	MethodCode     string            `json:"methodCode"`
	Programme      string            `json:"programme"`
	PlannedStart   string            `json:"plannedStart"`
	PlannedJP      float64           `json:"plannedJp"`
	Status         domain.LineStatus `json:"status"`
}

// ParticipantView is a participant with what the event screen shows.
type ParticipantView struct {
	Participant domain.Participant  `json:"participant"`
	Employee    AnalysisEmployee    `json:"employee"`
	Attendance  map[string]bool     `json:"attendance"`
	PresentDays int                 `json:"presentDays"`
	PlanLine    *NeedLine           `json:"planLine"`
	Evaluations []domain.Evaluation `json:"evaluations"`
	GapClosed   *bool               `json:"gapClosed"`
}

// EventView is one event with its participants.
type EventView struct {
	Event             domain.TrainingEvent     `json:"event"`
	Method            domain.DevelopmentMethod `json:"method"`
	Days              []string                 `json:"days"`
	Participants      []ParticipantView        `json:"participants"`
	CertificateFormat string                   `json:"certificateFormat"`
}

// LineRef names a plan line.
type LineRef struct {
	PlanID string `json:"planId"`
	LineID string `json:"lineId"`
}

// IncompleteParticipant is one participant a completion left incomplete.
type IncompleteParticipant struct {
	ParticipantID string `json:"participantId"`
	Name          string `json:"name"`
	PresentDays   int    `json:"presentDays"`
	Days          int    `json:"days"`
}

// IssuedCertificate is one number a completion issued.
type IssuedCertificate struct {
	ParticipantID string `json:"participantId"`
	Name          string `json:"name"`
	CertificateNo string `json:"certificateNo"`
}

// CompletionResult says what completing an event did.
type CompletionResult struct {
	Completed    int                     `json:"completed"`
	Incomplete   []IncompleteParticipant `json:"incomplete"`
	Certificates []IssuedCertificate     `json:"certificates"`
}

// EventQuery selects events for the list.
type EventQuery struct {
	Year       int    `json:"year"`
	Text       string `json:"text"`
	MethodCode string `json:"methodCode"`
}

func methodName(code string) string {
	if m, ok := framework.Method(code); ok {
		return m.Name
	}
	return code
}

// ListEvents lists events with participant counts.
func (c *Core) ListEvents(ctx context.Context, q EventQuery) ([]EventItem, error) {
	evs, err := c.Store.ListEvents(ctx, store.EventFilter{Year: q.Year})
	if err != nil {
		return nil, err
	}
	text := strings.ToLower(strings.TrimSpace(q.Text))
	var keep []domain.TrainingEvent
	for _, ev := range evs {
		if q.MethodCode != "" && ev.MethodCode != q.MethodCode {
			continue
		}
		if text != "" && !strings.Contains(strings.ToLower(ev.Name+" "+ev.Code+" "+ev.Provider), text) {
			continue
		}
		keep = append(keep, ev)
	}
	return c.eventItems(ctx, keep)
}

func (c *Core) eventItems(ctx context.Context, evs []domain.TrainingEvent) ([]EventItem, error) {
	out := make([]EventItem, 0, len(evs))
	if len(evs) == 0 {
		return out, nil
	}
	ids := make([]string, len(evs))
	for i, ev := range evs {
		ids[i] = ev.ID
	}
	ps, err := c.Store.ListParticipants(ctx, store.ParticipantFilter{EventIDs: ids})
	if err != nil {
		return nil, err
	}
	count, done := map[string]int{}, map[string]int{}
	for _, p := range ps {
		if p.Status == domain.ParticipantCancelled {
			continue
		}
		count[p.EventID]++
		if p.Status == domain.ParticipantCompleted {
			done[p.EventID]++
		}
	}
	for _, ev := range evs {
		out = append(out, EventItem{Event: ev, MethodName: methodName(ev.MethodCode), Participants: count[ev.ID], Completed: done[ev.ID]})
	}
	return out, nil
}

// SaveEvent stores an event; an empty code gets one derived from its id.
func (c *Core) SaveEvent(ctx context.Context, ev domain.TrainingEvent) (*domain.TrainingEvent, error) {
	if ev.ID == "" && ev.Version == 0 {
		ev.ID = c.Store.NewID()
	}
	if strings.TrimSpace(ev.Code) == "" {
		hex := strings.ReplaceAll(ev.ID, "-", "")
		ev.Code = "EV-" + strings.ToUpper(hex[max(0, len(hex)-6):])
	}
	if err := c.Store.SaveEvent(ctx, &ev, framework.MethodsByCode()); err != nil {
		return nil, err
	}
	return &ev, nil
}

// ComputeJP previews a method's conversion rule.
func (c *Core) ComputeJP(methodCode string, days float64, sessions int, statedJP float64, international bool) (float64, error) {
	m, ok := framework.Method(methodCode)
	if !ok {
		return 0, domain.E(domain.CodeMethodUnknown, "jp.compute", nil, "methodCode", methodCode)
	}
	return domain.ComputeJP(m.JP, days, sessions, statedJP, international)
}

// eventDays lists the dates from start to end.
func eventDays(ev domain.TrainingEvent) []string {
	out := []string{}
	s, err1 := time.Parse(time.DateOnly, ev.StartDate)
	e, err2 := time.Parse(time.DateOnly, ev.EndDate)
	if err1 != nil || err2 != nil {
		return out
	}
	for d := s; !d.After(e) && len(out) < 366; d = d.AddDate(0, 0, 1) {
		out = append(out, d.Format(time.DateOnly))
	}
	return out
}

func analysisEmployee(e *store.EmployeeBrief) AnalysisEmployee {
	return AnalysisEmployee{ID: e.ID, NIP: e.NIP, NIPPrinted: domain.FormatNIP(e.NIP), Name: e.Name, FullName: e.FullName(),
		UnitID: e.UnitID, UnitName: e.UnitName, PositionID: e.PositionID, PositionName: e.PositionName}
}

// briefIndex maps id → live employee of the office.
func (c *Core) briefIndex(ctx context.Context) (map[string]*store.EmployeeBrief, error) {
	emps, err := c.Store.EmployeeBriefs(ctx, nil)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*store.EmployeeBrief, len(emps))
	for i := range emps {
		out[emps[i].ID] = &emps[i]
	}
	return out, nil
}

// EventView loads an event with its participants, attendance,
// evaluations, linked plan lines and whether the targeted gap closed.
func (c *Core) EventView(ctx context.Context, id string) (*EventView, error) {
	ev, err := c.Store.GetEvent(ctx, id)
	if err != nil {
		return nil, err
	}
	if ev.Deleted {
		return nil, domain.E(domain.CodeNotFound, "training.get_event", nil, "entity", "training_event", "id", id)
	}
	set, err := c.DevelopmentSettings(ctx)
	if err != nil {
		return nil, err
	}
	m, _ := framework.Method(ev.MethodCode)
	v := &EventView{Event: *ev, Method: m, Days: eventDays(*ev), Participants: []ParticipantView{}, CertificateFormat: ev.CertificateFormat}
	if v.CertificateFormat == "" {
		v.CertificateFormat = set.CertificateFormat
	}
	ps, err := c.Store.ListParticipants(ctx, store.ParticipantFilter{EventIDs: []string{id}})
	if err != nil {
		return nil, err
	}
	marks, err := c.Store.ListAttendance(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	evals, err := c.Store.ListEvaluations(ctx, store.EvaluationFilter{EventIDs: []string{id}})
	if err != nil {
		return nil, err
	}
	emps, err := c.briefIndex(ctx)
	if err != nil {
		return nil, err
	}
	comps, err := c.competencyIndex(ctx)
	if err != nil {
		return nil, err
	}
	empIDs := make([]string, 0, len(ps))
	for _, p := range ps {
		empIDs = append(empIDs, p.EmployeeID)
	}
	plans, err := c.Store.ListPlans(ctx, store.PlanFilter{EmployeeIDs: empIDs})
	if err != nil {
		return nil, err
	}
	planByID := make(map[string]*domain.DevelopmentPlan, len(plans))
	for i := range plans {
		planByID[plans[i].ID] = &plans[i]
	}
	outcomes, err := c.gapOutcomes(ctx, empIDs)
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		pv := ParticipantView{Participant: p, Attendance: map[string]bool{}, Evaluations: []domain.Evaluation{}}
		if e, ok := emps[p.EmployeeID]; ok {
			pv.Employee = analysisEmployee(e)
		} else {
			pv.Employee = AnalysisEmployee{ID: p.EmployeeID}
		}
		for _, a := range marks {
			if a.ParticipantID == p.ID {
				pv.Attendance[a.Date] = a.Present
			}
		}
		pv.PresentDays = domain.AttendanceSummary(*ev, p.ID, marks)
		for _, e := range evals {
			if e.ParticipantID == p.ID {
				pv.Evaluations = append(pv.Evaluations, e)
			}
		}
		if plan := planByID[p.PlanID]; plan != nil {
			for _, l := range plan.Lines {
				if l.ID == p.PlanLineID {
					nl := needLine(plan, l, emps[p.EmployeeID], comps)
					pv.PlanLine = &nl
					if closed, ok := outcomes.closed(p.EmployeeID, l, ev.EndDate); ok {
						pv.GapClosed = &closed
					}
				}
			}
		}
		v.Participants = append(v.Participants, pv)
	}
	sort.SliceStable(v.Participants, func(i, j int) bool {
		return v.Participants[i].Employee.FullName < v.Participants[j].Employee.FullName
	})
	return v, nil
}

func needLine(p *domain.DevelopmentPlan, l domain.PlanLine, e *store.EmployeeBrief, comps map[string]domain.Competency) NeedLine {
	n := NeedLine{PlanID: p.ID, LineID: l.ID, EmployeeID: p.EmployeeID, Year: p.Year, CompetencyCode: l.CompetencyCode,
		CompetencyName: comps[l.CompetencyCode].Name, Gap: l.Gap, MethodCode: l.MethodCode, Programme: l.Programme,
		PlannedStart: l.PlannedStart, PlannedJP: l.PlannedJP, Status: l.Status}
	if e != nil {
		n.NIP, n.Name, n.UnitName = e.NIP, e.FullName(), e.UnitName
	}
	return n
}

// gapOutcome holds, per employee, the finalized assessments that could be
// a reassessment, for domain.GapClosed.
type gapOutcome struct {
	byEmp     map[string][]domain.Assessment
	positions map[string]domain.Position
	empPos    map[string]string
	comps     map[string]domain.Competency
	set       AnalysisSettings
}

func (c *Core) gapOutcomes(ctx context.Context, empIDs []string) (*gapOutcome, error) {
	g := &gapOutcome{byEmp: map[string][]domain.Assessment{}, empPos: map[string]string{}}
	if len(empIDs) == 0 {
		return g, nil
	}
	as, err := c.finalizedOf(ctx, empIDs, "")
	if err != nil {
		return nil, err
	}
	for _, a := range as {
		g.byEmp[a.EmployeeID] = append(g.byEmp[a.EmployeeID], a)
	}
	if g.positions, err = c.positionIndex(ctx); err != nil {
		return nil, err
	}
	if g.comps, err = c.competencyIndex(ctx); err != nil {
		return nil, err
	}
	if g.set, err = c.AnalysisSettings(ctx); err != nil {
		return nil, err
	}
	emps, err := c.briefIndex(ctx)
	if err != nil {
		return nil, err
	}
	for _, id := range empIDs {
		if e, ok := emps[id]; ok {
			g.empPos[id] = e.PositionID
		}
	}
	return g, nil
}

// closed reports whether a reassessment after the training closed the gap
// the plan line targeted: the newest period with a finalized assessment of
// that competency dated (assessedOn) on or after the event's end. ok is
// false while there is no such reassessment.
func (g *gapOutcome) closed(employeeID string, l domain.PlanLine, after string) (closed, ok bool) {
	if l.CompetencyCode == "" {
		return false, false
	}
	period := ""
	for _, a := range g.byEmp[employeeID] {
		if a.AssessedOn == "" || a.AssessedOn < after {
			continue
		}
		for _, it := range a.Items {
			if it.CompetencyCode == l.CompetencyCode && it.Level > 0 && (period == "" || domain.NaturalLess(period, a.Period)) {
				period = a.Period
			}
		}
	}
	if period == "" {
		return false, false
	}
	var as []domain.Assessment
	for _, a := range g.byEmp[employeeID] {
		if a.Period == period {
			as = append(as, a)
		}
	}
	var standards domain.Standards
	if p, ok := g.positions[g.empPos[employeeID]]; ok {
		standards = p.Standards
	}
	r := analyse(as, standards, g.comps, g.set)
	before := domain.GapLine{Code: l.CompetencyCode, Standard: l.Standard, Actual: l.Actual, Assessed: true, Gap: l.Gap}
	for _, gl := range r.jpm.Lines {
		if gl.Code == l.CompetencyCode {
			return domain.GapClosed(before, gl), true
		}
	}
	return false, false
}

// Needs lists the open lines of approved or in-progress plans of year in a
// unit subtree not yet linked to an event (methodCode "" = any).
func (c *Core) Needs(ctx context.Context, unitID string, year int, methodCode string) ([]NeedLine, error) {
	units, err := c.unitScope(ctx, unitID)
	if err != nil {
		return nil, err
	}
	emps, err := c.Store.EmployeeBriefs(ctx, units)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*store.EmployeeBrief, len(emps))
	ids := make([]string, len(emps))
	for i := range emps {
		byID[emps[i].ID] = &emps[i]
		ids[i] = emps[i].ID
	}
	plans, err := c.Store.ListPlans(ctx, store.PlanFilter{Year: year, EmployeeIDs: ids,
		States: []domain.PlanState{domain.PlanApproved, domain.PlanInProgress}})
	if err != nil {
		return nil, err
	}
	linked := map[string]bool{}
	ps, err := c.Store.ListParticipants(ctx, store.ParticipantFilter{EmployeeIDs: ids})
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		if p.PlanLineID != "" && p.Status != domain.ParticipantCancelled {
			linked[p.PlanID+"/"+p.PlanLineID] = true
		}
	}
	comps, err := c.competencyIndex(ctx)
	if err != nil {
		return nil, err
	}
	out := []NeedLine{}
	for i := range plans {
		p := &plans[i]
		for _, l := range p.Lines {
			if (l.Status != domain.LinePlanned && l.Status != domain.LineInProgress) || linked[p.ID+"/"+l.ID] ||
				(methodCode != "" && l.MethodCode != methodCode) {
				continue
			}
			out = append(out, needLine(p, l, byID[p.EmployeeID], comps))
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Gap != out[j].Gap {
			return out[i].Gap < out[j].Gap
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

// AddFromPlans registers the employees of plan lines in an event.
func (c *Core) AddFromPlans(ctx context.Context, eventID string, lines []LineRef) (*EventView, error) {
	for _, r := range lines {
		p, err := c.Store.GetPlan(ctx, r.PlanID)
		if err != nil {
			return nil, err
		}
		if _, err := c.Store.AddParticipant(ctx, eventID, p.EmployeeID, r.PlanID, r.LineID); err != nil {
			return nil, err
		}
	}
	return c.EventView(ctx, eventID)
}

// AddParticipants registers employees by hand.
func (c *Core) AddParticipants(ctx context.Context, eventID string, employeeIDs []string) (*EventView, error) {
	for _, id := range employeeIDs {
		if _, err := c.Store.AddParticipant(ctx, eventID, id, "", ""); err != nil {
			return nil, err
		}
	}
	return c.EventView(ctx, eventID)
}

// CancelParticipant cancels a participation.
func (c *Core) CancelParticipant(ctx context.Context, participantID string) (*EventView, error) {
	p, err := c.Store.CancelParticipant(ctx, participantID)
	if err != nil {
		return nil, err
	}
	return c.EventView(ctx, p.EventID)
}

// completionInput builds what the store needs to complete in ev.
func (c *Core) completionInput(ctx context.Context, ev *domain.TrainingEvent) (store.CompletionInput, error) {
	set, err := c.DevelopmentSettings(ctx)
	if err != nil {
		return store.CompletionInput{}, err
	}
	m, ok := framework.Method(ev.MethodCode)
	if !ok {
		return store.CompletionInput{}, domain.E(domain.CodeMethodUnknown, "training.complete", nil, "methodCode", ev.MethodCode)
	}
	format := ev.CertificateFormat
	if format == "" {
		format = set.CertificateFormat
	}
	return store.CompletionInput{Method: m, Rule: domain.CompletionRule{MinAttendance: set.MinAttendance},
		Issuer: store.CertificateIssuer{Format: format, Office: set.OfficeCode, Device: set.DeviceCode}}, nil
}

// CompleteEvent completes every registered (or earlier incomplete)
// participant, one transaction each.
func (c *Core) CompleteEvent(ctx context.Context, eventID string) (*CompletionResult, error) {
	ev, err := c.Store.GetEvent(ctx, eventID)
	if err != nil {
		return nil, err
	}
	in, err := c.completionInput(ctx, ev)
	if err != nil {
		return nil, err
	}
	ps, err := c.Store.ListParticipants(ctx, store.ParticipantFilter{EventIDs: []string{eventID},
		Statuses: []domain.ParticipantStatus{domain.ParticipantRegistered, domain.ParticipantIncomplete}})
	if err != nil {
		return nil, err
	}
	emps, err := c.briefIndex(ctx)
	if err != nil {
		return nil, err
	}
	res := &CompletionResult{Incomplete: []IncompleteParticipant{}, Certificates: []IssuedCertificate{}}
	for _, p := range ps {
		name := ""
		if e := emps[p.EmployeeID]; e != nil {
			name = e.FullName()
		}
		comp, done, err := c.Store.CompleteParticipant(ctx, p.ID, in)
		if domain.IsCode(err, domain.CodeTrainingAttendanceShort) {
			res.Incomplete = append(res.Incomplete, IncompleteParticipant{ParticipantID: p.ID, Name: name, PresentDays: comp.PresentDays, Days: comp.Days})
			continue
		}
		if err != nil {
			return res, err
		}
		res.Completed++
		if done.CertificateNo != "" {
			res.Certificates = append(res.Certificates, IssuedCertificate{ParticipantID: p.ID, Name: name, CertificateNo: done.CertificateNo})
		}
	}
	return res, nil
}

// CompleteParticipant completes one participant and returns its view.
func (c *Core) CompleteParticipant(ctx context.Context, participantID string) (*ParticipantView, error) {
	p, err := c.Store.GetParticipant(ctx, participantID)
	if err != nil {
		return nil, err
	}
	ev, err := c.Store.GetEvent(ctx, p.EventID)
	if err != nil {
		return nil, err
	}
	in, err := c.completionInput(ctx, ev)
	if err != nil {
		return nil, err
	}
	if _, _, err := c.Store.CompleteParticipant(ctx, participantID, in); err != nil {
		return nil, err
	}
	v, err := c.EventView(ctx, p.EventID)
	if err != nil {
		return nil, err
	}
	for i := range v.Participants {
		if v.Participants[i].Participant.ID == participantID {
			return &v.Participants[i], nil
		}
	}
	return nil, domain.E(domain.CodeNotFound, "training.complete", nil, "entity", "training_participant", "id", participantID)
}

// EvaluationSummary is the Kirkpatrick summary of one event.
type EvaluationSummary struct {
	Reaction     *float64       `json:"reaction"`
	PreTest      *float64       `json:"preTest"`
	PostTest     *float64       `json:"postTest"`
	LearningGain *float64       `json:"learningGain"`
	Behaviour    *float64       `json:"behaviour"`
	Evaluated    map[string]int `json:"evaluated"`
	TargetedGaps int            `json:"targetedGaps"`
	ClosedGaps   int            `json:"closedGaps"`
}

func mean(xs []float64) *float64 {
	if len(xs) == 0 {
		return nil
	}
	var s float64
	for _, x := range xs {
		s += x
	}
	m := float64(int64(s/float64(len(xs))*100+0.5)) / 100
	return &m
}

// EvaluationSummary averages an event's evaluations per level.
func (c *Core) EvaluationSummary(ctx context.Context, eventID string) (*EvaluationSummary, error) {
	v, err := c.EventView(ctx, eventID)
	if err != nil {
		return nil, err
	}
	out := &EvaluationSummary{Evaluated: map[string]int{"1": 0, "2": 0, "3": 0, "4": 0}}
	var l1, pre, post, gain, l3 []float64
	for _, p := range v.Participants {
		for _, e := range p.Evaluations {
			out.Evaluated[string(rune('0'+e.Level))]++
			switch e.Level {
			case domain.LevelReaction:
				if e.Score != nil {
					l1 = append(l1, *e.Score)
				}
			case domain.LevelLearning:
				if e.Score != nil {
					post = append(post, *e.Score)
					if e.PreScore != nil {
						pre = append(pre, *e.PreScore)
						gain = append(gain, domain.LearningGain(*e.PreScore, *e.Score))
					}
				}
			case domain.LevelBehaviour:
				if e.Score != nil {
					l3 = append(l3, *e.Score)
				}
			}
		}
		if p.PlanLine != nil && p.PlanLine.CompetencyCode != "" && p.Participant.Status == domain.ParticipantCompleted {
			out.TargetedGaps++
			if p.GapClosed != nil && *p.GapClosed {
				out.ClosedGaps++
			}
		}
	}
	out.Reaction, out.PreTest, out.PostTest, out.LearningGain, out.Behaviour = mean(l1), mean(pre), mean(post), mean(gain), mean(l3)
	return out, nil
}

// AwardItem is an award with its recipient.
type AwardItem struct {
	Award    domain.Award `json:"award"`
	Name     string       `json:"name"`
	NIP      string       `json:"nip"`
	UnitName string       `json:"unitName"`
}

// ListAwards lists the awards of year (0 = all).
func (c *Core) ListAwards(ctx context.Context, year int) ([]AwardItem, error) {
	as, err := c.Store.ListAwards(ctx, year)
	if err != nil {
		return nil, err
	}
	emps, err := c.briefIndex(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]AwardItem, 0, len(as))
	for _, a := range as {
		it := AwardItem{Award: a, Name: a.RecipientName}
		if e := emps[a.EmployeeID]; e != nil {
			it.Name, it.NIP, it.UnitName = e.FullName(), e.NIP, e.UnitName
		}
		out = append(out, it)
	}
	return out, nil
}

// AwardSuggestion proposes an award.
type AwardSuggestion struct {
	Kind       domain.AwardKind `json:"kind"`
	EmployeeID string           `json:"employeeId"`
	Name       string           `json:"name"`
	Value      float64          `json:"value"`
	Reason     string           `json:"reason"`
}

// SuggestAwards proposes the highest JP of the year (ties included) and
// the employees whose plan of the year is done.
func (c *Core) SuggestAwards(ctx context.Context, year int) ([]AwardSuggestion, error) {
	emps, err := c.briefIndex(ctx)
	if err != nil {
		return nil, err
	}
	recs, err := c.Store.JPRecords(ctx, year, year)
	if err != nil {
		return nil, err
	}
	recs = domain.CapMonthly(recs, framework.MonthlyJPCaps())
	total := map[string]int64{}
	for _, r := range recs {
		if emps[r.EmployeeID] != nil {
			total[r.EmployeeID] += int64(r.JP*100 + 0.5)
		}
	}
	var best int64
	for _, t := range total {
		best = max(best, t)
	}
	out := []AwardSuggestion{}
	if best > 0 {
		for id, t := range total {
			if t == best {
				out = append(out, AwardSuggestion{Kind: domain.AwardHighestJP, EmployeeID: id, Name: emps[id].FullName(),
					Value: float64(t) / 100, Reason: "jp.highest"})
			}
		}
	}
	plans, err := c.Store.ListPlans(ctx, store.PlanFilter{Year: year, States: []domain.PlanState{domain.PlanDone}})
	if err != nil {
		return nil, err
	}
	for i := range plans {
		if e := emps[plans[i].EmployeeID]; e != nil {
			out = append(out, AwardSuggestion{Kind: domain.AwardPlanCompleted, EmployeeID: e.ID, Name: e.FullName(),
				Value: realisedJP(&plans[i]), Reason: "plan.done"})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind < out[j].Kind
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}
