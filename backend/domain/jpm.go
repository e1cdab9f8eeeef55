package domain

import (
	"math"
	"sort"
)

// Job Person Match (JPM) and gap analysis, DOMAIN.md §3:
//
//	JPM % = Σ actual_i / Σ standard_i × 100, at most 100
//	gap_i = actual_i − standard_i
//
// over the competencies the position's standard requires. The category
// thresholds and whether each competency is capped at its standard first are
// settings, because the regulation text was not at hand.
//
// Arithmetic is exact: actual levels carry at most 2 decimals (ResolveLevels
// rounds them), so sums are kept in hundredths of a level and JPM in
// hundredths of a percent, as integers. A JPM exactly on a threshold (39 of
// 50 → 78) is therefore exactly 78, never 77.99999999999999.
//
// Rounding and category: JPM is rounded half up to 2 decimals, and the
// category is taken from that rounded JPM, the number every screen, recap
// and printed document shows. 77.995 is shown as 78.00 and is Cukup
// Optimal; 77.994 is shown as 77.99 and is Kurang Optimal. A report can
// never print a JPM of 78.00 next to "Kurang Optimal".

// CategoryThresholds turns a JPM into a category: JPM ≥ High is HighCode,
// JPM ≥ Mid is MidCode, anything lower is LowCode. Codes are stable keys the
// frontend translates.
type CategoryThresholds struct {
	Name     string  `json:"name"`
	High     float64 `json:"high"`
	Mid      float64 `json:"mid"`
	HighCode string  `json:"highCode"`
	MidCode  string  `json:"midCode"`
	LowCode  string  `json:"lowCode"`
}

// Category codes of the two threshold sets.
const (
	CategoryOptimal       = "optimal"        // O
	CategoryCukupOptimal  = "cukup_optimal"  // CO
	CategoryKurangOptimal = "kurang_optimal" // KO

	CategoryMemenuhiSyarat       = "memenuhi_syarat"        // MS
	CategoryMasihMemenuhiSyarat  = "masih_memenuhi_syarat"  // MMS
	CategoryKurangMemenuhiSyarat = "kurang_memenuhi_syarat" // KMS
)

// MappingThresholds are the competency-mapping (pemetaan) categories:
// Optimal ≥ 90, Cukup Optimal 78–<90, Kurang Optimal < 78.
func MappingThresholds() CategoryThresholds {
	return CategoryThresholds{Name: "mapping", High: 90, Mid: 78,
		HighCode: CategoryOptimal, MidCode: CategoryCukupOptimal, LowCode: CategoryKurangOptimal}
}

// SelectionThresholds are the selection/promotion (seleksi) categories:
// Memenuhi Syarat ≥ 80, Masih Memenuhi Syarat 68–<80, Kurang Memenuhi
// Syarat < 68.
func SelectionThresholds() CategoryThresholds {
	return CategoryThresholds{Name: "selection", High: 80, Mid: 68,
		HighCode: CategoryMemenuhiSyarat, MidCode: CategoryMasihMemenuhiSyarat, LowCode: CategoryKurangMemenuhiSyarat}
}

// ValidateThresholds checks an edited threshold set: a name,
// 0 ≤ Mid ≤ High ≤ 100, and three distinct, non-empty codes.
func ValidateThresholds(t CategoryThresholds) FieldErrors {
	var errs FieldErrors
	if t.Name == "" {
		errs = append(errs, FieldError{Field: "name", Code: CodeRequired})
	}
	if !(t.Mid >= 0 && t.Mid <= t.High && t.High <= 100) {
		errs = append(errs, FieldError{Field: "mid", Code: CodeJPMThresholdsInvalid})
	}
	codes := map[string]bool{}
	for _, c := range []struct{ field, code string }{{"highCode", t.HighCode}, {"midCode", t.MidCode}, {"lowCode", t.LowCode}} {
		switch {
		case c.code == "":
			errs = append(errs, FieldError{Field: c.field, Code: CodeRequired})
		case codes[c.code]:
			errs = append(errs, FieldError{Field: c.field, Code: CodeJPMThresholdsInvalid, Value: c.code})
		}
		codes[c.code] = true
	}
	return errs
}

// Categorise returns the category code of jpm: High and Mid are inclusive
// lower bounds. Pass the rounded JPM of a JPMResult.
func Categorise(jpm float64, t CategoryThresholds) string {
	switch {
	case jpm >= t.High:
		return t.HighCode
	case jpm >= t.Mid:
		return t.MidCode
	}
	return t.LowCode
}

// JPMSettings are the office's JPM settings.
type JPMSettings struct {
	// CapPerCompetency counts min(actual, standard) per competency, so a
	// surplus in one competency cannot hide a shortfall in another.
	CapPerCompetency bool               `json:"capPerCompetency"`
	Thresholds       CategoryThresholds `json:"thresholds"`
}

// DefaultJPMSettings caps per competency (the safer reading of "fit",
// DOMAIN.md §3) and uses the mapping categories.
func DefaultJPMSettings() JPMSettings {
	return JPMSettings{CapPerCompetency: true, Thresholds: MappingThresholds()}
}

// GapLine is one competency of the standard against the employee's level.
type GapLine struct {
	Code     string  `json:"code"`
	Standard int     `json:"standard"`
	Actual   float64 `json:"actual"` // uncapped; 0 when not assessed
	Assessed bool    `json:"assessed"`
	Gap      float64 `json:"gap"` // Actual − Standard, uncapped
}

// JPMResult is the Job Person Match of one employee.
type JPMResult struct {
	Lines       []GapLine `json:"lines"` // by competency code
	SumStandard float64   `json:"sumStandard"`
	SumActual   float64   `json:"sumActual"` // capped per competency when the setting is on
	JPM         float64   `json:"jpm"`       // 0..100, rounded to 2 decimals
	Category    string    `json:"category"`  // "" when there is nothing to judge
	Assessed    int       `json:"assessed"`  // competencies of the standard with a level
	Required    int       `json:"required"`  // competencies of the standard
	Complete    bool      `json:"complete"`  // every required competency was assessed
}

// ComputeJPM compares actual levels with the standard.
//
// It runs over the competencies of standards with a required level > 0, in
// code order. An actual level ≤ 0 or missing means "not assessed": it counts
// as 0 (so a partial assessment lowers the JPM) and makes Complete false.
// Actual levels are read to 2 decimals and above MaxLevel count as MaxLevel.
// With s.CapPerCompetency each competency counts at most its standard; the
// total is capped at 100 either way. Gaps are always uncapped.
//
// Nothing to judge gives JPM 0 and Category "": no standard at all (the
// position's SKJ is not filled in) or no competency assessed. Calling a
// person who was never assessed Kurang Optimal would put them in the wrong
// column of every recap.
func ComputeJPM(standards Standards, actual map[string]float64, s JPMSettings) JPMResult {
	codes := make([]string, 0, len(standards))
	for code, lv := range standards {
		if lv > 0 {
			codes = append(codes, code)
		}
	}
	sort.Strings(codes)

	r := JPMResult{Lines: make([]GapLine, 0, len(codes)), Required: len(codes)}
	var sumStd, sumActual int64 // in hundredths of a level
	for _, code := range codes {
		std := int64(standards[code]) * 100
		act := levelHundredths(actual[code])
		line := GapLine{Code: code, Standard: standards[code], Assessed: act > 0}
		line.Actual = float64(act) / 100
		line.Gap = float64(act-std) / 100
		if line.Assessed {
			r.Assessed++
		}
		if s.CapPerCompetency && act > std {
			act = std
		}
		sumStd += std
		sumActual += act
		r.Lines = append(r.Lines, line)
	}
	r.SumStandard = float64(sumStd) / 100
	r.SumActual = float64(sumActual) / 100
	r.Complete = r.Required > 0 && r.Assessed == r.Required
	if sumStd == 0 || r.Assessed == 0 {
		return r
	}
	// JPM in hundredths of a percent = sumActual/sumStd × 10000, half up.
	bp := (sumActual*10000*2 + sumStd) / (2 * sumStd)
	if bp > 10000 {
		bp = 10000
	}
	r.JPM = float64(bp) / 100
	r.Category = Categorise(r.JPM, s.Thresholds)
	return r
}

// levelHundredths reads a level to 2 decimals; NaN and levels ≤ 0 are 0
// (not assessed), levels above MaxLevel are MaxLevel.
func levelHundredths(v float64) int64 {
	switch {
	case !(v > 0):
		return 0
	case v > MaxLevel:
		return MaxLevel * 100
	}
	return int64(math.Round(v * 100))
}

// ScopeStandards applies DOMAIN.md §3's scope before ComputeJPM: the
// managerial and socio-cultural competencies always count, "plus technical
// ones where they were assessed". It returns standards without the
// competencies for which assessedOnly(code) is true and actual has no level.
// The caller knows the competency types; pass nil to keep every competency.
func ScopeStandards(standards Standards, actual map[string]float64, assessedOnly func(code string) bool) Standards {
	out := make(Standards, len(standards))
	for code, lv := range standards {
		if assessedOnly != nil && assessedOnly(code) && levelHundredths(actual[code]) == 0 {
			continue
		}
		out[code] = lv
	}
	return out
}

// RankGaps returns the development needs among lines, largest first: the
// assessed competencies below standard, ordered by gap (most negative
// first), then by weight (heavier first; a missing weight is 0), then by
// code. Lines not assessed are missing data, not needs, and are left out.
// lines is not modified.
func RankGaps(lines []GapLine, weights map[string]float64) []GapLine {
	out := make([]GapLine, 0, len(lines))
	for _, l := range lines {
		if l.Assessed && l.Gap < 0 {
			out = append(out, l)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case a.Gap != b.Gap:
			return a.Gap < b.Gap
		case weights[a.Code] != weights[b.Code]:
			return weights[a.Code] > weights[b.Code]
		}
		return a.Code < b.Code
	})
	return out
}

// PersonJPM is one employee's result, the input of a recap.
type PersonJPM struct {
	EmployeeID string    `json:"employeeId"`
	UnitID     string    `json:"unitId"`
	Result     JPMResult `json:"result"`
}

// PersonGap is one development need of one employee.
type PersonGap struct {
	EmployeeID string  `json:"employeeId"`
	UnitID     string  `json:"unitId"`
	Code       string  `json:"code"`
	Standard   int     `json:"standard"`
	Actual     float64 `json:"actual"`
	Gap        float64 `json:"gap"`
}

// Recap summarises the results of a unit or an office.
type Recap struct {
	Count int `json:"count"` // people in the recap
	// ByCategory counts the people with a category, by category code.
	ByCategory map[string]int `json:"byCategory"`
	// Uncategorised counts people with no standard or no level at all.
	Uncategorised int `json:"uncategorised"`
	// Incomplete counts people with a category whose assessment missed some
	// required competencies.
	Incomplete int `json:"incomplete"`
	// AverageJPM is over the people with a category, 2 decimals.
	AverageJPM float64 `json:"averageJpm"`
	// AverageGap is, per competency, the mean gap of the people assessed in
	// it, 2 decimals.
	AverageGap map[string]float64 `json:"averageGap"`
	// LargestGaps are the largest development needs (see RankGaps) across
	// all people: by gap, then employee, then code.
	LargestGaps []PersonGap `json:"largestGaps"`
}

// BuildRecap summarises people. topN limits LargestGaps; topN ≤ 0 keeps all.
func BuildRecap(people []PersonJPM, topN int) Recap {
	rc := Recap{Count: len(people), ByCategory: map[string]int{}, AverageGap: map[string]float64{}, LargestGaps: []PersonGap{}}
	var jpmSum float64
	gapSum := map[string]int64{} // hundredths
	gapN := map[string]int64{}
	for _, p := range people {
		res := p.Result
		if res.Category == "" {
			rc.Uncategorised++
		} else {
			rc.ByCategory[res.Category]++
			jpmSum += res.JPM
			if !res.Complete {
				rc.Incomplete++
			}
		}
		for _, l := range res.Lines {
			if !l.Assessed {
				continue
			}
			gapSum[l.Code] += int64(math.Round(l.Gap * 100))
			gapN[l.Code]++
			if l.Gap < 0 {
				rc.LargestGaps = append(rc.LargestGaps, PersonGap{EmployeeID: p.EmployeeID, UnitID: p.UnitID,
					Code: l.Code, Standard: l.Standard, Actual: l.Actual, Gap: l.Gap})
			}
		}
	}
	if n := rc.Count - rc.Uncategorised; n > 0 {
		rc.AverageJPM = round2(jpmSum / float64(n))
	}
	for code, sum := range gapSum {
		rc.AverageGap[code] = round2(float64(sum) / float64(gapN[code]) / 100)
	}
	sort.SliceStable(rc.LargestGaps, func(i, j int) bool {
		a, b := rc.LargestGaps[i], rc.LargestGaps[j]
		switch {
		case a.Gap != b.Gap:
			return a.Gap < b.Gap
		case a.EmployeeID != b.EmployeeID:
			return a.EmployeeID < b.EmployeeID
		}
		return a.Code < b.Code
	})
	if topN > 0 && len(rc.LargestGaps) > topN {
		rc.LargestGaps = rc.LargestGaps[:topN]
	}
	return rc
}

// RecapByUnit builds one recap per UnitID (the office recap is BuildRecap
// over everyone).
func RecapByUnit(people []PersonJPM, topN int) map[string]Recap {
	groups := map[string][]PersonJPM{}
	for _, p := range people {
		groups[p.UnitID] = append(groups[p.UnitID], p)
	}
	out := make(map[string]Recap, len(groups))
	for unit, ps := range groups {
		out[unit] = BuildRecap(ps, topN)
	}
	return out
}
