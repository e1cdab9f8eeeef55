package domain

import (
	"errors"
	"math"
	"reflect"
	"testing"
)

// Rules as methods.json states them, so these tests read like DOMAIN.md §4.
var (
	ruleSeminar    = JPRule{Kind: JPPerDay, National: 4, International: 6}
	ruleWorkshop   = JPRule{Kind: JPPerDay, National: 5, International: 7}
	ruleCoaching   = JPRule{Kind: JPPerSession, National: 2, MaxPerMonth: 4}
	ruleMandiri    = JPRule{Kind: JPStated, National: 1, MaxPerDay: 2}
	rulePatok      = JPRule{Kind: JPFixed, National: 10}
	ruleDetasering = JPRule{Kind: JPFixed, National: 20}
	ruleTeknis     = JPRule{Kind: JPStated, National: 1, International: 1.2}
	ruleKursus     = JPRule{Kind: JPStated, National: 1, International: 1}
)

func TestComputeJP(t *testing.T) {
	tests := []struct {
		name          string
		rule          JPRule
		days          float64
		sessions      int
		stated        float64
		international bool
		want          float64
	}{
		{"seminar: 1 day national is 4 JP", ruleSeminar, 1, 0, 0, false, 4},
		{"seminar: 1 day international is 6 JP", ruleSeminar, 1, 0, 0, true, 6},
		{"seminar: half a day is 2 JP", ruleSeminar, 0.5, 0, 0, false, 2},
		{"seminar: stated JP are ignored, days count", ruleSeminar, 2, 0, 40, false, 8},
		{"workshop: 3 days national is 15 JP", ruleWorkshop, 3, 0, 0, false, 15},
		{"workshop: 3 days international is 21 JP", ruleWorkshop, 3, 0, 0, true, 21},
		{"coaching: 3 sessions are 6 JP", ruleCoaching, 0, 3, 0, false, 6},
		{"coaching: international changes nothing when no international rate", ruleCoaching, 0, 1, 0, true, 2},
		{"belajar mandiri: 10 JP reported over 3 days are capped at 6", ruleMandiri, 3, 0, 10, false, 6},
		{"belajar mandiri: 5 JP over 5 days stay 5", ruleMandiri, 5, 0, 5, false, 5},
		{"patok banding is 10 JP whatever its length", rulePatok, 4, 0, 0, false, 10},
		{"detasering is 20 JP", ruleDetasering, 60, 0, 0, false, 20},
		{"pelatihan teknis: the stated 40 JP", ruleTeknis, 5, 0, 40, false, 40},
		{"pelatihan teknis international: stated + 20 %", ruleTeknis, 5, 0, 40, true, 48},
		{"+20 % is rounded to 2 decimals", ruleTeknis, 0, 0, 37, true, 44.4},
		{"kursus international: no bonus where the rule has none", ruleKursus, 0, 0, 30, true, 30},
	}
	for _, tt := range tests {
		got, err := ComputeJP(tt.rule, tt.days, tt.sessions, tt.stated, tt.international)
		if err != nil {
			t.Errorf("%s: unexpected error %v", tt.name, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%s: got %v JP, want %v", tt.name, got, tt.want)
		}
	}
}

func TestComputeJPRejectsMissingOrBadInput(t *testing.T) {
	tests := []struct {
		name      string
		rule      JPRule
		days      float64
		sessions  int
		stated    float64
		wantCode  string
		wantField string
	}{
		{"per-day rule without days", ruleSeminar, 0, 0, 0, CodeJPInputInvalid, "days"},
		{"per-session rule without sessions", ruleCoaching, 1, 0, 0, CodeJPInputInvalid, "sessions"},
		{"stated rule without the stated JP", ruleTeknis, 1, 0, 0, CodeJPInputInvalid, "statedJp"},
		{"daily cap needs the number of days", ruleMandiri, 0, 0, 4, CodeJPInputInvalid, "days"},
		{"negative days", ruleSeminar, -1, 0, 0, CodeJPInputInvalid, "days"},
		{"negative sessions", ruleCoaching, 0, -2, 0, CodeJPInputInvalid, "sessions"},
		{"NaN stated JP", ruleTeknis, 0, 0, math.NaN(), CodeJPInputInvalid, "statedJp"},
		{"infinite days", ruleSeminar, math.Inf(1), 0, 0, CodeJPInputInvalid, "days"},
		{"unknown kind", JPRule{Kind: "per_week", National: 1}, 1, 1, 1, CodeJPRuleInvalid, "kind"},
		{"rate 0", JPRule{Kind: JPPerDay}, 1, 0, 0, CodeJPRuleInvalid, "national"},
		{"negative cap", JPRule{Kind: JPFixed, National: 10, MaxPerDay: -1}, 1, 0, 0, CodeJPRuleInvalid, "maxPerDay"},
	}
	for _, tt := range tests {
		_, err := ComputeJP(tt.rule, tt.days, tt.sessions, tt.stated, false)
		if !IsCode(err, tt.wantCode) {
			t.Errorf("%s: error %v, want code %s", tt.name, err, tt.wantCode)
			continue
		}
		var e *Error
		if errors.As(err, &e); e.Details["field"] != tt.wantField {
			t.Errorf("%s: field %v, want %s", tt.name, e.Details["field"], tt.wantField)
		}
	}
}

func TestJPFromMinutes(t *testing.T) {
	tests := []struct {
		name    string
		minutes float64
		want    float64
	}{
		{"45 minutes is 1 JP", 45, 1},
		{"a 90-minute session is 2 JP", 90, 2},
		{"an hour is 1.33 JP", 60, 1.33},
		{"nothing is 0", 0, 0},
		{"negative is 0", -45, 0},
	}
	for _, tt := range tests {
		if got := JPFromMinutes(tt.minutes); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestPlanningJP(t *testing.T) {
	tests := []struct {
		name string
		m    DevelopmentMethod
		want float64
	}{
		{"explicit planning JP wins", DevelopmentMethod{JP: ruleCoaching, PlanningJP: 12}, 12},
		{"per-day rule plans one day", DevelopmentMethod{JP: ruleWorkshop}, 5},
		{"per-session rule plans one session", DevelopmentMethod{JP: ruleCoaching}, 2},
		{"fixed rule plans the fixed JP", DevelopmentMethod{JP: ruleDetasering}, 20},
		{"stated rule without planning JP leaves 0 to fill in", DevelopmentMethod{JP: ruleTeknis}, 0},
	}
	for _, tt := range tests {
		if got := PlanningJP(tt.m); got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestCapMonthly(t *testing.T) {
	caps := map[string]float64{"coaching": 4}
	in := []JPRecord{
		{EmployeeID: "e1", Date: "2025-01-20", MethodCode: "coaching", JP: 2, SourceID: "c"},
		{EmployeeID: "e1", Date: "2025-01-05", MethodCode: "coaching", JP: 2, SourceID: "a"},
		{EmployeeID: "e1", Date: "2025-01-10", MethodCode: "coaching", JP: 2, SourceID: "b"},
		{EmployeeID: "e1", Date: "2025-02-01", MethodCode: "coaching", JP: 2, SourceID: "d"},
		{EmployeeID: "e2", Date: "2025-01-06", MethodCode: "coaching", JP: 6, SourceID: "e"},
		{EmployeeID: "e1", Date: "2025-01-06", MethodCode: "seminar", JP: 8, SourceID: "f"},
		{EmployeeID: "e1", Date: "", MethodCode: "coaching", JP: 2, SourceID: "g"},
	}
	orig := append([]JPRecord(nil), in...)
	got := CapMonthly(in, caps)
	want := []float64{
		0, // the third coaching session of January comes after the cap is reached
		2, 2,
		2, // February starts afresh
		4, // another employee has their own cap; 6 is cut to 4
		8, // seminar has no monthly cap
		2, // no date, no month: left alone
	}
	for i := range want {
		if got[i].JP != want[i] {
			t.Errorf("record %s: got %v JP, want %v", got[i].SourceID, got[i].JP, want[i])
		}
	}
	if !reflect.DeepEqual(in, orig) {
		t.Error("CapMonthly modified its input")
	}
}

func TestSummariseJP(t *testing.T) {
	rec := func(year int, jp float64, method string) JPRecord {
		return JPRecord{EmployeeID: "e1", Year: year, MethodCode: method, JP: jp}
	}
	tests := []struct {
		name          string
		records       []JPRecord
		target        float64
		wantTotal     float64
		wantBelow     bool
		wantShortfall float64
	}{
		{"no learning at all is 20 JP short", nil, 20, 0, true, 20},
		{"exactly 20 JP meets the minimum", []JPRecord{rec(2025, 12, "seminar"), rec(2025, 8, "coaching")}, 20, 20, false, 0},
		{"19.99 JP is below by 0.01", []JPRecord{rec(2025, 19.99, "e_learning")}, 20, 19.99, true, 0.01},
		{"other years do not count", []JPRecord{rec(2024, 40, "seminar"), rec(2025, 4, "seminar")}, 20, 4, true, 16},
		{"a configurable target: 24 JP", []JPRecord{rec(2025, 20, "seminar")}, 24, 20, true, 4},
		{"tenths add up exactly", []JPRecord{rec(2025, 0.1, "x"), rec(2025, 0.2, "x"), rec(2025, 19.7, "x")}, 20, 20, false, 0},
		{"negative JP count as 0", []JPRecord{rec(2025, -5, "x"), rec(2025, 21, "x")}, 20, 21, false, 0},
	}
	for _, tt := range tests {
		s := SummariseJP(tt.records, 2025, tt.target)
		if s.Total != tt.wantTotal || s.BelowTarget != tt.wantBelow || s.Shortfall != tt.wantShortfall {
			t.Errorf("%s: total %v below %v shortfall %v, want %v %v %v", tt.name,
				s.Total, s.BelowTarget, s.Shortfall, tt.wantTotal, tt.wantBelow, tt.wantShortfall)
		}
	}
	s := SummariseJP([]JPRecord{rec(2025, 12, "seminar"), rec(2025, 4, "seminar"), rec(2025, 2, "coaching")}, 2025, 20)
	if !reflect.DeepEqual(s.ByMethod, map[string]float64{"seminar": 16, "coaching": 2}) || s.Activities != 3 || s.EmployeeID != "e1" {
		t.Errorf("breakdown: %+v", s)
	}
}

func TestJPComplianceByUnitAndOffice(t *testing.T) {
	people := []JPPerson{{"a", "u1"}, {"b", "u1"}, {"c", "u2"}, {"d", "u2"}}
	records := []JPRecord{
		{EmployeeID: "a", Year: 2025, JP: 24},
		{EmployeeID: "b", Year: 2025, JP: 10},
		{EmployeeID: "c", Year: 2025, JP: 20},
		{EmployeeID: "x", Year: 2025, JP: 100}, // moved out of the office: ignored
		// d has nothing: must still appear, 20 short
	}
	sums := SummariseEmployees(people, records, 2025, 20)
	if len(sums) != 4 || sums[3].EmployeeID != "d" || !sums[3].BelowTarget || sums[3].Shortfall != 20 || sums[3].UnitID != "u2" {
		t.Fatalf("summaries: %+v", sums)
	}
	office := RecapJP(sums)
	wantOffice := JPRecap{Count: 4, Compliant: 2, BelowTarget: 2, TotalJP: 54, AverageJP: 13.5, ComplianceRate: 50, TotalShortfall: 30}
	if office != wantOffice {
		t.Errorf("office recap %+v, want %+v", office, wantOffice)
	}
	units := RecapJPByUnit(sums)
	if u := units["u1"]; u.Count != 2 || u.Compliant != 1 || u.TotalShortfall != 10 || u.AverageJP != 17 {
		t.Errorf("u1 recap %+v", u)
	}
	if u := units["u2"]; u.Count != 2 || u.Compliant != 1 || u.TotalShortfall != 20 || u.ComplianceRate != 50 {
		t.Errorf("u2 recap %+v", u)
	}
	if empty := RecapJP(nil); empty != (JPRecap{}) {
		t.Errorf("empty recap %+v", empty)
	}
}

func TestSummariseBudget(t *testing.T) {
	tests := []struct {
		name  string
		lines []BudgetLine
		want  BudgetSummary
	}{
		{"cost per JP is realised rupiah over delivered JP",
			[]BudgetLine{{Planned: 10_000_000, Realised: 9_000_000, JP: 120}, {Planned: 2_000_000, Realised: 3_000_000, JP: 30}},
			BudgetSummary{Planned: 12_000_000, Realised: 12_000_000, Variance: 0, JP: 150, CostPerJP: 80_000, Absorption: 100}},
		{"under-spent budget",
			[]BudgetLine{{Planned: 3_000_000, Realised: 1_000_000, JP: 3}},
			BudgetSummary{Planned: 3_000_000, Realised: 1_000_000, Variance: -2_000_000, JP: 3, CostPerJP: 333_333.33, Absorption: 33.33}},
		{"no JP delivered: no cost per JP rather than a division by zero",
			[]BudgetLine{{Planned: 1_000, Realised: 500}},
			BudgetSummary{Planned: 1_000, Realised: 500, Variance: -500, Absorption: 50}},
		{"free learning costs nothing per JP",
			[]BudgetLine{{JP: 20}},
			BudgetSummary{JP: 20}},
	}
	for _, tt := range tests {
		if got := SummariseBudget(tt.lines); got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestValidateDevelopmentMethod(t *testing.T) {
	good := DevelopmentMethod{Code: "seminar", Name: "Seminar", NameEN: "Seminar", Route: RouteClassical, Form: FormTraining,
		JenisDiklat: "Seminar", SIASNRecord: SIASNKursus, JP: ruleSeminar}
	if errs := ValidateDevelopmentMethod(good); errs != nil {
		t.Fatalf("good method rejected: %v", errs)
	}
	tests := []struct {
		name      string
		edit      func(*DevelopmentMethod)
		wantField string
	}{
		{"code with capitals", func(m *DevelopmentMethod) { m.Code = "Seminar" }, "code"},
		{"training without route", func(m *DevelopmentMethod) { m.Route = "" }, "route"},
		{"education with a route", func(m *DevelopmentMethod) { m.Form = FormEducation; m.SIASNRecord = SIASNPendidikan }, "route"},
		{"unknown SIASN history", func(m *DevelopmentMethod) { m.SIASNRecord = "riwayat" }, "siasnRecord"},
		{"kursus export needs the jenis diklat label", func(m *DevelopmentMethod) { m.JenisDiklat = " " }, "jenisDiklat"},
		{"bad JP rule", func(m *DevelopmentMethod) { m.JP.National = 0 }, "jp.national"},
		{"negative planning JP", func(m *DevelopmentMethod) { m.PlanningJP = -1 }, "planningJp"},
	}
	for _, tt := range tests {
		m := good
		tt.edit(&m)
		if errs := ValidateDevelopmentMethod(m); !hasField(errs, tt.wantField) {
			t.Errorf("%s: errors %v, want one on %s", tt.name, errs, tt.wantField)
		}
	}
}

func hasField(errs FieldErrors, field string) bool {
	for _, e := range errs {
		if e.Field == field {
			return true
		}
	}
	return false
}
