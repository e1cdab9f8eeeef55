package domain

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// fiveLevels returns levels 1–5, each with a description and one indicator.
func fiveLevels() Levels {
	ls := make(Levels, 0, 5)
	for lv := 1; lv <= 5; lv++ {
		ls = append(ls, CompetencyLevel{Level: lv, Description: "Deskripsi level " + strconv.Itoa(lv), Indicators: []string{"Indikator " + strconv.Itoa(lv)}})
	}
	return ls
}

func validCompetency() Competency {
	return Competency{Code: "T.01", Type: Technical, Name: "Manajemen ASN", Levels: fiveLevels()}
}

func TestValidateCompetencyReportsEachProblem(t *testing.T) {
	tests := []struct {
		name   string
		modify func(c *Competency)
		want   FieldErrors
	}{
		{"complete technical competency passes", func(c *Competency) {}, nil},
		{"code with dots, hyphens and digits passes", func(c *Competency) { c.Code = "TEK-KEU.3a" }, nil},
		{"code of exactly 32 characters passes", func(c *Competency) { c.Code = strings.Repeat("A", 32) }, nil},
		{"blank code is required", func(c *Competency) { c.Code = "   " },
			FieldErrors{{Field: "code", Code: CodeRequired}}},
		{"code of 33 characters is invalid", func(c *Competency) { c.Code = strings.Repeat("A", 33) },
			FieldErrors{{Field: "code", Code: CodeCompetencyCode, Value: strings.Repeat("A", 33)}}},
		{"code with a space inside is invalid", func(c *Competency) { c.Code = "T 01" },
			FieldErrors{{Field: "code", Code: CodeCompetencyCode, Value: "T 01"}}},
		{"code with a slash is invalid", func(c *Competency) { c.Code = "T/01" },
			FieldErrors{{Field: "code", Code: CodeCompetencyCode, Value: "T/01"}}},
		{"missing type is required", func(c *Competency) { c.Type = "" },
			FieldErrors{{Field: "type", Code: CodeRequired}}},
		{"unknown type is invalid", func(c *Competency) { c.Type = "teknis" },
			FieldErrors{{Field: "type", Code: CodeInvalid, Value: "teknis"}}},
		{"blank name is required", func(c *Competency) { c.Name = " \t" },
			FieldErrors{{Field: "name", Code: CodeRequired}}},
		{"name of 200 letters with accents passes", func(c *Competency) { c.Name = strings.Repeat("é", 200) }, nil},
		{"name of 201 characters is too long", func(c *Competency) { c.Name = strings.Repeat("a", 201) },
			FieldErrors{{Field: "name", Code: CodeTooLong}}},
		{"missing level 3 is reported with its number", func(c *Competency) { c.Levels = append(c.Levels[:2], c.Levels[3:]...) },
			FieldErrors{{Field: "levels", Code: CodeLevelInvalid, Value: "3"}}},
		{"no levels at all reports all five", func(c *Competency) { c.Levels = nil },
			FieldErrors{
				{Field: "levels", Code: CodeLevelInvalid, Value: "1"},
				{Field: "levels", Code: CodeLevelInvalid, Value: "2"},
				{Field: "levels", Code: CodeLevelInvalid, Value: "3"},
				{Field: "levels", Code: CodeLevelInvalid, Value: "4"},
				{Field: "levels", Code: CodeLevelInvalid, Value: "5"},
			}},
		{"duplicate level 2 is reported once", func(c *Competency) { c.Levels = append(c.Levels, c.Levels[1]) },
			FieldErrors{{Field: "levels", Code: CodeLevelInvalid, Value: "2"}}},
		{"level 6 is out of range", func(c *Competency) {
			c.Levels = append(c.Levels, CompetencyLevel{Level: 6, Description: "x"})
		}, FieldErrors{{Field: "levels", Code: CodeLevelInvalid, Value: "6"}}},
		{"level 0 is out of range", func(c *Competency) {
			c.Levels = append(c.Levels, CompetencyLevel{Level: 0, Description: "x"})
		}, FieldErrors{{Field: "levels", Code: CodeLevelInvalid, Value: "0"}}},
		{"blank description of level 4 is reported with its number", func(c *Competency) { c.Levels[3].Description = "  " },
			FieldErrors{{Field: "levels.description", Code: CodeLevelInvalid, Value: "4"}}},
		{"several problems are all reported", func(c *Competency) { c.Code = ""; c.Name = ""; c.Levels = c.Levels[:4] },
			FieldErrors{
				{Field: "code", Code: CodeRequired},
				{Field: "name", Code: CodeRequired},
				{Field: "levels", Code: CodeLevelInvalid, Value: "5"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := validCompetency()
			tt.modify(&c)
			got := ValidateCompetency(&c)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ValidateCompetency() = %#v, want %#v", got, tt.want)
			}
		})
	}
}

func TestValidateCompetencyNormalises(t *testing.T) {
	c := Competency{
		Code:       "  M.1 ",
		Type:       " managerial ",
		Name:       "  Integritas\n",
		Definition: "  Definisi.  ",
		Levels: Levels{
			{Level: 5, Description: " Lima ", Indicators: []string{"  a  ", "", "   ", "b"}},
			{Level: 3, Name: " Menengah Khusus ", Description: "Tiga"},
			{Level: 1, Description: "Satu", Indicators: nil},
			{Level: 4, Description: "Empat"},
			{Level: 2, Description: "Dua"},
		},
	}
	if errs := ValidateCompetency(&c); errs != nil {
		t.Fatalf("unexpected errors: %v", errs)
	}
	if c.Code != "M.1" || c.Type != Managerial || c.Name != "Integritas" || c.Definition != "Definisi." {
		t.Errorf("text fields not trimmed: %q %q %q %q", c.Code, c.Type, c.Name, c.Definition)
	}
	wantNames := []string{"Paham", "Dasar", "Menengah Khusus", "Mumpuni", "Ahli"}
	for i, l := range c.Levels {
		if l.Level != i+1 {
			t.Errorf("levels not sorted: position %d holds level %d", i, l.Level)
		}
		if l.Name != wantNames[i] {
			t.Errorf("level %d name = %q, want %q (blank names filled, given names kept and trimmed)", l.Level, l.Name, wantNames[i])
		}
		if l.Indicators == nil {
			t.Errorf("level %d indicators are nil, want an empty list", l.Level)
		}
	}
	if got, want := c.Levels[4].Indicators, []string{"a", "b"}; !reflect.DeepEqual(got, want) {
		t.Errorf("level 5 indicators = %q, want %q", got, want)
	}
	if c.Levels[4].Description != "Lima" {
		t.Errorf("level description not trimmed: %q", c.Levels[4].Description)
	}
}

func TestLevelNamesMatchTheRegulationLabels(t *testing.T) {
	want := [6]string{"", "Paham", "Dasar", "Menengah", "Mumpuni", "Ahli"}
	if LevelNames != want {
		t.Errorf("LevelNames = %q, want %q", LevelNames, want)
	}
}
