package sync_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"kembang/backend/domain"
	"kembang/backend/store/storetest"
	"kembang/backend/sync"
	"kembang/backend/syncproto"
)

// TestOfficeIsolationAgainstHostileDevice: a device of office B guesses
// office A's ids, replays A's mutation ids, claims A's office, and tampers
// with cursors. Every attempt fails and nothing of A reaches B.
func TestOfficeIsolationAgainstHostileDevice(t *testing.T) {
	for name, cfg := range backends(t) {
		t.Run(name, func(t *testing.T) {
			srv := startServer(t, cfg(t))
			offices := srv.setup(t, "Kantor A", "Kantor B")
			la, lb := newLaptop(t, "A1"), newLaptop(t, "B1")
			la.enrol(t, srv, offices[0].ID, srv.URL)
			lb.enrol(t, srv, offices[1].ID, srv.URL)
			u := &domain.Unit{OfficeID: offices[0].ID, Name: "Bidang A"}
			must(t, la.core.Store.SaveUnit(bg(), u))
			e := &domain.Employee{NIP: storetest.NIP(1, 1, 1), Name: "Rahasia A", UnitID: &u.ID}
			must(t, la.core.Store.SaveEmployee(bg(), e))
			la.note(t)
			aMutations, err := la.core.Store.PendingOutbox(bg(), 0)
			must(t, err)
			la.sync(t)
			lb.sync(t)
			before := serverRows(t, srv, "employee", offices[0].ID)

			credB := lb.credential(t)
			forged := *e
			forged.Name = "Diubah oleh B"
			forged.Version = 2
			forgedJSON, _ := json.Marshal(forged)
			bUnit := domain.Unit{OfficeID: offices[0].ID, Name: "Menyusup"}
			bUnit.ID = "01900000-0000-7000-8000-00000000b001"
			bUnitJSON, _ := json.Marshal(bUnit)
			bEmp := domain.Employee{NIP: storetest.NIP(2, 1, 2), Name: "Pegawai B", UnitID: &u.ID}
			bEmp.ID = "01900000-0000-7000-8000-00000000b002"
			bEmpJSON, _ := json.Marshal(bEmp)
			muts := []syncproto.Mutation{
				{MutationID: "01900000-0000-7000-8000-0000000000a1", Entity: "employee", EntityID: e.ID, BaseVersion: 1, Payload: forgedJSON},
				{MutationID: "01900000-0000-7000-8000-0000000000a2", Entity: "unit", EntityID: bUnit.ID, Payload: bUnitJSON},
				{MutationID: "01900000-0000-7000-8000-0000000000a3", Entity: "employee", EntityID: bEmp.ID, Payload: bEmpJSON},
			}
			for _, m := range aMutations { // A's own mutations, replayed by B
				muts = append(muts, syncproto.Mutation{MutationID: m.MutationID, Entity: m.Entity, EntityID: m.EntityID,
					BaseVersion: m.BaseVersion, Payload: json.RawMessage(m.Payload)})
			}
			var resp syncproto.PushResponse
			if st := rawCall(t, http.MethodPost, srv.URL+syncproto.PathPush, credB, syncproto.PushRequest{Mutations: muts}, &resp); st != http.StatusOK {
				t.Fatalf("push status %d", st)
			}
			if len(resp.Results) != len(muts) {
				t.Fatalf("%d results for %d mutations", len(resp.Results), len(muts))
			}
			for i, r := range resp.Results {
				if r.Status != syncproto.StatusRejected || r.Code != syncproto.CodeOfficeScope || r.Current != nil || r.Conflicts != nil {
					t.Errorf("mutation %d (%s): got %+v, want a bare office_scope rejection", i, muts[i].Entity, r)
				}
			}
			if after := serverRows(t, srv, "employee", offices[0].ID); !jsonEqual(before, after) {
				t.Fatalf("office A's employees changed:\nbefore %v\nafter  %v", before, after)
			}
			lb.sync(t)
			checkIsolated(t, srv, lb)
			checkIsolated(t, srv, la)

			// Cursors: forged, another device's, and one from the future.
			var page syncproto.PullPage
			if st := rawCall(t, http.MethodGet, srv.URL+syncproto.PathPull, credB, nil, &page); st != http.StatusOK {
				t.Fatalf("pull status %d", st)
			}
			aCursor, _, _ := la.core.Store.GetSetting(bg(), sync.SettingCursor)
			body, sig, _ := strings.Cut(page.Cursor, ".")
			for name, c := range map[string]string{
				"A's cursor":     aCursor,
				"tampered body":  body[:len(body)-2] + "AA." + sig,
				"tampered mac":   body + "." + sig[:len(sig)-2] + "AA",
				"made up":        "eyJlIjoieCIsInMiOjB9.AAAA",
				"other server's": syncproto.Cursor{Epoch: "x", ChangeSeq: 0, Device: deviceID(t, lb)}.Encode([]byte("guess")),
			} {
				var e syncproto.Error
				st := rawCall(t, http.MethodGet, srv.URL+syncproto.PathPull+"?cursor="+c, credB, nil, &e)
				if st != http.StatusBadRequest || e.Code != syncproto.CodeCursorInvalid {
					t.Errorf("%s: status %d %q, want 400 %s", name, st, e.Code, syncproto.CodeCursorInvalid)
				}
			}

			// Unknown and malformed credentials.
			for _, cred := range []string{"", "nobody.token", deviceID(t, la) + ".wrong", credB + "x"} {
				if st := rawCall(t, http.MethodGet, srv.URL+syncproto.PathPull, cred, nil, nil); st != http.StatusUnauthorized {
					t.Errorf("credential %q: status %d, want 401", cred, st)
				}
			}

			// A revoked device gets 401 and keeps its data and unsent work.
			must(t, srv.RevokeDevice(bg(), deviceID(t, la)))
			e2 := &domain.Employee{NIP: storetest.NIP(3, 1, 3), Name: "Belum Terkirim", UnitID: &u.ID}
			must(t, la.core.Store.SaveEmployee(bg(), e2))
			_, err = la.client.SyncOnce(bg())
			if !domain.IsCode(err, syncproto.CodeUnauthorized) {
				t.Fatalf("revoked device: err = %v, want %s", err, syncproto.CodeUnauthorized)
			}
			if n, _ := la.core.Store.CountOutbox(bg()); n != 1 {
				t.Fatalf("revoked device lost its unsent work: outbox %d, want 1", n)
			}
			for _, id := range []string{e.ID, e2.ID} {
				if _, err := la.core.Store.GetEmployee(bg(), id); err != nil {
					t.Fatalf("revoked device lost employee %s: %v", id, err)
				}
			}
			st, err := la.client.Status(bg())
			must(t, err)
			if st.State != sync.StateError || st.LastError != syncproto.CodeUnauthorized || st.Pending != 1 {
				t.Fatalf("status of a revoked device = %+v", st)
			}
		})
	}
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

func TestEnrolCodesAreOneTimeAndExpire(t *testing.T) {
	srv := startServer(t, backends(t)["sqlite"](t))
	o := srv.setup(t, "Kantor A")[0]
	code, _, err := srv.NewEnrolCode(bg(), o.ID, time.Hour)
	must(t, err)
	l1, l2 := newLaptop(t, "L1"), newLaptop(t, "L2")
	res, err := l1.client.Enrol(bg(), srv.URL, strings.ToLower(code), "L1", false)
	must(t, err)
	if res.Office.ID != o.ID {
		t.Fatalf("enrolled into %s, want %s", res.Office.ID, o.ID)
	}
	if local, err := l1.core.Store.LocalOffice(bg()); err != nil || local.ID != o.ID || local.Name != "Kantor A" {
		t.Fatalf("local office after enrolment = %+v, %v", local, err)
	}
	if _, err := l2.client.Enrol(bg(), srv.URL, code, "L2", false); !domain.IsCode(err, syncproto.CodeEnrolInvalid) {
		t.Fatalf("second use of a code: err = %v, want %s", err, syncproto.CodeEnrolInvalid)
	}
	short, _, err := srv.NewEnrolCode(bg(), o.ID, time.Minute)
	must(t, err)
	real := srv.Now
	srv.Now = func() time.Time { return real().Add(2 * time.Minute) }
	if _, err := l2.client.Enrol(bg(), srv.URL, short, "L2", false); !domain.IsCode(err, syncproto.CodeEnrolInvalid) {
		t.Fatalf("expired code: err = %v, want %s", err, syncproto.CodeEnrolInvalid)
	}
	var hashes []string
	must(t, srv.DB.Table("enrol_codes").Pluck("hash", &hashes).Error)
	for _, h := range hashes {
		if strings.Contains(h, strings.ReplaceAll(code, "-", "")) {
			t.Fatalf("a code is stored in clear")
		}
	}
	var tokens []string
	must(t, srv.DB.Table("devices").Pluck("token_hash", &tokens).Error)
	_, token, _ := strings.Cut(res.Credential, ".")
	for _, h := range tokens {
		if h == token {
			t.Fatalf("a device token is stored in clear")
		}
	}
}

func TestClientRefusesPlainHTTPToRemoteHosts(t *testing.T) {
	cases := []struct {
		url       string
		allowHTTP bool
		want      string
	}{
		{"http://kembang.example.go.id", false, syncproto.CodeInsecureServer},
		{"http://10.0.0.5:8080", false, syncproto.CodeInsecureServer},
		{"http://10.0.0.5:8080", true, ""},
		{"https://kembang.example.go.id", false, ""},
		{"http://127.0.0.1:8080", false, ""},
		{"http://localhost:8080", false, ""},
		{"http://[::1]:8080", false, ""},
		{"ftp://kembang.example.go.id", false, domain.CodeInvalid},
	}
	for _, c := range cases {
		_, err := sync.CheckServerURL(c.url, c.allowHTTP)
		if got := domain.ErrorCode(err); got != c.want {
			t.Errorf("CheckServerURL(%q, %v) = %q, want %q", c.url, c.allowHTTP, got, c.want)
		}
	}
	l := newLaptop(t, "L")
	if _, err := l.client.Enrol(bg(), "http://kembang.example.go.id", "CODE", "L", false); !domain.IsCode(err, syncproto.CodeInsecureServer) {
		t.Fatalf("enrol over plain http: err = %v", err)
	}
}

func TestBackoffGrowsWithJitterAndCap(t *testing.T) {
	prev := time.Duration(0)
	for n := 1; n <= 12; n++ {
		lo, hi := sync.Backoff(n, 0), sync.Backoff(n, 0.999)
		if lo > hi || hi > 5*time.Minute || lo < prev/2 {
			t.Fatalf("attempt %d: [%v, %v] after %v", n, lo, hi, prev)
		}
		prev = lo
	}
	if sync.Backoff(1, 0) != time.Second || sync.Backoff(20, 0) != 150*time.Second {
		t.Fatalf("Backoff(1)=%v Backoff(20)=%v", sync.Backoff(1, 0), sync.Backoff(20, 0))
	}
}
