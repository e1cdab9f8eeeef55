package importer

import (
	"reflect"
	"testing"

	"kembang/backend/domain"
)

func TestParseAssessments(t *testing.T) {
	const (
		budi = "198001012005011001"
		sri  = "198001022005012002"
	)
	known := func(nip string) bool { return nip == budi || nip == sri }
	header := strs("NIP", "Kode Kompetensi", "Level", "Periode", "Metode", "Catatan")
	tests := []struct {
		name   string
		rows   [][]any
		valid  int
		errors []Issue
		ready  []domain.ImportAssessment
	}{
		{
			name: "levels as numbers and text, printed NIP, methods by their Indonesian names",
			rows: [][]any{
				{"19800101 200501 1 001", "M.1", 3, "2026", "Asesor", "AC Juni"},
				{budi, "t.keu.01", "4", "", "", ""},
				{sri, "SK.1", 2, "2026", "uji kompetensi", ""},
			},
			valid: 3,
			ready: []domain.ImportAssessment{
				{Row: 2, NIP: budi, Code: "M.1", Level: 3, Period: "2026", Method: domain.AssessmentByAssessor, Evidence: "AC Juni"},
				{Row: 3, NIP: budi, Code: "T.KEU.01", Level: 4, Method: domain.AssessmentByAssessor},
				{Row: 4, NIP: sri, Code: "SK.1", Level: 2, Period: "2026", Method: domain.AssessmentByTest},
			},
		},
		{
			name: "NIP stored as an Excel number loses digits",
			rows: [][]any{{198001012005011001, "M.1", 3}},
			errors: []Issue{
				{Row: 2, Column: "NIP", Code: domain.CodeNIPNumberCell, Value: "198001012005011001"},
			},
		},
		{
			name: "unknown NIP, unknown code, level out of range, self-assessment method",
			rows: [][]any{
				strs("198001032005011003", "M.1", "3"),
				strs(budi, "X.9", "3"),
				strs(budi, "M.2", "6"),
				strs(budi, "M.8", "2,5"),
				strs(sri, "M.1", "2", "", "diri sendiri"),
				strs(sri, "M.2", ""),
			},
			errors: []Issue{
				{Row: 2, Column: "NIP", Code: domain.CodeImportNIPUnknown, Value: "198001032005011003"},
				{Row: 3, Column: "Kode Kompetensi", Code: domain.CodeImportCompetencyUnknown, Value: "X.9"},
				{Row: 4, Column: "Level", Code: domain.CodeLevelInvalid, Value: "6"},
				{Row: 5, Column: "Level", Code: domain.CodeLevelInvalid, Value: "2,5"},
				{Row: 6, Column: "Metode", Code: domain.CodeImportAssessmentMethod, Value: "diri sendiri"},
				{Row: 7, Column: "Level", Code: domain.CodeRequired},
			},
		},
		{
			name: "the same NIP, code and period twice names the first row; another period is fine",
			rows: [][]any{
				strs(budi, "M.1", "3", "2026"),
				strs(budi, "M.1", "3", "2025"),
				strs(budi, "M.1", "4", "2026"),
			},
			valid: 2,
			errors: []Issue{
				{Row: 4, Column: "Kode Kompetensi", Code: domain.CodeImportAssessmentDuplicate, Value: "M.1",
					Details: map[string]any{"firstRow": 2, "nip": budi}},
			},
		},
		{
			name:   "invalid NIP",
			rows:   [][]any{strs("19800101", "M.1", "3")},
			errors: []Issue{{Row: 2, Column: "NIP", Code: domain.CodeNIPLength, Value: "19800101"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows := append([][]any{header}, tc.rows...)
			tab := mustRead(t, "hasil.xlsx", xlsxOf(t, SheetAssessments, rows))
			rep, err := ParseAssessments(tab, known, codes)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Valid != tc.valid || rep.Invalid != len(tc.rows)-tc.valid || rep.Rows != len(tc.rows) {
				t.Errorf("rows %d valid %d invalid %d, want %d valid of %d", rep.Rows, rep.Valid, rep.Invalid, tc.valid, len(tc.rows))
			}
			if tc.errors == nil {
				tc.errors = []Issue{}
			}
			if !reflect.DeepEqual(rep.Errors, tc.errors) {
				t.Errorf("errors =\n%+v\nwant\n%+v", rep.Errors, tc.errors)
			}
			if tc.ready != nil && !reflect.DeepEqual(rep.Ready, tc.ready) {
				t.Errorf("ready =\n%+v\nwant\n%+v", rep.Ready, tc.ready)
			}
		})
	}
}

func TestParseAssessmentsNeedsItsHeaders(t *testing.T) {
	tab := mustRead(t, "hasil.xlsx", xlsxOf(t, SheetAssessments, [][]any{strs("NIP", "Level")}))
	_, err := ParseAssessments(tab, func(string) bool { return true }, codes)
	if !domain.IsCode(err, domain.CodeImportHeaderMissing) {
		t.Errorf("error = %v, want %s", err, domain.CodeImportHeaderMissing)
	}
}

func TestAssessmentTemplateReadsBackEmpty(t *testing.T) {
	data, err := AssessmentTemplate()
	if err != nil {
		t.Fatal(err)
	}
	tab := mustRead(t, "template.xlsx", data)
	rep, err := ParseAssessments(tab, func(string) bool { return true }, codes)
	if err != nil || rep.Rows != 0 {
		t.Errorf("template parses to %+v, %v; want no rows", rep, err)
	}
}
