package store_test

import (
	"context"
	"encoding/json"
	"os"
	"testing"
	"time"

	"kembang/backend/domain"
	"kembang/backend/store"
	"kembang/backend/store/storetest"
)

// TestEvaluationIDsMigration: evaluations saved before ids were derived
// (random ids, and two rows for one participant and level after two
// laptops synced) move to domain.EvaluationID: one live row per
// participant and level holding the latest edit, every old row
// tombstoned, all of it in the outbox for the server, and the old rows'
// pending mutations dropped.
func TestEvaluationIDsMigration(t *testing.T) {
	ctx := context.Background()
	backends := map[string]store.Config{"sqlite": {Dir: t.TempDir()}}
	if dsn := os.Getenv("KEMBANG_TEST_PG_DSN"); dsn != "" {
		backends["postgres"] = store.Config{Driver: store.DriverPostgres, DSN: storetest.PGSchema(t, dsn, "kt_")}
	} else {
		t.Log("KEMBANG_TEST_PG_DSN not set: PostgreSQL run skipped")
	}
	for name, cfg := range backends {
		t.Run(name, func(t *testing.T) {
			s, err := store.Open(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			// Back to the state before the migration, with legacy rows.
			if err := s.DB.Exec("DELETE FROM migrations WHERE id = '202612240005_evaluation_ids'").Error; err != nil {
				t.Fatal(err)
			}
			t0 := time.Date(2026, 3, 12, 9, 0, 0, 0, time.UTC)
			score := func(v float64) *float64 { return &v }
			legacy := []domain.Evaluation{
				{ParticipantID: "p-1", EventID: "ev", EmployeeID: "e-1", Level: 2, Date: "2026-03-12", Score: score(70), Note: "laptop A"},
				{ParticipantID: "p-1", EventID: "ev", EmployeeID: "e-1", Level: 2, Date: "2026-03-12", Score: score(85), Note: "laptop B"},
				{ParticipantID: "p-2", EventID: "ev", EmployeeID: "e-2", Level: 4, Date: "2026-06-01", Note: "dampak"},
			}
			for i := range legacy {
				legacy[i].ID, legacy[i].Version = store.NewUUIDv7(), 1
				legacy[i].UpdatedAt = t0.Add(time.Duration(i) * time.Hour) // B is the later edit
				legacy[i].Answers = domain.EvaluationAnswers{}
				if err := s.DB.Create(&legacy[i]).Error; err != nil {
					t.Fatal(err)
				}
			}
			payload, _ := json.Marshal(legacy[1])
			if err := s.DB.Create(&domain.OutboxEntry{MutationID: store.NewUUIDv7(), Entity: "evaluation", EntityID: legacy[1].ID,
				Payload: string(payload), CreatedAt: t0}).Error; err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			s, err = store.Open(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()

			live, err := s.ListEvaluations(ctx, store.EvaluationFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if len(live) != 2 {
				t.Fatalf("%d live evaluations, want 2: %+v", len(live), live)
			}
			if live[0].ID != domain.EvaluationID("p-1", 2) || *live[0].Score != 85 || live[0].Note != "laptop B" {
				t.Fatalf("p-1 level 2: %+v, want laptop B's at the derived id", live[0])
			}
			if live[1].ID != domain.EvaluationID("p-2", 4) || live[1].Note != "dampak" {
				t.Fatalf("p-2 level 4: %+v", live[1])
			}
			var dead int64
			if err := s.DB.Model(&domain.Evaluation{}).Where("deleted").Count(&dead).Error; err != nil {
				t.Fatal(err)
			}
			if dead != 3 {
				t.Fatalf("%d tombstones, want the 3 old rows", dead)
			}
			out, err := s.PendingOutbox(ctx, 100)
			if err != nil {
				t.Fatal(err)
			}
			tomb, created := map[string]bool{}, map[string]bool{}
			for _, e := range out {
				var row domain.Evaluation
				if err := json.Unmarshal([]byte(e.Payload), &row); err != nil {
					t.Fatal(err)
				}
				if row.Deleted {
					tomb[e.EntityID] = true
				} else {
					created[e.EntityID] = true
				}
			}
			if len(out) != 5 || len(tomb) != 3 || !created[live[0].ID] || !created[live[1].ID] {
				t.Fatalf("outbox: %d entries, tombstones %v, rows %v", len(out), tomb, created)
			}
		})
	}
}
