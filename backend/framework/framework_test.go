package framework

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"kembang/backend/domain"
)

func TestBuiltInHoldsTheNineRegulationCompetencies(t *testing.T) {
	want := []struct {
		code string
		typ  domain.CompetencyType
		name string
	}{
		{"M.1", domain.Managerial, "Integritas"},
		{"M.2", domain.Managerial, "Kerja Sama"},
		{"M.3", domain.Managerial, "Komunikasi"},
		{"M.4", domain.Managerial, "Orientasi pada Hasil"},
		{"M.5", domain.Managerial, "Pelayanan Publik"},
		{"M.6", domain.Managerial, "Pengembangan Diri dan Orang Lain"},
		{"M.7", domain.Managerial, "Mengelola Perubahan"},
		{"M.8", domain.Managerial, "Pengambilan Keputusan"},
		{"SK.1", domain.SocioCultural, "Perekat Bangsa"},
	}
	got := BuiltIn()
	if len(got) != len(want) {
		t.Fatalf("BuiltIn() has %d competencies, want %d", len(got), len(want))
	}
	for i, w := range want {
		c := got[i]
		if c.Code != w.code || c.Type != w.typ || c.Name != w.name {
			t.Errorf("competency %d = %s %s %q, want %s %s %q", i, c.Code, c.Type, c.Name, w.code, w.typ, w.name)
		}
	}
	if !reflect.DeepEqual(BuiltInCodes(), []string{"M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8", "SK.1"}) {
		t.Errorf("BuiltInCodes() = %q", BuiltInCodes())
	}
}

func TestEveryBuiltInCompetencyIsComplete(t *testing.T) {
	for _, c := range BuiltIn() {
		t.Run(c.Code, func(t *testing.T) {
			if !c.BuiltIn || c.Version != 1 || c.Retired || c.Deleted {
				t.Errorf("flags: BuiltIn=%v Version=%d Retired=%v Deleted=%v, want true 1 false false", c.BuiltIn, c.Version, c.Retired, c.Deleted)
			}
			if !c.UpdatedAt.Equal(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)) {
				t.Errorf("UpdatedAt = %v, want the fixed dictionary date", c.UpdatedAt)
			}
			if n := strings.Count(c.Definition, ". "); n < 1 || n > 2 || !strings.HasSuffix(c.Definition, ".") {
				t.Errorf("definition should be 2–3 sentences: %q", c.Definition)
			}
			if len(c.Levels) != 5 {
				t.Fatalf("%d levels, want 5", len(c.Levels))
			}
			for i, l := range c.Levels {
				if l.Level != i+1 || l.Name != domain.LevelNames[i+1] {
					t.Errorf("level %d is %d %q, want %d %q", i, l.Level, l.Name, i+1, domain.LevelNames[i+1])
				}
				if strings.TrimSpace(l.Description) == "" {
					t.Errorf("level %d has no description", l.Level)
				}
				if len(l.Indicators) < 3 || len(l.Indicators) > 4 {
					t.Errorf("level %d has %d indicators, want 3–4", l.Level, len(l.Indicators))
				}
				for _, ind := range l.Indicators {
					if strings.TrimSpace(ind) == "" || !strings.HasSuffix(ind, ".") {
						t.Errorf("level %d indicator %q should be a non-empty sentence", l.Level, ind)
					}
				}
			}
			normalised := c
			if errs := domain.ValidateCompetency(&normalised); errs != nil {
				t.Errorf("ValidateCompetency: %v", errs)
			}
			if !reflect.DeepEqual(normalised, c) {
				t.Error("ValidateCompetency changed a built-in competency: the JSON is not in normal form")
			}
		})
	}
}

func TestBuiltInIDsAreStableAndDistinct(t *testing.T) {
	first, second := BuiltIn(), BuiltIn()
	seen := map[string]string{}
	for i, c := range first {
		if c.ID != second[i].ID {
			t.Errorf("%s: id changed between calls: %s vs %s", c.Code, c.ID, second[i].ID)
		}
		if c.ID != CompetencyID(c.Code) {
			t.Errorf("%s: id %s is not CompetencyID(code)", c.Code, c.ID)
		}
		if other, dup := seen[c.ID]; dup {
			t.Errorf("%s and %s share id %s", c.Code, other, c.ID)
		}
		seen[c.ID] = c.Code
	}
	// Pinned: a change of namespace or id scheme would make laptops on
	// different versions disagree about the built-ins, so it must fail here.
	pinned := map[string]string{
		"M.1":  "c946b841-bf37-5e1b-b0fc-15c18268f96b",
		"SK.1": "6fb6c84e-b690-56bd-b3ae-10e211ef08aa",
	}
	for code, want := range pinned {
		if got := CompetencyID(code); got != want {
			t.Errorf("CompetencyID(%q) = %s, want %s", code, got, want)
		}
	}
}

func TestBuiltInReturnsAnIndependentCopy(t *testing.T) {
	a := BuiltIn()
	a[0].Name = "diubah"
	a[0].Levels[0].Description = "diubah"
	a[0].Levels[0].Indicators[0] = "diubah"
	a[0].Levels = append(a[0].Levels, domain.CompetencyLevel{Level: 6})
	b := BuiltIn()
	if b[0].Name == "diubah" || b[0].Levels[0].Description == "diubah" || b[0].Levels[0].Indicators[0] == "diubah" || len(b[0].Levels) != 5 {
		t.Error("changing one result of BuiltIn() changed the next one")
	}
	tmpl := TechnicalLevelTemplate()
	tmpl[0].Description = "diubah"
	if TechnicalLevelTemplate()[0].Description == "diubah" {
		t.Error("changing TechnicalLevelTemplate() changed the next result")
	}
}

func TestTechnicalLevelTemplatePrefillsAValidCompetency(t *testing.T) {
	levels := TechnicalLevelTemplate()
	if len(levels) != 5 {
		t.Fatalf("%d levels, want 5", len(levels))
	}
	for i, l := range levels {
		if l.Level != i+1 || l.Name != domain.LevelNames[i+1] || l.Description == "" {
			t.Errorf("level %d = %+v", i+1, l)
		}
		if l.Indicators == nil || len(l.Indicators) != 0 {
			t.Errorf("level %d indicators = %#v, want an empty list for the agency to fill", i+1, l.Indicators)
		}
	}
	c := domain.Competency{Code: "T.01", Type: domain.Technical, Name: "Manajemen ASN", Levels: levels}
	if errs := domain.ValidateCompetency(&c); errs != nil {
		t.Errorf("a technical competency prefilled from the template is invalid: %v", errs)
	}
}
