package core_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/store"
)

// BenchmarkDraftPlans2000 drafts the plans of 2,000 employees (10 units ×
// 200, 15 competencies each, finalized results) in one action; each
// iteration drafts a new year, so it writes 2,000 plans with their outbox
// and audit rows.
func BenchmarkDraftPlans2000(b *testing.B) {
	dir := b.TempDir()
	c, err := core.Open(context.Background(), store.Config{Dir: dir})
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	o := buildOffice(b, c, 10, 200)
	assessAll(b, c, o, benchPeriod)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := c.DraftPlans(ctx, "", 2030+i, nil)
		if err != nil {
			b.Fatal(err)
		}
		if res.Created != 2000 {
			b.Fatalf("created %d plans", res.Created)
		}
	}
}

// The compliance office: the 10k office of the analysis benchmarks with
// three training records per employee per year over five years (150,000
// records), inserted directly (a fixture, not a write path under test).
var (
	jpOnce sync.Once
	jpErr  error
)

func jpOffice(b *testing.B) *core.Core {
	c, o := bigOffice(b)
	jpOnce.Do(func() {
		methods := []string{"seminar", "e_learning", "coaching"}
		var recs []domain.TrainingRecord
		for y := 2022; y <= 2026; y++ {
			for i, e := range o.employees {
				for k, m := range methods {
					end := fmt.Sprintf("%d-%02d-%02d", y, 1+(i+k*4)%12, 1+i%28)
					recs = append(recs, domain.TrainingRecord{
						SyncMeta:   domain.SyncMeta{ID: store.NewUUIDv7(), Version: 1, UpdatedAt: benchNow},
						EmployeeID: e.ID, NIP: e.NIP, MethodCode: m, Name: "Kegiatan " + m, StartDate: end, EndDate: end,
						Year: y, JP: float64(2 + (i+k+y)%9),
					})
				}
			}
		}
		jpErr = c.Store.DB.CreateInBatches(recs, 400).Error
	})
	if jpErr != nil {
		b.Fatal(jpErr)
	}
	return c
}

// BenchmarkJPCompliance10kx5y is the JP compliance dashboard of a 10,000
// employee office for one year, over five years of training records: the
// per-employee summaries, unit and office recaps, and who is below target
// with what is planned for them.
func BenchmarkJPCompliance10kx5y(b *testing.B) {
	c := jpOffice(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := c.Compliance(ctx, 2026, "")
		if err != nil {
			b.Fatal(err)
		}
		if r.Office.Count != benchUnits*benchPerUnit {
			b.Fatalf("count %d", r.Office.Count)
		}
	}
}

var benchNow = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
