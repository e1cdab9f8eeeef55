package importer

import (
	"reflect"
	"strings"
	"testing"

	"kembang/backend/domain"
)

func compRow(code, name string) []any {
	return strs(code, name, "Definisi "+name, "L1", "L2", "L3", "L4", "L5", "a\nb", "", "c", "", "")
}

func TestParseCompetencies(t *testing.T) {
	tests := []struct {
		name   string
		rows   [][]any
		valid  int
		errors []Issue
	}{
		{name: "valid rows", rows: [][]any{compRow("T.KEU.01", "Pengelolaan Keuangan"), compRow("T.2", "Arsip")}, valid: 2},
		{
			name: "built-in, malformed, duplicate codes and missing level descriptions",
			rows: [][]any{
				compRow("M.1", "Integritas"),
				compRow("T 1", "Spasi"),
				compRow("T.3", "Tiga"),
				compRow("t.3", "Tiga lagi"),
				with(compRow("T.4", ""), 5, ""),
			},
			valid: 1,
			errors: []Issue{
				{Row: 2, Column: "Kode", Code: domain.CodeCompetencyBuiltin, Value: "M.1"},
				{Row: 3, Column: "Kode", Code: domain.CodeCompetencyCode, Value: "T 1"},
				{Row: 5, Column: "Kode", Code: domain.CodeCompetencyDuplicate, Value: "t.3", Details: map[string]any{"firstRow": 4}},
				{Row: 6, Column: "Nama", Code: domain.CodeRequired},
				{Row: 6, Column: "Level 3", Code: domain.CodeRequired},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab := mustRead(t, "k.xlsx", xlsxOf(t, SheetCompetencies, append([][]any{strs(CompetencyHeaders...)}, tt.rows...)))
			rep, err := ParseCompetencies(tab)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Valid != tt.valid || rep.Invalid != len(tt.rows)-tt.valid {
				t.Errorf("valid/invalid = %d/%d", rep.Valid, rep.Invalid)
			}
			if tt.errors == nil {
				tt.errors = []Issue{}
			}
			if !reflect.DeepEqual(rep.Errors, tt.errors) {
				t.Errorf("errors = %+v\nwant %+v", rep.Errors, tt.errors)
			}
		})
	}
}

func TestCompetencyExportRoundTrip(t *testing.T) {
	levels := make(domain.Levels, 5)
	for i := range levels {
		levels[i] = domain.CompetencyLevel{Level: i + 1, Name: domain.LevelNames[i+1], Description: "Deskripsi level " + domain.LevelNames[i+1],
			Indicators: []string{"Indikator pertama", "Indikator kedua; dengan \"kutip\""}}
	}
	levels[4].Indicators = []string{}
	cs := []domain.Competency{
		{Code: "M.1", Type: domain.Managerial, Name: "Integritas", BuiltIn: true, Levels: levels},
		{Code: "T.KEU.01", Type: domain.Technical, Name: "Pengelolaan Keuangan Daerah", Definition: "Kemampuan mengelola\nkeuangan.", Levels: levels},
	}
	data, err := ExportCompetencies(cs)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := ParseCompetencies(mustRead(t, "k.xlsx", data))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Errors) != 0 || len(rep.Ready) != 1 {
		t.Fatalf("report = %+v (the built-in M.1 must not be exported)", rep)
	}
	if got := rep.Ready[0].Competency; !reflect.DeepEqual(got, cs[1]) {
		t.Errorf("got %+v\nwant %+v", got, cs[1])
	}
}

func TestCompetencyTemplate(t *testing.T) {
	data, err := CompetencyTemplate()
	if err != nil {
		t.Fatal(err)
	}
	tab := mustRead(t, "k.xlsx", data)
	if tab.Sheet != SheetCompetencies || strings.Join(tab.Headers, "|") != strings.Join(CompetencyHeaders, "|") {
		t.Fatalf("table = %+v", tab)
	}
	if rep, err := ParseCompetencies(tab); err != nil || rep.Rows != 0 {
		t.Fatalf("%+v %v", rep, err)
	}
}
