package domain

import (
	"fmt"
	"math"
	"math/rand"
	"reflect"
	"testing"
)

func TestCategoriseBoundaries(t *testing.T) {
	mapping, selection := MappingThresholds(), SelectionThresholds()
	tests := []struct {
		name string
		jpm  float64
		t    CategoryThresholds
		want string
	}{
		{"100 is optimal", 100, mapping, CategoryOptimal},
		{"exactly 90 is optimal", 90, mapping, CategoryOptimal},
		{"89.99 is cukup optimal", 89.99, mapping, CategoryCukupOptimal},
		{"exactly 78 is cukup optimal", 78, mapping, CategoryCukupOptimal},
		{"77.99 is kurang optimal", 77.99, mapping, CategoryKurangOptimal},
		{"0 is kurang optimal", 0, mapping, CategoryKurangOptimal},
		{"exactly 80 memenuhi syarat", 80, selection, CategoryMemenuhiSyarat},
		{"79.99 masih memenuhi syarat", 79.99, selection, CategoryMasihMemenuhiSyarat},
		{"exactly 68 masih memenuhi syarat", 68, selection, CategoryMasihMemenuhiSyarat},
		{"67.99 kurang memenuhi syarat", 67.99, selection, CategoryKurangMemenuhiSyarat},
		{"78 is only cukup optimal for mapping but MMS for selection", 78, selection, CategoryMasihMemenuhiSyarat},
	}
	for _, tt := range tests {
		if got := Categorise(tt.jpm, tt.t); got != tt.want {
			t.Errorf("%s: Categorise(%v, %s) = %q, want %q", tt.name, tt.jpm, tt.t.Name, got, tt.want)
		}
	}
}

// jpmUniform returns a standard of n technical competencies T.01… at level std.
func jpmUniform(n, std int) Standards {
	s := Standards{}
	for i := 1; i <= n; i++ {
		s[fmt.Sprintf("T.%02d", i)] = std
	}
	return s
}

// jpmActual gives every code of s the same actual level, then applies overrides.
func jpmActual(s Standards, level float64, overrides map[string]float64) map[string]float64 {
	a := map[string]float64{}
	for code := range s {
		a[code] = level
	}
	for code, lv := range overrides {
		a[code] = lv
	}
	return a
}

func TestComputeJPM(t *testing.T) {
	capped := DefaultJPMSettings()
	uncapped := DefaultJPMSettings()
	uncapped.CapPerCompetency = false
	selection := DefaultJPMSettings()
	selection.Thresholds = SelectionThresholds()
	pengawas := pengawasSKJ()

	tests := []struct {
		name         string
		standards    Standards
		actual       map[string]float64
		settings     JPMSettings
		wantJPM      float64
		wantCategory string
		wantSum      float64 // SumActual
		wantAssessed int
		wantComplete bool
	}{
		{"worked example: Pengawas 16 of 18 is 88.89, cukup optimal (DOMAIN §3)",
			pengawas, jpmActual(pengawas, 2, map[string]float64{"M.3": 1, "M.8": 1}), capped, 88.89, CategoryCukupOptimal, 16, 9, true},
		{"everyone at standard is 100, optimal",
			pengawas, jpmActual(pengawas, 2, nil), capped, 100, CategoryOptimal, 18, 9, true},
		{"exactly 78 (39 of 50) is cukup optimal, not 77.99999",
			jpmUniform(10, 5), jpmActual(jpmUniform(10, 5), 4, map[string]float64{"T.01": 3}), capped, 78, CategoryCukupOptimal, 39, 10, true},
		{"38.99 of 50 is 77.98, kurang optimal",
			jpmUniform(10, 5), jpmActual(jpmUniform(10, 5), 4, map[string]float64{"T.01": 2.99}), capped, 77.98, CategoryKurangOptimal, 38.99, 10, true},
		{"exactly 90 (45 of 50) is optimal",
			jpmUniform(10, 5), jpmActual(jpmUniform(10, 5), 4.5, nil), capped, 90, CategoryOptimal, 45, 10, true},
		{"77.995 is shown as 78.00 and categorised as shown: cukup optimal",
			jpmUniform(40, 5), jpmActual(jpmUniform(40, 5), 3.9, map[string]float64{"T.40": 3.89}), capped, 78, CategoryCukupOptimal, 155.99, 40, true},
		{"77.994 is shown as 77.99 and categorised as shown: kurang optimal",
			jpmUniform(100, 5), jpmActual(jpmUniform(100, 5), 3.9, map[string]float64{"T.100": 3.87}), capped, 77.99, CategoryKurangOptimal, 389.97, 100, true},
		{"surplus does not hide a shortfall with capping on",
			Standards{"M.1": 3, "M.2": 3}, map[string]float64{"M.1": 5, "M.2": 1}, capped, 66.67, CategoryKurangOptimal, 4, 2, true},
		{"surplus offsets a shortfall with capping off",
			Standards{"M.1": 3, "M.2": 3}, map[string]float64{"M.1": 5, "M.2": 1}, uncapped, 100, CategoryOptimal, 6, 2, true},
		{"total is capped at 100 with capping off",
			Standards{"M.1": 2, "M.2": 2}, map[string]float64{"M.1": 5, "M.2": 4}, uncapped, 100, CategoryOptimal, 9, 2, true},
		{"partial assessment counts the missing competencies as 0",
			pengawas, map[string]float64{"M.1": 2, "M.2": 2, "M.3": 2, "M.4": 2, "M.5": 2, "M.6": 2, "M.7": 2, "M.8": 2}, capped, 88.89, CategoryCukupOptimal, 16, 8, false},
		{"level 0 in the map means not assessed",
			Standards{"M.1": 2, "M.2": 2}, map[string]float64{"M.1": 2, "M.2": 0}, capped, 50, CategoryKurangOptimal, 2, 1, false},
		{"empty assessment has no category rather than kurang optimal",
			pengawas, map[string]float64{}, capped, 0, "", 0, 0, false},
		{"nil actual map is an empty assessment",
			pengawas, nil, capped, 0, "", 0, 0, false},
		{"empty standard has no JPM and no category",
			Standards{}, map[string]float64{"M.1": 3}, capped, 0, "", 0, 0, false},
		{"nil standard has no JPM and no category",
			nil, map[string]float64{"M.1": 3}, capped, 0, "", 0, 0, false},
		{"competencies with required level 0 are not part of the standard",
			Standards{"M.1": 2, "T.01": 0}, map[string]float64{"M.1": 2}, capped, 100, CategoryOptimal, 2, 1, true},
		{"levels outside the standard are ignored",
			Standards{"M.1": 2}, map[string]float64{"M.1": 1, "T.09": 5}, capped, 50, CategoryKurangOptimal, 1, 1, true},
		{"fractional resolved levels are exact",
			Standards{"M.1": 3, "M.2": 3, "M.3": 3}, map[string]float64{"M.1": 2.67, "M.2": 2.33, "M.3": 3}, capped, 88.89, CategoryCukupOptimal, 8, 3, true},
		{"negative and NaN levels are not assessed",
			Standards{"M.1": 2, "M.2": 2, "M.3": 2}, map[string]float64{"M.1": 2, "M.2": -1, "M.3": math.NaN()}, capped, 33.33, CategoryKurangOptimal, 2, 1, false},
		{"level above 5 counts as 5",
			Standards{"M.1": 5, "M.2": 5}, map[string]float64{"M.1": 9, "M.2": 3}, uncapped, 80, CategoryCukupOptimal, 8, 2, true},
		{"selection thresholds: 78 masih memenuhi syarat",
			jpmUniform(10, 5), jpmActual(jpmUniform(10, 5), 4, map[string]float64{"T.01": 3}), selection, 78, CategoryMasihMemenuhiSyarat, 39, 10, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ComputeJPM(tt.standards, tt.actual, tt.settings)
			if r.JPM != tt.wantJPM || r.Category != tt.wantCategory {
				t.Errorf("JPM = %v %q, want %v %q", r.JPM, r.Category, tt.wantJPM, tt.wantCategory)
			}
			if math.Abs(r.SumActual-tt.wantSum) > 1e-9 {
				t.Errorf("SumActual = %v, want %v", r.SumActual, tt.wantSum)
			}
			required := 0
			for _, lv := range tt.standards {
				if lv > 0 {
					required++
				}
			}
			if r.Assessed != tt.wantAssessed || r.Required != required || r.Complete != tt.wantComplete {
				t.Errorf("assessed %d/%d complete %v, want %d/%d %v", r.Assessed, r.Required, r.Complete, tt.wantAssessed, required, tt.wantComplete)
			}
		})
	}
}

func TestComputeJPMGapLines(t *testing.T) {
	r := ComputeJPM(Standards{"M.2": 3, "M.1": 3, "SK.1": 3, "T.01": 0}, map[string]float64{"M.1": 5, "M.2": 2.5}, DefaultJPMSettings())
	want := []GapLine{
		{Code: "M.1", Standard: 3, Actual: 5, Assessed: true, Gap: 2}, // gap uncapped although JPM caps
		{Code: "M.2", Standard: 3, Actual: 2.5, Assessed: true, Gap: -0.5},
		{Code: "SK.1", Standard: 3, Actual: 0, Assessed: false, Gap: -3},
	}
	if !reflect.DeepEqual(r.Lines, want) {
		t.Errorf("Lines = %+v\nwant %+v", r.Lines, want)
	}
	if r.SumStandard != 9 || r.SumActual != 5.5 {
		t.Errorf("sums = %v/%v, want 5.5/9 (M.1 capped at 3)", r.SumActual, r.SumStandard)
	}
}

// TestJPMProperties checks, over random standards and assessments, that JPM
// stays in 0..100, gaps add up, the category matches the thresholds and
// capping never raises the match.
func TestJPMProperties(t *testing.T) {
	rng := rand.New(rand.NewSource(20250314))
	on, off := DefaultJPMSettings(), DefaultJPMSettings()
	off.CapPerCompetency = false
	for i := 0; i < 5000; i++ {
		n := 1 + rng.Intn(20)
		std := Standards{}
		act := map[string]float64{}
		sumStd, sumAct, sumCapped := 0, 0, 0
		for c := 0; c < n; c++ {
			code := fmt.Sprintf("C.%d", c)
			s, a := 1+rng.Intn(5), rng.Intn(6)
			std[code] = s
			if a > 0 || rng.Intn(2) == 0 { // sometimes absent rather than 0
				act[code] = float64(a)
			}
			sumStd += s
			sumAct += a
			sumCapped += min(a, s)
		}
		rOn, rOff := ComputeJPM(std, act, on), ComputeJPM(std, act, off)
		for _, r := range []JPMResult{rOn, rOff} {
			if r.JPM < 0 || r.JPM > 100 {
				t.Fatalf("case %d: JPM %v outside 0..100 (std %v act %v)", i, r.JPM, std, act)
			}
			gapSum := 0.0
			for _, l := range r.Lines {
				gapSum += l.Gap
			}
			if want := float64(sumAct - sumStd); math.Abs(gapSum-want) > 1e-9 {
				t.Fatalf("case %d: Σ gap = %v, want Σ actual − Σ standard = %v", i, gapSum, want)
			}
			if r.SumStandard != float64(sumStd) {
				t.Fatalf("case %d: SumStandard = %v, want %v", i, r.SumStandard, sumStd)
			}
			wantCat := ""
			if r.Assessed > 0 {
				wantCat = Categorise(r.JPM, on.Thresholds)
			}
			if r.Category != wantCat {
				t.Fatalf("case %d: category %q for JPM %v, want %q", i, r.Category, r.JPM, wantCat)
			}
			if r.Complete != (r.Assessed == n) {
				t.Fatalf("case %d: Complete = %v with %d of %d assessed", i, r.Complete, r.Assessed, n)
			}
		}
		if rOn.SumActual != float64(sumCapped) || rOff.SumActual != float64(sumAct) {
			t.Fatalf("case %d: sums %v/%v, want capped %d and uncapped %d", i, rOn.SumActual, rOff.SumActual, sumCapped, sumAct)
		}
		// Capping never raises the match, before or after the 100 cap.
		if rOn.SumActual > rOff.SumActual || rOn.JPM > rOff.JPM {
			t.Fatalf("case %d: capped %v (%v) above uncapped %v (%v)", i, rOn.JPM, rOn.SumActual, rOff.JPM, rOff.SumActual)
		}
		// The rounded JPM is within half a hundredth of the exact ratio.
		if sumAct > 0 {
			exact := math.Min(100, 100*float64(sumCapped)/float64(sumStd))
			if math.Abs(rOn.JPM-exact) > 0.005+1e-9 {
				t.Fatalf("case %d: JPM %v, exact %v", i, rOn.JPM, exact)
			}
		}
	}
}

func TestRankGapsPutsLargestNeedsFirst(t *testing.T) {
	lines := []GapLine{
		{Code: "M.1", Standard: 3, Actual: 2, Assessed: true, Gap: -1},
		{Code: "M.2", Standard: 3, Actual: 1, Assessed: true, Gap: -2},
		{Code: "M.3", Standard: 3, Actual: 2, Assessed: true, Gap: -1},
		{Code: "M.4", Standard: 3, Actual: 2, Assessed: true, Gap: -1},
		{Code: "M.5", Standard: 3, Actual: 3, Assessed: true, Gap: 0},
		{Code: "M.6", Standard: 3, Actual: 4, Assessed: true, Gap: 1},
		{Code: "SK.1", Standard: 3, Actual: 0, Assessed: false, Gap: -3},
	}
	orig := append([]GapLine(nil), lines...)
	tests := []struct {
		name    string
		weights map[string]float64
		want    []string
	}{
		{"without weights: gap, then code", nil, []string{"M.2", "M.1", "M.3", "M.4"}},
		{"heavier competency first among equal gaps", map[string]float64{"M.4": 3, "M.3": 2}, []string{"M.2", "M.4", "M.3", "M.1"}},
		{"weight never beats a larger gap", map[string]float64{"M.1": 100}, []string{"M.2", "M.1", "M.3", "M.4"}},
	}
	for _, tt := range tests {
		var got []string
		for _, l := range RankGaps(lines, tt.weights) {
			got = append(got, l.Code)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: RankGaps() = %v, want %v (met, exceeded and unassessed left out)", tt.name, got, tt.want)
		}
	}
	if !reflect.DeepEqual(lines, orig) {
		t.Error("RankGaps modified its input")
	}
}

func TestScopeStandardsDropsUnassessedTechnicalOnly(t *testing.T) {
	std := Standards{"M.1": 2, "M.2": 2, "T.01": 3, "T.02": 3}
	actual := map[string]float64{"M.1": 2, "T.01": 3}
	technical := func(code string) bool { return code[0] == 'T' }
	got := ScopeStandards(std, actual, technical)
	want := Standards{"M.1": 2, "M.2": 2, "T.01": 3}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ScopeStandards() = %v, want %v", got, want)
	}
	if r := ComputeJPM(got, actual, DefaultJPMSettings()); r.JPM != 71.43 || r.Complete {
		t.Errorf("unassessed managerial M.2 still counts: JPM %v complete %v, want 71.43 false", r.JPM, r.Complete)
	}
	if got := ScopeStandards(std, actual, nil); !reflect.DeepEqual(got, std) {
		t.Errorf("nil predicate should keep everything, got %v", got)
	}
}

func TestValidateThresholds(t *testing.T) {
	tests := []struct {
		name string
		t    CategoryThresholds
		want FieldErrors
	}{
		{"mapping set passes", MappingThresholds(), nil},
		{"selection set passes", SelectionThresholds(), nil},
		{"mid above high", CategoryThresholds{Name: "x", High: 70, Mid: 80, HighCode: "a", MidCode: "b", LowCode: "c"},
			FieldErrors{{Field: "mid", Code: CodeJPMThresholdsInvalid}}},
		{"high above 100", CategoryThresholds{Name: "x", High: 101, Mid: 80, HighCode: "a", MidCode: "b", LowCode: "c"},
			FieldErrors{{Field: "mid", Code: CodeJPMThresholdsInvalid}}},
		{"missing name and codes, repeated code", CategoryThresholds{High: 90, Mid: 78, MidCode: "b", LowCode: "b"},
			FieldErrors{{Field: "name", Code: CodeRequired}, {Field: "highCode", Code: CodeRequired}, {Field: "lowCode", Code: CodeJPMThresholdsInvalid, Value: "b"}}},
	}
	for _, tt := range tests {
		if got := ValidateThresholds(tt.t); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: ValidateThresholds() = %#v, want %#v", tt.name, got, tt.want)
		}
	}
}

func TestBuildRecap(t *testing.T) {
	s := DefaultJPMSettings()
	std := Standards{"M.1": 3, "M.2": 3}
	people := []PersonJPM{
		{EmployeeID: "ani", UnitID: "u1", Result: ComputeJPM(std, map[string]float64{"M.1": 3, "M.2": 3}, s)},   // 100, O
		{EmployeeID: "budi", UnitID: "u1", Result: ComputeJPM(std, map[string]float64{"M.1": 1, "M.2": 2}, s)},  // 50, KO, gaps −2 −1
		{EmployeeID: "citra", UnitID: "u2", Result: ComputeJPM(std, map[string]float64{"M.1": 2, "M.2": 0}, s)}, // 33.33, KO, partial
		{EmployeeID: "dedi", UnitID: "u2", Result: ComputeJPM(std, nil, s)},                                     // not assessed
		{EmployeeID: "eko", UnitID: "u2", Result: ComputeJPM(Standards{}, map[string]float64{"M.1": 3}, s)},     // no standard
	}
	got := BuildRecap(people, 2)
	want := Recap{
		Count:         5,
		ByCategory:    map[string]int{CategoryOptimal: 1, CategoryKurangOptimal: 2},
		Uncategorised: 2,
		Incomplete:    1,
		AverageJPM:    61.11,                                      // (100 + 50 + 33.33) / 3
		AverageGap:    map[string]float64{"M.1": -1, "M.2": -0.5}, // M.1 over ani, budi, citra; M.2 over ani, budi
		LargestGaps: []PersonGap{
			{EmployeeID: "budi", UnitID: "u1", Code: "M.1", Standard: 3, Actual: 1, Gap: -2},
			{EmployeeID: "budi", UnitID: "u1", Code: "M.2", Standard: 3, Actual: 2, Gap: -1},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("BuildRecap() = %+v\nwant %+v", got, want)
	}

	if all := BuildRecap(people, 0); len(all.LargestGaps) != 3 || all.LargestGaps[2].EmployeeID != "citra" {
		t.Errorf("topN 0 should keep every need, got %+v", all.LargestGaps)
	}

	empty := BuildRecap(nil, 5)
	if empty.Count != 0 || empty.AverageJPM != 0 || len(empty.ByCategory) != 0 || empty.LargestGaps == nil {
		t.Errorf("empty recap = %+v, want zeros with non-nil collections", empty)
	}

	byUnit := RecapByUnit(people, 10)
	if len(byUnit) != 2 || byUnit["u1"].Count != 2 || byUnit["u2"].Count != 3 || byUnit["u2"].Uncategorised != 2 ||
		byUnit["u1"].ByCategory[CategoryOptimal] != 1 || byUnit["u1"].AverageJPM != 75 {
		t.Errorf("RecapByUnit() = %+v", byUnit)
	}
}
