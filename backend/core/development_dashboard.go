package core

import (
	"context"
	"sort"
	"time"

	"kembang/backend/domain"
	"kembang/backend/framework"
	"kembang/backend/store"
)

// JP compliance, budget, upcoming events and L3 reminders. Each answer is a
// handful of queries over whole tables (employees, one year of training
// records, plans, events), aggregated in Go by the domain rules
// (CapMonthly, SummariseEmployees, RecapJP, SummariseBudget): never one
// query per employee.

// UnitJP is the compliance of one unit.
type UnitJP struct {
	UnitID   string         `json:"unitId"`
	UnitName string         `json:"unitName"`
	Recap    domain.JPRecap `json:"recap"`
}

// PlannedItem is something planned for an employee below target.
type PlannedItem struct {
	Source     string  `json:"source"` // "plan" or "event"
	PlanID     string  `json:"planId"`
	LineID     string  `json:"lineId"`
	EventID    string  `json:"eventId"`
	MethodCode string  `json:"methodCode"`
	Title      string  `json:"title"`
	Start      string  `json:"start"`
	JP         float64 `json:"jp"`
	Status     string  `json:"status"`
}

// BelowTarget is an employee below the JP target with what is planned.
type BelowTarget struct {
	EmployeeID   string        `json:"employeeId"`
	NIP          string        `json:"nip"`
	Name         string        `json:"name"`
	UnitName     string        `json:"unitName"`
	PositionName string        `json:"positionName"`
	Total        float64       `json:"total"`
	Shortfall    float64       `json:"shortfall"`
	PlannedJP    float64       `json:"plannedJp"`
	Planned      []PlannedItem `json:"planned"`
}

// Compliance is the JP compliance of a unit subtree or the office.
type Compliance struct {
	Year   int            `json:"year"`
	UnitID string         `json:"unitId"`
	Target float64        `json:"target"`
	Office domain.JPRecap `json:"office"`
	Units  []UnitJP       `json:"units"`
	Below  []BelowTarget  `json:"below"`
}

// jpSummaries computes the JP summaries of people for year.
func (c *Core) jpSummaries(ctx context.Context, emps []store.EmployeeBrief, year int, target float64) ([]domain.JPSummary, error) {
	recs, err := c.Store.JPRecords(ctx, year, year)
	if err != nil {
		return nil, err
	}
	recs = domain.CapMonthly(recs, framework.MonthlyJPCaps())
	people := make([]domain.JPPerson, len(emps))
	for i, e := range emps {
		people[i] = domain.JPPerson{EmployeeID: e.ID, UnitID: e.UnitID}
	}
	return domain.SummariseEmployees(people, recs, year, target), nil
}

// Compliance computes each employee's JP of year against the target, per
// unit and for the scope, and who is below it with what is planned.
func (c *Core) Compliance(ctx context.Context, year int, unitID string) (*Compliance, error) {
	set, err := c.DevelopmentSettings(ctx)
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
	sums, err := c.jpSummaries(ctx, emps, year, set.AnnualJPTarget)
	if err != nil {
		return nil, err
	}
	out := &Compliance{Year: year, UnitID: unitID, Target: set.AnnualJPTarget, Office: domain.RecapJP(sums),
		Units: []UnitJP{}, Below: []BelowTarget{}}
	unitNames := map[string]string{}
	for _, e := range emps {
		unitNames[e.UnitID] = e.UnitName
	}
	for id, r := range domain.RecapJPByUnit(sums) {
		out.Units = append(out.Units, UnitJP{UnitID: id, UnitName: unitNames[id], Recap: r})
	}
	sort.Slice(out.Units, func(i, j int) bool {
		if out.Units[i].UnitName != out.Units[j].UnitName {
			return out.Units[i].UnitName < out.Units[j].UnitName
		}
		return out.Units[i].UnitID < out.Units[j].UnitID
	})

	below := map[string]*BelowTarget{}
	for i, s := range sums {
		if !s.BelowTarget {
			continue
		}
		e := &emps[i]
		b := &BelowTarget{EmployeeID: e.ID, NIP: e.NIP, Name: e.FullName(), UnitName: e.UnitName, PositionName: e.PositionName,
			Total: s.Total, Shortfall: s.Shortfall, Planned: []PlannedItem{}}
		below[e.ID] = b
	}
	if len(below) > 0 {
		if err := c.plannedFor(ctx, year, below); err != nil {
			return nil, err
		}
	}
	for _, b := range below {
		out.Below = append(out.Below, *b)
	}
	sort.Slice(out.Below, func(i, j int) bool {
		a, b := out.Below[i], out.Below[j]
		if a.Shortfall != b.Shortfall {
			return a.Shortfall > b.Shortfall
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.EmployeeID < b.EmployeeID
	})
	return out, nil
}

// plannedFor fills what is planned for the people below target: the open
// lines of their plans of year and their registrations in events not yet
// completed.
func (c *Core) plannedFor(ctx context.Context, year int, below map[string]*BelowTarget) error {
	plans, err := c.Store.ListPlans(ctx, store.PlanFilter{Year: year})
	if err != nil {
		return err
	}
	linked := map[string]bool{}
	ps, err := c.Store.ListParticipants(ctx, store.ParticipantFilter{Statuses: []domain.ParticipantStatus{domain.ParticipantRegistered}})
	if err != nil {
		return err
	}
	var evIDs []string
	for _, p := range ps {
		if below[p.EmployeeID] != nil {
			evIDs = append(evIDs, p.EventID)
		}
	}
	events := map[string]domain.TrainingEvent{}
	if len(evIDs) > 0 {
		evs, err := c.Store.ListEvents(ctx, store.EventFilter{Year: year})
		if err != nil {
			return err
		}
		for _, ev := range evs {
			events[ev.ID] = ev
		}
	}
	for _, p := range ps {
		b := below[p.EmployeeID]
		ev, ok := events[p.EventID]
		if b == nil || !ok {
			continue
		}
		if p.PlanLineID != "" {
			linked[p.PlanID+"/"+p.PlanLineID] = true
		}
		b.Planned = append(b.Planned, PlannedItem{Source: "event", EventID: ev.ID, PlanID: p.PlanID, LineID: p.PlanLineID,
			MethodCode: ev.MethodCode, Title: ev.Name, Start: ev.StartDate, JP: ev.JP, Status: string(p.Status)})
		b.PlannedJP += ev.JP
	}
	for i := range plans {
		p := &plans[i]
		b := below[p.EmployeeID]
		if b == nil {
			continue
		}
		for _, l := range p.Lines {
			if (l.Status != domain.LinePlanned && l.Status != domain.LineInProgress) || linked[p.ID+"/"+l.ID] {
				continue
			}
			title := l.Programme
			if title == "" {
				title = methodName(l.MethodCode)
			}
			b.Planned = append(b.Planned, PlannedItem{Source: "plan", PlanID: p.ID, LineID: l.ID, MethodCode: l.MethodCode,
				Title: title, Start: l.PlannedStart, JP: l.PlannedJP, Status: string(l.Status)})
			b.PlannedJP += l.PlannedJP
		}
	}
	for _, b := range below {
		b.PlannedJP = float64(int64(b.PlannedJP*100+0.5)) / 100
		sort.SliceStable(b.Planned, func(i, j int) bool { return b.Planned[i].Start < b.Planned[j].Start })
	}
	return nil
}

// EmployeeJP is one employee's JP summary of year.
func (c *Core) EmployeeJP(ctx context.Context, employeeID string, year int) (*domain.JPSummary, error) {
	set, err := c.DevelopmentSettings(ctx)
	if err != nil {
		return nil, err
	}
	emp, err := c.Store.GetEmployee(ctx, employeeID)
	if err != nil {
		return nil, err
	}
	recs, err := c.Store.ListTrainingRecords(ctx, employeeID)
	if err != nil {
		return nil, err
	}
	jp := make([]domain.JPRecord, 0, len(recs))
	for _, r := range recs {
		jp = append(jp, r.JPRecord())
	}
	jp = domain.CapMonthly(jp, framework.MonthlyJPCaps())
	s := domain.SummariseJP(jp, year, set.AnnualJPTarget)
	s.EmployeeID, s.UnitID = employeeID, deref(emp.UnitID)
	return &s, nil
}

// Upcoming lists the events that have not ended and start within days.
func (c *Core) Upcoming(ctx context.Context, days int) ([]EventItem, error) {
	today := c.Store.Now().UTC().Format(time.DateOnly)
	until := c.Store.Now().UTC().AddDate(0, 0, max(days, 0)).Format(time.DateOnly)
	evs, err := c.Store.ListEvents(ctx, store.EventFilter{From: today, To: until})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].StartDate < evs[j].StartDate })
	return c.eventItems(ctx, evs)
}

// UnitBudget is the budget of one unit.
type UnitBudget struct {
	UnitID   string               `json:"unitId"`
	UnitName string               `json:"unitName"`
	Summary  domain.BudgetSummary `json:"summary"`
}

// BudgetReport compares planned and realised cost for a year.
type BudgetReport struct {
	Year   int                  `json:"year"`
	UnitID string               `json:"unitId"`
	Total  domain.BudgetSummary `json:"total"`
	Units  []UnitBudget         `json:"units"`
}

// Budget compares planned cost (plan lines) with realised cost (events,
// shared among their completed participants' units) per unit for year.
func (c *Core) Budget(ctx context.Context, year int, unitID string) (*BudgetReport, error) {
	units, err := c.unitScope(ctx, unitID)
	if err != nil {
		return nil, err
	}
	emps, err := c.Store.EmployeeBriefs(ctx, units)
	if err != nil {
		return nil, err
	}
	unitOf := make(map[string]string, len(emps))
	unitNames := map[string]string{}
	for _, e := range emps {
		unitOf[e.ID] = e.UnitID
		unitNames[e.UnitID] = e.UnitName
	}
	lines := map[string][]domain.BudgetLine{}
	plans, err := c.Store.ListPlans(ctx, store.PlanFilter{Year: year})
	if err != nil {
		return nil, err
	}
	for i := range plans {
		u, ok := unitOf[plans[i].EmployeeID]
		if !ok {
			continue
		}
		_, cost := domain.PlanTotals(&plans[i])
		lines[u] = append(lines[u], domain.BudgetLine{Planned: cost})
	}
	evs, err := c.Store.ListEvents(ctx, store.EventFilter{Year: year})
	if err != nil {
		return nil, err
	}
	if len(evs) > 0 {
		ids := make([]string, len(evs))
		for i, ev := range evs {
			ids[i] = ev.ID
		}
		ps, err := c.Store.ListParticipants(ctx, store.ParticipantFilter{EventIDs: ids, Statuses: []domain.ParticipantStatus{domain.ParticipantCompleted}})
		if err != nil {
			return nil, err
		}
		byEvent := map[string][]string{}
		for _, p := range ps {
			byEvent[p.EventID] = append(byEvent[p.EventID], p.EmployeeID)
		}
		for _, ev := range evs {
			people := byEvent[ev.ID]
			if len(people) == 0 {
				if unitID == "" {
					lines[""] = append(lines[""], domain.BudgetLine{Realised: ev.RealisedCost})
				}
				continue
			}
			share := ev.RealisedCost / int64(len(people))
			rest := ev.RealisedCost - share*int64(len(people))
			for i, emp := range people {
				u, ok := unitOf[emp]
				if !ok {
					continue
				}
				amount := share
				if i == 0 {
					amount += rest // the rupiah that do not divide evenly
				}
				lines[u] = append(lines[u], domain.BudgetLine{Realised: amount, JP: ev.JP})
			}
		}
	}
	out := &BudgetReport{Year: year, UnitID: unitID, Units: []UnitBudget{}}
	var all []domain.BudgetLine
	for u, ls := range lines {
		all = append(all, ls...)
		out.Units = append(out.Units, UnitBudget{UnitID: u, UnitName: unitNames[u], Summary: domain.SummariseBudget(ls)})
	}
	out.Total = domain.SummariseBudget(all)
	sort.Slice(out.Units, func(i, j int) bool {
		if out.Units[i].UnitName != out.Units[j].UnitName {
			return out.Units[i].UnitName < out.Units[j].UnitName
		}
		return out.Units[i].UnitID < out.Units[j].UnitID
	})
	return out, nil
}

// L3Reminder is a behaviour evaluation (EPP) that is due.
type L3Reminder struct {
	EventID       string `json:"eventId"`
	EventName     string `json:"eventName"`
	EndDate       string `json:"endDate"`
	DueDate       string `json:"dueDate"`
	ParticipantID string `json:"participantId"`
	EmployeeID    string `json:"employeeId"`
	Name          string `json:"name"`
	UnitName      string `json:"unitName"`
}

// Reminders lists completed participants whose L3 evaluation is due
// (domain.DueForL3 with the settings' delay) and not recorded.
func (c *Core) Reminders(ctx context.Context) ([]L3Reminder, error) {
	set, err := c.DevelopmentSettings(ctx)
	if err != nil {
		return nil, err
	}
	ps, err := c.Store.ListParticipants(ctx, store.ParticipantFilter{Statuses: []domain.ParticipantStatus{domain.ParticipantCompleted}})
	if err != nil {
		return nil, err
	}
	out := []L3Reminder{}
	if len(ps) == 0 {
		return out, nil
	}
	done, err := c.Store.ListEvaluations(ctx, store.EvaluationFilter{Level: domain.LevelBehaviour})
	if err != nil {
		return nil, err
	}
	has := map[string]bool{}
	for _, e := range done {
		has[e.ParticipantID] = true
	}
	evs, err := c.Store.ListEvents(ctx, store.EventFilter{})
	if err != nil {
		return nil, err
	}
	events := map[string]domain.TrainingEvent{}
	for _, ev := range evs {
		events[ev.ID] = ev
	}
	emps, err := c.briefIndex(ctx)
	if err != nil {
		return nil, err
	}
	delay := time.Duration(set.L3DelayDays) * 24 * time.Hour
	now := c.Store.Now()
	for _, p := range ps {
		ev, ok := events[p.EventID]
		e := emps[p.EmployeeID]
		if has[p.ID] || !ok || e == nil {
			continue
		}
		end, err := time.Parse(time.DateOnly, ev.EndDate)
		if err != nil || !domain.DueForL3(end, delay, now) {
			continue
		}
		out = append(out, L3Reminder{EventID: ev.ID, EventName: ev.Name, EndDate: ev.EndDate, DueDate: end.Add(delay).Format(time.DateOnly),
			ParticipantID: p.ID, EmployeeID: e.ID, Name: e.FullName(), UnitName: e.UnitName})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].DueDate != out[j].DueDate {
			return out[i].DueDate < out[j].DueDate
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}
