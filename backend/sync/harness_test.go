package sync_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	mrand "math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	gosync "sync"
	"testing"
	"time"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/framework"
	"kembang/backend/server"
	"kembang/backend/store"
	"kembang/backend/store/storetest"
	"kembang/backend/sync"
	"kembang/backend/syncproto"
)

func bg() context.Context { return context.Background() }

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
}

// backends are the server databases the integration tests run on.
func backends(t *testing.T) map[string]func(t *testing.T) server.Config {
	out := map[string]func(t *testing.T) server.Config{
		"sqlite": func(t *testing.T) server.Config {
			return server.Config{Driver: store.DriverSQLite, Dir: t.TempDir()}
		},
	}
	if dsn := os.Getenv("KEMBANG_TEST_PG_DSN"); dsn != "" {
		out["postgres"] = func(t *testing.T) server.Config {
			return server.Config{Driver: store.DriverPostgres, DSN: pgSchema(t, dsn)}
		}
	} else {
		t.Log("KEMBANG_TEST_PG_DSN not set: PostgreSQL server runs skipped")
	}
	return out
}

// pgSchema makes a fresh schema, dropped when the test ends, and returns a
// DSN that uses it.
func pgSchema(t *testing.T, dsn string) string { return storetest.PGSchema(t, dsn, "ks_") }

// testServer is a real server on loopback.
type testServer struct {
	*server.Server
	URL string
}

func startServer(t *testing.T, cfg server.Config) *testServer {
	t.Helper()
	cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	s, err := server.Open(bg(), cfg)
	must(t, err)
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(func() {
		hs.Close()
		must(t, s.Close())
	})
	return &testServer{Server: s, URL: hs.URL}
}

func (s *testServer) setup(t *testing.T, offices ...string) []*domain.Office {
	t.Helper()
	var out []*domain.Office
	for _, name := range offices {
		o, err := s.AddOffice(bg(), name, "")
		must(t, err)
		out = append(out, o)
	}
	_, err := s.PublishFramework(bg(), framework.BuiltIn(), "pusat")
	must(t, err)
	return out
}

// laptop is a simulated field laptop: the real core and sync client on its
// own SQLite file.
type laptop struct {
	name   string
	core   *core.Core
	client *sync.Client
	office string
	made   map[string]bool // every mutation id ever made here
	pages  []page
}

type page struct {
	prev, next string
	changes    []syncproto.Change
}

func newLaptop(t *testing.T, name string) *laptop {
	t.Helper()
	c, err := core.Open(bg(), store.Config{Dir: t.TempDir(), Actor: name})
	must(t, err)
	t.Cleanup(func() { _ = c.Close() })
	cl, err := sync.New(bg(), c.Store)
	must(t, err)
	cl.Jitter = func() float64 { return 0.5 }
	l := &laptop{name: name, core: c, client: cl, made: map[string]bool{}}
	cl.Hooks.AfterPage = func(prev, next string, ch []syncproto.Change) {
		l.pages = append(l.pages, page{prev, next, ch})
	}
	return l
}

func (l *laptop) enrol(t *testing.T, srv *testServer, officeID, serverURL string) {
	t.Helper()
	code, _, err := srv.NewEnrolCode(bg(), officeID, 0)
	must(t, err)
	res, err := l.client.Enrol(bg(), serverURL, code, l.name, false)
	must(t, err)
	l.office = res.Office.ID
}

// note records the outbox, so exactly-once can be checked at the end.
func (l *laptop) note(t *testing.T) {
	t.Helper()
	es, err := l.core.Store.PendingOutbox(bg(), 100000)
	must(t, err)
	for _, e := range es {
		l.made[e.MutationID] = true
	}
}

// sync runs rounds until one succeeds (faults make some fail).
func (l *laptop) sync(t *testing.T) sync.Report {
	t.Helper()
	l.note(t)
	var last error
	for i := 0; i < 60; i++ {
		rep, err := l.client.SyncOnce(bg())
		if err == nil {
			return rep
		}
		last = err
	}
	t.Fatalf("%s: no successful round in 60 attempts, last error: %v", l.name, last)
	return sync.Report{}
}

func (l *laptop) credential(t *testing.T) string {
	v, _, err := l.core.Store.GetSecret(bg(), sync.SettingCredential)
	must(t, err)
	return v
}

// fault is what the proxy does to one request.
type fault int

const (
	pass         fault = iota
	cutRequest         // the connection drops while the request is sent
	cutResponse        // the server answered; the answer is cut halfway
	fail503            // the proxy answers 503 without asking the server
	fail502After       // the server handled it; the client gets 502
	duplicate          // the request reaches the server twice
	replayOld          // an earlier push of the same device arrives again first
	slowLink           // the request and the answer are delayed (scripted only)
	timedOut           // the server handled it; the answer comes after the client gave up (scripted only)
	numFaults
)

// numRandomFaults bounds the faults a random proxy draws (cutRequest up to
// replayOld); slowLink and timedOut are only scripted.
const numRandomFaults = slowLink

// clientTimeout is the client's request timeout in rounds with a timedOut
// fault.
const clientTimeout = 100 * time.Millisecond

func (f fault) String() string {
	return [...]string{"pass", "cut_request", "cut_response", "503", "502_after", "duplicate", "replay_old", "slow", "timeout"}[f]
}

// proxy is a fault-injecting HTTP proxy on loopback. Which request gets
// which fault is drawn at random (newProxy) or taken from a script
// (newScriptedProxy, setScript).
type proxy struct {
	target   string
	mu       gosync.Mutex
	rnd      *mrand.Rand
	rate     float64 // share of sync requests that get a fault
	scripted bool
	script   []fault           // the next requests' faults, then pass
	old      map[string][]byte // last push body per credential
	counts   [numFaults]int
	client   *http.Client
	hs       *httptest.Server
	URL      string
}

func newProxy(t *testing.T, target string, seed uint64, rate float64) *proxy {
	p := &proxy{target: target, rnd: mrand.New(mrand.NewPCG(seed, 7)), rate: rate, old: map[string][]byte{},
		client: &http.Client{Transport: &http.Transport{DisableCompression: true}}}
	p.hs = httptest.NewServer(p)
	t.Cleanup(p.hs.Close)
	p.URL = p.hs.URL
	return p
}

// newScriptedProxy is a proxy whose faults come from setScript; the caller
// closes p.hs.
func newScriptedProxy(target string) *proxy {
	p := &proxy{target: target, scripted: true, old: map[string][]byte{},
		client: &http.Client{Transport: &http.Transport{DisableCompression: true}}}
	p.hs = httptest.NewServer(p)
	p.URL = p.hs.URL
	return p
}

// setScript sets the faults of the next requests (enrolment excepted).
func (p *proxy) setScript(s []fault) {
	p.mu.Lock()
	p.script = append([]fault(nil), s...)
	p.mu.Unlock()
}

func (p *proxy) pick(r *http.Request) fault {
	p.mu.Lock()
	defer p.mu.Unlock()
	if r.URL.Path == syncproto.PathEnrol {
		return pass
	}
	if p.scripted {
		if len(p.script) == 0 {
			return pass
		}
		f := p.script[0]
		p.script = p.script[1:]
		return f
	}
	if p.rnd.Float64() >= p.rate {
		return pass
	}
	f := fault(1 + p.rnd.IntN(int(numRandomFaults)-1))
	p.counts[f]++
	return f
}

// setTarget points the proxy at another server (a restored one).
func (p *proxy) setTarget(u string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.target = u
}

func (p *proxy) forward(r *http.Request, body []byte) (*http.Response, []byte, error) {
	p.mu.Lock()
	target := p.target
	p.mu.Unlock()
	req, err := http.NewRequest(r.Method, target+r.URL.RequestURI(), bytes.NewReader(body))
	if err != nil {
		return nil, nil, err
	}
	for _, h := range []string{"Authorization", "Content-Type", "Content-Encoding", "Accept-Encoding", syncproto.HeaderProtocol, syncproto.HeaderEpoch, syncproto.HeaderPending} {
		if v := r.Header.Get(h); v != "" {
			req.Header.Set(h, v)
		}
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp, b, err
}

func hangUp(w http.ResponseWriter) {
	_ = http.NewResponseController(w).Flush()
	if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
		_ = conn.Close()
	}
}

func (p *proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f := p.pick(r)
	cred := r.Header.Get("Authorization")
	if r.URL.Path == syncproto.PathPush {
		p.mu.Lock()
		prev := p.old[cred]
		p.old[cred] = body
		p.mu.Unlock()
		if f == replayOld && prev != nil {
			_, _, _ = p.forward(r, prev)
		}
	}
	switch f {
	case cutRequest:
		if len(body) > 1 {
			_, _, _ = p.forward(r, body[:len(body)/2]) // the server reads a truncated body
		}
		hangUp(w)
		return
	case fail503:
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	case duplicate:
		_, _, _ = p.forward(r, body)
	case slowLink:
		time.Sleep(15 * time.Millisecond)
	}
	resp, rb, err := p.forward(r, body)
	if err != nil {
		hangUp(w)
		return
	}
	switch f {
	case fail502After:
		w.WriteHeader(http.StatusBadGateway)
		return
	case slowLink:
		time.Sleep(15 * time.Millisecond)
	case timedOut:
		time.Sleep(2 * clientTimeout)
	}
	for _, h := range []string{"Content-Type", "Content-Encoding"} {
		if v := resp.Header.Get(h); v != "" {
			w.Header().Set(h, v)
		}
	}
	if f == cutResponse {
		w.Header().Set("Content-Length", itoa(len(rb)))
		w.WriteHeader(resp.StatusCode)
		_, _ = w.Write(rb[:len(rb)/2])
		hangUp(w)
		return
	}
	w.WriteHeader(resp.StatusCode)
	_, _ = w.Write(rb)
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// rawCall sends one JSON request with a device credential and returns the
// status and the decoded body.
func rawCall(t *testing.T, method, u, cred string, in any, out any) int {
	t.Helper()
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		must(t, err)
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, u, body)
	must(t, err)
	if cred != "" {
		req.Header.Set("Authorization", "Bearer "+cred)
	}
	req.Header.Set(syncproto.HeaderProtocol, strconv.Itoa(syncproto.ProtocolVersion))
	resp, err := http.DefaultClient.Do(req)
	must(t, err)
	defer resp.Body.Close()
	if out != nil {
		_ = json.NewDecoder(resp.Body).Decode(out)
	}
	return resp.StatusCode
}
