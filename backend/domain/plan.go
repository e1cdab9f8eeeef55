package domain

import (
	"bytes"
	"crypto/sha1"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The individual development plan (IDP, rencana pengembangan kompetensi
// individu), DOMAIN.md §5: one plan per employee per year, agreed with the
// direct superior. Its lines say which competency gap is addressed, how
// (form, route and method of the LAN 10/2018 catalogue), by whom, when, for
// how many JP and at what cost. SYNC.md: plans are merged field by field,
// and the approval state cannot go backwards.
//
// The workflow:
//
//	draft ──submit──▶ submitted ──approve──▶ approved ──start──▶ in_progress ──finish──▶ done
//	                   │    ▲                   │                    │
//	         send back │    │ resubmit          │ reopen             │ reopen
//	                   ▼    │                   ▼                    ▼
//	                  revision ◀────────────────┴────────────────────┘
//
// Approval never goes backwards silently: the only way back from approved
// or in_progress is an explicit reopening to revision, which needs a reason
// and the name and NIP of who reopened it, and is kept in the plan's
// history together with the approval it undid. done is final. A sync merge
// never moves a plan backwards either (see MergePlans), and the store
// guard CheckPlanUpdate refuses a state written without its transition.

// PlanState is where a plan is in its workflow.
type PlanState string

const (
	PlanDraft      PlanState = "draft"
	PlanSubmitted  PlanState = "submitted"   // waiting for the supervisor
	PlanRevision   PlanState = "revision"    // sent back (or reopened) with a reason
	PlanApproved   PlanState = "approved"    // agreed by the supervisor; content locked
	PlanInProgress PlanState = "in_progress" // being carried out
	PlanDone       PlanState = "done"        // final
)

// PlanStates lists every state in workflow order.
var PlanStates = []PlanState{PlanDraft, PlanSubmitted, PlanRevision, PlanApproved, PlanInProgress, PlanDone}

// Valid reports whether s is a known state.
func (s PlanState) Valid() bool {
	for _, v := range PlanStates {
		if v == s {
			return true
		}
	}
	return false
}

// progress orders states for the merge: a merge keeps the state further
// along, so a concurrent "send back" never undoes an approval.
func (s PlanState) progress() int {
	switch s {
	case PlanRevision:
		return 1
	case PlanSubmitted:
		return 2
	case PlanApproved:
		return 3
	case PlanInProgress:
		return 4
	case PlanDone:
		return 5
	}
	return 0
}

// approvedLike reports whether the plan's content is agreed and locked.
func (s PlanState) approvedLike() bool {
	return s == PlanApproved || s == PlanInProgress || s == PlanDone
}

// FundingSource is sumber dana.
type FundingSource string

const (
	FundingAPBN  FundingSource = "APBN"
	FundingAPBD  FundingSource = "APBD"
	FundingSelf  FundingSource = "mandiri" // paid by the employee
	FundingOther FundingSource = "lainnya" // sponsor, partner, free of charge
)

// FundingSources lists every funding source.
var FundingSources = []FundingSource{FundingAPBN, FundingAPBD, FundingSelf, FundingOther}

// ParseFundingSource accepts the sources in any case.
func ParseFundingSource(s string) (FundingSource, bool) {
	for _, f := range FundingSources {
		if strings.EqualFold(strings.TrimSpace(s), string(f)) {
			return f, true
		}
	}
	return "", false
}

// LineStatus is the progress of one plan line.
type LineStatus string

const (
	LinePlanned    LineStatus = "planned"
	LineInProgress LineStatus = "in_progress"
	LineDone       LineStatus = "done"
	LineCancelled  LineStatus = "cancelled"
)

// Valid reports whether s is a known line status.
func (s LineStatus) Valid() bool {
	return s == LinePlanned || s == LineInProgress || s == LineDone || s == LineCancelled
}

// PlanLine is one development activity of a plan. A line usually addresses
// one competency gap; CompetencyCode may be empty for an activity required
// for other reasons (Latsar, a mandated course).
type PlanLine struct {
	ID             string          `json:"id"`
	Priority       int             `json:"priority"` // 1 = largest gap
	CompetencyCode string          `json:"competencyCode"`
	CompetencyType CompetencyType  `json:"competencyType"`
	Standard       int             `json:"standard"`
	Actual         float64         `json:"actual"`
	Gap            float64         `json:"gap"` // Actual − Standard, negative for a need
	Goal           string          `json:"goal"`
	Form           DevelopmentForm `json:"form"`
	MethodCode     string          `json:"methodCode"`
	// Alternatives are the other methods the drafting rule proposed, in
	// preference order, for the UI to offer.
	Alternatives     []string      `json:"alternatives"`
	Programme        string        `json:"programme"`
	Provider         string        `json:"provider"`     // penyelenggara
	PlannedStart     string        `json:"plannedStart"` // YYYY-MM-DD
	PlannedEnd       string        `json:"plannedEnd"`   // YYYY-MM-DD
	PlannedJP        float64       `json:"plannedJp"`
	Cost             int64         `json:"cost"` // rupiah
	FundingSource    FundingSource `json:"fundingSource"`
	Status           LineStatus    `json:"status"`
	TrainingRecordID string        `json:"trainingRecordId"` // the riwayat that realised it
	RealisedJP       float64       `json:"realisedJp"`
}

// PlanLines is stored as one JSON column.
type PlanLines []PlanLine

func (l PlanLines) Value() (driver.Value, error) { return jsonValue(l) }
func (l *PlanLines) Scan(src any) error          { return jsonScan(src, l) }

// GapLines is a gap analysis stored as one JSON column.
type GapLines []GapLine

func (g GapLines) Value() (driver.Value, error) { return jsonValue(g) }
func (g *GapLines) Scan(src any) error          { return jsonScan(src, g) }

// PlanEvent is one transition of a plan, kept forever in its history.
type PlanEvent struct {
	Seq       int       `json:"seq"` // the plan's StateSeq after the transition
	At        time.Time `json:"at"`
	From      PlanState `json:"from"`
	To        PlanState `json:"to"`
	ActorName string    `json:"actorName"`
	ActorNIP  string    `json:"actorNip"`
	Reason    string    `json:"reason"`
}

// PlanHistory is stored as one JSON column.
type PlanHistory []PlanEvent

func (h PlanHistory) Value() (driver.Value, error) { return jsonValue(h) }
func (h *PlanHistory) Scan(src any) error          { return jsonScan(src, h) }

// Approver is the person acting on a plan: the supervisor (atasan
// langsung) who approves, sends back or reopens it.
type Approver struct {
	Name string `json:"name"`
	NIP  string `json:"nip"`
}

// DevelopmentPlan is the IDP of one employee for one year.
type DevelopmentPlan struct {
	SyncMeta
	EmployeeID string `gorm:"size:36;not null;uniqueIndex:idx_plan_employee_year" json:"employeeId"`
	Year       int    `gorm:"not null;uniqueIndex:idx_plan_employee_year" json:"year"`
	// TargetPositionID is the career target (jabatan target), optional;
	// TargetGaps is the employee's gap against its standard when it was set.
	TargetPositionID *string   `gorm:"size:36" json:"targetPositionId"`
	TargetGaps       GapLines  `gorm:"type:text;not null" json:"targetGaps"`
	State            PlanState `gorm:"size:20;not null;default:'draft';index" json:"state"`
	// StateSeq counts the transitions; a merge keeps the side with more.
	StateSeq       int         `gorm:"not null;default:0" json:"stateSeq"`
	ApproverName   string      `gorm:"size:200;not null;default:''" json:"approverName"`
	ApproverNIP    string      `gorm:"size:18;not null;default:''" json:"approverNip"`
	ApprovedAt     *time.Time  `json:"approvedAt"`
	RevisionReason string      `gorm:"type:text;not null;default:''" json:"revisionReason"`
	Note           string      `gorm:"type:text;not null;default:''" json:"note"`
	Lines          PlanLines   `gorm:"type:text;not null" json:"lines"`
	History        PlanHistory `gorm:"type:text;not null" json:"history"`
}

func (DevelopmentPlan) EntityName() string { return "development_plan" }

func (p *DevelopmentPlan) state() PlanState {
	if p.State == "" {
		return PlanDraft
	}
	return p.State
}

// PlanID is the id of the plan of employeeID for year: a name-based UUID
// (v5, SHA-1) of "kembang/development_plan/<employee id>/<year>" in
// Kembang's namespace (the one of framework.Namespace). Two laptops that
// draft the same employee's plan offline therefore write the same row, and
// sync merges their edits field by field instead of creating two plans for
// one year, which the "one plan per employee per year" rule forbids. This
// is the one deliberate exception to client-made UUIDv7 ids, like the ids
// of the built-in competencies.
func PlanID(employeeID string, year int) string {
	return nameUUID("kembang/development_plan/" + employeeID + "/" + strconv.Itoa(year))
}

// kembangNamespace is 4801bb4e-0997-43c5-a77e-a960aa4dd07f, the namespace
// of framework.Namespace; the framework tests check they agree.
var kembangNamespace = [16]byte{0x48, 0x01, 0xbb, 0x4e, 0x09, 0x97, 0x43, 0xc5, 0xa7, 0x7e, 0xa9, 0x60, 0xaa, 0x4d, 0xd0, 0x7f}

// nameUUID is RFC 9562 UUIDv5 of name in kembangNamespace.
func nameUUID(name string) string {
	h := sha1.New()
	h.Write(kembangNamespace[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// Year bounds of a plan: a sanity check against typos, not a rule.
const (
	MinPlanYear = 2000
	MaxPlanYear = 2100
)

// ValidatePlan normalises p in place and returns every problem found,
// keyed by JSON field name; line problems use "lines.<field>" with the line
// id in Value.
//
// Normalisation: texts trimmed, an empty state becomes draft, an empty
// target position becomes nil, nil lines, history and target gaps become
// empty, approver NIP to its 18 digits, line status "" to planned, line
// funding source to its canonical spelling, line form "" to the method's
// form, and a line's gap recomputed as actual − standard.
//
// Rules: employee required; year MinPlanYear..MaxPlanYear; a known state;
// an approved, in-progress or done plan names its approver (name and
// valid NIP) and approval time; a plan in revision has a reason. Each line
// has a unique id, a well-formed competency code when it has one (then a
// standard 1–5), actual 0–5, a known form, a method of methods (skipped
// when methods is nil), valid dates with end ≥ start, finite non-negative
// JP, non-negative cost, a known funding source or none, a known status.
func ValidatePlan(p *DevelopmentPlan, methods map[string]DevelopmentMethod) FieldErrors {
	var errs FieldErrors
	add := func(field, code, value string) {
		errs = append(errs, FieldError{Field: field, Code: code, Value: value})
	}

	p.EmployeeID = strings.TrimSpace(p.EmployeeID)
	if p.EmployeeID == "" {
		add("employeeId", CodeRequired, "")
	}
	if p.Year < MinPlanYear || p.Year > MaxPlanYear {
		add("year", CodePlanYearInvalid, strconv.Itoa(p.Year))
	}
	if p.TargetPositionID != nil {
		if id := strings.TrimSpace(*p.TargetPositionID); id == "" {
			p.TargetPositionID = nil
		} else {
			p.TargetPositionID = &id
		}
	}
	if p.TargetGaps == nil {
		p.TargetGaps = GapLines{}
	}
	p.State = p.state()
	if !p.State.Valid() {
		add("state", CodePlanStateInvalid, string(p.State))
	}
	p.ApproverName = strings.Join(strings.Fields(p.ApproverName), " ")
	p.ApproverNIP = strings.TrimSpace(p.ApproverNIP)
	if p.ApproverNIP != "" {
		if n, err := ParseNIP(p.ApproverNIP); err != nil {
			add("approverNip", ErrorCode(err), p.ApproverNIP)
		} else {
			p.ApproverNIP = n.Digits
		}
	}
	if p.State.approvedLike() {
		if p.ApproverName == "" {
			add("approverName", CodePlanApproverRequired, "")
		}
		if p.ApproverNIP == "" {
			add("approverNip", CodePlanApproverRequired, "")
		}
		if p.ApprovedAt == nil || p.ApprovedAt.IsZero() {
			add("approvedAt", CodePlanApproverRequired, "")
		}
	}
	p.RevisionReason = strings.TrimSpace(p.RevisionReason)
	if p.State == PlanRevision && p.RevisionReason == "" {
		add("revisionReason", CodePlanReasonRequired, "")
	}
	if utf8.RuneCountInString(p.RevisionReason) > MaxNoteLen {
		add("revisionReason", CodeTooLong, "")
	}
	p.Note = strings.TrimSpace(p.Note)
	if utf8.RuneCountInString(p.Note) > MaxNoteLen {
		add("note", CodeTooLong, "")
	}
	if p.History == nil {
		p.History = PlanHistory{}
	}
	if p.Lines == nil {
		p.Lines = PlanLines{}
	}

	seen := make(map[string]bool, len(p.Lines))
	for i := range p.Lines {
		l := &p.Lines[i]
		l.ID = strings.TrimSpace(l.ID)
		id := l.ID
		lineAdd := func(field, code string) { add("lines."+field, code, id) }
		switch {
		case id == "":
			lineAdd("id", CodeRequired)
		case seen[id]:
			lineAdd("id", CodePlanLineDuplicate)
		}
		seen[id] = true

		l.CompetencyCode = strings.TrimSpace(l.CompetencyCode)
		if l.CompetencyCode != "" {
			if !ValidCompetencyCode(l.CompetencyCode) {
				lineAdd("competencyCode", CodeCompetencyCode)
			}
			if l.Standard < MinLevel || l.Standard > MaxLevel {
				lineAdd("standard", CodeLevelInvalid)
			}
		} else if l.Standard != 0 {
			lineAdd("standard", CodeLevelInvalid)
		}
		if l.CompetencyType != "" && !l.CompetencyType.Valid() {
			lineAdd("competencyType", CodeInvalid)
		}
		if !(l.Actual >= 0 && l.Actual <= MaxLevel) {
			lineAdd("actual", CodeLevelInvalid)
		} else if l.CompetencyCode != "" {
			l.Gap = float64(hundredths(l.Actual)-int64(l.Standard)*100) / 100
		}

		l.MethodCode = strings.TrimSpace(l.MethodCode)
		m, known := methods[l.MethodCode]
		if l.MethodCode != "" && methods != nil && !known {
			lineAdd("methodCode", CodeMethodUnknown)
		}
		if l.Form == "" && known {
			l.Form = m.Form
		}
		if l.Form != "" && !l.Form.Valid() {
			lineAdd("form", CodePlanFormInvalid)
		}

		l.Goal = strings.TrimSpace(l.Goal)
		if utf8.RuneCountInString(l.Goal) > MaxNoteLen {
			lineAdd("goal", CodeTooLong)
		}
		l.Programme = strings.Join(strings.Fields(l.Programme), " ")
		if textTooLong(l.Programme) {
			lineAdd("programme", CodeTooLong)
		}
		l.Provider = strings.Join(strings.Fields(l.Provider), " ")
		if textTooLong(l.Provider) {
			lineAdd("provider", CodeTooLong)
		}
		for _, f := range checkDateRange(&l.PlannedStart, &l.PlannedEnd, "plannedStart", "plannedEnd") {
			lineAdd(f.Field, f.Code)
		}
		if !finiteNonNeg(l.PlannedJP) {
			lineAdd("plannedJp", CodeAmountInvalid)
		}
		if !finiteNonNeg(l.RealisedJP) {
			lineAdd("realisedJp", CodeAmountInvalid)
		}
		if l.Cost < 0 {
			lineAdd("cost", CodeAmountInvalid)
		}
		if raw := strings.TrimSpace(string(l.FundingSource)); raw != "" {
			if f, ok := ParseFundingSource(raw); ok {
				l.FundingSource = f
			} else {
				lineAdd("fundingSource", CodePlanFundingInvalid)
			}
		} else {
			l.FundingSource = ""
		}
		if l.Status == "" {
			l.Status = LinePlanned
		}
		if !l.Status.Valid() {
			lineAdd("status", CodePlanLineStatus)
		}
		l.TrainingRecordID = strings.TrimSpace(l.TrainingRecordID)
	}
	return errs
}

// checkDateRange trims two optional YYYY-MM-DD dates and checks end ≥ start.
func checkDateRange(start, end *string, startField, endField string) FieldErrors {
	var errs FieldErrors
	*start, *end = strings.TrimSpace(*start), strings.TrimSpace(*end)
	okStart, okEnd := true, true
	if *start != "" && !validDate(*start) {
		errs = append(errs, FieldError{Field: startField, Code: CodeDateInvalid, Value: *start})
		okStart = false
	}
	if *end != "" && !validDate(*end) {
		errs = append(errs, FieldError{Field: endField, Code: CodeDateInvalid, Value: *end})
		okEnd = false
	}
	if okStart && okEnd && *start != "" && *end != "" && *end < *start {
		errs = append(errs, FieldError{Field: endField, Code: CodeDateRange, Value: *end})
	}
	return errs
}

// validDate reports whether s is a real YYYY-MM-DD date.
func validDate(s string) bool {
	if len(s) != len(time.DateOnly) {
		return false
	}
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

var planTransitions = map[PlanState][]PlanState{
	PlanDraft:      {PlanSubmitted},
	PlanSubmitted:  {PlanApproved, PlanRevision},
	PlanRevision:   {PlanSubmitted},
	PlanApproved:   {PlanInProgress, PlanRevision}, // → revision is a reopening
	PlanInProgress: {PlanDone, PlanRevision},       // → revision is a reopening
}

func planTransitionAllowed(from, to PlanState) bool {
	for _, s := range planTransitions[from] {
		if s == to {
			return true
		}
	}
	return false
}

// NextStates lists the states p may move to now, for the UI's buttons.
func (p *DevelopmentPlan) NextStates() []PlanState {
	return append([]PlanState(nil), planTransitions[p.state()]...)
}

// IsReopening reports whether moving from → to undoes an approval.
func IsReopening(from, to PlanState) bool {
	return to == PlanRevision && (from == PlanApproved || from == PlanInProgress)
}

// TransitionPlan moves p to state to, following the workflow at the top of
// this file, and records the transition in p.History with actor, reason
// and now. Moving to the state p is already in is a no-op (a retried
// request must not fail).
//
// Requirements: submitting needs at least one line that is not cancelled
// (CodePlanEmpty); approving needs actor's name and NIP
// (CodePlanApproverRequired, or the NIP's own code) and records them with
// now as the approval; sending back needs a reason (CodePlanReasonRequired);
// reopening an approved or in-progress plan needs both a reason and the
// actor's name and NIP, and clears the approval fields (the history keeps
// the approval it undid); finishing needs every line done or cancelled
// (CodePlanLinesOpen). Any other move is CodePlanInvalidTransition (details
// from, to); nothing leaves done. On error p is unchanged.
func TransitionPlan(p *DevelopmentPlan, to PlanState, actor Approver, reason string, now time.Time) error {
	const op = "plan.transition"
	if !to.Valid() {
		return E(CodePlanStateInvalid, op, nil, "to", string(to))
	}
	from := p.state()
	if from == to {
		return nil
	}
	if !planTransitionAllowed(from, to) {
		return E(CodePlanInvalidTransition, op, nil, "from", string(from), "to", string(to))
	}
	reason = strings.TrimSpace(reason)
	actor.Name = strings.Join(strings.Fields(actor.Name), " ")
	actor.NIP = strings.TrimSpace(actor.NIP)
	needActor := to == PlanApproved || IsReopening(from, to)
	if needActor {
		if actor.Name == "" {
			return E(CodePlanApproverRequired, op, nil, "field", "name")
		}
		if actor.NIP == "" {
			return E(CodePlanApproverRequired, op, nil, "field", "nip")
		}
	}
	if actor.NIP != "" {
		n, err := ParseNIPAt(actor.NIP, now)
		if err != nil {
			return err
		}
		actor.NIP = n.Digits
	}
	switch to {
	case PlanSubmitted:
		open := 0
		for _, l := range p.Lines {
			if l.Status != LineCancelled {
				open++
			}
		}
		if open == 0 {
			return E(CodePlanEmpty, op, nil, "id", p.ID)
		}
	case PlanRevision:
		if reason == "" {
			return E(CodePlanReasonRequired, op, nil, "id", p.ID)
		}
		if utf8.RuneCountInString(reason) > MaxNoteLen {
			return E(CodeTooLong, op, nil, "field", "reason")
		}
	case PlanDone:
		open := 0
		for _, l := range p.Lines {
			if l.Status != LineDone && l.Status != LineCancelled {
				open++
			}
		}
		if open > 0 {
			return E(CodePlanLinesOpen, op, nil, "open", open)
		}
	}

	at := now.UTC()
	switch {
	case to == PlanApproved:
		p.ApproverName, p.ApproverNIP = actor.Name, actor.NIP
		p.ApprovedAt = &at
		p.RevisionReason = ""
	case to == PlanRevision:
		p.RevisionReason = reason
		if IsReopening(from, to) {
			p.ApproverName, p.ApproverNIP, p.ApprovedAt = "", "", nil
		}
	}
	p.State = to
	p.StateSeq++
	p.History = append(p.History, PlanEvent{Seq: p.StateSeq, At: at, From: from, To: to,
		ActorName: actor.Name, ActorNIP: actor.NIP, Reason: reason})
	return nil
}

// CheckPlanUpdate is the guard for writing updated over the stored old (a
// local save or a pushed mutation applied on its base version):
//
//   - employee and year never change (CodeInvalid): they are the plan's
//     identity (see PlanID);
//   - the workflow fields (state, approver, approval time, reason, history)
//     change only by exactly one TransitionPlan step
//     (CodePlanInvalidTransition): no state is ever written directly;
//   - while a plan is approved or in progress, and not being reopened, its
//     content is locked (CodePlanLocked): no line added or removed, and of
//     each line only the progress fields (status, training record,
//     realised JP) may change; the career target too is locked. A done plan
//     cannot change at all, the note aside. An approved plan cannot be
//     deleted.
func CheckPlanUpdate(old, updated *DevelopmentPlan) error {
	const op = "plan.update"
	if old.EmployeeID != updated.EmployeeID {
		return E(CodeInvalid, op, nil, "field", "employeeId")
	}
	if old.Year != updated.Year {
		return E(CodeInvalid, op, nil, "field", "year")
	}
	from, to := old.state(), updated.state()
	switch {
	case updated.StateSeq == old.StateSeq:
		if from != to || !sameJSON(old.workflow(), updated.workflow()) {
			return E(CodePlanInvalidTransition, op, nil, "from", string(from), "to", string(to))
		}
	case updated.StateSeq == old.StateSeq+1 && planTransitionAllowed(from, to):
		n := len(updated.History)
		if n != len(old.History)+1 || !sameJSON(old.History, updated.History[:n-1]) ||
			updated.History[n-1].From != from || updated.History[n-1].To != to || updated.History[n-1].Seq != updated.StateSeq {
			return E(CodePlanInvalidTransition, op, nil, "from", string(from), "to", string(to))
		}
	default:
		return E(CodePlanInvalidTransition, op, nil, "from", string(from), "to", string(to))
	}

	if !from.approvedLike() || IsReopening(from, to) {
		return nil
	}
	if updated.Deleted && !old.Deleted {
		return E(CodePlanLocked, op, nil, "field", "deleted")
	}
	if !sameJSON(old.TargetPositionID, updated.TargetPositionID) || !sameJSON(old.TargetGaps, updated.TargetGaps) {
		return E(CodePlanLocked, op, nil, "field", "targetPositionId")
	}
	if len(old.Lines) != len(updated.Lines) {
		return E(CodePlanLocked, op, nil, "field", "lines")
	}
	byID := make(map[string]PlanLine, len(old.Lines))
	for _, l := range old.Lines {
		byID[l.ID] = l
	}
	for _, u := range updated.Lines {
		o, ok := byID[u.ID]
		if !ok {
			return E(CodePlanLocked, op, nil, "field", "lines", "line", u.ID)
		}
		if from == PlanDone {
			if !sameJSON(o, u) {
				return E(CodePlanLocked, op, nil, "field", "lines", "line", u.ID)
			}
			continue
		}
		if !sameJSON(o.content(), u.content()) {
			return E(CodePlanLocked, op, nil, "field", "lines", "line", u.ID)
		}
	}
	return nil
}

// content is the line without its progress fields.
func (l PlanLine) content() PlanLine {
	l.Status, l.TrainingRecordID, l.RealisedJP = "", "", 0
	return l
}

type planWorkflow struct {
	State          PlanState   `json:"state"`
	StateSeq       int         `json:"stateSeq"`
	ApproverName   string      `json:"approverName"`
	ApproverNIP    string      `json:"approverNip"`
	ApprovedAt     *time.Time  `json:"approvedAt"`
	RevisionReason string      `json:"revisionReason"`
	History        PlanHistory `json:"history"`
}

func (p *DevelopmentPlan) workflow() planWorkflow {
	return planWorkflow{p.state(), p.StateSeq, p.ApproverName, p.ApproverNIP, p.ApprovedAt, p.RevisionReason, p.History}
}

// sameJSON compares two values by their JSON form, nil and empty alike.
func sameJSON(a, b any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return rawEqual(ja, jb)
}

// DraftingRule proposes methods for a gap: it matches a competency of
// CompetencyType ("" matches any type) whose gap size (standard − actual,
// positive) is at least MinGap and below MaxGap (MaxGap 0: no upper bound).
// Methods are catalogue codes, most suitable first. Rules are tried in
// order; the first match wins.
type DraftingRule struct {
	CompetencyType CompetencyType `json:"competencyType"`
	MinGap         float64        `json:"minGap"`
	MaxGap         float64        `json:"maxGap"`
	Methods        []string       `json:"methods"`
	Note           string         `json:"note,omitempty"`
}

// Matches reports whether r applies to a gap of size (positive) in a
// competency of type t.
func (r DraftingRule) Matches(t CompetencyType, size float64) bool {
	if r.CompetencyType != "" && r.CompetencyType != t {
		return false
	}
	s := hundredths(size)
	return s >= hundredths(r.MinGap) && (r.MaxGap == 0 || s < hundredths(r.MaxGap))
}

// ProposeMethods returns the methods of the first rule matching a gap of
// size in a competency of type t, nil when none does.
func ProposeMethods(rules []DraftingRule, t CompetencyType, size float64) []string {
	for _, r := range rules {
		if r.Matches(t, size) {
			return append([]string(nil), r.Methods...)
		}
	}
	return nil
}

// ValidateDraftingRules checks the rules: a known type or "", 0 ≤ MinGap,
// MaxGap 0 or above MinGap, at least one method, each in methods (when not
// nil) and listed once. Value holds the rule's index.
func ValidateDraftingRules(rules []DraftingRule, methods map[string]DevelopmentMethod) FieldErrors {
	var errs FieldErrors
	for i, r := range rules {
		add := func(field, value string) {
			errs = append(errs, FieldError{Field: field, Code: CodeDraftingRuleInvalid, Value: strconv.Itoa(i) + ":" + value})
		}
		if r.CompetencyType != "" && !r.CompetencyType.Valid() {
			add("competencyType", string(r.CompetencyType))
		}
		if !finiteNonNeg(r.MinGap) {
			add("minGap", fmtNum(r.MinGap))
		}
		if !finiteNonNeg(r.MaxGap) || (r.MaxGap != 0 && r.MaxGap <= r.MinGap) {
			add("maxGap", fmtNum(r.MaxGap))
		}
		if len(r.Methods) == 0 {
			add("methods", "")
		}
		seen := map[string]bool{}
		for _, code := range r.Methods {
			if _, ok := methods[code]; (methods != nil && !ok) || seen[code] {
				add("methods", code)
			}
			seen[code] = true
		}
	}
	return errs
}

// DraftPlan drafts the plan of employeeID for year in one click from the
// employee's latest gaps (ComputeJPM's lines): the needs, largest first
// (RankGaps), one line each. types gives each competency's type (a code
// missing from it matches only rules for any type). The first method the
// drafting rules propose that is in methods becomes the line's method, with
// its form and PlanningJP; the other proposals become Alternatives. A need
// no rule covers still gets a line, without a method: a gap is never
// dropped. Lines get ids from newLineID and status planned; the plan gets
// PlanID, version 1 and state draft. Goal, programme, provider, dates, cost
// and funding are left for the employee and supervisor to fill in.
func DraftPlan(employeeID string, year int, gaps []GapLine, types map[string]CompetencyType,
	rules []DraftingRule, methods map[string]DevelopmentMethod, newLineID func() string) DevelopmentPlan {
	p := DevelopmentPlan{
		SyncMeta:   SyncMeta{ID: PlanID(employeeID, year), Version: 1},
		EmployeeID: employeeID,
		Year:       year,
		State:      PlanDraft,
		TargetGaps: GapLines{},
		Lines:      PlanLines{},
		History:    PlanHistory{},
	}
	for i, g := range RankGaps(gaps, nil) {
		t := types[g.Code]
		l := PlanLine{
			ID:             newLineID(),
			Priority:       i + 1,
			CompetencyCode: g.Code,
			CompetencyType: t,
			Standard:       g.Standard,
			Actual:         g.Actual,
			Gap:            g.Gap,
			Status:         LinePlanned,
			Alternatives:   []string{},
		}
		for _, code := range ProposeMethods(rules, t, -g.Gap) {
			m, ok := methods[code]
			switch {
			case !ok:
			case l.MethodCode == "":
				l.MethodCode, l.Form, l.PlannedJP = code, m.Form, PlanningJP(m)
			default:
				l.Alternatives = append(l.Alternatives, code)
			}
		}
		p.Lines = append(p.Lines, l)
	}
	return p
}

// SetCareerTarget records the career target of p: the target position and
// the employee's gap against its standard (every competency of the
// standard, as ComputeJPM lists them). An empty positionID clears it.
func SetCareerTarget(p *DevelopmentPlan, positionID string, target Standards, actual map[string]float64) {
	positionID = strings.TrimSpace(positionID)
	if positionID == "" {
		p.TargetPositionID, p.TargetGaps = nil, GapLines{}
		return
	}
	p.TargetPositionID = &positionID
	p.TargetGaps = GapLines(ComputeJPM(target, actual, JPMSettings{}).Lines)
}

// PlanTotals returns the planned JP and cost of the lines not cancelled.
func PlanTotals(p *DevelopmentPlan) (jp float64, cost int64) {
	var h int64
	for _, l := range p.Lines {
		if l.Status == LineCancelled {
			continue
		}
		h += max(hundredths(l.PlannedJP), 0)
		cost += max(l.Cost, 0)
	}
	return float64(h) / 100, cost
}

// PlanLineUpdate is the progress a completed activity writes into a plan.
type PlanLineUpdate struct {
	PlanID           string     `json:"planId"`
	LineID           string     `json:"lineId"`
	Status           LineStatus `json:"status"`
	TrainingRecordID string     `json:"trainingRecordId"`
	RealisedJP       float64    `json:"realisedJp"`
}

// ApplyLineUpdate writes u into its line of p (only the progress fields,
// which CheckPlanUpdate allows on an approved plan). Applying the same
// update twice changes nothing. Errors: CodeTrainingMismatch when u is for
// another plan, CodePlanLineNotFound, CodePlanLineStatus, CodePlanLocked
// when p is done.
func ApplyLineUpdate(p *DevelopmentPlan, u PlanLineUpdate) error {
	const op = "plan.line_update"
	if u.PlanID != p.ID {
		return E(CodeTrainingMismatch, op, nil, "planId", u.PlanID)
	}
	if !u.Status.Valid() {
		return E(CodePlanLineStatus, op, nil, "status", string(u.Status))
	}
	for i := range p.Lines {
		l := &p.Lines[i]
		if l.ID != u.LineID {
			continue
		}
		if l.Status == u.Status && l.TrainingRecordID == u.TrainingRecordID && hundredths(l.RealisedJP) == hundredths(u.RealisedJP) {
			return nil
		}
		if p.state() == PlanDone {
			return E(CodePlanLocked, op, nil, "line", u.LineID)
		}
		l.Status, l.TrainingRecordID, l.RealisedJP = u.Status, u.TrainingRecordID, round2(u.RealisedJP)
		return nil
	}
	return E(CodePlanLineNotFound, op, nil, "line", u.LineID)
}

// MergeConflict is one field both sides changed differently since the
// base. Local and Remote are the two values as JSON (for the sync-issue
// list, which shows both); Kept says which one the merge kept.
type MergeConflict struct {
	Field  string `json:"field"` // JSON name; "lines.<field>" for a line field
	LineID string `json:"lineId,omitempty"`
	Local  string `json:"local"`
	Remote string `json:"remote"`
	Kept   string `json:"kept"` // "local", "remote" or "both"
}

// MergePlans merges two versions of one plan that both descend from base
// (SYNC.md: development plans are merged field by field). remote is the
// later writer in server order.
//
//   - Each plain field (target, note, deleted, …) takes the side that
//     changed it; when both changed it differently, remote wins and a
//     conflict records both values.
//   - Lines are matched by id and merged field by field the same way. A
//     line added on one side is kept; a line deleted on one side and left
//     alone on the other is deleted; deleted on one side but edited on the
//     other, the edited line is kept (nothing typed is lost) and a conflict
//     is recorded. Two lines added on both sides for the same competency
//     are both kept and reported (Kept "both"), for a person to choose.
//     Order: local's, then lines only remote has.
//   - The workflow fields (state, approver, approval time, reason) travel
//     together and never go backwards: the side with more transitions
//     (StateSeq) wins, so an explicit reopening made after an approval
//     stands; with as many transitions on both sides, the state further
//     along the workflow wins (an approval beats a concurrent "send back")
//     and a conflict records the other. The histories are united, so every
//     transition made on any laptop stays on record.
//
// The merged SyncMeta is remote's with the higher of the two versions; the
// caller bumps it when writing.
func MergePlans(base, local, remote DevelopmentPlan) (DevelopmentPlan, []MergeConflict) {
	var conflicts []MergeConflict
	bm, lm, rm := jsonFields(base), jsonFields(local), jsonFields(remote)
	skip := map[string]bool{"id": true, "version": true, "updatedAt": true, "updatedByDevice": true, "lines": true,
		"state": true, "stateSeq": true, "approverName": true, "approverNip": true, "approvedAt": true,
		"revisionReason": true, "history": true}
	merged := map[string]json.RawMessage{}
	for _, k := range unionKeys(bm, lm, rm) {
		if !skip[k] {
			merged[k] = mergeRaw(&conflicts, k, "", bm[k], lm[k], rm[k])
		}
	}
	var out DevelopmentPlan
	b, _ := json.Marshal(merged)
	_ = json.Unmarshal(b, &out)
	out.SyncMeta = remote.SyncMeta
	out.Deleted = merged["deleted"] != nil && string(merged["deleted"]) == "true"
	out.Version = max(local.Version, remote.Version)

	win := &remote
	ls, rs := local.state(), remote.state()
	switch {
	case local.StateSeq > remote.StateSeq:
		win = &local
	case local.StateSeq < remote.StateSeq:
	case ls != rs:
		kept := "remote"
		if ls.progress() > rs.progress() {
			win, kept = &local, "local"
		}
		conflicts = append(conflicts, MergeConflict{Field: "state", Local: strconv.Quote(string(ls)), Remote: strconv.Quote(string(rs)), Kept: kept})
	case local.ApproverNIP != remote.ApproverNIP || local.ApproverName != remote.ApproverName:
		conflicts = append(conflicts, MergeConflict{Field: "approverNip",
			Local: strconv.Quote(local.ApproverName + " " + local.ApproverNIP), Remote: strconv.Quote(remote.ApproverName + " " + remote.ApproverNIP), Kept: "remote"})
	}
	out.State, out.StateSeq = win.state(), win.StateSeq
	out.ApproverName, out.ApproverNIP, out.ApprovedAt = win.ApproverName, win.ApproverNIP, win.ApprovedAt
	out.RevisionReason = win.RevisionReason
	out.History = unionHistory(local.History, remote.History)
	out.Lines = mergeLines(&conflicts, base.Lines, local.Lines, remote.Lines)
	if out.TargetGaps == nil {
		out.TargetGaps = GapLines{}
	}
	return out, conflicts
}

func mergeLines(conflicts *[]MergeConflict, base, local, remote PlanLines) PlanLines {
	index := func(ls PlanLines) map[string]PlanLine {
		m := make(map[string]PlanLine, len(ls))
		for _, l := range ls {
			m[l.ID] = l
		}
		return m
	}
	bi, li, ri := index(base), index(local), index(remote)
	var order []string
	seen := map[string]bool{}
	for _, ls := range []PlanLines{local, remote} {
		for _, l := range ls {
			if !seen[l.ID] {
				seen[l.ID] = true
				order = append(order, l.ID)
			}
		}
	}
	out := PlanLines{}
	newLocal := map[string]string{} // competency code → id of a line only local added
	for _, id := range order {
		b, inB := bi[id]
		l, inL := li[id]
		r, inR := ri[id]
		switch {
		case inL && inR:
			out = append(out, mergeLine(conflicts, b, l, r))
		case inL:
			if inB && !sameJSON(b, l) {
				*conflicts = append(*conflicts, MergeConflict{Field: "lines", LineID: id, Local: "changed", Remote: "deleted", Kept: "local"})
			}
			if !inB || !sameJSON(b, l) {
				out = append(out, l)
				if !inB && l.CompetencyCode != "" {
					newLocal[l.CompetencyCode] = id
				}
			}
		case inR:
			if inB && !sameJSON(b, r) {
				*conflicts = append(*conflicts, MergeConflict{Field: "lines", LineID: id, Local: "deleted", Remote: "changed", Kept: "remote"})
			}
			if !inB || !sameJSON(b, r) {
				out = append(out, r)
				if other, dup := newLocal[r.CompetencyCode]; !inB && dup {
					*conflicts = append(*conflicts, MergeConflict{Field: "lines.competencyCode", LineID: id,
						Local: strconv.Quote(other), Remote: strconv.Quote(id), Kept: "both"})
				}
			}
		}
	}
	return out
}

func mergeLine(conflicts *[]MergeConflict, base, local, remote PlanLine) PlanLine {
	bm, lm, rm := jsonFields(base), jsonFields(local), jsonFields(remote)
	merged := map[string]json.RawMessage{}
	for _, k := range unionKeys(bm, lm, rm) {
		if k == "id" {
			continue
		}
		merged[k] = mergeRaw(conflicts, "lines."+k, local.ID, bm[k], lm[k], rm[k])
	}
	var out PlanLine
	b, _ := json.Marshal(merged)
	_ = json.Unmarshal(b, &out)
	out.ID = local.ID
	return out
}

// mergeRaw is the three-way merge of one JSON value.
func mergeRaw(conflicts *[]MergeConflict, field, lineID string, base, local, remote json.RawMessage) json.RawMessage {
	lc, rc := !rawEqual(base, local), !rawEqual(base, remote)
	switch {
	case lc && !rc:
		return orNull(local)
	case !lc || rawEqual(local, remote):
		return orNull(remote)
	}
	*conflicts = append(*conflicts, MergeConflict{Field: field, LineID: lineID, Local: string(orNull(local)), Remote: string(orNull(remote)), Kept: "remote"})
	return orNull(remote)
}

func orNull(r json.RawMessage) json.RawMessage {
	if len(r) == 0 {
		return json.RawMessage("null")
	}
	return r
}

// rawEqual compares JSON values, taking null, "", 0, false, [] and {} as
// the same empty value.
func rawEqual(a, b []byte) bool {
	return bytes.Equal(canonEmpty(a), canonEmpty(b))
}

func canonEmpty(r []byte) []byte {
	r = bytes.TrimSpace(r)
	switch string(r) {
	case "", "null", `""`, "0", "false", "[]", "{}":
		return nil
	}
	return r
}

func jsonFields(v any) map[string]json.RawMessage {
	b, _ := json.Marshal(v)
	m := map[string]json.RawMessage{}
	_ = json.Unmarshal(b, &m)
	return m
}

func unionKeys(ms ...map[string]json.RawMessage) []string {
	seen := map[string]bool{}
	var keys []string
	for _, m := range ms {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}

// unionHistory unites two histories: every transition once, by sequence
// number, then time.
func unionHistory(a, b PlanHistory) PlanHistory {
	out := PlanHistory{}
	seen := map[string]bool{}
	for _, h := range [2]PlanHistory{a, b} {
		for _, e := range h {
			key := fmt.Sprintf("%d|%s|%s|%s|%d", e.Seq, e.From, e.To, e.ActorNIP, e.At.UnixNano())
			if !seen[key] {
				seen[key] = true
				out = append(out, e)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Seq != out[j].Seq {
			return out[i].Seq < out[j].Seq
		}
		return out[i].At.Before(out[j].At)
	})
	return out
}
