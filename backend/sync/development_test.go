package sync_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/framework"
	"kembang/backend/server"
	"kembang/backend/store"
	"kembang/backend/store/storetest"
	"kembang/backend/syncproto"
)

var boss = domain.Approver{Name: "Kepala Bidang", NIP: "197001011995031001"}

// devTables are the laptop tables of the development entities, with their
// entity names.
var devTables = []struct{ table, entity string }{
	{"development_plans", "development_plan"},
	{"training_events", "training_event"},
	{"participants", "training_participant"},
	{"attendances", "training_attendance"},
	{"training_records", "training_record"},
	{"learning_activities", "learning_activity"},
	{"evaluations", "evaluation"},
	{"awards", "award"},
	{"certificate_counters", "certificate_counter"},
}

// draftPlan stores a draft plan of emp for 2026 with one line.
func draftPlan(t *testing.T, l *laptop, empID string) *domain.DevelopmentPlan {
	t.Helper()
	p := &domain.DevelopmentPlan{EmployeeID: empID, Year: 2026, Lines: domain.PlanLines{{ID: l.core.Store.NewID(), Priority: 1,
		CompetencyCode: "M.1", Standard: 3, Actual: 2, MethodCode: "seminar", PlannedJP: 8, Cost: 500_000, FundingSource: "APBD"}}}
	must(t, l.core.Store.SavePlan(bg(), p, framework.MethodsByCode()))
	return p
}

func transition(t *testing.T, l *laptop, planID string, to domain.PlanState, reason string) *domain.DevelopmentPlan {
	t.Helper()
	v, err := l.core.TransitionPlan(bg(), planID, to, boss, reason)
	must(t, err)
	return &v.Plan
}

func setDeviceCode(t *testing.T, l *laptop, code string) {
	t.Helper()
	s, err := l.core.DevelopmentSettings(bg())
	must(t, err)
	s.DeviceCode = code
	_, err = l.core.SaveDevelopmentSettings(bg(), s)
	must(t, err)
}

func newEvent(t *testing.T, l *laptop, code string) *domain.TrainingEvent {
	t.Helper()
	ev, err := l.core.SaveEvent(bg(), domain.TrainingEvent{Code: code, Name: "Bimtek " + code, MethodCode: "workshop",
		StartDate: "2026-03-10", EndDate: "2026-03-11", Budget: 5_000_000})
	must(t, err)
	return ev
}

func markAll(t *testing.T, l *laptop, participantID string) {
	t.Helper()
	for _, d := range []string{"2026-03-10", "2026-03-11"} {
		_, err := l.core.Store.SetAttendance(bg(), participantID, d, true, "")
		must(t, err)
	}
}

// checkDevConverged: the laptop's development rows equal the server's.
func checkDevConverged(t *testing.T, srv *testServer, l *laptop) {
	t.Helper()
	for _, d := range devTables {
		local := localTable(t, l, d.table)
		want := serverRows(t, srv, d.entity, l.office)
		if len(local) != len(want) {
			t.Errorf("%s: %d local %s rows, server has %d", l.name, len(local), d.entity, len(want))
		}
		for id, w := range want {
			if got, ok := local[id]; !ok {
				t.Errorf("%s: %s %s missing on the laptop", l.name, d.entity, id)
			} else if !equalJSON(got, w) {
				t.Errorf("%s: %s %s differs:\nlocal  %v\nserver %v", l.name, d.entity, id, got, w)
			}
		}
	}
}

// localTable reads a development table through its domain type.
func localTable(t *testing.T, l *laptop, table string) map[string]map[string]any {
	switch table {
	case "development_plans":
		return localRows[domain.DevelopmentPlan](t, l, table)
	case "training_events":
		return localRows[domain.TrainingEvent](t, l, table)
	case "participants":
		return localRows[domain.Participant](t, l, table)
	case "attendances":
		return localRows[domain.Attendance](t, l, table)
	case "training_records":
		return localRows[domain.TrainingRecord](t, l, table)
	case "learning_activities":
		return localRows[domain.LearningActivity](t, l, table)
	case "evaluations":
		return localRows[domain.Evaluation](t, l, table)
	case "awards":
		return localRows[domain.Award](t, l, table)
	case "certificate_counters":
		return localRows[domain.CertificateCounter](t, l, table)
	}
	t.Fatalf("unknown table %s", table)
	return nil
}

func equalJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

// TestDevelopmentSync runs the development entities through the real
// server: a plan drafted and approved on one laptop reaches the other
// laptop of its office and never the other office; a concurrent "send
// back" cannot undo the approval; a training event with participants,
// attendance marked on two laptops, completion on two laptops at once
// with certificate numbers from two device counters; and hostile or
// invalid mutations are refused with their codes.
func TestDevelopmentSync(t *testing.T) {
	for name, cfg := range backends(t) {
		t.Run(name, func(t *testing.T) {
			srv := startServer(t, cfg(t))
			offices := srv.setup(t, "BKPSDM Kota A", "BKPSDM Kabupaten B")
			a1, a2, b1 := newLaptop(t, "A1"), newLaptop(t, "A2"), newLaptop(t, "B1")
			a1.enrol(t, srv, offices[0].ID, srv.URL)
			a2.enrol(t, srv, offices[0].ID, srv.URL)
			b1.enrol(t, srv, offices[1].ID, srv.URL)
			setDeviceCode(t, a1, "A1")
			setDeviceCode(t, a2, "A2")
			all := []*laptop{a1, a2, b1}

			u := &domain.Unit{OfficeID: a1.office, Name: "Bidang Pengembangan"}
			must(t, a1.core.Store.SaveUnit(bg(), u))
			var emps []*domain.Employee
			for k := 1; k <= 3; k++ {
				e := &domain.Employee{NIP: storetest.NIP(k, 1, k), Name: fmt.Sprintf("Pegawai %d", k), UnitID: &u.ID}
				must(t, a1.core.Store.SaveEmployee(bg(), e))
				emps = append(emps, e)
			}
			bu := &domain.Unit{OfficeID: b1.office, Name: "Subbag Umum"}
			must(t, b1.core.Store.SaveUnit(bg(), bu))
			be := &domain.Employee{NIP: storetest.NIP(9, 2, 9), Name: "Pegawai B", UnitID: &bu.ID}
			must(t, b1.core.Store.SaveEmployee(bg(), be))
			syncAll(t, all)

			// A plan drafted, submitted and approved on A1 reaches A2.
			p1 := draftPlan(t, a1, emps[0].ID)
			transition(t, a1, p1.ID, domain.PlanSubmitted, "")
			transition(t, a1, p1.ID, domain.PlanApproved, "")
			syncAll(t, all)
			got, err := a2.core.Store.GetPlan(bg(), p1.ID)
			must(t, err)
			if got.State != domain.PlanApproved || got.ApproverNIP != boss.NIP || len(got.History) != 2 || len(got.Lines) != 1 {
				t.Fatalf("plan on A2 = %+v, want A1's approved plan", got)
			}
			if _, err := b1.core.Store.GetPlan(bg(), p1.ID); !domain.IsCode(err, domain.CodeNotFound) {
				t.Fatalf("plan of office A on B1: %v", err)
			}

			// The plan of a second employee is submitted; then A1 approves it
			// while A2, offline, sends it back. The approval stands, A2's
			// note (content) is merged, and A2 sees why its state lost.
			p2 := draftPlan(t, a1, emps[1].ID)
			transition(t, a1, p2.ID, domain.PlanSubmitted, "")
			syncAll(t, all)
			transition(t, a1, p2.ID, domain.PlanApproved, "")
			_, err = a2.core.Store.EditPlan(bg(), p2.ID, framework.MethodsByCode(), func(p *domain.DevelopmentPlan) error {
				p.Note = "Dibahas ulang"
				return domain.TransitionPlan(p, domain.PlanRevision, boss, "Target belum jelas", a2.core.Store.Now())
			})
			must(t, err)
			a1.sync(t)
			a2.sync(t)
			for _, l := range all {
				l.sync(t)
			}
			for _, l := range []*laptop{a1, a2} {
				got, err := l.core.Store.GetPlan(bg(), p2.ID)
				must(t, err)
				if got.State != domain.PlanApproved || got.Note != "Dibahas ulang" {
					t.Fatalf("%s: plan = state %s note %q, want approved with A2's note", l.name, got.State, got.Note)
				}
			}
			is, err := a2.client.Issues(bg(), false)
			must(t, err)
			found := false
			for _, i := range is {
				if i.Entity == "development_plan" && i.Field == "state" && i.Code == syncproto.CodeStateKept &&
					i.Yours == `"revision"` && i.Theirs == `"approved"` {
					found = true
				}
			}
			if !found {
				t.Fatalf("A2 issues = %+v, want the state kept as approved", is)
			}

			// A training event with participants on A1; attendance marked on
			// both laptops; both complete one participant each, offline.
			ev := newEvent(t, a1, "BIMTEK-01")
			_, err = a1.core.AddFromPlans(bg(), ev.ID, []core.LineRef{{PlanID: p1.ID, LineID: p1.Lines[0].ID}})
			must(t, err)
			_, err = a1.core.AddParticipants(bg(), ev.ID, []string{emps[1].ID, emps[2].ID})
			must(t, err)
			syncAll(t, all)
			pa, pb := domain.ParticipantID(ev.ID, emps[0].ID), domain.ParticipantID(ev.ID, emps[1].ID)
			markAll(t, a1, pa)
			markAll(t, a2, pb)
			// The same day on both laptops, differently: present wins.
			pc := domain.ParticipantID(ev.ID, emps[2].ID)
			_, err = a1.core.Store.SetAttendance(bg(), pc, "2026-03-10", true, "")
			must(t, err)
			_, err = a2.core.Store.SetAttendance(bg(), pc, "2026-03-10", false, "izin")
			must(t, err)
			syncAll(t, all)
			_, err = a1.core.CompleteParticipant(bg(), pa)
			must(t, err)
			_, err = a2.core.CompleteParticipant(bg(), pb)
			must(t, err)
			syncAll(t, all)
			syncAll(t, all)

			parts := serverRows(t, srv, "training_participant", a1.office)
			certs := map[string]bool{}
			for _, id := range []string{pa, pb} {
				p := parts[id]
				if p == nil || p["status"] != "completed" || p["certificateNo"] == "" {
					t.Fatalf("participant %s on the server = %v, want completed with a certificate", id, p)
				}
				certs[p["certificateNo"].(string)] = true
			}
			if !certs["001/BIMTEK-01/A1/2026"] || !certs["001/BIMTEK-01/A2/2026"] {
				t.Fatalf("certificates %v, want one from each laptop's counter", certs)
			}
			att := serverRows(t, srv, "training_attendance", a1.office)[domain.AttendanceID(pc, "2026-03-10")]
			if att == nil || att["present"] != true {
				t.Fatalf("attendance marked on two laptops = %v, want present", att)
			}
			recs := serverRows(t, srv, "training_record", a1.office)
			if len(recs) != 2 || recs[domain.TrainingRecordID(pa)] == nil || recs[domain.TrainingRecordID(pb)] == nil {
				t.Fatalf("training records on the server: %v", recs)
			}
			plan := serverRows(t, srv, "development_plan", a1.office)[p1.ID]
			if line := plan["lines"].([]any)[0].(map[string]any); line["status"] != "done" {
				t.Fatalf("plan line after completion = %v, want done", line)
			}
			if n := len(serverRows(t, srv, "certificate_counter", a1.office)); n != 2 {
				t.Fatalf("%d certificate counters on the server, want one per laptop", n)
			}
			for _, l := range all {
				checkDevConverged(t, srv, l)
				checkIsolated(t, srv, l)
				n, err := l.core.Store.CountOutbox(bg())
				must(t, err)
				if n != 0 {
					t.Errorf("%s: %d mutations left in the outbox", l.name, n)
				}
			}
			if n := len(localTable(t, b1, "development_plans")) + len(localTable(t, b1, "participants")); n != 0 {
				t.Fatalf("B1 holds %d development rows of office A", n)
			}

			// Refused: each mutation below breaks one rule; the server says
			// which, and its rows stay as they were.
			before := map[string]map[string]map[string]any{}
			for _, d := range devTables {
				before[d.entity] = serverRows(t, srv, d.entity, a1.office)
			}
			doneP := mustJSON(t, parts[pa])
			var part domain.Participant
			must(t, json.Unmarshal(doneP, &part))
			changed := part
			changed.CertificateNo = "999/BIMTEK-01/A1/2026"
			deleted := part
			deleted.Deleted = true
			var cancelled domain.Participant
			must(t, json.Unmarshal(mustJSON(t, parts[pc]), &cancelled))
			cancelled.Deleted = true
			dup := cancelled
			dup.Deleted, dup.CertificateNo = false, part.CertificateNo
			wrongID := domain.Participant{EventID: ev.ID, EmployeeID: emps[2].ID, Status: domain.ParticipantRegistered}
			wrongID.ID = "01900000-0000-7000-8000-00000000c001"
			foreign := domain.Participant{EventID: ev.ID, EmployeeID: be.ID, Status: domain.ParticipantRegistered}
			foreign.ID = domain.ParticipantID(ev.ID, be.ID)
			var evRow domain.TrainingEvent
			must(t, json.Unmarshal(mustJSON(t, serverRows(t, srv, "training_event", a1.office)[ev.ID]), &evRow))
			renamed := evRow
			renamed.Name = "Bimtek lain"
			costed := evRow
			costed.RealisedCost = 4_500_000
			var approved domain.DevelopmentPlan
			must(t, json.Unmarshal(mustJSON(t, plan), &approved))
			locked := approved
			locked.Lines = append(domain.PlanLines{}, approved.Lines...)
			locked.Lines[0].PlannedJP = 40
			backwards := approved
			backwards.State, backwards.StateSeq = domain.PlanDraft, approved.StateSeq+1
			backwards.History = append(append(domain.PlanHistory{}, approved.History...),
				domain.PlanEvent{Seq: approved.StateSeq + 1, From: domain.PlanApproved, To: domain.PlanDraft})
			backwardsBase := mustJSON(t, plan)
			cases := []struct {
				name, entity, id, code string
				row                    any
				base                   json.RawMessage
			}{
				{"completed participant changed", "training_participant", pa, domain.CodeTrainingCompleted, changed, nil},
				{"participant deleted", "training_participant", pa, syncproto.CodeAppendOnly, deleted, nil},
				{"registered participant deleted", "training_participant", pc, syncproto.CodeAppendOnly, cancelled, nil},
				{"certificate number taken", "training_participant", pc, syncproto.CodeCertificateUsed, dup, nil},
				{"participant id not derived", "training_participant", wrongID.ID, syncproto.CodePayloadInvalid, wrongID, nil},
				{"employee of another office", "training_participant", foreign.ID, syncproto.CodeOfficeScope, foreign, nil},
				{"completed event renamed", "training_event", ev.ID, domain.CodeTrainingCompleted, renamed, nil},
				{"approved plan content", "development_plan", p1.ID, domain.CodePlanLocked, locked, mustJSON(t, plan)},
			}
			for _, c := range cases {
				res := pushRaw(t, srv, a2, c.entity, c.id, c.row, c.base)
				if res.Status != syncproto.StatusRejected || res.Code != c.code {
					t.Errorf("%s: result %s %s, want rejected %s", c.name, res.Status, res.Code, c.code)
				}
			}
			// A counter sent with an older last number keeps the higher one;
			// the attendance of a completed participant no longer changes.
			counters := serverRows(t, srv, "certificate_counter", a1.office)
			var counter domain.CertificateCounter
			for _, c := range counters {
				if c["device"] == "A1" {
					must(t, json.Unmarshal(mustJSON(t, c), &counter))
				}
			}
			older := counter
			older.Last = 0
			if res := pushRaw(t, srv, a2, "certificate_counter", counter.ID, older, mustJSON(t, counter)); res.Status != syncproto.StatusApplied || res.Current == nil {
				t.Errorf("older counter: %+v", res)
			} else if !strings.Contains(string(res.Current.Payload), `"last":1`) {
				t.Errorf("counter after an older last number: %s, want last 1", res.Current.Payload)
			}
			var mark domain.Attendance
			must(t, json.Unmarshal(mustJSON(t, serverRows(t, srv, "training_attendance", a1.office)[domain.AttendanceID(pa, "2026-03-10")]), &mark))
			absent := mark
			absent.Present = false
			if res := pushRaw(t, srv, a2, "training_attendance", mark.ID, absent, mustJSON(t, mark)); res.Status != syncproto.StatusRejected || res.Code != domain.CodeTrainingCompleted {
				t.Errorf("attendance of a completed participant changed: %+v", res)
			}
			// A forged backwards move keeps the server's state and says so.
			res := pushRaw(t, srv, a2, "development_plan", p1.ID, backwards, backwardsBase)
			if res.Status != syncproto.StatusApplied || len(res.Conflicts) != 1 || res.Conflicts[0].Kept != "theirs" {
				t.Errorf("backwards plan: %+v, want applied with the state kept", res)
			}
			// The event's bookkeeping stays editable after completion.
			if res := pushRaw(t, srv, a2, "training_event", ev.ID, costed, mustJSON(t, evRow)); res.Status != syncproto.StatusApplied || res.ChangeSeq == 0 {
				t.Errorf("realised cost of a completed event: %+v, want applied", res)
			}
			for _, d := range devTables {
				after := serverRows(t, srv, d.entity, a1.office)
				for id, row := range before[d.entity] {
					if d.entity == "training_event" && id == ev.ID {
						continue
					}
					if !equalJSON(row, after[id]) {
						t.Errorf("%s %s changed by refused mutations:\nbefore %v\nafter  %v", d.entity, id, row, after[id])
					}
				}
				if len(after) != len(before[d.entity]) {
					t.Errorf("%s: %d rows after refused mutations, %d before", d.entity, len(after), len(before[d.entity]))
				}
			}

			// Reopening is the one way back, and it unlocks the content: A2
			// reopens the approved plan with a reason, changes a line and
			// resubmits; A1 receives all of it.
			syncAll(t, all)
			transition(t, a2, p2.ID, domain.PlanRevision, "Anggaran dipotong")
			_, err = a2.core.Store.EditPlan(bg(), p2.ID, framework.MethodsByCode(), func(p *domain.DevelopmentPlan) error {
				p.Lines[0].PlannedJP = 16
				return nil
			})
			must(t, err)
			transition(t, a2, p2.ID, domain.PlanSubmitted, "")
			syncAll(t, all)
			syncAll(t, all)
			got, err = a1.core.Store.GetPlan(bg(), p2.ID)
			must(t, err)
			if got.State != domain.PlanSubmitted || got.Lines[0].PlannedJP != 16 || got.ApproverNIP != "" {
				t.Fatalf("reopened plan on A1 = state %s, JP %v, approver %q", got.State, got.Lines[0].PlannedJP, got.ApproverNIP)
			}
			for _, l := range all {
				checkDevConverged(t, srv, l)
			}
		})
	}
}

func syncAll(t *testing.T, ls []*laptop) {
	t.Helper()
	for _, l := range ls {
		l.sync(t)
	}
}

func mustJSON(t *testing.T, v any) json.RawMessage {
	t.Helper()
	b, err := json.Marshal(v)
	must(t, err)
	return b
}

var rawSeq int

// pushRaw pushes one mutation with l's credential and returns its result.
func pushRaw(t *testing.T, srv *testServer, l *laptop, entity, id string, row any, base json.RawMessage) syncproto.Result {
	t.Helper()
	rawSeq++
	m := syncproto.Mutation{MutationID: fmt.Sprintf("01900000-0000-7000-8000-%012d", rawSeq), Entity: entity, EntityID: id,
		BaseVersion: 1, Payload: mustJSON(t, row), Base: base}
	var resp syncproto.PushResponse
	if st := rawCall(t, http.MethodPost, srv.URL+syncproto.PathPush, l.credential(t), syncproto.PushRequest{Mutations: []syncproto.Mutation{m}}, &resp); st != http.StatusOK {
		t.Fatalf("push status %d", st)
	}
	if len(resp.Results) != 1 {
		t.Fatalf("results %+v", resp.Results)
	}
	return resp.Results[0]
}

// TestEventsMadeBeforeEnrolment: a training event recorded before the
// laptop was enrolled carries the placeholder office of the fresh
// installation; enrolment moves it to the server's office (AdoptOffice),
// and so does the next round for an event an earlier version left behind
// (the row and its pending mutation still naming the placeholder), so the
// server accepts both instead of refusing them as another office's.
func TestEventsMadeBeforeEnrolment(t *testing.T) {
	srv := startServer(t, server.Config{Driver: store.DriverSQLite, Dir: t.TempDir()})
	offices := srv.setup(t, "BKPSDM Kota A")
	l := newLaptop(t, "A1")
	before := newEvent(t, l, "PRA-01")
	placeholder := before.OfficeID
	if placeholder == "" {
		t.Fatal("an event made before enrolment has no office")
	}
	l.enrol(t, srv, offices[0].ID, srv.URL)
	legacy := newEvent(t, l, "LAMA-01")
	// What an earlier version left: the row and its mutation on the placeholder.
	must(t, l.core.Store.DB.Exec("UPDATE training_events SET office_id = ? WHERE id = ?", placeholder, legacy.ID).Error)
	var e domain.OutboxEntry
	must(t, l.core.Store.DB.Where("entity_id = ?", legacy.ID).Take(&e).Error)
	var p map[string]any
	must(t, json.Unmarshal([]byte(e.Payload), &p))
	p["officeId"] = placeholder
	must(t, l.core.Store.DB.Model(&e).Update("payload", string(mustJSON(t, p))).Error)

	l.sync(t)
	rows := serverRows(t, srv, "training_event", offices[0].ID)
	for _, ev := range []*domain.TrainingEvent{before, legacy} {
		if rows[ev.ID] == nil || rows[ev.ID]["officeId"] != offices[0].ID {
			t.Errorf("event %s on the server: %v", ev.Code, rows[ev.ID])
		}
		got, err := l.core.Store.GetEvent(bg(), ev.ID)
		must(t, err)
		if got.OfficeID != offices[0].ID || got.Deleted {
			t.Errorf("event %s on the laptop: office %s deleted %v", ev.Code, got.OfficeID, got.Deleted)
		}
	}
	is, err := l.client.Issues(bg(), true)
	must(t, err)
	if len(is) != 0 {
		t.Errorf("issues: %+v", is)
	}
}

// TestSameDeviceCode: two laptops of one office misconfigured with the same
// device code complete two participants offline and print the same
// certificate number. The server keeps the first; the second laptop's
// completion is refused (certificate.taken) and so is the training record
// it produced (training.not_completed), so the employee gets no JP for a
// completion the server does not hold; that laptop ends with the server's
// rows and both refusals in its issues list.
func TestSameDeviceCode(t *testing.T) {
	for name, cfg := range backends(t) {
		t.Run(name, func(t *testing.T) {
			srv := startServer(t, cfg(t))
			offices := srv.setup(t, "BKPSDM Kota A")
			x, y := newLaptop(t, "X"), newLaptop(t, "Y")
			x.enrol(t, srv, offices[0].ID, srv.URL)
			y.enrol(t, srv, offices[0].ID, srv.URL)
			setDeviceCode(t, x, "LAP")
			setDeviceCode(t, y, "LAP")
			u := &domain.Unit{OfficeID: x.office, Name: "Bidang"}
			must(t, x.core.Store.SaveUnit(bg(), u))
			var emps []string
			for k := 1; k <= 2; k++ {
				e := &domain.Employee{NIP: storetest.NIP(k, 1, k), Name: fmt.Sprintf("Pegawai %d", k), UnitID: &u.ID}
				must(t, x.core.Store.SaveEmployee(bg(), e))
				emps = append(emps, e.ID)
			}
			ev := newEvent(t, x, "BIMTEK-09")
			_, err := x.core.AddParticipants(bg(), ev.ID, emps)
			must(t, err)
			both := []*laptop{x, y}
			syncAll(t, both)
			syncAll(t, both)
			px, py := domain.ParticipantID(ev.ID, emps[0]), domain.ParticipantID(ev.ID, emps[1])
			markAll(t, x, px)
			markAll(t, y, py)
			_, err = x.core.CompleteParticipant(bg(), px)
			must(t, err)
			_, err = y.core.CompleteParticipant(bg(), py)
			must(t, err)
			syncAll(t, both)
			syncAll(t, both)

			parts := serverRows(t, srv, "training_participant", x.office)
			if parts[px]["certificateNo"] != "001/BIMTEK-09/LAP/2026" || parts[py]["status"] != "registered" || parts[py]["certificateNo"] != "" {
				t.Fatalf("participants on the server: %v / %v", parts[px], parts[py])
			}
			recs := serverRows(t, srv, "training_record", x.office)
			if len(recs) != 1 || recs[domain.TrainingRecordID(px)] == nil {
				t.Fatalf("records on the server: %v", recs)
			}
			is, err := y.client.Issues(bg(), false)
			must(t, err)
			codes := map[string]string{}
			for _, i := range is {
				codes[i.Entity] = i.Code
			}
			if codes["training_participant"] != syncproto.CodeCertificateUsed || codes["training_record"] != syncproto.CodeNotCompleted {
				t.Fatalf("Y's issues: %+v", is)
			}
			for _, l := range both {
				checkDevConverged(t, srv, l)
			}
		})
	}
}
