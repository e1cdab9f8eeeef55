package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"kembang/backend/domain"
	"kembang/backend/store"
)

// Device and Actor are what the suite stamps on every write.
const (
	Device = "laptop-test"
	Actor  = "tester"
)

// Epoch is the first instant of the suite's clock.
var Epoch = time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)

// Clock is a deterministic clock that advances one second per reading.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock starts at Epoch.
func NewClock() *Clock { return &Clock{now: Epoch} }

// Now returns the current instant and advances the clock.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := c.now
	c.now = c.now.Add(time.Second)
	return t
}

// NIP builds a valid 18-digit NIP: born 1980-01-dd, CPNS 2005-01, gender 1
// (male) or 2 (female), serial n.
func NIP(day, gender, serial int) string {
	return fmt.Sprintf("198001%02d200501%d%03d", day, gender, serial)
}

func bg() context.Context { return context.Background() }

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
}

func wantCode(t *testing.T, err error, code string) *domain.Error {
	t.Helper()
	if !domain.IsCode(err, code) {
		t.Fatalf("error = %v, want code %q", err, code)
	}
	de, _ := err.(*domain.Error)
	return de
}

func ptr(s string) *string { return &s }

// outboxBy counts outbox rows per entity.
func outboxBy(t *testing.T, s *store.Store) map[string]int64 {
	t.Helper()
	var rows []struct {
		Entity string
		N      int64
	}
	must(t, s.DB.Raw("SELECT entity, count(*) AS n FROM outbox GROUP BY entity").Scan(&rows).Error)
	out := map[string]int64{}
	for _, r := range rows {
		out[r.Entity] = r.N
	}
	return out
}

func count(t *testing.T, s *store.Store, table string) int64 {
	t.Helper()
	var n int64
	must(t, s.DB.Table(table).Count(&n).Error)
	return n
}

// snapshot counts every table, to prove a failed write left nothing.
func snapshot(t *testing.T, s *store.Store) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	for _, tbl := range append(append([]string{}, store.SyncableTables...), "outbox", "audit_entries", "settings") {
		out[tbl] = count(t, s, tbl)
	}
	return out
}

func sameCounts(t *testing.T, before, after map[string]int64) {
	t.Helper()
	for k, v := range before {
		if after[k] != v {
			t.Errorf("table %s: %d rows before, %d after a failed write", k, v, after[k])
		}
	}
}

func lastOutbox(t *testing.T, s *store.Store) domain.OutboxEntry {
	t.Helper()
	var e domain.OutboxEntry
	must(t, s.DB.Order("created_at DESC, mutation_id DESC").Take(&e).Error)
	return e
}

func decode[T any](t *testing.T, payload string) T {
	t.Helper()
	var v T
	must(t, json.Unmarshal([]byte(payload), &v))
	return v
}

// fixture is a small office: two units, a position, two built-in and one
// technical competency.
type fixture struct {
	office   *domain.Office
	unitA    *domain.Unit
	unitB    *domain.Unit
	position *domain.Position
	tech     *domain.Competency
	// assessee and assessment are set by withAssessee and the assessment writes.
	assessee   *domain.Employee
	assessment *domain.Assessment
	// dev is set by withDevelopment.
	dev *devFixture
}

func levels() domain.Levels {
	ls := make(domain.Levels, 5)
	for i := range ls {
		ls[i] = domain.CompetencyLevel{Level: i + 1, Name: fmt.Sprintf("L%d", i+1), Description: "d", Indicators: []string{"i"}}
	}
	return ls
}

// Builtins is a small built-in dictionary with deterministic ids.
func Builtins() []domain.Competency {
	return []domain.Competency{
		{SyncMeta: domain.SyncMeta{ID: "00000000-0000-7000-8000-000000000001"}, Code: "M.1", Type: domain.Managerial, Name: "Integritas", Levels: levels()},
		{SyncMeta: domain.SyncMeta{ID: "00000000-0000-7000-8000-000000000010"}, Code: "M.10", Type: domain.Managerial, Name: "Sepuluh", Levels: levels()},
		{SyncMeta: domain.SyncMeta{ID: "00000000-0000-7000-8000-000000000002"}, Code: "M.2", Type: domain.Managerial, Name: "Kerja Sama", Levels: levels()},
		{SyncMeta: domain.SyncMeta{ID: "00000000-0000-7000-8000-000000000009"}, Code: "SK.1", Type: domain.SocioCultural, Name: "Perekat Bangsa", Levels: levels()},
	}
}

func newFixture(t *testing.T, s *store.Store) fixture {
	t.Helper()
	var f fixture
	var err error
	f.office, err = s.EnsureLocalOffice(bg(), "BKPSDM Kabupaten Contoh")
	must(t, err)
	must(t, s.EnsureBuiltins(bg(), Builtins()))
	f.tech = &domain.Competency{Code: "T.1", Type: domain.Technical, Name: "Pengelolaan Arsip", Levels: levels()}
	must(t, s.SaveCompetency(bg(), f.tech))
	f.unitA = &domain.Unit{Name: "Bidang Mutasi"}
	must(t, s.SaveUnit(bg(), f.unitA))
	f.unitB = &domain.Unit{Name: "Sekretariat"}
	must(t, s.SaveUnit(bg(), f.unitB))
	f.position = &domain.Position{Name: "Analis Kepegawaian", Type: domain.Fungsional, Jenjang: domain.AhliPertama,
		Standards: domain.Standards{"M.1": 2, "T.1": 3}}
	must(t, s.SavePosition(bg(), f.position))
	return f
}

func (f fixture) employee(name, nip string) *domain.Employee {
	return &domain.Employee{NIP: nip, Name: name, Golongan: "III/a", UnitID: &f.unitA.ID, PositionID: &f.position.ID}
}
