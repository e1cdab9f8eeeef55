package domain

import (
	"math"
	"reflect"
	"testing"
)

func TestNineBoxPlacesEveryBoxPerThePermenPANRBTable(t *testing.T) {
	c := DefaultNineBoxCutoffs()
	tests := []struct {
		performance, potential float64
		box                    int
		perf, pot              string
		label                  string
	}{
		{80, 50, 1, PerformanceBelow, PotentialLow, "Kinerja di bawah ekspektasi dan potensi rendah"},
		{100, 50, 2, PerformanceExpected, PotentialLow, "Kinerja sesuai ekspektasi dan potensi rendah"},
		{80, 70, 3, PerformanceBelow, PotentialMedium, "Kinerja di bawah ekspektasi dan potensi menengah"},
		{115, 50, 4, PerformanceAbove, PotentialLow, "Kinerja di atas ekspektasi dan potensi rendah"},
		{100, 70, 5, PerformanceExpected, PotentialMedium, "Kinerja sesuai ekspektasi dan potensi menengah"},
		{80, 90, 6, PerformanceBelow, PotentialHigh, "Kinerja di bawah ekspektasi dan potensi tinggi"},
		{115, 70, 7, PerformanceAbove, PotentialMedium, "Kinerja di atas ekspektasi dan potensi menengah"},
		{100, 90, 8, PerformanceExpected, PotentialHigh, "Kinerja sesuai ekspektasi dan potensi tinggi"},
		{115, 90, 9, PerformanceAbove, PotentialHigh, "Kinerja di atas ekspektasi dan potensi tinggi"},
	}
	for _, tt := range tests {
		box, perf, pot := NineBox(tt.performance, tt.potential, c)
		if box != tt.box || perf != tt.perf || pot != tt.pot {
			t.Errorf("NineBox(%v, %v) = %d %s %s, want %d %s %s", tt.performance, tt.potential, box, perf, pot, tt.box, tt.perf, tt.pot)
		}
		if got := NineBoxLabel(tt.box); got != tt.label {
			t.Errorf("NineBoxLabel(%d) = %q, want %q", tt.box, got, tt.label)
		}
	}
}

func TestNineBoxCutoffsAreInclusive(t *testing.T) {
	c := DefaultNineBoxCutoffs()
	tests := []struct {
		name                   string
		performance, potential float64
		perf, pot              string
	}{
		{"SKP exactly 110 is above expectation", 110, 0, PerformanceAbove, PotentialLow},
		{"SKP 109.99 is as expected", 109.99, 0, PerformanceExpected, PotentialLow},
		{"SKP exactly 90 is as expected", 90, 0, PerformanceExpected, PotentialLow},
		{"SKP 89.99 is below expectation", 89.99, 0, PerformanceBelow, PotentialLow},
		{"JPM exactly 80 is high potential", 0, 80, PerformanceBelow, PotentialHigh},
		{"JPM 79.99 is medium potential", 0, 79.99, PerformanceBelow, PotentialMedium},
		{"JPM exactly 68 is medium potential", 0, 68, PerformanceBelow, PotentialMedium},
		{"JPM 67.99 is low potential", 0, 67.99, PerformanceBelow, PotentialLow},
		{"NaN scores fall in the lowest bands", math.NaN(), math.NaN(), PerformanceBelow, PotentialLow},
	}
	for _, tt := range tests {
		_, perf, pot := NineBox(tt.performance, tt.potential, c)
		if perf != tt.perf || pot != tt.pot {
			t.Errorf("%s: bands %s/%s, want %s/%s", tt.name, perf, pot, tt.perf, tt.pot)
		}
	}

	custom := NineBoxCutoffs{PerformanceHigh: 100, PerformanceMid: 75, PotentialHigh: 90, PotentialMid: 78}
	if box, _, _ := NineBox(100, 78, custom); box != 7 {
		t.Errorf("custom cut-offs: NineBox(100, 78) = %d, want 7", box)
	}
}

func TestNineBoxNumbersAreABijection(t *testing.T) {
	seen := map[int]bool{}
	for _, row := range nineBoxes {
		for _, b := range row {
			if seen[b] || b < 1 || b > 9 {
				t.Fatalf("box %d repeated or out of range", b)
			}
			seen[b] = true
		}
	}
	for _, b := range []int{0, 10, -1} {
		if got := NineBoxLabel(b); got != "" {
			t.Errorf("NineBoxLabel(%d) = %q, want empty", b, got)
		}
	}
}

func TestInTalentPool(t *testing.T) {
	for box := 0; box <= 10; box++ {
		if got, want := InTalentPool(box), box >= 7 && box <= 9; got != want {
			t.Errorf("InTalentPool(%d) = %v, want %v", box, got, want)
		}
	}
}

func TestValidateNineBoxCutoffs(t *testing.T) {
	tests := []struct {
		name string
		c    NineBoxCutoffs
		want FieldErrors
	}{
		{"defaults pass", DefaultNineBoxCutoffs(), nil},
		{"equal bounds pass (no middle band)", NineBoxCutoffs{PerformanceHigh: 100, PerformanceMid: 100, PotentialHigh: 80, PotentialMid: 80}, nil},
		{"swapped performance bounds", NineBoxCutoffs{PerformanceHigh: 90, PerformanceMid: 110, PotentialHigh: 80, PotentialMid: 68},
			FieldErrors{{Field: "performanceMid", Code: CodeNineBoxCutoffsInvalid}}},
		{"negative potential bound", NineBoxCutoffs{PerformanceHigh: 110, PerformanceMid: 90, PotentialHigh: 80, PotentialMid: -1},
			FieldErrors{{Field: "potentialMid", Code: CodeNineBoxCutoffsInvalid}}},
	}
	for _, tt := range tests {
		if got := ValidateNineBoxCutoffs(tt.c); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: ValidateNineBoxCutoffs() = %#v, want %#v", tt.name, got, tt.want)
		}
	}
}
