package report

import (
	"math"
	"strconv"
	"strings"
	"time"

	"kembang/backend/domain"
)

// Indonesian formats used in every printed document: dates ("23 November
// 2026"), thousands with a dot and decimals with a comma ("1.234.567",
// "88,89"), rupiah ("Rp1.234.567"), JP ("20", "20,5"), the printed NIP
// ("19740707 200212 1 008"), golongan with pangkat ("Penata (III/c)") and
// numbers in words (terbilang: 20 → "dua puluh").

var monthNames = [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni",
	"Juli", "Agustus", "September", "Oktober", "November", "Desember"}

// MonthName is the Indonesian name of month m (1–12), or "" outside.
func MonthName(m int) string {
	if m < 1 || m > 12 {
		return ""
	}
	return monthNames[m-1]
}

func parseDate(iso string) (time.Time, bool) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(iso))
	return t, err == nil
}

// FormatDate prints a YYYY-MM-DD date as "23 November 2026" (day without a
// leading zero, as in official letters). Anything else is returned as it
// is, so a free-text date still prints.
func FormatDate(iso string) string {
	t, ok := parseDate(iso)
	if !ok {
		return iso
	}
	return strconv.Itoa(t.Day()) + " " + monthNames[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// FormatDateRange prints a period compactly: "3–5 November 2026",
// "28 Oktober – 2 November 2026", "30 Desember 2025 – 2 Januari 2026", or
// one date when start and end are equal or end is empty.
func FormatDateRange(start, end string) string {
	s, okS := parseDate(start)
	e, okE := parseDate(end)
	switch {
	case !okS && !okE:
		if end == "" || end == start {
			return start
		}
		return start + " – " + end
	case !okE || s.Equal(e):
		return FormatDate(start)
	case !okS:
		return FormatDate(end)
	case s.Year() == e.Year() && s.Month() == e.Month():
		return strconv.Itoa(s.Day()) + "–" + FormatDate(end)
	case s.Year() == e.Year():
		return strconv.Itoa(s.Day()) + " " + monthNames[s.Month()-1] + " – " + FormatDate(end)
	}
	return FormatDate(start) + " – " + FormatDate(end)
}

// FormatInt prints n with dots between thousands: 1234567 → "1.234.567".
func FormatInt(n int64) string {
	neg := n < 0
	var u uint64
	if neg {
		u = uint64(-(n + 1)) + 1 // also right for math.MinInt64
	} else {
		u = uint64(n)
	}
	s := strconv.FormatUint(u, 10)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// FormatDecimal prints x with exactly decimals digits after a comma and
// dots between thousands: FormatDecimal(1234.5, 2) → "1.234,50". NaN and
// infinities print as "-".
func FormatDecimal(x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "-"
	}
	s := strconv.FormatFloat(math.Abs(x), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	n, _ := strconv.ParseInt(intPart, 10, 64)
	out := FormatInt(n)
	if frac != "" {
		out += "," + frac
	}
	if x < 0 && strings.Trim(out, "0.,") != "" {
		out = "-" + out
	}
	return out
}

// FormatNumber prints x with at most 2 decimals and no trailing zeros:
// 20 → "20", 20.5 → "20,5", 1234.25 → "1.234,25".
func FormatNumber(x float64) string {
	s := FormatDecimal(x, 2)
	if strings.Contains(s, ",") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ",")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// FormatRupiah prints an amount of rupiah: 1500000 → "Rp1.500.000".
func FormatRupiah(n int64) string {
	if n < 0 {
		return "-Rp" + FormatInt(n)[1:]
	}
	return "Rp" + FormatInt(n)
}

// FormatPercent prints a percentage with 2 decimals: 88.89 → "88,89%".
func FormatPercent(x float64) string { return FormatDecimal(x, 2) + "%" }

// FormatNIP is the printed NIP ("19740707 200212 1 008"); see
// domain.FormatNIP. Spaces already present are accepted.
func FormatNIP(nip string) string {
	return domain.FormatNIP(strings.Join(strings.Fields(nip), ""))
}

// FormatGolongan prints a golongan with its pangkat, "Penata (III/c)",
// accepting any spelling domain.NormalizeGolongan does. An unknown value
// prints as given.
func FormatGolongan(gol string) string {
	g, err := domain.NormalizeGolongan(gol)
	if err != nil {
		return strings.TrimSpace(gol)
	}
	return domain.Pangkat(g) + " (" + g + ")"
}

var (
	smallWords = [...]string{"nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh",
		"delapan", "sembilan", "sepuluh", "sebelas"}
	scaleWords = [...]struct {
		value uint64
		word  string
	}{{1_000_000_000_000, "triliun"}, {1_000_000_000, "miliar"}, {1_000_000, "juta"}}
)

// Terbilang spells n in Indonesian words, as certificates and receipts do:
// 20 → "dua puluh", 115 → "seratus lima belas", 1000 → "seribu",
// 2_500_000 → "dua juta lima ratus ribu", -3 → "minus tiga".
func Terbilang(n int64) string {
	if n < 0 {
		return "minus " + terbilang(uint64(-(n+1))+1) // also right for math.MinInt64
	}
	if n == 0 {
		return smallWords[0]
	}
	return terbilang(uint64(n))
}

func terbilang(n uint64) string {
	var parts []string
	for _, sc := range scaleWords {
		if n >= sc.value {
			parts = append(parts, terbilang(n/sc.value)+" "+sc.word)
			n %= sc.value
		}
	}
	if n >= 1000 {
		if n/1000 == 1 {
			parts = append(parts, "seribu")
		} else {
			parts = append(parts, terbilang(n/1000)+" ribu")
		}
		n %= 1000
	}
	if n >= 100 {
		if n/100 == 1 {
			parts = append(parts, "seratus")
		} else {
			parts = append(parts, smallWords[n/100]+" ratus")
		}
		n %= 100
	}
	switch {
	case n == 0:
	case n < 12:
		parts = append(parts, smallWords[n])
	case n < 20:
		parts = append(parts, smallWords[n-10]+" belas")
	default:
		w := smallWords[n/10] + " puluh"
		if n%10 > 0 {
			w += " " + smallWords[n%10]
		}
		parts = append(parts, w)
	}
	return strings.Join(parts, " ")
}

// TerbilangDecimal spells x with up to 2 decimals, the decimals digit by
// digit after "koma": 20 → "dua puluh", 20.5 → "dua puluh koma lima",
// 7.25 → "tujuh koma dua lima".
func TerbilangDecimal(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return ""
	}
	h := int64(math.Round(math.Abs(x) * 100))
	s := Terbilang(h / 100)
	if x < 0 && h > 0 {
		s = "minus " + s
	}
	if frac := h % 100; frac > 0 {
		digits := strings.TrimRight(strconv.FormatInt(100+frac, 10)[1:], "0")
		words := make([]string, len(digits))
		for i := range digits {
			words[i] = smallWords[digits[i]-'0']
		}
		s += " koma " + strings.Join(words, " ")
	}
	return s
}

// CategoryLabel is the printed name of a JPM category code (domain's
// Category* constants): "cukup_optimal" → "Cukup Optimal". Unknown codes
// print as given; "" prints as "Belum dinilai".
func CategoryLabel(code string) string {
	switch code {
	case "":
		return "Belum dinilai"
	case domain.CategoryOptimal:
		return "Optimal"
	case domain.CategoryCukupOptimal:
		return "Cukup Optimal"
	case domain.CategoryKurangOptimal:
		return "Kurang Optimal"
	case domain.CategoryMemenuhiSyarat:
		return "Memenuhi Syarat"
	case domain.CategoryMasihMemenuhiSyarat:
		return "Masih Memenuhi Syarat"
	case domain.CategoryKurangMemenuhiSyarat:
		return "Kurang Memenuhi Syarat"
	}
	return code
}

// FundingLabel is the printed name of a funding source (sumber dana).
func FundingLabel(f domain.FundingSource) string {
	switch f {
	case domain.FundingAPBN, domain.FundingAPBD:
		return string(f)
	case domain.FundingSelf:
		return "Mandiri"
	case domain.FundingOther:
		return "Lainnya"
	}
	return string(f)
}
