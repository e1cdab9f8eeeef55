package server

import (
	"bytes"
	"encoding/json"
	"strconv"

	"gorm.io/gorm"

	"kembang/backend/domain"
	"kembang/backend/syncproto"
)

// How each entity is owned, scoped and merged (SYNC.md "Conflict rules").
//
// Office scope is never taken from what a device claims about itself: the
// device's office comes from its credential, and a row's office is fixed
// by the server the first time the row is accepted (the changes table's
// office_id). A later mutation of a row stored under another office is
// refused, whatever its payload says, and so is a row that points at
// another office's rows:
//
//	office             central; a laptop receives its own office's row only
//	competency,        central (office_id ''); every laptop receives them;
//	framework_version  read-only on laptops; published by kembang-server
//	unit               its officeId must be the device's office; parentId a unit of the office
//	position           office of the device that created it; unitId a unit of the office
//	employee           office of the device that created it; unitId and positionId of the
//	                   office; NIP unique among the office's live employees
//	assessment         office of the device that created it; employeeId and supersedesId of
//	                   the office
//
// Refusals for rows of another office answer sync.office_scope and carry
// nothing of the other office's row.
type rule struct {
	central bool
	merge   string // "lww" whole row, "fields" field-level merge
	// refs are payload fields naming rows that must be in the device's office.
	refs map[string]string
	// decode checks the payload is the entity's JSON.
	decode func([]byte) (domain.Syncable, error)
}

func decodeAs[T any, PT interface {
	*T
	domain.Syncable
}](b []byte) (domain.Syncable, error) {
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, err
	}
	return PT(&v), nil
}

var rules = map[string]rule{
	"office":            {central: true},
	"competency":        {central: true},
	"framework_version": {central: true},
	"unit":              {merge: "lww", refs: map[string]string{"parentId": "unit"}, decode: decodeAs[domain.Unit]},
	"position":          {merge: "lww", refs: map[string]string{"unitId": "unit"}, decode: decodeAs[domain.Position]},
	"employee":          {merge: "fields", refs: map[string]string{"unitId": "unit", "positionId": "position"}, decode: decodeAs[domain.Employee]},
	"assessment":        {merge: "lww", refs: map[string]string{"employeeId": "employee", "supersedesId": "assessment"}, decode: decodeAs[domain.Assessment]},
}

// metaFields are set by the server on every accepted change and never
// compared or merged.
var metaFields = map[string]bool{"id": true, "version": true, "updatedAt": true, "updatedByDevice": true}

// fields splits a JSON object into compacted field values.
func fields(b []byte) (map[string]json.RawMessage, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	if m == nil {
		return nil, errNotObject
	}
	for k, v := range m {
		var c bytes.Buffer
		if err := json.Compact(&c, v); err != nil {
			return nil, err
		}
		m[k] = c.Bytes()
	}
	return m, nil
}

type protoError string

func (e protoError) Error() string { return string(e) }

const errNotObject = protoError("payload is not a JSON object")

func same(a, b json.RawMessage) bool {
	if a == nil {
		a = json.RawMessage("null")
	}
	if b == nil {
		b = json.RawMessage("null")
	}
	return bytes.Equal(a, b)
}

// sameContent reports whether two rows differ in no user-visible field.
func sameContent(a, b map[string]json.RawMessage) bool {
	for k, v := range a {
		if !metaFields[k] && !same(v, b[k]) {
			return false
		}
	}
	for k, v := range b {
		if !metaFields[k] && !same(v, a[k]) {
			return false
		}
	}
	return true
}

// decision is what applying one mutation gives.
type decision struct {
	status    string
	code      string
	conflicts []syncproto.Conflict
	next      *changeRow // the row to store, nil when nothing changes
	current   *changeRow // the row as it stands when nothing changes
}

func reject(code string, current *changeRow) decision {
	return decision{status: syncproto.StatusRejected, code: code, current: current}
}

// decide applies the entity's rule to one mutation from dev. It reads only;
// the caller stores next.
func decide(tx *gorm.DB, dev *deviceRow, m *syncproto.Mutation) (decision, error) {
	r, ok := rules[m.Entity]
	if !ok {
		return reject(syncproto.CodeEntityUnknown, nil), nil
	}
	if r.central {
		return reject(syncproto.CodeReadOnly, nil), nil
	}
	cur, err := loadChange(tx, m.Entity, m.EntityID)
	if err != nil {
		return decision{}, err
	}
	if cur != nil && cur.OfficeID != dev.OfficeID {
		return reject(syncproto.CodeOfficeScope, nil), nil
	}
	row, err := r.decode(m.Payload)
	if err != nil || row.Meta().ID != m.EntityID {
		return reject(syncproto.CodePayloadInvalid, cur), nil
	}
	in, err := fields(m.Payload)
	if err != nil {
		return reject(syncproto.CodePayloadInvalid, cur), nil
	}
	if u, ok := row.(*domain.Unit); ok && u.OfficeID != dev.OfficeID {
		return reject(syncproto.CodeOfficeScope, cur), nil
	}
	for field, entity := range r.refs {
		var id *string
		if err := json.Unmarshal(in[field], &id); err != nil {
			return reject(syncproto.CodePayloadInvalid, cur), nil
		}
		if id == nil || *id == "" {
			continue
		}
		var n int64
		if err := tx.Model(&changeRow{}).Where("entity = ? AND entity_id = ? AND office_id = ?", entity, *id, dev.OfficeID).
			Count(&n).Error; err != nil {
			return decision{}, err
		}
		if n == 0 {
			return reject(syncproto.CodeOfficeScope, cur), nil
		}
	}

	out := in
	var conflicts []syncproto.Conflict
	if cur != nil {
		have, err := fields([]byte(cur.Payload))
		if err != nil {
			return decision{}, err
		}
		if sameContent(in, have) {
			return decision{status: syncproto.StatusApplied, current: cur}, nil
		}
		if m.Entity == "assessment" {
			var state string
			_ = json.Unmarshal(have["state"], &state)
			if state == string(domain.AssessmentFinalized) {
				return reject(syncproto.CodeFinalized, cur), nil
			}
		}
		if r.merge == "fields" {
			out, conflicts, err = mergeFields(m.Base, in, have, cur.UpdatedByDevice)
			if err != nil {
				return reject(syncproto.CodePayloadInvalid, cur), nil
			}
		}
	}
	var deleted bool
	_ = json.Unmarshal(out["deleted"], &deleted)
	key := ""
	if m.Entity == "employee" {
		_ = json.Unmarshal(out["nip"], &key)
		if !deleted && key != "" {
			// natural_key <> '' lets SQLite use the partial index
			// idx_changes_natural instead of scanning the office's changes.
			var n int64
			if err := tx.Model(&changeRow{}).Where("entity = ? AND office_id = ? AND natural_key = ? AND natural_key <> '' AND NOT deleted AND entity_id <> ?",
				"employee", dev.OfficeID, key, m.EntityID).Count(&n).Error; err != nil {
				return decision{}, err
			}
			if n > 0 {
				return reject(syncproto.CodeNIPTaken, cur), nil
			}
		}
	}
	version := int64(1)
	if cur != nil {
		version = cur.Version + 1
	}
	out["version"] = json.RawMessage(strconv.FormatInt(version, 10))
	devJSON, _ := json.Marshal(dev.ID)
	out["updatedByDevice"] = devJSON
	payload, err := json.Marshal(out)
	if err != nil {
		return decision{}, err
	}
	return decision{
		status:    syncproto.StatusApplied,
		conflicts: conflicts,
		next: &changeRow{
			Entity: m.Entity, EntityID: m.EntityID, OfficeID: dev.OfficeID, Version: version,
			Deleted: deleted, NaturalKey: key, UpdatedByDevice: dev.ID, Payload: string(payload),
		},
	}, nil
}

// mergeFields is the employees' rule: a field the laptop changed (it differs
// from base, the row as the laptop last received it) takes the laptop's
// value; any other field keeps the server's. A field both sides changed to
// different values is a conflict: the later writer in server order (this
// mutation) wins and the conflict is reported with both values. Without a
// base (the laptop never received the row) every differing field counts as
// changed by both.
func mergeFields(base json.RawMessage, in, have map[string]json.RawMessage, haveDevice string) (map[string]json.RawMessage, []syncproto.Conflict, error) {
	var b map[string]json.RawMessage
	if len(base) > 0 {
		var err error
		if b, err = fields(base); err != nil {
			return nil, nil, err
		}
	}
	out := make(map[string]json.RawMessage, len(have))
	for k, v := range have {
		out[k] = v
	}
	var conflicts []syncproto.Conflict
	for k, v := range in {
		if metaFields[k] {
			out[k] = v
			continue
		}
		if b != nil && same(v, b[k]) {
			continue // the laptop did not touch it
		}
		if !same(v, have[k]) && (b == nil || !same(have[k], b[k])) {
			conflicts = append(conflicts, syncproto.Conflict{Field: k, Yours: v, Theirs: have[k], TheirsDevice: haveDevice})
		}
		out[k] = v
	}
	sortConflicts(conflicts)
	return out, conflicts, nil
}

func sortConflicts(cs []syncproto.Conflict) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].Field < cs[j-1].Field; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}
