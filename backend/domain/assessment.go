package domain

import (
	"database/sql/driver"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// An assessment (penilaian kompetensi) records the level an employee showed
// in each competency of their position, for one period, by one method, against
// one pinned framework version. See DOMAIN.md §1–§3 and SYNC.md (assessments:
// drafts are last-writer-wins; a finalized assessment is immutable and is
// corrected by a new assessment that supersedes it).

// AssessmentMethod is how the levels of an assessment were obtained.
type AssessmentMethod string

const (
	AssessmentBySelf       AssessmentMethod = "self"       // penilaian diri sendiri
	AssessmentBySupervisor AssessmentMethod = "supervisor" // atasan langsung
	AssessmentByPeer       AssessmentMethod = "peer"       // rekan kerja (360 derajat)
	AssessmentByAssessor   AssessmentMethod = "assessor"   // asesor / assessment centre
	AssessmentByTest       AssessmentMethod = "test"       // imported competency test result
)

// AssessmentMethods lists every method, most trusted first. It is also the
// default priority of DefaultResultRule.
var AssessmentMethods = []AssessmentMethod{AssessmentByAssessor, AssessmentByTest, AssessmentBySupervisor, AssessmentByPeer, AssessmentBySelf}

// Valid reports whether m is a known method.
func (m AssessmentMethod) Valid() bool {
	for _, v := range AssessmentMethods {
		if v == m {
			return true
		}
	}
	return false
}

// AssessmentState is where an assessment is in its workflow.
type AssessmentState string

const (
	AssessmentDraft     AssessmentState = "draft"
	AssessmentSubmitted AssessmentState = "submitted" // waiting for review; can be returned to draft
	AssessmentFinalized AssessmentState = "finalized" // immutable; counts in results
)

// Valid reports whether s is a known state.
func (s AssessmentState) Valid() bool {
	return s == AssessmentDraft || s == AssessmentSubmitted || s == AssessmentFinalized
}

// AssessmentItem is the level given for one competency. Level 0 means "not
// assessed"; 1–5 are the proficiency levels.
type AssessmentItem struct {
	CompetencyCode string `json:"competencyCode"`
	Level          int    `json:"level"`
	Evidence       string `json:"evidence"` // bukti / catatan asesor
}

// AssessmentItems is stored as one JSON column, like Levels.
type AssessmentItems []AssessmentItem

func (it AssessmentItems) Value() (driver.Value, error) { return jsonValue(it) }
func (it *AssessmentItems) Scan(src any) error          { return jsonScan(src, it) }

// Assessment is one assessment of one employee.
type Assessment struct {
	SyncMeta
	EmployeeID string           `gorm:"size:36;not null;index:idx_assessment_employee_period" json:"employeeId"`
	Period     string           `gorm:"size:64;not null;index:idx_assessment_employee_period" json:"period"` // "2025" or a named round
	Method     AssessmentMethod `gorm:"size:20;not null" json:"method"`
	// FrameworkVersion is the FrameworkVersion.Number the levels refer to.
	FrameworkVersion int             `gorm:"not null" json:"frameworkVersion"`
	State            AssessmentState `gorm:"size:20;not null;default:'draft';index" json:"state"`
	AssessorName     string          `gorm:"size:200;not null;default:''" json:"assessorName"`
	AssessorNIP      string          `gorm:"size:18;not null;default:''" json:"assessorNip"` // empty for assessors who are not PNS
	AssessedOn       string          `gorm:"size:10;not null;default:''" json:"assessedOn"`  // YYYY-MM-DD
	// SupersedesID is the finalized assessment this one corrects.
	SupersedesID *string         `gorm:"size:36;index" json:"supersedesId"`
	Items        AssessmentItems `gorm:"type:text;not null" json:"items"`
	// PerformanceRating is the optional SKP score used for the 9-box.
	PerformanceRating *float64 `json:"performanceRating"`
	Note              string   `gorm:"type:text;not null;default:''" json:"note"`
}

func (Assessment) EntityName() string { return "assessment" }

// Field limits of Assessment.
const (
	MaxPeriodLen   = 64
	MaxEvidenceLen = 4000
	MaxNoteLen     = 4000
	// MaxPerformanceRating is a sanity bound on the SKP score (a typo such as
	// 1100 for 110 must not land someone in the top row of the 9-box); it
	// is not a regulatory value.
	MaxPerformanceRating = 200
)

// Level returns the level given for code, 0 when it was not assessed.
func (a *Assessment) Level(code string) int {
	for _, it := range a.Items {
		if it.CompetencyCode == code {
			return it.Level
		}
	}
	return 0
}

// hasLevel reports whether at least one competency was given a level.
func (a *Assessment) hasLevel() bool {
	for _, it := range a.Items {
		if it.Level >= MinLevel && it.Level <= MaxLevel {
			return true
		}
	}
	return false
}

// ValidateAssessment normalises a in place and returns every problem found,
// keyed by the JSON field name.
//
// Normalisation: text fields trimmed (period and assessor name also collapse
// inner spaces), an empty state becomes draft, the assessor's NIP becomes its
// 18 digits, an empty SupersedesID becomes nil, nil Items become empty.
//
// Rules: employee, period, method and framework version (≥ 1) are required;
// method and state must be known; the assessor's NIP, when given, must be a
// valid NIP (assessors from outside the civil service leave it empty); the
// date, when given, is YYYY-MM-DD; the performance rating, when given, is
// 0..MaxPerformanceRating; an assessment cannot supersede itself; a submitted
// or finalized assessment has at least one level (CodeAssessmentEmpty).
// Each item has a well-formed competency code, appears once, has a level 0–5
// (0 = not assessed) and, when required is not nil, is a competency of the
// position's standard (CodeAssessmentItemUnknown). Pass nil required when the
// employee has no position yet. Item problems carry the competency code in
// Value, so the UI can mark the row.
func ValidateAssessment(a *Assessment, required Standards) FieldErrors {
	var errs FieldErrors
	add := func(field, code, value string) {
		errs = append(errs, FieldError{Field: field, Code: code, Value: value})
	}

	a.EmployeeID = strings.TrimSpace(a.EmployeeID)
	if a.EmployeeID == "" {
		add("employeeId", CodeRequired, "")
	}

	a.Period = strings.Join(strings.Fields(a.Period), " ")
	switch {
	case a.Period == "":
		add("period", CodeRequired, "")
	case utf8.RuneCountInString(a.Period) > MaxPeriodLen:
		add("period", CodeTooLong, "")
	}

	a.Method = AssessmentMethod(strings.TrimSpace(string(a.Method)))
	switch {
	case a.Method == "":
		add("method", CodeRequired, "")
	case !a.Method.Valid():
		add("method", CodeAssessmentMethodInvalid, string(a.Method))
	}

	if a.FrameworkVersion <= 0 {
		add("frameworkVersion", CodeRequired, strconv.Itoa(a.FrameworkVersion))
	}

	a.State = AssessmentState(strings.TrimSpace(string(a.State)))
	if a.State == "" {
		a.State = AssessmentDraft
	}
	if !a.State.Valid() {
		add("state", CodeAssessmentStateInvalid, string(a.State))
	}

	a.AssessorName = strings.Join(strings.Fields(a.AssessorName), " ")
	if utf8.RuneCountInString(a.AssessorName) > MaxNameLen {
		add("assessorName", CodeTooLong, "")
	}
	if raw := strings.TrimSpace(a.AssessorNIP); raw != "" {
		if n, err := ParseNIP(raw); err != nil {
			a.AssessorNIP = raw
			add("assessorNip", ErrorCode(err), raw)
		} else {
			a.AssessorNIP = n.Digits
		}
	} else {
		a.AssessorNIP = ""
	}

	a.AssessedOn = strings.TrimSpace(a.AssessedOn)
	if a.AssessedOn != "" {
		if _, err := time.Parse(time.DateOnly, a.AssessedOn); err != nil {
			add("assessedOn", CodeInvalid, a.AssessedOn)
		}
	}

	if a.SupersedesID != nil {
		if id := strings.TrimSpace(*a.SupersedesID); id == "" {
			a.SupersedesID = nil
		} else {
			a.SupersedesID = &id
			if id == a.ID {
				add("supersedesId", CodeAssessmentSupersedes, id)
			}
		}
	}

	if r := a.PerformanceRating; r != nil && !(*r >= 0 && *r <= MaxPerformanceRating) { // also rejects NaN
		add("performanceRating", CodePerformanceRatingInvalid, strconv.FormatFloat(*r, 'f', -1, 64))
	}

	a.Note = strings.TrimSpace(a.Note)
	if utf8.RuneCountInString(a.Note) > MaxNoteLen {
		add("note", CodeTooLong, "")
	}

	if a.Items == nil {
		a.Items = AssessmentItems{}
	}
	seen := make(map[string]bool, len(a.Items))
	for i := range a.Items {
		it := &a.Items[i]
		it.CompetencyCode = strings.TrimSpace(it.CompetencyCode)
		it.Evidence = strings.TrimSpace(it.Evidence)
		code := it.CompetencyCode
		switch {
		case code == "":
			add("items", CodeRequired, "")
			continue
		case !ValidCompetencyCode(code):
			add("items", CodeCompetencyCode, code)
			continue
		case seen[code]:
			add("items", CodeAssessmentItemDuplicate, code)
			continue
		}
		seen[code] = true
		if required != nil && required[code] <= 0 {
			add("items", CodeAssessmentItemUnknown, code)
		}
		if it.Level < 0 || it.Level > MaxLevel {
			add("items", CodeLevelInvalid, code)
		}
		if utf8.RuneCountInString(it.Evidence) > MaxEvidenceLen {
			add("items.evidence", CodeTooLong, code)
		}
	}
	if a.State != AssessmentDraft && a.State.Valid() && !a.hasLevel() {
		add("items", CodeAssessmentEmpty, "")
	}
	return errs
}

// CanEdit returns nil when a may still be changed (or deleted), and an error
// with code CodeAssessmentFinalized when it is finalized. Correct a finalized
// assessment with Supersede.
func (a *Assessment) CanEdit() error {
	if a.State == AssessmentFinalized {
		return E(CodeAssessmentFinalized, "assessment.edit", nil, "id", a.ID)
	}
	return nil
}

// The workflow:
//
//	draft ──submit──▶ submitted ──finalize──▶ finalized (immutable)
//	  ▲                  │
//	  └─────return───────┘
//
// draft → finalized directly is allowed only for assessor and test results:
// they transcribe a report that was already concluded outside Kembang, so
// there is nobody to submit them to. Self, supervisor and peer assessments
// must pass through submitted, so a second person looks at them before they
// become immutable. Nothing leaves finalized.
var assessmentTransitions = map[AssessmentState][]AssessmentState{
	AssessmentDraft:     {AssessmentSubmitted, AssessmentFinalized},
	AssessmentSubmitted: {AssessmentDraft, AssessmentFinalized},
}

func transitionAllowed(m AssessmentMethod, from, to AssessmentState) bool {
	if from == AssessmentDraft && to == AssessmentFinalized {
		return m == AssessmentByAssessor || m == AssessmentByTest
	}
	for _, s := range assessmentTransitions[from] {
		if s == to {
			return true
		}
	}
	return false
}

// NextStates lists the states a may move to now, for the UI's buttons.
func (a *Assessment) NextStates() []AssessmentState {
	from := a.state()
	var out []AssessmentState
	for _, to := range assessmentTransitions[from] {
		if transitionAllowed(a.Method, from, to) {
			out = append(out, to)
		}
	}
	return out
}

// state treats the zero value as draft.
func (a *Assessment) state() AssessmentState {
	if a.State == "" {
		return AssessmentDraft
	}
	return a.State
}

// Transition moves a to state to, following the workflow above. Moving to
// the state a is already in is a no-op (a retried request must not fail).
// Errors: CodeAssessmentStateInvalid for an unknown state,
// CodeAssessmentInvalidTransition (details from, to) for a move the workflow
// does not allow, including any move out of finalized, and
// CodeAssessmentEmpty when submitting or finalizing without a single level.
func Transition(a *Assessment, to AssessmentState) error {
	const op = "assessment.transition"
	if !to.Valid() {
		return E(CodeAssessmentStateInvalid, op, nil, "to", string(to))
	}
	from := a.state()
	if from == to {
		return nil
	}
	if !transitionAllowed(a.Method, from, to) {
		return E(CodeAssessmentInvalidTransition, op, nil, "from", string(from), "to", string(to))
	}
	if to != AssessmentDraft && !a.hasLevel() {
		return E(CodeAssessmentEmpty, op, nil, "id", a.ID)
	}
	a.State = to
	return nil
}

// CheckAssessmentUpdate is the guard for writing updated over the stored old
// (a local save or a pushed mutation): a finalized assessment cannot change
// or be deleted at all (CodeAssessmentFinalized), the supersedes link is fixed
// at creation (CodeAssessmentSupersedes), and a state change must be one
// Transition allows.
func CheckAssessmentUpdate(old, updated *Assessment) error {
	const op = "assessment.update"
	if err := old.CanEdit(); err != nil {
		return err
	}
	if !sameID(old.SupersedesID, updated.SupersedesID) {
		return E(CodeAssessmentSupersedes, op, nil, "id", old.ID)
	}
	if updated.state() != old.state() {
		probe := *old
		probe.Method, probe.Items = updated.Method, updated.Items
		if err := Transition(&probe, updated.state()); err != nil {
			return err
		}
	}
	return nil
}

func sameID(a, b *string) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

// Supersede starts the correction of a finalized assessment: a new draft with
// id newID that points at old and copies its employee, period, method,
// framework version, assessor, date, performance rating and items. The note
// starts empty, for the reason of the correction. The copy's SyncMeta holds
// only the id and version 1; the store stamps the rest.
//
// Errors: CodeAssessmentNotFinalized when old is not finalized (a draft is
// simply edited), CodeInvalid when newID is empty or equals old's id.
func Supersede(old *Assessment, newID string) (Assessment, error) {
	const op = "assessment.supersede"
	if old.State != AssessmentFinalized {
		return Assessment{}, E(CodeAssessmentNotFinalized, op, nil, "id", old.ID, "state", string(old.state()))
	}
	if newID == "" || newID == old.ID {
		return Assessment{}, E(CodeInvalid, op, nil, "field", "id")
	}
	oldID := old.ID
	n := Assessment{
		SyncMeta:         SyncMeta{ID: newID, Version: 1},
		EmployeeID:       old.EmployeeID,
		Period:           old.Period,
		Method:           old.Method,
		FrameworkVersion: old.FrameworkVersion,
		State:            AssessmentDraft,
		AssessorName:     old.AssessorName,
		AssessorNIP:      old.AssessorNIP,
		AssessedOn:       old.AssessedOn,
		SupersedesID:     &oldID,
		Items:            append(AssessmentItems{}, old.Items...),
	}
	if old.PerformanceRating != nil {
		r := *old.PerformanceRating
		n.PerformanceRating = &r
	}
	return n, nil
}

// Current returns the assessments of all that are neither deleted nor
// superseded by another non-deleted assessment of all, in input order.
//
// "Current" is relative to the slice given: filter by state first to ask a
// different question. Over everything, a draft correction hides the
// finalized assessment it corrects (the list shows the work in progress);
// over finalized ones only, the old result stays current until its
// correction is finalized, so reports never lose a result half-way through
// a correction. ResolveLevels does the latter.
//
// Two laptops may each correct the same assessment while offline; both
// corrections are then current, and ResolveLevels averages them openly
// rather than silently dropping one.
func Current(all []Assessment) []Assessment {
	superseded := make(map[string]bool)
	for i := range all {
		a := &all[i]
		if !a.Deleted && a.SupersedesID != nil && *a.SupersedesID != a.ID {
			superseded[*a.SupersedesID] = true
		}
	}
	var out []Assessment
	for _, a := range all {
		if !a.Deleted && !superseded[a.ID] {
			out = append(out, a)
		}
	}
	return out
}

// SupersedeChain returns the history of the assessment with id: the first
// assessment it descends from, every correction down from there, oldest
// first. Generations come in order; corrections of the same assessment made
// on two laptops share a generation and are ordered by id (UUIDv7, so by
// creation time). Deleted assessments are left out; a missing link (a parent
// not synced yet) ends the walk; a cycle in bad data cannot loop. It returns
// nil when id is not in all.
func SupersedeChain(all []Assessment, id string) []Assessment {
	byID := make(map[string]*Assessment, len(all))
	children := make(map[string][]string)
	for i := range all {
		a := &all[i]
		if a.Deleted {
			continue
		}
		byID[a.ID] = a
	}
	for _, a := range byID {
		if a.SupersedesID != nil {
			children[*a.SupersedesID] = append(children[*a.SupersedesID], a.ID)
		}
	}
	if byID[id] == nil {
		return nil
	}

	root := id
	seen := map[string]bool{root: true}
	for {
		a := byID[root]
		if a.SupersedesID == nil || byID[*a.SupersedesID] == nil || seen[*a.SupersedesID] {
			break
		}
		root = *a.SupersedesID
		seen[root] = true
	}

	type node struct {
		gen int
		a   *Assessment
	}
	nodes := []node{{0, byID[root]}}
	visited := map[string]bool{root: true}
	for i := 0; i < len(nodes); i++ {
		for _, c := range children[nodes[i].a.ID] {
			if !visited[c] {
				visited[c] = true
				nodes = append(nodes, node{nodes[i].gen + 1, byID[c]})
			}
		}
	}
	sort.SliceStable(nodes, func(i, j int) bool {
		if nodes[i].gen != nodes[j].gen {
			return nodes[i].gen < nodes[j].gen
		}
		return nodes[i].a.ID < nodes[j].a.ID
	})
	out := make([]Assessment, len(nodes))
	for i, n := range nodes {
		out[i] = *n.a
	}
	return out
}

// AssessmentsFor selects the assessments of one employee for one period,
// the input ResolveLevels expects.
func AssessmentsFor(all []Assessment, employeeID, period string) []Assessment {
	var out []Assessment
	for _, a := range all {
		if a.EmployeeID == employeeID && a.Period == period {
			out = append(out, a)
		}
	}
	return out
}

// ResultMode says how the levels of several methods become one result level.
type ResultMode string

const (
	// ResultByPriority takes the level of the most trusted method that
	// assessed the competency.
	ResultByPriority ResultMode = "priority"
	// ResultByWeight averages the methods that assessed the competency,
	// weighted by method.
	ResultByWeight ResultMode = "weighted"
)

// ResultRule is the office's setting for turning the assessments of one
// period into one level per competency.
//
// Several assessments of the same method (the peers of a 360, or two
// corrections made offline) are first averaged into one level for that
// method, so five peers weigh as much as one peer in weighted mode.
type ResultRule struct {
	Mode ResultMode `json:"mode"`
	// Priority lists methods, most trusted first; unlisted methods are
	// not used in priority mode.
	Priority []AssessmentMethod `json:"priority"`
	// Weights are relative: they are normalised over the methods that
	// assessed a competency. A method with no or zero weight is not used
	// in weighted mode.
	Weights map[AssessmentMethod]float64 `json:"weights"`
	// IncludeSubmitted also counts submitted assessments (for a preview
	// before finalizing); by default only finalized ones count.
	IncludeSubmitted bool `json:"includeSubmitted"`
}

// DefaultResultRule is priority mode with assessor > test > supervisor >
// peer > self: an assessment centre uses trained assessors and several
// tools; a standardised test is objective but narrower; the supervisor sees
// daily work; peers less so; a self-assessment is the least independent. The
// weights, used only when the office switches to weighted mode, follow the
// same order; they are a starting point to confirm with the office [U].
func DefaultResultRule() ResultRule {
	return ResultRule{
		Mode:     ResultByPriority,
		Priority: append([]AssessmentMethod(nil), AssessmentMethods...),
		Weights: map[AssessmentMethod]float64{
			AssessmentByAssessor:   35,
			AssessmentByTest:       25,
			AssessmentBySupervisor: 20,
			AssessmentByPeer:       10,
			AssessmentBySelf:       10,
		},
	}
}

// ValidateResultRule checks a rule before it is saved as a setting: a known
// mode; in the priority list only known methods, each once, and at least one
// in priority mode; weights of known methods, finite and ≥ 0, at least one
// positive in weighted mode.
func ValidateResultRule(r ResultRule) FieldErrors {
	var errs FieldErrors
	add := func(field, code, value string) {
		errs = append(errs, FieldError{Field: field, Code: code, Value: value})
	}
	if r.Mode != ResultByPriority && r.Mode != ResultByWeight {
		add("mode", CodeResultRuleInvalid, string(r.Mode))
	}
	seen := make(map[AssessmentMethod]bool)
	for _, m := range r.Priority {
		switch {
		case !m.Valid():
			add("priority", CodeAssessmentMethodInvalid, string(m))
		case seen[m]:
			add("priority", CodeResultRuleInvalid, string(m))
		}
		seen[m] = true
	}
	if r.Mode == ResultByPriority && len(r.Priority) == 0 {
		add("priority", CodeRequired, "")
	}
	positive := false
	for _, m := range sortedMethods(r.Weights) {
		w := r.Weights[m]
		switch {
		case !m.Valid():
			add("weights", CodeAssessmentMethodInvalid, string(m))
		case !(w >= 0) || math.IsInf(w, 0):
			add("weights", CodeResultRuleInvalid, string(m))
		case w > 0:
			positive = true
		}
	}
	if r.Mode == ResultByWeight && !positive {
		add("weights", CodeRequired, "")
	}
	return errs
}

func sortedMethods(w map[AssessmentMethod]float64) []AssessmentMethod {
	ms := make([]AssessmentMethod, 0, len(w))
	for m := range w {
		ms = append(ms, m)
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i] < ms[j] })
	return ms
}

// Contribution is one assessment's level for one competency and the share
// of the result it received. Share is 0 for a level that was not used (a
// lower-priority method, or a method without weight); the shares of one
// ResolvedLevel add up to 1 and Σ share × level is the unrounded result.
type Contribution struct {
	AssessmentID string           `json:"assessmentId"`
	Method       AssessmentMethod `json:"method"`
	Level        int              `json:"level"`
	Share        float64          `json:"share"`
}

// ResolvedLevel is the result level of one competency and how it was
// reached. It holds no sentences: the UI builds the explanation from Mode
// and Sources in the user's language.
type ResolvedLevel struct {
	Code    string         `json:"code"`
	Level   float64        `json:"level"` // rounded to 2 decimals
	Mode    ResultMode     `json:"mode"`
	Sources []Contribution `json:"sources"` // used ones first
}

// ResolveLevels turns the assessments of one employee for one period (see
// AssessmentsFor) into one level per competency.
//
// It ignores deleted assessments and counts finalized ones (and submitted
// ones when rule.IncludeSubmitted), keeping only the current ones among
// those (see Current). Per competency, levels 1–5 from each assessment are
// averaged per method; then priority mode takes the first method of
// rule.Priority that has a level, and weighted mode averages the methods by
// rule.Weights. The level is rounded to 2 decimals. A competency that no
// counted method assessed is absent from the map. Empty fields of rule fall
// back to DefaultResultRule (Mode "" is priority).
func ResolveLevels(assessments []Assessment, rule ResultRule) map[string]ResolvedLevel {
	def := DefaultResultRule()
	if rule.Mode == "" {
		rule.Mode = def.Mode
	}
	if len(rule.Priority) == 0 {
		rule.Priority = def.Priority
	}
	if rule.Weights == nil {
		rule.Weights = def.Weights
	}

	type entry struct {
		id     string
		method AssessmentMethod
		level  int
	}
	byCode := make(map[string][]entry)
	for _, a := range Current(countedAssessments(assessments, rule.IncludeSubmitted)) {
		for _, it := range a.Items {
			if it.Level >= MinLevel && it.Level <= MaxLevel {
				byCode[it.CompetencyCode] = append(byCode[it.CompetencyCode], entry{a.ID, a.Method, it.Level})
			}
		}
	}

	rank := methodRank(rule.Priority)
	out := make(map[string]ResolvedLevel, len(byCode))
	for code, entries := range byCode {
		count := make(map[AssessmentMethod]int)
		for _, e := range entries {
			count[e.method]++
		}
		// methodShare is each method's share of the result.
		methodShare := make(map[AssessmentMethod]float64)
		if rule.Mode == ResultByWeight {
			total := 0.0
			for m := range count {
				if w := rule.Weights[m]; w > 0 && !math.IsInf(w, 0) {
					total += w
				}
			}
			for m := range count {
				if w := rule.Weights[m]; total > 0 && w > 0 && !math.IsInf(w, 0) {
					methodShare[m] = w / total
				}
			}
		} else {
			for _, m := range rule.Priority {
				if count[m] > 0 {
					methodShare[m] = 1
					break
				}
			}
		}
		if len(methodShare) == 0 {
			continue // only methods the rule does not use assessed it
		}

		r := ResolvedLevel{Code: code, Mode: rule.Mode}
		sum := 0.0
		for _, e := range entries {
			share := methodShare[e.method] / float64(count[e.method])
			sum += share * float64(e.level)
			r.Sources = append(r.Sources, Contribution{AssessmentID: e.id, Method: e.method, Level: e.level, Share: share})
		}
		r.Level = round2(sum)
		sort.SliceStable(r.Sources, func(i, j int) bool {
			a, b := r.Sources[i], r.Sources[j]
			switch {
			case a.Share != b.Share:
				return a.Share > b.Share
			case rank(a.Method) != rank(b.Method):
				return rank(a.Method) < rank(b.Method)
			}
			return a.AssessmentID < b.AssessmentID
		})
		out[code] = r
	}
	return out
}

// countedAssessments keeps the non-deleted assessments whose state counts
// in results.
func countedAssessments(all []Assessment, includeSubmitted bool) []Assessment {
	var out []Assessment
	for _, a := range all {
		if a.Deleted {
			continue
		}
		if a.State == AssessmentFinalized || (includeSubmitted && a.State == AssessmentSubmitted) {
			out = append(out, a)
		}
	}
	return out
}

// methodRank orders methods by priority, then unlisted ones in the order
// of AssessmentMethods.
func methodRank(priority []AssessmentMethod) func(AssessmentMethod) int {
	rank := make(map[AssessmentMethod]int)
	for i, m := range priority {
		if _, ok := rank[m]; !ok {
			rank[m] = i
		}
	}
	for i, m := range AssessmentMethods {
		if _, ok := rank[m]; !ok {
			rank[m] = len(priority) + i
		}
	}
	return func(m AssessmentMethod) int {
		if r, ok := rank[m]; ok {
			return r
		}
		return len(priority) + len(AssessmentMethods)
	}
}

// ActualLevels extracts the levels ComputeJPM needs from resolved levels.
func ActualLevels(resolved map[string]ResolvedLevel) map[string]float64 {
	out := make(map[string]float64, len(resolved))
	for code, r := range resolved {
		out[code] = r.Level
	}
	return out
}

// ResolvePerformance returns the SKP score for the 9-box from the same
// assessments ResolveLevels counts: the rating of the latest one (by
// AssessedOn, then id) that has one. The score is a fact about the
// employee's year, not an opinion of a method, so method priority does not
// apply. ok is false when no counted assessment carries a rating.
func ResolvePerformance(assessments []Assessment, rule ResultRule) (rating float64, ok bool) {
	var best *Assessment
	counted := Current(countedAssessments(assessments, rule.IncludeSubmitted))
	for i := range counted {
		a := &counted[i]
		if a.PerformanceRating == nil {
			continue
		}
		if best == nil || a.AssessedOn > best.AssessedOn || (a.AssessedOn == best.AssessedOn && a.ID > best.ID) {
			best = a
		}
	}
	if best == nil {
		return 0, false
	}
	return *best.PerformanceRating, true
}

// round2 rounds half away from zero to 2 decimals. The tiny nudge absorbs
// binary noise, so 3.665 (stored as 3.66499…) rounds to 3.67 as written.
func round2(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	return math.Round(x*100+math.Copysign(1e-9, x)) / 100
}
