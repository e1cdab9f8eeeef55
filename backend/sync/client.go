// Package sync is the laptop side of SYNC.md: enrolment, the push-then-pull
// round, applying pulled pages, backoff, status and the sync issues list.
package sync

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	gosync "sync"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/store"
	"kembang/backend/syncproto"
)

// Settings keys (local, never synced).
const (
	SettingServerURL = "sync.server_url"
	SettingDeviceID  = "sync.device_id"
	// SettingCredential is a secret (store.GetSecret): sealed by the
	// Windows user's DPAPI.
	SettingCredential = "sync.credential"
	SettingCursor     = "sync.cursor"
	// SettingResnapshot "1" marks a snapshot after 410 reset_required that
	// has not finished yet (see reconcile).
	SettingResnapshot  = "sync.resnapshot"
	SettingLastSuccess = "sync.last_success"
	SettingLastError   = "sync.last_error"
	// SettingAllowHTTP "true" lets the client talk plain HTTP to a host
	// that is not loopback (a closed office network without TLS).
	SettingAllowHTTP = "sync.allow_http"
)

// States shown to the user.
const (
	StateNotEnrolled = "not_enrolled"
	StateIdle        = "idle"
	StateSyncing     = "syncing"
	StateOffline     = "offline"
	StateError       = "error"
)

// RequestTimeout bounds every request.
const RequestTimeout = 60 * time.Second

// Hooks let tests observe and interrupt page handling.
type Hooks struct {
	// BeforePageCommit runs inside the local transaction that stores a
	// pulled page and its cursor; an error rolls both back, as a crash
	// between applying the page and saving the cursor would.
	BeforePageCommit func(prev, next string, changes []syncproto.Change) error
	// AfterPage runs after a page and its cursor were committed.
	AfterPage func(prev, next string, changes []syncproto.Change)
}

// Client syncs one laptop database with the server.
type Client struct {
	Store  *store.Store
	HTTP   *http.Client
	Now    func() time.Time
	Jitter func() float64 // in [0,1)
	Logger *slog.Logger
	Hooks  Hooks

	round   gosync.Mutex // one round at a time
	mu      gosync.Mutex
	state   string
	trigger chan struct{}
}

// New prepares the client's tables in st.
func New(ctx context.Context, st *store.Store) (*Client, error) {
	if err := migrate(st.DB.WithContext(ctx)); err != nil {
		return nil, err
	}
	// Seal secrets stored before they were protected, now rather than at
	// the next round. One that cannot be read is reported by Status.
	for _, k := range []string{SettingCredential, SettingDeviceKey} {
		_, _, _ = st.GetSecret(ctx, k)
	}
	return &Client{
		Store:   st,
		HTTP:    &http.Client{Timeout: RequestTimeout},
		Now:     time.Now,
		Jitter:  rand.Float64,
		Logger:  slog.New(slog.NewTextHandler(io.Discard, nil)),
		state:   StateIdle,
		trigger: make(chan struct{}, 1),
	}, nil
}

func (c *Client) setting(ctx context.Context, key string) string {
	v, _, _ := c.Store.GetSetting(ctx, key)
	return v
}

// secret reads a secret setting; one that exists but cannot be read by
// this Windows user on this computer is sync.reenrol_required.
func (c *Client) secret(ctx context.Context, key string) (string, error) {
	v, _, err := c.Store.GetSecret(ctx, key)
	if store.IsSecretUnreadable(err) {
		return "", domain.E(syncproto.CodeReenrolRequired, "sync.secret", err, "setting", key)
	}
	return v, err
}

// CheckServerURL refuses plain HTTP to a host that is not loopback unless
// allowHTTP; HTTPS is always accepted.
func CheckServerURL(raw string, allowHTTP bool) (*url.URL, error) {
	const op = "sync.server_url"
	u, err := url.Parse(strings.TrimRight(raw, "/"))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, domain.E(domain.CodeInvalid, op, err, "field", "server", "value", raw)
	}
	if u.Scheme == "http" && !allowHTTP && !isLoopback(u.Hostname()) {
		return nil, domain.E(syncproto.CodeInsecureServer, op, nil, "host", u.Hostname())
	}
	return u, nil
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Enrol exchanges a one-time code for this laptop's credential, makes the
// server's office the local office and keeps the server address.
func (c *Client) Enrol(ctx context.Context, serverURL, code, deviceName string, allowHTTP bool) (*syncproto.EnrolResponse, error) {
	u, err := CheckServerURL(serverURL, allowHTTP)
	if err != nil {
		return nil, err
	}
	devCode, err := core.DeviceCode(ctx, c.Store)
	if err != nil {
		return nil, err
	}
	req := &syncproto.EnrolRequest{Code: code, DeviceName: deviceName, DeviceCode: devCode, PreviousDeviceID: c.setting(ctx, SettingDeviceID)}
	var resp syncproto.EnrolResponse
	if err := c.do(ctx, u.String(), "", http.MethodPost, syncproto.PathEnrol, req, &resp); err != nil {
		if domain.IsCode(err, syncproto.CodeDeviceCodeTaken) {
			// The code is the laptop's own setting: say which.
			return nil, domain.E(syncproto.CodeDeviceCodeTaken, "sync.enrol", err, "deviceCode", devCode)
		}
		return nil, err
	}
	if resp.Office.ID == "" || resp.DeviceID == "" || resp.Credential == "" {
		return nil, domain.E(syncproto.CodeProtocolInvalid, "sync.enrol", nil)
	}
	if err := c.Store.AdoptOffice(ctx, domain.Office{SyncMeta: domain.SyncMeta{ID: resp.Office.ID, Version: 1, UpdatedAt: c.Now().UTC()},
		Code: resp.Office.Code, Name: resp.Office.Name}); err != nil {
		return nil, err
	}
	credential, err := c.Store.SealSecret(resp.Credential)
	if err != nil {
		return nil, err
	}
	values := map[string]string{
		SettingServerURL: u.String(), SettingDeviceID: resp.DeviceID, SettingCredential: credential,
		SettingCursor: "", SettingResnapshot: "", SettingAllowHTTP: fmt.Sprint(allowHTTP), SettingLastError: "",
	}
	if _, err := c.secret(ctx, SettingDeviceKey); err != nil {
		// A device key this user cannot read (the reason for enrolling
		// again): a new one is made on the next bundle, bound to the new
		// credential.
		values[SettingDeviceKey] = ""
	}
	for k, v := range values {
		if err := c.Store.SetSetting(ctx, k, v); err != nil {
			return nil, err
		}
	}
	c.setState(StateIdle) // an error of the old enrolment is over
	return &resp, nil
}

// Status is what the user sees.
type Status struct {
	State       string     `json:"state"`
	Server      string     `json:"server"`
	DeviceID    string     `json:"deviceId"`
	LastSuccess *time.Time `json:"lastSuccess"`
	Pending     int64      `json:"pending"`
	LastError   string     `json:"lastError"` // an error code, "" after a successful round
	Issues      int64      `json:"issues"`    // open sync issues
}

// Status reports the state, the last successful sync, pending mutations,
// the last error and the number of open issues.
func (c *Client) Status(ctx context.Context) (Status, error) {
	st := Status{Server: c.setting(ctx, SettingServerURL), DeviceID: c.setting(ctx, SettingDeviceID), LastError: c.setting(ctx, SettingLastError)}
	c.mu.Lock()
	st.State = c.state
	c.mu.Unlock()
	if st.Server == "" {
		st.State = StateNotEnrolled
	} else if _, err := c.secret(ctx, SettingCredential); domain.IsCode(err, syncproto.CodeReenrolRequired) {
		// Said at once, not only after the next round fails.
		st.State, st.LastError = StateError, syncproto.CodeReenrolRequired
	}
	if t, err := time.Parse(time.RFC3339Nano, c.setting(ctx, SettingLastSuccess)); err == nil {
		st.LastSuccess = &t
	}
	var err error
	if st.Pending, err = c.Store.CountOutbox(ctx); err != nil {
		return st, err
	}
	err = c.Store.DB.WithContext(ctx).Model(&Issue{}).Where("NOT dismissed").Count(&st.Issues).Error
	return st, err
}

// Issues lists the sync issues, newest first.
func (c *Client) Issues(ctx context.Context, includeDismissed bool) ([]Issue, error) {
	q := c.Store.DB.WithContext(ctx).Order("created_at DESC, id")
	if !includeDismissed {
		q = q.Where("NOT dismissed")
	}
	var out []Issue
	err := q.Find(&out).Error
	return out, err
}

// DismissIssue hides an issue the user has dealt with.
func (c *Client) DismissIssue(ctx context.Context, id string) error {
	return c.Store.DB.WithContext(ctx).Model(&Issue{}).Where("id = ?", id).Update("dismissed", true).Error
}

func (c *Client) setState(s string) {
	c.mu.Lock()
	c.state = s
	c.mu.Unlock()
}

// httpError is a non-2xx answer.
type httpError struct {
	status int
	code   string
}

func (e *httpError) Error() string { return fmt.Sprintf("HTTP %d %s", e.status, e.code) }

// do sends one JSON request (gzip-compressed) and decodes the answer.
func (c *Client) do(ctx context.Context, base, credential, method, path string, in, out any) error {
	op := "sync.request"
	var body io.Reader
	if in != nil {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		if err := json.NewEncoder(zw).Encode(in); err != nil {
			return domain.E(domain.CodeInternal, op, err)
		}
		if err := zw.Close(); err != nil {
			return domain.E(domain.CodeInternal, op, err)
		}
		body = &buf
	}
	ctx, cancel := context.WithTimeout(ctx, RequestTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, base+path, body)
	if err != nil {
		return domain.E(domain.CodeInternal, op, err)
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Content-Encoding", "gzip")
	}
	if credential != "" {
		req.Header.Set("Authorization", "Bearer "+credential)
	}
	req.Header.Set(syncproto.HeaderProtocol, strconv.Itoa(syncproto.ProtocolVersion))
	if path == syncproto.PathPush {
		if cur, err := syncproto.PeekCursor(c.setting(ctx, SettingCursor)); err == nil && cur.Epoch != "" {
			req.Header.Set(syncproto.HeaderEpoch, cur.Epoch)
		}
	}
	setPendingHeader(req)
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return domain.E(syncproto.CodeServerOffline, op, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		var e syncproto.Error
		_ = json.NewDecoder(io.LimitReader(resp.Body, 64<<10)).Decode(&e)
		code := e.Code
		switch {
		case resp.StatusCode == http.StatusUnauthorized:
			code = syncproto.CodeUnauthorized
		case resp.StatusCode == http.StatusGone:
			code = syncproto.CodeResetRequired
		case resp.StatusCode >= 500:
			code = syncproto.CodeServerError
		case code == "":
			code = syncproto.CodeProtocolInvalid
		}
		return domain.E(code, op, &httpError{resp.StatusCode, e.Code}, "status", resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		// A cut answer: the request may have been applied; the next round
		// sends it again and the server answers "duplicate".
		return domain.E(syncproto.CodeServerOffline, op, err)
	}
	return nil
}

// upsertSetting writes a setting inside a transaction of the client.
func upsertSetting(tx *gorm.DB, key, value string) error {
	type setting struct {
		Key   string `gorm:"primaryKey;column:key"`
		Value string `gorm:"column:value"`
	}
	return tx.Table("settings").Clauses(clause.OnConflict{
		Columns: []clause.Column{{Name: "key"}}, DoUpdates: clause.AssignmentColumns([]string{"value"}),
	}).Create(&setting{Key: key, Value: value}).Error
}

// Backoff is the wait before retry attempt n (1, 2, …): exponential from 2 s,
// capped at 5 minutes, with jitter in [d/2, d) so laptops that lost the
// server together do not come back together.
func Backoff(attempt int, jitter float64) time.Duration {
	d := 2 * time.Second
	for i := 1; i < attempt && d < 5*time.Minute; i++ {
		d *= 2
	}
	d = min(d, 5*time.Minute)
	return d/2 + time.Duration(jitter*float64(d/2))
}

// isCode reports whether err carries one of codes.
func isCode(err error, codes ...string) bool {
	var e *domain.Error
	if !errors.As(err, &e) {
		return false
	}
	for _, c := range codes {
		if e.Code == c {
			return true
		}
	}
	return false
}
