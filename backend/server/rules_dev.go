package server

import (
	"encoding/json"
	"strconv"

	"gorm.io/gorm"

	"kembang/backend/domain"
	"kembang/backend/syncproto"
)

// The rules of the development entities (see the table in rules.go).

func guardAssessment(_ *gorm.DB, _ *deviceRow, _, have map[string]json.RawMessage) (string, error) {
	var state string
	_ = json.Unmarshal(have["state"], &state)
	if state == string(domain.AssessmentFinalized) {
		return syncproto.CodeFinalized, nil
	}
	return "", nil
}

// eventOpenFields may change after an event has completed participants:
// they are the office's bookkeeping, not what the certificates and the
// training history say.
var eventOpenFields = map[string]bool{"budget": true, "realisedCost": true, "fundingSource": true}

// guardEvent freezes an event once one of its participants is completed.
func guardEvent(tx *gorm.DB, dev *deviceRow, out, have map[string]json.RawMessage) (string, error) {
	changed := false
	for k := range unionFields(out, have) {
		if !metaFields[k] && !eventOpenFields[k] && !same(out[k], have[k]) {
			changed = true
			break
		}
	}
	if !changed {
		return "", nil
	}
	var id string
	_ = json.Unmarshal(have["id"], &id)
	n, err := completedParticipants(tx, dev.OfficeID, id)
	if err != nil || n == 0 {
		return "", err
	}
	return domain.CodeTrainingCompleted, nil
}

// completedParticipants counts the event's completed participants. The
// server writes every payload itself with json.Marshal (compact, keys
// sorted), so the two fields read the same in every stored row.
func completedParticipants(tx *gorm.DB, office, eventID string) (int64, error) {
	ev, _ := json.Marshal(eventID)
	var n int64
	err := tx.Model(&changeRow{}).Where("entity = ? AND office_id = ? AND payload LIKE ? AND payload LIKE ?",
		"training_participant", office, `%"eventId":`+string(ev)+`%`, `%"status":"completed"%`).Count(&n).Error
	return n, err
}

func unionFields(a, b map[string]json.RawMessage) map[string]bool {
	out := make(map[string]bool, len(a))
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

func str(m map[string]json.RawMessage, k string) string {
	var v string
	_ = json.Unmarshal(m[k], &v)
	return v
}

// guardParticipant: a completed participant and an issued certificate
// number never change.
func guardParticipant(_ *gorm.DB, _ *deviceRow, out, have map[string]json.RawMessage) (string, error) {
	if str(have, "status") == string(domain.ParticipantCompleted) {
		return domain.CodeTrainingCompleted, nil
	}
	if no := str(have, "certificateNo"); no != "" && str(out, "certificateNo") != no {
		return domain.CodeTrainingCompleted, nil
	}
	return "", nil
}

// guardAttendance: the attendance of a completed participant is what its
// completion was computed from; it no longer changes.
func guardAttendance(tx *gorm.DB, _ *deviceRow, _, have map[string]json.RawMessage) (string, error) {
	p, err := loadChange(tx, "training_participant", str(have, "participantId"))
	if err != nil || p == nil {
		return "", err
	}
	var pf struct {
		Status string `json:"status"`
	}
	_ = json.Unmarshal([]byte(p.Payload), &pf)
	if pf.Status == string(domain.ParticipantCompleted) {
		return domain.CodeTrainingCompleted, nil
	}
	return "", nil
}

func fromCompletion(r *domain.TrainingRecord) bool {
	return r.EventID != "" || r.ParticipantID != "" || r.LearningActivityID != ""
}

// guardRecord: a record a completion produced changes only with its
// source, which never changes once completed.
func guardRecord(_ *gorm.DB, _ *deviceRow, _, have map[string]json.RawMessage) (string, error) {
	if str(have, "eventId") != "" || str(have, "participantId") != "" || str(have, "learningActivityId") != "" {
		return domain.CodeTrainingCompleted, nil
	}
	return "", nil
}

// admitRecord: a record a participant's completion produced stands only
// with that completion. When the completion was refused (another laptop
// completed first, or its certificate number was taken), the record of
// the refused completion is refused too, instead of giving the employee
// JP for a participation the server does not hold as completed.
func admitRecord(tx *gorm.DB, _ *deviceRow, in map[string]json.RawMessage) (string, error) {
	id := str(in, "participantId")
	if id == "" {
		return "", nil
	}
	p, err := loadChange(tx, "training_participant", id)
	if err != nil || p == nil {
		return "", err // an unknown participant is refused as out of scope
	}
	var pf struct {
		Status string `json:"status"`
	}
	_ = json.Unmarshal([]byte(p.Payload), &pf)
	if pf.Status != string(domain.ParticipantCompleted) {
		return syncproto.CodeNotCompleted, nil
	}
	return "", nil
}

// guardActivity: a completed learning activity never changes.
func guardActivity(_ *gorm.DB, _ *deviceRow, _, have map[string]json.RawMessage) (string, error) {
	if str(have, "trainingRecordId") != "" {
		return domain.CodeTrainingCompleted, nil
	}
	return "", nil
}

// presentWins: one day marked on two laptops differently counts as present.
func presentWins(out, in, have map[string]json.RawMessage, cs []syncproto.Conflict) []syncproto.Conflict {
	for i := range cs {
		if cs[i].Field != "present" {
			continue
		}
		out["present"] = json.RawMessage("true")
		if !same(in["present"], json.RawMessage("true")) {
			cs[i].Kept = "theirs"
		}
	}
	return cs
}

// counterNeverBack keeps the higher of the two last numbers: a counter
// that went back would issue a number again.
func counterNeverBack(out, in, have map[string]json.RawMessage, cs []syncproto.Conflict) []syncproto.Conflict {
	var a, b int64
	_ = json.Unmarshal(in["last"], &a)
	_ = json.Unmarshal(have["last"], &b)
	out["last"] = json.RawMessage(strconv.FormatInt(max(a, b), 10))
	kept := cs[:0]
	for _, c := range cs {
		if c.Field != "last" {
			kept = append(kept, c)
		}
	}
	return kept
}

// mergePlan merges the plan a laptop sent (in, validated) into the
// server's (havePayload), from base (the plan as the laptop last received
// it; none: every difference counts as changed on both sides), with
// domain.MergePlans, the laptop being the later writer. The approval state
// never goes backwards: the laptop's workflow fields count only when its
// transitions start at the state the server holds; otherwise the server's
// state is kept and a conflict with Kept "theirs" says so. The content of
// an approved plan stays locked unless the laptop reopened it; a change of
// locked content is refused with the domain's code (plan.locked).
func mergePlan(baseJSON json.RawMessage, in *domain.DevelopmentPlan, havePayload []byte, haveDevice string) (map[string]json.RawMessage, []syncproto.Conflict, string, error) {
	var have, base domain.DevelopmentPlan
	if err := json.Unmarshal(havePayload, &have); err != nil {
		return nil, nil, "", err
	}
	haveBase := false
	if len(baseJSON) > 0 && json.Unmarshal(baseJSON, &base) == nil {
		haveBase = true
	}
	domain.ValidatePlan(&have, nil) // normalise only
	mine := *in
	var conflicts []syncproto.Conflict
	stateConflict := func() {
		y, _ := json.Marshal(in.State)
		t, _ := json.Marshal(have.State)
		conflicts = append(conflicts, syncproto.Conflict{Field: "state", Yours: y, Theirs: t, TheirsDevice: haveDevice, Kept: "theirs"})
	}
	chain := transitionsFrom(&have, in)
	switch {
	case in.StateSeq > have.StateSeq && chain == nil:
		// Transitions made on a state the server no longer holds: the
		// content merges, the workflow stays the server's.
		stateConflict()
		mine.State, mine.StateSeq = have.State, have.StateSeq
		mine.ApproverName, mine.ApproverNIP, mine.ApprovedAt = have.ApproverName, have.ApproverNIP, have.ApprovedAt
		mine.RevisionReason = have.RevisionReason
		// Its history joins the server's (every real transition stays on
		// record) but not a move the workflow never allows.
		mine.History = nil
		for _, e := range in.History {
			if allowed(e.From, e.To) {
				mine.History = append(mine.History, e)
			}
		}
	case in.StateSeq < have.StateSeq && haveBase && in.StateSeq > base.StateSeq && in.State != have.State:
		// The laptop moved the plan, but another laptop moved it further
		// first: MergePlans keeps the server's workflow.
		stateConflict()
	}
	if !haveBase {
		base = domain.DevelopmentPlan{EmployeeID: have.EmployeeID, Year: have.Year}
	}
	merged, mcs := domain.MergePlans(base, have, mine)
	for _, c := range mcs {
		field := c.Field
		if c.LineID != "" {
			field += "[" + c.LineID + "]"
		}
		kept := ""
		switch c.Kept {
		case "local":
			kept = "theirs"
		case "both":
			kept = "both"
		}
		conflicts = append(conflicts, syncproto.Conflict{Field: field, Yours: rawOrNull(c.Remote), Theirs: rawOrNull(c.Local),
			TheirsDevice: haveDevice, Kept: kept})
	}
	locked := have.State == domain.PlanApproved || have.State == domain.PlanInProgress || have.State == domain.PlanDone
	reopened := len(chain) > 0 && domain.IsReopening(chain[0].From, chain[0].To)
	if locked && !reopened {
		probe := merged
		probe.State, probe.StateSeq = have.State, have.StateSeq
		probe.ApproverName, probe.ApproverNIP, probe.ApprovedAt = have.ApproverName, have.ApproverNIP, have.ApprovedAt
		probe.RevisionReason, probe.History = have.RevisionReason, have.History
		if err := domain.CheckPlanUpdate(&have, &probe); err != nil {
			return nil, nil, domain.ErrorCode(err), nil
		}
	}
	b, err := json.Marshal(&merged)
	if err != nil {
		return nil, nil, "", err
	}
	out, err := fields(b)
	if err != nil {
		return nil, nil, "", err
	}
	return out, conflicts, "", nil
}

// transitionsFrom returns the transitions in made after the state have is
// in, when they form a chain the workflow allows that starts there and
// ends at in's state; nil otherwise (or when in made none).
func transitionsFrom(have, in *domain.DevelopmentPlan) []domain.PlanEvent {
	k := in.StateSeq - have.StateSeq
	if k <= 0 || len(in.History) < k {
		return nil
	}
	evs := in.History[len(in.History)-k:]
	from := have.State
	if from == "" {
		from = domain.PlanDraft
	}
	for i, e := range evs {
		if e.Seq != have.StateSeq+i+1 || e.From != from || !allowed(from, e.To) {
			return nil
		}
		from = e.To
	}
	if from != in.State {
		return nil
	}
	return evs
}

func allowed(from, to domain.PlanState) bool {
	for _, s := range (&domain.DevelopmentPlan{State: from}).NextStates() {
		if s == to {
			return true
		}
	}
	return false
}

// rawOrNull turns a MergeConflict value (JSON text, "changed"/"deleted"
// for a whole line) into JSON.
func rawOrNull(s string) json.RawMessage {
	if s == "" {
		return json.RawMessage("null")
	}
	if json.Valid([]byte(s)) {
		return json.RawMessage(s)
	}
	b, _ := json.Marshal(s)
	return b
}
