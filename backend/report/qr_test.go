package report

import "testing"

// qrPenalty on an 11×11 grid, light except a finder-like row
// 0000 1011101 at the top, scored by hand (ISO/IEC 18004 §8.8.2):
// N1 rows 10×9, columns 6×9 + 5×8; N2 9×10 + 3 blocks ×3; N3 the row's
// pattern with light before and (quiet zone) after, 2×40; N4 5/121 dark
// = 4 %, 9 steps of 5 % ×10.
func TestQRPenaltyByHand(t *testing.T) {
	n := 11
	q := &qrCode{size: n, dark: make([]byte, n*n)}
	for i, c := range "00001011101" {
		q.dark[i] = byte(c - '0')
	}
	want := 90 + 54 + 40 + 270 + 9 + 80 + 90
	if got := qrPenalty(q); got != want {
		t.Errorf("penalty %d, want %d", got, want)
	}
}

// The alphanumeric tail of a payload becomes its own segment.
func TestQRSegments(t *testing.T) {
	if s := qrSegments("https://x.go.id/v?c=abcDEF"); len(s) != 1 {
		t.Errorf("short tail split: %v", s)
	}
	if s := qrSegments("https://x.go.id/v?c=ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"); len(s) != 2 {
		t.Errorf("long alphanumeric tail not split: %v", s)
	}
	if _, err := encodeQR("https://x.go.id/v?c=ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"); err != nil {
		t.Error(err)
	}
}
