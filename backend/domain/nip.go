package domain

import (
	"strings"
	"time"
)

// NIP (Nomor Induk Pegawai) is the 18-digit civil-servant number, laid out as
// YYYYMMDD YYYYMM G NNN: birth date, TMT CPNS (year and month of appointment),
// gender (1 male, 2 female) and a serial number. See DOMAIN.md §7.
type NIP struct {
	Digits    string    // the 18 digits, no spaces
	BirthDate time.Time // digits 1–8, UTC midnight
	TMTYear   int       // digits 9–12
	TMTMonth  int       // digits 13–14
	Gender    Gender    // digit 15
	Serial    string    // digits 16–18
}

// NIPLength is the number of digits of a PNS NIP.
const NIPLength = 18

// ParseNIP checks a NIP written as 18 digits or in its printed form with
// spaces ("19900101 201503 1 001"). Birth dates in the future are judged
// against the current time; use ParseNIPAt in tests.
func ParseNIP(s string) (NIP, error) { return ParseNIPAt(s, time.Now()) }

// ParseNIPAt is ParseNIP with an explicit "now" for the future-date check.
// Errors are *Error with codes nip.invalid, nip.length, nip.birth_date,
// nip.tmt, nip.gender and nip.serial.
func ParseNIPAt(s string, now time.Time) (NIP, error) {
	const op = "nip.parse"
	var buf [NIPLength]byte
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if n < NIPLength {
				buf[n] = c
			}
			n++
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			// printed form and stray whitespace
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0:
			i++ // non-breaking space, common in copied text
		default:
			return NIP{}, E(CodeNIPInvalid, op, nil, "value", strings.TrimSpace(s))
		}
	}
	if n != NIPLength {
		return NIP{}, E(CodeNIPLength, op, nil, "got", n, "want", NIPLength)
	}
	d := string(buf[:])
	year, month, day := atoi(d[0:4]), atoi(d[4:6]), atoi(d[6:8])
	birth := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if month < 1 || month > 12 || birth.Day() != day || int(birth.Month()) != month ||
		year < 1900 || birth.After(now) {
		return NIP{}, E(CodeNIPBirthDate, op, nil, "value", d[0:8])
	}
	tmtYear, tmtMonth := atoi(d[8:12]), atoi(d[12:14])
	if tmtMonth < 1 || tmtMonth > 12 || tmtYear < 1900 ||
		tmtYear*12+tmtMonth <= year*12+month {
		return NIP{}, E(CodeNIPTMT, op, nil, "value", d[8:14])
	}
	var g Gender
	switch d[14] {
	case '1':
		g = Male
	case '2':
		g = Female
	default:
		return NIP{}, E(CodeNIPGender, op, nil, "value", d[14:15])
	}
	if d[15:18] == "000" {
		return NIP{}, E(CodeNIPSerial, op, nil, "value", d[15:18])
	}
	return NIP{Digits: d, BirthDate: birth, TMTYear: tmtYear, TMTMonth: tmtMonth, Gender: g, Serial: d[15:18]}, nil
}

// FormatNIP prints 18 digits as "YYYYMMDD YYYYMM G NNN". Anything else is
// returned unchanged.
func FormatNIP(digits string) string {
	if len(digits) != NIPLength {
		return digits
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return digits
		}
	}
	return digits[0:8] + " " + digits[8:14] + " " + digits[14:15] + " " + digits[15:18]
}

// String is the printed form.
func (n NIP) String() string { return FormatNIP(n.Digits) }

// BirthDateISO is the birth date as YYYY-MM-DD.
func (n NIP) BirthDateISO() string { return n.BirthDate.Format(time.DateOnly) }

// atoi converts a short run of ASCII digits already known to be digits.
func atoi(s string) int {
	v := 0
	for i := 0; i < len(s); i++ {
		v = v*10 + int(s[i]-'0')
	}
	return v
}
