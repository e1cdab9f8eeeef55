package sync

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"kembang/backend/domain"
	"kembang/backend/store"
	"kembang/backend/syncproto"
)

type pageRow struct {
	entity string
	seq    int64
	row    any
}

func buildPage(t *testing.T, rows ...pageRow) *syncproto.PullPage {
	t.Helper()
	p := &syncproto.PullPage{Protocol: syncproto.ProtocolVersion, Cursor: "c"}
	prev := int64(0)
	for _, r := range rows {
		b, err := json.Marshal(r.row)
		if err != nil {
			t.Fatal(err)
		}
		p.Add(r.entity, r.seq, prev, b)
		prev = r.seq
	}
	// Through the wire form, as the client receives it.
	var buf strings.Builder
	if _, err := p.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	var out syncproto.PullPage
	if err := json.Unmarshal([]byte(buf.String()), &out); err != nil {
		t.Fatalf("page JSON %q: %v", buf.String(), err)
	}
	return &out
}

func applyTestPage(t *testing.T, st *store.Store, p *syncproto.PullPage) []syncproto.Change {
	t.Helper()
	changes, rows, err := decodePage(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Remote(context.Background(), func(r *store.RemoteTx) error { return applyPage(r, changes, rows) }); err != nil {
		t.Fatal(err)
	}
	return changes
}

func nipOf(i int) string { return fmt.Sprintf("19800101200501%d%03d", 1+i/1000, i%1000) }

// TestApplyPageInBatches applies pulled pages the way a round does (decode,
// then one entity run at a time with multi-row statements) and checks what
// the row-by-row apply guaranteed: search text with the unit's name, local
// edits still in the outbox never overwritten, a row the laptop holds in a
// newer state kept, a local live employee holding a NIP the server gave
// another employee tombstoned, and NIPs swapped between two employees
// within one page applied without breaking the live-NIP unique index.
func TestApplyPageInBatches(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, store.Config{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	if _, err := New(ctx, st); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	meta := func(id string, v int64) domain.SyncMeta {
		return domain.SyncMeta{ID: id, Version: v, UpdatedAt: now, UpdatedByDevice: "server"}
	}
	office := domain.Office{SyncMeta: meta("o-1", 1), Code: "X", Name: "BKPSDM X"}
	if err := st.AdoptOffice(ctx, office); err != nil {
		t.Fatal(err)
	}
	unit := domain.Unit{SyncMeta: meta("u-1", 1), OfficeID: office.ID, Name: "Bidang Mutasi"}
	const n = 300 // several multi-row statements
	emps := make([]domain.Employee, n)
	rows := []pageRow{{"unit", 7, unit}}
	for i := range emps {
		emps[i] = domain.Employee{SyncMeta: meta(fmt.Sprintf("e-%03d", i), 1), NIP: nipOf(i), Name: fmt.Sprintf("Pegawai %d", i), UnitID: &unit.ID}
		rows = append(rows, pageRow{"employee", int64(10 + i), emps[i]})
	}
	rows = append(rows, pageRow{"future_entity", 400, map[string]any{"id": "f-1", "version": 1}})
	changes := applyTestPage(t, st, buildPage(t, rows...))
	if len(changes) != n+2 || changes[0].Seq != 7 || changes[n].Seq != int64(9+n) || changes[n+1].EntityID != "f-1" {
		t.Fatalf("decoded changes: %d, first %+v", len(changes), changes[0])
	}
	found, total, err := st.SearchEmployees(ctx, store.EmployeeQuery{Text: "bidang mutasi", Limit: 1000})
	if err != nil || total != n || len(found) != n {
		t.Fatalf("search by unit name: %d rows (total %d), %v; want %d", len(found), total, err, n)
	}

	// Local work: an edit of e-001 and a new employee with a NIP the
	// server will give another row; both wait in the outbox.
	e1, err := st.GetEmployee(ctx, "e-001")
	if err != nil {
		t.Fatal(err)
	}
	local1 := e1.Employee
	local1.Name = "Nama Lokal"
	if err := st.SaveEmployee(ctx, &local1); err != nil {
		t.Fatal(err)
	}
	mine := domain.Employee{NIP: nipOf(900), Name: "Pegawai Laptop", UnitID: &unit.ID}
	if err := st.SaveEmployee(ctx, &mine); err != nil {
		t.Fatal(err)
	}
	// The laptop already holds e-004 in a state newer than the page's.
	if err := st.DB.Model(&shadow{}).Where("entity = ? AND entity_id = ?", "employee", "e-004").Update("seq", 10_000).Error; err != nil {
		t.Fatal(err)
	}

	upd := func(i int, f func(e *domain.Employee)) domain.Employee {
		e := emps[i]
		e.Version++
		f(&e)
		return e
	}
	server := domain.Employee{SyncMeta: meta("e-900", 1), NIP: nipOf(900), Name: "Pegawai Server", UnitID: &unit.ID}
	applyTestPage(t, st, buildPage(t,
		pageRow{"employee", 500, upd(1, func(e *domain.Employee) { e.Name = "Nama Server" })},
		pageRow{"employee", 501, upd(2, func(e *domain.Employee) { e.NIP = nipOf(3) })},
		pageRow{"employee", 503, upd(3, func(e *domain.Employee) { e.NIP = nipOf(2) })},
		pageRow{"employee", 504, upd(4, func(e *domain.Employee) { e.Name = "Lebih Lama" })},
		pageRow{"employee", 505, server},
	))

	get := func(id string) domain.Employee {
		t.Helper()
		var e domain.Employee
		if err := st.DB.Table("employees").Where("id = ?", id).Take(&e).Error; err != nil {
			t.Fatalf("employee %s: %v", id, err)
		}
		return e
	}
	if e := get("e-001"); e.Name != "Nama Lokal" {
		t.Errorf("e-001 = %q: a pulled row overwrote a pending local edit", e.Name)
	}
	if e2, e3 := get("e-002"), get("e-003"); e2.NIP != nipOf(3) || e3.NIP != nipOf(2) || e2.Deleted || e3.Deleted {
		t.Errorf("NIP swap: e-002 %s deleted=%v, e-003 %s deleted=%v", e2.NIP, e2.Deleted, e3.NIP, e3.Deleted)
	}
	if e := get("e-004"); e.Name != "Pegawai 4" {
		t.Errorf("e-004 = %q: an older state replaced a newer one", e.Name)
	}
	if e := get(mine.ID); !e.Deleted {
		t.Errorf("the local employee holding the server's NIP is still live")
	}
	if e := get("e-900"); e.Deleted || e.Name != "Pegawai Server" {
		t.Errorf("e-900 = %+v", e)
	}
	var sh shadow
	if err := st.DB.Where("entity = ? AND entity_id = ?", "employee", "e-002").Take(&sh).Error; err != nil || sh.Seq != 501 || !strings.Contains(sh.Payload, nipOf(3)) {
		t.Errorf("shadow of e-002: %+v, %v", sh, err)
	}
	if err := st.DB.Where("entity = ? AND entity_id = ?", "employee", "e-001").Take(&sh).Error; err != nil || sh.Seq != 11 {
		t.Errorf("shadow of the pending e-001 moved: %+v, %v", sh, err)
	}
}

// TestDecodePageRefusesBadPages: anything the client cannot read is
// sync.protocol_invalid before a row is applied.
func TestDecodePageRefusesBadPages(t *testing.T) {
	emp := func(id string) json.RawMessage {
		b, _ := json.Marshal(domain.Employee{SyncMeta: domain.SyncMeta{ID: id, Version: 1}, NIP: nipOf(1), Name: "x"})
		return b
	}
	ok := func() *syncproto.PullPage {
		return &syncproto.PullPage{Protocol: syncproto.ProtocolVersion, Cursor: "c",
			Runs: []syncproto.Run{{Entity: "employee", Seqs: []int64{5, 1}, Rows: []json.RawMessage{emp("a"), emp("b")}}}}
	}
	if _, _, err := decodePage(ok()); err != nil {
		t.Fatalf("a good page: %v", err)
	}
	for name, spoil := range map[string]func(p *syncproto.PullPage){
		"protocol 1 page":    func(p *syncproto.PullPage) { p.Protocol = 0 },
		"no cursor":          func(p *syncproto.PullPage) { p.Cursor = "" },
		"seq going back":     func(p *syncproto.PullPage) { p.Runs[0].Seqs[1] = 0 },
		"seqs missing":       func(p *syncproto.PullPage) { p.Runs[0].Seqs = p.Runs[0].Seqs[:1] },
		"row twice":          func(p *syncproto.PullPage) { p.Runs[0].Rows[1] = emp("a") },
		"row not an object":  func(p *syncproto.PullPage) { p.Runs[0].Rows[1] = json.RawMessage(`[1]`) },
		"row without id":     func(p *syncproto.PullPage) { p.Runs[0].Rows[1] = emp("") },
		"row of wrong shape": func(p *syncproto.PullPage) { p.Runs[0].Rows[1] = json.RawMessage(`{"id":"b","version":"x"}`) },
		"run without entity": func(p *syncproto.PullPage) { p.Runs[0].Entity = "" },
	} {
		p := ok()
		spoil(p)
		_, _, err := decodePage(p)
		var de *domain.Error
		if !errors.As(err, &de) || de.Code != syncproto.CodeProtocolInvalid {
			t.Errorf("%s: err = %v, want %s", name, err, syncproto.CodeProtocolInvalid)
		}
	}
}

// BenchmarkApplySnapshot22k is the laptop half of a first sync without the
// server and HTTP: 2,000 employees and 20,000 finalized assessments (11
// items each, like BenchmarkFirstSync2000's office) as protocol-2 pages of
// syncproto.MaxPullPage, each decoded from its JSON and applied with its
// cursor in one local transaction, into a fresh laptop database.
func BenchmarkApplySnapshot22k(b *testing.B) {
	const employees, periods = 2000, 10
	now := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	meta := func(id string) domain.SyncMeta {
		return domain.SyncMeta{ID: id, Version: 1, UpdatedAt: now, UpdatedByDevice: "0190aaaa-0000-7000-8000-00000000dev1"}
	}
	var rows []pageRow
	seq := int64(0)
	add := func(entity string, row any) {
		seq++
		rows = append(rows, pageRow{entity, seq, row})
	}
	office := domain.Office{SyncMeta: meta("0190aaaa-0000-7000-8000-0000000000of"), Code: "X", Name: "BKPSDM X"}
	unit := domain.Unit{SyncMeta: meta("0190aaaa-0000-7000-8000-0000000000un"), OfficeID: office.ID, Name: "Bidang Mutasi"}
	add("unit", unit)
	codes := []string{"M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8", "SK.1", "T.1", "T.2"}
	for i := range employees {
		e := domain.Employee{SyncMeta: meta(fmt.Sprintf("0190aaaa-0000-7000-8000-%012d", i)), NIP: nipOf(i),
			Name: fmt.Sprintf("Pegawai Nomor %d", i), Golongan: "III/c", UnitID: &unit.ID, Gender: "P", BirthDate: "1980-01-01"}
		add("employee", e)
	}
	for p := range periods {
		for i := range employees {
			items := make(domain.AssessmentItems, len(codes))
			for j, c := range codes {
				items[j] = domain.AssessmentItem{CompetencyCode: c, Level: 1 + (i+j+p)%5}
			}
			add("assessment", domain.Assessment{SyncMeta: meta(fmt.Sprintf("0190bbbb-0000-7000-8000-%06d%06d", p, i)),
				EmployeeID: fmt.Sprintf("0190aaaa-0000-7000-8000-%012d", i), Period: fmt.Sprint(2017 + p),
				Method: domain.AssessmentByAssessor, FrameworkVersion: 1, State: domain.AssessmentFinalized,
				AssessorName: "Asesor BKN", AssessedOn: "2025-06-01", Items: items})
		}
	}
	var pages [][]byte
	for i := 0; i < len(rows); i += syncproto.MaxPullPage {
		p := &syncproto.PullPage{Protocol: syncproto.ProtocolVersion, Cursor: fmt.Sprint("cursor-", i), More: true}
		prev := int64(0)
		for _, r := range rows[i:min(i+syncproto.MaxPullPage, len(rows))] {
			js, _ := json.Marshal(r.row)
			p.Add(r.entity, r.seq, prev, js)
			prev = r.seq
		}
		var buf bytes.Buffer
		_, _ = p.WriteTo(&buf)
		pages = append(pages, buf.Bytes())
	}
	ctx := context.Background()
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		st, err := store.Open(ctx, store.Config{Dir: b.TempDir()})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := New(ctx, st); err != nil {
			b.Fatal(err)
		}
		if err := st.AdoptOffice(ctx, office); err != nil {
			b.Fatal(err)
		}
		c0 := cpuTime()
		b.StartTimer()
		for _, raw := range pages {
			var p syncproto.PullPage
			if err := json.Unmarshal(raw, &p); err != nil {
				b.Fatal(err)
			}
			changes, rows, err := decodePage(&p)
			if err != nil {
				b.Fatal(err)
			}
			err = st.Remote(ctx, func(r *store.RemoteTx) error {
				if err := applyPage(r, changes, rows); err != nil {
					return err
				}
				return upsertSetting(r.DB(), SettingCursor, p.Cursor)
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		cpu += cpuTime() - c0
		var n int64
		if err := st.DB.Table("assessments").Count(&n).Error; err != nil || n != employees*periods {
			b.Fatalf("%d assessments, %v", n, err)
		}
		_ = st.Close()
		b.StartTimer()
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}
