package sync_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	gosync "sync"
	"sync/atomic"
	"testing"
	"time"

	"pgregory.net/rapid"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/framework"
	"kembang/backend/server"
	"kembang/backend/store"
	"kembang/backend/store/storetest"
	"kembang/backend/sync"
	"kembang/backend/syncproto"
)

// TestSyncModel is the randomized model test of SYNC.md: rapid draws
// interleavings of edits on three laptops (two in office A, one in office
// B: employees created, edited and deleted, the same employee edited and
// the same NIP added on both laptops of A, assessments created, edited,
// finalized on one laptop while the other edits them, and superseded;
// units and positions), sync rounds through a proxy that injects one fault
// after another, laptops that lose power in the middle of a round (their
// database and write-ahead log copied as they are on disk while a pulled
// page is being applied, or while a push waits for its answer) and start
// again from that copy, server restarts and clock skew. After every step it
// checks what must already hold (nothing is recorded twice or made up, an
// acknowledged mutation is on the server or in the sync issues, no row of
// the other office, cursor pages chain, each laptop's mutations of a row are
// applied in the order they were made); at checkpoints and at the end every
// laptop syncs twice with no faults and the five invariants are checked in
// full, with the employees' field merge replayed in server order.
//
// The number of runs defaults to 20 (-rapid.checks overrides it, -short
// halves the steps); it runs on SQLite and, with KEMBANG_TEST_PG_DSN, on
// PostgreSQL.
func TestSyncModel(t *testing.T) {
	set := map[string]bool{}
	flag.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if !set["rapid.checks"] {
		must(t, flag.Set("rapid.checks", "20"))
	}
	if !set["rapid.steps"] {
		must(t, flag.Set("rapid.steps", "30"))
	}
	for name, cfg := range modelBackends(t) {
		t.Run(name, func(t *testing.T) {
			var stats modelStats
			env := newModelEnv(t, cfg)
			rapid.Check(t, func(rt *rapid.T) {
				m := newModel(rt, env)
				defer m.close()
				rt.Repeat(m.actions())
				m.quiesce(rt)
				m.checkAll(rt)
				stats.add(&m.stats)
			})
			t.Logf("over all runs: %s", stats.String())
		})
	}
}

func modelBackends(t *testing.T) map[string]func(t *testing.T) server.Config {
	out := map[string]func(t *testing.T) server.Config{
		"sqlite": func(t *testing.T) server.Config {
			dir, err := os.MkdirTemp(t.TempDir(), "srv")
			must(t, err)
			return server.Config{Driver: store.DriverSQLite, Dir: dir}
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

// fataler is what setup needs of *testing.T and *rapid.T.
type fataler interface {
	Fatalf(format string, args ...any)
}

// modelEnv holds what every run starts from. On SQLite that is a copy of
// a world built once: the server with two offices and the framework, three
// enrolled laptops, and on each office's first laptop a unit, a position
// and three employees, synced everywhere. Runs start from copies of these
// files, which is much faster than migrating and enrolling afresh. On
// PostgreSQL each run builds that world itself.
type modelEnv struct {
	t      *testing.T
	cfg    func(t *testing.T) server.Config
	laptop string // a laptop database made by core.Open, not enrolled
	world  *model // the SQLite world, closed; nil on PostgreSQL
	server string // its server folder
}

func newModelEnv(t *testing.T, cfg func(t *testing.T) server.Config) *modelEnv {
	env := &modelEnv{t: t, cfg: cfg}
	dir := t.TempDir()
	c, err := core.Open(bg(), store.Config{Dir: dir, Actor: "template"})
	must(t, err)
	must(t, c.Close())
	env.laptop = filepath.Join(dir, "kembang.db")
	if sc := cfg(t); sc.Driver == store.DriverSQLite {
		env.world = buildWorld(t, env, sc)
		env.world.close()
		env.server = sc.Dir
	}
	return env
}

// buildWorld starts a server on cfg, enrols the laptops and syncs the first data.
func buildWorld(ft fataler, env *modelEnv, cfg server.Config) *model {
	m := &model{stats: modelStats{faults: map[fault]int{}}}
	m.srv = openModelServer(ft, cfg)
	m.px = newScriptedProxy(m.srv.front.URL)
	s := m.srv.db()
	if err := setupModelServer(s); err != nil {
		ft.Fatalf("server setup: %v", err)
	}
	m.readServer(ft)
	root, err := os.MkdirTemp(env.t.TempDir(), "laptops")
	if err != nil {
		ft.Fatalf("temp dir: %v", err)
	}
	for _, spec := range []struct {
		name   string
		office int
	}{{"A1", 0}, {"A2", 0}, {"B1", 1}} {
		l := &mLaptop{name: spec.name, office: spec.office, officeID: m.offices[spec.office].ID,
			dir: filepath.Join(root, spec.name), muts: map[string]*mutation{}, storeDevice: store.NewUUIDv7()}
		if err := copyFiles(filepath.Dir(env.laptop), l.dir, "kembang.db"); err != nil {
			ft.Fatalf("laptop copy: %v", err)
		}
		l.open(ft)
		code, _, err := s.NewEnrolCode(bg(), l.officeID, 0)
		if err != nil {
			ft.Fatalf("enrol code: %v", err)
		}
		res, err := l.client.Enrol(bg(), m.px.URL, code, l.name, false)
		if err != nil {
			ft.Fatalf("%s: enrol: %v", l.name, err)
		}
		l.device = res.DeviceID
		if ms := l.capture(ft, nil); len(ms) != 0 {
			ft.Fatalf("%s: %d mutations pending right after enrolment", l.name, len(ms))
		}
		m.laptops = append(m.laptops, l)
	}
	for _, l := range []*mLaptop{m.laptops[0], m.laptops[2]} {
		u := &domain.Unit{Name: "Bidang Umum"}
		err := l.core.Store.SaveUnit(bg(), u)
		l.expectOne(ft, allowed(ft, "unit", err), "unit", nil)
		p := &domain.Position{Name: "Analis Kepegawaian", Type: domain.Pelaksana, UnitID: &u.ID,
			Standards: domain.Standards{"M.1": 2, "M.2": 3}}
		err = l.core.Store.SavePosition(bg(), p)
		l.expectOne(ft, allowed(ft, "position", err), "position", nil)
		for k := range 3 {
			e := &domain.Employee{NIP: nipPool[k], Name: "Pegawai " + letters(m.next()), UnitID: &u.ID, PositionID: &p.ID}
			err := l.core.Store.SaveEmployee(bg(), e)
			l.expectOne(ft, allowed(ft, "employee", err), "employee", nil)
		}
	}
	m.quiesce(ft)
	return m
}

// readServer loads the offices and the cursor secret.
func (m *model) readServer(ft fataler) {
	s := m.srv.db()
	offices, err := s.Offices(bg())
	if err != nil || len(offices) != 2 {
		ft.Fatalf("offices: %v, %v", offices, err)
	}
	sort.Slice(offices, func(i, j int) bool { return offices[i].Name > offices[j].Name })
	m.offices = nil
	for i := range offices {
		m.offices = append(m.offices, &offices[i])
	}
	var secret string
	if err := s.DB.Table("server_meta").Select("value").Where("key = ?", "cursor_secret").Scan(&secret).Error; err != nil {
		ft.Fatalf("cursor secret: %v", err)
	}
	m.secret = []byte(secret)
}

func setupModelServer(s *server.Server) error {
	for _, name := range []string{"BKPSDM Kota A", "BKPSDM Kabupaten B"} {
		if _, err := s.AddOffice(bg(), name, ""); err != nil {
			return err
		}
	}
	_, err := s.PublishFramework(bg(), framework.BuiltIn(), "pusat")
	return err
}

// copyFiles copies the named files of src that exist into the folder dst.
func copyFiles(src, dst string, names ...string) error {
	if err := os.MkdirAll(dst, 0o700); err != nil {
		return err
	}
	for _, f := range names {
		b, err := os.ReadFile(filepath.Join(src, f))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, f), b, 0o600); err != nil {
			return err
		}
	}
	return nil
}

// modelStats counts what the runs did, so a run that injected nothing is visible.
type modelStats struct {
	mu                                     gosync.Mutex
	rounds, failed, crashes, restarts      int
	faults                                 map[fault]int
	applied, rejected, conflicts, checkpts int
}

func (s *modelStats) add(o *modelStats) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.faults == nil {
		s.faults = map[fault]int{}
	}
	s.rounds += o.rounds
	s.failed += o.failed
	s.crashes += o.crashes
	s.restarts += o.restarts
	s.applied += o.applied
	s.rejected += o.rejected
	s.conflicts += o.conflicts
	s.checkpts += o.checkpts
	for k, v := range o.faults {
		s.faults[k] += v
	}
}

func (s *modelStats) String() string {
	var fs []string
	for f := fault(1); f < numFaults; f++ {
		fs = append(fs, fmt.Sprintf("%s=%d", f, s.faults[f]))
	}
	return fmt.Sprintf("rounds %d (failed %d), crashes %d, server restarts %d, checkpoints %d, mutations applied %d, rejected %d, conflicts %d, faults %s",
		s.rounds, s.failed, s.crashes, s.restarts, s.checkpts, s.applied, s.rejected, s.conflicts, strings.Join(fs, " "))
}

// ---------------------------------------------------------------------------
// The server, behind a front that survives restarts.

// modelServer is kembang-server on loopback. A restart closes the server
// and opens a new one on the same database, while the address stays.
type modelServer struct {
	cfg   server.Config
	mu    gosync.RWMutex // held for reading by every request, for writing by a restart
	srv   *server.Server
	h     http.Handler
	front *httptest.Server
	// onPush, when set, runs after the server answered a push and before
	// the answer is sent; true hangs up instead of answering.
	onPush atomic.Pointer[func(credential string) bool]
}

func openModelServer(rt fataler, cfg server.Config) *modelServer {
	cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	s, err := server.Open(bg(), cfg)
	if err != nil {
		rt.Fatalf("open server: %v", err)
	}
	m := &modelServer{cfg: cfg, srv: s, h: s.Handler()}
	m.front = httptest.NewServer(m)
	return m
}

func (m *modelServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	hook := m.onPush.Load()
	if hook == nil || r.URL.Path != syncproto.PathPush {
		m.h.ServeHTTP(w, r)
		return
	}
	rec := httptest.NewRecorder()
	m.h.ServeHTTP(rec, r)
	if (*hook)(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")) {
		hangUp(w)
		return
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	_, _ = w.Write(rec.Body.Bytes())
}

func (m *modelServer) restart(rt *rapid.T) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.srv.Close(); err != nil {
		rt.Fatalf("close server: %v", err)
	}
	m.front.CloseClientConnections()
	s, err := server.Open(bg(), m.cfg)
	if err != nil {
		rt.Fatalf("reopen server: %v", err)
	}
	m.srv, m.h = s, s.Handler()
}

func (m *modelServer) db() *server.Server {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.srv
}

func (m *modelServer) close() {
	m.front.Close()
	_ = m.srv.Close()
}

// ---------------------------------------------------------------------------
// Laptops.

// mutation is what the model knows of one local mutation.
type mutation struct {
	n       int // creation order on its laptop
	entity  string
	id      string
	payload map[string]json.RawMessage
	// touched are the fields the write changed, compared with the row as
	// the laptop had it just before (all fields for a new row).
	touched map[string]bool
	old     map[string]json.RawMessage
}

type mLaptop struct {
	name        string
	storeDevice string // the installation's id, stamped on local writes
	office      int
	officeID    string
	device      string
	dir         string
	core        *core.Core
	client      *sync.Client
	skew        atomic.Int64 // nanoseconds added to the laptop's clock
	pages       []page
	resets      int
	made        []string // mutation ids in creation order
	muts        map[string]*mutation
	synced      bool        // a round ran since the last step check
	crashAt     func() bool // armed crash in the page transaction
	snapshot    string      // where the last crash left the disk
}

func (l *mLaptop) now() time.Time { return time.Now().Add(time.Duration(l.skew.Load())) }

// open opens the laptop's database from l.dir with a fresh client: what a
// restarted app does.
func (l *mLaptop) open(rt fataler) {
	c, err := core.Open(bg(), store.Config{Dir: l.dir, Actor: l.name, Now: l.now, Device: l.storeDevice})
	if err != nil {
		rt.Fatalf("%s: open: %v", l.name, err)
	}
	cl, err := sync.New(bg(), c.Store)
	if err != nil {
		rt.Fatalf("%s: sync client: %v", l.name, err)
	}
	cl.Now = l.now
	cl.Jitter = func() float64 { return 0.5 }
	cl.HTTP = &http.Client{Timeout: 20 * time.Second}
	cl.Hooks.AfterPage = func(prev, next string, ch []syncproto.Change) {
		l.pages = append(l.pages, page{prev, next, ch})
	}
	cl.Hooks.BeforePageCommit = func(prev, next string, ch []syncproto.Change) error {
		if l.crashAt != nil && l.crashAt() {
			l.crashAt = nil
			// Power is cut now: what is on disk (the page's transaction
			// not committed) is all the laptop will have.
			l.snapshot = l.copyDisk(rt)
			return errors.New("simulated crash while applying a page")
		}
		return nil
	}
	l.core, l.client = c, cl
}

// copyDisk copies the database file and its write-ahead log as they are on
// disk at this instant, into a new folder.
func (l *mLaptop) copyDisk(rt fataler) string {
	dst, err := os.MkdirTemp(filepath.Dir(l.dir), l.name+"-")
	if err == nil {
		err = copyFiles(l.dir, dst, "kembang.db", "kembang.db-wal")
	}
	if err != nil {
		rt.Fatalf("%s: crash copy: %v", l.name, err)
	}
	return dst
}

// reboot drops the running app and starts it again from the crash copy.
func (l *mLaptop) reboot(rt *rapid.T) {
	_ = l.core.Close()
	l.dir, l.snapshot = l.snapshot, ""
	l.open(rt)
	if ms := l.capture(rt, nil); len(ms) != 0 {
		rt.Fatalf("%s: starting again made %d mutations", l.name, len(ms))
	}
}

// capture records the outbox entries made since the last capture. before
// is the row as it was before the write (nil: a new row or not known).
func (l *mLaptop) capture(rt fataler, before map[string]json.RawMessage) []*mutation {
	es, err := l.core.Store.PendingOutbox(bg(), 100000)
	if err != nil {
		rt.Fatalf("%s: outbox: %v", l.name, err)
	}
	var out []*mutation
	for _, e := range es {
		if l.muts[e.MutationID] != nil {
			continue
		}
		p, err := fieldsOf([]byte(e.Payload))
		if err != nil {
			rt.Fatalf("%s: outbox payload: %v", l.name, err)
		}
		m := &mutation{n: len(l.made), entity: e.Entity, id: e.EntityID, payload: p, touched: map[string]bool{}, old: before}
		for k, v := range p {
			if !modelMeta[k] && (before == nil || !bytes.Equal(v, orNull(before[k]))) {
				m.touched[k] = true
			}
		}
		// Birth date and gender follow from the NIP: the three change as one.
		if e.Entity == "employee" && (m.touched["nip"] || m.touched["birthDate"] || m.touched["gender"]) {
			m.touched["nip"], m.touched["birthDate"], m.touched["gender"] = true, true, true
		}
		l.muts[e.MutationID] = m
		l.made = append(l.made, e.MutationID)
		out = append(out, m)
	}
	return out
}

var modelMeta = map[string]bool{"id": true, "version": true, "updatedAt": true, "updatedByDevice": true}

func orNull(b json.RawMessage) json.RawMessage {
	if b == nil {
		return json.RawMessage("null")
	}
	return b
}

// fieldsOf splits a JSON object into compacted fields.
func fieldsOf(b []byte) (map[string]json.RawMessage, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	for k, v := range m {
		var c bytes.Buffer
		if err := json.Compact(&c, v); err != nil {
			return nil, err
		}
		m[k] = c.Bytes()
	}
	return m, nil
}

func rowFields(rt fataler, v any) map[string]json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		rt.Fatalf("marshal: %v", err)
	}
	m, err := fieldsOf(b)
	if err != nil {
		rt.Fatalf("fields: %v", err)
	}
	return m
}

func (l *mLaptop) outbox(rt fataler) map[string]bool {
	es, err := l.core.Store.PendingOutbox(bg(), 100000)
	if err != nil {
		rt.Fatalf("%s: outbox: %v", l.name, err)
	}
	out := map[string]bool{}
	for _, e := range es {
		out[e.MutationID] = true
	}
	return out
}

// ---------------------------------------------------------------------------
// The model.

type model struct {
	srv     *modelServer
	px      *proxy
	offices []*domain.Office
	laptops []*mLaptop
	secret  []byte
	counter int
	stats   modelStats
}

func newModel(rt *rapid.T, env *modelEnv) *model {
	cfg := env.cfg(env.t)
	if cfg.Dir != "" {
		rt.Cleanup(func() { _ = os.RemoveAll(cfg.Dir) })
	}
	if env.world == nil {
		return buildWorld(rt, env, cfg)
	}
	// A copy of the SQLite world: the server's files, each laptop's files
	// and what the model knew of it; only the proxy's address is new.
	w := env.world
	if err := copyFiles(env.server, cfg.Dir, "kembang.db"); err != nil {
		rt.Fatalf("server copy: %v", err)
	}
	m := &model{stats: modelStats{faults: map[fault]int{}}, counter: w.counter}
	m.srv = openModelServer(rt, cfg)
	m.px = newScriptedProxy(m.srv.front.URL)
	m.readServer(rt)
	root, err := os.MkdirTemp(env.t.TempDir(), "laptops")
	if err != nil {
		rt.Fatalf("temp dir: %v", err)
	}
	rt.Cleanup(func() { _ = os.RemoveAll(root) })
	for _, wl := range w.laptops {
		l := &mLaptop{name: wl.name, storeDevice: wl.storeDevice, office: wl.office, officeID: wl.officeID, device: wl.device,
			dir: filepath.Join(root, wl.name), pages: slices.Clone(wl.pages), made: slices.Clone(wl.made), muts: maps.Clone(wl.muts)}
		if err := copyFiles(wl.dir, l.dir, "kembang.db", "kembang.db-wal"); err != nil {
			rt.Fatalf("laptop copy: %v", err)
		}
		l.open(rt)
		if err := l.core.Store.SetSetting(bg(), sync.SettingServerURL, m.px.URL); err != nil {
			rt.Fatalf("%s: server address: %v", l.name, err)
		}
		m.laptops = append(m.laptops, l)
	}
	return m
}

func (m *model) close() {
	for _, l := range m.laptops {
		_ = l.core.Close()
	}
	m.px.hs.Close()
	m.srv.close()
}

func (m *model) next() int { m.counter++; return m.counter }

func (m *model) laptop(rt *rapid.T) *mLaptop {
	return m.laptops[rapid.IntRange(0, len(m.laptops)-1).Draw(rt, "laptop")]
}

// allowed fails the run unless err is nil or has one of codes: the local
// refusals a user can meet (they write nothing).
func allowed(rt fataler, what string, err error, codes ...string) bool {
	if err == nil {
		return true
	}
	for _, c := range codes {
		if domain.IsCode(err, c) {
			return false
		}
	}
	rt.Fatalf("%s: %v", what, err)
	return false
}

// expectOne checks that a successful local write made exactly one mutation
// and a refused one none.
func (l *mLaptop) expectOne(rt fataler, ok bool, what string, before map[string]json.RawMessage) {
	ms := l.capture(rt, before)
	switch {
	case ok && len(ms) != 1:
		rt.Fatalf("%s: %s made %d mutations, want 1", l.name, what, len(ms))
	case !ok && len(ms) != 0:
		rt.Fatalf("%s: refused %s made %d mutations", l.name, what, len(ms))
	}
}

var nipPool = func() []string {
	var out []string
	for k := 1; k <= 8; k++ {
		out = append(out, storetest.NIP(k, 1+k%2, k))
	}
	return out
}()

func letters(n int) string {
	s := ""
	for n >= 0 {
		s = string(rune('a'+n%26)) + s
		n = n/26 - 1
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func (l *mLaptop) liveIDs(rt *rapid.T, table, where string, args ...any) []string {
	var ids []string
	q := l.core.Store.DB.Table(table).Where("NOT deleted")
	if where != "" {
		q = q.Where(where, args...)
	}
	if err := q.Order("id").Pluck("id", &ids).Error; err != nil {
		rt.Fatalf("%s: %s: %v", l.name, table, err)
	}
	return ids
}

func maybe(rt *rapid.T, ids []string, label string) *string {
	if len(ids) == 0 || !rapid.Bool().Draw(rt, label+"?") {
		return nil
	}
	id := rapid.SampledFrom(ids).Draw(rt, label)
	return &id
}

// actions are the steps rapid draws from; a weight above 1 registers the
// action under several names, so rounds and faults come often enough.
func (m *model) actions() map[string]func(*rapid.T) {
	out := map[string]func(*rapid.T){"": m.checkStep}
	for _, a := range []struct {
		name   string
		weight int
		f      func(*rapid.T)
	}{
		{"createUnit", 1, m.createUnit},
		{"createPosition", 1, m.createPosition},
		{"createEmployee", 3, m.createEmployee},
		{"editEmployee", 3, func(rt *rapid.T) { l := m.laptop(rt); m.editEmployee(rt, l, l.pickEmployee(rt)) }},
		{"editOnTwo", 3, m.editOnTwo},
		{"deleteEmployee", 1, m.deleteEmployee},
		{"createAssessment", 2, m.createAssessment},
		{"editAssessment", 2, m.editAssessment},
		{"moveAssessment", 2, m.moveAssessment},
		{"supersedeAssessment", 1, m.supersedeAssessment},
		{"finalizeVsEdit", 2, m.finalizeVsEdit},
		{"sameNIPOnTwo", 2, m.sameNIPOnTwo},
		{"sync", 3, m.syncAction},
		{"syncFaulty", 5, m.syncFaulty},
		{"crashInPull", 1, m.crashInPull},
		{"crashInPush", 1, m.crashInPush},
		{"restartServer", 1, m.restartServer},
		{"skewClock", 1, m.skewClock},
		{"editAcrossClockChange", 1, m.editAcrossClockChange},
		{"checkpoint", 1, m.checkpoint},
	} {
		for i := range a.weight {
			name := a.name
			if i > 0 {
				name = fmt.Sprintf("%s%d", a.name, i+1)
			}
			out[name] = a.f
		}
	}
	return out
}

func (m *model) createUnit(rt *rapid.T) {
	l := m.laptop(rt)
	u := &domain.Unit{Name: "Bidang " + letters(m.next())}
	u.ParentID = maybe(rt, l.liveIDs(rt, "units", ""), "parent")
	err := l.core.Store.SaveUnit(bg(), u)
	l.expectOne(rt, allowed(rt, "save unit", err), "unit", nil)
}

func (m *model) createPosition(rt *rapid.T) {
	l := m.laptop(rt)
	p := &domain.Position{Name: "Analis " + letters(m.next()), Type: domain.Pelaksana,
		Standards: domain.Standards{"M.1": 2, "M.2": 3}}
	p.UnitID = maybe(rt, l.liveIDs(rt, "units", ""), "unit")
	err := l.core.Store.SavePosition(bg(), p)
	l.expectOne(rt, allowed(rt, "save position", err), "position", nil)
}

func (m *model) createEmployee(rt *rapid.T) {
	l := m.laptop(rt)
	e := &domain.Employee{NIP: rapid.SampledFrom(nipPool).Draw(rt, "nip"), Name: "Pegawai " + letters(m.next())}
	e.UnitID = maybe(rt, l.liveIDs(rt, "units", ""), "unit")
	e.PositionID = maybe(rt, l.liveIDs(rt, "positions", ""), "position")
	err := l.core.Store.SaveEmployee(bg(), e)
	l.expectOne(rt, allowed(rt, "save employee", err, domain.CodeNIPTaken), "employee", nil)
}

func (l *mLaptop) pickEmployee(rt *rapid.T) string {
	ids := l.liveIDs(rt, "employees", "")
	if len(ids) == 0 {
		rt.Skip("no employee")
	}
	return rapid.SampledFrom(ids).Draw(rt, "employee")
}

// editEmployee changes one field of a live employee to a value never used before.
func (m *model) editEmployee(rt *rapid.T, l *mLaptop, id string) {
	m.editEmployeeField(rt, l, id, rapid.SampledFrom(employeeFields).Draw(rt, "field"))
}

var employeeFields = []string{"name", "phone", "email", "nip", "unit", "position"}

func (m *model) editEmployeeField(rt *rapid.T, l *mLaptop, id, field string) {
	row, err := l.core.Store.GetEmployee(bg(), id)
	if err != nil {
		rt.Fatalf("%s: get employee: %v", l.name, err)
	}
	e := row.Employee
	before := rowFields(rt, &e)
	n := m.next()
	switch field {
	case "name":
		e.Name = "Pegawai " + letters(n)
	case "phone":
		e.Phone = fmt.Sprintf("0812%08d", n)
	case "email":
		e.Email = fmt.Sprintf("p%d@example.go.id", n)
	case "nip":
		// Birth date and gender follow from the NIP.
		e.NIP, e.BirthDate, e.Gender = rapid.SampledFrom(nipPool).Draw(rt, "nip"), "", ""
	case "unit":
		e.UnitID = maybe(rt, l.liveIDs(rt, "units", ""), "unit")
	case "position":
		e.PositionID = maybe(rt, l.liveIDs(rt, "positions", ""), "position")
	}
	err = l.core.Store.SaveEmployee(bg(), &e)
	ok := allowed(rt, "edit employee", err, domain.CodeNIPTaken)
	ms := l.capture(rt, before)
	if len(ms) > 1 || (!ok && len(ms) != 0) {
		rt.Fatalf("%s: an employee edit made %d mutations", l.name, len(ms))
	}
}

// editOnTwo edits one employee on both laptops of office A before either syncs.
func (m *model) editOnTwo(rt *rapid.T) {
	a1, a2 := m.laptops[0], m.laptops[1]
	both := map[string]bool{}
	for _, id := range a1.liveIDs(rt, "employees", "") {
		both[id] = true
	}
	var ids []string
	for _, id := range a2.liveIDs(rt, "employees", "") {
		if both[id] {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		rt.Skip("no employee on both laptops")
	}
	id := rapid.SampledFrom(ids).Draw(rt, "employee")
	if rapid.Bool().Draw(rt, "same field") {
		// The NIP most often: birth date and gender follow it.
		field := rapid.SampledFrom(append([]string{"nip", "nip", "nip"}, employeeFields...)).Draw(rt, "field")
		m.editEmployeeField(rt, a1, id, field)
		m.editEmployeeField(rt, a2, id, field)
		return
	}
	m.editEmployee(rt, a1, id)
	m.editEmployee(rt, a2, id)
}

func (m *model) deleteEmployee(rt *rapid.T) {
	l := m.laptop(rt)
	id := l.pickEmployee(rt)
	row, err := l.core.Store.GetEmployee(bg(), id)
	if err != nil {
		rt.Fatalf("%s: get employee: %v", l.name, err)
	}
	before := rowFields(rt, &row.Employee)
	err = l.core.Store.DeleteEmployee(bg(), id)
	l.expectOne(rt, allowed(rt, "delete employee", err), "delete", before)
}

func (m *model) createAssessment(rt *rapid.T) {
	l := m.laptop(rt)
	a := &domain.Assessment{EmployeeID: l.pickEmployee(rt), Period: "2026",
		Method: rapid.SampledFrom(domain.AssessmentMethods).Draw(rt, "method")}
	a.Items = domain.AssessmentItems{{CompetencyCode: "M.1", Level: rapid.IntRange(1, 4).Draw(rt, "level")}}
	err := l.core.Store.SaveAssessment(bg(), a)
	l.expectOne(rt, allowed(rt, "save assessment", err), "assessment", nil)
}

func (l *mLaptop) pickAssessment(rt *rapid.T) *domain.Assessment {
	ids := l.liveIDs(rt, "assessments", "state <> ?", string(domain.AssessmentFinalized))
	if len(ids) == 0 {
		rt.Skip("no open assessment")
	}
	a, err := l.core.Store.GetAssessment(bg(), rapid.SampledFrom(ids).Draw(rt, "assessment"))
	if err != nil {
		rt.Fatalf("%s: get assessment: %v", l.name, err)
	}
	return a
}

func (m *model) editAssessment(rt *rapid.T) {
	l := m.laptop(rt)
	a := l.pickAssessment(rt)
	before := rowFields(rt, a)
	_, err := l.core.Store.SetAssessmentLevel(bg(), a.ID, rapid.SampledFrom([]string{"M.1", "M.2"}).Draw(rt, "code"),
		rapid.IntRange(1, 4).Draw(rt, "level"), fmt.Sprintf("bukti %d", m.next()))
	// The employee may have been deleted meanwhile (not_found).
	l.expectOne(rt, allowed(rt, "set level", err, domain.CodeNotFound), "set level", before)
}

func (m *model) moveAssessment(rt *rapid.T) {
	l := m.laptop(rt)
	a := l.pickAssessment(rt)
	next := a.NextStates()
	if len(next) == 0 {
		rt.Skip("no next state")
	}
	before := rowFields(rt, a)
	_, err := l.core.Store.TransitionAssessment(bg(), a.ID, rapid.SampledFrom(next).Draw(rt, "to"))
	l.expectOne(rt, allowed(rt, "transition", err, domain.CodeNotFound), "transition", before)
}

// common returns the ids of live rows of table on both laptops of office A.
func (m *model) common(rt *rapid.T, table, where string, args ...any) []string {
	on1 := map[string]bool{}
	for _, id := range m.laptops[0].liveIDs(rt, table, where, args...) {
		on1[id] = true
	}
	var ids []string
	for _, id := range m.laptops[1].liveIDs(rt, table, where, args...) {
		if on1[id] {
			ids = append(ids, id)
		}
	}
	return ids
}

// finalizeVsEdit: one laptop of office A finalizes an assessment while the
// other still edits it; the edit that reaches the server second is refused
// or the finalization carries it, never both applied after finalizing.
func (m *model) finalizeVsEdit(rt *rapid.T) {
	ids := m.common(rt, "assessments", "state <> ?", string(domain.AssessmentFinalized))
	if len(ids) == 0 {
		rt.Skip("no open assessment on both laptops")
	}
	id := rapid.SampledFrom(ids).Draw(rt, "assessment")
	a1, a2 := m.laptops[0], m.laptops[1]
	a, err := a1.core.Store.GetAssessment(bg(), id)
	if err != nil {
		rt.Fatalf("get assessment: %v", err)
	}
	if !slices.Contains(a.NextStates(), domain.AssessmentFinalized) {
		rt.Skip("cannot be finalized yet")
	}
	before := rowFields(rt, a)
	_, err = a1.core.Store.TransitionAssessment(bg(), id, domain.AssessmentFinalized)
	a1.expectOne(rt, allowed(rt, "finalize", err, domain.CodeNotFound), "finalize", before)
	b, err := a2.core.Store.GetAssessment(bg(), id)
	if err != nil {
		rt.Fatalf("get assessment: %v", err)
	}
	before = rowFields(rt, b)
	_, err = a2.core.Store.SetAssessmentLevel(bg(), id, "M.1", rapid.IntRange(1, 4).Draw(rt, "level"), fmt.Sprintf("bukti %d", m.next()))
	a2.expectOne(rt, allowed(rt, "set level", err, domain.CodeNotFound), "set level", before)
}

// sameNIPOnTwo: both laptops of office A add an employee with one NIP
// neither of them has; the server keeps the first and refuses the second.
func (m *model) sameNIPOnTwo(rt *rapid.T) {
	taken := map[string]bool{}
	for _, l := range m.laptops[:2] {
		var nips []string
		if err := l.core.Store.DB.Table("employees").Where("NOT deleted").Pluck("nip", &nips).Error; err != nil {
			rt.Fatalf("%s: %v", l.name, err)
		}
		for _, n := range nips {
			taken[n] = true
		}
	}
	var free []string
	for _, n := range nipPool {
		if !taken[n] {
			free = append(free, n)
		}
	}
	if len(free) == 0 {
		rt.Skip("no free NIP")
	}
	nip := rapid.SampledFrom(free).Draw(rt, "nip")
	for _, l := range m.laptops[:2] {
		e := &domain.Employee{NIP: nip, Name: "Pegawai " + letters(m.next())}
		err := l.core.Store.SaveEmployee(bg(), e)
		l.expectOne(rt, allowed(rt, "save employee", err), "employee", nil)
	}
}

// supersedeAssessment starts the correction of a finalized assessment.
func (m *model) supersedeAssessment(rt *rapid.T) {
	l := m.laptop(rt)
	ids := l.liveIDs(rt, "assessments", "state = ?", string(domain.AssessmentFinalized))
	if len(ids) == 0 {
		rt.Skip("no finalized assessment")
	}
	_, err := l.core.Store.SupersedeAssessment(bg(), rapid.SampledFrom(ids).Draw(rt, "assessment"))
	l.expectOne(rt, allowed(rt, "supersede", err, domain.CodeNotFound), "supersede", nil)
}

// round runs one sync round of l through the proxy with the given faults.
func (m *model) round(rt fataler, l *mLaptop, script []fault) error {
	m.px.setScript(script)
	defer m.px.setScript(nil)
	timeout := false
	for _, f := range script {
		m.stats.faults[f]++
		timeout = timeout || f == timedOut
	}
	if timeout {
		l.client.HTTP.Timeout = clientTimeout
		defer func() { l.client.HTTP.Timeout = 20 * time.Second }()
	}
	rep, err := l.client.SyncOnce(bg())
	l.synced = true
	m.stats.rounds++
	if err != nil {
		m.stats.failed++
	}
	l.resets += rep.Resets
	return err
}

// syncAction is a round without faults: it must succeed and leave the
// outbox empty.
func (m *model) syncAction(rt *rapid.T) {
	l := m.laptop(rt)
	if err := m.round(rt, l, nil); err != nil {
		rt.Fatalf("%s: a round without faults failed: %v", l.name, err)
	}
	if n := len(l.outbox(rt)); n != 0 {
		rt.Fatalf("%s: drain: %d mutations still pending after a successful round", l.name, n)
	}
}

func (m *model) syncFaulty(rt *rapid.T) {
	l := m.laptop(rt)
	script := rapid.SliceOfN(rapid.SampledFrom([]fault{pass, cutRequest, cutResponse, fail503, fail502After,
		duplicate, replayOld, slowLink, timedOut}), 1, 4).Draw(rt, "faults")
	err := m.round(rt, l, script)
	benign := true
	for _, f := range script {
		benign = benign && (f == pass || f == slowLink || f == duplicate || f == replayOld)
	}
	if benign && err != nil {
		rt.Fatalf("%s: a round with only %v failed: %v", l.name, script, err)
	}
}

// crashInPull cuts the laptop's power while it applies the n-th pulled
// page, then starts it again from its disk.
func (m *model) crashInPull(rt *rapid.T) {
	l := m.laptop(rt)
	n := rapid.IntRange(1, 2).Draw(rt, "page")
	l.crashAt = func() bool { n--; return n == 0 }
	err := m.round(rt, l, nil)
	l.crashAt = nil
	if l.snapshot == "" {
		if err != nil {
			rt.Fatalf("%s: round failed without a crash: %v", l.name, err)
		}
		return
	}
	if err == nil {
		rt.Fatalf("%s: the round went on after the crash", l.name)
	}
	m.stats.crashes++
	l.reboot(rt)
}

// crashInPush cuts the laptop's power while it waits for the answer to a
// push the server has applied.
func (m *model) crashInPush(rt *rapid.T) {
	l := m.laptop(rt)
	if len(l.outbox(rt)) == 0 {
		rt.Skip("nothing to push")
	}
	cred := l.credential(rt)
	hook := func(c string) bool {
		if c != cred || l.snapshot != "" {
			return false
		}
		l.snapshot = l.copyDisk(rt)
		return true
	}
	m.srv.onPush.Store(&hook)
	err := m.round(rt, l, nil)
	m.srv.onPush.Store(nil)
	if l.snapshot == "" || err == nil {
		rt.Fatalf("%s: no crash during the push (err %v)", l.name, err)
	}
	m.stats.crashes++
	l.reboot(rt)
}

func (l *mLaptop) credential(rt *rapid.T) string {
	v, _, err := l.core.Store.GetSecret(bg(), sync.SettingCredential)
	if err != nil {
		rt.Fatalf("%s: credential: %v", l.name, err)
	}
	return v
}

func (m *model) restartServer(rt *rapid.T) {
	m.srv.restart(rt)
	// The proxy stands for the network, which keeps no connections: its
	// pooled ones to the old server are gone (a POST on one would fail).
	m.px.client.CloseIdleConnections()
	m.stats.restarts++
}

func (m *model) skewClock(rt *rapid.T) {
	l := m.laptop(rt)
	minutes := rapid.IntRange(-3*24*60, 3*24*60).Draw(rt, "skew minutes")
	l.skew.Store(int64(time.Duration(minutes) * time.Minute))
}

// editAcrossClockChange edits an employee twice on one laptop, its clock
// set back (or forward) between the two edits.
func (m *model) editAcrossClockChange(rt *rapid.T) {
	l := m.laptop(rt)
	id := l.pickEmployee(rt)
	m.editEmployee(rt, l, id)
	minutes := rapid.IntRange(-3*24*60, 3*24*60).Draw(rt, "clock change minutes")
	l.skew.Add(int64(time.Duration(minutes) * time.Minute))
	var live int64
	if err := l.core.Store.DB.Table("employees").Where("id = ? AND NOT deleted", id).Count(&live).Error; err != nil {
		rt.Fatalf("%s: %v", l.name, err)
	}
	if live == 1 {
		m.editEmployee(rt, l, id)
	}
}

// quiesce: every laptop syncs twice, in turn, with no faults.
func (m *model) quiesce(rt fataler) {
	for range 2 {
		for _, l := range m.laptops {
			if err := m.round(rt, l, nil); err != nil {
				rt.Fatalf("%s: quiet round failed: %v", l.name, err)
			}
		}
	}
}

func (m *model) checkpoint(rt *rapid.T) {
	m.quiesce(rt)
	m.checkAll(rt)
	m.stats.checkpts++
}

// ---------------------------------------------------------------------------
// Checks.

type appliedMut struct {
	DeviceID, MutationID, Entity, EntityID, Status, Code, Conflicts string
	ChangeSeq                                                       int64
}

func (m *model) applied(rt *rapid.T) map[string]map[string]appliedMut {
	var rows []appliedMut
	if err := m.srv.db().DB.Table("applied_mutations").Find(&rows).Error; err != nil {
		rt.Fatalf("applied_mutations: %v", err)
	}
	out := map[string]map[string]appliedMut{}
	for _, r := range rows {
		if out[r.DeviceID] == nil {
			out[r.DeviceID] = map[string]appliedMut{}
		}
		if _, dup := out[r.DeviceID][r.MutationID]; dup {
			rt.Fatalf("exactly once: mutation %s of device %s recorded twice", r.MutationID, r.DeviceID)
		}
		out[r.DeviceID][r.MutationID] = r
	}
	return out
}

func (l *mLaptop) issues(rt *rapid.T) map[string]sync.Issue {
	is, err := l.client.Issues(bg(), true)
	if err != nil {
		rt.Fatalf("%s: issues: %v", l.name, err)
	}
	out := map[string]sync.Issue{}
	for _, i := range is {
		out[i.ID] = i
	}
	return out
}

// checkStep runs after every step: what must hold at any time.
func (m *model) checkStep(rt *rapid.T) {
	app := m.applied(rt)
	rows := m.serverRows(rt)
	byDevice := map[string]bool{}
	for _, l := range m.laptops {
		byDevice[l.device] = true
		rec := app[l.device]
		// Nothing recorded that the laptop did not make.
		for id := range rec {
			if l.muts[id] == nil {
				rt.Fatalf("%s: the server recorded mutation %s the laptop never made", l.name, id)
			}
		}
		// A mutation that left the outbox is on the server, and a refusal
		// or conflict is in the laptop's sync issues.
		pending := l.outbox(rt)
		issues := l.issues(rt)
		for id := range pending {
			if l.muts[id] == nil {
				rt.Fatalf("%s: outbox holds mutation %s nobody made", l.name, id)
			}
		}
		for _, id := range l.made {
			if pending[id] {
				continue
			}
			r, ok := rec[id]
			if !ok {
				rt.Fatalf("%s: mutation %s (%s) left the outbox but the server never recorded it", l.name, id, l.muts[id].entity)
			}
			if r.Status == syncproto.StatusRejected {
				if is, ok := issues[id]; !ok || is.Code != r.Code || is.Kind != sync.IssueRejected {
					rt.Fatalf("%s: mutation %s was rejected (%s) but the sync issues show %+v", l.name, id, r.Code, is)
				}
			}
			if r.Conflicts != "" {
				var cs []syncproto.Conflict
				if err := json.Unmarshal([]byte(r.Conflicts), &cs); err != nil {
					rt.Fatalf("conflicts of %s: %v", id, err)
				}
				for _, c := range cs {
					is, ok := issues[id+":"+c.Field]
					if !ok || is.Kind != sync.IssueConflict || is.Yours != string(c.Yours) || is.Theirs != string(c.Theirs) {
						rt.Fatalf("%s: conflict on %s.%s of mutation %s not in the sync issues (%+v)", l.name, r.Entity, c.Field, id, is)
					}
				}
			}
		}
		m.checkOrder(rt, l, rec)
		if l.synced {
			// Only a round brings rows and pages.
			l.synced = false
			m.checkIsolation(rt, l, rows)
			m.checkPages(rt, l)
		}
	}
	for dev := range app {
		if !byDevice[dev] {
			rt.Fatalf("the server recorded mutations of an unknown device %s", dev)
		}
	}
}

// checkOrder: a laptop's mutations of one row are applied in the order the
// laptop made them (a later one never gets an earlier change_seq).
func (m *model) checkOrder(rt *rapid.T, l *mLaptop, rec map[string]appliedMut) {
	last := map[string]int64{}
	lastID := map[string]string{}
	for _, id := range l.made {
		r, ok := rec[id]
		if !ok || r.Status != syncproto.StatusApplied || r.ChangeSeq == 0 {
			continue
		}
		k := r.Entity + "/" + r.EntityID
		if r.ChangeSeq < last[k] {
			rt.Fatalf("%s: mutation %s of %s made after %s was applied before it (seq %d < %d)",
				l.name, id, k, lastID[k], r.ChangeSeq, last[k])
		}
		last[k], lastID[k] = r.ChangeSeq, id
	}
}

type serverRow struct {
	Entity, EntityID, OfficeID, Payload string
	Seq, Version                        int64
	Deleted                             bool
}

func (m *model) serverRows(rt *rapid.T) []serverRow {
	var rows []serverRow
	if err := m.srv.db().DB.Table("changes").Find(&rows).Error; err != nil {
		rt.Fatalf("changes: %v", err)
	}
	return rows
}

var modelTables = map[string]string{"unit": "units", "position": "positions", "employee": "employees", "assessment": "assessments"}

// checkIsolation: no row of the other office is on the laptop.
func (m *model) checkIsolation(rt *rapid.T, l *mLaptop, rows []serverRow) {
	foreign := map[string][]string{}
	for _, r := range rows {
		if r.OfficeID != "" && r.OfficeID != l.officeID {
			foreign[r.Entity] = append(foreign[r.Entity], r.EntityID)
		}
	}
	for entity, table := range modelTables {
		var n int64
		if err := l.core.Store.DB.Table(table).Where("id IN ?", append(foreign[entity], "-")).Count(&n).Error; err != nil {
			rt.Fatalf("%s: %v", l.name, err)
		}
		if n != 0 {
			rt.Fatalf("%s: isolation: %d %s rows of another office", l.name, n, entity)
		}
	}
	var offices []string
	if err := l.core.Store.DB.Table("units").Distinct("office_id").Pluck("office_id", &offices).Error; err != nil {
		rt.Fatalf("%s: %v", l.name, err)
	}
	for _, o := range offices {
		if o != l.officeID {
			rt.Fatalf("%s: isolation: a unit of office %s", l.name, o)
		}
	}
	if o, err := l.core.Store.LocalOffice(bg()); err != nil || o.ID != l.officeID {
		rt.Fatalf("%s: local office %v, %v", l.name, o, err)
	}
}

// checkPages: committed pages chain, move forward, hold only changes inside
// their range, and no change seq is applied twice. No round needed a reset.
func (m *model) checkPages(rt *rapid.T, l *mLaptop) {
	if l.resets != 0 {
		rt.Fatalf("%s: %d cursor resets without a new epoch", l.name, l.resets)
	}
	prevNext := ""
	var lastSeq int64
	for i, p := range l.pages {
		if p.prev != prevNext {
			rt.Fatalf("%s: page %d starts at %q, the previous committed page ended at %q", l.name, i, p.prev, prevNext)
		}
		from, err := syncproto.DecodeCursor(p.prev, m.secret)
		if err != nil {
			rt.Fatalf("%s: cursor: %v", l.name, err)
		}
		to, err := syncproto.DecodeCursor(p.next, m.secret)
		if err != nil {
			rt.Fatalf("%s: cursor: %v", l.name, err)
		}
		if to.ChangeSeq < from.ChangeSeq {
			rt.Fatalf("%s: page %d moves the cursor back from %d to %d", l.name, i, from.ChangeSeq, to.ChangeSeq)
		}
		for _, c := range p.changes {
			if c.Seq <= from.ChangeSeq || c.Seq > to.ChangeSeq || c.Seq <= lastSeq {
				rt.Fatalf("%s: page %d (%d, %d] holds seq %d after %d", l.name, i, from.ChangeSeq, to.ChangeSeq, c.Seq, lastSeq)
			}
			lastSeq = c.Seq
		}
		prevNext = p.next
	}
	stored, _, err := l.core.Store.GetSetting(bg(), sync.SettingCursor)
	if err != nil {
		rt.Fatalf("%s: cursor: %v", l.name, err)
	}
	if stored != prevNext {
		rt.Fatalf("%s: stored cursor %q is not the last committed page's %q", l.name, stored, prevNext)
	}
}

// checkAll runs after every laptop synced twice without faults.
func (m *model) checkAll(rt *rapid.T) {
	for _, l := range m.laptops {
		l.synced = true
	}
	m.checkStep(rt)
	app := m.applied(rt)
	rows := m.serverRows(rt)
	for _, l := range m.laptops {
		// Drain and exactly once: the outbox is empty and every mutation
		// is recorded (once: applied_mutations' key) on the server.
		if n := len(l.outbox(rt)); n != 0 {
			rt.Fatalf("%s: drain: %d mutations left after two quiet rounds", l.name, n)
		}
		for _, id := range l.made {
			if _, ok := app[l.device][id]; !ok {
				rt.Fatalf("%s: mutation %s never reached the server", l.name, id)
			}
		}
		m.checkConverged(rt, l, rows)
	}
	var applied, rejected, conflicts int
	for _, recs := range app {
		for _, r := range recs {
			if r.Status == syncproto.StatusApplied {
				applied++
			} else {
				rejected++
			}
			if r.Conflicts != "" {
				conflicts++
			}
		}
	}
	m.stats.applied, m.stats.rejected, m.stats.conflicts = applied, rejected, conflicts
	m.checkVersions(rt, app, rows)
	m.checkEmployees(rt, app, rows)
	m.checkFinalized(rt, app, rows)
	m.checkRejections(rt, app, rows)
}

// checkConverged: the laptop's rows of each office entity equal the server's.
func (m *model) checkConverged(rt *rapid.T, l *mLaptop, rows []serverRow) {
	want := map[string]map[string]map[string]any{}
	for _, r := range rows {
		if r.OfficeID != l.officeID || modelTables[r.Entity] == "" {
			continue
		}
		if want[r.Entity] == nil {
			want[r.Entity] = map[string]map[string]any{}
		}
		want[r.Entity][r.EntityID] = normRow(rt, []byte(r.Payload))
	}
	local := map[string]map[string]map[string]any{
		"unit":       localModelRows[domain.Unit](rt, l, "units"),
		"position":   localModelRows[domain.Position](rt, l, "positions"),
		"employee":   localModelRows[domain.Employee](rt, l, "employees"),
		"assessment": localModelRows[domain.Assessment](rt, l, "assessments"),
	}
	for entity := range modelTables {
		w, got := want[entity], local[entity]
		if len(w) == 0 && len(got) == 0 {
			continue
		}
		if !reflect.DeepEqual(w, got) {
			var diff []string
			for id, r := range got {
				if !reflect.DeepEqual(r, w[id]) {
					diff = append(diff, fmt.Sprintf("%s\n  laptop %v\n  server %v", id, r, w[id]))
				}
			}
			for id, r := range w {
				if got[id] == nil {
					diff = append(diff, fmt.Sprintf("%s\n  laptop <none>\n  server %v", id, r))
				}
			}
			sort.Strings(diff)
			rt.Fatalf("%s: convergence: %s rows differ from the server's:\n%s", l.name, entity, strings.Join(diff, "\n"))
		}
	}
}

func normRow(rt *rapid.T, b []byte) map[string]any {
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		rt.Fatalf("row: %v", err)
	}
	if s, ok := m["updatedAt"].(string); ok {
		ts, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			rt.Fatalf("updatedAt: %v", err)
		}
		m["updatedAt"] = ts.UTC().Format(time.RFC3339Nano)
	}
	return m
}

func localModelRows[T any](rt *rapid.T, l *mLaptop, table string) map[string]map[string]any {
	var rows []T
	if err := l.core.Store.DB.Table(table).Find(&rows).Error; err != nil {
		rt.Fatalf("%s: %s: %v", l.name, table, err)
	}
	out := map[string]map[string]any{}
	for i := range rows {
		b, err := json.Marshal(&rows[i])
		if err != nil {
			rt.Fatalf("marshal: %v", err)
		}
		r := normRow(rt, b)
		out[r["id"].(string)] = r
	}
	return out
}

// owned is one applied mutation with what the model knows of it.
type owned struct {
	device string
	id     string
	seq    int64
	mut    *mutation
	rec    appliedMut
}

func (m *model) appliedByRow(app map[string]map[string]appliedMut) map[string][]owned {
	byRow := map[string][]owned{}
	for _, l := range m.laptops {
		for id, r := range app[l.device] {
			byRow[r.Entity+"/"+r.EntityID] = append(byRow[r.Entity+"/"+r.EntityID], owned{l.device, id, r.ChangeSeq, l.muts[id], r})
		}
	}
	for _, os := range byRow {
		sort.SliceStable(os, func(i, j int) bool {
			if os[i].seq != os[j].seq {
				return os[i].seq < os[j].seq
			}
			return os[i].mut.n < os[j].mut.n
		})
	}
	return byRow
}

// checkVersions: exactly once, seen in the rows. Each applied mutation that
// changed a row gave it a new change_seq (one that changed nothing reports
// the row's current seq), so a row's version is the number of distinct
// change_seqs of the mutations applied to it: a mutation applied twice
// would bump it twice.
func (m *model) checkVersions(rt *rapid.T, app map[string]map[string]appliedMut, rows []serverRow) {
	seqs := map[string]map[int64]bool{}
	for _, recs := range app {
		for _, r := range recs {
			if r.Status != syncproto.StatusApplied {
				continue
			}
			k := r.Entity + "/" + r.EntityID
			if seqs[k] == nil {
				seqs[k] = map[int64]bool{}
			}
			seqs[k][r.ChangeSeq] = true
		}
	}
	for _, r := range rows {
		if modelTables[r.Entity] == "" {
			continue
		}
		k := r.Entity + "/" + r.EntityID
		if int64(len(seqs[k])) != r.Version || !seqs[k][r.Seq] {
			rt.Fatalf("%s: version %d at seq %d, but %d mutations changed it (seqs %v)", k, r.Version, r.Seq, len(seqs[k]), seqs[k])
		}
	}
}

// checkEmployees replays the field merge in server order. For every
// employee whose mutations were all applied, each field holds the value
// of the last mutation that changed it, and a mutation that overwrote a
// change its laptop had not seen is reported as a conflict. For the others
// each field holds a value some laptop wrote.
func (m *model) checkEmployees(rt *rapid.T, app map[string]map[string]appliedMut, rows []serverRow) {
	byRow := m.appliedByRow(app)
	for _, r := range rows {
		if r.Entity != "employee" {
			continue
		}
		final, err := fieldsOf([]byte(r.Payload))
		if err != nil {
			rt.Fatalf("employee %s: %v", r.EntityID, err)
		}
		muts := byRow["employee/"+r.EntityID]
		clean := true
		written := map[string]map[string]bool{}
		for _, o := range muts {
			if o.rec.Status != syncproto.StatusApplied {
				clean = false
			}
			for k, v := range o.mut.payload {
				if written[k] == nil {
					written[k] = map[string]bool{}
				}
				written[k][string(v)] = true
			}
		}
		for k, v := range final {
			if !modelMeta[k] && !written[k][string(v)] {
				rt.Fatalf("employee %s: field %s = %s, a value no laptop wrote", r.EntityID, k, v)
			}
		}
		if !clean {
			continue
		}
		sim := map[string]json.RawMessage{}
		for i, o := range muts {
			tied := (i > 0 && muts[i-1].seq == o.seq) || (i+1 < len(muts) && muts[i+1].seq == o.seq)
			var conflicts map[string]bool
			if o.rec.Conflicts != "" {
				var cs []syncproto.Conflict
				_ = json.Unmarshal([]byte(o.rec.Conflicts), &cs)
				conflicts = map[string]bool{}
				for _, c := range cs {
					conflicts[c.Field] = true
				}
			}
			for k := range o.mut.touched {
				v := o.mut.payload[k]
				if i > 0 && !tied && o.mut.old != nil && !bytes.Equal(orNull(sim[k]), orNull(o.mut.old[k])) &&
					!bytes.Equal(orNull(sim[k]), v) && !conflicts[k] {
					rt.Fatalf("employee %s: mutation %s overwrote %s = %s (its laptop had %s) with %s and no conflict was reported",
						r.EntityID, o.id, k, sim[k], o.mut.old[k], v)
				}
				sim[k] = v
			}
		}
		for k, v := range sim {
			if !bytes.Equal(orNull(final[k]), v) {
				rt.Fatalf("employee %s: field %s = %s on the server, the last write in server order was %s", r.EntityID, k, final[k], v)
			}
		}
	}
	// NIPs stay unique among each office's live employees.
	seen := map[string]string{}
	for _, r := range rows {
		if r.Entity == "employee" && !r.Deleted {
			f, _ := fieldsOf([]byte(r.Payload))
			k := r.OfficeID + "/" + string(f["nip"])
			if other, dup := seen[k]; dup {
				rt.Fatalf("employees %s and %s of one office share NIP %s", other, r.EntityID, f["nip"])
			}
			seen[k] = r.EntityID
		}
	}
}

// checkFinalized: nothing changes a finalized assessment after the mutation
// that finalized it.
func (m *model) checkFinalized(rt *rapid.T, app map[string]map[string]appliedMut, rows []serverRow) {
	byRow := m.appliedByRow(app)
	for _, r := range rows {
		if r.Entity != "assessment" {
			continue
		}
		var at int64
		for _, o := range byRow["assessment/"+r.EntityID] {
			if o.rec.Status != syncproto.StatusApplied {
				continue
			}
			if at != 0 && o.seq > at {
				rt.Fatalf("assessment %s: mutation %s applied (seq %d) after it was finalized at seq %d", r.EntityID, o.id, o.seq, at)
			}
			if at == 0 && string(o.mut.payload["state"]) == `"finalized"` {
				at = o.seq
			}
		}
	}
}

// checkRejections: every refusal has a reason the model can see.
func (m *model) checkRejections(rt *rapid.T, app map[string]map[string]appliedMut, rows []serverRow) {
	live := map[string]bool{}
	for _, r := range rows {
		live[r.Entity+"/"+r.EntityID] = true
	}
	refused := map[string]bool{} // rows with a refused mutation, at some time not on the server
	for _, recs := range app {
		for _, r := range recs {
			if r.Status == syncproto.StatusRejected {
				refused[r.Entity+"/"+r.EntityID] = true
			}
		}
	}
	for _, l := range m.laptops {
		for id, r := range app[l.device] {
			if r.Status != syncproto.StatusRejected {
				continue
			}
			mu := l.muts[id]
			switch r.Code {
			case syncproto.CodeNIPTaken:
				// The mutation set the NIP, or edits a row whose creation
				// was refused (the server checks the whole row then).
				if !mu.touched["nip"] && live[mu.entity+"/"+mu.id] {
					rt.Fatalf("%s: mutation %s rejected nip.taken without touching the NIP of a row the server has", l.name, id)
				}
			case syncproto.CodeFinalized:
			case syncproto.CodeOfficeScope:
				// Only a reference to a row the server did not have (its
				// creation was refused) explains it for an honest laptop.
				explained := false
				for field, entity := range map[string]string{"unitId": "unit", "positionId": "position", "employeeId": "employee", "parentId": "unit", "supersedesId": "assessment"} {
					var ref *string
					_ = json.Unmarshal(orNull(mu.payload[field]), &ref)
					if ref != nil && (!live[entity+"/"+*ref] || refused[entity+"/"+*ref]) {
						explained = true
					}
				}
				if !explained {
					rt.Fatalf("%s: mutation %s (%s) rejected office_scope though every row it names is on the server", l.name, id, mu.entity)
				}
			default:
				rt.Fatalf("%s: mutation %s (%s) rejected with %s", l.name, id, mu.entity, r.Code)
			}
		}
	}
}
