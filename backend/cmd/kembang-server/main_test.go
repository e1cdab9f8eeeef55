package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"kembang/backend/domain"
	"kembang/backend/server"
	"kembang/backend/syncproto"
)

// TestMain lets the tests run kembang-server as a separate process: the
// test binary re-executed with KEMBANG_SERVER_MAIN=1 is the command.
func TestMain(m *testing.M) {
	if os.Getenv("KEMBANG_SERVER_MAIN") == "1" {
		os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// admin runs one kembang-server command in its own process.
func admin(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"--data-dir", dir}, args...)...)
	cmd.Env = append(os.Environ(), "KEMBANG_SERVER_MAIN=1")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	if err := cmd.Run(); err != nil {
		t.Fatalf("kembang-server %s: %v\nstderr: %s", strings.Join(args, " "), err, errb.String())
	}
	t.Logf("kembang-server %s: %v", strings.Join(args, " "), time.Since(start).Round(time.Millisecond))
	return out.String()
}

func post(t *testing.T, url, cred string, in, out any) int {
	b, _ := json.Marshal(in)
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(syncproto.HeaderProtocol, strconv.Itoa(syncproto.ProtocolVersion))
	if cred != "" {
		req.Header.Set("Authorization", "Bearer "+cred)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Errorf("post: %v", err)
		return 0
	}
	defer resp.Body.Close()
	if out != nil {
		_ = json.NewDecoder(resp.Body).Decode(out)
	} else {
		_, _ = io.Copy(io.Discard, resp.Body)
	}
	return resp.StatusCode
}

// TestAdminCommandsWhileServing: the pilot server serves an SQLite folder
// and a laptop pushes to it without pause, while the admin commands run
// in other processes against the same folder. Every command succeeds, and
// what it did is what the running server sees: the new office, the
// enrolment code a new laptop uses, the revoked device refused, the new
// epoch.
func TestAdminCommandsWhileServing(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	srv, err := server.Open(ctx, server.Config{Dir: dir, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	defer func() {
		hs.Close()
		if err := srv.Close(); err != nil {
			t.Error(err)
		}
	}()
	office, err := srv.AddOffice(ctx, "BKPSDM Kota A", "KOTA-A")
	if err != nil {
		t.Fatal(err)
	}
	code, _, err := srv.NewEnrolCode(ctx, office.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	var enrolled syncproto.EnrolResponse
	if st := post(t, hs.URL+syncproto.PathEnrol, "", syncproto.EnrolRequest{Code: code, DeviceName: "busy"}, &enrolled); st != http.StatusOK {
		t.Fatalf("enrol: %d", st)
	}

	// The busy laptop: one push of 50 units after another until the end.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var once sync.Once
	halt := func() { once.Do(func() { close(stop) }); wg.Wait() }
	defer halt()
	var pushes, failures int
	wg.Add(1)
	go func() {
		defer wg.Done()
		for n := 0; ; n++ {
			select {
			case <-stop:
				return
			default:
			}
			var req syncproto.PushRequest
			for i := 0; i < 50; i++ {
				u := domain.Unit{OfficeID: office.ID, Name: fmt.Sprintf("Unit %d-%d", n, i)}
				u.ID = fmt.Sprintf("01900000-0000-7000-8000-%06d%06d", n, i)
				b, _ := json.Marshal(u)
				req.Mutations = append(req.Mutations, syncproto.Mutation{MutationID: u.ID, Entity: "unit", EntityID: u.ID, Payload: b})
			}
			var resp syncproto.PushResponse
			if st := post(t, hs.URL+syncproto.PathPush, enrolled.Credential, req, &resp); st != http.StatusOK {
				failures++
				continue
			}
			pushes++
		}
	}()
	time.Sleep(100 * time.Millisecond)

	out := admin(t, dir, "office", "add", "BKPSDM Kabupaten B", "--code", "KAB-B")
	newOffice := strings.Fields(out)[0]
	if !strings.Contains(admin(t, dir, "office", "list"), "BKPSDM Kabupaten B") {
		t.Fatal("office list does not show the new office")
	}
	offices, err := srv.Offices(ctx)
	if err != nil || len(offices) != 2 {
		t.Fatalf("the running server sees offices %v (%v), want 2", offices, err)
	}
	codeB := strings.Fields(admin(t, dir, "enrol-code", "--office", newOffice))[0]
	var second syncproto.EnrolResponse
	if st := post(t, hs.URL+syncproto.PathEnrol, "", syncproto.EnrolRequest{Code: codeB, DeviceName: "laptop B"}, &second); st != http.StatusOK || second.Office.ID != newOffice {
		t.Fatalf("enrol with the command's code: %d %+v", st, second)
	}
	if list := admin(t, dir, "device", "list"); !strings.Contains(list, second.DeviceID) || !strings.Contains(list, enrolled.DeviceID) {
		t.Fatalf("device list:\n%s", list)
	}
	admin(t, dir, "device", "revoke", second.DeviceID)
	if st := post(t, hs.URL+syncproto.PathPush, second.Credential, syncproto.PushRequest{}, nil); st != http.StatusUnauthorized {
		t.Fatalf("a revoked device pushes with status %d, want 401", st)
	}
	admin(t, dir, "framework", "publish", "--note", "while serving")
	var before string
	if err := srv.DB.Table("server_meta").Select("value").Where("key = ?", "epoch").Scan(&before).Error; err != nil {
		t.Fatal(err)
	}
	admin(t, dir, "epoch", "new")
	var after string
	if err := srv.DB.Table("server_meta").Select("value").Where("key = ?", "epoch").Scan(&after).Error; err != nil {
		t.Fatal(err)
	}
	if after == before {
		t.Fatal("the running server still has the old epoch")
	}
	halt()
	if pushes == 0 || failures != 0 {
		t.Fatalf("the busy laptop pushed %d batches, %d failed while the commands ran", pushes, failures)
	}
	t.Logf("%d pushes of 50 mutations while the commands ran", pushes)
	var units int64
	if err := srv.DB.Table("changes").Where("entity = ?", "unit").Count(&units).Error; err != nil || units != int64(pushes*50) {
		t.Fatalf("%d units on the server (%v), want %d", units, err, pushes*50)
	}
}

func TestUserAndCertificateCommands(t *testing.T) {
	dir := t.TempDir()
	cmd := func(input string, args ...string) (int, string) {
		stdin = strings.NewReader(input)
		var out, errb bytes.Buffer
		code := run(context.Background(), append([]string{"--data-dir", dir}, args...), &out, &errb)
		return code, out.String() + errb.String()
	}
	if code, out := cmd("a-long-password\n", "user", "add", "ani", "--role", "admin"); code != 0 || !strings.Contains(out, "added ani (admin)") {
		t.Fatalf("user add: %d %s", code, out)
	}
	if code, out := cmd("short\n", "user", "add", "budi", "--role", "viewer"); code != 1 || !strings.Contains(out, "web.password_weak") {
		t.Fatalf("weak password: %d %s", code, out)
	}
	if code, out := cmd("a-long-password\n", "user", "add", "budi"); code != 2 {
		t.Fatalf("user add without a role: %d %s", code, out)
	}
	if code, out := cmd("another-long-password\n", "user", "passwd", "ani"); code != 0 || !strings.Contains(out, "password changed") {
		t.Fatalf("passwd: %d %s", code, out)
	}
	if code, out := cmd("", "user", "role", "ani", "viewer"); code != 0 {
		t.Fatalf("role: %d %s", code, out)
	}
	if code, out := cmd("", "user", "list"); code != 0 || !strings.Contains(out, "ani") || !strings.Contains(out, "viewer") {
		t.Fatalf("list: %d %s", code, out)
	}
	if code, out := cmd("", "certificate", "revoke", "001/A/2026", "--reason", "salah"); code != 0 || !strings.Contains(out, "revoked 001/A/2026") {
		t.Fatalf("certificate revoke: %d %s", code, out)
	}
	if code, out := cmd("", "cert-key", "add", "ABCDEFGH", "not-a-key"); code != 1 || !strings.Contains(out, "certificate.key_invalid") {
		t.Fatalf("bad key: %d %s", code, out)
	}
	if code, out := cmd("", "readmodel", "rebuild"); code != 0 || !strings.Contains(out, "read model rebuilt") {
		t.Fatalf("rebuild: %d %s", code, out)
	}
}
