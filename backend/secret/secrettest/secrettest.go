// Package secrettest gives tests a secret.Protector that behaves like DPAPI
// across Windows accounts: what one Account sealed, another cannot open.
package secrettest

import (
	"bytes"
	"errors"

	"kembang/backend/secret"
)

// Scheme is the scheme of Protector's values.
const Scheme = "fake:v1"

// Protector seals a value for its Account. The sealing is not encryption
// (the plaintext is visible in the value): it only stands in for DPAPI in
// tests.
type Protector struct {
	Account string
	// FailProtect makes Protect fail (the operating system refusing).
	FailProtect bool
}

var _ secret.Protector = (*Protector)(nil)

// Scheme implements secret.Protector.
func (p *Protector) Scheme() string { return Scheme }

// Protect implements secret.Protector.
func (p *Protector) Protect(b []byte) ([]byte, error) {
	if p.FailProtect {
		return nil, errors.New("fake protector: protect refused")
	}
	return append([]byte(p.Account+"\x00"), b...), nil
}

// Unprotect implements secret.Protector: only the Account that sealed a
// value opens it.
func (p *Protector) Unprotect(b []byte) ([]byte, error) {
	owner, rest, ok := bytes.Cut(b, []byte{0})
	if !ok || string(owner) != p.Account {
		return nil, errors.New("fake protector: sealed for another account")
	}
	return rest, nil
}
