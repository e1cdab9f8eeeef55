package server

import (
	"bytes"
	"encoding/json"
	"sort"
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
// The development entities (backend/domain plan.go, training.go,
// evaluation.go, award.go) are office rows too; every reference they carry
// is checked like the ones above, and rows whose id is derived from their
// content (see store/development.go) must carry that id, so two laptops
// recording the same fact offline write one row:
//
//	development_plan      id domain.PlanID(employeeId, year); employeeId, targetPositionId of
//	                      the office. Merged field by field and line by line
//	                      (domain.MergePlans); the approval state never goes backwards:
//	                      the workflow fields of a mutation move the plan only by
//	                      transitions that start at the state the server holds; a mutation
//	                      whose transitions start elsewhere (it was made on a state another
//	                      laptop has since moved on from) keeps its content changes but its
//	                      state loses, and the result carries a sync.state_kept conflict with
//	                      both states. Content of an approved, in-progress or done plan is
//	                      locked unless the mutation reopens it (plan.locked).
//	training_event        its officeId must be the device's office. Field-level merge; once a
//	                      participant is completed the event's content is frozen and it
//	                      cannot be deleted (training.completed); budget, realised cost
//	                      and funding source stay editable.
//	training_participant  id domain.ParticipantID(eventId, employeeId); eventId, employeeId,
//	                      planId of the office. Completed is final (training.completed);
//	                      never deleted (sync.append_only); its certificate number is unique
//	                      among the office's participants (certificate.taken).
//	training_attendance   id domain.AttendanceID(participantId, date); eventId, participantId
//	                      of the office. Never deleted; frozen once the participant is
//	                      completed; the same day marked on two laptops: present wins.
//	training_record       employeeId, eventId, participantId, learningActivityId of the
//	                      office. A record a completion produced (id
//	                      domain.TrainingRecordID of its participant or activity) never
//	                      changes and is never deleted, and is accepted only while its
//	                      participant is completed on the server (training.not_completed:
//	                      its completion was refused); hand-typed records merge field by field.
//	learning_activity     employeeId, planId of the office; frozen once completed.
//	evaluation            id domain.EvaluationID(participantId, level) (one per participant
//	                      and level; rows stored before ids were derived keep theirs until
//	                      their laptops move them, tombstoning the old id); eventId,
//	                      participantId, employeeId of the office. Field-level merge.
//	award                 employeeId of the office (or none).
//	certificate_counter   id domain.CertificateCounterID(eventId, device); eventId of the
//	                      office. Never deleted; its last number never goes back (the higher
//	                      of the two is kept), so a laptop never issues a number twice.
//
// Refusals for rows of another office answer sync.office_scope and carry
// nothing of the other office's row.
type rule struct {
	central bool
	merge   string // "lww" whole row, "fields" field-level merge, "plan" domain.MergePlans
	// refs are payload fields naming rows that must be in the device's office.
	refs map[string]string
	// decode checks the payload is the entity's JSON.
	decode func([]byte) (domain.Syncable, error)
	// officeField names a payload field that must be the device's office.
	officeField string
	// derivedID is the id the row must have, "" when any id will do.
	derivedID func(domain.Syncable) string
	// legacyIDs: rows stored before the id was derived keep their ids; the
	// derived id is required of new live rows only.
	legacyIDs bool
	// appendOnly rows are never deleted.
	appendOnly func(domain.Syncable) bool
	// admit refuses a mutation, new row or not, with a result code; ""
	// lets it through.
	admit func(tx *gorm.DB, dev *deviceRow, in map[string]json.RawMessage) (string, error)
	// guard refuses a change of a row the server already holds (have) into
	// out, the merged row, with a result code; "" lets it through.
	guard func(tx *gorm.DB, dev *deviceRow, out, have map[string]json.RawMessage) (string, error)
	// fix adjusts the merged row (out) before it is stored.
	fix func(out, in, have map[string]json.RawMessage, conflicts []syncproto.Conflict) []syncproto.Conflict
	// naturalKey is the value unique among the office's live rows of the
	// entity, "" for none; taken answers a clash.
	naturalKey func(out map[string]json.RawMessage) string
	taken      string
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
	"unit":              {merge: "lww", officeField: "officeId", refs: map[string]string{"parentId": "unit"}, decode: decodeAs[domain.Unit]},
	"position":          {merge: "lww", refs: map[string]string{"unitId": "unit"}, decode: decodeAs[domain.Position]},
	"employee": {merge: "fields", refs: map[string]string{"unitId": "unit", "positionId": "position"}, decode: decodeAs[domain.Employee],
		naturalKey: stringField("nip"), taken: syncproto.CodeNIPTaken},
	"assessment": {merge: "lww", refs: map[string]string{"employeeId": "employee", "supersedesId": "assessment"}, decode: decodeAs[domain.Assessment],
		guard: guardAssessment},
	"development_plan": {merge: "plan", refs: map[string]string{"employeeId": "employee", "targetPositionId": "position"},
		decode: decodeAs[domain.DevelopmentPlan],
		derivedID: func(r domain.Syncable) string {
			p := r.(*domain.DevelopmentPlan)
			return domain.PlanID(p.EmployeeID, p.Year)
		}},
	"training_event": {merge: "fields", officeField: "officeId", decode: decodeAs[domain.TrainingEvent], guard: guardEvent},
	"training_participant": {merge: "fields", refs: map[string]string{"eventId": "training_event", "employeeId": "employee", "planId": "development_plan"},
		decode: decodeAs[domain.Participant],
		derivedID: func(r domain.Syncable) string {
			p := r.(*domain.Participant)
			return domain.ParticipantID(p.EventID, p.EmployeeID)
		},
		appendOnly: always, guard: guardParticipant,
		naturalKey: stringField("certificateNo"), taken: syncproto.CodeCertificateUsed},
	"training_attendance": {merge: "fields", refs: map[string]string{"eventId": "training_event", "participantId": "training_participant"},
		decode: decodeAs[domain.Attendance],
		derivedID: func(r domain.Syncable) string {
			a := r.(*domain.Attendance)
			return domain.AttendanceID(a.ParticipantID, a.Date)
		},
		appendOnly: always, guard: guardAttendance, fix: presentWins},
	"training_record": {merge: "fields", refs: map[string]string{"employeeId": "employee", "eventId": "training_event",
		"participantId": "training_participant", "learningActivityId": "learning_activity"},
		decode: decodeAs[domain.TrainingRecord],
		derivedID: func(r domain.Syncable) string {
			switch t := r.(*domain.TrainingRecord); {
			case t.ParticipantID != "":
				return domain.TrainingRecordID(t.ParticipantID)
			case t.LearningActivityID != "":
				return domain.TrainingRecordID(t.LearningActivityID)
			}
			return ""
		},
		appendOnly: func(r domain.Syncable) bool { return fromCompletion(r.(*domain.TrainingRecord)) },
		admit:      admitRecord, guard: guardRecord},
	"learning_activity": {merge: "fields", refs: map[string]string{"employeeId": "employee", "planId": "development_plan"},
		decode: decodeAs[domain.LearningActivity], guard: guardActivity},
	"evaluation": {merge: "fields", refs: map[string]string{"eventId": "training_event", "participantId": "training_participant", "employeeId": "employee"},
		decode: decodeAs[domain.Evaluation],
		derivedID: func(r domain.Syncable) string {
			e := r.(*domain.Evaluation)
			return domain.EvaluationID(e.ParticipantID, e.Level)
		},
		legacyIDs: true},
	"award": {merge: "fields", refs: map[string]string{"employeeId": "employee"}, decode: decodeAs[domain.Award]},
	"certificate_counter": {merge: "fields", refs: map[string]string{"eventId": "training_event"}, decode: decodeAs[domain.CertificateCounter],
		derivedID: func(r domain.Syncable) string {
			c := r.(*domain.CertificateCounter)
			return domain.CertificateCounterID(c.EventID, c.Device)
		},
		appendOnly: always, fix: counterNeverBack},
}

func always(domain.Syncable) bool { return true }

func stringField(name string) func(map[string]json.RawMessage) string {
	return func(out map[string]json.RawMessage) string {
		var v string
		_ = json.Unmarshal(out[name], &v)
		return v
	}
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
	// gone: the server holds no such row and stored none; the device
	// drops its copy (a tombstone of a row the server never held).
	gone bool
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
	if cur == nil && row.Meta().Deleted {
		refused, err := refusedOnly(tx, dev, m.Entity, m.EntityID)
		if err != nil {
			return decision{}, err
		}
		if refused {
			// The tombstone of a row whose every earlier mutation from
			// this device was refused (made and deleted offline, pushed
			// in one round): the server never held it, so there is
			// nothing to delete and nothing to store; no laptop receives
			// a row it never had. A tombstone of a row the server lost
			// (restored from an older backup) is still stored, so the
			// laptops that hold the row delete it.
			return decision{status: syncproto.StatusApplied, gone: true}, nil
		}
	}
	if r.derivedID != nil {
		if want := r.derivedID(row); want != "" && want != m.EntityID && !(r.legacyIDs && (cur != nil || row.Meta().Deleted)) {
			return reject(syncproto.CodePayloadInvalid, cur), nil
		}
	}
	if r.officeField != "" {
		var office string
		if err := json.Unmarshal(in[r.officeField], &office); err != nil || office != dev.OfficeID {
			return reject(syncproto.CodeOfficeScope, cur), nil
		}
	}
	for _, field := range sortedKeys(r.refs) {
		entity := r.refs[field]
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
	if r.appendOnly != nil && row.Meta().Deleted && r.appendOnly(row) && (cur == nil || !cur.Deleted) {
		return reject(syncproto.CodeAppendOnly, cur), nil
	}
	if r.admit != nil {
		code, err := r.admit(tx, dev, in)
		if err != nil {
			return decision{}, err
		}
		if code != "" {
			return reject(code, cur), nil
		}
	}
	if m.Entity == "development_plan" {
		if fe := domain.ValidatePlan(row.(*domain.DevelopmentPlan), nil); len(fe) > 0 {
			return reject(fe[0].Code, cur), nil
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
		switch r.merge {
		case "fields":
			out, conflicts, err = mergeFields(m.Base, in, have, cur.UpdatedByDevice)
			if err != nil {
				return reject(syncproto.CodePayloadInvalid, cur), nil
			}
		case "plan":
			var code string
			out, conflicts, code, err = mergePlan(m.Base, row.(*domain.DevelopmentPlan), []byte(cur.Payload), cur.UpdatedByDevice)
			if err != nil {
				return decision{}, err
			}
			if code != "" {
				return reject(code, cur), nil
			}
		}
		if r.fix != nil {
			conflicts = r.fix(out, in, have, conflicts)
		}
		if sameContent(out, have) {
			// Nothing the laptop sent changes the row.
			return decision{status: syncproto.StatusApplied, conflicts: conflicts, current: cur}, nil
		}
		if r.guard != nil {
			code, err := r.guard(tx, dev, out, have)
			if err != nil {
				return decision{}, err
			}
			if code != "" {
				return reject(code, cur), nil
			}
		}
	}
	var deleted bool
	_ = json.Unmarshal(out["deleted"], &deleted)
	key := ""
	if r.naturalKey != nil {
		key = r.naturalKey(out)
		if !deleted && key != "" {
			// natural_key <> '' lets SQLite use the partial index
			// idx_changes_natural instead of scanning the office's changes.
			var n int64
			if err := tx.Model(&changeRow{}).Where("entity = ? AND office_id = ? AND natural_key = ? AND natural_key <> '' AND NOT deleted AND entity_id <> ?",
				m.Entity, dev.OfficeID, key, m.EntityID).Count(&n).Error; err != nil {
				return decision{}, err
			}
			if n > 0 {
				return reject(r.taken, cur), nil
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

// refusedOnly reports whether the server refused a mutation of the row
// from dev and applied none.
func refusedOnly(tx *gorm.DB, dev *deviceRow, entity, id string) (bool, error) {
	var statuses []string
	if err := tx.Model(&appliedRow{}).Distinct("status").Where("device_id = ? AND entity = ? AND entity_id = ?", dev.ID, entity, id).
		Pluck("status", &statuses).Error; err != nil {
		return false, err
	}
	return len(statuses) == 1 && statuses[0] == syncproto.StatusRejected, nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// linkedFields are employee fields that follow from one another: birth
// date and gender are read from the NIP, so a row must never take the NIP
// of one write and the gender of another.
var linkedFields = [][]string{{"nip", "birthDate", "gender"}}

// mergeFields is the employees' rule: a field the laptop changed (it differs
// from base, the row as the laptop last received it) takes the laptop's
// value; any other field keeps the server's. A field both sides changed to
// different values is a conflict: the later writer in server order (this
// mutation) wins and the conflict is reported with both values. Without a
// base (the laptop never received the row) every differing field counts as
// changed by both.
//
// Fields of one group in linkedFields merge as one: when the laptop changed
// any of them it changed all of them.
func mergeFields(base json.RawMessage, in, have map[string]json.RawMessage, haveDevice string) (map[string]json.RawMessage, []syncproto.Conflict, error) {
	var b map[string]json.RawMessage
	if len(base) > 0 {
		var err error
		if b, err = fields(base); err != nil {
			return nil, nil, err
		}
	}
	changed := map[string]bool{} // fields of a group the laptop changed
	for _, group := range linkedFields {
		for _, k := range group {
			if b != nil && !same(in[k], b[k]) {
				for _, g := range group {
					changed[g] = true
				}
			}
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
		if b != nil && same(v, b[k]) && !changed[k] {
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
