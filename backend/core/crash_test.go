package core_test

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/importer/importtest"
	"kembang/backend/store"
)

// The crash test: a child process (this test binary, re-executed with
// KEMBANG_CRASH_OP set) opens a copy of a prepared workspace and runs one
// operation — a large employee import, a batch save of assessment results,
// or a backup — and the parent kills it with SIGKILL at a random moment.
// Each time the database must open, pass PRAGMA integrity_check and hold
// the whole operation or none of it, and the backups folder must hold no
// backup that is not a complete, sound database.

const (
	crashOpEnv   = "KEMBANG_CRASH_OP"
	crashDirEnv  = "KEMBANG_CRASH_DIR"
	crashXLSXEnv = "KEMBANG_CRASH_XLSX"
	crashPeriod  = "2031"
	crashImport  = 3000 // rows of the employee xlsx
	crashDemo    = 300  // demo employees of the prepared workspace
)

var crashOps = []string{"import", "assessments", "backup"}

// TestCrashHelper is the child. It does nothing in a normal run.
func TestCrashHelper(t *testing.T) {
	op := os.Getenv(crashOpEnv)
	if op == "" {
		t.Skip("the child process of TestCrashAtRandomPoints")
	}
	if err := crashChild(op, os.Getenv(crashDirEnv), os.Getenv(crashXLSXEnv)); err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	os.Exit(0)
}

func crashChild(op, dir, xlsx string) error {
	ctx := context.Background()
	switch op {
	case "prepare":
		return crashPrepare(ctx, dir, xlsx)
	case "check":
		b, err := json.Marshal(crashCheck(ctx, dir))
		if err != nil {
			return err
		}
		fmt.Println("check", string(b))
		return nil
	}
	c, err := core.Open(ctx, store.Config{Dir: dir})
	if err != nil {
		return err
	}
	var run func() error
	switch op {
	case "import":
		data, err := os.ReadFile(xlsx)
		if err != nil {
			return err
		}
		rep, err := c.Preview(ctx, core.KindEmployees, "pegawai.xlsx", data)
		if err != nil {
			return err
		}
		run = func() error {
			res, err := c.Commit(ctx, rep, false, nil)
			if err == nil && res.Created != crashImport {
				err = fmt.Errorf("created %d", res.Created)
			}
			return err
		}
	case "assessments":
		rows, err := crashAssessmentRows(ctx, c)
		if err != nil {
			return err
		}
		run = func() error {
			_, err := c.Store.ApplyAssessmentImport(ctx, rows, nil)
			return err
		}
	case "backup":
		run = func() error {
			_, err := c.Store.MakeBackup(ctx, store.BackupManual, 0)
			return err
		}
	default:
		return fmt.Errorf("unknown op %q", op)
	}
	fmt.Println("ready")
	start := time.Now()
	if err := run(); err != nil {
		return err
	}
	fmt.Println("done", time.Since(start).Microseconds())
	return c.Close()
}

// crashPrepare makes the workspace every run starts from, and the xlsx.
func crashPrepare(ctx context.Context, dir, xlsx string) error {
	c, err := core.Open(ctx, store.Config{Dir: dir})
	if err != nil {
		return err
	}
	if _, err := c.LoadDemo(ctx, crashDemo, 1); err != nil {
		return err
	}
	if err := c.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(xlsx, importtest.EmployeesXLSX(crashImport, 77), 0o600); err != nil {
		return err
	}
	fmt.Println("done 0")
	return nil
}

// crashReport is what the check child finds in a killed child's folder.
type crashReport struct {
	OpenError string        `json:"openError"`
	Integrity string        `json:"integrity"`
	Counts    crashCounts   `json:"counts"`
	Backups   []crashBackup `json:"backups"`
	Strays    []string      `json:"strays"` // files in backups/ that are neither backups nor temporary files
}

type crashBackup struct {
	Name      string      `json:"name"`
	Integrity string      `json:"integrity"`
	Check     string      `json:"check"` // store.CheckBackupFile's error, "" when sound
	Counts    crashCounts `json:"counts"`
}

// crashCheck opens the folder as the app would, checks the database's
// integrity and counts its rows, then does the same for every backup.
func crashCheck(ctx context.Context, dir string) crashReport {
	var r crashReport
	s, err := store.Open(ctx, store.Config{Dir: dir})
	if err != nil {
		r.OpenError = err.Error()
		return r
	}
	rep, err := s.Check(ctx)
	if err != nil {
		r.Integrity = err.Error()
	} else {
		r.Integrity = rep.Integrity
	}
	if db, err := s.DB.DB(); err == nil {
		r.Counts, _ = countIn(db)
	}
	_ = s.Close()
	list, _ := store.ListBackups(dir)
	for _, b := range list {
		cb := crashBackup{Name: b.Name, Integrity: integrity(b.Path)}
		if err := store.CheckBackupFile(ctx, b.Path); err != nil {
			cb.Check = err.Error()
		}
		if db, err := sql.Open("sqlite", "file:"+b.Path+"?mode=ro"); err == nil {
			cb.Counts, _ = countIn(db)
			db.Close()
		}
		r.Backups = append(r.Backups, cb)
	}
	entries, _ := os.ReadDir(store.BackupsDir(dir))
	for _, e := range entries {
		if _, listed := findName(list, e.Name()); !listed && !(strings.HasPrefix(e.Name(), ".kembang-") && strings.Contains(e.Name(), ".db.tmp")) {
			r.Strays = append(r.Strays, e.Name())
		}
	}
	return r
}

// crashAssessmentRows are assessor results for every competency of every
// demo employee's position, in a period nobody assessed yet.
func crashAssessmentRows(ctx context.Context, c *core.Core) ([]domain.ImportAssessment, error) {
	positions, err := c.Store.ListPositions(ctx)
	if err != nil {
		return nil, err
	}
	std := map[string]domain.Standards{}
	for _, p := range positions {
		std[p.ID] = p.Standards
	}
	emps, _, err := c.Store.SearchEmployees(ctx, store.EmployeeQuery{Limit: 100000})
	if err != nil {
		return nil, err
	}
	var rows []domain.ImportAssessment
	for _, e := range emps {
		if e.PositionID == nil {
			continue
		}
		codes := make([]string, 0, len(std[*e.PositionID]))
		for code := range std[*e.PositionID] {
			codes = append(codes, code)
		}
		sort.Strings(codes)
		for _, code := range codes {
			rows = append(rows, domain.ImportAssessment{Row: len(rows) + 2, NIP: e.NIP, Code: code, Level: 3,
				Period: crashPeriod, Method: domain.AssessmentByAssessor})
		}
	}
	return rows, nil
}

// crashCounts are the rows an operation adds.
type crashCounts struct {
	Employees   int `json:"employees"`
	Assessments int `json:"assessments"`
	Outbox      int `json:"outbox"`
}

func countIn(db *sql.DB) (crashCounts, error) {
	var n crashCounts
	for _, q := range []struct {
		query string
		dst   *int
	}{
		{"SELECT count(*) FROM employees", &n.Employees},
		{"SELECT count(*) FROM assessments WHERE period = '" + crashPeriod + "'", &n.Assessments},
		{"SELECT count(*) FROM outbox", &n.Outbox},
	} {
		if err := db.QueryRow(q.query).Scan(q.dst); err != nil {
			return n, err
		}
	}
	return n, nil
}

func integrity(path string) string {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return err.Error()
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil {
		return err.Error()
	}
	return res
}

type crashRun struct {
	proc  *exec.Cmd
	lines chan string
}

// crashBinary is the child's executable: this test binary, or when it runs
// under the race detector the same tests built without it.
func crashBinary(t *testing.T, work string) string {
	t.Helper()
	if !raceEnabled {
		return os.Args[0]
	}
	bin := filepath.Join(work, "core.test")
	goCmd := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goCmd); err != nil {
		goCmd = "go"
	}
	out, err := exec.Command(goCmd, "test", "-c", "-o", bin, "kembang/backend/core").CombinedOutput()
	if err != nil {
		t.Fatalf("build the crash child: %v\n%s", err, out)
	}
	return bin
}

func startCrashChild(t *testing.T, bin, op, dir, xlsx string) *crashRun {
	t.Helper()
	cmd := exec.Command(bin, "-test.run=^TestCrashHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashOpEnv+"="+op, crashDirEnv+"="+dir, crashXLSXEnv+"="+xlsx)
	cmd.Stderr = io.Discard
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := &crashRun{proc: cmd, lines: make(chan string, 8)}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			r.lines <- sc.Text()
		}
		close(r.lines)
	}()
	return r
}

// waitFor returns the first line starting with prefix, failing on an error line.
func (r *crashRun) waitFor(t *testing.T, prefix string) string {
	t.Helper()
	timeout := time.After(60 * time.Second)
	for {
		select {
		case line, ok := <-r.lines:
			if !ok {
				t.Fatalf("child exited before %q", prefix)
			}
			if strings.HasPrefix(line, "error") {
				t.Fatalf("child: %s", line)
			}
			if strings.HasPrefix(line, prefix) {
				return line
			}
		case <-timeout:
			t.Fatalf("child did not say %q", prefix)
		}
	}
}

func copyDB(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(from, "kembang.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(to, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(to, "kembang.db"), data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// check runs the check child on a folder.
func check(t *testing.T, bin, dir string) crashReport {
	t.Helper()
	r := startCrashChild(t, bin, "check", dir, "")
	line := r.waitFor(t, "check ")
	_ = r.proc.Wait()
	var rep crashReport
	if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "check ")), &rep); err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestCrashAtRandomPoints(t *testing.T) {
	if os.Getenv(crashOpEnv) != "" {
		t.Skip("inside the child")
	}
	runs := 100
	if testing.Short() {
		runs = 15
	}
	work := t.TempDir()
	bin := crashBinary(t, work)
	tmpl := filepath.Join(work, "template")
	xlsx := filepath.Join(work, "pegawai.xlsx")
	prep := startCrashChild(t, bin, "prepare", tmpl, xlsx)
	prep.waitFor(t, "done")
	if err := prep.proc.Wait(); err != nil {
		t.Fatal(err)
	}
	before := check(t, bin, tmpl).Counts

	// Calibration: each operation once without a kill gives what "all of
	// it" looks like and how long it takes.
	after := map[string]crashCounts{}
	took := map[string]time.Duration{}
	for _, op := range crashOps {
		dir := filepath.Join(work, "calibrate-"+op)
		copyDB(t, tmpl, dir)
		r := startCrashChild(t, bin, op, dir, xlsx)
		r.waitFor(t, "ready")
		us, _ := strconv.Atoi(strings.Fields(r.waitFor(t, "done"))[1])
		if err := r.proc.Wait(); err != nil {
			t.Fatalf("%s: %v", op, err)
		}
		took[op] = time.Duration(us) * time.Microsecond
		after[op] = check(t, bin, dir).Counts
	}
	if after["import"].Employees != before.Employees+crashImport || after["assessments"].Assessments == 0 ||
		after["backup"] != before {
		t.Fatalf("calibration: before %+v, after %+v", before, after)
	}
	t.Logf("operation times: %v", took)

	seed := uint64(time.Now().UnixNano())
	if s, err := strconv.ParseUint(os.Getenv("KEMBANG_CRASH_SEED"), 10, 64); err == nil {
		seed = s
	}
	t.Logf("seed %d (KEMBANG_CRASH_SEED reproduces the kill times)", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	outcomes := map[string]map[string]int{}
	reach := map[string]float64{}
	for i := range runs {
		op := crashOps[i%len(crashOps)]
		dir := filepath.Join(work, fmt.Sprintf("run-%03d", i))
		copyDB(t, tmpl, dir)
		r := startCrashChild(t, bin, op, dir, xlsx)
		r.waitFor(t, "ready")
		// Anywhere from the start of the operation to a while after it
		// should have ended, so both outcomes happen. The window follows
		// the outcomes: a loaded machine runs the operation slower than
		// the calibration did.
		if reach[op] == 0 {
			reach[op] = 1.5
		}
		delay := time.Duration(rng.Float64() * reach[op] * float64(took[op]))
		time.Sleep(delay)
		_ = r.proc.Process.Signal(syscall.SIGKILL)
		_ = r.proc.Wait()
		for range r.lines {
		}

		rep := check(t, bin, dir)
		where := fmt.Sprintf("run %d (%s, killed %v after it started)", i, op, delay)
		if rep.OpenError != "" {
			t.Fatalf("%s: the database does not open: %s", where, rep.OpenError)
		}
		if rep.Integrity != "ok" {
			t.Fatalf("%s: integrity_check = %s", where, rep.Integrity)
		}
		outcome := ""
		switch rep.Counts {
		case before:
			outcome = "none"
		case after[op]:
			outcome = "all"
		default:
			t.Fatalf("%s: partial write: %+v, want %+v or %+v", where, rep.Counts, before, after[op])
		}
		if len(rep.Strays) > 0 {
			t.Fatalf("%s: files in backups that are neither backups nor temporary: %v", where, rep.Strays)
		}
		if op == "backup" {
			switch len(rep.Backups) {
			case 0:
				outcome = "none"
			case 1:
				b := rep.Backups[0]
				if b.Integrity != "ok" || b.Check != "" || b.Counts != before {
					t.Fatalf("%s: backup %s is not a complete copy: %+v", where, b.Name, b)
				}
				outcome = "all"
			default:
				t.Fatalf("%s: %d backups from one backup", where, len(rep.Backups))
			}
		} else if len(rep.Backups) != 0 {
			t.Fatalf("%s: unexpected backups %+v", where, rep.Backups)
		}
		if outcome == "none" {
			reach[op] = min(reach[op]*1.15, 8)
		} else {
			reach[op] = max(reach[op]/1.15, 1)
		}
		if outcomes[op] == nil {
			outcomes[op] = map[string]int{}
		}
		outcomes[op][outcome]++
		_ = os.RemoveAll(dir)
	}
	t.Logf("outcomes of %d kills: %v", runs, outcomes)
	if !testing.Short() {
		for _, op := range crashOps {
			if outcomes[op]["none"] == 0 || outcomes[op]["all"] == 0 {
				t.Errorf("%s: kills never landed on both sides of the operation: %v", op, outcomes[op])
			}
		}
	}
}

func findName(list []store.BackupInfo, name string) (store.BackupInfo, bool) {
	for _, b := range list {
		if b.Name == name {
			return b, true
		}
	}
	return store.BackupInfo{}, false
}
