package server

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"kembang/backend/syncproto"
)

// RequestTimeout bounds the database work of one request.
const RequestTimeout = 60 * time.Second

// Handler returns the HTTP API.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("POST "+syncproto.PathEnrol, s.route("enrol", s.handleEnrol))
	mux.Handle("POST "+syncproto.PathPush, s.route("push", s.authed(s.handlePush)))
	mux.Handle("GET "+syncproto.PathPull, s.route("pull", s.authed(s.handlePull)))
	mux.Handle("GET "+syncproto.PathHealthz, s.route("healthz", s.handleHealthz))
	mux.Handle("GET "+syncproto.PathMetrics, s.route("metrics", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4")
		s.metrics.write(w)
	}))
	mux.Handle("POST "+PathCertificateKey, s.route("certificate_key", s.authed(s.handleCertificateKey)))
	mux.Handle("GET "+PathVerify, s.route("verify", s.handleVerify))
	s.mountAll(mux)
	return mux
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// route adds logging, metrics, a timeout, a body limit and panic recovery.
func (s *Server) route(name string, h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := s.Now()
		sw := &statusWriter{ResponseWriter: w}
		ctx, cancel := context.WithTimeout(r.Context(), RequestTimeout)
		defer cancel()
		r = r.WithContext(ctx)
		r.Body = http.MaxBytesReader(sw, r.Body, syncproto.MaxRequestBytes)
		defer func() {
			if p := recover(); p != nil {
				s.Logger.Error("panic", "route", name, "panic", p)
				if sw.status == 0 {
					writeError(sw, http.StatusInternalServerError, syncproto.CodeServerError)
				}
			}
			d := s.Now().Sub(start)
			s.metrics.request(name, sw.status, d.Seconds())
			s.Logger.LogAttrs(ctx, slog.LevelInfo, "request", slog.String("route", name), slog.Int("status", sw.status),
				slog.Duration("duration", d), slog.String("remote", r.RemoteAddr))
		}()
		h(sw, r)
	})
}

type ctxKey struct{}

func (s *Server) authed(h func(http.ResponseWriter, *http.Request, *deviceRow)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		auth := r.Header.Get("Authorization")
		cred, ok := strings.CutPrefix(auth, "Bearer ")
		if !ok {
			writeError(w, http.StatusUnauthorized, syncproto.CodeUnauthorized)
			return
		}
		dev, err := s.Authenticate(r.Context(), cred)
		if errors.Is(err, errUnauthorized) {
			writeError(w, http.StatusUnauthorized, syncproto.CodeUnauthorized)
			return
		}
		if err != nil {
			s.internal(w, r, err)
			return
		}
		h(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, dev.ID)), dev)
	}
}

func writeError(w http.ResponseWriter, status int, code string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(syncproto.Error{Code: code})
}

func (s *Server) internal(w http.ResponseWriter, r *http.Request, err error) {
	s.Logger.Error("request failed", "path", r.URL.Path, "err", err)
	writeError(w, http.StatusInternalServerError, syncproto.CodeServerError)
}

// readJSON decodes a (possibly gzip-compressed) JSON body.
func readJSON(r *http.Request, v any) error {
	var body io.Reader = r.Body
	if strings.EqualFold(r.Header.Get("Content-Encoding"), "gzip") {
		zr, err := gzip.NewReader(r.Body)
		if err != nil {
			return err
		}
		defer zr.Close()
		body = io.LimitReader(zr, syncproto.MaxRequestBytes)
	}
	dec := json.NewDecoder(body)
	return dec.Decode(v)
}

// writeJSON answers v, gzip-compressed when the client accepts it.
func writeJSON(w http.ResponseWriter, r *http.Request, v any) {
	w.Header().Set("Content-Type", "application/json")
	if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		_ = json.NewEncoder(zw).Encode(v)
		_ = zw.Close()
		return
	}
	_ = json.NewEncoder(w).Encode(v)
}

func (s *Server) handleEnrol(w http.ResponseWriter, r *http.Request) {
	var req syncproto.EnrolRequest
	if err := readJSON(r, &req); err != nil {
		writeError(w, http.StatusBadRequest, syncproto.CodeBadRequest)
		return
	}
	resp, err := s.Enrol(r.Context(), &req)
	if errors.Is(err, errEnrolInvalid) {
		writeError(w, http.StatusForbidden, syncproto.CodeEnrolInvalid)
		return
	}
	if errors.Is(err, errBadDeviceCode) {
		writeError(w, http.StatusBadRequest, syncproto.CodeBadRequest)
		return
	}
	var taken *DeviceCodeTakenError
	if errors.As(err, &taken) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusConflict)
		_ = json.NewEncoder(w).Encode(syncproto.Error{Code: syncproto.CodeDeviceCodeTaken, Message: taken.Error()})
		return
	}
	if err != nil {
		s.internal(w, r, err)
		return
	}
	s.Logger.Info("device enrolled", "device", resp.DeviceID, "office", resp.Office.ID)
	writeJSON(w, r, resp)
}

// protocolOK refuses a request of another protocol version (an old client
// sends none) with 426 and CodeProtocolVersion, before anything is read or
// changed, so the client shows "update Kembang" and keeps its outbox.
func protocolOK(w http.ResponseWriter, r *http.Request) bool {
	if r.Header.Get(syncproto.HeaderProtocol) == strconv.Itoa(syncproto.ProtocolVersion) {
		return true
	}
	writeError(w, http.StatusUpgradeRequired, syncproto.CodeProtocolVersion)
	return false
}

func (s *Server) handlePush(w http.ResponseWriter, r *http.Request, dev *deviceRow) {
	if !protocolOK(w, r) {
		return
	}
	var req syncproto.PushRequest
	if err := readJSON(r, &req); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, syncproto.CodeBatchTooLarge)
			return
		}
		writeError(w, http.StatusBadRequest, syncproto.CodeBadRequest)
		return
	}
	if e := r.Header.Get(syncproto.HeaderEpoch); e != "" {
		epoch, err := meta(s.DB.WithContext(r.Context()), metaEpoch)
		if err != nil {
			s.internal(w, r, err)
			return
		}
		if e != epoch {
			writeError(w, http.StatusGone, syncproto.CodeResetRequired)
			return
		}
	}
	resp, err := s.Push(r.Context(), dev, &req)
	var bad *errBadRequest
	if errors.As(err, &bad) {
		writeError(w, http.StatusBadRequest, bad.code)
		return
	}
	if err != nil {
		s.internal(w, r, err)
		return
	}
	s.noteSeen(r, dev, "push")
	writeJSON(w, r, resp)
}

func (s *Server) handlePull(w http.ResponseWriter, r *http.Request, dev *deviceRow) {
	if !protocolOK(w, r) {
		return
	}
	resp, err := s.Pull(r.Context(), dev, r.URL.Query().Get("cursor"))
	var bad *errBadRequest
	switch {
	case errors.As(err, &bad):
		writeError(w, http.StatusBadRequest, bad.code)
	case errors.Is(err, errReset):
		writeError(w, http.StatusGone, syncproto.CodeResetRequired)
	case err != nil:
		s.internal(w, r, err)
	default:
		s.noteSeen(r, dev, "pull")
		writePage(w, r, resp)
	}
}

// gzipWriters are reused across answers: a gzip.Writer holds about a
// megabyte of compressor state.
var gzipWriters = sync.Pool{New: func() any { return gzip.NewWriter(io.Discard) }}

// writePage answers a pull page, gzip-compressed when the client accepts
// it, with its rows written as stored (PullPage.WriteTo).
func writePage(w http.ResponseWriter, r *http.Request, p *syncproto.PullPage) {
	w.Header().Set("Content-Type", "application/json")
	if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		_, _ = p.WriteTo(w)
		return
	}
	w.Header().Set("Content-Encoding", "gzip")
	zw := gzipWriters.Get().(*gzip.Writer)
	zw.Reset(w)
	_, _ = p.WriteTo(zw)
	_ = zw.Close()
	zw.Reset(io.Discard)
	gzipWriters.Put(zw)
}

func (s *Server) handleHealthz(w http.ResponseWriter, r *http.Request) {
	sqlDB, err := s.DB.DB()
	if err == nil {
		err = sqlDB.PingContext(r.Context())
	}
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, syncproto.CodeServerError)
		return
	}
	w.Header().Set("Content-Type", "text/plain")
	_, _ = io.WriteString(w, "ok\n")
}

// NewHTTPServer returns an http.Server for h with the timeouts a server on
// slow field links needs: headers must arrive quickly, bodies may be slow.
func NewHTTPServer(addr string, h http.Handler, log *slog.Logger) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}
