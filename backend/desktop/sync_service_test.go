package desktop_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"kembang/backend/core"
	"kembang/backend/desktop"
	"kembang/backend/domain"
	"kembang/backend/framework"
	"kembang/backend/server"
	"kembang/backend/store"
	"kembang/backend/syncproto"
)

// syncServer is the real sync server on loopback with one office and the
// built-in framework published.
type syncServer struct {
	*server.Server
	URL    string
	office *domain.Office
}

func startSyncServer(t *testing.T) *syncServer {
	t.Helper()
	ctx := context.Background()
	s, err := server.Open(ctx, server.Config{Driver: store.DriverSQLite, Dir: t.TempDir(),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(func() {
		hs.Close()
		_ = s.Close()
	})
	o, err := s.AddOffice(ctx, "BKPSDM Sleman", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PublishFramework(ctx, framework.BuiltIn(), "pusat"); err != nil {
		t.Fatal(err)
	}
	return &syncServer{Server: s, URL: hs.URL, office: o}
}

func (s *syncServer) code(t *testing.T) string {
	t.Helper()
	code, _, err := s.NewEnrolCode(context.Background(), s.office.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	return code
}

func addEmployee(t *testing.T, s services, nip, name string) desktop.EmployeeItem {
	t.Helper()
	e, err := s.employees.Save(desktop.EmployeeInput{NIP: nip, Name: name, Golongan: "III/a"})
	if err != nil {
		t.Fatalf("save employee: %v", err)
	}
	return e
}

func TestSyncServiceNotEnrolled(t *testing.T) {
	s := openServices(t)
	st, err := s.sync.Status()
	if err != nil {
		t.Fatal(err)
	}
	if st.State != "not_enrolled" || st.Server != "" || st.Auto {
		t.Fatalf("status = %+v, want not_enrolled without a loop", st)
	}
	// Sync now without a server is not an error of the call.
	st, err = s.sync.SyncNow()
	if err != nil || st.State != "not_enrolled" {
		t.Fatalf("SyncNow = %+v, %v", st, err)
	}
	if is, err := s.sync.Issues(true); err != nil || len(is) != 0 {
		t.Fatalf("issues = %v, %v", is, err)
	}
	// Enrolment input is checked before anything is sent.
	if _, err := s.sync.Enrol("", "", "", false); domain.ErrorCode(desktopErr(err)) != domain.CodeInvalid {
		t.Fatalf("empty enrol: %v", err)
	}
	_, err = s.sync.Enrol("http://10.1.2.3:8443", "abc", "laptop", false)
	if got := desktop.FormatError(err).(*desktop.ErrorDTO).Code; got != syncproto.CodeInsecureServer {
		t.Fatalf("plain http to a LAN host: code %q, want %q", got, syncproto.CodeInsecureServer)
	}
}

// desktopErr maps field errors to their code, as the UI receives them.
func desktopErr(err error) error {
	if err == nil {
		return nil
	}
	return domain.E(desktop.FormatError(err).(*desktop.ErrorDTO).Code, "test", err)
}

func TestSyncServiceEnrolSyncAndIssues(t *testing.T) {
	srv := startSyncServer(t)
	s := openServices(t)
	// No background loop: this test drives the rounds with SyncNow.
	if err := s.backend.SetSyncInterval(0); err != nil {
		t.Fatal(err)
	}
	st, err := s.sync.Enrol(srv.URL, "not-a-code", "laptop-1", false)
	if err == nil || desktop.FormatError(err).(*desktop.ErrorDTO).Code != syncproto.CodeEnrolInvalid {
		t.Fatalf("wrong code: %+v, %v", st, err)
	}
	st, err = s.sync.Enrol(srv.URL, srv.code(t), "laptop-1", false)
	if err != nil {
		t.Fatalf("enrol: %v", err)
	}
	if st.State != "idle" || st.Server != srv.URL || st.DeviceID == "" || st.LastSuccess != nil || st.Auto {
		t.Fatalf("after enrol: %+v", st)
	}
	addEmployee(t, s, "197407072000031002", "Budi Santoso")
	addEmployee(t, s, "198001012005012003", "Siti Aminah")
	st, err = s.sync.Status()
	if err != nil || st.Pending == 0 {
		t.Fatalf("status before sync = %+v, %v; want pending changes", st, err)
	}

	// A change of a kind this version does not sync is held, not pending.
	c, err := s.backend.Core()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Store.DB.Create(&domain.OutboxEntry{MutationID: store.NewUUIDv7(), Entity: "future_entity",
		EntityID: store.NewUUIDv7(), Payload: "{}", CreatedAt: time.Now().UTC()}).Error; err != nil {
		t.Fatal(err)
	}

	before := time.Now().Add(-time.Second)
	st, err = s.sync.SyncNow()
	if err != nil {
		t.Fatalf("SyncNow: %v", err)
	}
	if st.State != "idle" || st.Pending != 0 || st.Held != 1 || st.LastError != "" || st.LastSuccess == nil || st.LastSuccess.Before(before) {
		t.Fatalf("after SyncNow: %+v", st)
	}

	// A mutation the server refuses: laptops cannot change the central
	// competency dictionary. It becomes an issue and leaves the queue.
	comp, err := s.framework.SaveCompetency(domain.Competency{Type: domain.Technical, Code: "T.9", Name: "Kearsipan",
		Definition: "Mengelola arsip.", Levels: framework.TechnicalLevelTemplate()})
	if err != nil {
		t.Fatalf("save competency: %v", err)
	}
	addEmployee(t, s, "199002022015032004", "Rina Wati")
	st, err = s.sync.SyncNow()
	if err != nil {
		t.Fatal(err)
	}
	if st.Pending != 0 || st.Issues == 0 || st.State != "idle" {
		t.Fatalf("after a refused mutation: %+v, want an open issue and an empty queue", st)
	}
	is, err := s.sync.Issues(false)
	if err != nil {
		t.Fatal(err)
	}
	var refused *desktop.SyncIssue
	for i := range is {
		if is[i].Kind == "rejected" && is[i].EntityID == comp.ID {
			refused = &is[i]
		}
	}
	if refused == nil || refused.Code != syncproto.CodeReadOnly || refused.Yours == "" || refused.YoursDevice != st.DeviceID {
		t.Fatalf("issues = %+v, want the competency refused as read-only", is)
	}
	open := st.Issues

	if err := s.sync.DismissIssue(refused.ID); err != nil {
		t.Fatal(err)
	}
	st, err = s.sync.Status()
	if err != nil || st.Issues != open-1 {
		t.Fatalf("after dismiss: %+v, %v; want %d open issues", st, err, open-1)
	}
	is, _ = s.sync.Issues(false)
	for _, x := range is {
		if x.ID == refused.ID {
			t.Fatalf("dismissed issue still listed: %+v", x)
		}
	}
	all, _ := s.sync.Issues(true)
	found := false
	for _, x := range all {
		found = found || (x.ID == refused.ID && x.Dismissed)
	}
	if !found {
		t.Fatalf("dismissed issue missing from the full list: %+v", all)
	}
	if err := s.sync.DismissIssue(""); err == nil {
		t.Fatal("dismissing an empty id should fail")
	}
}

func TestSyncServiceOffline(t *testing.T) {
	srv := startSyncServer(t)
	s := openServices(t)
	if err := s.backend.SetSyncInterval(0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.sync.Enrol(srv.URL, srv.code(t), "laptop-1", false); err != nil {
		t.Fatal(err)
	}
	// Point the laptop at a port nobody listens on.
	dead := httptest.NewServer(nil)
	deadURL := dead.URL
	dead.Close()
	c, err := s.backend.Core()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Store.SetSetting(context.Background(), "sync.server_url", deadURL); err != nil {
		t.Fatal(err)
	}
	addEmployee(t, s, "197407072000031002", "Budi Santoso")
	st, err := s.sync.SyncNow()
	if err != nil {
		t.Fatalf("a failed round is not a failed call: %v", err)
	}
	if st.State != "offline" || st.LastError != syncproto.CodeServerOffline || st.Pending == 0 {
		t.Fatalf("offline status = %+v", st)
	}
}

// The automatic loop starts after Enrol and when an enrolled workspace is
// opened, drains the queue by itself and stops on Close.
func TestSyncServiceAutomaticLoop(t *testing.T) {
	srv := startSyncServer(t)
	dir := t.TempDir()
	ctx := context.Background()
	c, err := core.Open(ctx, store.Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	b := desktop.NewBackend(c, nil, dir, desktop.DirSaver{Dir: t.TempDir()})
	s := byType(t, b)
	if err := b.SetSyncInterval(50 * time.Millisecond); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.sync.Status(); st.Auto {
		t.Fatal("the loop runs before enrolment")
	}
	if _, err := s.sync.Enrol(srv.URL, srv.code(t), "laptop-1", false); err != nil {
		t.Fatal(err)
	}
	addEmployee(t, s, "197407072000031002", "Budi Santoso")
	waitDrained(t, s)
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}

	// Reopen: an enrolled workspace syncs on its own.
	t.Setenv(desktop.EnvSyncInterval, "50ms")
	c, err = core.Open(ctx, store.Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	b = desktop.NewBackend(c, nil, dir, desktop.DirSaver{Dir: t.TempDir()})
	t.Cleanup(func() { _ = b.Close() })
	s = byType(t, b)
	if st, _ := s.sync.Status(); !st.Auto {
		t.Fatalf("an enrolled workspace did not start syncing: %+v", st)
	}
	addEmployee(t, s, "198001012005012003", "Siti Aminah")
	waitDrained(t, s)
}

func waitDrained(t *testing.T, s services) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		st, err := s.sync.Status()
		if err != nil {
			t.Fatal(err)
		}
		if st.Pending == 0 && st.LastSuccess != nil && st.State == "idle" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the automatic loop did not drain the queue: %+v", st)
		}
		time.Sleep(20 * time.Millisecond) // poll interval, not an assertion
	}
}
