package desktop_test

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"kembang/backend/core"
	"kembang/backend/domain"
)

// jsonKeys returns the top-level JSON keys of v.
func jsonKeys(t *testing.T, v any) map[string]bool {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for k := range m {
		out[k] = true
	}
	return out
}

func wantKeys(t *testing.T, what string, v any, keys string) {
	t.Helper()
	got := jsonKeys(t, v)
	for _, k := range strings.Fields(keys) {
		if !got[k] {
			t.Errorf("%s lacks JSON field %q (has %v)", what, k, got)
		}
	}
}

func TestAssessmentAndAnalysisServicesFollowTheAPIContract(t *testing.T) {
	s := openServices(t)
	c, err := s.backend.Core()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := c.LoadDemo(ctx, 30, 1); err != nil {
		t.Fatal(err)
	}
	periods, err := s.assess.Periods()
	if err != nil || len(periods) == 0 {
		t.Fatalf("Periods = %v, %v", periods, err)
	}
	units, err := s.org.ListUnits()
	if err != nil {
		t.Fatal(err)
	}
	var grid core.Grid
	for _, u := range units {
		if grid, err = s.assess.Grid(u.ID, "2031", "supervisor"); err != nil {
			t.Fatal(err)
		}
		if len(grid.Rows) > 0 && len(grid.Columns) > 0 {
			break
		}
	}
	if len(grid.Rows) == 0 {
		t.Fatal("no unit with employees in the demo")
	}
	wantKeys(t, "Grid", grid, "unitId period method columns rows")
	wantKeys(t, "GridRow", grid.Rows[0], "employeeId nip name positionName assessmentId version state levels standards")

	row, col := grid.Rows[0], grid.Columns[0].Code
	cell, err := s.assess.GridSet(row.EmployeeID, "2031", "supervisor", col, 2)
	if err != nil {
		t.Fatal(err)
	}
	wantKeys(t, "GridCell", cell, "assessmentId version state level")

	form, err := s.assess.Form(row.EmployeeID, "2031", "supervisor")
	if err != nil {
		t.Fatal(err)
	}
	wantKeys(t, "AssessmentForm", form, "assessment employee competencies")
	wantKeys(t, "AssessmentDTO", form.Assessment, "id version employeeId period method frameworkVersion state assessorName assessorNip assessedOn supersedesId supersededById items performanceRating note updatedAt")
	wantKeys(t, "FormCompetency", form.Competencies[0], "code name type definition standard levels")
	if form.Assessment.ID != cell.AssessmentID || form.Employee.NIP != row.NIP {
		t.Errorf("form = %s for %s, want the grid's draft %s", form.Assessment.ID, form.Employee.NIP, cell.AssessmentID)
	}

	a, err := s.assess.SetLevel(cell.AssessmentID, col, 3, "catatan")
	if err != nil || a.Items[0].Evidence != "catatan" {
		t.Fatalf("SetLevel = %+v, %v", a, err)
	}
	if _, err := s.assess.Transition(a.ID, "finalized"); !domain.IsCode(err, domain.CodeAssessmentInvalidTransition) {
		t.Errorf("finalizing a supervisor draft directly: %v", err)
	}
	if n, err := s.assess.SubmitGrid(grid.UnitID, "2031", "supervisor"); err != nil || n != 1 {
		t.Errorf("SubmitGrid = %d, %v", n, err)
	}
	fin, err := s.assess.Transition(a.ID, "finalized")
	if err != nil {
		t.Fatal(err)
	}
	fin.Note = "x"
	if _, err := s.assess.Save(fin); !domain.IsCode(err, domain.CodeAssessmentFinalized) {
		t.Errorf("saving a finalized assessment: %v", err)
	}
	corr, err := s.assess.Supersede(fin.ID)
	if err != nil || corr.SupersedesID == nil || *corr.SupersedesID != fin.ID {
		t.Fatalf("Supersede = %+v, %v", corr, err)
	}
	hist, err := s.assess.ListForEmployee(row.EmployeeID)
	if err != nil {
		t.Fatal(err)
	}
	linked := false
	for _, h := range hist {
		linked = linked || (h.ID == fin.ID && h.SupersededByID != nil && *h.SupersededByID == corr.ID)
	}
	if !linked {
		t.Errorf("history does not link the finalized assessment to its correction: %+v", hist)
	}

	set, err := s.analysis.Settings()
	if err != nil {
		t.Fatal(err)
	}
	wantKeys(t, "AnalysisSettings", set, "resultRule capPerCompetency thresholdSet mapping selection nineBox")
	ea, err := s.analysis.Employee(row.EmployeeID, core.DemoPeriod)
	if err != nil {
		t.Fatal(err)
	}
	wantKeys(t, "EmployeeAnalysis", ea, "employee period lines sumStandard sumActual jpm category complete assessed required performance nineBox")
	if ea.Employee.ID != row.EmployeeID || ea.Employee.FullName == "" {
		t.Errorf("analysis employee = %+v", ea.Employee)
	}
	rc, err := s.analysis.Recap("", core.DemoPeriod)
	if err != nil {
		t.Fatal(err)
	}
	wantKeys(t, "Recap", rc, "period unitId count byCategory uncategorised incomplete averageJpm averageGap largestGaps people heatmap nineBox")
	if rc.Count != 30 || rc.Count == rc.Uncategorised {
		t.Errorf("demo recap: %d people, %d uncategorised; want assessed demo people", rc.Count, rc.Uncategorised)
	}
	path, err := s.analysis.ExportRecap("", core.DemoPeriod)
	if err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(path); err != nil || st.Size() == 0 {
		t.Errorf("export %s: %v", path, err)
	}
}
