package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"kembang/backend/server/web"
)

func TestPasswordHash(t *testing.T) {
	h := web.HashPassword("correct horse battery")
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("hash %q is not an argon2id PHC string with the expected parameters", h)
	}
	if h2 := web.HashPassword("correct horse battery"); h2 == h {
		t.Fatal("two hashes of one password are equal: the salt is not random")
	}
	cases := []struct {
		name string
		hash string
		pw   string
		want bool
	}{
		{"right password verifies", h, "correct horse battery", true},
		{"wrong password fails", h, "correct horse battery!", false},
		{"empty password fails", h, "", false},
		{"changed hash byte fails", h[:len(h)-2] + "AA", "correct horse battery", false},
		{"other algorithm refused", strings.Replace(h, "argon2id", "argon2i", 1), "correct horse battery", false},
		{"absurd memory cost refused", strings.Replace(h, "m=19456", "m=99999999", 1), "correct horse battery", false},
		{"not a hash", "plain", "plain", false},
	}
	for _, c := range cases {
		if got := web.VerifyPassword(c.hash, c.pw); got != c.want {
			t.Errorf("%s: got %v", c.name, got)
		}
	}
}

func TestAuth(t *testing.T) {
	for name, cfg := range backends(t) {
		t.Run(name, func(t *testing.T) {
			e := start(t, cfg(t))
			t.Run("no page without a session", func(t *testing.T) { testNoSession(t, e) })
			t.Run("session fixation", func(t *testing.T) { testFixation(t, e) })
			t.Run("csrf", func(t *testing.T) { testCSRF(t, e) })
			t.Run("viewer", func(t *testing.T) { testViewer(t, e) })
			t.Run("logout", func(t *testing.T) { testLogout(t, e) })
			t.Run("users", func(t *testing.T) { testUsers(t, e) })
			// Last: it locks accounts and the loopback address.
			t.Run("throttling", func(t *testing.T) { testThrottle(t, e) })
		})
	}
}

var protectedGets = []string{"/", "/offices/x", "/heatmap", "/heatmap?format=pdf", "/tna", "/tna?format=xlsx", "/jp", "/jp?format=xlsx",
	"/framework", "/enrol-codes", "/keys", "/certificates", "/audit"}

var adminPosts = []string{"/devices/x/revoke", "/framework/publish", "/enrol-codes", "/keys", "/certificates/revoke"}

func testNoSession(t *testing.T, e *env) {
	b := e.browser(t)
	for _, p := range protectedGets {
		a := b.get(p)
		if a.Status != http.StatusSeeOther || !strings.HasPrefix(a.Location, "/login?next=") {
			t.Errorf("GET %s without a session: %d %q", p, a.Status, a.Location)
		}
		if strings.Contains(a.Body, "<table") {
			t.Errorf("GET %s without a session shows data", p)
		}
	}
	for _, p := range append(adminPosts, "/logout") {
		if a := b.post(p, url.Values{"csrf": {"x"}}); a.Status != http.StatusUnauthorized {
			t.Errorf("POST %s without a session: %d", p, a.Status)
		}
	}
	// A made-up session cookie is no session.
	b.setCookie("kembang_session", "made-up-value")
	if a := b.get("/"); a.Status != http.StatusSeeOther {
		t.Errorf("made-up session cookie opened a page: %d", a.Status)
	}
	// The login and verification pages are public.
	for _, p := range []string{"/login", "/verify", "/verifikasi", "/static/style.css"} {
		if a := b.get(p); a.Status != http.StatusOK {
			t.Errorf("public %s: %d", p, a.Status)
		}
	}
}

func testFixation(t *testing.T, e *env) {
	// An attacker plants a cookie value in the victim's browser before login.
	victim := e.browser(t)
	victim.setCookie("kembang_session", "planted-by-attacker")
	victim.mustLogin("admin", adminPW)
	after := victim.cookie("kembang_session")
	if after == "" || after == "planted-by-attacker" {
		t.Fatalf("session cookie after login is %q: the pre-login value was kept", after)
	}
	attacker := e.browser(t)
	attacker.setCookie("kembang_session", "planted-by-attacker")
	if a := attacker.get("/"); a.Status != http.StatusSeeOther {
		t.Fatalf("the planted value opens a session after the victim's login: %d", a.Status)
	}

	// The stronger attack: the planted value is a real session (the
	// attacker's own, as viewer). After the victim logs in as admin, that
	// id is dead and the victim's browser holds a new one.
	att := e.browser(t)
	att.mustLogin("viewer", viewerPW)
	attackerID := att.cookie("kembang_session")
	victim2 := e.browser(t)
	victim2.setCookie("kembang_session", attackerID)
	if a := victim2.login("admin", adminPW); a.Status != http.StatusSeeOther {
		t.Fatalf("login with a planted live session: %d", a.Status)
	}
	if got := victim2.cookie("kembang_session"); got == attackerID || got == "" {
		t.Fatal("session id not rotated at login")
	}
	if a := victim2.get("/audit"); a.Status != http.StatusOK {
		t.Fatalf("victim is not admin after login: %d", a.Status)
	}
	if a := att.get("/"); a.Status != http.StatusSeeOther {
		t.Fatalf("the attacker's pre-login id still opens a session after the victim's login: %d", a.Status)
	}
	if a := att.get("/audit"); a.Status == http.StatusOK {
		t.Fatal("the attacker reached an admin page through the victim's login")
	}
}

func testCSRF(t *testing.T, e *env) {
	b := e.browser(t)
	token := b.mustLogin("admin", adminPW)
	form := func(tok string) url.Values {
		v := url.Values{"number": {"CSRF/001"}, "reason": {"test"}}
		if tok != "" {
			v.Set("csrf", tok)
		}
		return v
	}
	revoked := func() bool {
		var n int64
		must(t, e.S.DB.Table("cert_revocations").Where("number = ?", "CSRF/001").Count(&n).Error)
		return n > 0
	}
	if a := b.post("/certificates/revoke", form("")); a.Status != http.StatusForbidden {
		t.Errorf("no token: %d", a.Status)
	}
	if a := b.post("/certificates/revoke", form("wrong-token")); a.Status != http.StatusForbidden {
		t.Errorf("wrong token: %d", a.Status)
	}
	// Another user's token does not work in this session.
	other := e.browser(t)
	otherTok := other.mustLogin("admin", adminPW)
	if a := b.post("/certificates/revoke", form(otherTok)); a.Status != http.StatusForbidden {
		t.Errorf("another session's token: %d", a.Status)
	}
	if a := b.post("/certificates/revoke", form(token), "Origin", "https://evil.example"); a.Status != http.StatusForbidden {
		t.Errorf("right token from another origin: %d", a.Status)
	}
	if revoked() {
		t.Fatal("a rejected request changed data")
	}
	if a := b.post("/certificates/revoke", form(token), "Origin", e.URL); a.Status != http.StatusOK {
		t.Fatalf("right token, same origin: %d\n%s", a.Status, a.Body)
	}
	if !revoked() {
		t.Fatal("accepted request did not revoke")
	}
	// Login form: double-submit token.
	anon := e.browser(t)
	anon.get("/login")
	a := anon.post("/login", url.Values{"csrf": {"guess"}, "username": {"admin"}, "password": {adminPW}})
	if a.Status != http.StatusForbidden || anon.cookie("kembang_session") != "" {
		t.Errorf("login with a wrong token: %d, session %q", a.Status, anon.cookie("kembang_session"))
	}
	noCookie := e.browser(t)
	page := noCookie.get("/login")
	tok := csrfOf(t, page.Body)
	fresh := e.browser(t) // the token without its cookie
	if a := fresh.post("/login", url.Values{"csrf": {tok}, "username": {"admin"}, "password": {adminPW}}); a.Status != http.StatusForbidden {
		t.Errorf("login token without its cookie: %d", a.Status)
	}
}

func testViewer(t *testing.T, e *env) {
	d := e.enrol(t, "Kantor Viewer")
	b := e.browser(t)
	token := b.mustLogin("viewer", viewerPW)
	for _, p := range []string{"/", "/heatmap", "/tna", "/jp", "/framework", "/offices/" + d.Office} {
		if a := b.get(p); a.Status != http.StatusOK {
			t.Errorf("viewer GET %s: %d", p, a.Status)
		}
	}
	for _, p := range []string{"/enrol-codes", "/keys", "/certificates", "/audit"} {
		if a := b.get(p); a.Status != http.StatusForbidden || strings.Contains(a.Body, "<table") {
			t.Errorf("viewer GET admin page %s: %d", p, a.Status)
		}
	}
	home := b.get("/")
	for _, link := range []string{`href="/audit"`, `href="/keys"`, `href="/enrol-codes"`} {
		if strings.Contains(home.Body, link) {
			t.Errorf("viewer's menu links to %s", link)
		}
	}
	office := b.get("/offices/" + d.Office)
	if strings.Contains(office.Body, "/revoke") {
		t.Error("viewer sees a revoke button")
	}
	for _, p := range []string{"/devices/" + d.Dev.ID + "/revoke", "/framework/publish", "/enrol-codes", "/keys", "/certificates/revoke"} {
		a := b.post(p, url.Values{"csrf": {token}, "office": {d.Office}, "number": {"V/1"}, "code": {"AAAAAAAA"}, "publicKey": {"x"}})
		if a.Status != http.StatusForbidden {
			t.Errorf("viewer POST %s: %d", p, a.Status)
		}
	}
	if _, err := e.S.Authenticate(bg(), d.Cred); err != nil {
		t.Fatalf("viewer revoked a device: %v", err)
	}
	var n int64
	must(t, e.S.DB.Table("web_audit").Where("username = ?", "viewer").Count(&n).Error)
	if n != 0 {
		t.Errorf("viewer actions in the audit log: %d", n)
	}
	// The admin can, and it is audited.
	adm := e.browser(t)
	at := adm.mustLogin("admin", adminPW)
	if a := adm.post("/devices/"+d.Dev.ID+"/revoke", url.Values{"csrf": {at}}); a.Status != http.StatusSeeOther {
		t.Fatalf("admin revoke: %d", a.Status)
	}
	if _, err := e.S.Authenticate(bg(), d.Cred); err == nil {
		t.Fatal("revoked device still authenticates")
	}
	audit := adm.get("/audit")
	if !strings.Contains(audit.Body, "device.revoke") || !strings.Contains(audit.Body, d.Dev.ID) {
		t.Errorf("revoke not in the audit log:\n%s", audit.Body)
	}
}

func testLogout(t *testing.T, e *env) {
	b := e.browser(t)
	tok := b.mustLogin("viewer", viewerPW)
	id := b.cookie("kembang_session")
	if a := b.post("/logout", url.Values{"csrf": {tok}}); a.Status != http.StatusSeeOther {
		t.Fatalf("logout: %d", a.Status)
	}
	again := e.browser(t)
	again.setCookie("kembang_session", id)
	if a := again.get("/"); a.Status != http.StatusSeeOther {
		t.Fatal("session still valid after logout")
	}
}

func testUsers(t *testing.T, e *env) {
	if _, err := e.App.AddUser(bg(), "admin", "another-password", web.RoleAdmin); err == nil || !strings.Contains(err.Error(), web.CodeUserExists) {
		t.Errorf("duplicate user: %v", err)
	}
	if _, err := e.App.AddUser(bg(), "short", "short", web.RoleViewer); err == nil || !strings.Contains(err.Error(), web.CodePasswordWeak) {
		t.Errorf("short password: %v", err)
	}
	if _, err := e.App.AddUser(bg(), "x", "long-enough-pw", "root"); err == nil || !strings.Contains(err.Error(), web.CodeRoleInvalid) {
		t.Errorf("bad role: %v", err)
	}
	_, err := e.App.AddUser(bg(), "ganti", "first-password-1", web.RoleViewer)
	must(t, err)
	b := e.browser(t)
	b.mustLogin("ganti", "first-password-1")
	must(t, e.App.SetPassword(bg(), "ganti", "second-password-2"))
	if a := b.get("/"); a.Status != http.StatusSeeOther {
		t.Error("a password change left the user's sessions open")
	}
	if a := e.browser(t).login("ganti", "first-password-1"); a.Status != http.StatusUnauthorized {
		t.Errorf("old password after change: %d", a.Status)
	}
	e.browser(t).mustLogin("ganti", "second-password-2")
}

func testThrottle(t *testing.T, e *env) {
	b := e.browser(t)
	for i := 0; i < web.MaxAccountFailures; i++ {
		if a := b.login("viewer", "wrong-password"); a.Status != http.StatusUnauthorized {
			t.Fatalf("failure %d: %d", i+1, a.Status)
		}
	}
	a := b.login("viewer", viewerPW)
	if a.Status != http.StatusTooManyRequests || !strings.Contains(a.Body, "Terlalu banyak percobaan") || a.Header.Get("Retry-After") == "" {
		t.Fatalf("right password after %d failures: %d\n%s", web.MaxAccountFailures, a.Status, a.Body)
	}
	if b.cookie("kembang_session") != "" {
		t.Fatal("a throttled login made a session")
	}
	// Another account from the same address still works.
	e.browser(t).mustLogin("admin", adminPW)
	// After the window, the account opens again.
	e.Clock.Add(web.FailureWindow + time.Second)
	e.browser(t).mustLogin("viewer", viewerPW)

	// Per address: many accounts guessed from one address lock the address.
	for i := 0; i < web.MaxAddressFailures; i++ {
		user := "nobody" + string(rune('a'+i%26)) + string(rune('a'+i/26))
		if a := b.login(user, "guess"); a.Status != http.StatusUnauthorized {
			t.Fatalf("address failure %d: %d", i+1, a.Status)
		}
	}
	if a := b.login("admin", adminPW); a.Status != http.StatusTooManyRequests {
		t.Fatalf("address not throttled after %d failures: %d", web.MaxAddressFailures, a.Status)
	}
	e.Clock.Add(web.FailureWindow + time.Second)
	e.browser(t).mustLogin("admin", adminPW)
}
