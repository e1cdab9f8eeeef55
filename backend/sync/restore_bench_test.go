package sync_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"kembang/backend/demo"
	"kembang/backend/domain"
	"kembang/backend/framework"
	"kembang/backend/sync"
)

// BenchmarkRestoreResend2000 times the round after a server restore: an
// office of 2,000 employees (demo generator, with units and positions)
// and 2,000 draft development plans, all pushed and acknowledged, then
// the server (SQLite) restored from a backup taken after the laptop
// enrolled but before any of it, and
// given a new epoch. The timed SyncOnce gets 410, pulls the new snapshot
// (the backup's central rows), finds every office row missing, queues
// them again parents first, pushes them (the server applies them as new
// rows) and pulls the result back. Setup (import, first push, the
// restore) is outside the timer.
//
// Run: go test -run '^$' -bench RestoreResend2000 -benchtime=1x ./backend/sync/
func BenchmarkRestoreResend2000(b *testing.B) {
	const n = 2000
	data := demo.Generate(n, 2)
	var requeued int
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		s, err := openBenchServer(dir)
		if err != nil {
			b.Fatal(err)
		}
		office, err := s.srv.AddOffice(bg(), "BKPSDM Kabupaten Contoh", "")
		if err != nil {
			b.Fatal(err)
		}
		if err := publishDemoFramework(s.srv, data); err != nil {
			b.Fatal(err)
		}
		c, cl, err := benchLaptop(s, b.TempDir(), "laptop", office.ID, nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := cl.SyncOnce(bg()); err != nil {
			b.Fatal(err)
		}
		backup := filepath.Join(b.TempDir(), "backup.db")
		if err := s.srv.DB.Exec("VACUUM INTO ?", backup).Error; err != nil {
			b.Fatal(err)
		}
		if _, err := loadOffice(c, data); err != nil {
			b.Fatal(err)
		}
		var emps []string
		if err := c.Store.DB.Table("employees").Pluck("id", &emps).Error; err != nil {
			b.Fatal(err)
		}
		plans := make([]domain.DevelopmentPlan, len(emps))
		for i, id := range emps {
			plans[i] = domain.DevelopmentPlan{EmployeeID: id, Year: 2026, Lines: domain.PlanLines{{ID: "l1", Priority: 1,
				CompetencyCode: "M.1", Standard: 3, Actual: 2, MethodCode: "seminar", PlannedJP: 8}}}
		}
		if _, _, err := c.Store.CreatePlans(bg(), plans, framework.MethodsByCode(), nil); err != nil {
			b.Fatal(err)
		}
		for i := 0; i < 2; i++ {
			if _, err := cl.SyncOnce(bg()); err != nil {
				b.Fatal(err)
			}
		}
		var rows int64
		if err := s.srv.DB.Table("changes").Where("office_id = ? AND entity <> 'office'", office.ID).Count(&rows).Error; err != nil {
			b.Fatal(err)
		}
		s.close()
		for _, suffix := range []string{"", "-wal", "-shm"} {
			_ = os.Remove(filepath.Join(dir, "kembang.db"+suffix))
		}
		raw, err := os.ReadFile(backup)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "kembang.db"), raw, 0o600); err != nil {
			b.Fatal(err)
		}
		s, err = openBenchServer(dir)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.srv.NewEpoch(bg()); err != nil {
			b.Fatal(err)
		}
		if err := c.Store.SetSetting(bg(), sync.SettingServerURL, s.hs.URL); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		t := time.Now()
		rep, err := cl.SyncOnce(bg())
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		var back int64
		if err := s.srv.DB.Table("changes").Where("office_id = ? AND entity <> 'office'", office.ID).Count(&back).Error; err != nil {
			b.Fatal(err)
		}
		if back != rows || rep.Requeued != int(rows) || rep.Resets != 1 {
			b.Fatalf("after the restore: %d of %d rows back on the server, report %+v", back, rows, rep)
		}
		b.Logf("%d rows sent again in %.2fs", rep.Requeued, time.Since(t).Seconds())
		requeued = rep.Requeued
		_ = c.Close()
		s.close()
		b.StartTimer()
	}
	b.ReportMetric(float64(requeued), "rows/op")
}
