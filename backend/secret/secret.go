// Package secret protects the few secrets Kembang keeps in its local
// settings (the sync device credential and key, the office's certificate
// signing key) at rest.
//
// A stored secret always names how it is protected, so nobody has to guess
// from its look:
//
//	dpapi:v1:<base64>   Windows DPAPI, current-user scope, with Kembang's
//	                    own entropy: only the same Windows account on the
//	                    same computer can read it back.
//	plain:<value>       not protected (Linux and macOS: developer machines
//	                    and tests, where the data folder's permissions are
//	                    the only protection).
//
// A value without a prefix was written before secrets were protected; it
// reads as plain text and the caller writes it back sealed (Reseal says
// when). A value sealed by a scheme this machine cannot open (a database
// copied from Windows to Linux) or that the protector refuses (another
// Windows account or computer) is ErrUnreadable: the caller tells the user
// what to do, it never replaces the secret silently.
package secret

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
)

// Protector seals and opens secrets for one scheme.
type Protector interface {
	// Scheme names the protection, as written before the payload
	// ("dpapi:v1"); "plain" means none.
	Scheme() string
	// Protect seals plaintext.
	Protect(plaintext []byte) ([]byte, error)
	// Unprotect opens what Protect sealed; an error means this user on this
	// computer cannot read it.
	Unprotect(sealed []byte) ([]byte, error)
}

// SchemePlain is the scheme of an unprotected value.
const SchemePlain = "plain"

// ErrUnreadable says a stored secret exists but cannot be read here.
var ErrUnreadable = errors.New("secret: stored secret cannot be read by this user on this computer")

// Plain keeps secrets as they are, marked "plain:".
type Plain struct{}

// Scheme implements Protector.
func (Plain) Scheme() string { return SchemePlain }

// Protect implements Protector.
func (Plain) Protect(b []byte) ([]byte, error) { return b, nil }

// Unprotect implements Protector.
func (Plain) Unprotect(b []byte) ([]byte, error) { return b, nil }

// Default is this platform's protector: DPAPI on Windows, Plain elsewhere.
func Default() Protector { return platformDefault() }

// Seal returns the stored form of plaintext under p.
func Seal(p Protector, plaintext string) (string, error) {
	if p == nil {
		p = Default()
	}
	if p.Scheme() == SchemePlain {
		return SchemePlain + ":" + plaintext, nil
	}
	sealed, err := p.Protect([]byte(plaintext))
	if err != nil {
		return "", fmt.Errorf("secret: protect with %s: %w", p.Scheme(), err)
	}
	return p.Scheme() + ":" + base64.StdEncoding.EncodeToString(sealed), nil
}

// Open returns the plaintext of a stored value. reseal is true when the
// value should be written again sealed by p (an unprefixed value from
// before secrets were protected, or a plain one on a platform that
// protects). A value p cannot open is ErrUnreadable (wrapped).
func Open(p Protector, stored string) (plaintext string, reseal bool, err error) {
	if p == nil {
		p = Default()
	}
	scheme, payload, ok := split(stored)
	switch {
	case !ok:
		return stored, true, nil // legacy: stored before protection
	case scheme == SchemePlain:
		return payload, p.Scheme() != SchemePlain, nil
	case scheme != p.Scheme():
		return "", false, fmt.Errorf("%w (sealed with %s, this computer uses %s)", ErrUnreadable, scheme, p.Scheme())
	}
	sealed, err := base64.StdEncoding.DecodeString(payload)
	if err != nil {
		return "", false, fmt.Errorf("%w (damaged %s value)", ErrUnreadable, scheme)
	}
	b, err := p.Unprotect(sealed)
	if err != nil {
		return "", false, fmt.Errorf("%w: %v", ErrUnreadable, err)
	}
	return string(b), false, nil
}

// Scheme returns the scheme a stored value names ("" for a value stored
// before secrets were protected).
func Scheme(stored string) string {
	s, _, _ := split(stored)
	return s
}

// split cuts "plain:<value>" or "<name>:v<digits>:<payload>". Anything
// else is a legacy value: the secrets stored before (hex, "<uuid>.<token>",
// JSON) never start like that.
func split(stored string) (scheme, payload string, ok bool) {
	if rest, found := strings.CutPrefix(stored, SchemePlain+":"); found {
		return SchemePlain, rest, true
	}
	name, rest, found := strings.Cut(stored, ":")
	if !found || name == "" || !isLower(name) {
		return "", "", false
	}
	ver, payload, found := strings.Cut(rest, ":")
	if !found || len(ver) < 2 || ver[0] != 'v' || !isDigits(ver[1:]) {
		return "", "", false
	}
	return name + ":" + ver, payload, true
}

func isLower(s string) bool {
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
