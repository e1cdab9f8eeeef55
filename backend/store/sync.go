package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"reflect"

	"gorm.io/gorm"

	"kembang/backend/domain"
)

// Audit actions.
const (
	actionCreate = "create"
	actionUpdate = "update"
	actionDelete = "delete"
	actionImport = "import"
)

// SyncableTables lists every table whose rows travel through the outbox.
// The conformance suite proves that each of them gets exactly one outbox
// row per create, update and delete.
var SyncableTables = []string{"offices", "units", "competencies", "framework_versions", "positions", "employees"}

// auditIgnored are JSON fields left out of audit diffs: they change on every
// write and say nothing about what the user changed.
var auditIgnored = map[string]bool{"version": true, "updatedAt": true, "updatedByDevice": true}

// change is what one write of a syncable row appends besides the row.
type change struct {
	outbox domain.OutboxEntry
	audit  domain.AuditEntry
}

// stamp is the identity and change-capture rule of SYNC.md, shared by every
// write of a syncable entity: single saves, deletes (tombstones) and batched
// imports. prev is the stored row (nil for a new one) and next the row to
// write. When next differs from prev in any user-visible field, stamp sets
// next's id (when empty), version (prev+1, new rows 1), time and device, and
// returns the outbox mutation and the audit entry to store with it. When
// nothing changed it returns ok=false and leaves next untouched: no version
// bump, no outbox row, no audit row.
//
// The one exception to "every write goes through stamp" is the built-in
// competency dictionary (EnsureBuiltins): it is central reference data,
// read-only on laptops, seeded identically by every installation, so it
// produces no outbox rows.
func (s *Store) stamp(prev, next domain.Syncable, action string) (change, bool, error) {
	if isNilPointer(prev) {
		prev = nil
	}
	m := next.Meta()
	var changes map[string][2]json.RawMessage
	var err error
	if prev != nil {
		if changes, err = diffJSON(prev, next); err != nil {
			return change{}, false, err
		}
		if len(changes) == 0 {
			return change{}, false, nil
		}
	}
	var base int64
	if prev != nil {
		base = prev.Meta().Version
		m.ID = prev.Meta().ID
	}
	if m.ID == "" {
		m.ID = s.NewID()
	}
	now := s.Now().UTC()
	m.Version = base + 1
	m.UpdatedAt = now
	m.UpdatedByDevice = s.Device
	payload, err := json.Marshal(next)
	if err != nil {
		return change{}, false, err
	}
	if prev == nil {
		// Every field of a new row is a change from nothing.
		if changes, err = diffJSON(nil, json.RawMessage(payload)); err != nil {
			return change{}, false, err
		}
	}
	changesJSON, err := json.Marshal(changes)
	if err != nil {
		return change{}, false, err
	}
	if action == "" {
		action = actionUpdate
		if prev == nil {
			action = actionCreate
		} else if m.Deleted && !prev.Meta().Deleted {
			action = actionDelete
		}
	}
	return change{
		outbox: domain.OutboxEntry{
			MutationID:  s.NewID(),
			Entity:      next.EntityName(),
			EntityID:    m.ID,
			BaseVersion: base,
			Payload:     string(payload),
			CreatedAt:   now,
		},
		audit: domain.AuditEntry{
			ID:       s.NewID(),
			At:       now,
			Actor:    s.Actor,
			Device:   s.Device,
			Entity:   next.EntityName(),
			EntityID: m.ID,
			Action:   action,
			Changes:  string(changesJSON),
		},
	}, true, nil
}

// write stores next as the successor of prev (nil: a new row) inside tx,
// with its outbox and audit rows. An update only applies when the stored
// version is still prev's, so a concurrent writer yields version.conflict
// instead of a lost update. action "" derives create/update/delete.
func (s *Store) write(tx *gorm.DB, op string, prev, next domain.Syncable, action string) error {
	if isNilPointer(prev) {
		prev = nil
	}
	ch, changed, err := s.stamp(prev, next, action)
	if err != nil {
		return domain.E(domain.CodeInternal, op, err)
	}
	if !changed {
		return nil
	}
	if prev == nil {
		if err := tx.Create(next).Error; err != nil {
			return dbErr(op, err)
		}
	} else {
		res := tx.Model(next).Where("version = ?", prev.Meta().Version).Select("*").Updates(next)
		if res.Error != nil {
			return dbErr(op, res.Error)
		}
		if res.RowsAffected != 1 {
			return versionConflict(op, next, prev.Meta().Version, -1)
		}
	}
	return s.appendChanges(tx, op, []change{ch})
}

// appendChanges stores outbox and audit rows in batches.
func (s *Store) appendChanges(tx *gorm.DB, op string, chs []change) error {
	if len(chs) == 0 {
		return nil
	}
	outbox := make([]domain.OutboxEntry, len(chs))
	audit := make([]domain.AuditEntry, len(chs))
	for i, ch := range chs {
		outbox[i], audit[i] = ch.outbox, ch.audit
	}
	if err := tx.CreateInBatches(outbox, batchSize).Error; err != nil {
		return dbErr(op, err)
	}
	if err := tx.CreateInBatches(audit, batchSize).Error; err != nil {
		return dbErr(op, err)
	}
	return nil
}

// batchSize is the rows per multi-row INSERT. It stays far below SQLite's
// and PostgreSQL's limits on bound parameters, and small on purpose: the
// pure-Go SQLite driver matches each parameter by a linear search over all
// arguments, so a statement's binding cost grows with the square of its
// parameter count (a 10k import spent half its time binding with 500-row batches).
const batchSize = 32

// diffJSON compares the JSON forms of prev and next field by field and
// returns field → [old, new] for each user-visible difference. prev nil
// means every field is new.
func diffJSON(prev, next any) (map[string][2]json.RawMessage, error) {
	nextFields, err := jsonFields(next)
	if err != nil {
		return nil, err
	}
	prevFields := map[string]json.RawMessage{}
	if !isNilPointer(prev) {
		if prevFields, err = jsonFields(prev); err != nil {
			return nil, err
		}
	}
	null := json.RawMessage("null")
	out := map[string][2]json.RawMessage{}
	for k, nv := range nextFields {
		if auditIgnored[k] {
			continue
		}
		ov, ok := prevFields[k]
		if !ok {
			ov = null
		}
		if !bytes.Equal(ov, nv) {
			out[k] = [2]json.RawMessage{ov, nv}
		}
	}
	for k, ov := range prevFields {
		if _, ok := nextFields[k]; !ok && !auditIgnored[k] {
			out[k] = [2]json.RawMessage{ov, null}
		}
	}
	return out, nil
}

// isNilPointer reports whether v is nil or a typed nil pointer.
func isNilPointer(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}

func jsonFields(v any) (map[string]json.RawMessage, error) {
	b, ok := v.(json.RawMessage)
	if !ok {
		var err error
		if b, err = json.Marshal(v); err != nil {
			return nil, err
		}
	}
	var m map[string]json.RawMessage
	err := json.Unmarshal(b, &m)
	return m, err
}

// find loads the row of type T with the given id; nil when there is none.
func find[T any](tx *gorm.DB, op, id string) (*T, error) {
	var row T
	err := tx.Where("id = ?", id).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, dbErr(op, err)
	}
	return &row, nil
}

// checkVersion enforces optimistic concurrency for a caller's save: the
// version the caller read must be the stored one.
func checkVersion(op string, next, stored domain.Syncable) error {
	if next.Meta().Version != stored.Meta().Version {
		return versionConflict(op, next, stored.Meta().Version, next.Meta().Version)
	}
	return nil
}

func versionConflict(op string, e domain.Syncable, stored, given int64) error {
	d := []any{"entity", e.EntityName(), "id", e.Meta().ID}
	if stored >= 0 && given >= 0 {
		d = append(d, "stored", stored, "given", given)
	}
	return domain.E(domain.CodeVersionConflict, op, nil, d...)
}

func notFound(op, entity, id string) error {
	return domain.E(domain.CodeNotFound, op, nil, "entity", entity, "id", id)
}

// dbErr wraps a database error with the operation, keeping *domain.Error as is.
func dbErr(op string, err error) error {
	if err == nil {
		return nil
	}
	var de *domain.Error
	if errors.As(err, &de) {
		return err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return domain.E(domain.CodeInternal, op, err, "reason", "canceled")
	}
	return domain.E(domain.CodeInternal, op, err)
}

// inTx runs fn in one transaction; any error rolls everything back.
func (s *Store) inTx(ctx context.Context, op string, fn func(tx *gorm.DB) error) error {
	return dbErr(op, s.DB.WithContext(ctx).Transaction(fn))
}
