package desktop_test

import (
	"context"
	"testing"
	"time"

	"kembang/backend/core"
	"kembang/backend/desktop"
	"kembang/backend/store"
)

// services are the bound services of one backend, by type.
type services struct {
	backend   *desktop.Backend
	app       *desktop.AppService
	org       *desktop.OrgService
	framework *desktop.FrameworkService
	employees *desktop.EmployeeService
	transfer  *desktop.TransferService
	assess    *desktop.AssessmentService
	analysis  *desktop.AnalysisService
	plans     *desktop.PlanService
	training  *desktop.TrainingService
	dashboard *desktop.DevelopmentDashboardService
	printing  *desktop.PrintService
	sync      *desktop.SyncService
	backups   *desktop.BackupService
	settings  *desktop.SettingsService
	saveDir   string
}

func byType(t *testing.T, b *desktop.Backend) services {
	t.Helper()
	s := services{backend: b}
	for _, svc := range b.Services() {
		switch v := svc.(type) {
		case *desktop.AppService:
			s.app = v
		case *desktop.OrgService:
			s.org = v
		case *desktop.FrameworkService:
			s.framework = v
		case *desktop.EmployeeService:
			s.employees = v
		case *desktop.TransferService:
			s.transfer = v
		case *desktop.AssessmentService:
			s.assess = v
		case *desktop.AnalysisService:
			s.analysis = v
		case *desktop.PlanService:
			s.plans = v
		case *desktop.TrainingService:
			s.training = v
		case *desktop.DevelopmentDashboardService:
			s.dashboard = v
		case *desktop.PrintService:
			s.printing = v
		case *desktop.SyncService:
			s.sync = v
		case *desktop.BackupService:
			s.backups = v
		case *desktop.SettingsService:
			s.settings = v
		default:
			t.Fatalf("unexpected service %T", svc)
		}
	}
	return s
}

// openServices opens a fresh workspace behind the desktop services; files
// are "saved" into a temporary folder.
func openServices(t *testing.T) services {
	t.Helper()
	dir := t.TempDir()
	c, err := core.Open(context.Background(), store.Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	saveDir := t.TempDir()
	b := desktop.NewBackend(c, nil, dir, desktop.DirSaver{Dir: saveDir})
	t.Cleanup(func() {
		if err := b.Close(); err != nil {
			t.Errorf("close backend: %v", err)
		}
	})
	s := byType(t, b)
	s.saveDir = saveDir
	return s
}

// waitJob polls Job like the UI does until the job is finished.
func waitJob(t *testing.T, ts *desktop.TransferService, id string) desktop.JobStatus {
	t.Helper()
	deadline, ok := t.Deadline()
	if !ok {
		deadline = time.Now().Add(time.Minute)
	}
	for {
		st, err := ts.Job(id)
		if err != nil {
			t.Fatalf("Job(%s): %v", id, err)
		}
		if st.Finished {
			return st
		}
		if time.Now().After(deadline) {
			t.Fatalf("job %s never finished: %+v", id, st)
		}
		time.Sleep(2 * time.Millisecond) // poll interval, not an assertion
	}
}
