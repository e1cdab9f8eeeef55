// Package core wires the store, the built-in framework and the importer into
// the operations both the desktop app and kembangctl offer, so the two share
// every line of behaviour.
package core

import (
	"context"
	"errors"
	"fmt"
	"os/user"

	"kembang/backend/domain"
	"kembang/backend/framework"
	"kembang/backend/store"
)

// Version is the application version, set at build time with -ldflags.
var Version = "0.1.0-dev"

// DefaultOfficeName names the local office until the admin renames it.
const DefaultOfficeName = "Kantor Kembang"

// Core is an opened Kembang workspace.
type Core struct {
	Store *store.Store
}

// Open opens (creating and migrating when needed) the database described by
// cfg and makes sure the built-in dictionary, the local office and a first
// framework version exist.
func Open(ctx context.Context, cfg store.Config) (*Core, error) {
	s, err := store.Open(ctx, cfg)
	if err != nil {
		return nil, err
	}
	s.DefaultStandards = framework.DefaultStandards
	if s.Actor == "" {
		s.Actor = DefaultActor()
	}
	c := &Core{Store: s}
	if s.Device == "" {
		if s.Device, err = c.deviceID(ctx); err != nil {
			_ = s.Close()
			return nil, err
		}
	}
	if err := c.seed(ctx); err != nil {
		_ = s.Close()
		return nil, err
	}
	// Seal an office key stored before secrets were protected, now rather
	// than at the next print, so the next backup no longer carries it in
	// the clear. A key that cannot be read is reported when it is needed.
	_, _, _ = StoredOfficeKey(ctx, s)
	return c, nil
}

// settingDeviceID keeps this installation's device id: every write is
// stamped with it (updated_by_device, outbox, audit) as SYNC.md requires.
const settingDeviceID = "device.id"

// deviceID returns the installation's device id, made once and kept.
func (c *Core) deviceID(ctx context.Context) (string, error) {
	id, ok, err := c.Store.GetSetting(ctx, settingDeviceID)
	if err != nil || ok {
		return id, err
	}
	id = store.NewUUIDv7()
	return id, c.Store.SetSetting(ctx, settingDeviceID, id)
}

// DefaultActor names who is writing, for the audit trail: the operating
// system's user name of this session.
func DefaultActor() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "kembang"
}

// Close releases the database and its lock.
func (c *Core) Close() error { return c.Store.Close() }

func (c *Core) seed(ctx context.Context) error {
	if err := c.Store.EnsureBuiltins(ctx, framework.BuiltIn()); err != nil {
		return fmt.Errorf("seed built-in dictionary: %w", err)
	}
	if _, err := c.Store.EnsureLocalOffice(ctx, DefaultOfficeName); err != nil {
		return fmt.Errorf("seed local office: %w", err)
	}
	versions, err := c.Store.ListFrameworkVersions(ctx)
	if err != nil {
		return err
	}
	if len(versions) == 0 {
		if _, err := c.Store.PublishFramework(ctx, "Kamus kompetensi bawaan (PermenPAN-RB 38/2017)"); err != nil {
			return fmt.Errorf("publish first framework version: %w", err)
		}
	}
	return nil
}

// IsEmpty reports whether the workspace has no employees yet (used to offer
// demo data on first start).
func (c *Core) IsEmpty(ctx context.Context) (bool, error) {
	_, total, err := c.Store.SearchEmployees(ctx, store.EmployeeQuery{Limit: 1, IncludeDeleted: true})
	if err != nil {
		return false, err
	}
	return total == 0, nil
}

// IsStartupError reports whether err is one of the database conditions the
// UI explains on a blocking screen instead of a crash.
func IsStartupError(err error) bool {
	var e *domain.Error
	if !errors.As(err, &e) {
		return false
	}
	switch e.Code {
	case domain.CodeDBLocked, domain.CodeDBCorrupt, domain.CodeDBNewerVersion, domain.CodeDBBackupFailed:
		return true
	}
	return false
}
