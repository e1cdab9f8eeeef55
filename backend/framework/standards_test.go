package framework

import (
	"testing"

	"kembang/backend/domain"
)

func TestDefaultStandardsByPositionType(t *testing.T) {
	tests := []struct {
		name    string
		typ     domain.PositionType
		jenjang domain.Jenjang
		want    int // expected level of every managerial competency and of SK.1
	}{
		{"JPT Utama needs level 5", domain.JPTUtama, "", 5},
		{"JPT Madya needs level 5", domain.JPTMadya, "", 5},
		{"JPT Pratama needs level 4", domain.JPTPratama, "", 4},
		{"Administrator needs level 3", domain.Administrator, "", 3},
		{"Pengawas needs level 2", domain.Pengawas, "", 2},
		{"Pelaksana needs level 1", domain.Pelaksana, "", 1},
		{"jenjang is ignored for a structural position", domain.Pengawas, domain.AhliUtama, 2},
		{"Ahli Utama uses mapping A: 4", domain.Fungsional, domain.AhliUtama, 4},
		{"Ahli Madya uses mapping A: 3", domain.Fungsional, domain.AhliMadya, 3},
		{"Ahli Muda uses mapping A: 2", domain.Fungsional, domain.AhliMuda, 2},
		{"Ahli Pertama uses mapping A: 1", domain.Fungsional, domain.AhliPertama, 1},
		{"Penyelia needs 2", domain.Fungsional, domain.Penyelia, 2},
		{"Mahir needs 2", domain.Fungsional, domain.Mahir, 2},
		{"Terampil needs 1", domain.Fungsional, domain.Terampil, 1},
		{"Pemula needs 1", domain.Fungsional, domain.Pemula, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DefaultStandards(tt.typ, tt.jenjang)
			if len(got) != 9 {
				t.Fatalf("%d codes, want the 9 built-ins: %v", len(got), got)
			}
			for _, code := range BuiltInCodes() {
				if got[code] != tt.want {
					t.Errorf("%s = %d, want %d", code, got[code], tt.want)
				}
			}
			p := domain.Position{Name: "x", Type: tt.typ, Jenjang: tt.jenjang, Standards: got}
			if tt.typ != domain.Fungsional {
				p.Jenjang = ""
			}
			if errs := domain.ValidatePosition(&p); errs != nil {
				t.Errorf("a position with the default standards is invalid: %v", errs)
			}
		})
	}
}

func TestDefaultStandardsCoverEveryTypeAndJenjang(t *testing.T) {
	table := loadStandards()
	for _, typ := range domain.PositionTypes {
		if typ == domain.Fungsional {
			if _, ok := table.ByPositionType[typ]; ok {
				t.Error("fungsional must be set per jenjang, not in byPositionType")
			}
			continue
		}
		if len(DefaultStandards(typ, "")) != 9 {
			t.Errorf("standards.json has no row for %s", typ)
		}
	}
	for _, j := range domain.Jenjangs {
		if len(DefaultStandards(domain.Fungsional, j)) != 9 {
			t.Errorf("standards.json has no row for fungsional %s", j)
		}
	}
	for typ := range table.ByPositionType {
		if !typ.Valid() {
			t.Errorf("standards.json has a row for unknown position type %q", typ)
		}
	}
	for j := range table.Fungsional.ByJenjang {
		if !j.Valid() {
			t.Errorf("standards.json has a row for unknown jenjang %q", j)
		}
	}
	if table.Fungsional.Note == "" {
		t.Error("the functional rows must carry a note saying they are unverified")
	}
}

func TestDefaultStandardsWithoutARowIsEmpty(t *testing.T) {
	tests := []struct {
		name    string
		typ     domain.PositionType
		jenjang domain.Jenjang
	}{
		{"unknown type", "eselon_ii", ""},
		{"fungsional without jenjang", domain.Fungsional, ""},
		{"fungsional with unknown jenjang", domain.Fungsional, "ahli"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DefaultStandards(tt.typ, tt.jenjang)
			if got == nil || len(got) != 0 {
				t.Errorf("DefaultStandards = %#v, want an empty, non-nil map", got)
			}
		})
	}
}

func TestDefaultStandardsReturnsAFreshMap(t *testing.T) {
	a := DefaultStandards(domain.Pengawas, "")
	a["M.1"] = 5
	a["T.01"] = 3
	b := DefaultStandards(domain.Pengawas, "")
	if b["M.1"] != 2 || len(b) != 9 {
		t.Errorf("changing one result changed the next: %v", b)
	}
}
