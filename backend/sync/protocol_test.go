package sync_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"kembang/backend/domain"
	"kembang/backend/store/storetest"
	"kembang/backend/sync"
	"kembang/backend/syncproto"
)

// TestOldClientsAreRefused: a push or pull without the protocol header
// (a client of protocol 1) or with another version gets 426
// sync.protocol_version and changes nothing on the server.
func TestOldClientsAreRefused(t *testing.T) {
	srv := startServer(t, backends(t)["sqlite"](t))
	offices := srv.setup(t, "BKPSDM Kota A")
	l := newLaptop(t, "A1")
	l.enrol(t, srv, offices[0].ID, srv.URL)
	cred := l.credential(t)
	u := &domain.Unit{OfficeID: offices[0].ID, Name: "Bidang Mutasi"}
	must(t, l.core.Store.SaveUnit(bg(), u))
	es, err := l.core.Store.PendingOutbox(bg(), 10)
	must(t, err)
	var muts []syncproto.Mutation
	for _, e := range es {
		muts = append(muts, syncproto.Mutation{MutationID: e.MutationID, Entity: e.Entity, EntityID: e.EntityID, Payload: json.RawMessage(e.Payload)})
	}
	body, err := json.Marshal(syncproto.PushRequest{Mutations: muts})
	must(t, err)
	for _, version := range []string{"", "1", "2", "4"} {
		for _, path := range []string{syncproto.PathPush, syncproto.PathPull} {
			method := http.MethodGet
			var rd *strings.Reader
			if path == syncproto.PathPush {
				method, rd = http.MethodPost, strings.NewReader(string(body))
			} else {
				rd = strings.NewReader("")
			}
			req, err := http.NewRequest(method, srv.URL+path, rd)
			must(t, err)
			req.Header.Set("Authorization", "Bearer "+cred)
			if version != "" {
				req.Header.Set(syncproto.HeaderProtocol, version)
			}
			resp, err := http.DefaultClient.Do(req)
			must(t, err)
			var e syncproto.Error
			_ = json.NewDecoder(resp.Body).Decode(&e)
			_ = resp.Body.Close()
			if resp.StatusCode != http.StatusUpgradeRequired || e.Code != syncproto.CodeProtocolVersion {
				t.Errorf("%s %s with protocol %q: %d %q, want 426 %s", method, path, version, resp.StatusCode, e.Code, syncproto.CodeProtocolVersion)
			}
		}
	}
	var n int64
	must(t, srv.DB.Table("changes").Where("entity = 'unit'").Count(&n).Error)
	if n != 0 {
		t.Fatalf("a refused push stored %d units", n)
	}
	// The current client is served, and its unit arrives once.
	rep := l.sync(t)
	if rep.Applied != 1 {
		t.Fatalf("round: %+v", rep)
	}
}

// TestClientRefusesProtocol1Pages: a server of protocol 1 (which ignores
// the header and answers a list of changes) makes the round fail with
// sync.protocol_invalid; nothing of the page is applied and the cursor
// stays.
func TestClientRefusesProtocol1Pages(t *testing.T) {
	srv := startServer(t, backends(t)["sqlite"](t))
	offices := srv.setup(t, "BKPSDM Kota A")
	l := newLaptop(t, "A1")
	l.enrol(t, srv, offices[0].ID, srv.URL)
	emp := domain.Employee{SyncMeta: domain.SyncMeta{ID: "0190aaaa-0000-7000-8000-000000000001", Version: 1}, NIP: storetest.NIP(1, 1, 1), Name: "Dari Server Lama"}
	payload, err := json.Marshal(emp)
	must(t, err)
	old := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == syncproto.PathPush {
			_ = json.NewEncoder(w).Encode(syncproto.PushResponse{})
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]any{
			"changes": []syncproto.Change{{Seq: 1, Entity: "employee", EntityID: emp.ID, Version: 1, Payload: payload}},
			"cursor":  "opaque", "more": false,
		})
	}))
	t.Cleanup(old.Close)
	must(t, l.core.Store.SetSetting(bg(), sync.SettingServerURL, old.URL))
	_, err = l.client.SyncOnce(bg())
	if !domain.IsCode(err, syncproto.CodeProtocolInvalid) {
		t.Fatalf("round against a protocol 1 server: %v, want %s", err, syncproto.CodeProtocolInvalid)
	}
	if _, err := l.core.Store.GetEmployee(bg(), emp.ID); !domain.IsCode(err, domain.CodeNotFound) {
		t.Fatalf("a row of the refused page was applied: %v", err)
	}
	if c, _, _ := l.core.Store.GetSetting(bg(), sync.SettingCursor); c != "" {
		t.Fatalf("cursor moved to %q", c)
	}
}
