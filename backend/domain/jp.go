package domain

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Development methods and JP (jam pelajaran), DOMAIN.md §4 (Peraturan LAN
// 10/2018 and the LAN conversion guide for non-classical learning):
//
//   - every PNS should receive at least 20 JP of competency development a
//     year (PP 11/2017 Pasal 203(4)); the target is a setting;
//   - 1 JP is 45 minutes;
//   - each method recognises JP by one rule: the JP stated by the course
//     (with +20 % for international courses where the rule says so), a
//     rate per day (seminar 4/6, workshop 5/7), a rate per session
//     (coaching and mentoring 2), or a fixed amount (patok banding 10;
//     detasering, magang, pertukaran 20), optionally capped per day and per
//     month.
//
// The catalogue and its rules are data (backend/framework/methods.json), so
// an office can follow a newer LAN guide without a new release. JP carry at
// most 2 decimals; sums are kept in hundredths, as integers, like JPM.

// Route is jalur: classical (face-to-face, in a learning setting) or
// non-classical. Degree study (pendidikan) has no route.
type Route string

const (
	RouteClassical    Route = "klasikal"
	RouteNonClassical Route = "nonklasikal"
)

// Valid reports whether r is one of the two routes.
func (r Route) Valid() bool { return r == RouteClassical || r == RouteNonClassical }

// DevelopmentForm is bentuk pengembangan kompetensi.
type DevelopmentForm string

const (
	FormEducation DevelopmentForm = "pendidikan" // formal degree study (tugas belajar)
	FormTraining  DevelopmentForm = "pelatihan"  // classical or non-classical training
)

// Valid reports whether f is one of the two forms.
func (f DevelopmentForm) Valid() bool { return f == FormEducation || f == FormTraining }

// SIASN history a method is exported to (DOMAIN.md §9).
const (
	SIASNDiklat     = "diklat"     // riwayat diklat: structural/leadership training
	SIASNKursus     = "kursus"     // riwayat kursus: every other training
	SIASNPendidikan = "pendidikan" // riwayat pendidikan: degree study
)

// JPRuleKind says how a method's JP are recognised.
type JPRuleKind string

const (
	// JPStated takes the JP stated by the course, times National (or
	// International for an international course): 1 and 1.2 give the
	// +20 % of international courses, 1 and 1 (or 0) give none.
	JPStated JPRuleKind = "stated"
	// JPPerDay is National (International) JP per day of attendance.
	JPPerDay JPRuleKind = "per_day"
	// JPPerSession is National (International) JP per session.
	JPPerSession JPRuleKind = "per_session"
	// JPFixed is National (International) JP for the whole activity.
	JPFixed JPRuleKind = "fixed"
)

// JPRule is a method's JP conversion. International 0 means "same as
// National". MaxPerDay > 0 caps the result at days × MaxPerDay (belajar
// mandiri: at most 2 JP a day, whatever was studied). MaxPerMonth > 0 caps
// the JP one employee earns by the method in one calendar month across
// activities; CapMonthly applies it, because one activity cannot see the
// others.
type JPRule struct {
	Kind          JPRuleKind `json:"kind"`
	National      float64    `json:"national"`
	International float64    `json:"international"`
	MaxPerDay     float64    `json:"maxPerDay"`
	MaxPerMonth   float64    `json:"maxPerMonth"`
	// Unverified marks values that come from agency seed data rather than
	// the LAN text (DOMAIN.md marks them [U]); the UI shows a hint.
	Unverified bool   `json:"unverified"`
	Note       string `json:"note"`
}

// MinutesPerJP is the length of one jam pelajaran.
const MinutesPerJP = 45

// DefaultAnnualJPTarget is the yearly minimum of PP 11/2017 Pasal 203(4).
// It is the default of a setting: PPPK, for example, follow other rules.
const DefaultAnnualJPTarget = 20

// JPFromMinutes converts learning time to JP, 2 decimals.
func JPFromMinutes(minutes float64) float64 {
	if !(minutes > 0) || math.IsInf(minutes, 0) {
		return 0
	}
	return round2(minutes / MinutesPerJP)
}

// ValidateJPRule checks a rule of the catalogue: a known kind, a positive
// finite National, and finite non-negative International and caps. Fields
// are prefixed with prefix ("jp." in the catalogue).
func ValidateJPRule(r JPRule, prefix string) FieldErrors {
	var errs FieldErrors
	add := func(field, value string) {
		errs = append(errs, FieldError{Field: prefix + field, Code: CodeJPRuleInvalid, Value: value})
	}
	switch r.Kind {
	case JPStated, JPPerDay, JPPerSession, JPFixed:
	default:
		add("kind", string(r.Kind))
	}
	if !(r.National > 0) || math.IsInf(r.National, 0) {
		add("national", fmtNum(r.National))
	}
	for _, f := range []struct {
		name string
		v    float64
	}{{"international", r.International}, {"maxPerDay", r.MaxPerDay}, {"maxPerMonth", r.MaxPerMonth}} {
		if !finiteNonNeg(f.v) {
			add(f.name, fmtNum(f.v))
		}
	}
	return errs
}

// ComputeJP applies rule to one activity: days of attendance (may be
// fractional: half a day of seminar is 2 JP), sessions held, the JP stated
// by the course, and whether it was international. Only the inputs the
// rule needs must be set: days for per_day (and for any rule with
// MaxPerDay), sessions for per_session, statedJP for stated. The result is
// rounded to 2 decimals.
//
// Errors: CodeJPRuleInvalid for a rule ValidateJPRule rejects;
// CodeJPInputInvalid (detail "field") for a negative or non-finite input,
// or a needed input that is 0.
func ComputeJP(rule JPRule, days float64, sessions int, statedJP float64, international bool) (float64, error) {
	const op = "jp.compute"
	if errs := ValidateJPRule(rule, ""); errs != nil {
		return 0, E(CodeJPRuleInvalid, op, errs, "field", errs[0].Field)
	}
	switch {
	case !finiteNonNeg(days):
		return 0, E(CodeJPInputInvalid, op, nil, "field", "days")
	case sessions < 0:
		return 0, E(CodeJPInputInvalid, op, nil, "field", "sessions")
	case !finiteNonNeg(statedJP):
		return 0, E(CodeJPInputInvalid, op, nil, "field", "statedJp")
	}
	rate := rule.National
	if international && rule.International > 0 {
		rate = rule.International
	}
	var jp float64
	switch rule.Kind {
	case JPStated:
		if statedJP == 0 {
			return 0, E(CodeJPInputInvalid, op, nil, "field", "statedJp")
		}
		jp = statedJP * rate
	case JPPerDay:
		if days == 0 {
			return 0, E(CodeJPInputInvalid, op, nil, "field", "days")
		}
		jp = days * rate
	case JPPerSession:
		if sessions == 0 {
			return 0, E(CodeJPInputInvalid, op, nil, "field", "sessions")
		}
		jp = float64(sessions) * rate
	case JPFixed:
		jp = rate
	}
	if rule.MaxPerDay > 0 {
		if days == 0 {
			return 0, E(CodeJPInputInvalid, op, nil, "field", "days")
		}
		jp = math.Min(jp, days*rule.MaxPerDay)
	}
	return round2(jp), nil
}

// DevelopmentMethod is one entry of the LAN 10/2018 catalogue.
type DevelopmentMethod struct {
	Code   string          `json:"code"`   // stable key, e.g. "seminar", "coaching"
	Name   string          `json:"name"`   // Indonesian, as printed
	NameEN string          `json:"nameEn"` // English, for the en UI
	Route  Route           `json:"route"`  // "" only for pendidikan
	Form   DevelopmentForm `json:"form"`
	// JenisDiklat is the SIASN "jenis diklat" label (DOMAIN.md §9).
	JenisDiklat string `json:"jenisDiklat"`
	// SIASNRecord is the SIASN history the record is exported to:
	// SIASNDiklat, SIASNKursus or SIASNPendidikan.
	SIASNRecord string `json:"siasnRecord"`
	JP          JPRule `json:"jp"`
	// PlanningJP prefills the planned JP of a drafted plan line; 0 means
	// "compute one unit of the rule" (one day, one session, the fixed JP).
	PlanningJP float64 `json:"planningJp"`
	// Programmes are typical programme names offered when planning
	// (PKN Tingkat II, PKA, …); free text remains possible.
	Programmes []string `json:"programmes,omitempty"`
	Note       string   `json:"note,omitempty"`
}

// Field limits of the catalogue and of programme, provider and venue texts.
const (
	MaxMethodCodeLen = 40
	MaxTextLen       = 300
)

// ValidateDevelopmentMethod checks one catalogue entry: code (lowercase
// letters, digits, underscores), names, a known form, a known route for
// pelatihan and none for pendidikan, a SIASN history, a valid JP rule and
// a finite non-negative PlanningJP.
func ValidateDevelopmentMethod(m DevelopmentMethod) FieldErrors {
	var errs FieldErrors
	add := func(field, code, value string) {
		errs = append(errs, FieldError{Field: field, Code: code, Value: value})
	}
	if !validMethodCode(m.Code) {
		add("code", CodeMethodInvalid, m.Code)
	}
	if strings.TrimSpace(m.Name) == "" {
		add("name", CodeRequired, m.Code)
	}
	if strings.TrimSpace(m.NameEN) == "" {
		add("nameEn", CodeRequired, m.Code)
	}
	switch {
	case !m.Form.Valid():
		add("form", CodePlanFormInvalid, string(m.Form))
	case m.Form == FormTraining && !m.Route.Valid():
		add("route", CodeMethodInvalid, string(m.Route))
	case m.Form == FormEducation && m.Route != "":
		add("route", CodeMethodInvalid, string(m.Route))
	}
	switch m.SIASNRecord {
	case SIASNDiklat, SIASNKursus:
		if strings.TrimSpace(m.JenisDiklat) == "" {
			add("jenisDiklat", CodeRequired, m.Code)
		}
	case SIASNPendidikan:
	default:
		add("siasnRecord", CodeMethodInvalid, m.SIASNRecord)
	}
	errs = append(errs, ValidateJPRule(m.JP, "jp.")...)
	if !finiteNonNeg(m.PlanningJP) {
		add("planningJp", CodeMethodInvalid, fmtNum(m.PlanningJP))
	}
	return errs
}

func validMethodCode(code string) bool {
	if code == "" || len(code) > MaxMethodCodeLen {
		return false
	}
	for i := 0; i < len(code); i++ {
		c := code[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// PlanningJP is the JP a plan line for m starts with: m.PlanningJP when
// set, otherwise one unit of the rule (one day, one session, the fixed JP;
// 0 for a stated rule, whose JP only the course knows).
func PlanningJP(m DevelopmentMethod) float64 {
	if m.PlanningJP > 0 {
		return round2(m.PlanningJP)
	}
	jp, err := ComputeJP(m.JP, 1, 1, 0, false)
	if err != nil {
		return 0
	}
	return jp
}

// JPRecord is one employee's recognised JP from one activity, the input of
// the compliance summaries. Year is the year the JP count in (the year the
// activity ended); Date (YYYY-MM-DD) places it in a month for CapMonthly.
type JPRecord struct {
	EmployeeID string  `json:"employeeId"`
	Year       int     `json:"year"`
	Date       string  `json:"date"`
	MethodCode string  `json:"methodCode"`
	JP         float64 `json:"jp"`
	SourceID   string  `json:"sourceId"` // the training record or learning activity
}

// CapMonthly applies the methods' MaxPerMonth: per employee, method and
// calendar month, records are taken in date order (then source id) and the
// JP beyond the cap are cut, so the month's sum never exceeds it. caps maps
// a method code to its MaxPerMonth; methods without a cap, and records
// whose date is not YYYY-MM-DD, are left alone. It returns a new slice in
// input order; records is not modified.
func CapMonthly(records []JPRecord, caps map[string]float64) []JPRecord {
	out := append([]JPRecord(nil), records...)
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		x, y := out[idx[a]], out[idx[b]]
		if x.Date != y.Date {
			return x.Date < y.Date
		}
		return x.SourceID < y.SourceID
	})
	used := map[string]int64{} // hundredths per employee|method|month
	for _, i := range idx {
		r := &out[i]
		limit := caps[r.MethodCode]
		if !(limit > 0) || !validDate(r.Date) {
			continue
		}
		key := r.EmployeeID + "|" + r.MethodCode + "|" + r.Date[:7]
		capH := hundredths(limit)
		jp := hundredths(r.JP)
		if room := capH - used[key]; jp > room {
			jp = max(room, 0)
		}
		used[key] += jp
		r.JP = float64(jp) / 100
	}
	return out
}

// JPSummary is one employee's JP for one year against the target.
type JPSummary struct {
	EmployeeID  string             `json:"employeeId"`
	UnitID      string             `json:"unitId"`
	Year        int                `json:"year"`
	Target      float64            `json:"target"`
	Total       float64            `json:"total"`
	BelowTarget bool               `json:"belowTarget"`
	Shortfall   float64            `json:"shortfall"` // target − total, at least 0
	ByMethod    map[string]float64 `json:"byMethod"`
	Activities  int                `json:"activities"`
}

// SummariseJP sums the JP of one employee's records for year (records of
// other years are ignored) against target. Negative or non-finite JP count
// as 0. EmployeeID is taken from the first record of the year.
func SummariseJP(records []JPRecord, year int, target float64) JPSummary {
	s := JPSummary{Year: year, Target: target, ByMethod: map[string]float64{}}
	var total int64
	byMethod := map[string]int64{}
	for _, r := range records {
		if r.Year != year {
			continue
		}
		if s.EmployeeID == "" {
			s.EmployeeID = r.EmployeeID
		}
		jp := max(hundredths(r.JP), 0)
		total += jp
		byMethod[r.MethodCode] += jp
		s.Activities++
	}
	for m, h := range byMethod {
		s.ByMethod[m] = float64(h) / 100
	}
	s.Total = float64(total) / 100
	if short := hundredths(target) - total; short > 0 {
		s.BelowTarget = true
		s.Shortfall = float64(short) / 100
	}
	return s
}

// JPPerson is one employee of a compliance recap.
type JPPerson struct {
	EmployeeID string `json:"employeeId"`
	UnitID     string `json:"unitId"`
}

// SummariseEmployees gives one JPSummary per person, in the order of
// people, from records of any employees. People without records are in the
// result with 0 JP (they are the ones most below target); records of
// people not listed are ignored.
func SummariseEmployees(people []JPPerson, records []JPRecord, year int, target float64) []JPSummary {
	byEmp := map[string][]JPRecord{}
	for _, r := range records {
		byEmp[r.EmployeeID] = append(byEmp[r.EmployeeID], r)
	}
	out := make([]JPSummary, len(people))
	for i, p := range people {
		s := SummariseJP(byEmp[p.EmployeeID], year, target)
		s.EmployeeID, s.UnitID = p.EmployeeID, p.UnitID
		out[i] = s
	}
	return out
}

// JPRecap is the compliance of a unit or an office.
type JPRecap struct {
	Count          int     `json:"count"`
	Compliant      int     `json:"compliant"` // total ≥ target
	BelowTarget    int     `json:"belowTarget"`
	TotalJP        float64 `json:"totalJp"`
	AverageJP      float64 `json:"averageJp"`      // 2 decimals
	ComplianceRate float64 `json:"complianceRate"` // % of people compliant, 2 decimals
	TotalShortfall float64 `json:"totalShortfall"` // JP still to deliver to reach everyone's target
}

// RecapJP aggregates summaries (the office recap is RecapJP over everyone).
func RecapJP(summaries []JPSummary) JPRecap {
	r := JPRecap{Count: len(summaries)}
	var total, short int64
	for _, s := range summaries {
		total += hundredths(s.Total)
		short += hundredths(s.Shortfall)
		if s.BelowTarget {
			r.BelowTarget++
		} else {
			r.Compliant++
		}
	}
	r.TotalJP = float64(total) / 100
	r.TotalShortfall = float64(short) / 100
	if r.Count > 0 {
		r.AverageJP = round2(float64(total) / 100 / float64(r.Count))
		r.ComplianceRate = round2(float64(r.Compliant) * 100 / float64(r.Count))
	}
	return r
}

// RecapJPByUnit builds one recap per UnitID.
func RecapJPByUnit(summaries []JPSummary) map[string]JPRecap {
	groups := map[string][]JPSummary{}
	for _, s := range summaries {
		groups[s.UnitID] = append(groups[s.UnitID], s)
	}
	out := make(map[string]JPRecap, len(groups))
	for unit, ss := range groups {
		out[unit] = RecapJP(ss)
	}
	return out
}

// BudgetLine is the money and JP of one activity: a plan line (planned
// cost), a training event (budget and realised cost) or both. JP is the JP
// delivered to people: event JP × participants who completed.
type BudgetLine struct {
	Planned  int64   `json:"planned"`  // rupiah
	Realised int64   `json:"realised"` // rupiah
	JP       float64 `json:"jp"`
}

// BudgetSummary compares planned and realised cost.
type BudgetSummary struct {
	Planned  int64   `json:"planned"`
	Realised int64   `json:"realised"`
	Variance int64   `json:"variance"` // realised − planned
	JP       float64 `json:"jp"`
	// CostPerJP is realised rupiah per delivered JP, 2 decimals; 0 when no
	// JP were delivered.
	CostPerJP float64 `json:"costPerJp"`
	// Absorption is realised as % of planned (penyerapan), 2 decimals; 0
	// when nothing was planned.
	Absorption float64 `json:"absorption"`
}

// SummariseBudget adds up lines. Negative amounts and JP count as 0.
func SummariseBudget(lines []BudgetLine) BudgetSummary {
	var s BudgetSummary
	var jp int64
	for _, l := range lines {
		s.Planned += max(l.Planned, 0)
		s.Realised += max(l.Realised, 0)
		jp += max(hundredths(l.JP), 0)
	}
	s.Variance = s.Realised - s.Planned
	s.JP = float64(jp) / 100
	if jp > 0 {
		s.CostPerJP = round2(float64(s.Realised) * 100 / float64(jp))
	}
	if s.Planned > 0 {
		s.Absorption = round2(float64(s.Realised) * 100 / float64(s.Planned))
	}
	return s
}

// hundredths reads x to 2 decimals; NaN and ±Inf are 0.
func hundredths(x float64) int64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	return int64(math.Round(x * 100))
}

func finiteNonNeg(x float64) bool { return x >= 0 && !math.IsInf(x, 0) }

func fmtNum(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// textTooLong reports whether s exceeds MaxTextLen characters.
func textTooLong(s string) bool { return utf8.RuneCountInString(s) > MaxTextLen }
