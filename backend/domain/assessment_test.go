package domain

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
)

func asmPtr[T any](v T) *T { return &v }

// pengawasSKJ is the SKJ of a Pengawas: level 2 in the 8 managerial
// competencies and Perekat Bangsa (DOMAIN.md §2).
func pengawasSKJ() Standards {
	return Standards{"M.1": 2, "M.2": 2, "M.3": 2, "M.4": 2, "M.5": 2, "M.6": 2, "M.7": 2, "M.8": 2, "SK.1": 2}
}

func validAssessment() Assessment {
	return Assessment{
		SyncMeta:         SyncMeta{ID: "a-1", Version: 1},
		EmployeeID:       "emp-1",
		Period:           "2025",
		Method:           AssessmentBySupervisor,
		FrameworkVersion: 1,
		State:            AssessmentDraft,
		AssessorName:     "Siti Rahmawati",
		AssessedOn:       "2025-03-14",
		Items: AssessmentItems{
			{CompetencyCode: "M.1", Level: 2, Evidence: "Menolak gratifikasi vendor"},
			{CompetencyCode: "M.2", Level: 3},
			{CompetencyCode: "SK.1", Level: 0},
		},
	}
}

func TestAssessmentMethodAndStateValid(t *testing.T) {
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"self is a method", AssessmentBySelf.Valid(), true},
		{"supervisor is a method", AssessmentBySupervisor.Valid(), true},
		{"peer (360) is a method", AssessmentByPeer.Valid(), true},
		{"assessor is a method", AssessmentByAssessor.Valid(), true},
		{"test import is a method", AssessmentByTest.Valid(), true},
		{"Indonesian word atasan is not a method code", AssessmentMethod("atasan").Valid(), false},
		{"empty method is not valid", AssessmentMethod("").Valid(), false},
		{"draft is a state", AssessmentDraft.Valid(), true},
		{"submitted is a state", AssessmentSubmitted.Valid(), true},
		{"finalized is a state", AssessmentFinalized.Valid(), true},
		{"approved is not an assessment state", AssessmentState("approved").Valid(), false},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

func TestValidateAssessmentReportsEachProblem(t *testing.T) {
	tests := []struct {
		name     string
		modify   func(a *Assessment)
		required Standards
		want     FieldErrors
	}{
		{"complete draft against the position's standard passes", func(a *Assessment) {}, pengawasSKJ(), nil},
		{"nil standard checks only the shape of codes", func(a *Assessment) { a.Items[0].CompetencyCode = "T.99" }, nil, nil},
		{"draft with no level at all passes", func(a *Assessment) { a.Items = nil }, pengawasSKJ(), nil},
		{"assessor without NIP (psychologist) passes", func(a *Assessment) { a.AssessorNIP = "" }, nil, nil},
		{"valid NIP in printed form passes", func(a *Assessment) { a.AssessorNIP = "19740707 200212 2 008" }, nil, nil},
		{"performance rating 0 and the sanity bound pass", func(a *Assessment) { a.PerformanceRating = asmPtr(float64(MaxPerformanceRating)) }, nil, nil},
		{"missing employee is required", func(a *Assessment) { a.EmployeeID = " " }, nil,
			FieldErrors{{Field: "employeeId", Code: CodeRequired}}},
		{"missing period is required", func(a *Assessment) { a.Period = "" }, nil,
			FieldErrors{{Field: "period", Code: CodeRequired}}},
		{"period of 65 characters is too long", func(a *Assessment) { a.Period = strings.Repeat("x", 65) }, nil,
			FieldErrors{{Field: "period", Code: CodeTooLong}}},
		{"missing method is required", func(a *Assessment) { a.Method = "" }, nil,
			FieldErrors{{Field: "method", Code: CodeRequired}}},
		{"label instead of method code is invalid", func(a *Assessment) { a.Method = "Atasan" }, nil,
			FieldErrors{{Field: "method", Code: CodeAssessmentMethodInvalid, Value: "Atasan"}}},
		{"framework version 0 means none was pinned", func(a *Assessment) { a.FrameworkVersion = 0 }, nil,
			FieldErrors{{Field: "frameworkVersion", Code: CodeRequired, Value: "0"}}},
		{"unknown state is invalid", func(a *Assessment) { a.State = "approved" }, nil,
			FieldErrors{{Field: "state", Code: CodeAssessmentStateInvalid, Value: "approved"}}},
		{"malformed assessor NIP carries the NIP code", func(a *Assessment) { a.AssessorNIP = "12345" }, nil,
			FieldErrors{{Field: "assessorNip", Code: CodeNIPLength, Value: "12345"}}},
		{"date in Indonesian order is invalid", func(a *Assessment) { a.AssessedOn = "14-03-2025" }, nil,
			FieldErrors{{Field: "assessedOn", Code: CodeInvalid, Value: "14-03-2025"}}},
		{"assessment cannot supersede itself", func(a *Assessment) { a.SupersedesID = asmPtr("a-1") }, nil,
			FieldErrors{{Field: "supersedesId", Code: CodeAssessmentSupersedes, Value: "a-1"}}},
		{"negative performance rating is invalid", func(a *Assessment) { a.PerformanceRating = asmPtr(-1.0) }, nil,
			FieldErrors{{Field: "performanceRating", Code: CodePerformanceRatingInvalid, Value: "-1"}}},
		{"performance rating typed 1100 for 110 is invalid", func(a *Assessment) { a.PerformanceRating = asmPtr(1100.0) }, nil,
			FieldErrors{{Field: "performanceRating", Code: CodePerformanceRatingInvalid, Value: "1100"}}},
		{"NaN performance rating is invalid", func(a *Assessment) { a.PerformanceRating = asmPtr(math.NaN()) }, nil,
			FieldErrors{{Field: "performanceRating", Code: CodePerformanceRatingInvalid, Value: "NaN"}}},
		{"level 6 names the competency", func(a *Assessment) { a.Items[1].Level = 6 }, nil,
			FieldErrors{{Field: "items", Code: CodeLevelInvalid, Value: "M.2"}}},
		{"negative level names the competency", func(a *Assessment) { a.Items[0].Level = -1 }, nil,
			FieldErrors{{Field: "items", Code: CodeLevelInvalid, Value: "M.1"}}},
		{"competency outside the position's standard is unknown", func(a *Assessment) { a.Items[0].CompetencyCode = "T.01" }, pengawasSKJ(),
			FieldErrors{{Field: "items", Code: CodeAssessmentItemUnknown, Value: "T.01"}}},
		{"empty standard makes every item unknown", func(a *Assessment) { a.Items = a.Items[:1] }, Standards{},
			FieldErrors{{Field: "items", Code: CodeAssessmentItemUnknown, Value: "M.1"}}},
		{"same competency twice is a duplicate", func(a *Assessment) { a.Items = append(a.Items, AssessmentItem{CompetencyCode: "M.2", Level: 4}) }, nil,
			FieldErrors{{Field: "items", Code: CodeAssessmentItemDuplicate, Value: "M.2"}}},
		{"blank competency code is required", func(a *Assessment) { a.Items[2].CompetencyCode = " " }, nil,
			FieldErrors{{Field: "items", Code: CodeRequired}}},
		{"competency code with a space is malformed", func(a *Assessment) { a.Items[2].CompetencyCode = "M 3" }, nil,
			FieldErrors{{Field: "items", Code: CodeCompetencyCode, Value: "M 3"}}},
		{"evidence of 4001 characters is too long", func(a *Assessment) { a.Items[0].Evidence = strings.Repeat("é", 4001) }, nil,
			FieldErrors{{Field: "items.evidence", Code: CodeTooLong, Value: "M.1"}}},
		{"submitted assessment without a level is empty", func(a *Assessment) { a.State = AssessmentSubmitted; a.Items[0].Level, a.Items[1].Level = 0, 0 }, nil,
			FieldErrors{{Field: "items", Code: CodeAssessmentEmpty}}},
		{"finalized import with no items is empty", func(a *Assessment) { a.State = AssessmentFinalized; a.Method = AssessmentByTest; a.Items = nil }, nil,
			FieldErrors{{Field: "items", Code: CodeAssessmentEmpty}}},
		{"every problem is reported at once", func(a *Assessment) { a.EmployeeID, a.Period, a.Method = "", "", "x" }, nil,
			FieldErrors{
				{Field: "employeeId", Code: CodeRequired},
				{Field: "period", Code: CodeRequired},
				{Field: "method", Code: CodeAssessmentMethodInvalid, Value: "x"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := validAssessment()
			tt.modify(&a)
			got := ValidateAssessment(&a, tt.required)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ValidateAssessment() = %#v, want %#v", got, tt.want)
			}
		})
	}
}

func TestValidateAssessmentNormalises(t *testing.T) {
	a := Assessment{
		SyncMeta:         SyncMeta{ID: "a-1"},
		EmployeeID:       " emp-1 ",
		Period:           "  Seleksi   JPT  2025 ",
		Method:           " assessor",
		FrameworkVersion: 2,
		AssessorName:     " Dr.  Budi   Santoso ",
		AssessorNIP:      "19740707 200212 2 008",
		AssessedOn:       " 2025-06-01 ",
		SupersedesID:     asmPtr("  "),
		Note:             "  catatan ",
	}
	if errs := ValidateAssessment(&a, nil); errs != nil {
		t.Fatalf("unexpected errors: %v", errs)
	}
	want := Assessment{
		SyncMeta:         SyncMeta{ID: "a-1"},
		EmployeeID:       "emp-1",
		Period:           "Seleksi JPT 2025",
		Method:           AssessmentByAssessor,
		FrameworkVersion: 2,
		State:            AssessmentDraft,
		AssessorName:     "Dr. Budi Santoso",
		AssessorNIP:      "197407072002122008",
		AssessedOn:       "2025-06-01",
		Items:            AssessmentItems{},
		Note:             "catatan",
	}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("normalised = %#v\nwant %#v", a, want)
	}
}

func TestTransitionFollowsTheWorkflow(t *testing.T) {
	tests := []struct {
		name     string
		method   AssessmentMethod
		from, to AssessmentState
		empty    bool
		wantCode string // "" = allowed
	}{
		{"draft is submitted", AssessmentBySelf, AssessmentDraft, AssessmentSubmitted, false, ""},
		{"submitted is returned to draft", AssessmentBySupervisor, AssessmentSubmitted, AssessmentDraft, false, ""},
		{"submitted is finalized", AssessmentByPeer, AssessmentSubmitted, AssessmentFinalized, false, ""},
		{"assessor result is finalized straight from draft", AssessmentByAssessor, AssessmentDraft, AssessmentFinalized, false, ""},
		{"test import is finalized straight from draft", AssessmentByTest, AssessmentDraft, AssessmentFinalized, false, ""},
		{"zero-value state counts as draft", AssessmentBySelf, "", AssessmentSubmitted, false, ""},
		{"same state is a no-op for retried requests", AssessmentBySelf, AssessmentSubmitted, AssessmentSubmitted, false, ""},
		{"self-assessment cannot skip review", AssessmentBySelf, AssessmentDraft, AssessmentFinalized, false, CodeAssessmentInvalidTransition},
		{"supervisor assessment cannot skip review", AssessmentBySupervisor, AssessmentDraft, AssessmentFinalized, false, CodeAssessmentInvalidTransition},
		{"finalized cannot return to draft", AssessmentByAssessor, AssessmentFinalized, AssessmentDraft, false, CodeAssessmentInvalidTransition},
		{"finalized cannot return to submitted", AssessmentBySelf, AssessmentFinalized, AssessmentSubmitted, false, CodeAssessmentInvalidTransition},
		{"unknown target state is invalid", AssessmentBySelf, AssessmentDraft, "approved", false, CodeAssessmentStateInvalid},
		{"submitting without a level is refused", AssessmentBySelf, AssessmentDraft, AssessmentSubmitted, true, CodeAssessmentEmpty},
		{"finalizing an import without a level is refused", AssessmentByTest, AssessmentDraft, AssessmentFinalized, true, CodeAssessmentEmpty},
		{"returning an empty submission to draft is allowed", AssessmentBySelf, AssessmentSubmitted, AssessmentDraft, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := validAssessment()
			a.Method, a.State = tt.method, tt.from
			if tt.empty {
				a.Items = AssessmentItems{{CompetencyCode: "M.1"}}
			}
			err := Transition(&a, tt.to)
			if got := ErrorCode(err); got != tt.wantCode {
				t.Fatalf("Transition(%q→%q) code = %q, want %q (err %v)", tt.from, tt.to, got, tt.wantCode, err)
			}
			wantState := tt.to
			if tt.wantCode != "" {
				wantState = tt.from
			}
			if a.State != wantState {
				t.Errorf("state = %q, want %q", a.State, wantState)
			}
		})
	}
}

func TestTransitionErrorNamesBothStates(t *testing.T) {
	a := validAssessment()
	a.State = AssessmentFinalized
	var e *Error
	err := Transition(&a, AssessmentDraft)
	if !errors.As(err, &e) || e.Details["from"] != "finalized" || e.Details["to"] != "draft" {
		t.Errorf("error = %#v, want details from=finalized to=draft", err)
	}
}

func TestNextStatesOffersOnlyAllowedMoves(t *testing.T) {
	tests := []struct {
		name   string
		method AssessmentMethod
		state  AssessmentState
		want   []AssessmentState
	}{
		{"self draft can only be submitted", AssessmentBySelf, AssessmentDraft, []AssessmentState{AssessmentSubmitted}},
		{"assessor draft can be submitted or finalized", AssessmentByAssessor, AssessmentDraft, []AssessmentState{AssessmentSubmitted, AssessmentFinalized}},
		{"submitted can be returned or finalized", AssessmentByPeer, AssessmentSubmitted, []AssessmentState{AssessmentDraft, AssessmentFinalized}},
		{"finalized offers nothing", AssessmentByTest, AssessmentFinalized, nil},
	}
	for _, tt := range tests {
		a := Assessment{Method: tt.method, State: tt.state}
		if got := a.NextStates(); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: NextStates() = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestFinalizedAssessmentIsImmutable(t *testing.T) {
	finalized := validAssessment()
	finalized.Method = AssessmentByAssessor
	finalized.State = AssessmentFinalized
	draft := validAssessment()
	submitted := validAssessment()
	submitted.State = AssessmentSubmitted

	tests := []struct {
		name     string
		old      Assessment
		change   func(a *Assessment)
		wantCode string
	}{
		{"draft level can change", draft, func(a *Assessment) { a.Items[0].Level = 4 }, ""},
		{"draft can be deleted", draft, func(a *Assessment) { a.Deleted = true }, ""},
		{"submitted can be finalized", submitted, func(a *Assessment) { a.State = AssessmentFinalized }, ""},
		{"finalized level cannot change", finalized, func(a *Assessment) { a.Items[0].Level = 4 }, CodeAssessmentFinalized},
		{"finalized note cannot change", finalized, func(a *Assessment) { a.Note = "ralat" }, CodeAssessmentFinalized},
		{"finalized cannot be deleted", finalized, func(a *Assessment) { a.Deleted = true }, CodeAssessmentFinalized},
		{"finalized cannot be reopened", finalized, func(a *Assessment) { a.State = AssessmentDraft }, CodeAssessmentFinalized},
		{"supersedes link cannot be added later", draft, func(a *Assessment) { a.SupersedesID = asmPtr("a-0") }, CodeAssessmentSupersedes},
		{"self draft cannot be pushed as finalized", draft, func(a *Assessment) { a.Method = AssessmentBySelf; a.State = AssessmentFinalized }, CodeAssessmentInvalidTransition},
		{"emptied draft cannot be submitted", draft, func(a *Assessment) { a.Items = nil; a.State = AssessmentSubmitted }, CodeAssessmentEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := tt.old
			old.Items = append(AssessmentItems{}, tt.old.Items...)
			updated := old
			updated.Items = append(AssessmentItems{}, old.Items...)
			tt.change(&updated)
			if got := ErrorCode(CheckAssessmentUpdate(&old, &updated)); got != tt.wantCode {
				t.Errorf("CheckAssessmentUpdate code = %q, want %q", got, tt.wantCode)
			}
		})
	}

	if err := finalized.CanEdit(); !IsCode(err, CodeAssessmentFinalized) {
		t.Errorf("CanEdit(finalized) = %v, want %s", err, CodeAssessmentFinalized)
	}
	for _, s := range []AssessmentState{AssessmentDraft, AssessmentSubmitted} {
		a := Assessment{State: s}
		if err := a.CanEdit(); err != nil {
			t.Errorf("CanEdit(%s) = %v, want nil", s, err)
		}
	}
}

func TestSupersedeStartsADraftCorrection(t *testing.T) {
	old := validAssessment()
	old.ID, old.Version = "a-1", 3
	old.Method = AssessmentByAssessor
	old.FrameworkVersion = 2
	old.State = AssessmentFinalized
	old.PerformanceRating = asmPtr(105.0)
	old.Note = "hasil assessment centre"

	n, err := Supersede(&old, "a-2")
	if err != nil {
		t.Fatalf("Supersede: %v", err)
	}
	want := Assessment{
		SyncMeta:          SyncMeta{ID: "a-2", Version: 1},
		EmployeeID:        old.EmployeeID,
		Period:            old.Period,
		Method:            AssessmentByAssessor,
		FrameworkVersion:  2,
		State:             AssessmentDraft,
		AssessorName:      old.AssessorName,
		AssessedOn:        old.AssessedOn,
		SupersedesID:      asmPtr("a-1"),
		Items:             old.Items,
		PerformanceRating: asmPtr(105.0),
	}
	if !reflect.DeepEqual(n, want) {
		t.Fatalf("Supersede() = %#v\nwant %#v", n, want)
	}

	// The correction is editable and shares no memory with the original.
	n.Items[0].Level = 5
	*n.PerformanceRating = 90
	if old.Items[0].Level != 2 || *old.PerformanceRating != 105 {
		t.Errorf("editing the correction changed the finalized original: %+v", old)
	}
	if err := n.CanEdit(); err != nil {
		t.Errorf("correction should be editable: %v", err)
	}
}

func TestSupersedeRefuses(t *testing.T) {
	finalized := validAssessment()
	finalized.State = AssessmentFinalized
	draft := validAssessment()
	submitted := validAssessment()
	submitted.State = AssessmentSubmitted
	tests := []struct {
		name     string
		old      Assessment
		newID    string
		wantCode string
	}{
		{"draft is edited, not superseded", draft, "a-2", CodeAssessmentNotFinalized},
		{"submitted is returned, not superseded", submitted, "a-2", CodeAssessmentNotFinalized},
		{"empty new id", finalized, "", CodeInvalid},
		{"new id equal to the old one", finalized, "a-1", CodeInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := Supersede(&tt.old, tt.newID)
			if !IsCode(err, tt.wantCode) {
				t.Errorf("err = %v, want code %s", err, tt.wantCode)
			}
			if !reflect.DeepEqual(n, Assessment{}) {
				t.Errorf("refused Supersede returned %+v", n)
			}
		})
	}
}

// asmHistory builds assessments by id; parent "" means none.
func asmHistory(specs ...[3]string) []Assessment {
	var out []Assessment
	for _, s := range specs {
		a := Assessment{SyncMeta: SyncMeta{ID: s[0]}, EmployeeID: "emp-1", Period: "2025", Method: AssessmentBySupervisor,
			State: AssessmentState(s[2]), Items: AssessmentItems{{CompetencyCode: "M.1", Level: 2}}}
		if s[1] != "" {
			a.SupersedesID = asmPtr(s[1])
		}
		out = append(out, a)
	}
	return out
}

func asmIDs(as []Assessment) []string {
	out := []string{}
	for _, a := range as {
		out = append(out, a.ID)
	}
	return out
}

func TestSupersedeChainOldestToNewest(t *testing.T) {
	const f, d = "finalized", "draft"
	linear := asmHistory([3]string{"c", "b", d}, [3]string{"a", "", f}, [3]string{"b", "a", f}, [3]string{"x", "", f})
	deletedDraft := asmHistory([3]string{"a", "", f}, [3]string{"b", "a", d})
	deletedDraft[1].Deleted = true

	tests := []struct {
		name string
		all  []Assessment
		id   string
		want []string
	}{
		{"asked from the newest", linear, "c", []string{"a", "b", "c"}},
		{"asked from the oldest", linear, "a", []string{"a", "b", "c"}},
		{"asked from the middle", linear, "b", []string{"a", "b", "c"}},
		{"unrelated assessment has a history of one", linear, "x", []string{"x"}},
		{"two offline corrections share a generation, by id",
			asmHistory([3]string{"a", "", f}, [3]string{"b2", "a", f}, [3]string{"b1", "a", d}, [3]string{"c", "b2", d}),
			"c", []string{"a", "b1", "b2", "c"}},
		{"deleted draft correction is not history", deletedDraft, "a", []string{"a"}},
		{"parent not synced yet starts the history", asmHistory([3]string{"b", "a", f}, [3]string{"c", "b", d}), "c", []string{"b", "c"}},
		{"cycle in bad data terminates", asmHistory([3]string{"a", "b", f}, [3]string{"b", "a", f}), "a", []string{"b", "a"}},
		{"unknown id has no history", linear, "zzz", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SupersedeChain(tt.all, tt.id)
			if tt.want == nil {
				if got != nil {
					t.Errorf("SupersedeChain() = %v, want nil", asmIDs(got))
				}
				return
			}
			if !reflect.DeepEqual(asmIDs(got), tt.want) {
				t.Errorf("SupersedeChain() = %v, want %v", asmIDs(got), tt.want)
			}
		})
	}
}

func TestCurrentDropsSupersededAndDeleted(t *testing.T) {
	const f, d = "finalized", "draft"
	chain := asmHistory([3]string{"a", "", f}, [3]string{"b", "a", f}, [3]string{"c", "b", d}, [3]string{"x", "", f})
	deleted := asmHistory([3]string{"a", "", f}, [3]string{"b", "a", d}, [3]string{"y", "", d})
	deleted[1].Deleted = true
	deleted[2].Deleted = true

	tests := []struct {
		name string
		all  []Assessment
		want []string
	}{
		{"over everything a draft correction hides what it corrects", chain, []string{"c", "x"}},
		{"over finalized ones the old result stays until the correction is final", countedAssessments(chain, false), []string{"b", "x"}},
		{"deleted correction no longer supersedes, and is itself dropped", deleted, []string{"a"}},
		{"two offline corrections are both current",
			asmHistory([3]string{"a", "", f}, [3]string{"b1", "a", f}, [3]string{"b2", "a", f}), []string{"b1", "b2"}},
		{"nothing in, nothing out", nil, []string{}},
	}
	for _, tt := range tests {
		if got := asmIDs(Current(tt.all)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Current() = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// asmt is a compact assessment for resolution tests.
func asmt(id string, m AssessmentMethod, state AssessmentState, levels map[string]int) Assessment {
	a := Assessment{SyncMeta: SyncMeta{ID: id}, EmployeeID: "emp-1", Period: "2025", Method: m, State: state, FrameworkVersion: 1}
	for code, lv := range levels {
		a.Items = append(a.Items, AssessmentItem{CompetencyCode: code, Level: lv})
	}
	return a
}

func TestResolveLevels(t *testing.T) {
	F, S, D := AssessmentFinalized, AssessmentSubmitted, AssessmentDraft
	weighted := DefaultResultRule()
	weighted.Mode = ResultByWeight
	selfOnly := ResultRule{Mode: ResultByPriority, Priority: []AssessmentMethod{AssessmentBySupervisor}}
	withSubmitted := DefaultResultRule()
	withSubmitted.IncludeSubmitted = true
	corrected := asmt("sup-2", AssessmentBySupervisor, F, map[string]int{"M.1": 4})
	corrected.SupersedesID = asmPtr("sup-1")
	draftCorrection := asmt("sup-2", AssessmentBySupervisor, D, map[string]int{"M.1": 4})
	draftCorrection.SupersedesID = asmPtr("sup-1")
	deletedAssessor := asmt("as-1", AssessmentByAssessor, F, map[string]int{"M.1": 5})
	deletedAssessor.Deleted = true

	tests := []struct {
		name string
		in   []Assessment
		rule ResultRule
		want map[string]float64
	}{
		{"assessor outranks supervisor and self",
			[]Assessment{asmt("self", AssessmentBySelf, F, map[string]int{"M.1": 4}), asmt("sup", AssessmentBySupervisor, F, map[string]int{"M.1": 3}), asmt("as", AssessmentByAssessor, F, map[string]int{"M.1": 2})},
			DefaultResultRule(), map[string]float64{"M.1": 2}},
		{"competency the assessor skipped falls to the supervisor",
			[]Assessment{asmt("sup", AssessmentBySupervisor, F, map[string]int{"M.1": 3, "M.2": 3}), asmt("as", AssessmentByAssessor, F, map[string]int{"M.1": 2, "M.2": 0})},
			DefaultResultRule(), map[string]float64{"M.1": 2, "M.2": 3}},
		{"test import outranks supervisor",
			[]Assessment{asmt("sup", AssessmentBySupervisor, F, map[string]int{"M.3": 4}), asmt("t", AssessmentByTest, F, map[string]int{"M.3": 3})},
			DefaultResultRule(), map[string]float64{"M.3": 3}},
		{"three peers are averaged and rounded to 2 decimals",
			[]Assessment{asmt("p1", AssessmentByPeer, F, map[string]int{"M.2": 3}), asmt("p2", AssessmentByPeer, F, map[string]int{"M.2": 4}), asmt("p3", AssessmentByPeer, F, map[string]int{"M.2": 4})},
			DefaultResultRule(), map[string]float64{"M.2": 3.67}},
		{"weighted mode normalises over the methods present",
			// supervisor 20 × 3 + self 10 × 4 = 100, over 30 → 3.33
			[]Assessment{asmt("sup", AssessmentBySupervisor, F, map[string]int{"M.1": 3}), asmt("self", AssessmentBySelf, F, map[string]int{"M.1": 4})},
			weighted, map[string]float64{"M.1": 3.33}},
		{"weighted mode counts five peers as one method",
			// assessor 35 × 2 + peer 10 × avg(5,5,5,5,1)=4.2 → (70 + 42)/45 = 2.49
			[]Assessment{asmt("as", AssessmentByAssessor, F, map[string]int{"M.1": 2}),
				asmt("p1", AssessmentByPeer, F, map[string]int{"M.1": 5}), asmt("p2", AssessmentByPeer, F, map[string]int{"M.1": 5}),
				asmt("p3", AssessmentByPeer, F, map[string]int{"M.1": 5}), asmt("p4", AssessmentByPeer, F, map[string]int{"M.1": 5}),
				asmt("p5", AssessmentByPeer, F, map[string]int{"M.1": 1})},
			weighted, map[string]float64{"M.1": 2.49}},
		{"method missing from the priority list is not used",
			[]Assessment{asmt("self", AssessmentBySelf, F, map[string]int{"M.1": 4, "M.2": 2}), asmt("sup", AssessmentBySupervisor, F, map[string]int{"M.2": 3})},
			selfOnly, map[string]float64{"M.2": 3}},
		{"drafts and submitted assessments do not count by default",
			[]Assessment{asmt("sup", AssessmentBySupervisor, S, map[string]int{"M.1": 3}), asmt("self", AssessmentBySelf, D, map[string]int{"M.1": 4})},
			DefaultResultRule(), map[string]float64{}},
		{"submitted ones count when the rule includes them",
			[]Assessment{asmt("sup", AssessmentBySupervisor, S, map[string]int{"M.1": 3}), asmt("self", AssessmentBySelf, D, map[string]int{"M.1": 4})},
			withSubmitted, map[string]float64{"M.1": 3}},
		{"finalized correction replaces what it supersedes",
			[]Assessment{asmt("sup-1", AssessmentBySupervisor, F, map[string]int{"M.1": 2}), corrected},
			DefaultResultRule(), map[string]float64{"M.1": 4}},
		{"draft correction leaves the finalized result in place",
			[]Assessment{asmt("sup-1", AssessmentBySupervisor, F, map[string]int{"M.1": 2}), draftCorrection},
			DefaultResultRule(), map[string]float64{"M.1": 2}},
		{"deleted assessment does not count",
			[]Assessment{deletedAssessor, asmt("sup", AssessmentBySupervisor, F, map[string]int{"M.1": 3})},
			DefaultResultRule(), map[string]float64{"M.1": 3}},
		{"zero-value rule behaves as the default",
			[]Assessment{asmt("self", AssessmentBySelf, F, map[string]int{"M.1": 4}), asmt("as", AssessmentByAssessor, F, map[string]int{"M.1": 2})},
			ResultRule{}, map[string]float64{"M.1": 2}},
		{"out-of-range levels are ignored",
			[]Assessment{asmt("sup", AssessmentBySupervisor, F, map[string]int{"M.1": 7, "M.2": 0})},
			DefaultResultRule(), map[string]float64{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ActualLevels(ResolveLevels(tt.in, tt.rule))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("levels = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestResolveLevelsShowsEveryContribution(t *testing.T) {
	in := []Assessment{
		asmt("self", AssessmentBySelf, AssessmentFinalized, map[string]int{"M.1": 4}),
		asmt("p2", AssessmentByPeer, AssessmentFinalized, map[string]int{"M.1": 3}),
		asmt("p1", AssessmentByPeer, AssessmentFinalized, map[string]int{"M.1": 2}),
	}
	got := ResolveLevels(in, DefaultResultRule())["M.1"]
	want := ResolvedLevel{Code: "M.1", Level: 2.5, Mode: ResultByPriority, Sources: []Contribution{
		{AssessmentID: "p1", Method: AssessmentByPeer, Level: 2, Share: 0.5},
		{AssessmentID: "p2", Method: AssessmentByPeer, Level: 3, Share: 0.5},
		{AssessmentID: "self", Method: AssessmentBySelf, Level: 4, Share: 0},
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ResolveLevels()[M.1] = %#v\nwant %#v", got, want)
	}

	weighted := DefaultResultRule()
	weighted.Mode = ResultByWeight
	for code, r := range ResolveLevels(in, weighted) {
		sum, level := 0.0, 0.0
		for _, c := range r.Sources {
			sum += c.Share
			level += c.Share * float64(c.Level)
		}
		if math.Abs(sum-1) > 1e-9 || math.Abs(round2(level)-r.Level) > 1e-9 {
			t.Errorf("%s: shares sum to %v and give %v, want 1 and %v", code, sum, level, r.Level)
		}
	}
}

func TestValidateResultRule(t *testing.T) {
	tests := []struct {
		name string
		rule ResultRule
		want FieldErrors
	}{
		{"default rule passes", DefaultResultRule(), nil},
		{"weighted default passes", func() ResultRule { r := DefaultResultRule(); r.Mode = ResultByWeight; return r }(), nil},
		{"unknown mode", ResultRule{Mode: "average", Priority: AssessmentMethods}, FieldErrors{{Field: "mode", Code: CodeResultRuleInvalid, Value: "average"}}},
		{"priority mode needs a priority", ResultRule{Mode: ResultByPriority}, FieldErrors{{Field: "priority", Code: CodeRequired}}},
		{"unknown and repeated methods in priority", ResultRule{Mode: ResultByPriority, Priority: []AssessmentMethod{"atasan", AssessmentBySelf, AssessmentBySelf}},
			FieldErrors{{Field: "priority", Code: CodeAssessmentMethodInvalid, Value: "atasan"}, {Field: "priority", Code: CodeResultRuleInvalid, Value: "self"}}},
		{"weighted mode needs a positive weight", ResultRule{Mode: ResultByWeight, Weights: map[AssessmentMethod]float64{AssessmentBySelf: 0}},
			FieldErrors{{Field: "weights", Code: CodeRequired}}},
		{"negative and NaN weights", ResultRule{Mode: ResultByWeight, Weights: map[AssessmentMethod]float64{AssessmentBySelf: -1, AssessmentByPeer: math.NaN(), AssessmentByAssessor: 1}},
			FieldErrors{{Field: "weights", Code: CodeResultRuleInvalid, Value: "peer"}, {Field: "weights", Code: CodeResultRuleInvalid, Value: "self"}}},
	}
	for _, tt := range tests {
		if got := ValidateResultRule(tt.rule); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: ValidateResultRule() = %#v, want %#v", tt.name, got, tt.want)
		}
	}
}

func TestResolvePerformanceTakesTheLatestCountedRating(t *testing.T) {
	F, D := AssessmentFinalized, AssessmentDraft
	rated := func(id string, state AssessmentState, on string, r float64) Assessment {
		a := asmt(id, AssessmentBySupervisor, state, map[string]int{"M.1": 2})
		a.AssessedOn, a.PerformanceRating = on, &r
		return a
	}
	tests := []struct {
		name   string
		in     []Assessment
		want   float64
		wantOK bool
	}{
		{"no rating anywhere", []Assessment{asmt("a", AssessmentBySelf, F, nil)}, 0, false},
		{"latest date wins", []Assessment{rated("b", F, "2025-12-01", 112), rated("a", F, "2025-01-10", 95)}, 112, true},
		{"draft rating does not count", []Assessment{rated("a", F, "2025-01-10", 95), rated("b", D, "2025-12-01", 112)}, 95, true},
		{"same date falls back to id", []Assessment{rated("b", F, "2025-01-10", 100), rated("a", F, "2025-01-10", 95)}, 100, true},
	}
	for _, tt := range tests {
		got, ok := ResolvePerformance(tt.in, DefaultResultRule())
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("%s: ResolvePerformance() = %v, %v; want %v, %v", tt.name, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestAssessmentsForSelectsOneEmployeeAndPeriod(t *testing.T) {
	all := []Assessment{
		{SyncMeta: SyncMeta{ID: "1"}, EmployeeID: "e1", Period: "2025"},
		{SyncMeta: SyncMeta{ID: "2"}, EmployeeID: "e1", Period: "2024"},
		{SyncMeta: SyncMeta{ID: "3"}, EmployeeID: "e2", Period: "2025"},
		{SyncMeta: SyncMeta{ID: "4"}, EmployeeID: "e1", Period: "2025"},
	}
	if got := asmIDs(AssessmentsFor(all, "e1", "2025")); !reflect.DeepEqual(got, []string{"1", "4"}) {
		t.Errorf("AssessmentsFor() = %v, want [1 4]", got)
	}
}

func TestAssessmentItemsRoundTripThroughTheJSONColumn(t *testing.T) {
	in := AssessmentItems{{CompetencyCode: "M.1", Level: 3, Evidence: "Memimpin rapat koordinasi"}}
	v, err := in.Value()
	if err != nil {
		t.Fatal(err)
	}
	var out AssessmentItems
	if err := out.Scan(v); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(out, in) {
		t.Errorf("round trip = %#v, want %#v", out, in)
	}
	if got := (Assessment{}).EntityName(); got != "assessment" {
		t.Errorf("EntityName() = %q", got)
	}
}
