package storetest

import (
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"kembang/backend/domain"
	"kembang/backend/store"
)

// The development tables: plans, events, participants, attendance,
// training records, learning activities, evaluations, awards and
// certificate counters.

var developmentTables = map[string]bool{
	"development_plans": true, "training_events": true, "participants": true, "attendances": true,
	"training_records": true, "learning_activities": true, "evaluations": true, "awards": true,
	"certificate_counters": true,
}

// testMethods is a small catalogue with the LAN conversions the suite
// needs (storetest may not import framework).
var testMethods = map[string]domain.DevelopmentMethod{
	"seminar": {Code: "seminar", Name: "Seminar", NameEN: "Seminar", Route: domain.RouteClassical, Form: domain.FormTraining,
		JenisDiklat: "Seminar", SIASNRecord: domain.SIASNKursus, JP: domain.JPRule{Kind: domain.JPPerDay, National: 4, International: 6}},
	"coaching": {Code: "coaching", Name: "Coaching", NameEN: "Coaching", Route: domain.RouteNonClassical, Form: domain.FormTraining,
		JenisDiklat: "Coaching", SIASNRecord: domain.SIASNKursus, JP: domain.JPRule{Kind: domain.JPPerSession, National: 2}},
}

const certFormat = "{seq:03}/{event}/{device}/{year}"

var supervisor = domain.Approver{Name: "Ir. Siti Aminah", NIP: NIP(5, 2, 9)}

// devFixture holds two employees, an event of three days and the first
// employee registered in it.
type devFixture struct {
	emp1, emp2  *domain.Employee
	event       *domain.TrainingEvent
	event2      *domain.TrainingEvent
	participant *domain.Participant
	// Rows the outbox ops create and later change.
	plan     *domain.DevelopmentPlan
	record   *domain.TrainingRecord
	activity *domain.LearningActivity
	eval     *domain.Evaluation
	award    *domain.Award
	p2       *domain.Participant
}

func (f *fixture) withDevelopment(t *testing.T, s *store.Store) {
	t.Helper()
	d := &devFixture{}
	d.emp1 = f.employee("Dewi Lestari", NIP(3, 2, 1))
	must(t, s.SaveEmployee(bg(), d.emp1))
	d.emp2 = f.employee("Agus Salim", NIP(4, 1, 2))
	must(t, s.SaveEmployee(bg(), d.emp2))
	d.event = &domain.TrainingEvent{Code: "SEM-1", Name: "Seminar Manajemen ASN", MethodCode: "seminar",
		StartDate: "2026-03-02", EndDate: "2026-03-04", Budget: 3_000_000, CertificateFormat: certFormat}
	must(t, s.SaveEvent(bg(), d.event, testMethods))
	var err error
	d.participant, err = s.AddParticipant(bg(), d.event.ID, d.emp1.ID, "", "")
	must(t, err)
	f.dev = d
}

// approvedPlan stores an approved plan of emp for 2026 with one line for
// the seminar method.
func approvedPlan(t *testing.T, s *store.Store, emp *domain.Employee) *domain.DevelopmentPlan {
	t.Helper()
	p := &domain.DevelopmentPlan{EmployeeID: emp.ID, Year: 2026, Lines: domain.PlanLines{{ID: "l1", Priority: 1,
		CompetencyCode: "M.1", Standard: 3, Actual: 2, MethodCode: "seminar", PlannedJP: 8, Cost: 500_000, FundingSource: "apbd"}}}
	must(t, s.SavePlan(bg(), p, testMethods))
	for _, to := range []domain.PlanState{domain.PlanSubmitted, domain.PlanApproved} {
		var err error
		p, err = s.EditPlan(bg(), p.ID, testMethods, func(p *domain.DevelopmentPlan) error {
			return domain.TransitionPlan(p, to, supervisor, "", Epoch)
		})
		must(t, err)
	}
	return p
}

func init() {
	for tbl, entity := range map[string]string{
		"development_plans": "development_plan", "training_events": "training_event", "participants": "training_participant",
		"attendances": "training_attendance", "training_records": "training_record", "learning_activities": "learning_activity",
		"evaluations": "evaluation", "awards": "award", "certificate_counters": "certificate_counter",
	} {
		entityOf[tbl] = entity
	}
	transition := func(to domain.PlanState) func(t *testing.T, s *store.Store, f *fixture) error {
		return func(t *testing.T, s *store.Store, f *fixture) error {
			_, err := s.EditPlan(bg(), f.dev.plan.ID, testMethods, func(p *domain.DevelopmentPlan) error {
				return domain.TransitionPlan(p, to, supervisor, "", Epoch)
			})
			return err
		}
	}
	writesPerTable["development_plans"] = []op{
		{"create", func(t *testing.T, s *store.Store, f *fixture) error {
			f.dev.plan = &domain.DevelopmentPlan{EmployeeID: f.dev.emp1.ID, Year: 2026,
				Lines: domain.PlanLines{{ID: "l1", CompetencyCode: "M.1", Standard: 3, Actual: 2, MethodCode: "seminar"}}}
			return s.SavePlan(bg(), f.dev.plan, testMethods)
		}},
		{"update", func(t *testing.T, s *store.Store, f *fixture) error {
			f.dev.plan.Note = "Disepakati lisan"
			return s.SavePlan(bg(), f.dev.plan, testMethods)
		}},
		{"submit", transition(domain.PlanSubmitted)},
		{"approve", transition(domain.PlanApproved)},
		{"bulk create", func(t *testing.T, s *store.Store, f *fixture) error {
			_, _, err := s.CreatePlans(bg(), []domain.DevelopmentPlan{{EmployeeID: f.dev.emp2.ID, Year: 2026}}, testMethods, nil)
			return err
		}},
		{"delete", func(t *testing.T, s *store.Store, f *fixture) error {
			return s.DeletePlan(bg(), domain.PlanID(f.dev.emp2.ID, 2026))
		}},
	}
	writesPerTable["training_events"] = []op{
		{"create", func(t *testing.T, s *store.Store, f *fixture) error {
			f.dev.event2 = &domain.TrainingEvent{Name: "Coaching Kepemimpinan", MethodCode: "coaching", StartDate: "2026-04-01", EndDate: "2026-04-01", JPManual: true, JP: 2}
			return s.SaveEvent(bg(), f.dev.event2, testMethods)
		}},
		{"update", func(t *testing.T, s *store.Store, f *fixture) error {
			f.dev.event2.Venue = "Aula BKPSDM"
			return s.SaveEvent(bg(), f.dev.event2, testMethods)
		}},
		{"delete", func(t *testing.T, s *store.Store, f *fixture) error { return s.DeleteEvent(bg(), f.dev.event2.ID) }},
	}
	writesPerTable["participants"] = []op{
		{"add", func(t *testing.T, s *store.Store, f *fixture) error {
			var err error
			f.dev.p2, err = s.AddParticipant(bg(), f.dev.event.ID, f.dev.emp2.ID, "", "")
			return err
		}},
		{"cancel", func(t *testing.T, s *store.Store, f *fixture) error {
			_, err := s.CancelParticipant(bg(), f.dev.p2.ID)
			return err
		}},
		{"register again", func(t *testing.T, s *store.Store, f *fixture) error {
			_, err := s.AddParticipant(bg(), f.dev.event.ID, f.dev.emp2.ID, "", "")
			return err
		}},
	}
	writesPerTable["attendances"] = []op{
		{"mark", func(t *testing.T, s *store.Store, f *fixture) error {
			_, err := s.SetAttendance(bg(), f.dev.participant.ID, "2026-03-02", true, "")
			return err
		}},
		{"change", func(t *testing.T, s *store.Store, f *fixture) error {
			_, err := s.SetAttendance(bg(), f.dev.participant.ID, "2026-03-02", false, "sakit")
			return err
		}},
	}
	writesPerTable["training_records"] = []op{
		{"create", func(t *testing.T, s *store.Store, f *fixture) error {
			f.dev.record = &domain.TrainingRecord{EmployeeID: f.dev.emp1.ID, Name: "Diklat PIM IV", MethodCode: "seminar",
				StartDate: "2019-05-01", EndDate: "2019-05-30", JP: 200}
			return s.SaveTrainingRecord(bg(), f.dev.record)
		}},
		{"update", func(t *testing.T, s *store.Store, f *fixture) error {
			f.dev.record.CertificateNo = "123/PIM/2019"
			return s.SaveTrainingRecord(bg(), f.dev.record)
		}},
		{"delete", func(t *testing.T, s *store.Store, f *fixture) error {
			return s.DeleteTrainingRecord(bg(), f.dev.record.ID)
		}},
	}
	writesPerTable["learning_activities"] = []op{
		{"create", func(t *testing.T, s *store.Store, f *fixture) error {
			f.dev.activity = &domain.LearningActivity{EmployeeID: f.dev.emp1.ID, MethodCode: "coaching", Title: "Coaching dengan atasan",
				StartDate: "2026-05-04", EndDate: "2026-05-04", Sessions: 1}
			return s.SaveActivity(bg(), f.dev.activity, testMethods)
		}},
		{"update", func(t *testing.T, s *store.Store, f *fixture) error {
			f.dev.activity.Sessions = 2
			return s.SaveActivity(bg(), f.dev.activity, testMethods)
		}},
		{"delete", func(t *testing.T, s *store.Store, f *fixture) error { return s.DeleteActivity(bg(), f.dev.activity.ID) }},
	}
	writesPerTable["evaluations"] = []op{
		{"create", func(t *testing.T, s *store.Store, f *fixture) error {
			f.dev.eval = &domain.Evaluation{ParticipantID: f.dev.participant.ID, Level: domain.LevelReaction, Date: "2026-03-04",
				Answers: domain.EvaluationAnswers{{QuestionID: "q1", Value: 4}}}
			return s.SaveEvaluation(bg(), f.dev.eval)
		}},
		{"update", func(t *testing.T, s *store.Store, f *fixture) error {
			f.dev.eval.Answers = domain.EvaluationAnswers{{QuestionID: "q1", Value: 5}}
			return s.SaveEvaluation(bg(), f.dev.eval)
		}},
	}
	writesPerTable["awards"] = []op{
		{"create", func(t *testing.T, s *store.Store, f *fixture) error {
			f.dev.award = &domain.Award{Year: 2026, Kind: domain.AwardHighestJP, EmployeeID: f.dev.emp1.ID, Title: "JP tertinggi"}
			return s.SaveAward(bg(), f.dev.award)
		}},
		{"update", func(t *testing.T, s *store.Store, f *fixture) error {
			f.dev.award.AwardedOn = "2026-12-20"
			return s.SaveAward(bg(), f.dev.award)
		}},
		{"delete", func(t *testing.T, s *store.Store, f *fixture) error { return s.DeleteAward(bg(), f.dev.award.ID) }},
	}
	writesPerTable["certificate_counters"] = []op{
		{"first number", func(t *testing.T, s *store.Store, f *fixture) error {
			_, err := s.NextCertificateNumber(bg(), f.dev.event.ID, store.CertificateIssuer{Format: certFormat, Device: "A"})
			return err
		}},
		{"next number", func(t *testing.T, s *store.Store, f *fixture) error {
			_, err := s.NextCertificateNumber(bg(), f.dev.event.ID, store.CertificateIssuer{Format: certFormat, Device: "A"})
			return err
		}},
	}
}

func devFixtureFor(t *testing.T, s *store.Store) fixture {
	t.Helper()
	f := newFixture(t, s)
	f.withDevelopment(t, s)
	return f
}

var completionInput = store.CompletionInput{Method: testMethods["seminar"], Rule: domain.DefaultCompletionRule(),
	Issuer: store.CertificateIssuer{Format: certFormat, Device: "A"}}

func attendAll(t *testing.T, s *store.Store, participantID string, days ...string) {
	t.Helper()
	for _, d := range days {
		_, err := s.SetAttendance(bg(), participantID, d, true, "")
		must(t, err)
	}
}

var developmentCases = []testCase{
	{"plan workflow: valid and invalid transitions through the store", func(t *testing.T, s *store.Store) {
		f := devFixtureFor(t, s)
		p := &domain.DevelopmentPlan{EmployeeID: f.dev.emp1.ID, Year: 2026,
			Lines: domain.PlanLines{{ID: "l1", CompetencyCode: "M.1", Standard: 3, Actual: 2, MethodCode: "seminar"}}}
		must(t, s.SavePlan(bg(), p, testMethods))
		if p.ID != domain.PlanID(f.dev.emp1.ID, 2026) || p.Version != 1 || p.State != domain.PlanDraft {
			t.Fatalf("new plan = id %s v%d %s, want the derived id, v1, draft", p.ID, p.Version, p.State)
		}
		steps := []struct {
			name   string
			to     domain.PlanState
			actor  domain.Approver
			reason string
			want   string // error code, "" for success
			state  domain.PlanState
		}{
			{"draft cannot be approved directly", domain.PlanApproved, supervisor, "", domain.CodePlanInvalidTransition, domain.PlanDraft},
			{"draft cannot be done", domain.PlanDone, supervisor, "", domain.CodePlanInvalidTransition, domain.PlanDraft},
			{"submit", domain.PlanSubmitted, domain.Approver{}, "", "", domain.PlanSubmitted},
			{"send back without reason", domain.PlanRevision, supervisor, "", domain.CodePlanReasonRequired, domain.PlanSubmitted},
			{"send back with reason", domain.PlanRevision, supervisor, "Tambahkan coaching", "", domain.PlanRevision},
			{"revision cannot be approved", domain.PlanApproved, supervisor, "", domain.CodePlanInvalidTransition, domain.PlanRevision},
			{"resubmit", domain.PlanSubmitted, domain.Approver{}, "", "", domain.PlanSubmitted},
			{"approve without NIP", domain.PlanApproved, domain.Approver{Name: "Siti"}, "", domain.CodePlanApproverRequired, domain.PlanSubmitted},
			{"approve", domain.PlanApproved, supervisor, "", "", domain.PlanApproved},
			{"approved cannot go back to draft", domain.PlanDraft, supervisor, "", domain.CodePlanInvalidTransition, domain.PlanApproved},
			{"start", domain.PlanInProgress, domain.Approver{}, "", "", domain.PlanInProgress},
			{"finish with open lines", domain.PlanDone, domain.Approver{}, "", domain.CodePlanLinesOpen, domain.PlanInProgress},
		}
		for _, st := range steps {
			got, err := s.EditPlan(bg(), p.ID, testMethods, func(p *domain.DevelopmentPlan) error {
				return domain.TransitionPlan(p, st.to, st.actor, st.reason, Epoch)
			})
			if st.want == "" {
				must(t, err)
				p = got
			} else {
				wantCode(t, err, st.want)
			}
			stored, err := s.GetPlan(bg(), p.ID)
			must(t, err)
			if stored.State != st.state {
				t.Errorf("%s: stored state %s, want %s", st.name, stored.State, st.state)
			}
		}
		if p.ApproverNIP != supervisor.NIP || p.ApproverName != supervisor.Name || p.ApprovedAt == nil {
			t.Errorf("approval not recorded: %q %q %v", p.ApproverName, p.ApproverNIP, p.ApprovedAt)
		}
		if len(p.History) != 5 {
			t.Errorf("history has %d transitions, want 5", len(p.History))
		}

		// Direct writes that skip the workflow are refused by CheckPlanUpdate.
		direct := []struct {
			name   string
			change func(p *domain.DevelopmentPlan)
			want   string
		}{
			{"state written without its transition", func(p *domain.DevelopmentPlan) { p.State = domain.PlanDone }, domain.CodePlanInvalidTransition},
			{"state moved back silently", func(p *domain.DevelopmentPlan) { p.State = domain.PlanDraft }, domain.CodePlanInvalidTransition},
			{"approver changed on an approved plan", func(p *domain.DevelopmentPlan) { p.ApproverName = "Orang Lain" }, domain.CodePlanInvalidTransition},
			{"line content changed while in progress", func(p *domain.DevelopmentPlan) { p.Lines[0].Cost = 9_000_000 }, domain.CodePlanLocked},
			{"line added while in progress", func(p *domain.DevelopmentPlan) {
				p.Lines = append(p.Lines, domain.PlanLine{ID: "l2", MethodCode: "coaching"})
			}, domain.CodePlanLocked},
			{"year changed", func(p *domain.DevelopmentPlan) { p.Year = 2027 }, domain.CodeInvalid},
		}
		for _, d := range direct {
			before := snapshot(t, s)
			stale := *p
			stale.Lines = append(domain.PlanLines{}, p.Lines...)
			d.change(&stale)
			wantCode(t, s.SavePlan(bg(), &stale, testMethods), d.want)
			sameCounts(t, before, snapshot(t, s))
		}
		wantCode(t, s.DeletePlan(bg(), p.ID), domain.CodePlanLocked)
		// A stale version is a conflict, not a lost update.
		stale := *p
		stale.Version--
		stale.Note = "x"
		wantCode(t, s.SavePlan(bg(), &stale, testMethods), domain.CodeVersionConflict)
	}},
	{"a deleted draft plan comes back at its tombstone's version", func(t *testing.T, s *store.Store) {
		f := devFixtureFor(t, s)
		p := &domain.DevelopmentPlan{EmployeeID: f.dev.emp1.ID, Year: 2026}
		must(t, s.SavePlan(bg(), p, testMethods))
		must(t, s.DeletePlan(bg(), p.ID))
		old, err := s.FindPlan(bg(), f.dev.emp1.ID, 2026)
		must(t, err)
		if old == nil || !old.Deleted {
			t.Fatalf("FindPlan after delete = %+v, want the tombstone", old)
		}
		again := &domain.DevelopmentPlan{SyncMeta: domain.SyncMeta{ID: old.ID, Version: old.Version}, EmployeeID: f.dev.emp1.ID, Year: 2026}
		must(t, s.SavePlan(bg(), again, testMethods))
		if again.Deleted || again.Version != old.Version+1 {
			t.Errorf("resurrected plan deleted=%v v%d, want live v%d", again.Deleted, again.Version, old.Version+1)
		}
	}},
	{"bulk plan creation skips plans that exist and reports progress", func(t *testing.T, s *store.Store) {
		f := devFixtureFor(t, s)
		must(t, s.SavePlan(bg(), &domain.DevelopmentPlan{EmployeeID: f.dev.emp1.ID, Year: 2026, Note: "kept"}, testMethods))
		var calls [][2]int
		created, existing, err := s.CreatePlans(bg(), []domain.DevelopmentPlan{
			{EmployeeID: f.dev.emp1.ID, Year: 2026}, {EmployeeID: f.dev.emp2.ID, Year: 2026}, {EmployeeID: f.dev.emp2.ID, Year: 2026},
		}, testMethods, func(done, total int) { calls = append(calls, [2]int{done, total}) })
		must(t, err)
		if created != 1 || existing != 2 {
			t.Errorf("created %d existing %d, want 1 and 2", created, existing)
		}
		if len(calls) != 1 || calls[0] != [2]int{3, 3} {
			t.Errorf("progress calls = %v, want [[3 3]]", calls)
		}
		kept, err := s.FindPlan(bg(), f.dev.emp1.ID, 2026)
		must(t, err)
		if kept.Note != "kept" || kept.Version != 1 {
			t.Errorf("existing plan overwritten: %+v", kept)
		}
		if n := outboxBy(t, s)["development_plan"]; n != 2 {
			t.Errorf("%d plan outbox rows, want 2", n)
		}
		_, _, err = s.CreatePlans(bg(), []domain.DevelopmentPlan{{EmployeeID: "missing", Year: 2026}}, testMethods, nil)
		wantCode(t, err, domain.CodeNotFound)
	}},
	{"completion writes participant, record, counter and plan line in one transaction", func(t *testing.T, s *store.Store) {
		f := devFixtureFor(t, s)
		plan := approvedPlan(t, s, f.dev.emp2)
		p, err := s.AddParticipant(bg(), f.dev.event.ID, f.dev.emp2.ID, plan.ID, "l1")
		must(t, err)
		got, err := s.GetPlan(bg(), plan.ID)
		must(t, err)
		if got.Lines[0].Status != domain.LineInProgress {
			t.Errorf("line status after registration = %s, want in_progress", got.Lines[0].Status)
		}
		attendAll(t, s, p.ID, "2026-03-02", "2026-03-03", "2026-03-04")
		before := outboxBy(t, s)
		c, done, err := s.CompleteParticipant(bg(), p.ID, completionInput)
		must(t, err)
		after := outboxBy(t, s)
		for _, e := range []string{"training_participant", "training_record", "certificate_counter", "development_plan"} {
			if after[e]-before[e] != 1 {
				t.Errorf("completion wrote %d outbox rows for %s, want 1", after[e]-before[e], e)
			}
		}
		if done.Status != domain.ParticipantCompleted || done.CertificateNo != "001/SEM-1/A/2026" {
			t.Errorf("participant = %s %q, want completed with 001/SEM-1/A/2026", done.Status, done.CertificateNo)
		}
		if c.Record.JP != 12 || c.Record.CertificateNo != done.CertificateNo || c.Record.Year != 2026 || c.Record.NIP != f.dev.emp2.NIP {
			t.Errorf("record = %+v", c.Record)
		}
		got, err = s.GetPlan(bg(), plan.ID)
		must(t, err)
		if l := got.Lines[0]; l.Status != domain.LineDone || l.RealisedJP != 12 || l.TrainingRecordID != c.Record.ID {
			t.Errorf("plan line = %+v, want done with 12 JP and the record", l)
		}
		// Completing again changes nothing.
		before = outboxBy(t, s)
		c2, _, err := s.CompleteParticipant(bg(), p.ID, completionInput)
		must(t, err)
		if c2.Record.ID != c.Record.ID || c2.Record.CertificateNo != c.Record.CertificateNo {
			t.Errorf("second completion gave another record: %+v", c2.Record)
		}
		if after := outboxBy(t, s); fmt.Sprint(after) != fmt.Sprint(before) {
			t.Errorf("second completion wrote outbox rows: %v → %v", before, after)
		}
		recs, err := s.ListTrainingRecords(bg(), f.dev.emp2.ID)
		must(t, err)
		if len(recs) != 1 {
			t.Errorf("%d records, want 1", len(recs))
		}
		jp, err := s.JPRecords(bg(), 2026, 2026)
		must(t, err)
		if len(jp) != 1 || jp[0].JP != 12 || jp[0].EmployeeID != f.dev.emp2.ID || jp[0].Date != "2026-03-04" {
			t.Errorf("JP records = %+v", jp)
		}
		wantCode(t, func() error { _, err := s.CancelParticipant(bg(), p.ID); return err }(), domain.CodeTrainingCompleted)
		wantCode(t, s.DeleteEvent(bg(), f.dev.event.ID), domain.CodeConflict)
	}},
	{"too little attendance marks the participant incomplete and writes no record", func(t *testing.T, s *store.Store) {
		f := devFixtureFor(t, s)
		attendAll(t, s, f.dev.participant.ID, "2026-03-02", "2026-03-03")
		c, p, err := s.CompleteParticipant(bg(), f.dev.participant.ID, completionInput)
		wantCode(t, err, domain.CodeTrainingAttendanceShort)
		if p == nil || p.Status != domain.ParticipantIncomplete || p.CertificateNo != "" || c.PresentDays != 2 || c.Days != 3 {
			t.Errorf("participant %+v completion %+v, want incomplete, 2 of 3 days, no number", p, c)
		}
		stored, err := s.GetParticipant(bg(), f.dev.participant.ID)
		must(t, err)
		if stored.Status != domain.ParticipantIncomplete {
			t.Errorf("stored status %s, want incomplete", stored.Status)
		}
		if n := count(t, s, "training_records"); n != 0 {
			t.Errorf("%d records written", n)
		}
		if n := count(t, s, "certificate_counters"); n != 0 {
			t.Errorf("a number was allocated for an incomplete participant")
		}
		_, err = s.SetAttendance(bg(), f.dev.participant.ID, "2026-03-05", true, "")
		wantCode(t, err, domain.CodeDateRange)
	}},
	{"certificate numbers stay unique under concurrent allocation and across devices", func(t *testing.T, s *store.Store) {
		f := devFixtureFor(t, s)
		const n = 12
		var wg sync.WaitGroup
		nums := make([]string, 2*n)
		errs := make([]error, 2*n)
		for i := range 2 * n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				dev := "A"
				if i%2 == 1 {
					dev = "B" // a second laptop's numbering, as it would arrive by sync
				}
				nums[i], errs[i] = s.NextCertificateNumber(bg(), f.dev.event.ID, store.CertificateIssuer{Format: certFormat, Device: dev})
			}()
		}
		wg.Wait()
		seen := map[string]bool{}
		for i := range nums {
			must(t, errs[i])
			if seen[nums[i]] {
				t.Errorf("number %s issued twice", nums[i])
			}
			seen[nums[i]] = true
		}
		var last []int
		must(t, s.DB.Table("certificate_counters").Order("device").Pluck("last", &last).Error)
		if fmt.Sprint(last) != fmt.Sprint([]int{n, n}) {
			t.Errorf("counters = %v, want [%d %d]", last, n, n)
		}
		sorted := make([]string, 0, len(seen))
		for k := range seen {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		if sorted[0] != "001/SEM-1/A/2026" || sorted[len(sorted)-1] != fmt.Sprintf("%03d/SEM-1/B/2026", n) {
			t.Errorf("numbers range %s … %s", sorted[0], sorted[len(sorted)-1])
		}
		_, err := s.NextCertificateNumber(bg(), f.dev.event.ID, store.CertificateIssuer{Format: "{seq}", Device: "A"})
		wantCode(t, err, domain.CodeCertificateFormat)
		_, err = s.NextCertificateNumber(bg(), f.dev.event.ID, store.CertificateIssuer{Format: certFormat, Device: "laptop-1"})
		wantCode(t, err, domain.CodeCertificateDevice)
	}},
	{"learning activity completion writes the record and closes its plan line", func(t *testing.T, s *store.Store) {
		f := devFixtureFor(t, s)
		plan := approvedPlan(t, s, f.dev.emp1)
		a := &domain.LearningActivity{EmployeeID: f.dev.emp1.ID, MethodCode: "coaching", Title: "Coaching", StartDate: "2026-06-01",
			EndDate: "2026-06-30", Sessions: 3, PlanID: plan.ID, PlanLineID: "l1"}
		must(t, s.SaveActivity(bg(), a, testMethods))
		if a.JP != 6 {
			t.Errorf("activity JP = %v, want 3 sessions × 2", a.JP)
		}
		done, err := s.CompleteActivity(bg(), a.ID, testMethods)
		must(t, err)
		if done.TrainingRecordID != domain.TrainingRecordID(a.ID) {
			t.Errorf("record id %q", done.TrainingRecordID)
		}
		got, err := s.GetPlan(bg(), plan.ID)
		must(t, err)
		if got.Lines[0].Status != domain.LineDone || got.Lines[0].RealisedJP != 6 {
			t.Errorf("line = %+v", got.Lines[0])
		}
		a2 := *done
		a2.Sessions = 5
		wantCode(t, s.SaveActivity(bg(), &a2, testMethods), domain.CodeTrainingCompleted)
		wantCode(t, s.DeleteActivity(bg(), a.ID), domain.CodeTrainingCompleted)
		bad := &domain.LearningActivity{EmployeeID: f.dev.emp1.ID, MethodCode: "coaching", Title: "x", StartDate: "2026-06-01", EndDate: "2026-06-01"}
		wantCode(t, s.SaveActivity(bg(), bad, testMethods), domain.CodeJPInputInvalid)
	}},
	{"one evaluation per participant and level", func(t *testing.T, s *store.Store) {
		f := devFixtureFor(t, s)
		e1 := &domain.Evaluation{ParticipantID: f.dev.participant.ID, Level: 2, Date: "2026-03-04", PreScore: fp(50), Score: fp(80)}
		must(t, s.SaveEvaluation(bg(), e1))
		e2 := &domain.Evaluation{ParticipantID: f.dev.participant.ID, Level: 2, Date: "2026-03-04", PreScore: fp(55), Score: fp(85)}
		must(t, s.SaveEvaluation(bg(), e2))
		if e2.ID != e1.ID || e2.Version != 2 || e2.EventID != f.dev.event.ID || e2.EmployeeID != f.dev.emp1.ID {
			t.Errorf("second save = %+v, want the same row at version 2", e2.SyncMeta)
		}
		all, err := s.ListEvaluations(bg(), store.EvaluationFilter{EventIDs: []string{f.dev.event.ID}})
		must(t, err)
		if len(all) != 1 || *all[0].Score != 85 {
			t.Errorf("evaluations = %+v", all)
		}
		err = s.SaveEvaluation(bg(), &domain.Evaluation{ParticipantID: f.dev.participant.ID, Level: 3, Date: "2026-06-04", Score: fp(4)})
		wantCode(t, err, domain.CodeInvalid)
	}},
	{"an evaluation's id is derived from participant and level", func(t *testing.T, s *store.Store) {
		f := devFixtureFor(t, s)
		pid := f.dev.participant.ID
		e := &domain.Evaluation{ParticipantID: pid, Level: 2, Date: "2026-03-04", Score: fp(80)}
		must(t, s.SaveEvaluation(bg(), e))
		if e.ID != domain.EvaluationID(pid, 2) {
			t.Errorf("id = %s, want %s", e.ID, domain.EvaluationID(pid, 2))
		}
		other := &domain.Evaluation{ParticipantID: pid, Level: 4, Date: "2026-06-04", Note: "dampak"}
		other.ID = store.NewUUIDv7()
		wantCode(t, s.SaveEvaluation(bg(), other), domain.CodeInvalid)

		// A row from before ids were derived (saved by an older version,
		// or pulled from a laptop that has not moved it yet) moves to the
		// derived id on its next save, its old id tombstoned.
		old := domain.Evaluation{ParticipantID: pid, EventID: f.dev.event.ID, EmployeeID: f.dev.emp1.ID, Level: 4,
			Date: "2026-06-04", Note: "lama", Answers: domain.EvaluationAnswers{}}
		old.ID, old.Version, old.UpdatedAt = store.NewUUIDv7(), 1, time.Now().UTC()
		must(t, s.DB.Create(&old).Error)
		edit := old
		edit.Note = "diperbarui"
		must(t, s.SaveEvaluation(bg(), &edit))
		if edit.ID != domain.EvaluationID(pid, 4) || edit.Version != 1 {
			t.Errorf("saved legacy row = %+v, want version 1 at the derived id", edit.SyncMeta)
		}
		all, err := s.ListEvaluations(bg(), store.EvaluationFilter{ParticipantIDs: []string{pid}, Level: 4})
		must(t, err)
		if len(all) != 1 || all[0].ID != edit.ID || all[0].Note != "diperbarui" {
			t.Errorf("level 4 = %+v", all)
		}
		var gone domain.Evaluation
		must(t, s.DB.Where("id = ?", old.ID).Take(&gone).Error)
		if !gone.Deleted {
			t.Error("the old row is still live")
		}
	}},
}

func fp(v float64) *float64 { return &v }
