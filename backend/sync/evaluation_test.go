package sync_test

import (
	"testing"

	"kembang/backend/domain"
	"kembang/backend/store"
	"kembang/backend/store/storetest"
	"kembang/backend/syncproto"
)

func l2Eval(participantID string, score float64, note string) *domain.Evaluation {
	return &domain.Evaluation{ParticipantID: participantID, Level: domain.LevelLearning, Date: "2026-03-12",
		Score: &score, Note: note}
}

// TestEvaluationOfflineOnTwoLaptops: two laptops of one office record the
// post-test of the same participant while offline. There is one
// evaluation per participant and level, so after sync the server and both
// laptops hold one row, and, evaluations merging field by field, the later
// writer in server order wins where both set a field (reported as a
// conflict to that laptop).
func TestEvaluationOfflineOnTwoLaptops(t *testing.T) {
	for name, cfg := range backends(t) {
		t.Run(name, func(t *testing.T) {
			srv := startServer(t, cfg(t))
			o := srv.setup(t, "Kantor A")[0]
			a1, a2 := newLaptop(t, "A1"), newLaptop(t, "A2")
			a1.enrol(t, srv, o.ID, srv.URL)
			a2.enrol(t, srv, o.ID, srv.URL)
			e := &domain.Employee{NIP: storetest.NIP(1, 1, 1), Name: "Peserta"}
			must(t, a1.core.Store.SaveEmployee(bg(), e))
			ev := newEvent(t, a1, "BIMTEK-01")
			_, err := a1.core.AddParticipants(bg(), ev.ID, []string{e.ID})
			must(t, err)
			syncAll(t, []*laptop{a1, a2})
			pid := domain.ParticipantID(ev.ID, e.ID)

			// Offline on both.
			x := l2Eval(pid, 70, "Dicatat di A1")
			must(t, a1.core.Store.SaveEvaluation(bg(), x))
			y := l2Eval(pid, 85, "Dicatat di A2")
			must(t, a2.core.Store.SaveEvaluation(bg(), y))
			if x.ID != y.ID || x.ID != domain.EvaluationID(pid, domain.LevelLearning) {
				t.Fatalf("ids %s and %s, want both %s", x.ID, y.ID, domain.EvaluationID(pid, domain.LevelLearning))
			}
			a1.sync(t)
			a2.sync(t) // the later writer
			a1.sync(t)

			if rows := serverRows(t, srv, "evaluation", o.ID); len(rows) != 1 {
				t.Fatalf("server: %d evaluations, want 1: %v", len(rows), rows)
			}
			for _, l := range []*laptop{a1, a2} {
				got, err := l.core.Store.ListEvaluations(bg(), store.EvaluationFilter{ParticipantIDs: []string{pid}})
				must(t, err)
				if len(got) != 1 || got[0].Score == nil || *got[0].Score != 85 || got[0].Note != "Dicatat di A2" {
					t.Fatalf("%s: evaluations %+v, want A2's one", l.name, got)
				}
				checkDevConverged(t, srv, l)
			}
			is, err := a2.client.Issues(bg(), false)
			must(t, err)
			conflicts := 0
			for _, i := range is {
				if i.Entity == "evaluation" && i.Code == syncproto.CodeConflict {
					conflicts++
				}
			}
			if conflicts == 0 {
				t.Fatalf("A2 was not told that it overwrote A1's values: %+v", is)
			}

			// An evaluation with a random id is refused as a new row.
			bad := l2Eval(pid, 90, "")
			bad.Level = domain.LevelReaction
			bad.Answers = domain.EvaluationAnswers{{QuestionID: "materi", Value: 4}}
			bad.EventID, bad.EmployeeID = ev.ID, e.ID
			bad.ID, bad.Version = "01900000-0000-7000-8000-000000000001", 1
			if r := pushRaw(t, srv, a1, "evaluation", bad.ID, bad, nil); r.Status != syncproto.StatusRejected || r.Code != syncproto.CodePayloadInvalid {
				t.Fatalf("evaluation with a random id: %+v", r)
			}
		})
	}
}
