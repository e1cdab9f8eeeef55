package desktop_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"kembang/backend/core"
	"kembang/backend/desktop"
	"kembang/backend/domain"
)

// TestDevelopmentServicesFollowTheAPIContract walks the IDP, training and
// dashboard services over the demo office and checks the JSON names of
// docs/API.md on the answers.
func TestDevelopmentServicesFollowTheAPIContract(t *testing.T) {
	s := openServices(t)
	c, err := s.backend.Core()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.LoadDemo(context.Background(), 30, 1); err != nil {
		t.Fatal(err)
	}
	methods, err := s.plans.Methods()
	if err != nil || len(methods) < 20 {
		t.Fatalf("Methods = %d, %v", len(methods), err)
	}
	list, err := s.plans.List(core.PlanQuery{Year: 2026})
	if err != nil || len(list) == 0 {
		t.Fatalf("List = %d, %v", len(list), err)
	}
	v, err := s.plans.Get(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	keys := jsonKeys(t, v)
	for _, k := range []string{"plan", "employee", "targetPositionName", "analysisPeriod", "plannedJp", "plannedCost", "realisedJp", "nextStates"} {
		if !keys[k] {
			t.Errorf("PlanView lacks %q", k)
		}
	}
	if missing, err := s.plans.Find(v.Employee.ID, 1999); err != nil || missing != nil {
		t.Errorf("Find of a year without plan = %v, %v; want null", missing, err)
	}
	// An invalid transition rejects with its code and leaves the plan.
	if v.Plan.State == domain.PlanDraft {
		_, err := s.plans.Transition(v.Plan.ID, "approved", domain.Approver{Name: "X", NIP: "197001011995031001"}, "")
		if !domain.IsCode(err, domain.CodePlanInvalidTransition) {
			t.Errorf("draft → approved: %v", err)
		}
	}

	units, err := s.org.ListUnits()
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.plans.DraftUnit(units[0].ID, 2027)
	if err != nil {
		t.Fatal(err)
	}
	var st desktop.DraftJobStatus
	for deadline := time.Now().Add(time.Minute); ; {
		js, err := s.plans.DraftJob(id)
		if err != nil {
			t.Fatal(err)
		}
		st = js
		if js.Finished || time.Now().After(deadline) {
			break
		}
		time.Sleep(2 * time.Millisecond) // poll interval, not an assertion
	}
	if !st.Finished || st.Result == nil || st.Error != nil {
		t.Fatalf("draft job = %+v", st)
	}
	if _, err := s.plans.DraftJob("nope"); !domain.IsCode(err, domain.CodeNotFound) {
		t.Errorf("unknown job: %v", err)
	}

	events, err := s.training.ListEvents(core.EventQuery{Year: 2026})
	if err != nil || len(events) == 0 {
		t.Fatalf("ListEvents = %d, %v", len(events), err)
	}
	var done core.EventItem
	for _, e := range events {
		if e.Completed > 0 {
			done = e
		}
	}
	ev, err := s.training.GetEvent(done.Event.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ev.Participants) == 0 || ev.Participants[0].Participant.CertificateNo == "" || len(ev.Days) == 0 {
		t.Errorf("completed demo event = %+v", ev)
	}
	jp, err := s.training.ComputeJP("seminar", 2, 0, 0, true)
	if err != nil || jp != 12 {
		t.Errorf("ComputeJP(seminar, 2 days, international) = %v, %v; want 12", jp, err)
	}
	if _, err := s.training.ComputeJP("stated_nothing", 1, 0, 0, false); !domain.IsCode(err, domain.CodeMethodUnknown) {
		t.Errorf("unknown method: %v", err)
	}
	comp, err := s.dashboard.Compliance(2026, "")
	if err != nil || comp.Office.Count != 30 {
		t.Fatalf("Compliance = %+v, %v", comp.Office, err)
	}
	ck := jsonKeys(t, comp)
	for _, k := range []string{"year", "unitId", "target", "office", "units", "below"} {
		if !ck[k] {
			t.Errorf("Compliance lacks %q", k)
		}
	}
	set, err := s.dashboard.Settings()
	if err != nil || set.AnnualJPTarget != 20 {
		t.Fatalf("Settings = %+v, %v", set, err)
	}
	set.CertificateFormat = "{seq}"
	_, err = s.dashboard.SaveSettings(set)
	if !domain.IsCode(err, domain.CodeInvalid) || !strings.Contains(err.Error(), "certificateFormat") {
		t.Errorf("SaveSettings with a bad format: %v", err)
	}
	if _, err := s.dashboard.Budget(2026, ""); err != nil {
		t.Error(err)
	}
	if _, err := s.dashboard.Reminders(); err != nil {
		t.Error(err)
	}
}
