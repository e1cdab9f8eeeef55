package desktop

import (
	"context"
	"os"
	"strings"
	"sync"
	"time"

	"kembang/backend/domain"
	ksync "kembang/backend/sync"
)

// DefaultSyncInterval is the pause between automatic sync rounds while the
// server answers (failures retry sooner, with backoff; see sync.Run).
const DefaultSyncInterval = 5 * time.Minute

// EnvSyncInterval overrides the automatic sync interval (a Go duration such
// as "2m"); "0" or "off" turns automatic sync off, leaving "Sync now".
const EnvSyncInterval = "KEMBANG_SYNC_INTERVAL"

// syncRunner owns the laptop's sync client and its background loop. The
// client is made on first use (it adds its own tables to the database), so
// a workspace that never enrols is never touched by sync.
type syncRunner struct {
	mu       sync.Mutex
	client   *ksync.Client
	interval time.Duration // 0: no automatic loop
	cancel   context.CancelFunc
	done     chan struct{}
}

func syncIntervalFromEnv() time.Duration {
	v := strings.TrimSpace(os.Getenv(EnvSyncInterval))
	switch strings.ToLower(v) {
	case "":
		return DefaultSyncInterval
	case "0", "off", "false", "no":
		return 0
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		return DefaultSyncInterval
	}
	return d
}

// syncClient returns the workspace's sync client, making it on first use.
func (b *Backend) syncClient() (*ksync.Client, error) {
	c, err := b.Core()
	if err != nil {
		return nil, err
	}
	b.sync.mu.Lock()
	defer b.sync.mu.Unlock()
	if b.sync.client == nil {
		cl, err := ksync.New(b.context(), c.Store)
		if err != nil {
			return nil, err
		}
		b.sync.client = cl
	}
	return b.sync.client, nil
}

// enrolled reports whether the workspace has a sync server, without making
// the client.
func (b *Backend) enrolled() bool {
	c, err := b.Core()
	if err != nil {
		return false
	}
	v, _, err := c.Store.GetSetting(b.context(), ksync.SettingServerURL)
	return err == nil && v != ""
}

// StartSync starts the automatic sync loop when the workspace is open, the
// laptop is enrolled and the interval is not zero. It does nothing when the
// loop already runs. NewBackend calls it; so does a successful Enrol.
func (b *Backend) StartSync() error {
	if !b.enrolled() {
		return nil
	}
	b.sync.mu.Lock()
	interval, running := b.sync.interval, b.sync.cancel != nil
	b.sync.mu.Unlock()
	if interval <= 0 || running {
		return nil
	}
	cl, err := b.syncClient()
	if err != nil {
		return err
	}
	b.sync.mu.Lock()
	defer b.sync.mu.Unlock()
	if b.sync.cancel != nil {
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	b.sync.cancel, b.sync.done = cancel, done
	go func() {
		defer close(done)
		cl.Run(ctx, interval)
	}()
	return nil
}

// StopSync stops the automatic loop and waits for a running round to end
// (a round cut short resumes on the next start; nothing is lost).
func (b *Backend) StopSync() {
	b.sync.mu.Lock()
	cancel, done := b.sync.cancel, b.sync.done
	b.sync.cancel, b.sync.done = nil, nil
	b.sync.mu.Unlock()
	if cancel != nil {
		cancel()
		<-done
	}
}

// SetSyncInterval changes the automatic sync interval; 0 turns the loop
// off. A running loop is restarted with the new interval.
func (b *Backend) SetSyncInterval(d time.Duration) error {
	b.StopSync()
	b.sync.mu.Lock()
	b.sync.interval = max(d, 0)
	b.sync.mu.Unlock()
	return b.StartSync()
}

func (b *Backend) syncRunning() bool {
	b.sync.mu.Lock()
	defer b.sync.mu.Unlock()
	return b.sync.cancel != nil
}

// SyncService is the laptop side of sync for the UI: status, enrolment,
// "Sync now" and the sync issues list (SYNC.md, "What the user sees").
type SyncService struct{ b *Backend }

// SyncStatus is what the top bar and the sync dialog show.
type SyncStatus struct {
	// State is not_enrolled, idle, syncing, offline or error.
	State       string     `json:"state"`
	Server      string     `json:"server"`
	DeviceID    string     `json:"deviceId"`
	LastSuccess *time.Time `json:"lastSuccess"`
	// Pending counts the local changes this version sends and the server
	// has not accepted yet.
	Pending int64 `json:"pending"`
	// Held counts local changes of kinds this version does not sync yet
	// (training, plans, …): they stay queued for a later version, so they
	// are not "waiting to be sent" in the pill.
	Held int64 `json:"held"`
	// LastError is the error code of the last failed round ("" after a
	// successful one).
	LastError string `json:"lastError"`
	// Issues counts the open (not dismissed) sync issues.
	Issues int64 `json:"issues"`
	// Auto is true while the automatic loop runs.
	Auto bool `json:"auto"`
	// DeviceName suggests a name for this laptop in the enrolment form.
	DeviceName string `json:"deviceName"`
	// ByFile is true for a laptop enrolled by sync file (USB drive) and not
	// online: LastSuccess is then its last imported return file.
	ByFile bool `json:"byFile"`
}

// SyncIssue is a mutation the server refused, or a field changed on two
// laptops (both values, both devices; Yours won, being later).
type SyncIssue struct {
	ID           string    `json:"id"`
	CreatedAt    time.Time `json:"createdAt"`
	Kind         string    `json:"kind"` // rejected or conflict
	Entity       string    `json:"entity"`
	EntityID     string    `json:"entityId"`
	Code         string    `json:"code"`
	Field        string    `json:"field"`
	Yours        string    `json:"yours"`  // JSON
	Theirs       string    `json:"theirs"` // JSON, "" when unknown
	YoursDevice  string    `json:"yoursDevice"`
	TheirsDevice string    `json:"theirsDevice"`
	Dismissed    bool      `json:"dismissed"`
}

// Status reports the sync state; never fails for a workspace that is open.
func (s *SyncService) Status() (SyncStatus, error) {
	cl, err := s.b.syncClient()
	if err != nil {
		return SyncStatus{}, err
	}
	st, err := cl.Status(s.b.context())
	if err != nil {
		return SyncStatus{}, err
	}
	out := SyncStatus{State: st.State, Server: st.Server, DeviceID: st.DeviceID, LastSuccess: st.LastSuccess,
		Pending: st.Pending, LastError: st.LastError, Issues: st.Issues, Auto: s.b.syncRunning()}
	c, err := s.b.Core()
	if err != nil {
		return SyncStatus{}, err
	}
	var sendable int64
	if err := c.Store.DB.WithContext(s.b.context()).Model(&domain.OutboxEntry{}).
		Where("entity IN ?", ksync.SyncedEntities).Count(&sendable).Error; err != nil {
		return SyncStatus{}, domain.E(domain.CodeInternal, "sync.status", err)
	}
	out.Pending, out.Held = sendable, max(st.Pending-sendable, 0)
	if out.State == ksync.StateNotEnrolled {
		out.DeviceName, _ = os.Hostname()
		out.ByFile = st.DeviceID != ""
	}
	return out, nil
}

// Enrol exchanges a one-time enrolment code for this laptop's credential,
// then starts the automatic sync. allowHTTP permits plain http:// to a host
// other than this computer (a closed office network without TLS).
func (s *SyncService) Enrol(serverURL, code, deviceName string, allowHTTP bool) (SyncStatus, error) {
	if _, err := s.b.Core(); err != nil {
		return SyncStatus{}, err
	}
	serverURL, code, deviceName = strings.TrimSpace(serverURL), strings.TrimSpace(code), strings.TrimSpace(deviceName)
	var fe domain.FieldErrors
	if serverURL == "" {
		fe = append(fe, domain.FieldError{Field: "server", Code: domain.CodeRequired})
	}
	if code == "" {
		fe = append(fe, domain.FieldError{Field: "code", Code: domain.CodeRequired})
	}
	if len(fe) > 0 {
		return SyncStatus{}, fe
	}
	if _, err := ksync.CheckServerURL(serverURL, allowHTTP); err != nil {
		return SyncStatus{}, err
	}
	if deviceName == "" {
		deviceName, _ = os.Hostname()
	}
	cl, err := s.b.syncClient()
	if err != nil {
		return SyncStatus{}, err
	}
	// A running loop (re-enrolment) must not sync with the old credential.
	s.b.StopSync()
	if _, err := cl.Enrol(s.b.context(), serverURL, code, deviceName, allowHTTP); err != nil {
		_ = s.b.StartSync()
		return SyncStatus{}, err
	}
	if err := s.b.StartSync(); err != nil {
		return SyncStatus{}, err
	}
	return s.Status()
}

// SyncNow runs one round (push, then pull) at once and returns the status
// after it. A failed round is not an error of the call: its code is in
// LastError and the state says offline or error.
func (s *SyncService) SyncNow() (SyncStatus, error) {
	cl, err := s.b.syncClient()
	if err != nil {
		return SyncStatus{}, err
	}
	if _, err := cl.SyncOnce(s.b.context()); err != nil && domain.ErrorCode(err) == domain.CodeInternal {
		return SyncStatus{}, err
	}
	return s.Status()
}

// Issues lists the sync issues, newest first; dismissed ones only when asked.
func (s *SyncService) Issues(includeDismissed bool) ([]SyncIssue, error) {
	cl, err := s.b.syncClient()
	if err != nil {
		return nil, err
	}
	is, err := cl.Issues(s.b.context(), includeDismissed)
	if err != nil {
		return nil, domain.E(domain.CodeInternal, "sync.issues", err)
	}
	out := make([]SyncIssue, len(is))
	for i, x := range is {
		out[i] = SyncIssue{ID: x.ID, CreatedAt: x.CreatedAt, Kind: x.Kind, Entity: x.Entity, EntityID: x.EntityID,
			Code: x.Code, Field: x.Field, Yours: x.Yours, Theirs: x.Theirs, YoursDevice: x.YoursDevice,
			TheirsDevice: x.TheirsDevice, Dismissed: x.Dismissed}
	}
	return out, nil
}

// DismissIssue hides an issue the user has dealt with.
func (s *SyncService) DismissIssue(id string) error {
	if _, err := s.b.Core(); err != nil {
		return err
	}
	if strings.TrimSpace(id) == "" {
		return domain.E(domain.CodeInvalid, "sync.dismiss", nil, "field", "id")
	}
	cl, err := s.b.syncClient()
	if err != nil {
		return err
	}
	if err := cl.DismissIssue(s.b.context(), id); err != nil {
		return domain.E(domain.CodeInternal, "sync.dismiss", err)
	}
	return nil
}
