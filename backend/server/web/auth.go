package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
	"gorm.io/gorm"

	"kembang/backend/domain"
)

// Roles of central users.
const (
	RoleAdmin  = "admin"  // everything, including revoking devices and certificates
	RoleViewer = "viewer" // dashboards and exports only
)

// Error codes of the web package.
const (
	CodeUserExists      = "web.user_exists"
	CodeUserNotFound    = "web.user_not_found"
	CodeRoleInvalid     = "web.role_invalid"
	CodePasswordWeak    = "web.password_weak" // fewer than MinPasswordLen characters
	CodeUsernameInvalid = "web.username_invalid"
)

// MinPasswordLen is the shortest password accepted (NIST SP 800-63B).
const MinPasswordLen = 10

// Argon2id parameters: OWASP's minimum recommendation (19 MiB, 2
// passes, 1 lane). They travel in each hash, so raising them later keeps
// old hashes verifying.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
)

// HashPassword returns the PHC-format argon2id hash of password.
func HashPassword(password string) string {
	salt := make([]byte, 16)
	mustRandom(salt)
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key))
}

// VerifyPassword checks password against a hash made by HashPassword.
func VerifyPassword(hash, password string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || t == 0 || p == 0 || m > 1<<22 || t > 64 {
		return false
	}
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	key, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(key) == 0 || len(key) > 128 {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1
}

// dummyHash is verified against when a username does not exist, so an
// unknown user takes as long as a wrong password.
var dummyHash = HashPassword("kembang-no-such-user")

func mustRandom(b []byte) {
	if _, err := rand.Read(b); err != nil {
		panic("web: random source failed: " + err.Error())
	}
}

func randomToken() string {
	b := make([]byte, 32)
	mustRandom(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func sha(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// User is a central user.
type User struct {
	ID           string    `json:"id"`
	Username     string    `json:"username"`
	Role         string    `json:"role"`
	PasswordHash string    `json:"-"`
	Disabled     bool      `json:"disabled"`
	CreatedAt    time.Time `json:"createdAt"`
	UpdatedAt    time.Time `json:"updatedAt"`
}

func (User) TableName() string { return "web_users" }

func normaliseUsername(u string) string { return strings.ToLower(strings.TrimSpace(u)) }

func validUsername(u string) bool {
	if u == "" || len(u) > 64 {
		return false
	}
	for _, r := range u {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-' || r == '@') {
			return false
		}
	}
	return true
}

func checkPassword(op, password string) error {
	if utf8.RuneCountInString(password) < MinPasswordLen {
		return domain.E(CodePasswordWeak, op, nil, "min", MinPasswordLen)
	}
	if len(password) > 1024 {
		return domain.E(CodePasswordWeak, op, nil, "max", 1024)
	}
	return nil
}

// AddUser creates a central user.
func (a *App) AddUser(ctx context.Context, username, password, role string) (*User, error) {
	const op = "web.user_add"
	username = normaliseUsername(username)
	if !validUsername(username) {
		return nil, domain.E(CodeUsernameInvalid, op, nil, "username", username)
	}
	if role != RoleAdmin && role != RoleViewer {
		return nil, domain.E(CodeRoleInvalid, op, nil, "role", role)
	}
	if err := checkPassword(op, password); err != nil {
		return nil, err
	}
	now := a.now()
	u := &User{ID: a.s.NewID(), Username: username, Role: role, PasswordHash: HashPassword(password), CreatedAt: now, UpdatedAt: now}
	err := a.s.WriteTx(ctx, func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&User{}).Where("username = ?", username).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return domain.E(CodeUserExists, op, nil, "username", username)
		}
		return tx.Create(u).Error
	})
	if err != nil {
		return nil, wrap(op, err)
	}
	return u, nil
}

// SetPassword changes a user's password and ends all their sessions.
func (a *App) SetPassword(ctx context.Context, username, password string) error {
	const op = "web.user_passwd"
	username = normaliseUsername(username)
	if err := checkPassword(op, password); err != nil {
		return err
	}
	err := a.s.WriteTx(ctx, func(tx *gorm.DB) error {
		var u User
		if err := tx.Where("username = ?", username).Take(&u).Error; errors.Is(err, gorm.ErrRecordNotFound) {
			return domain.E(CodeUserNotFound, op, nil, "username", username)
		} else if err != nil {
			return err
		}
		if err := tx.Model(&User{}).Where("id = ?", u.ID).
			Updates(map[string]any{"password_hash": HashPassword(password), "updated_at": a.now()}).Error; err != nil {
			return err
		}
		if err := tx.Where("key = ?", "u:"+username).Delete(&loginFailure{}).Error; err != nil {
			return err
		}
		return tx.Where("user_id = ?", u.ID).Delete(&session{}).Error
	})
	return wrap(op, err)
}

// SetRole changes a user's role.
func (a *App) SetRole(ctx context.Context, username, role string) error {
	const op = "web.user_role"
	if role != RoleAdmin && role != RoleViewer {
		return domain.E(CodeRoleInvalid, op, nil, "role", role)
	}
	var n int64
	err := a.s.WriteTx(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&User{}).Where("username = ?", normaliseUsername(username)).Updates(map[string]any{"role": role, "updated_at": a.now()})
		n = res.RowsAffected
		return res.Error
	})
	if err == nil && n == 0 {
		return domain.E(CodeUserNotFound, op, nil, "username", username)
	}
	return wrap(op, err)
}

// Users lists the central users by name.
func (a *App) Users(ctx context.Context) ([]User, error) {
	var out []User
	err := a.s.DB.WithContext(ctx).Order("username").Find(&out).Error
	return out, err
}

func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var de *domain.Error
	if errors.As(err, &de) {
		return err
	}
	return domain.E(domain.CodeInternal, op, err)
}

// session is a row of web_sessions: only the sha256 of the session id is
// stored, so a copy of the database opens no session.
type session struct {
	IDHash    string
	UserID    string
	CSRF      string
	CreatedAt time.Time
	ExpiresAt time.Time
}

func (session) TableName() string { return "web_sessions" }

type loginFailure struct {
	Key         string
	Count       int
	WindowStart time.Time
}

func (loginFailure) TableName() string { return "web_login_failures" }

// Login throttling: failures are counted per account and per address in
// a window; past the limit, logins (even correct ones) are refused until
// the window ends. Counted in the database, so every instance agrees.
const (
	FailureWindow      = 15 * time.Minute
	MaxAccountFailures = 5
	MaxAddressFailures = 20
)

// SessionTTL is how long a session lasts after login.
const SessionTTL = 12 * time.Hour

const (
	sessionCookie   = "kembang_session"
	loginCSRFCookie = "kembang_login_csrf"
	langCookie      = "kembang_lang"
)

// errThrottled carries how long the caller must wait.
type errThrottled struct{ wait time.Duration }

func (e errThrottled) Error() string { return "too many failed logins" }

var errBadLogin = errors.New("wrong username or password")

// login checks a username and password and, on success, makes a new
// session (its id is returned once, for the cookie). Any session whose
// id the browser sent before (old) is deleted: the id in the browser
// after login is always one the server just made, never one an attacker
// could have planted.
func (a *App) login(ctx context.Context, username, password, ip, old string) (string, *User, error) {
	username = normaliseUsername(username)
	now := a.now()
	keys := []string{"u:" + username, "ip:" + ip}
	limits := []int{MaxAccountFailures, MaxAddressFailures}
	var fails []loginFailure
	if err := a.s.DB.WithContext(ctx).Where("key IN ?", keys).Find(&fails).Error; err != nil {
		return "", nil, err
	}
	for _, f := range fails {
		limit := limits[0]
		if strings.HasPrefix(f.Key, "ip:") {
			limit = limits[1]
		}
		if end := f.WindowStart.Add(FailureWindow); f.Count >= limit && now.Before(end) {
			return "", nil, errThrottled{end.Sub(now)}
		}
	}
	var users []User
	if err := a.s.DB.WithContext(ctx).Where("username = ?", username).Limit(1).Find(&users).Error; err != nil {
		return "", nil, err
	}
	ok := false
	if len(users) == 1 && !users[0].Disabled {
		ok = VerifyPassword(users[0].PasswordHash, password)
	} else {
		VerifyPassword(dummyHash, password)
	}
	if !ok {
		err := a.s.WriteTx(ctx, func(tx *gorm.DB) error {
			for _, k := range keys {
				var f []loginFailure
				if err := tx.Where("key = ?", k).Find(&f).Error; err != nil {
					return err
				}
				switch {
				case len(f) == 0:
					if err := tx.Create(&loginFailure{Key: k, Count: 1, WindowStart: now}).Error; err != nil {
						return err
					}
				case now.Sub(f[0].WindowStart) >= FailureWindow:
					if err := tx.Model(&loginFailure{}).Where("key = ?", k).Updates(map[string]any{"count": 1, "window_start": now}).Error; err != nil {
						return err
					}
				default:
					if err := tx.Model(&loginFailure{}).Where("key = ?", k).Update("count", gorm.Expr("count + 1")).Error; err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			return "", nil, err
		}
		return "", nil, errBadLogin
	}
	u := users[0]
	id := randomToken()
	err := a.s.WriteTx(ctx, func(tx *gorm.DB) error {
		if old != "" {
			if err := tx.Where("id_hash = ?", sha(old)).Delete(&session{}).Error; err != nil {
				return err
			}
		}
		if err := tx.Where("key = ?", keys[0]).Delete(&loginFailure{}).Error; err != nil {
			return err
		}
		// Expired sessions go as users log in.
		if err := tx.Where("expires_at < ?", now).Delete(&session{}).Error; err != nil {
			return err
		}
		return tx.Create(&session{IDHash: sha(id), UserID: u.ID, CSRF: randomToken(), CreatedAt: now, ExpiresAt: now.Add(SessionTTL)}).Error
	})
	if err != nil {
		return "", nil, err
	}
	return id, &u, nil
}

// current is the signed-in user of a request.
type current struct {
	User User
	CSRF string
	id   string
}

func (c *current) Admin() bool { return c != nil && c.User.Role == RoleAdmin }

// sessionOf returns the request's live session, nil when there is none.
func (a *App) sessionOf(r *http.Request) (*current, error) {
	ck, err := r.Cookie(sessionCookie)
	if err != nil || ck.Value == "" || len(ck.Value) > 100 {
		return nil, nil
	}
	var rows []struct {
		UserID    string
		CSRF      string
		ExpiresAt time.Time
		Username  string
		Role      string
		Disabled  bool
	}
	err = a.s.DB.WithContext(r.Context()).Raw(`SELECT s.user_id, s.csrf, s.expires_at, u.username, u.role, u.disabled
		FROM web_sessions s JOIN web_users u ON u.id = s.user_id WHERE s.id_hash = ?`, sha(ck.Value)).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 || rows[0].Disabled || !a.now().Before(rows[0].ExpiresAt) {
		return nil, nil
	}
	row := rows[0]
	return &current{User: User{ID: row.UserID, Username: row.Username, Role: row.Role}, CSRF: row.CSRF, id: ck.Value}, nil
}

func (a *App) logout(ctx context.Context, c *current) error {
	return a.s.WriteTx(ctx, func(tx *gorm.DB) error {
		return tx.Where("id_hash = ?", sha(c.id)).Delete(&session{}).Error
	})
}

// secure reports whether cookies must carry the Secure flag.
func (a *App) secure(r *http.Request) bool {
	if a.opt.SecureCookies || r.TLS != nil {
		return true
	}
	return a.s.TrustProxy && strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
}

func (a *App) setCookie(w http.ResponseWriter, r *http.Request, name, value string, maxAge int, same http.SameSite) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: maxAge, HttpOnly: true, Secure: a.secure(r), SameSite: same})
}

// sameOrigin rejects a state-changing request whose Origin (or, without
// one, Referer) names another site: defence in depth beside the tokens.
func sameOrigin(r *http.Request) bool {
	src := r.Header.Get("Origin")
	if src == "" {
		src = r.Header.Get("Referer")
	}
	if src == "" {
		return true
	}
	u, err := url.Parse(src)
	return err == nil && strings.EqualFold(u.Host, r.Host)
}

// checkCSRF verifies the form's token: the session's synchronizer token
// when signed in, the double-submit cookie on the login form.
func checkCSRF(r *http.Request, c *current) bool {
	if !sameOrigin(r) {
		return false
	}
	got := r.PostFormValue("csrf")
	want := ""
	if c != nil {
		want = c.CSRF
	} else if ck, err := r.Cookie(loginCSRFCookie); err == nil {
		want = ck.Value
	}
	return got != "" && want != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// auditEntry is a row of web_audit.
type auditEntry struct {
	ID       string
	At       time.Time
	Username string
	Action   string
	Target   string
	Detail   string
	Remote   string
}

func (auditEntry) TableName() string { return "web_audit" }

// audit records an admin action.
func (a *App) audit(r *http.Request, c *current, action, target, detail string) {
	e := auditEntry{ID: a.s.NewID(), At: a.now(), Username: c.User.Username, Action: action, Target: target, Detail: detail, Remote: a.s.ClientIP(r)}
	if len(e.Detail) > 2000 {
		e.Detail = e.Detail[:2000]
	}
	err := a.s.WriteTx(context.WithoutCancel(r.Context()), func(tx *gorm.DB) error { return tx.Create(&e).Error })
	if err != nil {
		a.s.Logger.Error("audit entry not written", "action", action, "err", err)
	}
}
