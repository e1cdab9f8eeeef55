package domain

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// LevelNames are the proficiency labels of levels 1–5 (index 0 is unused):
// Paham, Dasar, Menengah, Mumpuni, Ahli (PermenPAN-RB 38/2017).
var LevelNames = [6]string{"", "Paham", "Dasar", "Menengah", "Mumpuni", "Ahli"}

// MinLevel and MaxLevel bound every competency level and required level.
const (
	MinLevel = 1
	MaxLevel = 5
)

// Field limits shared by the competency and position rules.
const (
	maxEntityCodeLen = 32
	maxEntityNameLen = 200
)

// competencyCodePattern accepts codes such as "M.1", "SK.1", "T.01" or
// "TEK-KEU.3": letters, digits, dots and hyphens, at most 32 characters.
var competencyCodePattern = regexp.MustCompile(`^[A-Za-z0-9.\-]{1,32}$`)

// ValidCompetencyCode reports whether code has the shape of a competency code.
func ValidCompetencyCode(code string) bool { return competencyCodePattern.MatchString(code) }

// ValidateCompetency normalises c in place and returns every problem found.
//
// It trims the text fields, sorts the levels by number, fills an empty level
// name from LevelNames, trims indicators and drops empty ones. A competency
// must have exactly the levels 1–5, each once and each with a description;
// every level problem is reported as CodeLevelInvalid with the level number
// in Value.
func ValidateCompetency(c *Competency) FieldErrors {
	var errs FieldErrors
	c.Code = strings.TrimSpace(c.Code)
	c.Name = strings.TrimSpace(c.Name)
	c.Definition = strings.TrimSpace(c.Definition)
	c.Type = CompetencyType(strings.TrimSpace(string(c.Type)))

	switch {
	case c.Code == "":
		errs = append(errs, FieldError{Field: "code", Code: CodeRequired})
	case !ValidCompetencyCode(c.Code):
		errs = append(errs, FieldError{Field: "code", Code: CodeCompetencyCode, Value: c.Code})
	}

	switch {
	case c.Type == "":
		errs = append(errs, FieldError{Field: "type", Code: CodeRequired})
	case !c.Type.Valid():
		errs = append(errs, FieldError{Field: "type", Code: CodeInvalid, Value: string(c.Type)})
	}

	errs = append(errs, checkEntityName(c.Name)...)
	errs = append(errs, normaliseLevels(c.Levels)...)
	sort.SliceStable(c.Levels, func(i, j int) bool { return c.Levels[i].Level < c.Levels[j].Level })
	return errs
}

// normaliseLevels cleans each level in place and reports missing, duplicate,
// out-of-range and undescribed levels.
func normaliseLevels(levels Levels) FieldErrors {
	var errs FieldErrors
	var seen [MaxLevel + 1]bool
	for i := range levels {
		l := &levels[i]
		l.Name = strings.TrimSpace(l.Name)
		l.Description = strings.TrimSpace(l.Description)
		l.Indicators = cleanIndicators(l.Indicators)
		value := strconv.Itoa(l.Level)
		if l.Level < MinLevel || l.Level > MaxLevel {
			errs = append(errs, FieldError{Field: "levels", Code: CodeLevelInvalid, Value: value})
			continue
		}
		if seen[l.Level] {
			errs = append(errs, FieldError{Field: "levels", Code: CodeLevelInvalid, Value: value})
			continue
		}
		seen[l.Level] = true
		if l.Name == "" {
			l.Name = LevelNames[l.Level]
		}
		if l.Description == "" {
			errs = append(errs, FieldError{Field: "levels.description", Code: CodeLevelInvalid, Value: value})
		}
	}
	for lv := MinLevel; lv <= MaxLevel; lv++ {
		if !seen[lv] {
			errs = append(errs, FieldError{Field: "levels", Code: CodeLevelInvalid, Value: strconv.Itoa(lv)})
		}
	}
	return errs
}

// cleanIndicators trims every indicator and drops the empty ones. It never
// returns nil, so the JSON column holds [] rather than null.
func cleanIndicators(in []string) []string {
	out := make([]string, 0, len(in))
	for _, s := range in {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// checkEntityName applies the rule shared by competency and position names.
func checkEntityName(name string) FieldErrors {
	switch {
	case name == "":
		return FieldErrors{{Field: "name", Code: CodeRequired}}
	case len([]rune(name)) > maxEntityNameLen:
		return FieldErrors{{Field: "name", Code: CodeTooLong}}
	}
	return nil
}
