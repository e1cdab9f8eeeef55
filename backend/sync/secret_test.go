package sync_test

import (
	"strings"
	"testing"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/secret"
	"kembang/backend/secret/secrettest"
	"kembang/backend/store"
	"kembang/backend/store/storetest"
	"kembang/backend/sync"
	"kembang/backend/syncproto"
)

// The device credential and device key at rest: sealed for the Windows
// user (a fake protector per account here), and what a laptop does when
// its database was restored on another account or computer.

// laptopAs opens the laptop workspace in dir as a Windows account ("" =
// no protection, as on Linux); close l.core before opening dir again.
func laptopAs(t *testing.T, name, dir, account string) *laptop {
	t.Helper()
	var p secret.Protector = secret.Plain{}
	if account != "" {
		p = &secrettest.Protector{Account: account}
	}
	c, err := core.Open(bg(), store.Config{Dir: dir, Actor: name, Secrets: p})
	must(t, err)
	t.Cleanup(func() { _ = c.Close() })
	cl, err := sync.New(bg(), c.Store)
	must(t, err)
	cl.Jitter = func() float64 { return 0.5 }
	return &laptop{name: name, core: c, client: cl, made: map[string]bool{}}
}

func raw(t *testing.T, l *laptop, key string) string {
	t.Helper()
	v, _, err := l.core.Store.GetSetting(bg(), key)
	must(t, err)
	return v
}

func TestCredentialIsSealedAndSyncWorks(t *testing.T) {
	t.Parallel()
	srv := startServer(t, backends(t)["sqlite"](t))
	o := srv.setup(t, "Kantor A")[0]
	l := laptopAs(t, "a1", t.TempDir(), "alice")
	l.enrol(t, srv, o.ID, srv.URL)
	cred := raw(t, l, sync.SettingCredential)
	if !strings.HasPrefix(cred, secrettest.Scheme+":") || strings.Contains(cred, raw(t, l, sync.SettingDeviceID)) {
		t.Fatalf("stored credential %q: want it sealed", cred)
	}
	l.sync(t)
	if _, err := l.client.ExportBundle(bg(), t.TempDir(), sync.ExportOptions{NoReceipt: true}); err != nil {
		t.Fatal(err)
	}
	if key := raw(t, l, sync.SettingDeviceKey); !strings.HasPrefix(key, secrettest.Scheme+":") {
		t.Fatalf("stored device key %q: want it sealed", key)
	}
}

func TestLegacyCredentialIsSealedInPlace(t *testing.T) {
	t.Parallel()
	srv := startServer(t, backends(t)["sqlite"](t))
	o := srv.setup(t, "Kantor A")[0]
	dir := t.TempDir()
	old := laptopAs(t, "a1", dir, "")
	old.enrol(t, srv, o.ID, srv.URL)
	plain := strings.TrimPrefix(raw(t, old, sync.SettingCredential), "plain:")
	// As a version before protection wrote it: unprefixed.
	must(t, old.core.Store.SetSetting(bg(), sync.SettingCredential, plain))
	must(t, old.core.Close())

	l := laptopAs(t, "a1", dir, "alice")
	if got := raw(t, l, sync.SettingCredential); !strings.HasPrefix(got, secrettest.Scheme+":") {
		t.Fatalf("legacy credential after opening: %q, want it sealed in place", got)
	}
	if v, _, err := l.core.Store.GetSecret(bg(), sync.SettingCredential); err != nil || v != plain {
		t.Fatalf("credential reads back as %q, %v", v, err)
	}
	l.sync(t)
}

// A laptop database (or a backup) restored on another Windows account:
// the status says the laptop must be enrolled again, a round fails with
// that code without touching anything local, bundles refuse the same way,
// and enrolling again makes sync work with the local data intact.
func TestCredentialRestoredOnAnotherAccount(t *testing.T) {
	t.Parallel()
	srv := startServer(t, backends(t)["sqlite"](t))
	o := srv.setup(t, "Kantor A")[0]
	dir := t.TempDir()
	alice := laptopAs(t, "a1", dir, "alice")
	alice.enrol(t, srv, o.ID, srv.URL)
	alice.sync(t)
	if _, err := alice.client.ExportBundle(bg(), t.TempDir(), sync.ExportOptions{NoReceipt: true}); err != nil {
		t.Fatal(err)
	}
	u := &domain.Unit{OfficeID: o.ID, Name: "Bidang Pengembangan"}
	must(t, alice.core.Store.SaveUnit(bg(), u))
	e := &domain.Employee{NIP: storetest.NIP(1, 1, 1), Name: "Pegawai Satu", UnitID: &u.ID}
	must(t, alice.core.Store.SaveEmployee(bg(), e))
	pending, err := alice.core.Store.CountOutbox(bg())
	must(t, err)
	must(t, alice.core.Close())

	bob := laptopAs(t, "a1", dir, "bob")
	sealed := raw(t, bob, sync.SettingCredential)
	st, err := bob.client.Status(bg())
	if err != nil || st.State != sync.StateError || st.LastError != syncproto.CodeReenrolRequired {
		t.Fatalf("status before any round: %+v, %v; want error %s", st, err, syncproto.CodeReenrolRequired)
	}
	if _, err := bob.client.SyncOnce(bg()); domain.ErrorCode(err) != syncproto.CodeReenrolRequired {
		t.Fatalf("round: %v, want %s", err, syncproto.CodeReenrolRequired)
	}
	if _, err := bob.client.ExportBundle(bg(), t.TempDir(), sync.ExportOptions{NoReceipt: true}); domain.ErrorCode(err) != syncproto.CodeReenrolRequired {
		t.Fatalf("bundle export: %v, want %s", err, syncproto.CodeReenrolRequired)
	}
	st, _ = bob.client.Status(bg())
	if st.State != sync.StateError || st.LastError != syncproto.CodeReenrolRequired || st.Pending != pending {
		t.Fatalf("status after the round: %+v; want error %s and %d pending", st, syncproto.CodeReenrolRequired, pending)
	}
	if raw(t, bob, sync.SettingCredential) != sealed {
		t.Fatal("the unreadable credential was changed")
	}
	if got, err := bob.core.Store.GetEmployee(bg(), e.ID); err != nil || got.Employee.Name != e.Name {
		t.Fatalf("local data after the failed round: %+v, %v", got, err)
	}

	bob.enrol(t, srv, o.ID, srv.URL)
	st, _ = bob.client.Status(bg())
	if st.State == sync.StateError || st.LastError != "" {
		t.Fatalf("status after enrolling again: %+v", st)
	}
	bob.sync(t)
	if n, _ := bob.core.Store.CountOutbox(bg()); n != 0 {
		t.Fatalf("%d mutations still pending after enrolling again and syncing", n)
	}
	if _, err := bob.client.ExportBundle(bg(), t.TempDir(), sync.ExportOptions{NoReceipt: true}); err != nil {
		t.Fatalf("bundle after enrolling again (new device key): %v", err)
	}
	var n int64
	must(t, srv.DB.Table("changes").Where("entity = ? AND entity_id = ? AND NOT deleted", "employee", e.ID).Count(&n).Error)
	if n != 1 {
		t.Fatal("the employee made before the restore did not reach the server")
	}
}
