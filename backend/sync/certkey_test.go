package sync_test

import (
	"testing"
	"time"

	"kembang/backend/domain"
	"kembang/backend/server"
	"kembang/backend/sync"
)

func TestCertificateKeyRegistered(t *testing.T) {
	srv := startServer(t, backends(t)["sqlite"](t))
	offices := srv.setup(t, "Kantor A")
	l := newLaptop(t, "laptop-a")
	l.enrol(t, srv, offices[0].ID, srv.URL)

	keys := func() []server.CertificateKey {
		ks, err := srv.CertificateKeys(bg())
		must(t, err)
		return ks
	}
	l.sync(t)
	if ks := keys(); len(ks) != 0 {
		t.Fatalf("a laptop that never printed registered a key: %+v", ks)
	}
	// The key is made on first use (printing); the next round sends it.
	own, err := l.core.OfficeKey(bg())
	must(t, err)
	l.sync(t)
	ks := keys()
	if len(ks) != 1 || ks[0].Code != own.Code || ks[0].PublicKey != own.PublicKey || ks[0].OfficeID != offices[0].ID || ks[0].Source != "device" {
		t.Fatalf("registered keys %+v, want %s bound to office %s", ks, own.Code, offices[0].ID)
	}
	sent, _, err := l.core.Store.GetSetting(bg(), sync.SettingCertificateKeySent)
	must(t, err)
	if sent != own.Code {
		t.Fatalf("sent setting %q", sent)
	}
	// Once per key: a later round does not send it again.
	must(t, srv.DB.Exec("DELETE FROM cert_keys").Error)
	l.sync(t)
	if ks := keys(); len(ks) != 0 {
		t.Fatalf("key sent again: %+v", ks)
	}
}

func TestPendingReportedToServer(t *testing.T) {
	srv := startServer(t, backends(t)["sqlite"](t))
	offices := srv.setup(t, "Kantor A")
	l := newLaptop(t, "laptop-a")
	l.enrol(t, srv, offices[0].ID, srv.URL)
	// Two mutations of a kind this version does not push (made by a newer
	// Kembang) stay in the outbox.
	for _, id := range []string{"0190aaaa-0000-7000-8000-0000000000a1", "0190aaaa-0000-7000-8000-0000000000a2"} {
		must(t, l.core.Store.DB.Create(&domain.OutboxEntry{MutationID: id, Entity: "future_entity", EntityID: id,
			Payload: "{}", CreatedAt: time.Now()}).Error)
	}
	l.sync(t)
	st, err := l.client.Status(bg())
	must(t, err)
	seen, err := srv.DevicesSeen(bg())
	must(t, err)
	var s server.DeviceSeen
	for _, v := range seen {
		s = v
	}
	if st.Pending != 2 || s.Pending == nil || *s.Pending != 2 || s.LastPullAt == nil {
		t.Fatalf("laptop pending %d, server saw %+v", st.Pending, s)
	}
}
