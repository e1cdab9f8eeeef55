package domain

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

var (
	planNow    = time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC)
	supervisor = Approver{Name: "Dra. Siti Aminah", NIP: "19740707 200212 2 008"}
)

// testMethods is a small catalogue for the plan rules.
func testMethods() map[string]DevelopmentMethod {
	mk := func(code string, route Route, rule JPRule, planning float64) DevelopmentMethod {
		return DevelopmentMethod{Code: code, Name: code, NameEN: code, Route: route, Form: FormTraining,
			JenisDiklat: code, SIASNRecord: SIASNKursus, JP: rule, PlanningJP: planning}
	}
	return map[string]DevelopmentMethod{
		"coaching":          mk("coaching", RouteNonClassical, ruleCoaching, 12),
		"mentoring":         mk("mentoring", RouteNonClassical, ruleCoaching, 12),
		"pelatihan_teknis":  mk("pelatihan_teknis", RouteClassical, ruleTeknis, 40),
		"workshop":          mk("workshop", RouteClassical, ruleWorkshop, 0),
		"komunitas_belajar": mk("komunitas_belajar", RouteNonClassical, ruleMandiri, 10),
		"seminar":           mk("seminar", RouteClassical, ruleSeminar, 0),
	}
}

func testRules() []DraftingRule {
	return []DraftingRule{
		{CompetencyType: Managerial, MinGap: 0, MaxGap: 1.5, Methods: []string{"coaching", "mentoring"}},
		{CompetencyType: Managerial, MinGap: 1.5, Methods: []string{"workshop", "coaching"}},
		{CompetencyType: Technical, MinGap: 1.5, Methods: []string{"retired_method", "pelatihan_teknis", "workshop"}},
		{CompetencyType: SocioCultural, Methods: []string{"komunitas_belajar", "seminar"}},
	}
}

// planWith returns a plan in state with one planned line per status given.
func planWith(state PlanState, statuses ...LineStatus) DevelopmentPlan {
	p := DevelopmentPlan{SyncMeta: SyncMeta{ID: PlanID("emp-1", 2025), Version: 1}, EmployeeID: "emp-1", Year: 2025, State: state}
	for i, s := range statuses {
		p.Lines = append(p.Lines, PlanLine{ID: fmt.Sprintf("line-%d", i+1), CompetencyCode: "M.3", Standard: 3, Actual: 2, Gap: -1,
			MethodCode: "coaching", Form: FormTraining, PlannedJP: 12, Status: s})
	}
	if state.approvedLike() {
		at := planNow.Add(-time.Hour)
		p.ApproverName, p.ApproverNIP, p.ApprovedAt = "Dra. Siti Aminah", "197407072002122008", &at
	}
	if state == PlanRevision {
		p.RevisionReason = "perbaiki target"
	}
	return p
}

func TestPlanIDIsOnePerEmployeeAndYear(t *testing.T) {
	a := PlanID("emp-1", 2025)
	if a != PlanID("emp-1", 2025) {
		t.Error("the same employee and year must give the same id on every laptop")
	}
	if a == PlanID("emp-1", 2026) || a == PlanID("emp-2", 2025) {
		t.Error("another year or employee must give another id")
	}
	if len(a) != 36 || a[14] != '5' || !strings.ContainsRune("89ab", rune(a[19])) {
		t.Errorf("%s is not a version-5 RFC 9562 UUID", a)
	}
}

func TestTransitionPlan(t *testing.T) {
	noActor := Approver{}
	tests := []struct {
		name     string
		plan     DevelopmentPlan
		to       PlanState
		actor    Approver
		reason   string
		wantCode string
	}{
		{"draft is submitted", planWith(PlanDraft, LinePlanned), PlanSubmitted, noActor, "", ""},
		{"an empty plan cannot be submitted", planWith(PlanDraft), PlanSubmitted, noActor, "", CodePlanEmpty},
		{"a plan of cancelled lines only cannot be submitted", planWith(PlanDraft, LineCancelled), PlanSubmitted, noActor, "", CodePlanEmpty},
		{"draft cannot skip the supervisor", planWith(PlanDraft, LinePlanned), PlanApproved, supervisor, "", CodePlanInvalidTransition},
		{"submitted is approved by the supervisor", planWith(PlanSubmitted, LinePlanned), PlanApproved, supervisor, "", ""},
		{"approval needs the approver's NIP", planWith(PlanSubmitted, LinePlanned), PlanApproved, Approver{Name: "Siti"}, "", CodePlanApproverRequired},
		{"approval needs the approver's name", planWith(PlanSubmitted, LinePlanned), PlanApproved, Approver{NIP: supervisor.NIP}, "", CodePlanApproverRequired},
		{"approval with a malformed NIP is refused", planWith(PlanSubmitted, LinePlanned), PlanApproved, Approver{Name: "Siti", NIP: "1974"}, "", CodeNIPLength},
		{"sending back needs a reason", planWith(PlanSubmitted, LinePlanned), PlanRevision, supervisor, "  ", CodePlanReasonRequired},
		{"sending back with a reason", planWith(PlanSubmitted, LinePlanned), PlanRevision, supervisor, "JP belum cukup", ""},
		{"revision is resubmitted", planWith(PlanRevision, LinePlanned), PlanSubmitted, noActor, "", ""},
		{"revision cannot be approved without resubmission", planWith(PlanRevision, LinePlanned), PlanApproved, supervisor, "", CodePlanInvalidTransition},
		{"approved starts", planWith(PlanApproved, LinePlanned), PlanInProgress, noActor, "", ""},
		{"approved never goes back to submitted silently", planWith(PlanApproved, LinePlanned), PlanSubmitted, supervisor, "x", CodePlanInvalidTransition},
		{"approved never goes back to draft", planWith(PlanApproved, LinePlanned), PlanDraft, supervisor, "x", CodePlanInvalidTransition},
		{"reopening needs who reopens", planWith(PlanApproved, LinePlanned), PlanRevision, noActor, "pindah jabatan", CodePlanApproverRequired},
		{"reopening needs a reason", planWith(PlanApproved, LinePlanned), PlanRevision, supervisor, "", CodePlanReasonRequired},
		{"explicit reopening of an approved plan", planWith(PlanApproved, LinePlanned), PlanRevision, supervisor, "pindah jabatan", ""},
		{"explicit reopening of a plan in progress", planWith(PlanInProgress, LineDone, LinePlanned), PlanRevision, supervisor, "anggaran dipotong", ""},
		{"in progress cannot finish with open lines", planWith(PlanInProgress, LineDone, LineInProgress), PlanDone, noActor, "", CodePlanLinesOpen},
		{"in progress finishes when every line is done or cancelled", planWith(PlanInProgress, LineDone, LineCancelled), PlanDone, noActor, "", ""},
		{"approved cannot jump to done", planWith(PlanApproved, LineDone), PlanDone, noActor, "", CodePlanInvalidTransition},
		{"done is final: no reopening", planWith(PlanDone, LineDone), PlanRevision, supervisor, "x", CodePlanInvalidTransition},
		{"done is final: no way back to in progress", planWith(PlanDone, LineDone), PlanInProgress, noActor, "", CodePlanInvalidTransition},
		{"unknown state", planWith(PlanDraft, LinePlanned), "archived", noActor, "", CodePlanStateInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.plan
			before := tt.plan
			before.Lines = append(PlanLines(nil), tt.plan.Lines...)
			err := TransitionPlan(&p, tt.to, tt.actor, tt.reason, planNow)
			if tt.wantCode != "" {
				if !IsCode(err, tt.wantCode) {
					t.Fatalf("error %v, want %s", err, tt.wantCode)
				}
				if !reflect.DeepEqual(p, before) {
					t.Errorf("a refused transition changed the plan:\n got %+v\nwant %+v", p, before)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error %v", err)
			}
			if p.State != tt.to || p.StateSeq != before.StateSeq+1 || len(p.History) != len(before.History)+1 {
				t.Fatalf("state %s seq %d history %d", p.State, p.StateSeq, len(p.History))
			}
			ev := p.History[len(p.History)-1]
			if ev.From != before.state() || ev.To != tt.to || !ev.At.Equal(planNow) || ev.Seq != p.StateSeq {
				t.Errorf("history entry %+v", ev)
			}
		})
	}
}

func TestTransitionPlanRecordsApprovalAndReopening(t *testing.T) {
	p := planWith(PlanDraft, LinePlanned)
	step := func(to PlanState, a Approver, reason string) {
		t.Helper()
		if err := TransitionPlan(&p, to, a, reason, planNow); err != nil {
			t.Fatalf("→ %s: %v", to, err)
		}
	}
	step(PlanSubmitted, Approver{}, "")
	step(PlanRevision, supervisor, "tambahkan mentoring")
	if p.RevisionReason != "tambahkan mentoring" {
		t.Errorf("reason %q not kept", p.RevisionReason)
	}
	step(PlanSubmitted, Approver{}, "")
	step(PlanApproved, supervisor, "")
	if p.ApproverName != "Dra. Siti Aminah" || p.ApproverNIP != "197407072002122008" || p.ApprovedAt == nil || !p.ApprovedAt.Equal(planNow) {
		t.Errorf("approval not recorded: %q %q %v", p.ApproverName, p.ApproverNIP, p.ApprovedAt)
	}
	if p.RevisionReason != "" {
		t.Error("approval must clear the old revision reason")
	}
	if err := TransitionPlan(&p, PlanApproved, Approver{}, "", planNow.Add(time.Hour)); err != nil || p.StateSeq != 4 {
		t.Errorf("repeating a transition must be a no-op: %v, seq %d", err, p.StateSeq)
	}
	step(PlanRevision, Approver{Name: "Kepala BKPSDM", NIP: "199001012015031001"}, "pindah jabatan")
	if p.ApproverName != "" || p.ApprovedAt != nil {
		t.Error("a reopened plan must not still look approved")
	}
	undone := p.History[3]
	if undone.To != PlanApproved || undone.ActorNIP != "197407072002122008" {
		t.Errorf("the history must keep the approval that was undone: %+v", undone)
	}
	reopen := p.History[4]
	if reopen.From != PlanApproved || reopen.To != PlanRevision || reopen.ActorNIP != "199001012015031001" || reopen.Reason != "pindah jabatan" {
		t.Errorf("reopening not recorded: %+v", reopen)
	}
	approved, done := planWith(PlanApproved), planWith(PlanDone)
	if !reflect.DeepEqual(approved.NextStates(), []PlanState{PlanInProgress, PlanRevision}) {
		t.Error("NextStates of an approved plan")
	}
	if len(done.NextStates()) != 0 {
		t.Error("done must offer no next state")
	}
}

func TestCheckPlanUpdate(t *testing.T) {
	approve := func(p DevelopmentPlan) DevelopmentPlan {
		_ = TransitionPlan(&p, PlanSubmitted, Approver{}, "", planNow)
		_ = TransitionPlan(&p, PlanApproved, supervisor, "", planNow)
		p.Lines = append(PlanLines(nil), p.Lines...)
		p.History = append(PlanHistory(nil), p.History...)
		return p
	}
	approved := approve(planWith(PlanDraft, LinePlanned, LinePlanned))
	tests := []struct {
		name     string
		old      DevelopmentPlan
		edit     func(*DevelopmentPlan)
		wantCode string
	}{
		{"a draft's lines are freely edited", planWith(PlanDraft, LinePlanned), func(p *DevelopmentPlan) { p.Lines[0].Goal = "lebih baik" }, ""},
		{"an approved plan records progress", approved, func(p *DevelopmentPlan) {
			p.Lines[0].Status, p.Lines[0].TrainingRecordID, p.Lines[0].RealisedJP = LineDone, "rec-1", 12
		}, ""},
		{"an approved plan moves on by its transition", approved, func(p *DevelopmentPlan) { _ = TransitionPlan(p, PlanInProgress, Approver{}, "", planNow) }, ""},
		{"an approved plan's goal is locked", approved, func(p *DevelopmentPlan) { p.Lines[0].Goal = "diubah diam-diam" }, CodePlanLocked},
		{"an approved plan's planned JP are locked", approved, func(p *DevelopmentPlan) { p.Lines[1].PlannedJP = 40 }, CodePlanLocked},
		{"no line is added to an approved plan", approved, func(p *DevelopmentPlan) { p.Lines = append(p.Lines, PlanLine{ID: "new"}) }, CodePlanLocked},
		{"no line is swapped in an approved plan", approved, func(p *DevelopmentPlan) { p.Lines[1].ID = "other" }, CodePlanLocked},
		{"an approved plan's career target is locked", approved, func(p *DevelopmentPlan) { id := "pos-9"; p.TargetPositionID = &id }, CodePlanLocked},
		{"an approved plan cannot be deleted", approved, func(p *DevelopmentPlan) { p.Deleted = true }, CodePlanLocked},
		{"an approved plan's note stays editable", approved, func(p *DevelopmentPlan) { p.Note = "catatan" }, ""},
		{"reopened, the content may change", approved, func(p *DevelopmentPlan) {
			_ = TransitionPlan(p, PlanRevision, supervisor, "ubah metode", planNow)
			p.Lines[0].MethodCode = "mentoring"
		}, ""},
		{"approval written back to submitted without a transition", approved, func(p *DevelopmentPlan) { p.State = PlanSubmitted }, CodePlanInvalidTransition},
		{"a state written with a bumped counter but no history", approved, func(p *DevelopmentPlan) { p.State = PlanSubmitted; p.StateSeq++ }, CodePlanInvalidTransition},
		{"a backwards move dressed as a transition", approved, func(p *DevelopmentPlan) {
			p.StateSeq++
			p.History = append(p.History, PlanEvent{Seq: p.StateSeq, From: PlanApproved, To: PlanSubmitted})
			p.State = PlanSubmitted
		}, CodePlanInvalidTransition},
		{"a rewritten history", approved, func(p *DevelopmentPlan) {
			p.History[0].ActorName = "someone else"
			_ = TransitionPlan(p, PlanInProgress, Approver{}, "", planNow)
		}, CodePlanInvalidTransition},
		{"the approver swapped without a transition", approved, func(p *DevelopmentPlan) { p.ApproverName = "Orang Lain" }, CodePlanInvalidTransition},
		{"the employee is the plan's identity", planWith(PlanDraft, LinePlanned), func(p *DevelopmentPlan) { p.EmployeeID = "emp-2" }, CodeInvalid},
		{"the year is the plan's identity", planWith(PlanDraft, LinePlanned), func(p *DevelopmentPlan) { p.Year = 2026 }, CodeInvalid},
		{"a done plan's lines are final", planWith(PlanDone, LineDone), func(p *DevelopmentPlan) { p.Lines[0].RealisedJP = 99 }, CodePlanLocked},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := tt.old
			upd := old
			upd.Lines = append(PlanLines(nil), old.Lines...)
			upd.History = append(PlanHistory(nil), old.History...)
			tt.edit(&upd)
			err := CheckPlanUpdate(&old, &upd)
			if tt.wantCode == "" && err != nil {
				t.Fatalf("unexpected error %v", err)
			}
			if tt.wantCode != "" && !IsCode(err, tt.wantCode) {
				t.Fatalf("error %v, want %s", err, tt.wantCode)
			}
		})
	}
}

func TestValidatePlan(t *testing.T) {
	p := DevelopmentPlan{
		EmployeeID: " emp-1 ", Year: 2025, TargetPositionID: new(string),
		Lines: PlanLines{
			{ID: "a", CompetencyCode: "M.3", Standard: 3, Actual: 1.5, Gap: 99, MethodCode: "coaching", FundingSource: "apbd",
				PlannedStart: "2025-02-01", PlannedEnd: "2025-03-01", Programme: "  Coaching   komunikasi "},
			{ID: "", CompetencyCode: "M 3", Standard: 7, Actual: 6, MethodCode: "telepati", Form: "magic",
				PlannedStart: "2025-13-01", PlannedEnd: "2025-01-01", PlannedJP: -1, Cost: -5, FundingSource: "hibah", Status: "paused"},
			{ID: "a", PlannedStart: "2025-05-01", PlannedEnd: "2025-04-01"},
		},
	}
	errs := ValidatePlan(&p, testMethods())
	if p.EmployeeID != "emp-1" || p.State != PlanDraft || p.TargetPositionID != nil || p.History == nil || p.TargetGaps == nil {
		t.Errorf("plan not normalised: %+v", p)
	}
	l := p.Lines[0]
	if l.Gap != -1.5 || l.Form != FormTraining || l.FundingSource != FundingAPBD || l.Status != LinePlanned || l.Programme != "Coaching komunikasi" {
		t.Errorf("line not normalised: %+v", l)
	}
	want := []FieldError{
		{"lines.id", CodeRequired, ""},
		{"lines.competencyCode", CodeCompetencyCode, ""},
		{"lines.standard", CodeLevelInvalid, ""},
		{"lines.actual", CodeLevelInvalid, ""},
		{"lines.methodCode", CodeMethodUnknown, ""},
		{"lines.form", CodePlanFormInvalid, ""},
		{"lines.plannedStart", CodeDateInvalid, ""},
		{"lines.plannedJp", CodeAmountInvalid, ""},
		{"lines.cost", CodeAmountInvalid, ""},
		{"lines.fundingSource", CodePlanFundingInvalid, ""},
		{"lines.status", CodePlanLineStatus, ""},
		{"lines.id", CodePlanLineDuplicate, "a"},
		{"lines.plannedEnd", CodeDateRange, "a"},
	}
	if !reflect.DeepEqual(errs, FieldErrors(want)) {
		t.Errorf("errors\n got %v\nwant %v", errs, want)
	}

	stateTests := []struct {
		name      string
		plan      DevelopmentPlan
		wantField string
		wantCode  string
	}{
		{"year out of range", DevelopmentPlan{EmployeeID: "e", Year: 25}, "year", CodePlanYearInvalid},
		{"no employee", DevelopmentPlan{Year: 2025}, "employeeId", CodeRequired},
		{"approved without approver", DevelopmentPlan{EmployeeID: "e", Year: 2025, State: PlanApproved}, "approverNip", CodePlanApproverRequired},
		{"revision without reason", DevelopmentPlan{EmployeeID: "e", Year: 2025, State: PlanRevision}, "revisionReason", CodePlanReasonRequired},
		{"unknown state", DevelopmentPlan{EmployeeID: "e", Year: 2025, State: "paused"}, "state", CodePlanStateInvalid},
	}
	for _, tt := range stateTests {
		errs := ValidatePlan(&tt.plan, nil)
		found := false
		for _, e := range errs {
			found = found || (e.Field == tt.wantField && e.Code == tt.wantCode)
		}
		if !found {
			t.Errorf("%s: errors %v, want %s on %s", tt.name, errs, tt.wantCode, tt.wantField)
		}
	}
	ok := planWith(PlanApproved, LinePlanned)
	if errs := ValidatePlan(&ok, testMethods()); errs != nil {
		t.Errorf("a complete approved plan is invalid: %v", errs)
	}
}

func TestDraftingRuleMatches(t *testing.T) {
	small := DraftingRule{CompetencyType: Managerial, MinGap: 0, MaxGap: 1.5, Methods: []string{"coaching"}}
	large := DraftingRule{CompetencyType: Managerial, MinGap: 1.5, Methods: []string{"workshop"}}
	anyType := DraftingRule{Methods: []string{"e_learning"}}
	tests := []struct {
		name string
		rule DraftingRule
		typ  CompetencyType
		size float64
		want bool
	}{
		{"a one-level gap is small", small, Managerial, 1, true},
		{"1.49 is still small", small, Managerial, 1.49, true},
		{"MaxGap is exclusive: 1.5 is not small", small, Managerial, 1.5, false},
		{"MinGap is inclusive: 1.5 is large", large, Managerial, 1.5, true},
		{"MaxGap 0 has no upper bound", large, Managerial, 4, true},
		{"a rule for another type does not match", small, Technical, 1, false},
		{"a rule without type matches any type", anyType, SocioCultural, 2, true},
		{"a rule without type matches an unknown type", anyType, "", 2, true},
	}
	for _, tt := range tests {
		if got := tt.rule.Matches(tt.typ, tt.size); got != tt.want {
			t.Errorf("%s: got %v", tt.name, got)
		}
	}
	if got := ProposeMethods([]DraftingRule{small, large, anyType}, Technical, 1); !reflect.DeepEqual(got, []string{"e_learning"}) {
		t.Errorf("first match in order: %v", got)
	}
	if got := ProposeMethods([]DraftingRule{small}, Technical, 1); got != nil {
		t.Errorf("no match gives nil: %v", got)
	}
}

func TestValidateDraftingRules(t *testing.T) {
	methods := testMethods()
	if errs := ValidateDraftingRules(testRules()[:2], methods); errs != nil {
		t.Errorf("good rules rejected: %v", errs)
	}
	tests := []struct {
		name      string
		rule      DraftingRule
		wantField string
	}{
		{"unknown competency type", DraftingRule{CompetencyType: "spiritual", Methods: []string{"coaching"}}, "competencyType"},
		{"negative minimum", DraftingRule{MinGap: -1, Methods: []string{"coaching"}}, "minGap"},
		{"empty range", DraftingRule{MinGap: 2, MaxGap: 1, Methods: []string{"coaching"}}, "maxGap"},
		{"no method", DraftingRule{}, "methods"},
		{"a method missing from the catalogue", DraftingRule{Methods: []string{"telepati"}}, "methods"},
		{"a method listed twice", DraftingRule{Methods: []string{"coaching", "coaching"}}, "methods"},
	}
	for _, tt := range tests {
		if errs := ValidateDraftingRules([]DraftingRule{tt.rule}, methods); !hasField(errs, tt.wantField) {
			t.Errorf("%s: errors %v, want one on %s", tt.name, errs, tt.wantField)
		}
	}
}

func TestDraftPlan(t *testing.T) {
	gaps := []GapLine{
		{Code: "M.1", Standard: 3, Actual: 3, Assessed: true, Gap: 0},      // meets the standard: no line
		{Code: "M.3", Standard: 3, Actual: 2, Assessed: true, Gap: -1},     // small managerial
		{Code: "M.8", Standard: 3, Actual: 1, Assessed: true, Gap: -2},     // large managerial
		{Code: "T.01", Standard: 4, Actual: 1, Assessed: true, Gap: -3},    // large technical
		{Code: "SK.1", Standard: 3, Actual: 2, Assessed: true, Gap: -1},    // socio-cultural
		{Code: "M.5", Standard: 3, Actual: 0, Assessed: false, Gap: -3},    // not assessed: missing data, not a need
		{Code: "X.9", Standard: 3, Actual: 1.5, Assessed: true, Gap: -1.5}, // type unknown, no rule for it
		{Code: "M.2", Standard: 3, Actual: 3.5, Assessed: true, Gap: 0.5},  // above the standard
	}
	types := map[string]CompetencyType{"M.1": Managerial, "M.3": Managerial, "M.8": Managerial, "M.2": Managerial,
		"M.5": Managerial, "T.01": Technical, "SK.1": SocioCultural}
	n := 0
	newID := func() string { n++; return fmt.Sprintf("L%d", n) }
	p := DraftPlan("emp-1", 2025, gaps, types, testRules(), testMethods(), newID)

	if p.ID != PlanID("emp-1", 2025) || p.State != PlanDraft || p.Version != 1 || p.EmployeeID != "emp-1" || p.Year != 2025 {
		t.Errorf("plan header %+v", p.SyncMeta)
	}
	type row struct {
		id, code     string
		priority     int
		gap          float64
		method       string
		alternatives []string
		jp           float64
	}
	want := []row{
		{"L1", "T.01", 1, -3, "pelatihan_teknis", []string{"workshop"}, 40}, // retired_method skipped: not in the catalogue
		{"L2", "M.8", 2, -2, "workshop", []string{"coaching"}, 5},           // per-day rule: one day planned
		{"L3", "X.9", 3, -1.5, "", []string{}, 0},                           // kept without a method
		{"L4", "M.3", 4, -1, "coaching", []string{"mentoring"}, 12},
		{"L5", "SK.1", 5, -1, "komunitas_belajar", []string{"seminar"}, 10},
	}
	if len(p.Lines) != len(want) {
		t.Fatalf("%d lines, want %d: %+v", len(p.Lines), len(want), p.Lines)
	}
	for i, w := range want {
		l := p.Lines[i]
		got := row{l.ID, l.CompetencyCode, l.Priority, l.Gap, l.MethodCode, l.Alternatives, l.PlannedJP}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("line %d\n got %+v\nwant %+v", i, got, w)
		}
		if l.Status != LinePlanned || (l.MethodCode != "" && l.Form != FormTraining) {
			t.Errorf("line %d status %q form %q", i, l.Status, l.Form)
		}
	}
	if errs := ValidatePlan(&p, testMethods()); errs != nil {
		t.Errorf("a drafted plan must be valid: %v", errs)
	}
	if err := TransitionPlan(&p, PlanSubmitted, Approver{}, "", planNow); err != nil {
		t.Errorf("a drafted plan must be submittable: %v", err)
	}
	if empty := DraftPlan("emp-1", 2025, nil, nil, nil, nil, newID); len(empty.Lines) != 0 || empty.Lines == nil {
		t.Errorf("no gaps, no lines (but an empty list): %+v", empty.Lines)
	}
}

func TestSetCareerTarget(t *testing.T) {
	p := planWith(PlanDraft, LinePlanned)
	SetCareerTarget(&p, " pos-kabid ", Standards{"M.1": 4, "M.3": 4}, map[string]float64{"M.1": 3, "M.3": 4})
	if p.TargetPositionID == nil || *p.TargetPositionID != "pos-kabid" {
		t.Fatalf("target %v", p.TargetPositionID)
	}
	want := GapLines{{Code: "M.1", Standard: 4, Actual: 3, Assessed: true, Gap: -1}, {Code: "M.3", Standard: 4, Actual: 4, Assessed: true, Gap: 0}}
	if !reflect.DeepEqual(p.TargetGaps, want) {
		t.Errorf("target gaps %+v", p.TargetGaps)
	}
	SetCareerTarget(&p, "", nil, nil)
	if p.TargetPositionID != nil || len(p.TargetGaps) != 0 {
		t.Error("an empty position clears the career target")
	}
}

func TestPlanTotalsLeaveOutCancelledLines(t *testing.T) {
	p := planWith(PlanDraft, LinePlanned, LineCancelled, LineDone)
	p.Lines[0].Cost, p.Lines[1].Cost, p.Lines[2].Cost = 1_500_000, 9_000_000, 500_000
	jp, cost := PlanTotals(&p)
	if jp != 24 || cost != 2_000_000 {
		t.Errorf("got %v JP, Rp %d", jp, cost)
	}
}

func TestApplyLineUpdate(t *testing.T) {
	p := planWith(PlanInProgress, LinePlanned)
	u := PlanLineUpdate{PlanID: p.ID, LineID: "line-1", Status: LineDone, TrainingRecordID: "rec-1", RealisedJP: 15}
	if err := ApplyLineUpdate(&p, u); err != nil {
		t.Fatal(err)
	}
	if l := p.Lines[0]; l.Status != LineDone || l.TrainingRecordID != "rec-1" || l.RealisedJP != 15 || l.Goal != "" || l.PlannedJP != 12 {
		t.Errorf("line %+v", l)
	}
	done := p
	done.State = PlanDone
	if err := ApplyLineUpdate(&done, u); err != nil {
		t.Errorf("applying the same update again (e.g. after sync) must be a no-op: %v", err)
	}
	tests := []struct {
		name string
		plan DevelopmentPlan
		u    PlanLineUpdate
		code string
	}{
		{"update for another plan", planWith(PlanApproved, LinePlanned), PlanLineUpdate{PlanID: "other", LineID: "line-1", Status: LineDone}, CodeTrainingMismatch},
		{"unknown line", planWith(PlanApproved, LinePlanned), PlanLineUpdate{PlanID: PlanID("emp-1", 2025), LineID: "nope", Status: LineDone}, CodePlanLineNotFound},
		{"unknown status", planWith(PlanApproved, LinePlanned), PlanLineUpdate{PlanID: PlanID("emp-1", 2025), LineID: "line-1", Status: "paused"}, CodePlanLineStatus},
		{"a done plan is final", planWith(PlanDone, LinePlanned), PlanLineUpdate{PlanID: PlanID("emp-1", 2025), LineID: "line-1", Status: LineDone}, CodePlanLocked},
	}
	for _, tt := range tests {
		if err := ApplyLineUpdate(&tt.plan, tt.u); !IsCode(err, tt.code) {
			t.Errorf("%s: error %v, want %s", tt.name, err, tt.code)
		}
	}
}

func TestPlanJSONColumnsRoundTrip(t *testing.T) {
	p := planWith(PlanApproved, LinePlanned, LineDone)
	p.History = PlanHistory{{Seq: 1, At: planNow, From: PlanDraft, To: PlanSubmitted}}
	v, err := p.Lines.Value()
	if err != nil {
		t.Fatal(err)
	}
	var lines PlanLines
	if err := lines.Scan(v); err != nil || !reflect.DeepEqual(lines, p.Lines) {
		t.Errorf("lines round trip: %v %+v", err, lines)
	}
	hv, _ := p.History.Value()
	var h PlanHistory
	if err := h.Scan([]byte(hv.(string))); err != nil || !h[0].At.Equal(planNow) || h[0].To != PlanSubmitted {
		t.Errorf("history round trip: %v %+v", err, h)
	}
	var g GapLines
	if err := g.Scan(nil); err != nil || g != nil {
		t.Errorf("NULL scans to nothing: %v", err)
	}
	if err := g.Scan(42); err == nil {
		t.Error("a number is not a JSON column")
	}
}

// mergeFixture is a submitted plan with two lines, the common base.
func mergeFixture() DevelopmentPlan {
	p := planWith(PlanDraft, LinePlanned, LinePlanned)
	_ = TransitionPlan(&p, PlanSubmitted, Approver{}, "", planNow)
	return p
}

// clonePlan deep-copies through JSON, as two laptops would hold it.
func clonePlan(p DevelopmentPlan) DevelopmentPlan {
	b, _ := json.Marshal(p)
	var c DevelopmentPlan
	_ = json.Unmarshal(b, &c)
	return c
}

func TestMergePlans(t *testing.T) {
	later := planNow.Add(time.Hour)
	tests := []struct {
		name          string
		local, remote func(*DevelopmentPlan)
		check         func(t *testing.T, m DevelopmentPlan)
		wantConflicts []string // Field/Kept of each conflict
	}{
		{"different fields changed on each side are both kept",
			func(p *DevelopmentPlan) { p.Note = "catatan lokal" },
			func(p *DevelopmentPlan) { id := "pos-1"; p.TargetPositionID = &id },
			func(t *testing.T, m DevelopmentPlan) {
				if m.Note != "catatan lokal" || m.TargetPositionID == nil || *m.TargetPositionID != "pos-1" {
					t.Errorf("note %q target %v", m.Note, m.TargetPositionID)
				}
			}, nil},
		{"the same field changed on both sides: remote wins and both values are reported",
			func(p *DevelopmentPlan) { p.Note = "lokal" },
			func(p *DevelopmentPlan) { p.Note = "server" },
			func(t *testing.T, m DevelopmentPlan) {
				if m.Note != "server" {
					t.Errorf("note %q", m.Note)
				}
			}, []string{"note/remote"}},
		{"one line edited in different fields on each side merges field by field",
			func(p *DevelopmentPlan) { p.Lines[0].Goal = "komunikasi asertif" },
			func(p *DevelopmentPlan) { p.Lines[0].Provider = "BPSDM Provinsi"; p.Lines[0].Cost = 750_000 },
			func(t *testing.T, m DevelopmentPlan) {
				l := m.Lines[0]
				if l.Goal != "komunikasi asertif" || l.Provider != "BPSDM Provinsi" || l.Cost != 750_000 || l.ID != "line-1" {
					t.Errorf("line %+v", l)
				}
			}, nil},
		{"one line field changed differently on each side is a conflict",
			func(p *DevelopmentPlan) { p.Lines[1].MethodCode = "mentoring" },
			func(p *DevelopmentPlan) { p.Lines[1].MethodCode = "workshop" },
			func(t *testing.T, m DevelopmentPlan) {
				if m.Lines[1].MethodCode != "workshop" {
					t.Errorf("method %q", m.Lines[1].MethodCode)
				}
			}, []string{"lines.methodCode/remote"}},
		{"a line added on each side: both kept, local's first",
			func(p *DevelopmentPlan) { p.Lines = append(p.Lines, PlanLine{ID: "L-local", CompetencyCode: "M.4"}) },
			func(p *DevelopmentPlan) { p.Lines = append(p.Lines, PlanLine{ID: "L-remote", CompetencyCode: "M.6"}) },
			func(t *testing.T, m DevelopmentPlan) {
				if ids := lineIDs(m); !reflect.DeepEqual(ids, []string{"line-1", "line-2", "L-local", "L-remote"}) {
					t.Errorf("lines %v", ids)
				}
			}, nil},
		{"the same competency added on both laptops is kept twice and flagged",
			func(p *DevelopmentPlan) { p.Lines = append(p.Lines, PlanLine{ID: "L-a", CompetencyCode: "M.4"}) },
			func(p *DevelopmentPlan) { p.Lines = append(p.Lines, PlanLine{ID: "L-b", CompetencyCode: "M.4"}) },
			func(t *testing.T, m DevelopmentPlan) {
				if len(m.Lines) != 4 {
					t.Errorf("lines %v", lineIDs(m))
				}
			}, []string{"lines.competencyCode/both"}},
		{"a line deleted on one side and untouched on the other is deleted",
			func(p *DevelopmentPlan) {},
			func(p *DevelopmentPlan) { p.Lines = p.Lines[1:] },
			func(t *testing.T, m DevelopmentPlan) {
				if ids := lineIDs(m); !reflect.DeepEqual(ids, []string{"line-2"}) {
					t.Errorf("lines %v", ids)
				}
			}, nil},
		{"a line deleted on one side but edited on the other is kept: nothing typed is lost",
			func(p *DevelopmentPlan) { p.Lines[0].Goal = "penting" },
			func(p *DevelopmentPlan) { p.Lines = p.Lines[1:] },
			func(t *testing.T, m DevelopmentPlan) {
				if len(m.Lines) != 2 || m.Lines[0].Goal != "penting" {
					t.Errorf("lines %+v", m.Lines)
				}
			}, []string{"lines/local"}},
		{"approval is not undone by a stale copy",
			func(p *DevelopmentPlan) { _ = TransitionPlan(p, PlanApproved, supervisor, "", later) },
			func(p *DevelopmentPlan) { p.Note = "edit offline" },
			func(t *testing.T, m DevelopmentPlan) {
				if m.State != PlanApproved || m.ApproverNIP != "197407072002122008" || m.ApprovedAt == nil || m.Note != "edit offline" {
					t.Errorf("state %s approver %q note %q", m.State, m.ApproverNIP, m.Note)
				}
			}, nil},
		{"approval beats a concurrent send-back, and the send-back is reported",
			func(p *DevelopmentPlan) { _ = TransitionPlan(p, PlanRevision, supervisor, "kurang JP", later) },
			func(p *DevelopmentPlan) { _ = TransitionPlan(p, PlanApproved, supervisor, "", later) },
			func(t *testing.T, m DevelopmentPlan) {
				if m.State != PlanApproved || m.RevisionReason != "" || m.StateSeq != 2 {
					t.Errorf("state %s reason %q seq %d", m.State, m.RevisionReason, m.StateSeq)
				}
				if len(m.History) != 3 {
					t.Errorf("both transitions stay on record: %+v", m.History)
				}
			}, []string{"state/remote"}},
		{"an explicit reopening made after the approval stands",
			func(p *DevelopmentPlan) {
				_ = TransitionPlan(p, PlanApproved, supervisor, "", later)
				_ = TransitionPlan(p, PlanRevision, supervisor, "pindah jabatan", later.Add(time.Hour))
			},
			func(p *DevelopmentPlan) { _ = TransitionPlan(p, PlanApproved, supervisor, "", later) },
			func(t *testing.T, m DevelopmentPlan) {
				if m.State != PlanRevision || m.RevisionReason != "pindah jabatan" || m.ApprovedAt != nil || m.StateSeq != 3 {
					t.Errorf("state %s reason %q seq %d", m.State, m.RevisionReason, m.StateSeq)
				}
				if len(m.History) != 3 {
					t.Errorf("the shared approval appears once: %+v", m.History)
				}
			}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := mergeFixture()
			local, remote := clonePlan(base), clonePlan(base)
			tt.local(&local)
			tt.remote(&remote)
			m, conflicts := MergePlans(clonePlan(base), local, remote)
			tt.check(t, m)
			var got []string
			for _, c := range conflicts {
				got = append(got, c.Field+"/"+c.Kept)
				if c.Local == "" || c.Remote == "" {
					t.Errorf("a conflict must carry both values: %+v", c)
				}
			}
			if !reflect.DeepEqual(got, tt.wantConflicts) {
				t.Errorf("conflicts %v, want %v", got, tt.wantConflicts)
			}
			if m.ID != base.ID || m.EmployeeID != "emp-1" || m.Year != 2025 {
				t.Errorf("identity lost: %s %s %d", m.ID, m.EmployeeID, m.Year)
			}
		})
	}
}

// The workflow outcome must not depend on which laptop synced first.
func TestMergePlansWorkflowIsOrderIndependent(t *testing.T) {
	base := mergeFixture()
	a, b := clonePlan(base), clonePlan(base)
	_ = TransitionPlan(&a, PlanApproved, supervisor, "", planNow.Add(time.Minute))
	_ = TransitionPlan(&b, PlanRevision, supervisor, "kurang", planNow.Add(2*time.Minute))
	m1, _ := MergePlans(base, a, b)
	m2, _ := MergePlans(base, b, a)
	if m1.State != PlanApproved || m2.State != PlanApproved || !reflect.DeepEqual(m1.History, m2.History) {
		t.Errorf("ab → %s, ba → %s", m1.State, m2.State)
	}
	if m, c := MergePlans(base, clonePlan(base), clonePlan(base)); len(c) != 0 || m.State != PlanSubmitted || len(m.Lines) != 2 {
		t.Errorf("merging identical copies changes nothing: %v %s", c, m.State)
	}
}

func lineIDs(p DevelopmentPlan) []string {
	var ids []string
	for _, l := range p.Lines {
		ids = append(ids, l.ID)
	}
	return ids
}
