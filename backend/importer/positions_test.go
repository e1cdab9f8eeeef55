package importer

import (
	"reflect"
	"testing"

	"kembang/backend/domain"
)

var codes = map[string]bool{"M.1": true, "M.2": true, "M.8": true, "SK.1": true, "T.KEU.01": true, "T.2": true, "T.10": true}

func TestParsePositions(t *testing.T) {
	header := strs("Kode", "Nama Jabatan", "Jenis Jabatan", "Jenjang", "Unit Kerja", "m.1", "SK.1", "T.KEU.01", "X.9")
	tests := []struct {
		name   string
		rows   [][]any
		valid  int
		errors []Issue
		check  func(t *testing.T, rep *PositionReport)
	}{
		{
			name:  "human type names, levels as numbers and text, blank level not required",
			rows:  [][]any{{"JF-01", "Analis SDM Aparatur", "Fungsional", "Ahli Muda", "Bidang", 3, "3", nil}, strs("", "Kepala Bidang", "Administrator", "", "", "3", "3", "4")},
			valid: 2,
			check: func(t *testing.T, rep *PositionReport) {
				want := domain.Position{Code: "JF-01", Name: "Analis SDM Aparatur", Type: domain.Fungsional, Jenjang: domain.AhliMuda,
					Standards: domain.Standards{"M.1": 3, "SK.1": 3}}
				if !reflect.DeepEqual(rep.Ready[0].Position, want) || rep.Ready[0].UnitName != "Bidang" {
					t.Errorf("ready[0] = %+v", rep.Ready[0])
				}
				if rep.Ready[1].Position.Type != domain.Administrator || rep.Ready[1].Position.Standards["T.KEU.01"] != 4 {
					t.Errorf("ready[1] = %+v", rep.Ready[1])
				}
			},
		},
		{
			name:  "domain codes and eselon names are accepted",
			rows:  [][]any{strs("", "Sekretaris", "eselon III"), strs("", "Kepala Badan", "jpt_pratama"), strs("", "Pranata", "fungsional", "ahli_pertama")},
			valid: 3,
		},
		{
			name: "bad type, jenjang, level and duplicate code are reported",
			rows: [][]any{
				strs("A1", "Analis", "Direktur"),
				strs("B1", "Pengawas X", "Pengawas", "Ahli Muda"),
				strs("C1", "Pranata", "Fungsional"),
				strs("D1", "Kasubbag", "Pengawas", "", "", "6"),
				strs("a1", "Analis Lagi", "Pelaksana"),
			},
			errors: []Issue{
				{Row: 2, Column: "Jenis Jabatan", Code: domain.CodePositionType, Value: "Direktur"},
				{Row: 3, Column: "Jenjang", Code: domain.CodeJenjangInvalid, Value: "Ahli Muda"},
				{Row: 4, Column: "Jenjang", Code: domain.CodeRequired},
				{Row: 5, Column: "m.1", Code: domain.CodeLevelInvalid, Value: "6"},
				{Row: 6, Column: "Kode", Code: domain.CodePositionDuplicate, Value: "a1", Details: map[string]any{"firstRow": 2}},
			},
		},
		{
			name:   "same name in the same unit without a code is a duplicate",
			rows:   [][]any{strs("", "Analis", "Pelaksana", "", "Umum"), strs("", "analis", "Pelaksana", "", "umum"), strs("", "Analis", "Pelaksana", "", "Keuangan")},
			valid:  2,
			errors: []Issue{{Row: 3, Column: "Nama Jabatan", Code: domain.CodePositionDuplicate, Value: "analis", Details: map[string]any{"firstRow": 2}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab := mustRead(t, "jabatan.xlsx", xlsxOf(t, "Jabatan", append([][]any{header}, tt.rows...)))
			rep, err := ParsePositions(tab, codes)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Rows != len(tt.rows) || rep.Valid != tt.valid || rep.Invalid != len(tt.rows)-tt.valid {
				t.Errorf("rows/valid/invalid = %d/%d/%d", rep.Rows, rep.Valid, rep.Invalid)
			}
			if tt.errors == nil {
				tt.errors = []Issue{}
			}
			if !reflect.DeepEqual(rep.Errors, tt.errors) {
				t.Errorf("errors = %+v\nwant %+v", rep.Errors, tt.errors)
			}
			if len(rep.Warnings) != 1 || rep.Warnings[0].Code != domain.CodeImportColumnIgnored || rep.Warnings[0].Column != "X.9" {
				t.Errorf("warnings = %+v, want X.9 ignored", rep.Warnings)
			}
			if tt.check != nil {
				tt.check(t, rep)
			}
		})
	}
}

func TestParsePositionsMissingHeader(t *testing.T) {
	tab := mustRead(t, "j.csv", []byte("Kode;Nama Jabatan;M.1\n"))
	if _, err := ParsePositions(tab, codes); !domain.IsCode(err, domain.CodeImportHeaderMissing) {
		t.Fatalf("err = %v", err)
	}
}

func TestPositionExportRoundTrip(t *testing.T) {
	unit := "u1"
	rows := []PositionExport{
		{UnitName: "Bidang Pengembangan", Position: domain.Position{Code: "JF.01", Name: "Analis SDM Aparatur Ahli Muda", Type: domain.Fungsional,
			Jenjang: domain.AhliMuda, UnitID: &unit, Standards: domain.Standards{"M.1": 3, "M.8": 2, "SK.1": 3, "T.10": 4, "T.2": 2}}},
		{Position: domain.Position{Code: "", Name: "Kepala Badan", Type: domain.JPTPratama, Standards: domain.Standards{"M.1": 4, "M.2": 4}}},
		{Position: domain.Position{Code: "P-9", Name: "Pengadministrasi Umum", Type: domain.Pelaksana, Standards: domain.Standards{}}},
	}
	data, err := ExportPositions(rows)
	if err != nil {
		t.Fatal(err)
	}
	tab := mustRead(t, "jabatan.xlsx", data)
	wantHeaders := []string{"Kode", "Nama Jabatan", "Jenis Jabatan", "Jenjang", "Unit Kerja", "M.1", "M.2", "M.8", "SK.1", "T.2", "T.10"}
	if !reflect.DeepEqual(tab.Headers, wantHeaders) {
		t.Errorf("headers = %v", tab.Headers)
	}
	rep, err := ParsePositions(tab, codes)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Errors) != 0 || len(rep.Warnings) != 0 || rep.Valid != 3 {
		t.Fatalf("report = %+v", rep)
	}
	for i, r := range rows {
		want := r.Position
		want.UnitID = nil // units travel by name
		if got := rep.Ready[i]; !reflect.DeepEqual(got.Position, want) || got.UnitName != r.UnitName {
			t.Errorf("row %d = %+v\nwant %+v", i, got, want)
		}
	}
}

func TestPositionTemplateHasACodeColumnEach(t *testing.T) {
	data, err := PositionTemplate([]string{"T.2", "M.1", "SK.1"})
	if err != nil {
		t.Fatal(err)
	}
	tab := mustRead(t, "t.xlsx", data)
	if want := []string{"Kode", "Nama Jabatan", "Jenis Jabatan", "Jenjang", "Unit Kerja", "M.1", "SK.1", "T.2"}; !reflect.DeepEqual(tab.Headers, want) {
		t.Errorf("headers = %v", tab.Headers)
	}
}
