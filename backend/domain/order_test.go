package domain

import "testing"

func TestNaturalLess(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"M.2", "M.10", true},
		{"M.10", "M.2", false},
		{"T.9", "T.10", true},
		{"M.1", "M.1", false},
		{"M.1", "SK.1", true},
		{"T.01", "T.1", false}, // the same number: neither is less
		{"T.1", "T.01", false},
		{"2026-2", "2026-10", true},
		{"T.99999999999999999999999", "T.100000000000000000000000", true}, // beyond uint64
		{"", "A", true},
		{"A", "", false},
	}
	for _, tt := range tests {
		if got := NaturalLess(tt.a, tt.b); got != tt.want {
			t.Errorf("NaturalLess(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
