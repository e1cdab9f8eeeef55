package store

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"

	"kembang/backend/domain"
)

// These tests cover what only the SQLite laptop database has: the file, its
// lock, its pragmas, backups and restore. Everything else is in storetest.

func fixedClock() func() time.Time {
	t := time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(time.Second); return t }
}

func openDir(t *testing.T, dir string) *Store {
	t.Helper()
	s, err := Open(context.Background(), Config{Dir: dir, Now: fixedClock(), Device: "d1", Actor: "a"})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	return s
}

// seed writes an office, a unit and n employees.
func seed(t *testing.T, s *Store, n int) {
	t.Helper()
	ctx := context.Background()
	if _, err := s.EnsureLocalOffice(ctx, "Kantor"); err != nil {
		t.Fatal(err)
	}
	rows := make([]domain.ImportEmployee, n)
	for i := range rows {
		rows[i] = domain.ImportEmployee{Row: i + 2, UnitName: "Sekretariat",
			Employee: domain.Employee{NIP: benchNIP(i), Name: "Pegawai " + strings.Repeat("x", i%50)}}
	}
	if _, err := s.ApplyEmployeeImport(ctx, rows, nil); err != nil {
		t.Fatal(err)
	}
}

func closeStore(t *testing.T, s *Store) {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func wantCode(t *testing.T, err error, code string) *domain.Error {
	t.Helper()
	if !domain.IsCode(err, code) {
		t.Fatalf("error = %v, want code %q", err, code)
	}
	de, _ := err.(*domain.Error)
	return de
}

func TestPragmasAreSetOnEveryConnection(t *testing.T) {
	s := openDir(t, t.TempDir())
	defer closeStore(t, s)
	for _, tc := range []struct {
		pragma string
		want   string
	}{
		{"journal_mode", "wal"},
		{"foreign_keys", "1"},
		{"busy_timeout", "5000"},
		{"synchronous", "2"}, // FULL
	} {
		var got string
		if err := s.DB.Raw("PRAGMA " + tc.pragma).Row().Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("PRAGMA %s = %s, want %s", tc.pragma, got, tc.want)
		}
	}
}

func TestASecondOpenOfTheSameDirectoryIsLocked(t *testing.T) {
	dir := t.TempDir()
	s := openDir(t, dir)
	_, err := Open(context.Background(), Config{Dir: dir})
	wantCode(t, err, domain.CodeDBLocked)
	closeStore(t, s)
	s = openDir(t, dir) // the lock is released on Close
	closeStore(t, s)
}

// TestLockChildProcess is run as a child by the next test.
func TestLockChildProcess(t *testing.T) {
	dir := os.Getenv("KEMBANG_TEST_LOCK_CHILD_DIR")
	if dir == "" {
		t.Skip("helper process for TestAnotherProcessCannotOpenTheSameDirectory")
	}
	_, err := Open(context.Background(), Config{Dir: dir})
	os.Stdout.WriteString("code=" + domain.ErrorCode(err) + "\n")
}

func TestAnotherProcessCannotOpenTheSameDirectory(t *testing.T) {
	dir := t.TempDir()
	s := openDir(t, dir)
	defer closeStore(t, s)
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockChildProcess$", "-test.v")
	cmd.Env = append(os.Environ(), "KEMBANG_TEST_LOCK_CHILD_DIR="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if !bytes.Contains(out, []byte("code="+domain.CodeDBLocked)) {
		t.Errorf("child output %q, want code=%s", out, domain.CodeDBLocked)
	}
}

func TestOpenRefusesACorruptFileWithoutChangingIt(t *testing.T) {
	random := make([]byte, 64<<10)
	_, _ = rand.Read(random)
	for _, tc := range []struct {
		name string
		make func(t *testing.T, dir string) []byte
	}{
		{"random bytes", func(t *testing.T, dir string) []byte { return random }},
		{"a real database truncated to half", func(t *testing.T, dir string) []byte {
			s := openDir(t, dir)
			seed(t, s, 2000)
			closeStore(t, s)
			b := readFile(t, filepath.Join(dir, dbFileName))
			return b[:len(b)/2]
		}},
		{"an SQLite database of another application", func(t *testing.T, dir string) []byte {
			other := filepath.Join(t.TempDir(), "other.db")
			db, err := sql.Open("sqlite", other)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec("CREATE TABLE notes (body TEXT)"); err != nil {
				t.Fatal(err)
			}
			db.Close()
			return readFile(t, other)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			content := tc.make(t, dir)
			path := filepath.Join(dir, dbFileName)
			if err := os.WriteFile(path, content, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Open(context.Background(), Config{Dir: dir})
			wantCode(t, err, domain.CodeDBCorrupt)
			if !bytes.Equal(readFile(t, path), content) {
				t.Error("Open changed the bytes of a corrupt file")
			}
		})
	}
}

func TestOpenRefusesADatabaseFromANewerVersionWithoutChangingIt(t *testing.T) {
	dir := t.TempDir()
	s := openDir(t, dir)
	if err := s.DB.Exec("INSERT INTO migrations (id) VALUES (?)", "209901010001_from_the_future").Error; err != nil {
		t.Fatal(err)
	}
	closeStore(t, s)
	path := filepath.Join(dir, dbFileName)
	before := readFile(t, path)
	_, err := Open(context.Background(), Config{Dir: dir})
	de := wantCode(t, err, domain.CodeDBNewerVersion)
	if de.Details["migration"] != "209901010001_from_the_future" {
		t.Errorf("details = %v, want the unknown migration id", de.Details)
	}
	if !bytes.Equal(readFile(t, path), before) {
		t.Error("Open changed a database from a newer version")
	}
}

// withFakeMigration makes this binary one migration newer for one test.
func withFakeMigration(t *testing.T, id string) {
	extraMigrations = []*gormigrate.Migration{{ID: id, Migrate: func(tx *gorm.DB) error {
		return tx.Exec("CREATE TABLE fake_later (id TEXT PRIMARY KEY)").Error
	}}}
	t.Cleanup(func() { extraMigrations = nil })
}

func appliedMigrations(t *testing.T, path string) []string {
	t.Helper()
	db, err := sql.Open("sqlite", sqliteDSN(path, true))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT id FROM migrations ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return ids
}

func TestPendingMigrationsOnADatabaseWithDataAreBackedUpFirst(t *testing.T) {
	dir := t.TempDir()
	s := openDir(t, dir)
	seed(t, s, 3)
	closeStore(t, s)
	if entries, _ := os.ReadDir(filepath.Join(dir, backupDir)); len(entries) != 0 {
		t.Fatalf("a fresh database was backed up: %v", entries)
	}

	withFakeMigration(t, "202612010001_fake_later")
	s = openDir(t, dir)
	closeStore(t, s)
	want := "kembang-20261123-093001-before-202612010001_fake_later.db"
	backup := filepath.Join(dir, backupDir, want)
	released := len(MigrationIDs()) - 1 // without the fake one
	if got := appliedMigrations(t, backup); len(got) != released || got[0] != "202611230001_initial" {
		t.Errorf("backup migrations = %v, want the %d released ones", got, released)
	}
	if got := appliedMigrations(t, filepath.Join(dir, dbFileName)); len(got) != released+1 {
		t.Errorf("database migrations = %v, want all", got)
	}
	if MigrationIDs()[released] != "202612010001_fake_later" {
		t.Errorf("MigrationIDs = %v", MigrationIDs())
	}
}

func TestAFailedBackupMigratesNothing(t *testing.T) {
	dir := t.TempDir()
	s := openDir(t, dir)
	seed(t, s, 3)
	closeStore(t, s)
	// A file where the backups directory should be makes the backup fail.
	if err := os.WriteFile(filepath.Join(dir, backupDir), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	withFakeMigration(t, "202612010001_fake_later")
	_, err := Open(context.Background(), Config{Dir: dir})
	wantCode(t, err, domain.CodeDBBackupFailed)
	if got := appliedMigrations(t, filepath.Join(dir, dbFileName)); len(got) != len(MigrationIDs())-1 {
		t.Errorf("migrations = %v after a failed backup, want only the released ones", got)
	}
}

func TestBackupAndRestoreRoundTrip(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openDir(t, dir)
	seed(t, s, 2)
	backup := filepath.Join(t.TempDir(), "manual.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveEmployee(ctx, &domain.Employee{NIP: benchNIP(99), Name: "After Backup"}); err != nil {
		t.Fatal(err)
	}
	cfg := Config{Dir: dir, Now: fixedClock()}
	wantCode(t, Restore(ctx, cfg, backup), domain.CodeDBLocked)
	closeStore(t, s)

	garbage := filepath.Join(t.TempDir(), "garbage.db")
	if err := os.WriteFile(garbage, []byte("not a database"), 0o600); err != nil {
		t.Fatal(err)
	}
	wantCode(t, Restore(ctx, cfg, garbage), domain.CodeBackupCorrupt)

	if err := Restore(ctx, cfg, backup); err != nil {
		t.Fatalf("restore: %v", err)
	}
	s = openDir(t, dir)
	defer closeStore(t, s)
	_, total, err := s.SearchEmployees(ctx, EmployeeQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if total != 2 {
		t.Errorf("%d employees after restore, want the 2 of the backup", total)
	}
	prev := filepath.Join(dir, backupDir, "kembang-20261123-093001-before-restore.db")
	db, err := sql.Open("sqlite", sqliteDSN(prev, true))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM employees").Scan(&n); err != nil || n != 3 {
		t.Errorf("pre-restore copy has %d employees (%v), want 3", n, err)
	}
}

func TestRestoreRefusesADatabaseFromANewerVersion(t *testing.T) {
	ctx := context.Background()
	src := t.TempDir()
	s := openDir(t, src)
	if err := s.DB.Exec("INSERT INTO migrations (id) VALUES ('209901010001_future')").Error; err != nil {
		t.Fatal(err)
	}
	closeStore(t, s)
	dir := t.TempDir()
	err := Restore(ctx, Config{Dir: dir}, filepath.Join(src, dbFileName))
	wantCode(t, err, domain.CodeBackupNewer)
	if _, err := os.Stat(filepath.Join(dir, dbFileName)); err == nil {
		t.Error("a refused restore wrote the database")
	}
}

func TestAutoBackupKeepsTheNewestDailyBackupsAndNoOtherKinds(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openDir(t, dir)
	defer closeStore(t, s)
	keep := []string{
		"kembang-20200101-000000-before-202611230001_initial.db",
		"kembang-20200101-000000-before-restore.db",
		"kembang-20200101-000000-manual.db",
	}
	for _, name := range append(keep, "kembang-20190101-000000.db") { // a daily backup of an older version
		writeBackupFile(t, dir, name)
	}
	var made []string
	for range DefaultBackupKeep + 2 {
		p, err := s.AutoBackup(ctx)
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, filepath.Base(p))
	}
	got := backupNames(t, dir)
	want := append(append([]string{}, keep...), made[2:]...)
	sort.Strings(want)
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("backups = %v, want %v", got, want)
	}

	// A smaller rotation applies at the next daily backup; manual ones stay.
	b, err := s.MakeBackup(ctx, BackupDaily, 3)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.MakeBackup(ctx, BackupManual, 1); err != nil {
		t.Fatal(err)
	}
	list, err := ListBackups(dir)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, x := range list {
		kinds[x.Kind]++
	}
	if kinds[BackupDaily] != 3 || kinds[BackupManual] != 2 || kinds[BackupPreMigration] != 1 || kinds[BackupPreRestore] != 1 {
		t.Errorf("kinds after keep=3: %v", kinds)
	}
	if list[0].Kind != BackupManual || list[1].Name != b.Name {
		t.Errorf("not newest first: %v, %v", list[0].Name, list[1].Name)
	}
	if b.SizeBytes == 0 || b.Kind != BackupDaily || b.CreatedAt.IsZero() {
		t.Errorf("backup info = %+v", b)
	}
}

func TestBackupsAreWrittenUnderATemporaryNameAndNeverOverwrite(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openDir(t, dir)
	defer closeStore(t, s)
	seed(t, s, 2)
	// What a crash mid-backup leaves: a temporary file, never listed.
	writeBackupFile(t, dir, ".kembang-20261123-093001-daily.db.tmp")
	if list, _ := ListBackups(dir); len(list) != 0 {
		t.Fatalf("a temporary file is listed as a backup: %v", list)
	}
	b, err := s.MakeBackup(ctx, BackupManual, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := backupNames(t, dir); len(got) != 1 || got[0] != b.Name {
		t.Errorf("backups dir = %v, want only %s (stale temporary files removed)", got, b.Name)
	}
	if err := CheckBackupFile(ctx, b.Path); err != nil {
		t.Errorf("the backup is not a sound Kembang database: %v", err)
	}
	before, _ := os.ReadFile(b.Path)
	wantCode(t, s.Backup(ctx, b.Path), domain.CodeBackupExists)
	after, _ := os.ReadFile(b.Path)
	if !bytes.Equal(before, after) {
		t.Error("a backup overwrote an existing file")
	}
}

func TestRestoreRefusesACorruptBackupAndKeepsTheCurrentFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openDir(t, dir)
	seed(t, s, 3)
	b, err := s.MakeBackup(ctx, BackupManual, 0)
	if err != nil {
		t.Fatal(err)
	}
	closeStore(t, s)
	// Damage the backup in its middle, as a bad sector would.
	data, err := os.ReadFile(b.Path)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(data) / 3; i < len(data)/3+4096 && i < len(data); i++ {
		data[i] ^= 0x5a
	}
	damaged := filepath.Join(t.TempDir(), "damaged.db")
	if err := os.WriteFile(damaged, data, 0o600); err != nil {
		t.Fatal(err)
	}
	truncated := filepath.Join(t.TempDir(), "truncated.db")
	if err := os.WriteFile(truncated, data[:len(data)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	current := filepath.Join(dir, dbFileName)
	before, err := os.ReadFile(current)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{damaged, truncated} {
		wantCode(t, Restore(ctx, Config{Dir: dir}, bad), domain.CodeBackupCorrupt)
	}
	wantCode(t, Restore(ctx, Config{Dir: dir}, filepath.Join(dir, "missing.db")), domain.CodeBackupNotFound)
	after, err := os.ReadFile(current)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("a refused restore changed the current database")
	}
	if got := backupNames(t, dir); len(got) != 1 {
		t.Errorf("a refused restore left files in backups: %v", got)
	}
	s = openDir(t, dir)
	defer closeStore(t, s)
	if _, total, err := s.SearchEmployees(ctx, EmployeeQuery{}); err != nil || total != 3 {
		t.Errorf("%d employees (%v) after refused restores, want 3", total, err)
	}
}

func writeBackupFile(t *testing.T, dataDir, name string) {
	t.Helper()
	p := filepath.Join(dataDir, backupDir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
}

func backupNames(t *testing.T, dataDir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(dataDir, backupDir))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

func TestCheckReportsIntegritySchemaAndCounts(t *testing.T) {
	s := openDir(t, t.TempDir())
	defer closeStore(t, s)
	seed(t, s, 4)
	rep, err := s.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ids := MigrationIDs()
	if rep.Integrity != "ok" || rep.SchemaVersion != ids[len(ids)-1] {
		t.Errorf("report = %+v", rep)
	}
	// office + unit + 4 employees
	if rep.Counts["employees"] != 4 || rep.Counts["units"] != 1 || rep.OutboxPending != 6 {
		t.Errorf("counts = %v, outbox %d", rep.Counts, rep.OutboxPending)
	}
}

func TestDefaultDataDir(t *testing.T) {
	t.Setenv("KEMBANG_DATA_DIR", filepath.Join("some", "dir"))
	if got, err := DefaultDataDir(); err != nil || got != filepath.Join("some", "dir") {
		t.Errorf("DefaultDataDir = %q, %v; want the environment variable", got, err)
	}
	t.Setenv("KEMBANG_DATA_DIR", "")
	got, err := DefaultDataDir()
	if err != nil || filepath.Base(got) != "Kembang" {
		t.Errorf("DefaultDataDir = %q, %v; want <config dir>/Kembang", got, err)
	}
}

func TestOpenWithRelativeDataDir(t *testing.T) {
	t.Chdir(t.TempDir())
	s, err := Open(context.Background(), Config{Dir: "data"})
	if err != nil {
		t.Fatalf("a relative data folder must open: %v", err)
	}
	defer s.Close()
	if _, err := os.Stat(filepath.Join("data", "kembang.db")); err != nil {
		t.Fatalf("database not created inside the relative folder: %v", err)
	}
}

func TestRestoringAnOlderBackupMigratesItAtOpenAfterACopy(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openDir(t, dir)
	seed(t, s, 3)
	old, err := s.MakeBackup(ctx, BackupManual, 0)
	if err != nil {
		t.Fatal(err)
	}
	closeStore(t, s)

	// A newer Kembang (one more migration) restores the older backup.
	withFakeMigration(t, "202612010001_fake_later")
	s = openDir(t, dir)
	closeStore(t, s)
	if err := Restore(ctx, Config{Dir: dir}, old.Path); err != nil {
		t.Fatal(err)
	}
	released := len(MigrationIDs()) - 1
	if got := appliedMigrations(t, filepath.Join(dir, dbFileName)); len(got) != released {
		t.Fatalf("restored file has %d migrations, want the backup's %d", len(got), released)
	}
	s = openDir(t, dir)
	defer closeStore(t, s)
	if got := appliedMigrations(t, filepath.Join(dir, dbFileName)); len(got) != released+1 {
		t.Errorf("after open: %d migrations, want %d", len(got), released+1)
	}
	if n := employeesOf(t, s); n != 3 {
		t.Errorf("%d employees, want 3", n)
	}
	kinds := map[string]int{}
	list, _ := ListBackups(dir)
	for _, b := range list {
		kinds[b.Kind]++
	}
	// Two pre-migration copies: the first open of the older file, then the
	// open of the restored (older) file.
	if kinds[BackupPreRestore] != 1 || kinds[BackupPreMigration] != 2 || kinds[BackupManual] != 1 {
		t.Errorf("backup kinds = %v", kinds)
	}
}

func employeesOf(t *testing.T, s *Store) int {
	t.Helper()
	_, total, err := s.SearchEmployees(context.Background(), EmployeeQuery{})
	if err != nil {
		t.Fatal(err)
	}
	return total
}
