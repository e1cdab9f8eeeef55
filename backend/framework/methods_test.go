package framework

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/google/uuid"

	"kembang/backend/domain"
)

// The conversions DOMAIN.md §4 gives, read through the catalogue data.
func TestCatalogueJPConversion(t *testing.T) {
	tests := []struct {
		name          string
		code          string
		days          float64
		sessions      int
		stated        float64
		international bool
		want          float64
	}{
		{"seminar: 1 day = 4 JP national [S]", "seminar", 1, 0, 0, false, 4},
		{"seminar: 1 day = 6 JP international [S]", "seminar", 1, 0, 0, true, 6},
		{"workshop: 1 day = 5 JP national [S]", "workshop", 1, 0, 0, false, 5},
		{"workshop: 1 day = 7 JP international [S]", "workshop", 1, 0, 0, true, 7},
		{"structural leadership training: the stated JP [S]", "pelatihan_kepemimpinan", 0, 0, 260, false, 260},
		{"structural leadership training abroad: no bonus in the guide", "pelatihan_kepemimpinan", 0, 0, 260, true, 260},
		{"managerial training: stated JP [S]", "pelatihan_manajerial", 0, 0, 40, false, 40},
		{"managerial training international: +20 % [S]", "pelatihan_manajerial", 0, 0, 40, true, 48},
		{"technical training international: +20 % [S]", "pelatihan_teknis", 0, 0, 30, true, 36},
		{"functional training international: +20 % [S]", "pelatihan_fungsional", 0, 0, 50, true, 60},
		{"socio-cultural training international: +20 % [S]", "pelatihan_sosial_kultural", 0, 0, 25, true, 30},
		{"coaching: 2 JP per session [U]", "coaching", 0, 2, 0, false, 4},
		{"mentoring: 2 JP per session [U]", "mentoring", 0, 3, 0, false, 6},
		{"belajar mandiri: at most 2 JP a day [U]", "belajar_mandiri", 2, 0, 9, false, 4},
		{"komunitas belajar: at most 2 JP a day [U]", "komunitas_belajar", 1, 0, 3, false, 2},
		{"patok banding: 10 JP [U]", "patok_banding", 3, 0, 0, false, 10},
		{"detasering: 20 JP [U]", "detasering", 90, 0, 0, false, 20},
		{"magang: 20 JP [U]", "magang", 30, 0, 0, false, 20},
		{"pertukaran: 20 JP [U]", "pertukaran", 30, 0, 0, false, 20},
		{"e-learning: the stated JP [U]", "e_learning", 0, 0, 12, false, 12},
		{"pelatihan jarak jauh: the stated JP [U]", "pelatihan_jarak_jauh", 0, 0, 30, false, 30},
	}
	for _, tt := range tests {
		m, ok := Method(tt.code)
		if !ok {
			t.Errorf("%s: %s missing from methods.json", tt.name, tt.code)
			continue
		}
		got, err := domain.ComputeJP(m.JP, tt.days, tt.sessions, tt.stated, tt.international)
		if err != nil || got != tt.want {
			t.Errorf("%s: got %v, %v; want %v", tt.name, got, err, tt.want)
		}
	}
}

func TestCatalogueCoversPerLAN10Of2018(t *testing.T) {
	classical := []string{"pelatihan_kepemimpinan", "pelatihan_manajerial", "pelatihan_teknis", "pelatihan_fungsional",
		"pelatihan_sosial_kultural", "seminar", "workshop", "kursus", "penataran", "bimtek", "sosialisasi", "klasikal_lainnya"}
	nonClassical := []string{"coaching", "mentoring", "e_learning", "pelatihan_jarak_jauh", "detasering", "pembelajaran_alam_terbuka",
		"patok_banding", "pertukaran", "belajar_mandiri", "komunitas_belajar", "bimbingan_di_tempat_kerja", "magang", "nonklasikal_lainnya"}
	check := func(codes []string, route domain.Route) {
		for _, c := range codes {
			m, ok := Method(c)
			switch {
			case !ok:
				t.Errorf("%s missing", c)
			case m.Route != route || m.Form != domain.FormTraining:
				t.Errorf("%s: route %q form %q, want %q pelatihan", c, m.Route, m.Form, route)
			}
		}
	}
	check(classical, domain.RouteClassical)
	check(nonClassical, domain.RouteNonClassical)
	if m, ok := Method("tugas_belajar"); !ok || m.Form != domain.FormEducation || m.Route != "" || m.SIASNRecord != domain.SIASNPendidikan {
		t.Errorf("degree study: %+v", m)
	}
	if got, want := len(Methods()), len(classical)+len(nonClassical)+1; got != want {
		t.Errorf("%d methods, want %d: update this test when the catalogue grows", got, want)
	}
}

// Jenis diklat labels must be the SIASN ones (DOMAIN.md §9), so export is
// a lookup.
func TestJenisDiklatLabelsAreSIASNs(t *testing.T) {
	siasn := map[string]bool{}
	for _, l := range []string{"Diklat Struktural", "Diklat Fungsional", "Diklat Teknis", "Workshop", "Pelatihan Manajerial",
		"Pelatihan Sosial Kultural", "Sosialisasi", "Bimbingan Teknis", "Seminar", "Magang", "Kursus", "Penataran",
		"Pelatihan Klasikal Lainnya", "Coaching", "Mentoring", "E-learning", "Pelatihan Jarak Jauh", "Detasering",
		"Pembelajaran Alam Terbuka", "Patok Banding", "Pertukaran PNS dengan Pegawai Swasta/BUMN/BUMD", "Belajar Mandiri",
		"Komunitas Belajar", "Bimbingan di Tempat Kerja", "Pelatihan Nonklasikal Lainnya"} {
		siasn[l] = true
	}
	for _, m := range Methods() {
		if m.SIASNRecord == domain.SIASNPendidikan {
			continue
		}
		if !siasn[m.JenisDiklat] {
			t.Errorf("%s: jenis diklat %q is not a SIASN label", m.Code, m.JenisDiklat)
		}
		wantRecord := domain.SIASNKursus
		if m.Code == "pelatihan_kepemimpinan" {
			wantRecord = domain.SIASNDiklat
		}
		if m.SIASNRecord != wantRecord {
			t.Errorf("%s: exported to riwayat %s, want %s", m.Code, m.SIASNRecord, wantRecord)
		}
	}
}

// [S] values are plain; every [U] value says so in its note.
func TestUnverifiedRulesAreMarked(t *testing.T) {
	verified := map[string]bool{"pelatihan_kepemimpinan": true, "pelatihan_manajerial": true, "pelatihan_teknis": true,
		"pelatihan_fungsional": true, "pelatihan_sosial_kultural": true, "seminar": true, "workshop": true}
	for _, m := range Methods() {
		if verified[m.Code] == m.JP.Unverified {
			t.Errorf("%s: unverified = %v, DOMAIN.md §4 says the opposite", m.Code, m.JP.Unverified)
		}
		if m.JP.Unverified && !strings.Contains(m.JP.Note, "BELUM TERVERIFIKASI") {
			t.Errorf("%s: an unverified rule must say so in its note: %q", m.Code, m.JP.Note)
		}
		if m.JP.Note == "" {
			t.Errorf("%s: every rule explains itself", m.Code)
		}
	}
}

func TestMethodsReturnsFreshCopies(t *testing.T) {
	a := Methods()
	a[0].Name = "changed"
	a[0].Programmes[0] = "changed"
	m, _ := Method(a[0].Code)
	if m.Name == "changed" || m.Programmes[0] == "changed" {
		t.Error("a caller's change leaked into the catalogue")
	}
	r := DraftingRules()
	r[0].Methods[0] = "changed"
	if DraftingRules()[0].Methods[0] == "changed" {
		t.Error("a caller's change leaked into the drafting rules")
	}
	if _, ok := Method("telepati"); ok {
		t.Error("an unknown code must not be found")
	}
	if len(MethodsByCode()) != len(Methods()) {
		t.Error("codes must be unique")
	}
}

func TestMonthlyJPCaps(t *testing.T) {
	caps := MonthlyJPCaps()
	if caps["coaching"] != 4 || caps["mentoring"] != 4 || len(caps) != 2 {
		t.Errorf("caps %v: coaching and mentoring are limited to about 2 sessions (4 JP) a month", caps)
	}
}

func TestDraftingRulesCoverEveryTypeAndGapSize(t *testing.T) {
	rules := DraftingRules()
	methods := MethodsByCode()
	for _, typ := range []domain.CompetencyType{domain.Managerial, domain.SocioCultural, domain.Technical, ""} {
		for _, size := range []float64{0.01, 0.5, 1, 1.49, 1.5, 2, 2.49, 2.5, 3, 4} {
			proposed := domain.ProposeMethods(rules, typ, size)
			if len(proposed) == 0 {
				t.Errorf("%q gap %v: no method proposed", typ, size)
				continue
			}
			if _, ok := methods[proposed[0]]; !ok {
				t.Errorf("%q gap %v: %s is not in the catalogue", typ, size, proposed[0])
			}
		}
	}
}

func TestDraftingRulesProposeByTypeAndGapSize(t *testing.T) {
	tests := []struct {
		name  string
		typ   domain.CompetencyType
		gap   float64
		first string
	}{
		{"small managerial gap: coaching", domain.Managerial, 1, "coaching"},
		{"large managerial gap: managerial training", domain.Managerial, 2, "pelatihan_manajerial"},
		{"small socio-cultural gap: community of practice", domain.SocioCultural, 1, "komunitas_belajar"},
		{"large socio-cultural gap: socio-cultural training", domain.SocioCultural, 2, "pelatihan_sosial_kultural"},
		{"small technical gap: on-the-job guidance", domain.Technical, 1, "bimbingan_di_tempat_kerja"},
		{"medium technical gap: technical training", domain.Technical, 2, "pelatihan_teknis"},
		{"large technical gap: technical training, then internship", domain.Technical, 3, "pelatihan_teknis"},
		{"unknown type: e-learning", "", 2, "e_learning"},
	}
	for _, tt := range tests {
		got := domain.ProposeMethods(DraftingRules(), tt.typ, tt.gap)
		if len(got) == 0 || got[0] != tt.first {
			t.Errorf("%s: proposed %v", tt.name, got)
		}
	}
	if got := domain.ProposeMethods(DraftingRules(), domain.Technical, 3); len(got) < 2 || got[1] != "magang" {
		t.Errorf("large technical gap alternatives: %v", got)
	}
}

// One click from gaps to a valid plan, with the real catalogue and rules.
func TestDraftPlanWithTheCatalogue(t *testing.T) {
	gaps := []domain.GapLine{
		{Code: "M.3", Standard: 2, Actual: 1, Assessed: true, Gap: -1},
		{Code: "M.8", Standard: 3, Actual: 1, Assessed: true, Gap: -2},
		{Code: "SK.1", Standard: 2, Actual: 1, Assessed: true, Gap: -1},
		{Code: "T.01", Standard: 4, Actual: 1, Assessed: true, Gap: -3},
	}
	types := map[string]domain.CompetencyType{}
	for _, c := range BuiltIn() {
		types[c.Code] = c.Type
	}
	types["T.01"] = domain.Technical
	n := 0
	p := domain.DraftPlan("emp-1", 2025, gaps, types, DraftingRules(), MethodsByCode(), func() string { n++; return fmt.Sprint("L", n) })
	var got []string
	for _, l := range p.Lines {
		got = append(got, fmt.Sprintf("%s:%s:%v", l.CompetencyCode, l.MethodCode, l.PlannedJP))
	}
	want := []string{"T.01:pelatihan_teknis:0", "M.8:pelatihan_manajerial:0", "M.3:coaching:12", "SK.1:komunitas_belajar:10"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("lines %v, want %v", got, want)
	}
	if errs := domain.ValidatePlan(&p, MethodsByCode()); errs != nil {
		t.Errorf("drafted plan invalid: %v", errs)
	}
}

// domain.PlanID uses framework.Namespace without importing it.
func TestPlanIDUsesTheKembangNamespace(t *testing.T) {
	want := uuid.NewSHA1(Namespace, []byte("kembang/development_plan/emp-1/2025")).String()
	if got := domain.PlanID("emp-1", 2025); got != want {
		t.Errorf("PlanID %s, want %s", got, want)
	}
	if got, want := domain.TrainingRecordID("p-1"), uuid.NewSHA1(Namespace, []byte("kembang/training_record/p-1")).String(); got != want {
		t.Errorf("TrainingRecordID %s, want %s", got, want)
	}
}

// A typo in the editable files must fail, not silently drop a value.
func TestCatalogueFilesAreDecodedStrictly(t *testing.T) {
	typo := bytes.Replace(methodsJSON, []byte(`"maxPerDay"`), []byte(`"maxPerdai"`), 1)
	if err := decodeStrict(typo, &methodCatalogue{}); err == nil {
		t.Error("methods.json with a misspelt field was accepted")
	}
	typo = bytes.Replace(draftingJSON, []byte(`"minGap"`), []byte(`"min_gap"`), 1)
	if err := decodeStrict(typo, &draftingTable{}); err == nil {
		t.Error("drafting.json with a misspelt field was accepted")
	}
}
