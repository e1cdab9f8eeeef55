package core_test

import (
	"context"
	"testing"
	"time"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/framework"
	"kembang/backend/store"
)

func TestDraftPlanFromLatestFinalizedGaps(t *testing.T) {
	t.Parallel()
	c := openCore(t)
	ctx := context.Background()
	o := buildOffice(t, c, 1, 3)
	assessAll(t, c, o, "2025")
	emp := o.employees[0]

	v, err := c.DraftPlan(ctx, emp.ID, 2026, false)
	if err != nil {
		t.Fatal(err)
	}
	if v.Plan.ID != domain.PlanID(emp.ID, 2026) || v.Plan.State != domain.PlanDraft || v.AnalysisPeriod != "2025" {
		t.Fatalf("plan %s %s period %q", v.Plan.ID, v.Plan.State, v.AnalysisPeriod)
	}
	if len(v.Plan.Lines) == 0 {
		t.Fatal("no lines drafted for an employee with gaps")
	}
	rules, methods := framework.DraftingRules(), framework.MethodsByCode()
	for i, l := range v.Plan.Lines {
		if l.Priority != i+1 || l.Gap >= 0 {
			t.Errorf("line %d: priority %d gap %v, want priority %d and a need", i, l.Priority, l.Gap, i+1)
		}
		if i > 0 && l.Gap < v.Plan.Lines[i-1].Gap {
			t.Errorf("line %d gap %v larger than the line before (%v): largest gaps first", i, l.Gap, v.Plan.Lines[i-1].Gap)
		}
		want := domain.ProposeMethods(rules, l.CompetencyType, -l.Gap)
		if len(want) == 0 || l.MethodCode != want[0] {
			t.Errorf("line %s (%s, gap %v): method %q, want the rule's first %v", l.CompetencyCode, l.CompetencyType, l.Gap, l.MethodCode, want)
		}
		if l.PlannedJP != domain.PlanningJP(methods[l.MethodCode]) {
			t.Errorf("line %s planned JP %v", l.CompetencyCode, l.PlannedJP)
		}
	}

	cases := []struct {
		name    string
		emp     string
		replace bool
		code    string
	}{
		{"the plan of the year exists", emp.ID, false, domain.CodeConflict},
		{"an employee without finalized results", "", false, domain.CodePlanNoAnalysis},
		{"an unknown employee", "nobody", false, domain.CodeNotFound},
	}
	noResults := domain.Employee{NIP: "198101012006041001", Name: "Tanpa Nilai"}
	if err := c.Store.SaveEmployee(ctx, &noResults); err != nil {
		t.Fatal(err)
	}
	cases[1].emp = noResults.ID
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := c.DraftPlan(ctx, tc.emp, 2026, tc.replace); !domain.IsCode(err, tc.code) {
				t.Errorf("error %v, want %s", err, tc.code)
			}
		})
	}
	again, err := c.DraftPlan(ctx, emp.ID, 2026, true)
	if err != nil {
		t.Fatal(err)
	}
	if again.Plan.Version != 2 || len(again.Plan.Lines) != len(v.Plan.Lines) || again.Plan.Lines[0].ID == v.Plan.Lines[0].ID {
		t.Errorf("redraft: v%d with %d lines", again.Plan.Version, len(again.Plan.Lines))
	}
	// Submitted plans are not redrafted.
	if _, err := c.TransitionPlan(ctx, again.Plan.ID, domain.PlanSubmitted, domain.Approver{}, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DraftPlan(ctx, emp.ID, 2026, true); !domain.IsCode(err, domain.CodePlanLocked) {
		t.Errorf("redraft of a submitted plan: %v", err)
	}
	// Career target: the gap against another position's standard.
	target := domain.Position{Name: "Kepala Bidang", Type: domain.Administrator, Standards: domain.Standards{"M.1": 4, "M.2": 4}}
	if err := c.Store.SavePosition(ctx, &target); err != nil {
		t.Fatal(err)
	}
	tv, err := c.SetPlanTarget(ctx, again.Plan.ID, target.ID)
	if err != nil {
		t.Fatal(err)
	}
	if tv.TargetPositionName != "Kepala Bidang" || len(tv.Plan.TargetGaps) != 2 || tv.Plan.TargetGaps[0].Standard != 4 {
		t.Errorf("target = %q %+v", tv.TargetPositionName, tv.Plan.TargetGaps)
	}
}

func TestDraftPlansForAUnitReportsProgressAndSkipsExisting(t *testing.T) {
	t.Parallel()
	c := openCore(t)
	ctx := context.Background()
	o := buildOffice(t, c, 2, 5)
	assessAll(t, c, o, "2026")
	nobody := domain.Employee{NIP: "198101012006041001", Name: "Tanpa Nilai", UnitID: &o.units[0].ID}
	if err := c.Store.SaveEmployee(ctx, &nobody); err != nil {
		t.Fatal(err)
	}
	var last, calls int
	res, err := c.DraftPlans(ctx, o.units[0].ID, 2026, func(done, total int) {
		calls++
		if done < last || total != 6 {
			t.Errorf("progress %d/%d after %d", done, total, last)
		}
		last = done
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 5 || res.NoAnalysis != 1 || res.Existing != 0 || last != 6 || calls < 2 {
		t.Errorf("result %+v, last progress %d, %d calls", res, last, calls)
	}
	res, err = c.DraftPlans(ctx, "", 2026, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 5 || res.Existing != 5 || res.NoAnalysis != 1 {
		t.Errorf("office draft %+v, want 5 created (other unit), 5 existing, 1 without results", res)
	}
	list, err := c.ListPlans(ctx, core.PlanQuery{Year: 2026, UnitID: o.units[1].ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 5 || list[0].Lines == 0 || list[0].PlannedJP < 0 {
		t.Errorf("unit list = %+v", list)
	}
}

func TestEventCompletionFeedsHistoryComplianceBudgetAndReminders(t *testing.T) {
	t.Parallel()
	c := openCore(t)
	ctx := context.Background()
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	c.Store.Now = func() time.Time { return now }
	o := buildOffice(t, c, 1, 3)
	assessAll(t, c, o, "2026")
	set, err := c.DevelopmentSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !domain.ValidDeviceCode(set.DeviceCode) {
		t.Fatalf("device code %q", set.DeviceCode)
	}
	set.DeviceCode = "B"
	if _, err := c.SaveDevelopmentSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	// A plan approved by the supervisor, its first line realised by the event.
	v, err := c.DraftPlan(ctx, o.employees[0].ID, 2026, false)
	if err != nil {
		t.Fatal(err)
	}
	boss := domain.Approver{Name: "Kepala Dinas", NIP: "197001011995031001"}
	for _, to := range []domain.PlanState{domain.PlanSubmitted, domain.PlanApproved} {
		if v, err = c.TransitionPlan(ctx, v.Plan.ID, to, boss, ""); err != nil {
			t.Fatal(err)
		}
	}
	ev, err := c.SaveEvent(ctx, domain.TrainingEvent{Name: "Workshop Arsip", MethodCode: "workshop", StartDate: "2026-03-10",
		EndDate: "2026-03-12", Budget: 9_000_000, RealisedCost: 6_000_000})
	if err != nil {
		t.Fatal(err)
	}
	if ev.JP != 15 || ev.Code == "" {
		t.Fatalf("event JP %v code %q, want 3 days × 5 JP and a generated code", ev.JP, ev.Code)
	}
	needs, err := c.Needs(ctx, "", 2026, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(needs) != len(v.Plan.Lines) {
		t.Fatalf("needs = %d, want the %d lines of the approved plan", len(needs), len(v.Plan.Lines))
	}
	if _, err := c.AddFromPlans(ctx, ev.ID, []core.LineRef{{PlanID: needs[0].PlanID, LineID: needs[0].LineID}}); err != nil {
		t.Fatal(err)
	}
	view, err := c.AddParticipants(ctx, ev.ID, []string{o.employees[1].ID, o.employees[2].ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(view.Participants) != 3 || len(view.Days) != 3 {
		t.Fatalf("%d participants, %d days", len(view.Participants), len(view.Days))
	}
	for _, day := range view.Days {
		if _, err := c.Store.SetAttendanceDay(ctx, ev.ID, day, true); err != nil {
			t.Fatal(err)
		}
	}
	// The third employee missed two days: incomplete.
	var third string
	for _, p := range view.Participants {
		if p.Employee.ID == o.employees[2].ID {
			third = p.Participant.ID
		}
	}
	for _, day := range view.Days[1:] {
		if _, err := c.Store.SetAttendance(ctx, third, day, false, ""); err != nil {
			t.Fatal(err)
		}
	}
	res, err := c.CompleteEvent(ctx, ev.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Completed != 2 || len(res.Incomplete) != 1 || len(res.Certificates) != 2 {
		t.Fatalf("completion %+v", res)
	}
	seen := map[string]bool{}
	for _, cert := range res.Certificates {
		if seen[cert.CertificateNo] {
			t.Errorf("certificate %s twice", cert.CertificateNo)
		}
		seen[cert.CertificateNo] = true
	}
	if !seen["001/"+ev.Code+"/B/2026"] || !seen["002/"+ev.Code+"/B/2026"] {
		t.Errorf("certificates %v", seen)
	}
	plan, err := c.PlanView(ctx, v.Plan.ID)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Plan.Lines[0].Status != domain.LineDone || plan.RealisedJP != 15 {
		t.Errorf("plan line %+v realised %v", plan.Plan.Lines[0], plan.RealisedJP)
	}
	hist, err := c.Store.ListTrainingRecords(ctx, o.employees[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 1 || hist[0].JP != 15 || hist[0].JenisDiklat == "" || hist[0].SIASNRecord != domain.SIASNKursus {
		t.Errorf("history %+v", hist)
	}

	comp, err := c.Compliance(ctx, 2026, "")
	if err != nil {
		t.Fatal(err)
	}
	if comp.Target != 20 || comp.Office.Count != 3 || comp.Office.BelowTarget != 3 || comp.Office.TotalJP != 30 {
		t.Errorf("office recap %+v", comp.Office)
	}
	if len(comp.Below) != 3 || comp.Below[0].Shortfall != 20 || comp.Below[len(comp.Below)-1].Shortfall != 5 {
		t.Errorf("below target %+v", comp.Below)
	}
	// What is planned for the plan owner: the lines not done yet, with their
	// planned JP (0 for methods whose JP is stated by the course, until a
	// programme is chosen — so compare with the lines, not with > 0).
	var openJP float64
	for _, l := range plan.Plan.Lines[1:] {
		openJP += l.PlannedJP
	}
	for _, b := range comp.Below {
		if b.EmployeeID == o.employees[0].ID && (len(b.Planned) != len(v.Plan.Lines)-1 || b.PlannedJP != openJP) {
			t.Errorf("planned for the plan owner = %+v (%v JP), want the %d open lines (%v JP)", b.Planned, b.PlannedJP, len(v.Plan.Lines)-1, openJP)
		}
	}
	budget, err := c.Budget(ctx, 2026, "")
	if err != nil {
		t.Fatal(err)
	}
	if budget.Total.Realised != 6_000_000 || budget.Total.JP != 30 || budget.Total.CostPerJP != 200_000 {
		t.Errorf("budget %+v", budget.Total)
	}
	up, err := c.Upcoming(ctx, 30)
	if err != nil || len(up) != 1 || up[0].Completed != 2 {
		t.Errorf("upcoming %+v %v", up, err)
	}

	// The behaviour evaluation falls due 90 days after the end.
	rem, err := c.Reminders(ctx)
	if err != nil || len(rem) != 0 {
		t.Fatalf("reminders before the delay: %+v %v", rem, err)
	}
	now = time.Date(2026, 6, 10, 9, 0, 0, 0, time.UTC)
	rem, err = c.Reminders(ctx)
	if err != nil || len(rem) != 2 || rem[0].DueDate != "2026-06-10" {
		t.Fatalf("reminders after the delay: %+v %v", rem, err)
	}
	score := 4.0
	if err := c.Store.SaveEvaluation(ctx, &domain.Evaluation{ParticipantID: rem[0].ParticipantID, Level: domain.LevelBehaviour,
		Date: "2026-06-10", EvaluatorName: "Kepala Dinas", Score: &score}); err != nil {
		t.Fatal(err)
	}
	if rem, _ = c.Reminders(ctx); len(rem) != 1 {
		t.Errorf("reminders after one L3 = %d, want 1", len(rem))
	}
	sum, err := c.EvaluationSummary(ctx, ev.ID)
	if err != nil || sum.Behaviour == nil || *sum.Behaviour != 4 || sum.Evaluated["3"] != 1 || sum.TargetedGaps != 1 {
		t.Errorf("summary %+v %v", sum, err)
	}
}

func TestLoadDemoFillsTheDevelopmentScreens(t *testing.T) {
	t.Parallel()
	c := openCore(t)
	ctx := context.Background()
	if _, err := c.LoadDemo(ctx, 60, 1); err != nil {
		t.Fatal(err)
	}
	plans, err := c.Store.ListPlans(ctx, store.PlanFilter{Year: 2026})
	if err != nil {
		t.Fatal(err)
	}
	states := map[domain.PlanState]int{}
	for _, p := range plans {
		states[p.State]++
	}
	if len(states) < 4 {
		t.Errorf("demo plan states %v, want several", states)
	}
	evs, err := c.ListEvents(ctx, core.EventQuery{})
	if err != nil {
		t.Fatal(err)
	}
	completed := 0
	for _, e := range evs {
		completed += e.Completed
	}
	if len(evs) != 4 || completed == 0 {
		t.Errorf("%d events, %d completed participants", len(evs), completed)
	}
	awards, err := c.ListAwards(ctx, 2026)
	if err != nil || len(awards) != 1 {
		t.Errorf("awards %+v %v", awards, err)
	}
}
