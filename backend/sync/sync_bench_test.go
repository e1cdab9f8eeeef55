package sync_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	gosync "sync"
	"sync/atomic"
	"testing"
	"time"

	"kembang/backend/core"
	"kembang/backend/demo"
	"kembang/backend/domain"
	"kembang/backend/framework"
	"kembang/backend/server"
	"kembang/backend/store"
	"kembang/backend/sync"
	"kembang/backend/syncproto"
)

// The sync figures of docs/BENCHMARKS.md ("## Sync"), all on loopback with
// the real server (SQLite in a temp dir) and real laptops (core + client on
// their own SQLite files):
//
//	BenchmarkFirstSync2000   a fresh enrolled laptop's first sync (snapshot
//	                         pull) of an office with 2,000 employees and
//	                         20,000 assessments; bytes on the wire against
//	                         gzip of the rows' JSON (target ≤ 1.1×)
//	BenchmarkBareInsert2000  the yardstick: the same JSON payloads inserted
//	                         into a fresh SQLite file with plain multi-row
//	                         INSERTs (target: first sync ≤ 3× this)
//	BenchmarkPush10000       steady-state push of 10,000 mutations (employee
//	                         edits) from one laptop, batches of 500
//	BenchmarkServer50Devices 50 concurrent enrolled devices pushing small
//	                         batches and pulling; server mutations/s
//
// Run: go test -run '^$' -bench 'FirstSync2000|BareInsert2000|Push10000|Server50Devices' -benchtime=1x ./backend/sync/

// benchDirs are the temp dirs of fixtures shared between benchmarks; they
// are removed after the run.
var (
	benchDirsMu gosync.Mutex
	benchDirs   []string
	benchClose  []func()
)

func TestMain(m *testing.M) {
	code := m.Run()
	benchDirsMu.Lock()
	for i := len(benchClose) - 1; i >= 0; i-- {
		benchClose[i]()
	}
	for _, d := range benchDirs {
		_ = os.RemoveAll(d)
	}
	benchDirsMu.Unlock()
	os.Exit(code)
}

func discardLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// benchServer is a real server on loopback.
type benchServer struct {
	srv *server.Server
	hs  *httptest.Server
}

func openBenchServer(dir string) (*benchServer, error) {
	// Only errors are logged: the per-request lines would cost time.
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	s, err := server.Open(bg(), server.Config{Driver: store.DriverSQLite, Dir: dir, Logger: log})
	if err != nil {
		return nil, err
	}
	return &benchServer{srv: s, hs: httptest.NewServer(s.Handler())}, nil
}

func (s *benchServer) close() {
	s.hs.Close()
	_ = s.srv.Close()
}

// benchLaptop opens a laptop (core + sync client) in dir, talking through
// rt (the default transport when nil), and enrols it into office.
func benchLaptop(s *benchServer, dir, name, officeID string, rt http.RoundTripper) (*core.Core, *sync.Client, error) {
	c, err := core.Open(bg(), store.Config{Dir: dir, Actor: name})
	if err != nil {
		return nil, nil, err
	}
	cl, err := sync.New(bg(), c.Store)
	if err != nil {
		_ = c.Close()
		return nil, nil, err
	}
	if rt != nil {
		cl.HTTP = &http.Client{Timeout: sync.RequestTimeout, Transport: rt}
	}
	code, _, err := s.srv.NewEnrolCode(bg(), officeID, 0)
	if err == nil {
		_, err = cl.Enrol(bg(), s.hs.URL, code, name, false)
	}
	if err != nil {
		_ = c.Close()
		return nil, nil, err
	}
	return c, cl, nil
}

// publishDemoFramework publishes the built-in dictionary and the demo
// office's technical competencies as the central framework, as a central
// admin would before laptops import positions that require them.
func publishDemoFramework(s *server.Server, data demo.Data) error {
	comps := framework.BuiltIn()
	for _, ic := range data.Competencies {
		c := ic.Competency
		c.ID = store.NewUUIDv7()
		comps = append(comps, c)
	}
	_, err := s.PublishFramework(bg(), comps, "pusat")
	return err
}

// loadOffice writes data's units, positions and employees on a laptop
// through the store's import paths (the competencies came from the
// server), and returns the employees' standards by NIP.
func loadOffice(c *core.Core, data demo.Data) (map[string]domain.Standards, error) {
	ids := map[string]string{}
	for _, name := range data.UnitNames {
		u := domain.Unit{Name: name}
		if p := data.UnitParents[name]; p != "" {
			pid, ok := ids[p]
			if !ok {
				return nil, fmt.Errorf("unit %q before its parent %q", name, p)
			}
			u.ParentID = &pid
		}
		if err := c.Store.SaveUnit(bg(), &u); err != nil {
			return nil, err
		}
		ids[name] = u.ID
	}
	if _, err := c.Store.ApplyPositionImport(bg(), data.Positions, nil); err != nil {
		return nil, err
	}
	if _, err := c.Store.ApplyEmployeeImport(bg(), data.Employees, nil); err != nil {
		return nil, err
	}
	std := map[string]domain.Standards{}
	for _, p := range data.Positions {
		std[p.Position.Name] = p.Position.Standards
	}
	out := map[string]domain.Standards{}
	for _, e := range data.Employees {
		out[e.Employee.NIP] = std[e.PositionName]
	}
	return out, nil
}

// firstSyncFixture is the office of BenchmarkFirstSync2000 on a server, and
// the rows a fresh laptop of the office receives.
type firstSyncFixture struct {
	srv         *benchServer
	office      *domain.Office
	rows        []benchChange // what the office's feed holds, in seq order
	employees   int
	assessments int
}

type benchChange struct {
	Seq      int64
	Entity   string
	EntityID string
	Version  int64
	Deleted  bool
	Payload  string
}

const (
	firstSyncEmployees = 2000
	firstSyncPeriods   = 10 // one finalized assessor assessment per employee and period: 20,000
)

var (
	firstOnce gosync.Once
	firstFix  *firstSyncFixture
	firstErr  error
)

// firstSync builds the fixture once per test binary: a source laptop
// imports the demo office (2,000 employees, their units and positions, and
// 10 periods of finalized assessor results = 20,000 assessments) and
// pushes it to the server.
func firstSync(b *testing.B) *firstSyncFixture {
	b.Helper()
	firstOnce.Do(func() { firstFix, firstErr = buildFirstSync(b) })
	if firstErr != nil {
		b.Fatal(firstErr)
	}
	return firstFix
}

func buildFirstSync(b *testing.B) (*firstSyncFixture, error) {
	start := time.Now()
	dir, err := os.MkdirTemp("", "kembang-syncbench-")
	if err != nil {
		return nil, err
	}
	benchDirsMu.Lock()
	benchDirs = append(benchDirs, dir)
	benchDirsMu.Unlock()
	s, err := openBenchServer(filepath.Join(dir, "server"))
	if err != nil {
		return nil, err
	}
	benchDirsMu.Lock()
	benchClose = append(benchClose, s.close)
	benchDirsMu.Unlock()
	office, err := s.srv.AddOffice(bg(), "BKPSDM Kabupaten Contoh", "")
	if err != nil {
		return nil, err
	}
	data := demo.Generate(firstSyncEmployees, 1)
	if err := publishDemoFramework(s.srv, data); err != nil {
		return nil, err
	}
	c, cl, err := benchLaptop(s, filepath.Join(dir, "source"), "source", office.ID, nil)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	if _, err := cl.SyncOnce(bg()); err != nil { // the framework
		return nil, err
	}
	stds, err := loadOffice(c, data)
	if err != nil {
		return nil, err
	}
	var rows []domain.ImportAssessment
	assessed := 0
	for _, e := range data.Employees {
		std := stds[e.Employee.NIP]
		codes := make([]string, 0, len(std))
		for code, lv := range std {
			if lv > 0 {
				codes = append(codes, code)
			}
		}
		if len(codes) == 0 {
			continue
		}
		sort.Strings(codes)
		assessed++
		for p := range firstSyncPeriods {
			for j, code := range codes {
				rows = append(rows, domain.ImportAssessment{Row: len(rows) + 2, NIP: e.Employee.NIP, Code: code,
					Period: fmt.Sprint(2017 + p), Method: domain.AssessmentByAssessor,
					Level: min(max(std[code]-2+(len(rows)+j)%4, domain.MinLevel), domain.MaxLevel)})
			}
		}
	}
	res, err := c.Store.ApplyAssessmentImport(bg(), rows, nil)
	if err != nil {
		return nil, err
	}
	loaded := time.Now()
	rep, err := cl.SyncOnce(bg())
	if err != nil {
		return nil, err
	}
	if rep.Rejected != 0 {
		return nil, fmt.Errorf("source push: %+v", rep)
	}
	pushed := time.Now()
	f := &firstSyncFixture{srv: s, office: office, employees: assessed, assessments: res.Created}
	if err := s.srv.DB.Table("changes").Where("office_id = ? OR office_id = ''", office.ID).Order("seq").Find(&f.rows).Error; err != nil {
		return nil, err
	}
	count := map[string]int{}
	for _, r := range f.rows {
		count[r.Entity]++
	}
	if count["employee"] != firstSyncEmployees || count["assessment"] != firstSyncEmployees*firstSyncPeriods {
		return nil, fmt.Errorf("the office feed holds %v, want %d employees and %d assessments", count, firstSyncEmployees, firstSyncEmployees*firstSyncPeriods)
	}
	b.Logf("fixture: %v rows (%d items in %d assessments); source laptop import %.1fs, push of %d mutations %.1fs (round %+v)",
		count, len(rows), res.Created, loaded.Sub(start).Seconds(), rep.Pushed, pushed.Sub(loaded).Seconds(), rep)
	return f, nil
}

// wireCounter is the client's transport with counters: the request and
// response bodies as they travel (gzip), and every byte read or written
// on the TCP connections (HTTP headers included). It asks for gzip and
// decompresses itself, as http.Transport does by default, so the counted
// response bytes are the compressed ones.
type wireCounter struct {
	base      *http.Transport
	reqBody   atomic.Int64
	respBody  atomic.Int64
	connBytes atomic.Int64
}

func newWireCounter() *wireCounter {
	w := &wireCounter{}
	d := &net.Dialer{Timeout: 10 * time.Second}
	w.base = &http.Transport{
		DisableCompression: true,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := d.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			return &countConn{Conn: c, n: &w.connBytes}, nil
		},
	}
	return w
}

func (w *wireCounter) reset() {
	w.reqBody.Store(0)
	w.respBody.Store(0)
	w.connBytes.Store(0)
}

func (w *wireCounter) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.Header.Set("Accept-Encoding", "gzip")
	if req.Body != nil && req.Body != http.NoBody {
		req.Body = &countReader{r: req.Body, n: &w.reqBody}
	}
	resp, err := w.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	raw := &countReader{r: resp.Body, n: &w.respBody}
	if !strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
		resp.Body = raw
		return resp, nil
	}
	zr, err := gzip.NewReader(raw)
	if err != nil {
		_ = raw.Close()
		return nil, err
	}
	resp.Body = &gunzipBody{zr: zr, raw: raw}
	resp.Header.Del("Content-Encoding")
	resp.Header.Del("Content-Length")
	resp.ContentLength = -1
	resp.Uncompressed = true
	return resp, nil
}

type countReader struct {
	r io.ReadCloser
	n *atomic.Int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

func (c *countReader) Close() error { return c.r.Close() }

type gunzipBody struct {
	zr  *gzip.Reader
	raw *countReader
}

func (g *gunzipBody) Read(p []byte) (int, error) { return g.zr.Read(p) }

func (g *gunzipBody) Close() error {
	_, _ = io.Copy(io.Discard, g.raw) // the gzip trailer the decoder did not need
	return g.raw.Close()
}

type countConn struct {
	net.Conn
	n *atomic.Int64
}

func (c *countConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.n.Add(int64(n))
	return n, err
}

func (c *countConn) Write(p []byte) (int, error) {
	n, err := c.Conn.Write(p)
	c.n.Add(int64(n))
	return n, err
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = zw.Write(b)
	_ = zw.Close()
	return buf.Len()
}

// BenchmarkFirstSync2000 times a fresh enrolled laptop's first sync of the
// 2,000-employee office: one SyncOnce (an empty push, then the whole
// snapshot in pages of syncproto.MaxPullPage, each page and its cursor in
// one local transaction). Enrolment and opening the laptop are outside the
// timer. Metrics: cpu-s/op is the CPU time of the whole process (laptop
// and server) during the round, steadier than wall time on a shared
// machine; wire-B/op is the request and response bodies as they travel;
// conn-B/op every byte on the TCP connections, headers included;
// gzip-rows-B is gzip (default level, one stream) of the rows' JSON
// payloads, one per line; wire/gzip is the target ratio (≤ 1.1).
// gzip-pages-B (the protocol-2 pages, a gzip stream each) and
// gzip-v1-changes-B (the rows in protocol 1's per-change envelope, one
// stream) show where the bytes over gzip-rows-B come from.
func BenchmarkFirstSync2000(b *testing.B) {
	f := firstSync(b)
	var rowsJSON bytes.Buffer
	for _, r := range f.rows {
		rowsJSON.WriteString(r.Payload)
		rowsJSON.WriteByte('\n')
	}
	ref := gzipSize(rowsJSON.Bytes())
	// Where the bytes over ref go. gzip-v1-changes-B: the protocol-1
	// envelope (seq, entity, entityId, version, deleted around each
	// payload) in one gzip stream, for comparison. gzip-pages-B: the
	// protocol-2 pages the server sends (syncproto.PullPage, pages of
	// syncproto.MaxPullPage), each its own gzip stream.
	changes := make([]syncproto.Change, len(f.rows))
	for i, r := range f.rows {
		changes[i] = syncproto.Change{Seq: r.Seq, Entity: r.Entity, EntityID: r.EntityID, Version: r.Version,
			Deleted: r.Deleted, Payload: json.RawMessage(r.Payload)}
	}
	all, _ := json.Marshal(changes)
	envelope, paged := gzipSize(all), 0
	for i := 0; i < len(f.rows); i += syncproto.MaxPullPage {
		p := syncproto.PullPage{Protocol: syncproto.ProtocolVersion, Cursor: strings.Repeat("c", 150), More: true}
		prev := int64(0)
		for _, r := range f.rows[i:min(i+syncproto.MaxPullPage, len(f.rows))] {
			p.Add(r.Entity, r.Seq, prev, json.RawMessage(r.Payload))
			prev = r.Seq
		}
		var buf bytes.Buffer
		_, _ = p.WriteTo(&buf)
		paged += gzipSize(buf.Bytes())
	}
	var wire, conn, runs int64
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		w := newWireCounter()
		c, cl, err := benchLaptop(f.srv, b.TempDir(), "fresh", f.office.ID, w)
		if err != nil {
			b.Fatal(err)
		}
		w.reset()
		c0 := sync.CPUTime()
		b.StartTimer()
		rep, err := cl.SyncOnce(bg())
		b.StopTimer()
		cpu += sync.CPUTime() - c0
		if err != nil {
			b.Fatal(err)
		}
		if rep.Pulled != len(f.rows) || rep.Pushed != 0 {
			b.Fatalf("first sync: %+v, want %d rows pulled", rep, len(f.rows))
		}
		wire += w.reqBody.Load() + w.respBody.Load()
		conn += w.connBytes.Load()
		runs++
		w.base.CloseIdleConnections()
		_ = c.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(len(f.rows)), "rows/op")
	b.ReportMetric(cpu.Seconds()/float64(runs), "cpu-s/op")
	b.ReportMetric(float64(wire)/float64(runs), "wire-B/op")
	b.ReportMetric(float64(conn)/float64(runs), "conn-B/op")
	b.ReportMetric(float64(ref), "gzip-rows-B")
	b.ReportMetric(float64(rowsJSON.Len()), "rows-json-B")
	b.ReportMetric(float64(envelope), "gzip-v1-changes-B")
	b.ReportMetric(float64(paged), "gzip-pages-B")
	b.ReportMetric(float64(wire)/float64(runs)/float64(ref), "wire/gzip")
}

// BenchmarkBareInsert2000 is the yardstick of BenchmarkFirstSync2000: the
// same rows (entity, id and the same JSON payload) inserted into a fresh
// SQLite file opened with the store's settings (WAL, synchronous=FULL),
// into one plain table with a primary key, by multi-row INSERTs of 126
// parameters in one transaction. Opening the file is outside the timer;
// cpu-s/op is the process's CPU time during the insert.
func BenchmarkBareInsert2000(b *testing.B) {
	f := firstSync(b)
	const cols = 3
	const perStmt = 128 / cols
	stmt := func(k int) string {
		return "INSERT INTO bare_rows (entity, id, payload) VALUES " + strings.TrimSuffix(strings.Repeat("(?, ?, ?), ", k), ", ")
	}
	full := stmt(perStmt)
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		st, err := store.Open(bg(), store.Config{Dir: b.TempDir()})
		if err != nil {
			b.Fatal(err)
		}
		db, err := st.DB.DB()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.Exec("CREATE TABLE bare_rows (entity TEXT NOT NULL, id TEXT NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (entity, id))"); err != nil {
			b.Fatal(err)
		}
		c0 := sync.CPUTime()
		b.StartTimer()
		tx, err := db.BeginTx(bg(), nil)
		if err != nil {
			b.Fatal(err)
		}
		args := make([]any, 0, perStmt*cols)
		for i := 0; i < len(f.rows); i += perStmt {
			chunk := f.rows[i:min(i+perStmt, len(f.rows))]
			args = args[:0]
			for _, r := range chunk {
				args = append(args, r.Entity, r.EntityID, r.Payload)
			}
			q := full
			if len(chunk) < perStmt {
				q = stmt(len(chunk))
			}
			if _, err := tx.Exec(q, args...); err != nil {
				b.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		cpu += sync.CPUTime() - c0
		_ = st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(len(f.rows)), "rows/op")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkPush10000 times a steady-state push of 10,000 mutations from one
// laptop: every employee of a synced 10,000-employee office edited once
// (a new phone number, through the employee import), pushed in 20 batches
// of 500 (the push half of a round: the server dedupes, scopes, merges
// field by field against the laptop's base and assigns change_seq; the
// laptop clears its outbox and stores the server's rows). Making the edits
// and pulling them back afterwards are outside the timer; the pull-back
// is reported as pullback-s/op.
func BenchmarkPush10000(b *testing.B) {
	const n = 10_000
	s, err := openBenchServer(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(s.close)
	office, err := s.srv.AddOffice(bg(), "BKPSDM Kabupaten Contoh", "")
	if err != nil {
		b.Fatal(err)
	}
	data := demo.Generate(n, 2)
	if err := publishDemoFramework(s.srv, data); err != nil {
		b.Fatal(err)
	}
	c, cl, err := benchLaptop(s, b.TempDir(), "laptop", office.ID, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	if _, err := cl.SyncOnce(bg()); err != nil {
		b.Fatal(err)
	}
	if _, err := loadOffice(c, data); err != nil {
		b.Fatal(err)
	}
	t0 := time.Now()
	rep, err := cl.PushOnlyForBench(bg())
	if err != nil || rep.Applied < n {
		b.Fatalf("first push: %+v, %v", rep, err)
	}
	t1 := time.Now()
	if _, err := cl.SyncOnce(bg()); err != nil {
		b.Fatal(err)
	}
	b.Logf("setup: first push of %d new rows (creates) %.2fs, its pull-back %.2fs", rep.Pushed, t1.Sub(t0).Seconds(), time.Since(t1).Seconds())

	var pull time.Duration
	iter := 0
	for b.Loop() {
		b.StopTimer()
		iter++
		rows := slices.Clone(data.Employees)
		for i := range rows {
			rows[i].Employee.Phone = fmt.Sprintf("0813%02d%06d", iter%100, i)
		}
		res, err := c.Store.ApplyEmployeeImport(bg(), rows, nil)
		if err != nil || res.Updated != n {
			b.Fatalf("edits: %+v, %v", res, err)
		}
		if k, err := c.Store.CountOutbox(bg()); err != nil || k != n {
			b.Fatalf("outbox: %d, %v", k, err)
		}
		b.StartTimer()
		rep, err := cl.PushOnlyForBench(bg())
		b.StopTimer()
		if err != nil || rep.Applied != n || rep.Conflicts != 0 {
			b.Fatalf("push: %+v, %v", rep, err)
		}
		t := time.Now()
		if _, err := cl.SyncOnce(bg()); err != nil {
			b.Fatal(err)
		}
		pull += time.Since(t)
		b.StartTimer()
	}
	b.ReportMetric(float64(n)/(b.Elapsed().Seconds()/float64(iter)), "mutations/s")
	b.ReportMetric(pull.Seconds()/float64(iter), "pullback-s/op")
}

// benchDevice is an enrolled device talking the protocol directly (JSON,
// gzip), so 50 of them load the server, not 50 laptop databases.
type benchDevice struct {
	cred   string
	cursor string
	own    []syncproto.Change // rows this device created, as the server answered
}

func (d *benchDevice) call(hc *http.Client, method, url string, in, out any) error {
	var body io.Reader
	if in != nil {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		if err := json.NewEncoder(zw).Encode(in); err != nil {
			return err
		}
		if err := zw.Close(); err != nil {
			return err
		}
		body = &buf
	}
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		return err
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Content-Encoding", "gzip")
	}
	if d.cred != "" {
		req.Header.Set("Authorization", "Bearer "+d.cred)
	}
	req.Header.Set(syncproto.HeaderProtocol, strconv.Itoa(syncproto.ProtocolVersion))
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		return &statusError{resp.StatusCode, fmt.Sprintf("%s %s: %d %s", method, url, resp.StatusCode, b)}
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

type statusError struct {
	status int
	msg    string
}

func (e *statusError) Error() string { return e.msg }

// retry calls fn again after a 5xx answer, up to 50 times, after a pause
// of 50–150 ms (the real client backs off from 1–2 s; a short pause keeps
// the benchmark about the server), and counts the 5xx answers.
func retry(fails *atomic.Int64, fn func() error) error {
	for attempt := 0; ; attempt++ {
		err := fn()
		var se *statusError
		if err == nil || !errors.As(err, &se) || se.status < 500 || attempt >= 50 {
			return err
		}
		fails.Add(1)
		time.Sleep(time.Duration(50+mrand.IntN(100)) * time.Millisecond)
	}
}

// pull fetches every page after the device's cursor and returns the
// number of changes.
func (d *benchDevice) pull(hc *http.Client, base string) (int, error) {
	n := 0
	for {
		var page syncproto.PullPage
		if err := d.call(hc, http.MethodGet, base+syncproto.PathPull+"?cursor="+d.cursor, nil, &page); err != nil {
			return n, err
		}
		changes, err := page.Changes()
		if err != nil {
			return n, err
		}
		n += len(changes)
		d.cursor = page.Cursor
		if !page.More {
			return n, nil
		}
	}
}

// BenchmarkServer50Devices measures the server under 50 concurrent
// devices (10 offices × 5): each runs 10 rounds of "push a batch of 20
// mutations (10 new employees, and from the second round 10 edits of
// employees it made before, with their base), then pull every page". One
// op is the 50 × 10 rounds: 10,000 mutations. Metrics: mutations/s the
// server applied, pulled changes/s, and the 50th/95th percentile push
// latency.
func BenchmarkServer50Devices(b *testing.B) {
	const offices, perOffice, rounds, batch = 10, 5, 10, 20
	s, err := openBenchServer(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(s.close)
	s.srv.Logger = discardLogger() // SQLITE_BUSY answers are counted instead
	if _, err := s.srv.PublishFramework(bg(), framework.BuiltIn(), "pusat"); err != nil {
		b.Fatal(err)
	}
	hc := &http.Client{Timeout: sync.RequestTimeout, Transport: &http.Transport{MaxIdleConns: 200, MaxIdleConnsPerHost: 200}}
	b.Cleanup(hc.CloseIdleConnections)
	type dev struct {
		*benchDevice
		office string
	}
	var devs []dev
	for o := range offices {
		off, err := s.srv.AddOffice(bg(), fmt.Sprintf("BKPSDM %02d", o+1), "")
		if err != nil {
			b.Fatal(err)
		}
		for range perOffice {
			code, _, err := s.srv.NewEnrolCode(bg(), off.ID, 0)
			if err != nil {
				b.Fatal(err)
			}
			d := &benchDevice{}
			var er syncproto.EnrolResponse
			if err := d.call(hc, http.MethodPost, s.hs.URL+syncproto.PathEnrol, syncproto.EnrolRequest{Code: code, DeviceName: "bench"}, &er); err != nil {
				b.Fatal(err)
			}
			d.cred = er.Credential
			if _, err := d.pull(hc, s.hs.URL); err != nil { // the framework and the office
				b.Fatal(err)
			}
			devs = append(devs, dev{d, off.ID})
		}
	}
	templates := demo.Generate(1000, 3).Employees
	var serial atomic.Int64 // distinct NIPs across devices and iterations

	var applied, rejected, pulledRows, fails atomic.Int64
	var latMu gosync.Mutex
	var lat []time.Duration
	iters := 0
	for b.Loop() {
		iters++
		var wg gosync.WaitGroup
		errs := make(chan error, len(devs))
		for di, d := range devs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for r := range rounds {
					var req syncproto.PushRequest
					edits := 0
					if len(d.own) >= batch/2 {
						edits = batch / 2
					}
					for _, cur := range d.own[len(d.own)-edits:] {
						var e domain.Employee
						if err := json.Unmarshal(cur.Payload, &e); err != nil {
							errs <- err
							return
						}
						e.Phone = fmt.Sprintf("0812%03d%05d", di, r)
						e.Version = cur.Version + 1
						e.UpdatedAt = time.Now().UTC()
						pl, _ := json.Marshal(e)
						req.Mutations = append(req.Mutations, syncproto.Mutation{MutationID: store.NewUUIDv7(), Entity: "employee",
							EntityID: e.ID, BaseVersion: cur.Version, Payload: pl, Base: cur.Payload, CreatedAt: e.UpdatedAt})
					}
					for len(req.Mutations) < batch {
						k := serial.Add(1)
						e := templates[int(k)%len(templates)].Employee
						e.NIP = fmt.Sprintf("1980%02d%02d2005011%03d", 1+int(k/28/999)%12, 1+int(k/999)%28, 1+int(k)%999)
						e.ID = store.NewUUIDv7()
						e.Version = 1
						e.UpdatedAt = time.Now().UTC()
						e.UpdatedByDevice = "bench"
						pl, _ := json.Marshal(e)
						req.Mutations = append(req.Mutations, syncproto.Mutation{MutationID: store.NewUUIDv7(), Entity: "employee",
							EntityID: e.ID, Payload: pl, CreatedAt: e.UpdatedAt})
					}
					t := time.Now()
					var resp syncproto.PushResponse
					if err := retry(&fails, func() error {
						return d.call(hc, http.MethodPost, s.hs.URL+syncproto.PathPush, &req, &resp)
					}); err != nil {
						errs <- err
						return
					}
					latMu.Lock()
					lat = append(lat, time.Since(t))
					latMu.Unlock()
					d.own = d.own[:len(d.own)-edits]
					for _, res := range resp.Results {
						if res.Status != syncproto.StatusApplied {
							rejected.Add(1)
							continue
						}
						applied.Add(1)
						if res.Current != nil {
							d.own = append(d.own, *res.Current)
						}
					}
					var n int
					err := retry(&fails, func() error {
						k, err := d.pull(hc, s.hs.URL)
						n += k
						return err
					})
					if err != nil {
						errs <- err
						return
					}
					pulledRows.Add(int64(n))
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			b.Fatal(err)
		}
	}
	if rejected.Load() != 0 {
		b.Fatalf("%d mutations rejected", rejected.Load())
	}
	if len(lat) == 0 {
		b.Fatal(errors.New("no pushes"))
	}
	secs := b.Elapsed().Seconds()
	slices.Sort(lat)
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(float64(applied.Load())/secs, "mutations/s")
	b.ReportMetric(float64(pulledRows.Load())/secs, "pulled/s")
	b.ReportMetric(pct(0.5), "push-p50-ms")
	b.ReportMetric(pct(0.95), "push-p95-ms")
	b.ReportMetric(pct(1), "push-max-ms")
	b.ReportMetric(float64(fails.Load())/float64(iters), "5xx/op")
}
