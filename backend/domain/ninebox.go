package domain

// Talent 9-box (PermenPAN-RB 3/2020, DOMAIN.md §6): performance (kinerja)
// on the vertical axis, potential (potensi) on the horizontal one, three
// bands each. The box numbers follow the regulation's table:
//
//	                     potensi rendah   menengah   tinggi
//	kinerja di atas            4             7          9
//	kinerja sesuai             2             5          8
//	kinerja di bawah           1             3          6
//
// Boxes 7–9 are the talent pool. The cut-offs vary by agency and are
// settings.

// Band codes. They are stable keys; NineBoxLabel gives the printed words.
const (
	PerformanceBelow    = "bawah"  // di bawah ekspektasi
	PerformanceExpected = "sesuai" // sesuai ekspektasi
	PerformanceAbove    = "atas"   // di atas ekspektasi

	PotentialLow    = "rendah"
	PotentialMedium = "menengah"
	PotentialHigh   = "tinggi"
)

// NineBoxCutoffs turn scores into bands; each bound is inclusive.
type NineBoxCutoffs struct {
	// PerformanceHigh and PerformanceMid bound the SKP score: ≥ High is
	// above expectation, ≥ Mid as expected, lower is below.
	PerformanceHigh float64 `json:"performanceHigh"`
	PerformanceMid  float64 `json:"performanceMid"`
	// PotentialHigh and PotentialMid bound the potential score (the JPM):
	// ≥ High is high, ≥ Mid medium, lower is low.
	PotentialHigh float64 `json:"potentialHigh"`
	PotentialMid  float64 `json:"potentialMid"`
}

// DefaultNineBoxCutoffs are the values seen in public implementations
// (DOMAIN.md §6, to confirm with the office [U]): SKP ≥ 110 above and
// ≥ 90 as expected; JPM ≥ 80 high and ≥ 68 medium.
func DefaultNineBoxCutoffs() NineBoxCutoffs {
	return NineBoxCutoffs{PerformanceHigh: 110, PerformanceMid: 90, PotentialHigh: 80, PotentialMid: 68}
}

// ValidateNineBoxCutoffs checks edited cut-offs: on each axis
// 0 ≤ Mid ≤ High.
func ValidateNineBoxCutoffs(c NineBoxCutoffs) FieldErrors {
	var errs FieldErrors
	if !(c.PerformanceMid >= 0 && c.PerformanceMid <= c.PerformanceHigh) {
		errs = append(errs, FieldError{Field: "performanceMid", Code: CodeNineBoxCutoffsInvalid})
	}
	if !(c.PotentialMid >= 0 && c.PotentialMid <= c.PotentialHigh) {
		errs = append(errs, FieldError{Field: "potentialMid", Code: CodeNineBoxCutoffsInvalid})
	}
	return errs
}

// nineBoxes[performance band][potential band], bands low to high.
var nineBoxes = [3][3]int{
	{1, 3, 6}, // di bawah ekspektasi
	{2, 5, 8}, // sesuai ekspektasi
	{4, 7, 9}, // di atas ekspektasi
}

var (
	performanceBands = [3]string{PerformanceBelow, PerformanceExpected, PerformanceAbove}
	potentialBands   = [3]string{PotentialLow, PotentialMedium, PotentialHigh}
)

// band returns 2 for score ≥ high, 1 for score ≥ mid, else 0 (NaN too).
func band(score, high, mid float64) int {
	switch {
	case score >= high:
		return 2
	case score >= mid:
		return 1
	}
	return 0
}

// NineBox places an employee with an SKP score (performance) and a potential
// score (the JPM) in box 1–9 and returns the two band codes. Place only
// people who have both scores (see ResolvePerformance and JPMResult.Category).
func NineBox(performance, potential float64, c NineBoxCutoffs) (box int, perfBand, potBand string) {
	pf := band(performance, c.PerformanceHigh, c.PerformanceMid)
	pt := band(potential, c.PotentialHigh, c.PotentialMid)
	return nineBoxes[pf][pt], performanceBands[pf], potentialBands[pt]
}

// nineBoxWords are the printed phrases of the bands.
var nineBoxWords = map[string]string{
	PerformanceBelow:    "di bawah ekspektasi",
	PerformanceExpected: "sesuai ekspektasi",
	PerformanceAbove:    "di atas ekspektasi",
	PotentialLow:        "rendah",
	PotentialMedium:     "menengah",
	PotentialHigh:       "tinggi",
}

// NineBoxLabel is the Indonesian label of a box as printed in documents,
// "Kinerja {band} dan potensi {band}", e.g. box 5 is "Kinerja sesuai
// ekspektasi dan potensi menengah". It returns "" for a number outside 1–9.
func NineBoxLabel(box int) string {
	for pf, row := range nineBoxes {
		for pt, b := range row {
			if b == box {
				return "Kinerja " + nineBoxWords[performanceBands[pf]] + " dan potensi " + nineBoxWords[potentialBands[pt]]
			}
		}
	}
	return ""
}

// InTalentPool reports whether box is one of the talent-pool boxes 7–9
// (DOMAIN.md §6, [U]).
func InTalentPool(box int) bool { return box >= 7 && box <= 9 }
