package domain

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Field limits of Employee, matching the column sizes in entity.go.
const (
	MaxNameLen  = 200
	MaxGelarLen = 100
	MaxEmailLen = 200
)

// ValidateEmployee normalises e in place and returns every problem found,
// keyed by the JSON field name (nip, name, golongan, gender, birthDate,
// email, phone). Normalisation: NIP to its 18 digits, golongan to "III/c",
// text fields trimmed, gender to L/P (taken from the NIP when empty), birth
// date to YYYY-MM-DD (taken from the NIP when empty).
func ValidateEmployee(e *Employee) FieldErrors {
	var errs FieldErrors
	add := func(field, code, value string) {
		errs = append(errs, FieldError{Field: field, Code: code, Value: value})
	}

	e.NIP = strings.TrimSpace(e.NIP)
	var nip NIP
	nipOK := false
	if e.NIP == "" {
		add("nip", CodeRequired, "")
	} else if n, err := ParseNIP(e.NIP); err != nil {
		add("nip", ErrorCode(err), e.NIP)
	} else {
		nip, nipOK = n, true
		e.NIP = n.Digits
	}

	e.Name = strings.Join(strings.Fields(e.Name), " ")
	switch {
	case e.Name == "":
		add("name", CodeRequired, "")
	case utf8.RuneCountInString(e.Name) > MaxNameLen:
		add("name", CodeTooLong, "")
	}
	e.GelarDepan = strings.Join(strings.Fields(e.GelarDepan), " ")
	if utf8.RuneCountInString(e.GelarDepan) > MaxGelarLen {
		add("gelarDepan", CodeTooLong, "")
	}
	e.GelarBelakang = strings.Join(strings.Fields(e.GelarBelakang), " ")
	if utf8.RuneCountInString(e.GelarBelakang) > MaxGelarLen {
		add("gelarBelakang", CodeTooLong, "")
	}

	if g := strings.TrimSpace(e.Golongan); g != "" {
		if canon, err := NormalizeGolongan(g); err != nil {
			add("golongan", CodeGolonganInvalid, g)
		} else {
			e.Golongan = canon
		}
	} else {
		e.Golongan = ""
	}

	if raw := strings.TrimSpace(string(e.Gender)); raw != "" {
		g, ok := ParseGender(raw)
		switch {
		case !ok:
			add("gender", CodeGenderInvalid, raw)
		case nipOK && g != nip.Gender:
			e.Gender = g
			add("gender", CodeGenderMismatch, raw)
		default:
			e.Gender = g
		}
	} else if nipOK {
		e.Gender = nip.Gender
	} else {
		e.Gender = ""
	}

	if raw := strings.TrimSpace(e.BirthDate); raw != "" {
		e.BirthDate = raw
		if _, err := time.Parse(time.DateOnly, raw); err != nil {
			add("birthDate", CodeBirthInvalid, raw)
		} else if nipOK && raw != nip.BirthDateISO() {
			add("birthDate", CodeBirthMismatch, raw)
		}
	} else if nipOK {
		e.BirthDate = nip.BirthDateISO()
	} else {
		e.BirthDate = ""
	}

	e.Email = strings.TrimSpace(e.Email)
	if e.Email != "" && !ValidEmail(e.Email) {
		add("email", CodeEmailInvalid, e.Email)
	}
	e.Phone = strings.TrimSpace(e.Phone)
	if e.Phone != "" && !ValidPhone(e.Phone) {
		add("phone", CodePhoneInvalid, e.Phone)
	}
	return errs
}

// ParseGender reads jenis kelamin: L/P, or the words offices write
// (Laki-laki, Pria, Perempuan, Wanita), any case.
func ParseGender(s string) (Gender, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "l", "lk", "laki-laki", "laki laki", "lakilaki", "pria":
		return Male, true
	case "p", "pr", "perempuan", "wanita":
		return Female, true
	}
	return "", false
}

// ValidEmail is a deliberately plain check: one @, a non-empty local part, a
// dotted domain, no spaces, within MaxEmailLen.
func ValidEmail(s string) bool {
	if len(s) > MaxEmailLen || strings.ContainsAny(s, " \t\r\n<>,;\"") {
		return false
	}
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || strings.Contains(domain, "@") {
		return false
	}
	dot := strings.LastIndexByte(domain, '.')
	return dot > 0 && dot < len(domain)-1 && !strings.Contains(domain, "..")
}

// ValidPhone accepts digits with an optional leading +, spaces and dashes
// between them, and 8–15 digits in all ("0812-3456-7890", "+62 812 3456 7890").
func ValidPhone(s string) bool {
	digits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '+' && i == 0:
		case c == ' ' || c == '-':
		default:
			return false
		}
	}
	return digits >= 8 && digits <= 15
}
