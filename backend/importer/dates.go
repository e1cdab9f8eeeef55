package importer

import (
	"strconv"
	"strings"
	"time"
)

// monthNames maps Indonesian and English month names and abbreviations.
var monthNames = map[string]time.Month{
	"januari": 1, "jan": 1, "january": 1,
	"februari": 2, "feb": 2, "pebruari": 2, "peb": 2, "february": 2,
	"maret": 3, "mar": 3, "march": 3,
	"april": 4, "apr": 4,
	"mei": 5, "may": 5,
	"juni": 6, "jun": 6, "june": 6,
	"juli": 7, "jul": 7, "july": 7,
	"agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
	"september": 9, "sep": 9, "sept": 9,
	"oktober": 10, "okt": 10, "oct": 10, "october": 10,
	"november": 11, "nov": 11, "nopember": 11, "nop": 11,
	"desember": 12, "des": 12, "dec": 12, "december": 12,
}

// parseDate reads a birth date as offices write it and returns YYYY-MM-DD:
// an Excel date serial (numeric cell), yyyy-mm-dd (optionally followed by a
// time), dd-mm-yyyy, dd/mm/yyyy, dd.mm.yyyy (day first, as in Indonesia), and
// "1 Januari 1990" / "01-Jan-1990" with Indonesian or English month names.
func parseDate(s string, numeric, date1904 bool) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	if numeric {
		return excelSerialDate(s, date1904)
	}
	// ISO, possibly with a time part from a typed date cell.
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' && (len(s) == 10 || s[10] == 'T' || s[10] == ' ') {
		return validDate(atoiOK(s[0:4]), atoiOK(s[5:7]), atoiOK(s[8:10]))
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' || r == '.' || r == ' ' || r == ',' })
	if len(parts) != 3 {
		return "", false
	}
	if len(parts[0]) == 4 { // yyyy/mm/dd
		return validDate(atoiOK(parts[0]), atoiOK(parts[1]), atoiOK(parts[2]))
	}
	month := atoiOK(parts[1])
	if m, ok := monthNames[strings.ToLower(parts[1])]; ok {
		month = int(m)
	}
	if len(parts[2]) != 4 {
		return "", false
	}
	return validDate(atoiOK(parts[2]), month, atoiOK(parts[0]))
}

// excelSerialDate converts a date serial. In the 1900 system Excel counts a
// non-existent 29 February 1900, so serials from 61 on are days since
// 1899-12-30; in the 1904 system serials are days since 1904-01-01.
func excelSerialDate(s string, date1904 bool) (string, bool) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 1 || f > 2958465 {
		return "", false
	}
	days := int(f)
	var base time.Time
	switch {
	case date1904:
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	case days < 61:
		base = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)
	default:
		base = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	}
	return base.AddDate(0, 0, days).Format(time.DateOnly), true
}

func validDate(y, m, d int) (string, bool) {
	if y < 1000 || m < 1 || m > 12 || d < 1 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", false
	}
	return t.Format(time.DateOnly), true
}

// atoiOK parses a short unsigned number; -1 when it is not one.
func atoiOK(s string) int {
	if s == "" || len(s) > 9 {
		return -1
	}
	v := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		v = v*10 + int(s[i]-'0')
	}
	return v
}
