package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"kembang/backend/domain"
	"kembang/backend/framework"
	"kembang/backend/server"
	"kembang/backend/server/web"
	"kembang/backend/store"
	"kembang/backend/store/storetest"
	"kembang/backend/syncproto"
)

func bg() context.Context { return context.Background() }

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
}

// backends are the server databases the tests run on: SQLite always,
// PostgreSQL when KEMBANG_TEST_PG_DSN is set.
func backends(tb testing.TB) map[string]func(tb testing.TB) server.Config {
	out := map[string]func(tb testing.TB) server.Config{
		"sqlite": func(tb testing.TB) server.Config { return server.Config{Driver: store.DriverSQLite, Dir: tb.TempDir()} },
	}
	if dsn := os.Getenv("KEMBANG_TEST_PG_DSN"); dsn != "" {
		out["postgres"] = func(tb testing.TB) server.Config {
			return server.Config{Driver: store.DriverPostgres, DSN: pgSchema(tb, dsn)}
		}
	} else {
		tb.Log("KEMBANG_TEST_PG_DSN not set: PostgreSQL runs skipped")
	}
	return out
}

func pgSchema(tb testing.TB, dsn string) string { return storetest.PGSchema(tb, dsn, "kw_") }

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// env is a real server with the dashboard on loopback.
type env struct {
	S     *server.Server
	App   *web.App
	URL   string
	Clock *clock
}

const adminPW, viewerPW = "admin-password-1", "viewer-password-1"

func start(tb testing.TB, cfg server.Config) *env {
	tb.Helper()
	clk := &clock{t: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	cfg.Now = clk.Now
	s, err := server.Open(bg(), cfg)
	must(tb, err)
	a, err := web.Mount(s, web.Options{})
	must(tb, err)
	hs := httptest.NewServer(s.Handler())
	tb.Cleanup(func() {
		hs.Close()
		must(tb, s.Close())
	})
	_, err = a.AddUser(bg(), "admin", adminPW, web.RoleAdmin)
	must(tb, err)
	_, err = a.AddUser(bg(), "viewer", viewerPW, web.RoleViewer)
	must(tb, err)
	return &env{S: s, App: a, URL: hs.URL, Clock: clk}
}

// browser is an HTTP client with a cookie jar that does not follow
// redirects, so tests see each answer.
type browser struct {
	tb  testing.TB
	c   *http.Client
	env *env
}

func (e *env) browser(tb testing.TB) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{tb: tb, env: e, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

type answer struct {
	Status   int
	Body     string
	Location string
	Header   http.Header
}

func (b *browser) do(req *http.Request) answer {
	b.tb.Helper()
	resp, err := b.c.Do(req)
	must(b.tb, err)
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return answer{Status: resp.StatusCode, Body: string(body), Location: resp.Header.Get("Location"), Header: resp.Header}
}

func (b *browser) get(path string) answer {
	b.tb.Helper()
	req, err := http.NewRequest(http.MethodGet, b.env.URL+path, nil)
	must(b.tb, err)
	return b.do(req)
}

func (b *browser) post(path string, form url.Values, header ...string) answer {
	b.tb.Helper()
	req, err := http.NewRequest(http.MethodPost, b.env.URL+path, strings.NewReader(form.Encode()))
	must(b.tb, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return b.do(req)
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func csrfOf(tb testing.TB, body string) string {
	tb.Helper()
	m := csrfRE.FindStringSubmatch(body)
	if m == nil {
		tb.Fatalf("no csrf token in page:\n%s", body)
	}
	return m[1]
}

// login signs in and returns the session's CSRF token.
func (b *browser) login(user, pw string) answer {
	b.tb.Helper()
	page := b.get("/login")
	return b.post("/login", url.Values{"csrf": {csrfOf(b.tb, page.Body)}, "username": {user}, "password": {pw}, "next": {"/"}})
}

func (b *browser) mustLogin(user, pw string) string {
	b.tb.Helper()
	a := b.login(user, pw)
	if a.Status != http.StatusSeeOther || a.Location != "/" {
		b.tb.Fatalf("login %s: %d %s\n%s", user, a.Status, a.Location, a.Body)
	}
	home := b.get("/")
	if home.Status != http.StatusOK {
		b.tb.Fatalf("home after login: %d %s", home.Status, home.Location)
	}
	return csrfOf(b.tb, home.Body)
}

func (b *browser) cookie(name string) string {
	u, _ := url.Parse(b.env.URL)
	for _, c := range b.c.Jar.Cookies(u) {
		if c.Name == name {
			return c.Value
		}
	}
	return ""
}

func (b *browser) setCookie(name, value string) {
	u, _ := url.Parse(b.env.URL)
	b.c.Jar.SetCookies(u, []*http.Cookie{{Name: name, Value: value, Path: "/"}})
}

// A laptop's pushes, made by hand with the wire types: the server's real
// push path (rules, office scope, read model) without a laptop database.

type device struct {
	Office string
	Dev    *server.Device
	Cred   string
}

func (e *env) enrol(tb testing.TB, officeName string) device {
	tb.Helper()
	o, err := e.S.AddOffice(bg(), officeName, "")
	must(tb, err)
	code, _, err := e.S.NewEnrolCode(bg(), o.ID, time.Hour)
	must(tb, err)
	resp, err := e.S.Enrol(bg(), &syncproto.EnrolRequest{Code: code, DeviceName: "laptop " + officeName})
	must(tb, err)
	dev, err := e.S.Authenticate(bg(), resp.Credential)
	must(tb, err)
	return device{Office: o.ID, Dev: dev, Cred: resp.Credential}
}

func (e *env) push(tb testing.TB, d device, rows ...domain.Syncable) {
	tb.Helper()
	for start := 0; start < len(rows); start += syncproto.MaxPushBatch {
		end := min(start+syncproto.MaxPushBatch, len(rows))
		req := &syncproto.PushRequest{}
		for _, r := range rows[start:end] {
			m := r.Meta()
			if m.ID == "" {
				m.ID = store.NewUUIDv7()
			}
			m.UpdatedAt = e.Clock.Now()
			b, err := json.Marshal(r)
			must(tb, err)
			req.Mutations = append(req.Mutations, syncproto.Mutation{MutationID: store.NewUUIDv7(), Entity: r.EntityName(),
				EntityID: m.ID, Payload: b})
		}
		resp, err := e.S.Push(bg(), d.Dev, req)
		must(tb, err)
		for _, r := range resp.Results {
			if r.Status != syncproto.StatusApplied {
				tb.Fatalf("push: %+v", r)
			}
		}
	}
}

// officeData makes units, one position whose standard is every managerial
// and socio-cultural competency at level 3, employees and one finalized
// assessment each (levels cycling 1..5 so gaps differ).
func officeData(units, employees int, seed int) []domain.Syncable {
	var rows []domain.Syncable
	std := domain.Standards{}
	for _, c := range framework.BuiltIn() {
		if c.Type != domain.Technical {
			std[c.Code] = 3
		}
	}
	var unitIDs []string
	for u := 0; u < units; u++ {
		unit := &domain.Unit{Name: fmt.Sprintf("Bidang %d", u+1)}
		unit.ID = store.NewUUIDv7()
		unitIDs = append(unitIDs, unit.ID)
		rows = append(rows, unit)
	}
	pos := &domain.Position{Name: "Analis SDM", Type: domain.Fungsional, Standards: std}
	pos.ID = store.NewUUIDv7()
	rows = append(rows, pos)
	for i := 0; i < employees; i++ {
		e := &domain.Employee{NIP: fmt.Sprintf("1980%02d%02d2005%02d1%03d", 1+i%12, 1+i%28, seed%100, i%1000), Name: fmt.Sprintf("Pegawai %d", i)}
		e.ID = store.NewUUIDv7()
		e.PositionID = &pos.ID
		u := unitIDs[i%len(unitIDs)]
		e.UnitID = &u
		rows = append(rows, e)
		a := &domain.Assessment{EmployeeID: e.ID, Period: "2026", Method: domain.AssessmentByAssessor, FrameworkVersion: 1,
			State: domain.AssessmentFinalized, AssessedOn: "2026-03-01"}
		a.ID = store.NewUUIDv7()
		k := 0
		for code := range std {
			a.Items = append(a.Items, domain.AssessmentItem{CompetencyCode: code, Level: 1 + (i+k+seed)%5})
			k++
		}
		rows = append(rows, a)
	}
	return rows
}

// withUnits fills a unit's office id (a unit's payload names its office).
func withUnits(rows []domain.Syncable, office string) []domain.Syncable {
	for _, r := range rows {
		if u, ok := r.(*domain.Unit); ok {
			u.OfficeID = office
		}
	}
	return rows
}

func builtIn() []domain.Competency { return framework.BuiltIn() }
