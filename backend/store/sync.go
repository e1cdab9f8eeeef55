package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"slices"

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
var SyncableTables = []string{"offices", "units", "competencies", "framework_versions", "positions", "employees", "assessments",
	"development_plans", "training_events", "participants", "attendances", "training_records", "learning_activities",
	"evaluations", "awards", "certificate_counters"}

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
	var changesJSON []byte
	if prev == nil {
		// Every field of a new row is a change from nothing.
		changesJSON, err = newRowChanges(payload)
	} else {
		changesJSON, err = json.Marshal(changes)
	}
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

// appendChanges stores outbox and audit rows with multi-row inserts.
func (s *Store) appendChanges(tx *gorm.DB, op string, chs []change) error {
	if len(chs) == 0 {
		return nil
	}
	vals := make([]any, 0, len(chs)*max(len(outboxTable.cols), len(auditTable.cols)))
	for i := range chs {
		vals = outboxValues(vals, &chs[i].outbox)
	}
	if err := insertRows(tx, outboxTable, vals); err != nil {
		return dbErr(op, err)
	}
	vals = vals[:0]
	for i := range chs {
		vals = auditValues(vals, &chs[i].audit)
	}
	if err := insertRows(tx, auditTable, vals); err != nil {
		return dbErr(op, err)
	}
	return nil
}

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

// newRowChanges returns the audit changes of a new row whose JSON is
// payload: every non-null field but the auditIgnored ones as [null, value],
// in key order. It is byte for byte what marshalling diffJSON(nil, payload) gives,
// without decoding the payload into a map. Payloads it cannot split simply
// (escaped keys) take that slow way.
func newRowChanges(payload []byte) ([]byte, error) {
	type field struct{ key, val []byte }
	fields := make([]field, 0, 24)
	p := payload
	ok := len(p) >= 2 && p[0] == '{' && p[len(p)-1] == '}'
	for i := 1; ok && i < len(p)-1; {
		if p[i] != '"' {
			ok = false
			break
		}
		end := i + 1
		for end < len(p) && p[end] != '"' && p[end] != '\\' {
			end++
		}
		if end+1 >= len(p) || p[end] != '"' || p[end+1] != ':' {
			ok = false
			break
		}
		key := p[i+1 : end]
		vstart := end + 2
		vend, valid := skipJSONValue(p, vstart)
		if !valid {
			ok = false
			break
		}
		// A null field is no change from nothing.
		if val := p[vstart:vend]; !auditIgnored[string(key)] && string(val) != "null" {
			fields = append(fields, field{key, val})
		}
		i = vend
		if i < len(p)-1 {
			if p[i] != ',' {
				ok = false
				break
			}
			i++
		}
	}
	if !ok {
		changes, err := diffJSON(nil, json.RawMessage(payload))
		if err != nil {
			return nil, err
		}
		return json.Marshal(changes)
	}
	slices.SortFunc(fields, func(a, b field) int { return bytes.Compare(a.key, b.key) })
	n := 2
	for _, f := range fields {
		n += len(f.key) + len(f.val) + 12
	}
	out := make([]byte, 0, n)
	out = append(out, '{')
	for i, f := range fields {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, '"')
		out = append(out, f.key...)
		out = append(out, `":[null,`...)
		out = append(out, f.val...)
		out = append(out, ']')
	}
	return append(out, '}'), nil
}

// skipJSONValue returns the end of the compact JSON value starting at p[i].
func skipJSONValue(p []byte, i int) (int, bool) {
	depth := 0
	for i < len(p) {
		switch c := p[i]; c {
		case '"':
			i++
			for i < len(p) && p[i] != '"' {
				if p[i] == '\\' {
					i++
				}
				i++
			}
			if i >= len(p) {
				return 0, false
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return i, true
			}
			depth--
		case ',':
			if depth == 0 {
				return i, true
			}
		}
		i++
	}
	return 0, false
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
