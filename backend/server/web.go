package server

import (
	"context"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"kembang/backend/server/readmodel"
	"kembang/backend/syncproto"
)

// What the central web dashboard (package server/web) needs from the
// server: a way to mount its pages, a serialised write transaction, the
// client address, and the devices' last activity.

// CodeRateLimited answers a client that sent too many requests.
const CodeRateLimited = "rate_limited"

// VerifyRatePerMinute is how many public verifications one address may
// make per minute on one instance.
const VerifyRatePerMinute = 30

// PendingHeader is the optional request header in which a laptop reports
// how many mutations wait in its outbox.
const PendingHeader = syncproto.HeaderPending

type mount struct {
	name, pattern string
	h             http.Handler
}

// webState is the web dashboard's part of Server.
type webState struct {
	mu     sync.Mutex
	mounts []mount
	seen   map[string]time.Time // device|route → last recorded
}

// Mount adds a handler to the HTTP API (before Handler is called), with
// the same logging, metrics, timeout and body limit as the sync routes.
func (s *Server) Mount(name, pattern string, h http.Handler) {
	s.web.mu.Lock()
	s.web.mounts = append(s.web.mounts, mount{name, pattern, h})
	s.web.mu.Unlock()
}

func (s *Server) mountAll(mux *http.ServeMux) {
	s.web.mu.Lock()
	defer s.web.mu.Unlock()
	for _, m := range s.web.mounts {
		mux.Handle(m.pattern, s.route(m.name, m.h.ServeHTTP))
	}
}

// WriteTx runs fn in one transaction, queued behind the sync writers on
// SQLite (see writeMu); PostgreSQL needs no queue.
func (s *Server) WriteTx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	if !s.postgres() {
		s.writeMu.Lock()
		defer s.writeMu.Unlock()
	}
	return s.DB.WithContext(ctx).Transaction(fn)
}

// Postgres reports whether the server runs on PostgreSQL.
func (s *Server) Postgres() bool { return s.postgres() }

// ClientIP is the address a request came from: the connection's, or the
// first X-Forwarded-For address when TrustProxy is set.
func (s *Server) ClientIP(r *http.Request) string {
	if s.TrustProxy {
		if f := r.Header.Get("X-Forwarded-For"); f != "" {
			ip, _, _ := strings.Cut(f, ",")
			if ip = strings.TrimSpace(ip); net.ParseIP(ip) != nil {
				return ip
			}
		}
	}
	return clientIP(r)
}

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// DeviceSeen is a device's last activity.
type DeviceSeen struct {
	DeviceID   string     `json:"deviceId"`
	LastPushAt *time.Time `json:"lastPushAt"`
	LastPullAt *time.Time `json:"lastPullAt"`
	Pending    *int       `json:"pending"` // nil when the laptop did not say
}

func (DeviceSeen) TableName() string { return "device_seen" }

// DevicesSeen returns the last activity of every device that synced.
func (s *Server) DevicesSeen(ctx context.Context) (map[string]DeviceSeen, error) {
	var rows []DeviceSeen
	if err := s.DB.WithContext(ctx).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[string]DeviceSeen, len(rows))
	for _, r := range rows {
		out[r.DeviceID] = r
	}
	return out, nil
}

// seenEvery is how often one device's activity is written at most.
const seenEvery = 30 * time.Second

// noteSeen records that dev pushed or pulled (route "push" or "pull"), at
// most every seenEvery per device and route, so a laptop paging through a
// snapshot does not write a row per page.
func (s *Server) noteSeen(r *http.Request, dev *deviceRow, route string) {
	now := s.now()
	key := dev.ID + "|" + route
	s.web.mu.Lock()
	if s.web.seen == nil {
		s.web.seen = map[string]time.Time{}
	}
	last, ok := s.web.seen[key]
	if ok && now.Sub(last) < seenEvery {
		s.web.mu.Unlock()
		return
	}
	s.web.seen[key] = now
	s.web.mu.Unlock()
	row := DeviceSeen{DeviceID: dev.ID}
	cols := []string{}
	if route == "push" {
		row.LastPushAt, cols = &now, append(cols, "last_push_at")
	} else {
		row.LastPullAt, cols = &now, append(cols, "last_pull_at")
	}
	if p, err := strconv.Atoi(r.Header.Get(PendingHeader)); err == nil && p >= 0 {
		row.Pending, cols = &p, append(cols, "pending")
	}
	err := s.WriteTx(context.WithoutCancel(r.Context()), func(tx *gorm.DB) error {
		return tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "device_id"}}, DoUpdates: clause.AssignmentColumns(cols)}).
			Create(&row).Error
	})
	if err != nil {
		s.Logger.Warn("device activity not recorded", "device", dev.ID, "err", err)
	}
}

// rateLimiter is a fixed-window counter per key, in memory (per
// instance): enough to make scraping the public verification page slow.
type rateLimiter struct {
	mu     sync.Mutex
	limit  int
	window time.Duration
	counts map[string]*window
}

type window struct {
	start time.Time
	n     int
}

func newRateLimiter(limit int, per time.Duration) *rateLimiter {
	return &rateLimiter{limit: limit, window: per, counts: map[string]*window{}}
}

func (l *rateLimiter) allow(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.counts) > 100_000 {
		for k, w := range l.counts {
			if now.Sub(w.start) >= l.window {
				delete(l.counts, k)
			}
		}
	}
	w, ok := l.counts[key]
	if !ok || now.Sub(w.start) >= l.window {
		l.counts[key] = &window{start: now, n: 1}
		return true
	}
	if w.n >= l.limit {
		return false
	}
	w.n++
	return true
}

// AllowVerify spends one public verification of the address ip.
func (s *Server) AllowVerify(ip string) bool { return s.verifyLimit.allow(ip, s.Now()) }

// RebuildReadModel recomputes the dashboards' read model from the stored
// changes, in one transaction.
func (s *Server) RebuildReadModel(ctx context.Context) error {
	return s.seqTx(ctx, func(tx *gorm.DB, _ func() int64) error { return readmodel.Rebuild(tx) })
}
