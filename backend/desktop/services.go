// Package desktop holds the thin services bound to the Wails frontend. They
// check input, call core/store and return DTOs; business rules live in
// domain, store and importer. See docs/API.md for the contract.
package desktop

import (
	"context"
	"log"
	"sync"

	"kembang/backend/core"
	"kembang/backend/domain"
)

// FileSaver asks the user where to save a file and writes it. The Wails
// implementation shows the native dialog; tests and the browser bridge write
// into a folder.
type FileSaver interface {
	SaveFile(ctx context.Context, defaultName string, data []byte) (path string, err error)
}

// Backend is shared by all bound services: the opened workspace, or the
// error that kept it from opening (shown by the UI on a blocking screen).
type Backend struct {
	mu         sync.RWMutex
	core       *core.Core
	startupErr error
	dataDir    string
	ctx        context.Context
	Saver      FileSaver
	jobs       *jobs
	planJobs   *draftJobs
	sync       syncRunner
	safety     safety
}

// NewBackend wraps an opened core (or the error from opening it). When the
// workspace is enrolled with a sync server, automatic sync starts (every
// DefaultSyncInterval, or $KEMBANG_SYNC_INTERVAL; "0" turns it off); a
// workspace that is not enrolled never syncs until Enrol.
func NewBackend(c *core.Core, startupErr error, dataDir string, saver FileSaver) *Backend {
	b := &Backend{core: c, startupErr: startupErr, dataDir: dataDir, Saver: saver, ctx: context.Background(), jobs: newJobs(),
		planJobs: &draftJobs{states: map[string]*DraftJobStatus{}}}
	b.sync.interval = syncIntervalFromEnv()
	if err := b.StartSync(); err != nil {
		log.Printf("kembang: automatic sync not started: %v", err)
	}
	b.startDailyBackup()
	return b
}

// SetContext stores the Wails runtime context (needed for native dialogs).
func (b *Backend) SetContext(ctx context.Context) {
	b.mu.Lock()
	b.ctx = ctx
	b.mu.Unlock()
}

func (b *Backend) context() context.Context {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.ctx
}

// Core returns the workspace or the startup error every call must report.
func (b *Backend) Core() (*core.Core, error) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	if b.core == nil {
		if b.startupErr != nil {
			return nil, b.startupErr
		}
		return nil, domain.E(domain.CodeInternal, "backend", nil)
	}
	return b.core, nil
}

// Close stops automatic sync, waits for running jobs and closes the workspace.
func (b *Backend) Close() error {
	b.stopDailyBackup()
	b.StopSync()
	b.jobs.wait()
	b.planJobs.wg.Wait()
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.core == nil {
		return nil
	}
	err := b.core.Close()
	b.core = nil
	return err
}

// Services returns every service to bind, in a stable order.
func (b *Backend) Services() []any {
	return []any{
		&AppService{b: b},
		&OrgService{b: b},
		&FrameworkService{b: b},
		&EmployeeService{b: b},
		&TransferService{b: b},
		&AssessmentService{b: b},
		&AnalysisService{b: b},
		&PlanService{b: b},
		&TrainingService{b: b},
		&DevelopmentDashboardService{b: b},
		newPrintService(b),
		&SyncService{b: b},
		&BackupService{b: b},
		&SettingsService{b: b},
	}
}
