package desktop

import (
	"context"
	"log"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/store"
)

// Picker asks the user for a folder or a file to open. The Wails
// implementation shows the native dialogs; the browser bridge and tests
// answer with fixed paths. An empty path means the user cancelled.
type Picker interface {
	ChooseFolder(ctx context.Context, title string) (string, error)
	ChooseFile(ctx context.Context, title, pattern string) (string, error)
}

// DialogPicker asks with the native dialogs.
type DialogPicker struct{}

// ChooseFolder shows the folder dialog.
func (DialogPicker) ChooseFolder(ctx context.Context, title string) (string, error) {
	return runtime.OpenDirectoryDialog(ctx, runtime.OpenDialogOptions{Title: title, CanCreateDirectories: true})
}

// ChooseFile shows the open-file dialog.
func (DialogPicker) ChooseFile(ctx context.Context, title, pattern string) (string, error) {
	return runtime.OpenFileDialog(ctx, runtime.OpenDialogOptions{Title: title,
		Filters: []runtime.FileFilter{{DisplayName: pattern, Pattern: pattern}}})
}

// FixedPicker answers every question with the same folder and file.
type FixedPicker struct{ Folder, File string }

// ChooseFolder returns the folder (made if missing).
func (p FixedPicker) ChooseFolder(context.Context, string) (string, error) {
	if p.Folder == "" {
		return "", nil
	}
	return p.Folder, os.MkdirAll(p.Folder, 0o755)
}

// ChooseFile returns the file.
func (p FixedPicker) ChooseFile(context.Context, string, string) (string, error) { return p.File, nil }

// DailyBackupCheck is how often the running app checks whether a daily
// backup is due.
const DailyBackupCheck = time.Hour

// EnvAutoBackup turns the daily backup off when "0" or "off".
const EnvAutoBackup = "KEMBANG_AUTO_BACKUP"

// safety is the backend's backup state: the picker, the daily backup loop
// and the lock that keeps a backup and a restore from overlapping.
type safety struct {
	mu     sync.Mutex // held by a backup or a restore of the workspace
	picker Picker
	cancel context.CancelFunc
	done   chan struct{}
	last   *store.BackupInfo
	lastEr error
}

// SetPicker replaces the native dialogs (browser bridge, tests).
func (b *Backend) SetPicker(p Picker) { b.safety.picker = p }

func (b *Backend) picker() Picker {
	if b.safety.picker == nil {
		return DialogPicker{}
	}
	return b.safety.picker
}

// startDailyBackup makes a daily backup now when the last one is more than
// a day old, then checks again every DailyBackupCheck while the app runs.
func (b *Backend) startDailyBackup() {
	switch strings.ToLower(os.Getenv(EnvAutoBackup)) {
	case "0", "off", "false", "no":
		return
	}
	if _, err := b.Core(); err != nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	b.safety.cancel, b.safety.done = cancel, make(chan struct{})
	go func() {
		defer close(b.safety.done)
		t := time.NewTicker(DailyBackupCheck)
		defer t.Stop()
		for {
			if _, err := b.DailyBackupIfDue(ctx); err != nil {
				log.Printf("kembang: daily backup: %v", err)
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
}

func (b *Backend) stopDailyBackup() {
	if b.safety.cancel != nil {
		b.safety.cancel()
		<-b.safety.done
		b.safety.cancel = nil
	}
}

// DailyBackupIfDue makes a daily backup when the newest one is older than a
// day (or there is none) and the workspace has employees. It returns the
// backup made, nil when none was due.
func (b *Backend) DailyBackupIfDue(ctx context.Context) (*store.BackupInfo, error) {
	b.safety.mu.Lock()
	defer b.safety.mu.Unlock()
	c, err := b.Core()
	if err != nil {
		return nil, err
	}
	last, ok, err := store.LastBackup(b.dataDir, store.BackupDaily)
	if err != nil {
		return nil, err
	}
	if ok && c.Store.Now().Sub(last.CreatedAt) < 24*time.Hour {
		return nil, nil
	}
	if empty, err := c.IsEmpty(ctx); err != nil || empty {
		return nil, err
	}
	made, err := c.DailyBackup(ctx)
	b.safety.last, b.safety.lastEr = &made, err
	if err != nil {
		return nil, err
	}
	return &made, nil
}

// restore replaces the workspace's database with the backup at path: it
// refuses a damaged or newer backup before touching anything, then stops
// sync and the background jobs, closes the database, lets store.Restore
// copy the current file to backups/ and swap the new one in atomically,
// and opens it again (migrating it when it is older).
func (b *Backend) restore(path string) (RestoreResult, error) {
	ctx := b.context()
	if err := store.CheckBackupFile(ctx, path); err != nil {
		return RestoreResult{}, err
	}
	b.safety.mu.Lock()
	defer b.safety.mu.Unlock()
	b.StopSync()
	b.jobs.wait()
	b.planJobs.wg.Wait()
	defer func() {
		if err := b.StartSync(); err != nil {
			log.Printf("kembang: automatic sync not restarted: %v", err)
		}
		if b.safety.cancel == nil { // recovered from a damaged database
			b.startDailyBackup()
		}
	}()
	b.mu.Lock()
	defer b.mu.Unlock()
	cfg := store.Config{Dir: b.dataDir}
	switch {
	case b.core != nil:
		st := b.core.Store
		cfg = store.Config{Dir: b.dataDir, Now: st.Now, NewID: st.NewID, Actor: st.Actor, Secrets: st.Secrets}
		if err := b.core.Close(); err != nil {
			log.Printf("kembang: close before restore: %v", err)
		}
		b.core = nil
	case !domain.IsCode(b.startupErr, domain.CodeDBCorrupt):
		// Locked by another Kembang or written by a newer one: not ours to replace.
		return RestoreResult{}, b.startupErr
	}
	before, _ := store.ListBackups(b.dataDir)
	b.sync.mu.Lock()
	b.sync.client = nil // bound to the closed store
	b.sync.mu.Unlock()
	restoreErr := store.Restore(ctx, cfg, path)
	c, err := core.Open(ctx, cfg)
	if err != nil {
		b.startupErr = err
		if restoreErr != nil {
			return RestoreResult{}, restoreErr
		}
		return RestoreResult{}, err
	}
	b.core, b.startupErr = c, nil
	if restoreErr != nil {
		return RestoreResult{}, restoreErr
	}
	res := RestoreResult{}
	after, _ := store.ListBackups(b.dataDir)
	for _, x := range after {
		if x.Kind == store.BackupPreRestore && !listed(before, x.Name) {
			res.SafetyCopy = x.Name
			break
		}
	}
	if rep, err := c.Store.Check(ctx); err == nil {
		res.SchemaVersion = rep.SchemaVersion
		res.Employees = rep.Counts["employees"]
	}
	return res, nil
}

// restorable reports whether the workspace failed to open because its
// database is damaged: then the backups can still be listed and restored
// (the damaged file is copied to backups first, byte for byte).
func (b *Backend) restorable() bool {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.core == nil && domain.IsCode(b.startupErr, domain.CodeDBCorrupt)
}

func listed(list []store.BackupInfo, name string) bool {
	for _, b := range list {
		if b.Name == name {
			return true
		}
	}
	return false
}

// BackupService lists, makes and restores backups (docs/API.md, "BackupService").
type BackupService struct{ b *Backend }

// BackupOverview is the backups screen.
type BackupOverview struct {
	Dir     string             `json:"dir"` // the backups folder
	Keep    int                `json:"keep"`
	Backups []store.BackupInfo `json:"backups"` // newest first
	// LastDaily is the newest daily backup's time; nil when there is none.
	LastDaily *time.Time `json:"lastDaily"`
	// LastError is why the last automatic backup failed, if it did.
	LastError *ErrorDTO `json:"lastError"`
}

// RestoreResult says what a restore did.
type RestoreResult struct {
	SafetyCopy    string `json:"safetyCopy"` // name of the copy of the replaced database in backups
	SchemaVersion string `json:"schemaVersion"`
	Employees     int64  `json:"employees"` // rows in the restored database, tombstones included
}

// List returns the backups, newest first, with the rotation setting.
func (s *BackupService) List() (BackupOverview, error) {
	set := core.DefaultBackupSettings()
	c, err := s.b.Core()
	switch {
	case err == nil:
		if set, err = c.BackupSettings(s.b.context()); err != nil {
			return BackupOverview{}, err
		}
	case !s.b.restorable():
		return BackupOverview{}, err
	}
	list, err := store.ListBackups(s.b.dataDir)
	if err != nil {
		return BackupOverview{}, err
	}
	o := BackupOverview{Dir: store.BackupsDir(s.b.dataDir), Keep: set.Keep, Backups: list}
	for _, x := range list {
		if x.Kind == store.BackupDaily {
			t := x.CreatedAt
			o.LastDaily = &t
			break
		}
	}
	s.b.safety.mu.Lock()
	o.LastError = toDTO(s.b.safety.lastEr)
	s.b.safety.mu.Unlock()
	return o, nil
}

// Create makes a manual backup in the backups folder.
func (s *BackupService) Create() (store.BackupInfo, error) {
	s.b.safety.mu.Lock()
	defer s.b.safety.mu.Unlock()
	c, err := s.b.Core()
	if err != nil {
		return store.BackupInfo{}, err
	}
	return c.Store.MakeBackup(s.b.context(), store.BackupManual, 0)
}

// CreateInFolder asks for a folder (a USB drive) and writes a backup there
// as kembang-cadangan-<date>-<time>.db. It returns the file's path, "" when
// the user cancelled.
func (s *BackupService) CreateInFolder() (string, error) {
	if _, err := s.b.Core(); err != nil {
		return "", err
	}
	ctx := s.b.context()
	dir, err := s.b.picker().ChooseFolder(ctx, "Kembang")
	if err != nil || dir == "" {
		return "", err
	}
	s.b.safety.mu.Lock()
	defer s.b.safety.mu.Unlock()
	c, err := s.b.Core()
	if err != nil {
		return "", err
	}
	dest := filepath.Join(dir, "kembang-cadangan-"+c.Store.Now().Format("20060102-150405")+".db")
	return dest, c.Store.Backup(ctx, dest)
}

// Restore restores a backup of the list by its file name. It also works
// when the workspace did not open because its database is damaged
// (db.corrupt), which is how the startup screen recovers. The current
// database is first copied to backups (kind pre-restore). Errors:
// backup.not_found, backup.corrupt, backup.newer (nothing changed then),
// db.backup_failed (the copy of the current database failed; nothing changed).
func (s *BackupService) Restore(name string) (RestoreResult, error) {
	if _, err := s.b.Core(); err != nil && !s.b.restorable() {
		return RestoreResult{}, err
	}
	b, err := store.FindBackup(s.b.dataDir, name)
	if err != nil {
		return RestoreResult{}, err
	}
	return s.b.restore(b.Path)
}

// RestoreFile asks for a backup file (from a USB drive) and restores it
// like Restore. A zero result with no error means the user cancelled.
func (s *BackupService) RestoreFile() (RestoreResult, error) {
	if _, err := s.b.Core(); err != nil && !s.b.restorable() {
		return RestoreResult{}, err
	}
	path, err := s.b.picker().ChooseFile(s.b.context(), "Kembang", "*.db")
	if err != nil || path == "" {
		return RestoreResult{}, err
	}
	return s.b.restore(path)
}

// SetKeep sets how many daily backups the rotation keeps (1–365).
func (s *BackupService) SetKeep(keep int) (core.BackupSettings, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.BackupSettings{}, err
	}
	return c.SaveBackupSettings(s.b.context(), core.BackupSettings{Keep: keep})
}
