package store

import (
	"context"
	"errors"

	"kembang/backend/domain"
	"kembang/backend/secret"
)

// Secret settings: the few settings that are secrets (the sync device
// credential and key, the office's signing key) are kept sealed by the
// store's protector (backend/secret: DPAPI of the Windows user on Windows,
// marked "plain:" elsewhere). Values stored before protection existed are
// read as they are and sealed in place on first read.

// GetSecret returns the secret stored under key and whether there is one.
// A secret this user on this computer cannot read (the database was
// restored on another Windows account or computer) is an internal error
// wrapping secret.ErrUnreadable: callers turn it into their own code and
// never replace the secret silently.
func (s *Store) GetSecret(ctx context.Context, key string) (string, bool, error) {
	const op = "store.get_secret"
	db := s.DB.WithContext(ctx)
	stored, ok, err := getSetting(db, op, key)
	if err != nil || !ok || stored == "" {
		return "", ok, err
	}
	plain, reseal, err := secret.Open(s.Secrets, stored)
	if err != nil {
		return "", true, domain.E(domain.CodeInternal, op, err, "setting", key)
	}
	if reseal {
		// Only when the value is still the one read, so a secret written
		// meanwhile is never overwritten with the old one. A failure keeps
		// the old form; the next read tries again.
		if sealed, err := secret.Seal(s.Secrets, plain); err == nil {
			db.Model(&setting{}).Where(map[string]any{"key": key, "value": stored}).Update("value", sealed)
		}
	}
	return plain, true, nil
}

// SetSecret seals value and stores it under key. An empty value is stored
// empty (there is nothing to protect).
func (s *Store) SetSecret(ctx context.Context, key, value string) error {
	sealed, err := s.SealSecret(value)
	if err != nil {
		return err
	}
	return s.SetSetting(ctx, key, sealed)
}

// SealSecret returns the stored form of value, for writing it with other
// settings in one transaction (SetSettings).
func (s *Store) SealSecret(value string) (string, error) {
	if value == "" {
		return "", nil
	}
	sealed, err := secret.Seal(s.Secrets, value)
	if err != nil {
		return "", domain.E(domain.CodeInternal, "store.seal_secret", err)
	}
	return sealed, nil
}

// IsSecretUnreadable reports whether err means a stored secret exists but
// cannot be read by this user on this computer.
func IsSecretUnreadable(err error) bool { return errors.Is(err, secret.ErrUnreadable) }
