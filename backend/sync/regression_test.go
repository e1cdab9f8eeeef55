package sync_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"kembang/backend/domain"
	"kembang/backend/store"
	"kembang/backend/store/storetest"
	"kembang/backend/syncproto"
)

// Regressions found by TestSyncModel, each reduced to its smallest form.

// A replayed push of a refused new row must answer what the first push
// answered, "gone" included: when the first answer was lost (a cut
// connection), the laptop learns only from the replay that the server has
// no such row, and otherwise kept the refused row for ever.
func TestReplayedRefusalOfNewRowSaysGone(t *testing.T) {
	for name, cfg := range backends(t) {
		t.Run(name, func(t *testing.T) {
			srv := startServer(t, cfg(t))
			o := srv.setup(t, "Kantor A")[0]
			l1, l2 := newLaptop(t, "A1"), newLaptop(t, "A2")
			l1.enrol(t, srv, o.ID, srv.URL)
			l2.enrol(t, srv, o.ID, srv.URL)
			nip := storetest.NIP(1, 1, 1)
			must(t, l1.core.Store.SaveEmployee(bg(), &domain.Employee{NIP: nip, Name: "Pertama"}))
			l1.sync(t)

			e := domain.Employee{NIP: nip, Name: "Kedua"}
			e.ID, e.Version = store.NewUUIDv7(), 1
			payload, _ := json.Marshal(e)
			req := syncproto.PushRequest{Mutations: []syncproto.Mutation{{MutationID: store.NewUUIDv7(),
				Entity: "employee", EntityID: e.ID, Payload: payload}}}
			for i, what := range []string{"first push", "replay"} {
				var resp syncproto.PushResponse
				if st := rawCall(t, http.MethodPost, srv.URL+syncproto.PathPush, l2.credential(t), req, &resp); st != http.StatusOK {
					t.Fatalf("%s: status %d", what, st)
				}
				r := resp.Results[0]
				if r.Status != syncproto.StatusRejected || r.Code != syncproto.CodeNIPTaken || r.Current != nil || !r.Gone {
					t.Fatalf("%s (%d): %+v, want rejected %s, gone, without a current row", what, i, r, syncproto.CodeNIPTaken)
				}
			}
		})
	}
}

// A laptop whose clock is set back between two edits of a row (a wrong
// clock corrected, a flat CMOS battery) must still send them in the order
// they were made: ordered by their timestamps, the older edit was applied
// last and the user's latest value was lost.
func TestEditsAfterTheClockWentBackKeepTheirOrder(t *testing.T) {
	srv := startServer(t, backends(t)["sqlite"](t))
	o := srv.setup(t, "Kantor A")[0]
	l := newLaptop(t, "A1")
	l.enrol(t, srv, o.ID, srv.URL)
	var skew time.Duration
	l.core.Store.Now = func() time.Time { return time.Now().Add(skew) }
	e := &domain.Employee{NIP: storetest.NIP(1, 1, 1), Name: "Budi"}
	must(t, l.core.Store.SaveEmployee(bg(), e))
	l.sync(t)
	e.Phone = "081100000001"
	must(t, l.core.Store.SaveEmployee(bg(), e))
	skew = -2 * time.Hour
	e.Phone = "081100000002"
	must(t, l.core.Store.SaveEmployee(bg(), e))
	l.sync(t)
	var payload string
	must(t, srv.DB.Table("changes").Select("payload").Where("entity = ? AND entity_id = ?", "employee", e.ID).Scan(&payload).Error)
	var got domain.Employee
	must(t, json.Unmarshal([]byte(payload), &got))
	if got.Phone != "081100000002" {
		t.Fatalf("server phone = %q, want the latest edit's 081100000002", got.Phone)
	}
	row, err := l.core.Store.GetEmployee(bg(), e.ID)
	must(t, err)
	if row.Phone != "081100000002" {
		t.Fatalf("laptop phone = %q after sync, want 081100000002", row.Phone)
	}
}

// Two laptops change the NIP of one employee to NIPs of different genders
// and birth dates. Birth date and gender follow from the NIP, so they merge
// with it as one: field by field, the later NIP kept the earlier gender,
// and every laptop then held an employee it refused to save again
// (gender.nip_mismatch).
func TestNIPMergesWithItsBirthDateAndGender(t *testing.T) {
	for name, cfg := range backends(t) {
		t.Run(name, func(t *testing.T) {
			srv := startServer(t, cfg(t))
			o := srv.setup(t, "Kantor A")[0]
			a1, a2 := newLaptop(t, "A1"), newLaptop(t, "A2")
			a1.enrol(t, srv, o.ID, srv.URL)
			a2.enrol(t, srv, o.ID, srv.URL)
			e := &domain.Employee{NIP: storetest.NIP(1, 2, 1), Name: "Sari"}
			must(t, a1.core.Store.SaveEmployee(bg(), e))
			a1.sync(t)
			a2.sync(t)
			setNIP := func(l *laptop, nip string) {
				row, err := l.core.Store.GetEmployee(bg(), e.ID)
				must(t, err)
				x := row.Employee
				x.NIP, x.BirthDate, x.Gender = nip, "", ""
				must(t, l.core.Store.SaveEmployee(bg(), &x))
			}
			setNIP(a2, storetest.NIP(4, 1, 4)) // a man born on the 4th
			setNIP(a1, storetest.NIP(5, 2, 5)) // a woman born on the 5th: same gender as before
			a2.sync(t)
			a1.sync(t) // later in server order: its NIP wins, and with it its gender
			a2.sync(t)
			for _, l := range []*laptop{a1, a2} {
				row, err := l.core.Store.GetEmployee(bg(), e.ID)
				must(t, err)
				x := row.Employee
				if x.NIP != storetest.NIP(5, 2, 5) || x.Gender != domain.Female || x.BirthDate != "1980-01-05" {
					t.Errorf("%s: NIP %s, gender %s, born %s; want A1's NIP with its gender and birth date", l.name, x.NIP, x.Gender, x.BirthDate)
				}
				x.Phone = "081200000001"
				if err := l.core.Store.SaveEmployee(bg(), &x); err != nil {
					t.Errorf("%s: the merged employee cannot be saved: %v", l.name, err)
				}
			}
		})
	}
}

// A row the server refused, deleted on the laptop before the refusal came
// back (both edits made offline, pushed in one round), must not reach the
// server as a tombstone: the server never held the row, and storing its
// tombstone sent every laptop of the office a row none of them ever had.
func TestTombstoneOfRefusedRowIsNotStored(t *testing.T) {
	for name, cfg := range backends(t) {
		t.Run(name, func(t *testing.T) {
			srv := startServer(t, cfg(t))
			o := srv.setup(t, "Kantor A")[0]
			l1, l2 := newLaptop(t, "A1"), newLaptop(t, "A2")
			l1.enrol(t, srv, o.ID, srv.URL)
			l2.enrol(t, srv, o.ID, srv.URL)
			nip := storetest.NIP(1, 1, 1)
			must(t, l1.core.Store.SaveEmployee(bg(), &domain.Employee{NIP: nip, Name: "Pertama"}))
			l1.sync(t)

			// Offline on A2 (it has not pulled A1's employee yet): the same NIP (refused by the server), then
			// deleted again.
			e := &domain.Employee{NIP: nip, Name: "Kedua"}
			must(t, l2.core.Store.SaveEmployee(bg(), e))
			must(t, l2.core.Store.DeleteEmployee(bg(), e.ID))
			rep := l2.sync(t)
			if rep.Rejected != 1 {
				t.Fatalf("round: %+v, want the create refused", rep)
			}
			if n := outboxLen(t, l2); n != 0 {
				t.Fatalf("outbox: %d", n)
			}
			var n int64
			must(t, srv.DB.Table("changes").Where("entity = ? AND entity_id = ?", "employee", e.ID).Count(&n).Error)
			if n != 0 {
				t.Fatalf("the server stored %d rows for an employee it refused", n)
			}
			must(t, l2.core.Store.DB.Table("employees").Where("id = ?", e.ID).Count(&n).Error)
			if n != 0 {
				t.Fatal("the laptop keeps the tombstone of a row the server never held")
			}
			l1.sync(t)
			must(t, l1.core.Store.DB.Table("employees").Where("id = ?", e.ID).Count(&n).Error)
			if n != 0 {
				t.Fatal("another laptop received the refused row's tombstone")
			}
		})
	}
}
