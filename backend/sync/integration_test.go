package sync_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"testing"
	"time"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/store/storetest"
	"kembang/backend/syncproto"
)

// TestFieldSync runs SYNC.md's scenario on each server database: two
// offices, three and two laptops, edits on every laptop including the same
// employee on two laptops, every round through a proxy that cuts requests
// and answers, answers 5xx, and delivers pushes twice or out of order, and
// laptops that crash between applying a page and saving its cursor. The
// five invariants are checked at the end.
func TestFieldSync(t *testing.T) {
	for name, cfg := range backends(t) {
		t.Run(name, func(t *testing.T) {
			srv := startServer(t, cfg(t))
			offices := srv.setup(t, "BKPSDM Kota A", "BKPSDM Kabupaten B")
			px := newProxy(t, srv.URL, 1, 0.4)
			var all []*laptop
			byOffice := map[string][]*laptop{}
			for i, o := range offices {
				for j := 0; j < 3-i; j++ {
					l := newLaptop(t, fmt.Sprintf("%c%d", 'A'+i, j+1))
					l.enrol(t, srv, o.ID, px.URL)
					all = append(all, l)
					byOffice[o.ID] = append(byOffice[o.ID], l)
				}
			}
			crashes := 0
			for i, l := range all {
				n := i
				l.client.Hooks.BeforePageCommit = func(prev, next string, ch []syncproto.Change) error {
					if n%2 == 0 && crashes < 6 && len(ch) > 0 {
						crashes++
						return fmt.Errorf("simulated crash before the cursor is saved")
					}
					return nil
				}
			}

			// Each office's first laptop creates a unit and employees.
			emps := map[string][]*domain.Employee{}
			for oi, o := range offices {
				first := byOffice[o.ID][0]
				u := &domain.Unit{OfficeID: o.ID, Name: "Bidang Pengembangan"}
				must(t, first.core.Store.SaveUnit(bg(), u))
				for k := 1; k <= 6; k++ {
					e := &domain.Employee{NIP: storetest.NIP(k, 1, 10*oi+k), Name: fmt.Sprintf("Pegawai %d-%d", oi, k), UnitID: &u.ID}
					must(t, first.core.Store.SaveEmployee(bg(), e))
					emps[o.ID] = append(emps[o.ID], e)
				}
			}
			for _, l := range all {
				l.sync(t)
			}
			for _, l := range all {
				l.sync(t)
			}

			// Two laptops of office A change the same employee: the phone on
			// both (a conflict), the email on one; a third deletes another.
			a := byOffice[offices[0].ID]
			target := emps[offices[0].ID][0].ID
			edit := func(l *laptop, f func(e *domain.Employee)) {
				row, err := l.core.Store.GetEmployee(bg(), target)
				must(t, err)
				e := row.Employee
				f(&e)
				must(t, l.core.Store.SaveEmployee(bg(), &e))
			}
			edit(a[1], func(e *domain.Employee) { e.Phone = "081111111111" })
			edit(a[2], func(e *domain.Employee) { e.Phone = "082222222222"; e.Email = "budi@example.go.id" })
			edit(a[1], func(e *domain.Employee) { e.GelarDepan = "Dr." })
			must(t, a[0].core.Store.DeleteEmployee(bg(), emps[offices[0].ID][5].ID))
			b := byOffice[offices[1].ID]
			u2 := &domain.Unit{OfficeID: offices[1].ID, Name: "Subbag Umum"}
			must(t, b[1].core.Store.SaveUnit(bg(), u2))
			for _, l := range all {
				l.sync(t)
			}

			// Development: A1 drafts and approves a plan; A1 runs a training
			// event whose participants A1 and A2 mark and complete at the
			// same time, offline, each numbering certificates from its own
			// counter.
			setDeviceCode(t, a[0], "A1")
			setDeviceCode(t, a[1], "A2")
			ea := emps[offices[0].ID]
			plan := draftPlan(t, a[0], ea[1].ID)
			transition(t, a[0], plan.ID, domain.PlanSubmitted, "")
			transition(t, a[0], plan.ID, domain.PlanApproved, "")
			ev := newEvent(t, a[0], "BIMTEK-07")
			_, err := a[0].core.AddFromPlans(bg(), ev.ID, []core.LineRef{{PlanID: plan.ID, LineID: plan.Lines[0].ID}})
			must(t, err)
			_, err = a[0].core.AddParticipants(bg(), ev.ID, []string{ea[2].ID})
			must(t, err)
			for _, l := range all {
				l.sync(t)
			}
			p1, p2 := domain.ParticipantID(ev.ID, ea[1].ID), domain.ParticipantID(ev.ID, ea[2].ID)
			markAll(t, a[0], p1)
			markAll(t, a[1], p2)
			for _, l := range all {
				l.sync(t)
			}
			_, err = a[0].core.CompleteParticipant(bg(), p1)
			must(t, err)
			_, err = a[1].core.CompleteParticipant(bg(), p2)
			must(t, err)
			for _, l := range all {
				l.sync(t)
			}
			// Two quiet rounds each, with no faults: everything converges.
			px.rate = 0
			for round := 0; round < 2; round++ {
				for _, l := range all {
					l.sync(t)
				}
			}
			t.Logf("faults injected: %v, crashes: %d", px.counts, crashes)
			if crashes == 0 || px.counts[cutResponse]+px.counts[duplicate]+px.counts[replayOld] == 0 {
				t.Fatalf("the scenario injected too few faults: %v, crashes %d", px.counts, crashes)
			}

			secret := cursorSecret(t, srv)
			for _, l := range all {
				checkExactlyOnce(t, srv, l)
				checkConverged(t, srv, l)
				checkDevConverged(t, srv, l)
				checkIsolated(t, srv, l)
				checkCursor(t, l, secret)
				n, err := l.core.Store.CountOutbox(bg())
				must(t, err)
				if n != 0 {
					t.Errorf("%s: drain: %d mutations left in the outbox", l.name, n)
				}
			}

			// The conflict is visible, with both values, on the laptop whose
			// write came later in server order (A2 syncs before A3).
			is, err := a[2].client.Issues(bg(), false)
			must(t, err)
			var phone *syncIssue
			for i := range is {
				if is[i].Kind == "conflict" && is[i].Field == "phone" {
					phone = &syncIssue{is[i].Yours, is[i].Theirs}
				}
			}
			if phone == nil || phone.yours != `"082222222222"` || phone.theirs != `"081111111111"` {
				t.Fatalf("A3 issues = %+v, want a phone conflict with both values", is)
			}
			row, err := a[0].core.Store.GetEmployee(bg(), target)
			must(t, err)
			// The approved plan and the event reached every laptop of
			// office A (checkDevConverged) and none of office B; both
			// certificates survive, each from its laptop's counter.
			for _, l := range a {
				got, err := l.core.Store.GetPlan(bg(), plan.ID)
				must(t, err)
				if got.State != domain.PlanApproved || got.Lines[0].Status != domain.LineDone {
					t.Errorf("%s: plan %s line %s, want approved and done", l.name, got.State, got.Lines[0].Status)
				}
				certs := map[string]bool{}
				for _, id := range []string{p1, p2} {
					p, err := l.core.Store.GetParticipant(bg(), id)
					must(t, err)
					certs[p.CertificateNo] = p.Status == domain.ParticipantCompleted
				}
				if !certs["001/BIMTEK-07/A1/2026"] || !certs["001/BIMTEK-07/A2/2026"] {
					t.Errorf("%s: certificates %v, want one from A1's and one from A2's counter", l.name, certs)
				}
			}
			for _, l := range b {
				if n := len(localTable(t, l, "development_plans")) + len(localTable(t, l, "training_events")); n != 0 {
					t.Errorf("%s: %d development rows of office A", l.name, n)
				}
			}
			if row.Phone != "082222222222" || row.Email != "budi@example.go.id" || row.GelarDepan != "Dr." {
				t.Fatalf("merged employee on A1 = %+v, want A3's phone and email and A2's gelar", row.Employee)
			}
		})
	}
}

type syncIssue struct{ yours, theirs string }

func cursorSecret(t *testing.T, srv *testServer) []byte {
	var v string
	must(t, srv.DB.Table("server_meta").Select("value").Where("key = ?", "cursor_secret").Scan(&v).Error)
	return []byte(v)
}

func deviceID(t *testing.T, l *laptop) string {
	v, _, err := l.core.Store.GetSetting(bg(), "sync.device_id")
	must(t, err)
	return v
}

// Exactly once: the server recorded every mutation the laptop made once,
// and nothing it did not make.
func checkExactlyOnce(t *testing.T, srv *testServer, l *laptop) {
	t.Helper()
	var ids []string
	must(t, srv.DB.Table("applied_mutations").Where("device_id = ?", deviceID(t, l)).Pluck("mutation_id", &ids).Error)
	seen := map[string]int{}
	for _, id := range ids {
		seen[id]++
	}
	for id := range l.made {
		if seen[id] != 1 {
			t.Errorf("%s: mutation %s recorded %d times on the server", l.name, id, seen[id])
		}
	}
	for id := range seen {
		if !l.made[id] {
			t.Errorf("%s: server recorded mutation %s the laptop never made", l.name, id)
		}
	}
}

// serverRows returns the server's rows of entity visible to office, id → payload.
func serverRows(t *testing.T, srv *testServer, entity, office string) map[string]map[string]any {
	var rows []struct{ EntityID, Payload string }
	must(t, srv.DB.Table("changes").Select("entity_id, payload").Where("entity = ? AND office_id = ?", entity, office).Scan(&rows).Error)
	out := map[string]map[string]any{}
	for _, r := range rows {
		out[r.EntityID] = decodeRow(t, []byte(r.Payload))
	}
	return out
}

func decodeRow(t *testing.T, b []byte) map[string]any {
	var m map[string]any
	must(t, json.Unmarshal(b, &m))
	// Instants (updatedAt, a plan's approval and history) compare as
	// instants, not as strings.
	return normTimes(m).(map[string]any)
}

func normTimes(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = normTimes(e)
		}
	case []any:
		for i, e := range x {
			x[i] = normTimes(e)
		}
	case string:
		if len(x) >= 20 && x[4] == '-' && x[10] == 'T' {
			if ts, err := time.Parse(time.RFC3339Nano, x); err == nil {
				return ts.UTC().Format(time.RFC3339Nano)
			}
		}
	}
	return v
}

func localRows[T any](t *testing.T, l *laptop, table string) map[string]map[string]any {
	var rows []T
	must(t, l.core.Store.DB.Table(table).Find(&rows).Error)
	out := map[string]map[string]any{}
	for i := range rows {
		b, err := json.Marshal(&rows[i])
		must(t, err)
		m := decodeRow(t, b)
		out[m["id"].(string)] = m
	}
	return out
}

// Convergence: the laptop's office rows equal the server's.
func checkConverged(t *testing.T, srv *testServer, l *laptop) {
	t.Helper()
	for _, c := range []struct {
		entity string
		local  map[string]map[string]any
	}{
		{"unit", localRows[domain.Unit](t, l, "units")},
		{"employee", localRows[domain.Employee](t, l, "employees")},
		{"position", localRows[domain.Position](t, l, "positions")},
	} {
		want := serverRows(t, srv, c.entity, l.office)
		if c.entity != "position" && len(want) == 0 {
			t.Errorf("%s: the server has no %s rows for the office: nothing was synced", l.name, c.entity)
		}
		if !reflect.DeepEqual(c.local, want) {
			t.Errorf("%s: %s rows differ from the server's:\nlocal  %v\nserver %v", l.name, c.entity, c.local, want)
		}
	}
}

// Isolation: no row of another office is on the laptop.
func checkIsolated(t *testing.T, srv *testServer, l *laptop) {
	t.Helper()
	var foreign []string
	must(t, srv.DB.Table("changes").Where("office_id <> '' AND office_id <> ?", l.office).Pluck("entity_id", &foreign).Error)
	tables := []string{"offices", "units", "employees", "positions", "assessments"}
	for _, d := range devTables {
		tables = append(tables, d.table)
	}
	for _, table := range tables {
		var n int64
		must(t, l.core.Store.DB.Table(table).Where("id IN ?", append(foreign, "-")).Count(&n).Error)
		if n != 0 {
			t.Errorf("%s: %d rows of another office in %s", l.name, n, table)
		}
	}
	var offices []string
	must(t, l.core.Store.DB.Table("units").Distinct("office_id").Pluck("office_id", &offices).Error)
	for _, o := range offices {
		if o != l.office {
			t.Errorf("%s: a unit of office %s", l.name, o)
		}
	}
}

// Cursor: each committed page starts where the previous one ended, moves
// forward, and holds only changes inside its range; no change seq is
// applied twice.
func checkCursor(t *testing.T, l *laptop, secret []byte) {
	t.Helper()
	if len(l.pages) == 0 {
		t.Fatalf("%s: no pages pulled", l.name)
	}
	prevNext := ""
	var seqs []int64
	for i, p := range l.pages {
		if p.prev != prevNext {
			t.Fatalf("%s: page %d starts at %q, previous page ended at %q", l.name, i, p.prev, prevNext)
		}
		from, err := syncproto.DecodeCursor(p.prev, secret)
		must(t, err)
		to, err := syncproto.DecodeCursor(p.next, secret)
		must(t, err)
		if to.ChangeSeq < from.ChangeSeq {
			t.Fatalf("%s: page %d moves the cursor back from %d to %d", l.name, i, from.ChangeSeq, to.ChangeSeq)
		}
		for _, c := range p.changes {
			if c.Seq <= from.ChangeSeq || c.Seq > to.ChangeSeq {
				t.Fatalf("%s: page %d (%d, %d] holds seq %d", l.name, i, from.ChangeSeq, to.ChangeSeq, c.Seq)
			}
			seqs = append(seqs, c.Seq)
		}
		prevNext = p.next
	}
	if !sort.SliceIsSorted(seqs, func(i, j int) bool { return seqs[i] < seqs[j] }) {
		t.Fatalf("%s: change seqs not increasing: %v", l.name, seqs)
	}
	for i := 1; i < len(seqs); i++ {
		if seqs[i] == seqs[i-1] {
			t.Fatalf("%s: seq %d applied twice", l.name, seqs[i])
		}
	}
}
