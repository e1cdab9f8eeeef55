package core_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/xuri/excelize/v2"

	"kembang/backend/core"
	"kembang/backend/domain"
)

// assess stores an assessment of e with the given levels (code → level).
func assess(t *testing.T, c *core.Core, empID string, m domain.AssessmentMethod, st domain.AssessmentState, levels map[string]int, rating *float64) *domain.Assessment {
	t.Helper()
	a := &domain.Assessment{EmployeeID: empID, Period: "2026", Method: m, PerformanceRating: rating}
	for code, lv := range levels {
		a.Items = append(a.Items, domain.AssessmentItem{CompetencyCode: code, Level: lv})
	}
	if err := c.Store.SaveAssessment(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if st == domain.AssessmentFinalized && m != domain.AssessmentByAssessor && m != domain.AssessmentByTest {
		if _, err := c.Store.TransitionAssessment(ctx, a.ID, domain.AssessmentSubmitted); err != nil {
			t.Fatal(err)
		}
	}
	if st != domain.AssessmentDraft {
		b, err := c.Store.TransitionAssessment(ctx, a.ID, st)
		if err != nil {
			t.Fatal(err)
		}
		a = b
	}
	return a
}

func all(levels int) map[string]int {
	out := map[string]int{"SK.1": levels}
	for _, code := range []string{"M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8"} {
		out[code] = levels
	}
	return out
}

func TestEmployeeAnalysisFollowsTheResultRule(t *testing.T) {
	t.Parallel()
	c := openCore(t)
	ctx := context.Background()
	o := buildOffice(t, c, 1, 2)
	emp := o.employees[0].ID
	rating := 115.0
	// Assessor: 2 everywhere and T.1 = 3; supervisor 3 everywhere; self 1.
	ac := all(2)
	ac["T.1"] = 3
	assessor := assess(t, c, emp, domain.AssessmentByAssessor, domain.AssessmentFinalized, ac, &rating)
	sup := assess(t, c, emp, domain.AssessmentBySupervisor, domain.AssessmentFinalized, all(3), nil)
	assess(t, c, emp, domain.AssessmentBySelf, domain.AssessmentDraft, all(1), nil)

	got, err := c.Analyse(ctx, emp, "2026")
	if err != nil {
		t.Fatal(err)
	}
	// Standard: 9 × 2 + T.1 (3; the other technical ones were not assessed
	// and do not count) = 21; actual capped: 18 + 3 = 21 → 100 %.
	if got.Required != 10 || got.Assessed != 10 || got.SumStandard != 21 || got.JPM != 100 || got.Category != domain.CategoryOptimal {
		t.Errorf("analysis = required %d assessed %d std %v jpm %v %q", got.Required, got.Assessed, got.SumStandard, got.JPM, got.Category)
	}
	if got.Lines[0].Code != "M.1" || got.Lines[9].Code != "T.1" {
		t.Errorf("lines ordered %s … %s, want M.1 … T.1", got.Lines[0].Code, got.Lines[9].Code)
	}
	m1 := got.Lines[0]
	if m1.Actual != 2 || len(m1.Sources) != 2 || m1.Sources[0].AssessmentID != assessor.ID || m1.Sources[0].Share != 1 ||
		m1.Sources[1].AssessmentID != sup.ID || m1.Sources[1].Share != 0 {
		t.Errorf("M.1 = %+v, want the assessor's 2 used and the supervisor's shown unused", m1)
	}
	if got.Performance == nil || *got.Performance != 115 || got.NineBox == nil || got.NineBox.Box != 9 {
		t.Errorf("9-box = %+v (performance %v), want box 9", got.NineBox, got.Performance)
	}

	set, err := c.AnalysisSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	set.ResultRule.Mode = domain.ResultByWeight
	set.ResultRule.Weights = map[domain.AssessmentMethod]float64{domain.AssessmentByAssessor: 1, domain.AssessmentBySupervisor: 1}
	set.CapPerCompetency = false
	if _, err := c.SaveAnalysisSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	got, err = c.Analyse(ctx, emp, "2026")
	if err != nil {
		t.Fatal(err)
	}
	if got.Lines[0].Actual != 2.5 || got.Lines[0].Gap != 0.5 {
		t.Errorf("weighted M.1 = %+v, want 2.5 (average of 2 and 3)", got.Lines[0])
	}
}

func TestAnalysisSettingsAreValidated(t *testing.T) {
	t.Parallel()
	c := openCore(t)
	ctx := context.Background()
	cases := []struct {
		name  string
		edit  func(*core.AnalysisSettings)
		field string
	}{
		{"unknown threshold set", func(s *core.AnalysisSettings) { s.ThresholdSet = "promotion" }, "thresholdSet"},
		{"mid above high", func(s *core.AnalysisSettings) { s.Mapping.Mid = 95 }, "mapping.mid"},
		{"weighted without weights", func(s *core.AnalysisSettings) {
			s.ResultRule.Mode = domain.ResultByWeight
			s.ResultRule.Weights = map[domain.AssessmentMethod]float64{}
		}, "resultRule.weights"},
		{"9-box cut-offs crossed", func(s *core.AnalysisSettings) { s.NineBox.PotentialMid = 90 }, "nineBox.potentialMid"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := core.DefaultAnalysisSettings()
			tc.edit(&s)
			_, err := c.SaveAnalysisSettings(ctx, s)
			de, ok := err.(*domain.Error)
			if !ok || de.Code != domain.CodeInvalid {
				t.Fatalf("error = %v, want invalid", err)
			}
			fields := de.Details["fields"].([]domain.FieldError)
			found := false
			for _, f := range fields {
				found = found || f.Field == tc.field
			}
			if !found {
				t.Errorf("fields = %v, want %s", fields, tc.field)
			}
			got, err := c.AnalysisSettings(ctx)
			if err != nil || got.ThresholdSet != core.ThresholdsMapping || got.Mapping.Mid != 78 {
				t.Errorf("settings after a refused save = %+v, %v; want the defaults", got, err)
			}
		})
	}
}

func TestRecapAndExport(t *testing.T) {
	t.Parallel()
	c := openCore(t)
	ctx := context.Background()
	o := buildOffice(t, c, 2, 3)
	// Unit 1: three people. 100 %, 50 % (level 1 everywhere) and one never assessed.
	// Unit 2: one person at 2 everywhere but T.1 = 1 with an SKP of 95.
	byUnit := map[string][]string{}
	for _, e := range o.employees {
		byUnit[*e.UnitID] = append(byUnit[*e.UnitID], e.ID)
	}
	u1, u2 := byUnit[o.units[0].ID], byUnit[o.units[1].ID]
	assess(t, c, u1[0], domain.AssessmentByAssessor, domain.AssessmentFinalized, all(2), nil)
	assess(t, c, u1[1], domain.AssessmentByAssessor, domain.AssessmentFinalized, all(1), nil)
	lv := all(2)
	lv["T.1"] = 1
	perf := 95.0
	assess(t, c, u2[0], domain.AssessmentByAssessor, domain.AssessmentFinalized, lv, &perf)
	// A draft never counts.
	assess(t, c, u2[1], domain.AssessmentByAssessor, domain.AssessmentDraft, all(5), nil)

	rc, err := c.Recap(ctx, "", "2026")
	if err != nil {
		t.Fatal(err)
	}
	if rc.Count != 6 || rc.Uncategorised != 3 || rc.ByCategory[domain.CategoryOptimal] != 2 ||
		rc.ByCategory[domain.CategoryKurangOptimal] != 1 || rc.ByCategory[domain.CategoryCukupOptimal] != 0 {
		t.Errorf("recap counts = %d people, %d uncategorised, %v", rc.Count, rc.Uncategorised, rc.ByCategory)
	}
	// u1[0]: 18/18 → Optimal. u2[0]: standard 18 + 3 (T.1, the only
	// technical one assessed) = 21, actual 18 + 1 = 19 → 90.48 % Optimal.
	// u1[1]: 9/18 = 50 % → Kurang Optimal.
	var people = map[string]core.RecapPerson{}
	for _, p := range rc.People {
		people[p.EmployeeID] = p
	}
	if p := people[u1[1]]; p.JPM != 50 || p.Category != domain.CategoryKurangOptimal {
		t.Errorf("u1[1] = %+v, want 50 %% Kurang Optimal", p)
	}
	if p := people[u2[0]]; p.JPM != 90.48 || p.Box != 8 {
		t.Errorf("u2[0] = %+v, want 90.48 %% in box 8 (as expected, high potential)", p)
	}
	if rc.NineBox.Counts[8] != 1 {
		t.Errorf("9-box counts = %v", rc.NineBox.Counts)
	}
	if len(rc.LargestGaps) == 0 || rc.LargestGaps[0].Gap != -2 || rc.LargestGaps[0].Code != "T.1" {
		t.Errorf("largest gap = %+v, want T.1 at -2", rc.LargestGaps[0])
	}
	if len(rc.Heatmap.Units) != 2 || rc.Heatmap.Units[0].ID != o.units[0].ID || len(rc.Heatmap.Gaps[0]) != len(rc.Heatmap.Codes) {
		t.Fatalf("heatmap = %+v", rc.Heatmap)
	}
	// Unit 1 M.1: people at 2 and 1 → average gap −0.5; unit 1 never assessed T.1.
	for j, code := range rc.Heatmap.Codes {
		g := rc.Heatmap.Gaps[0][j]
		switch code.Code {
		case "M.1":
			if g == nil || *g != -0.5 {
				t.Errorf("unit 1 M.1 gap = %v, want -0.5", g)
			}
		case "T.1":
			if g != nil {
				t.Errorf("unit 1 T.1 gap = %v, want none", *g)
			}
		}
	}

	sub, err := c.Recap(ctx, o.units[1].ID, "2026")
	if err != nil {
		t.Fatal(err)
	}
	if sub.Count != 3 || sub.ByCategory[domain.CategoryOptimal] != 1 {
		t.Errorf("unit recap = %d people %v", sub.Count, sub.ByCategory)
	}

	data, err := c.ExportRecap(ctx, "", "2026")
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{"Ringkasan", "Pegawai", "Kesenjangan Terbesar", "Peta Panas"}
	if got := f.GetSheetList(); len(got) != 4 || got[0] != want[0] || got[3] != want[3] {
		t.Errorf("sheets = %v, want %v", got, want)
	}
	rows, err := f.GetRows("Pegawai")
	if err != nil || len(rows) != 7 {
		t.Errorf("Pegawai has %d rows, want header + 6", len(rows))
	}
}

func TestFormReadsThePinnedFrameworkVersion(t *testing.T) {
	t.Parallel()
	c := openCore(t)
	ctx := context.Background()
	o := buildOffice(t, c, 1, 1)
	emp := o.employees[0].ID
	a := assess(t, c, emp, domain.AssessmentByAssessor, domain.AssessmentFinalized, map[string]int{"T.1": 3}, nil)

	comp, err := c.Store.GetCompetencyByCode(ctx, "T.1")
	if err != nil {
		t.Fatal(err)
	}
	comp.Levels[2].Description = "diubah setelah penilaian"
	if err := c.Store.SaveCompetency(ctx, comp); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Store.PublishFramework(ctx, "revisi"); err != nil {
		t.Fatal(err)
	}
	f, err := c.Form(ctx, emp, "2026", domain.AssessmentByAssessor)
	if err != nil {
		t.Fatal(err)
	}
	if f.Assessment.ID != a.ID || f.Assessment.FrameworkVersion != a.FrameworkVersion {
		t.Fatalf("form opened %s v%d, want %s v%d", f.Assessment.ID, f.Assessment.FrameworkVersion, a.ID, a.FrameworkVersion)
	}
	if len(f.Competencies) != 15 || f.Competencies[0].Code != "M.1" || f.Competencies[8].Code != "SK.1" || f.Competencies[9].Code != "T.1" {
		t.Fatalf("form competencies out of order: %v", f.Competencies)
	}
	if d := f.Competencies[9].Levels[2].Description; d != "T.1 level 3" {
		t.Errorf("T.1 level 3 reads %q, want the pinned text", d)
	}
	fresh, err := c.Form(ctx, emp, "2026", domain.AssessmentBySelf)
	if err != nil {
		t.Fatal(err)
	}
	if fresh.Assessment.ID != "" || fresh.Competencies[9].Levels[2].Description != "diubah setelah penilaian" {
		t.Errorf("a new form = %q / %q, want a new draft on the newest version", fresh.Assessment.ID, fresh.Competencies[9].Levels[2].Description)
	}

	nopos := &domain.Employee{NIP: benchNIP(500), Name: "Tanpa Jabatan"}
	if err := c.Store.SaveEmployee(ctx, nopos); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Form(ctx, nopos.ID, "2026", domain.AssessmentBySelf); !domain.IsCode(err, domain.CodeAssessmentNoPosition) {
		t.Errorf("form without a position: %v, want %s", err, domain.CodeAssessmentNoPosition)
	}

	corr, err := c.Store.SupersedeAssessment(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	list, err := c.ListForEmployee(ctx, emp)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != corr.ID || list[1].SupersededByID == nil || *list[1].SupersededByID != corr.ID {
		t.Errorf("history = %+v, want the correction first and the original linked to it", list)
	}
}

func TestGridOfAUnit(t *testing.T) {
	t.Parallel()
	c := openCore(t)
	ctx := context.Background()
	o := buildOffice(t, c, 2, 3)
	unit := o.units[0].ID
	g, err := c.Grid(ctx, unit, "2026", domain.AssessmentBySupervisor)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Rows) != 3 || len(g.Columns) != 15 || g.Columns[0].Code != "M.1" || g.Columns[8].Code != "SK.1" || g.Rows[0].AssessmentID != nil {
		t.Fatalf("grid = %d rows, columns %v", len(g.Rows), g.Columns)
	}
	emp := g.Rows[1].EmployeeID
	if _, err := c.Store.GridSet(ctx, emp, "2026", domain.AssessmentBySupervisor, "M.3", 4); err != nil {
		t.Fatal(err)
	}
	g, err = c.Grid(ctx, unit, "2026", domain.AssessmentBySupervisor)
	if err != nil {
		t.Fatal(err)
	}
	if r := g.Rows[1]; r.AssessmentID == nil || r.Levels["M.3"] != 4 || r.State != domain.AssessmentDraft || r.Standards["T.1"] != 3 {
		t.Errorf("row after GridSet = %+v", r)
	}
	n, err := c.SubmitGrid(ctx, unit, "2026", domain.AssessmentBySupervisor)
	if err != nil || n != 1 {
		t.Errorf("SubmitGrid = %d, %v; want 1", n, err)
	}
	if _, err := c.Grid(ctx, unit, "2026", "boss"); !domain.IsCode(err, domain.CodeInvalid) {
		t.Errorf("grid of an unknown method: %v", err)
	}
}

func TestAssessmentImportPreviewChecksThePositionStandard(t *testing.T) {
	t.Parallel()
	c := openCore(t)
	ctx := context.Background()
	o := buildOffice(t, c, 1, 2)
	nip := o.employees[0].NIP
	data := sheet(t, "Hasil Penilaian", [][]any{
		{"NIP", "Kode Kompetensi", "Level", "Periode"},
		{nip, "M.1", "3", "2026"},
		{nip, "T.1", "2", ""},
		{nip, "M.1", "2", "2026"},
		{o.employees[1].NIP, "XYZ", "2", "2026"},
	})
	// A competency the dictionary knows but the position does not require.
	if err := c.Store.SaveCompetency(ctx, &domain.Competency{Code: "T.99", Type: domain.Technical, Name: "Lain", Levels: levelsOf("T.99")}); err != nil {
		t.Fatal(err)
	}
	data2 := sheet(t, "Hasil Penilaian", [][]any{{"NIP", "Kode Kompetensi", "Level"}, {nip, "T.99", "2"}, {nip, "M.2", "2"}})

	rep, err := c.Preview(ctx, core.KindAssessments, "hasil.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Valid != 2 || rep.Invalid != 2 || len(rep.Errors) != 2 || rep.Errors[0].Row != 4 || rep.Errors[1].Code != domain.CodeImportCompetencyUnknown {
		t.Errorf("preview = %+v", rep)
	}
	if _, err := c.Commit(ctx, rep, true, nil); err != nil {
		t.Fatal(err)
	}
	list, err := c.ListForEmployee(ctx, o.employees[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	periods := map[string]string{} // code → period
	for _, a := range list {
		if a.State != domain.AssessmentFinalized || a.Method != domain.AssessmentByAssessor {
			t.Errorf("imported %+v, want finalized assessor results", a)
		}
		for _, it := range a.Items {
			periods[it.CompetencyCode] = a.Period
		}
	}
	if periods["M.1"] != "2026" || periods["T.1"] != c.CurrentPeriod() {
		t.Errorf("periods = %v, want M.1 in 2026 and T.1 (blank Periode) in the current period", periods)
	}
	rep2, err := c.Preview(ctx, core.KindAssessments, "hasil.xlsx", data2)
	if err != nil {
		t.Fatal(err)
	}
	if rep2.Valid != 1 || len(rep2.Errors) != 1 || rep2.Errors[0].Code != domain.CodeImportCompetencyNotInSKJ || rep2.Errors[0].Row != 2 {
		t.Errorf("preview of a competency outside the SKJ = %+v", rep2.Errors)
	}
	tpl, err := c.Template(ctx, core.KindAssessments)
	if err != nil || len(tpl) == 0 {
		t.Errorf("template: %v", err)
	}
}
