// Package web is the central server's web dashboard: server-rendered
// pages (html/template, embedded CSS, no JavaScript) for central users —
// offices and devices, the agency-wide JPM and gap heatmap, the training
// needs analysis, JP compliance, the competency framework, enrolment
// codes, certificate keys and revocations, the audit log — and the public
// certificate verification page.
//
// Security: passwords are argon2id hashes; sessions are server-side (only
// a hash of the id is stored), in HttpOnly SameSite=Lax cookies marked
// Secure behind TLS; a new session id is made at every login; every form
// that changes something carries a CSRF token (synchronizer token in the
// session, double-submit cookie on the login form) and must come from the
// same origin; logins are throttled per account and per address; admin
// actions go to an audit log.
//
// The dashboards read the read model (package readmodel) that the server
// keeps in step with every synced change.
package web

import (
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"net/url"
	"strings"
	"time"

	"kembang/backend/report"
	"kembang/backend/server"
)

//go:embed templates/*.html static/*
var assets embed.FS

// Options configure the dashboard.
type Options struct {
	// SecureCookies marks cookies Secure even without TLS seen by this
	// process (a TLS-terminating proxy without X-Forwarded-Proto).
	SecureCookies bool
	// JPTarget is the default yearly JP target (domain.DefaultAnnualJPTarget).
	JPTarget float64
}

// App is the dashboard of one server.
type App struct {
	s     *server.Server
	opt   Options
	pages map[string]*template.Template
	mux   *http.ServeMux
}

// New prepares the dashboard of s. Mount it with s.Mount (see Mount).
func New(s *server.Server, opt Options) (*App, error) {
	if opt.JPTarget <= 0 {
		opt.JPTarget = 20
	}
	a := &App{s: s, opt: opt, pages: map[string]*template.Template{}}
	if err := a.parse(); err != nil {
		return nil, err
	}
	a.routes()
	return a, nil
}

// Mount prepares the dashboard and mounts it on s at "/" (the sync API
// keeps its own, more specific, routes).
func Mount(s *server.Server, opt Options) (*App, error) {
	a, err := New(s, opt)
	if err != nil {
		return nil, err
	}
	s.Mount("web", "/", a)
	return a, nil
}

func (a *App) now() time.Time { return a.s.Now().UTC() }

func (a *App) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	// same-origin, not no-referrer: with no-referrer browsers send "Origin: null"
	// on form posts, which the same-origin check must refuse.
	h.Set("Referrer-Policy", "same-origin")
	a.mux.ServeHTTP(w, r)
}

var funcs = template.FuncMap{
	"num":    func(x float64, d int) string { return report.FormatDecimal(x, d) },
	"int":    func(n int) string { return report.FormatInt(int64(n)) },
	"rupiah": func(n int64) string { return report.FormatRupiah(n) },
	"pct": func(a, b int) string {
		if b == 0 {
			return "–"
		}
		return report.FormatDecimal(float64(a)*100/float64(b), 1) + "%"
	},
	"when": func(t *time.Time) string {
		if t == nil || t.IsZero() {
			return ""
		}
		return t.UTC().Format("2006-01-02 15:04") + " UTC"
	},
	"date":  func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04") },
	"idate": func(s string) string { return report.FormatDate(s) },
	// gapClass buckets a mean gap into 7 colours, from "well above"
	// (g6) to "a whole level or more below" (g0).
	"gapClass": func(g float64) string {
		switch {
		case g <= -1:
			return "g0"
		case g <= -0.5:
			return "g1"
		case g < -0.1:
			return "g2"
		case g <= 0.1:
			return "g3"
		case g < 0.5:
			return "g4"
		case g < 1:
			return "g5"
		}
		return "g6"
	},
	"signed": func(g float64) string {
		s := report.FormatDecimal(math.Abs(g), 2)
		if g < -0.005 {
			return "−" + s
		}
		if g > 0.005 {
			return "+" + s
		}
		return s
	},
}

func (a *App) parse() error {
	files, err := fs.Glob(assets, "templates/*.html")
	if err != nil {
		return err
	}
	for _, f := range files {
		name := strings.TrimSuffix(strings.TrimPrefix(f, "templates/"), ".html")
		if name == "layout" || name == "exports" {
			continue
		}
		t := template.New("layout.html").Funcs(funcs).Funcs(template.FuncMap{"t": func(string) string { return "" }})
		t, err := t.ParseFS(assets, "templates/layout.html", "templates/exports.html", f)
		if err != nil {
			return fmt.Errorf("web: template %s: %w", name, err)
		}
		a.pages[name] = t
	}
	return nil
}

// view is what every page template receives.
type view struct {
	Lang    string
	Title   string
	Nav     string
	User    *current
	CSRF    string
	Path    string
	Flash   string
	Error   string
	Data    any
	Exports bool
	Query   string
}

func (a *App) render(w http.ResponseWriter, r *http.Request, status int, page string, v view) {
	t, ok := a.pages[page]
	if !ok {
		panic("web: no template " + page)
	}
	v.Lang = lang(r)
	v.Path = r.URL.Path
	v.Query = r.URL.RawQuery
	if v.User != nil {
		v.CSRF = v.User.CSRF
	}
	l := v.Lang
	t, err := t.Clone()
	if err == nil {
		t = t.Funcs(template.FuncMap{"t": func(k string) string { return translate(l, k) }})
	}
	if err != nil {
		a.s.Logger.Error("template clone", "err", err)
		http.Error(w, "template", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if v.User != nil {
		w.Header().Set("Cache-Control", "no-store")
	}
	w.WriteHeader(status)
	if err := t.Execute(w, v); err != nil {
		a.s.Logger.Error("template", "page", page, "err", err)
	}
}

func (a *App) fail(w http.ResponseWriter, r *http.Request, c *current, err error) {
	a.s.Logger.Error("web request failed", "path", r.URL.Path, "err", err)
	a.render(w, r, http.StatusInternalServerError, "message", view{User: c, Error: translate(lang(r), "error")})
}

// handler kinds: public pages, pages for any signed-in user, admin pages.
type pageFunc func(w http.ResponseWriter, r *http.Request, c *current)

func (a *App) signedIn(admin bool, h pageFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c, err := a.sessionOf(r)
		if err != nil {
			a.fail(w, r, nil, err)
			return
		}
		if c == nil {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			} else {
				http.Error(w, "unauthorized", http.StatusUnauthorized)
			}
			return
		}
		if admin && !c.Admin() {
			a.render(w, r, http.StatusForbidden, "message", view{User: c, Error: translate(lang(r), "forbidden")})
			return
		}
		if r.Method == http.MethodPost {
			if err := r.ParseForm(); err != nil || !checkCSRF(r, c) {
				a.render(w, r, http.StatusForbidden, "message", view{User: c, Error: translate(lang(r), "csrf")})
				return
			}
		}
		h(w, r, c)
	}
}

func (a *App) routes() {
	m := http.NewServeMux()
	static, _ := fs.Sub(assets, "static")
	m.Handle("GET /static/", http.StripPrefix("/static/", staticHandler(static)))
	m.HandleFunc("GET /login", a.loginPage)
	m.HandleFunc("POST /login", a.loginPost)
	m.HandleFunc("POST /logout", a.signedIn(false, a.logoutPost))
	m.HandleFunc("GET /lang/{l}", a.setLang)
	m.HandleFunc("GET /verify", a.verifyPage)
	m.HandleFunc("GET /verifikasi", a.verifyPage)

	m.HandleFunc("GET /{$}", a.signedIn(false, a.officesPage))
	m.HandleFunc("GET /offices/{id}", a.signedIn(false, a.officePage))
	m.HandleFunc("POST /devices/{id}/revoke", a.signedIn(true, a.revokeDevice))
	m.HandleFunc("GET /heatmap", a.signedIn(false, a.heatmapPage))
	m.HandleFunc("GET /tna", a.signedIn(false, a.tnaPage))
	m.HandleFunc("GET /jp", a.signedIn(false, a.jpPage))
	m.HandleFunc("GET /framework", a.signedIn(false, a.frameworkPage))
	m.HandleFunc("POST /framework/publish", a.signedIn(true, a.frameworkPublish))
	m.HandleFunc("GET /enrol-codes", a.signedIn(true, a.enrolPage))
	m.HandleFunc("POST /enrol-codes", a.signedIn(true, a.enrolCreate))
	m.HandleFunc("GET /keys", a.signedIn(true, a.keysPage))
	m.HandleFunc("POST /keys", a.signedIn(true, a.keysAdd))
	m.HandleFunc("GET /certificates", a.signedIn(true, a.certificatesPage))
	m.HandleFunc("POST /certificates/revoke", a.signedIn(true, a.certificateRevoke))
	m.HandleFunc("GET /audit", a.signedIn(true, a.auditPage))
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		c, _ := a.sessionOf(r)
		a.render(w, r, http.StatusNotFound, "message", view{User: c, Error: translate(lang(r), "notfound")})
	})
	a.mux = m
}

func staticHandler(root fs.FS) http.Handler {
	fsrv := http.FileServerFS(root)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fsrv.ServeHTTP(w, r)
	})
}

func (a *App) setLang(w http.ResponseWriter, r *http.Request) {
	l := r.PathValue("l")
	if l != "en" {
		l = "id"
	}
	a.setCookie(w, r, langCookie, l, 365*24*3600, http.SameSiteLaxMode)
	http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
}

// safeNext keeps redirects on this site: a local path only.
func safeNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}

// loginPage shows the form even to a signed-in browser: logging in again
// (as someone else) replaces that session.
func (a *App) loginPage(w http.ResponseWriter, r *http.Request) {
	a.showLogin(w, r, http.StatusOK, "")
}

func (a *App) showLogin(w http.ResponseWriter, r *http.Request, status int, msg string) {
	tok := randomToken()
	a.setCookie(w, r, loginCSRFCookie, tok, 3600, http.SameSiteStrictMode)
	a.render(w, r, status, "login", view{CSRF: tok, Error: msg, Data: safeNext(r.FormValue("next"))})
}

func (a *App) loginPost(w http.ResponseWriter, r *http.Request) {
	l := lang(r)
	if err := r.ParseForm(); err != nil || !checkCSRF(r, nil) {
		a.showLogin(w, r, http.StatusForbidden, translate(l, "csrf"))
		return
	}
	old := ""
	if ck, err := r.Cookie(sessionCookie); err == nil {
		old = ck.Value
	}
	id, _, err := a.login(r.Context(), r.PostFormValue("username"), r.PostFormValue("password"), a.s.ClientIP(r), old)
	var th errThrottled
	switch {
	case errors.As(err, &th):
		w.Header().Set("Retry-After", fmt.Sprint(int(th.wait.Seconds())+1))
		a.showLogin(w, r, http.StatusTooManyRequests, fmt.Sprintf(translate(l, "login.throttled"), int(math.Ceil(th.wait.Minutes()))))
		return
	case errors.Is(err, errBadLogin):
		a.showLogin(w, r, http.StatusUnauthorized, translate(l, "login.bad"))
		return
	case err != nil:
		a.fail(w, r, nil, err)
		return
	}
	a.setCookie(w, r, sessionCookie, id, int(SessionTTL.Seconds()), http.SameSiteLaxMode)
	a.setCookie(w, r, loginCSRFCookie, "", -1, http.SameSiteStrictMode)
	http.Redirect(w, r, safeNext(r.PostFormValue("next")), http.StatusSeeOther)
}

func (a *App) logoutPost(w http.ResponseWriter, r *http.Request, c *current) {
	if err := a.logout(r.Context(), c); err != nil {
		a.fail(w, r, c, err)
		return
	}
	a.setCookie(w, r, sessionCookie, "", -1, http.SameSiteLaxMode)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}
