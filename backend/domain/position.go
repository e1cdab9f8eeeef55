package domain

import (
	"sort"
	"strings"
)

// ValidatePosition normalises p in place and returns every problem found.
//
// The name is required. The type must be known (CodePositionType). A
// functional position (jabatan fungsional) needs a valid jenjang; every other
// type must leave it empty (CodeJenjangInvalid). Every required level must be
// 1–5 (CodeLevelInvalid with the competency code in Value). A nil Standards
// becomes an empty map so the JSON column holds {} rather than null.
func ValidatePosition(p *Position) FieldErrors {
	var errs FieldErrors
	p.Code = strings.TrimSpace(p.Code)
	p.Name = strings.TrimSpace(p.Name)
	p.Type = PositionType(strings.TrimSpace(string(p.Type)))
	p.Jenjang = Jenjang(strings.TrimSpace(string(p.Jenjang)))

	if len([]rune(p.Code)) > maxEntityCodeLen {
		errs = append(errs, FieldError{Field: "code", Code: CodeTooLong})
	}
	errs = append(errs, checkEntityName(p.Name)...)

	switch {
	case p.Type == "":
		errs = append(errs, FieldError{Field: "type", Code: CodeRequired})
	case !p.Type.Valid():
		errs = append(errs, FieldError{Field: "type", Code: CodePositionType, Value: string(p.Type)})
	case p.Type == Fungsional && p.Jenjang == "":
		errs = append(errs, FieldError{Field: "jenjang", Code: CodeRequired})
	case p.Type == Fungsional && !p.Jenjang.Valid():
		errs = append(errs, FieldError{Field: "jenjang", Code: CodeJenjangInvalid, Value: string(p.Jenjang)})
	case p.Type != Fungsional && p.Jenjang != "":
		errs = append(errs, FieldError{Field: "jenjang", Code: CodeJenjangInvalid, Value: string(p.Jenjang)})
	}

	if p.Standards == nil {
		p.Standards = Standards{}
	}
	codes := make([]string, 0, len(p.Standards))
	for code := range p.Standards {
		codes = append(codes, code)
	}
	sort.Strings(codes) // map order is random; the UI wants a stable list
	for _, code := range codes {
		level := p.Standards[code]
		if !ValidCompetencyCode(code) {
			errs = append(errs, FieldError{Field: "standards", Code: CodeCompetencyCode, Value: code})
			continue
		}
		if level < MinLevel || level > MaxLevel {
			errs = append(errs, FieldError{Field: "standards", Code: CodeLevelInvalid, Value: code})
		}
	}
	return errs
}
