package importer

import (
	"reflect"
	"strings"
	"testing"

	"kembang/backend/domain"
)

func TestReadTableErrors(t *testing.T) {
	tests := []struct {
		name, file string
		data       []byte
		code       string
	}{
		{"pdf is an unknown format", "pegawai.pdf", []byte("%PDF"), domain.CodeImportUnknownFormat},
		{"old xls is an unknown format", "pegawai.xls", []byte{0xD0, 0xCF}, domain.CodeImportUnknownFormat},
		{"xlsx that is not a zip is unreadable", "pegawai.xlsx", []byte("not a zip"), domain.CodeImportFileUnreadable},
		{"empty csv", "pegawai.csv", nil, domain.CodeImportFileEmpty},
		{"csv of blank lines and separators", "pegawai.csv", []byte("\xef\xbb\xbf\n;;\n  \n"), domain.CodeImportFileEmpty},
		{"xlsx with no cells", "pegawai.xlsx", xlsxOf(t, "Pegawai", nil), domain.CodeImportFileEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadTable(tt.file, tt.data)
			if !domain.IsCode(err, tt.code) {
				t.Fatalf("err = %v, want %s", err, tt.code)
			}
		})
	}
}

func TestReadTable(t *testing.T) {
	tests := []struct {
		name, file string
		data       []byte
		headers    []string
		rows       []Row
		sheet      string
	}{
		{
			name: "semicolon csv with BOM", file: "a.csv",
			data:    []byte("\xef\xbb\xbfNIP;Nama\r\n199001012015031001;Ahmad, S.T.\r\n"),
			headers: []string{"NIP", "Nama"},
			rows:    []Row{{Num: 2, Cells: []string{"199001012015031001", "Ahmad, S.T."}}},
		},
		{
			name: "comma csv with quoted delimiter, blank line and a multi-line cell keeps row numbers", file: "a.CSV",
			data:    []byte("Kode,Indikator 1\n\nT.1,\"satu\ndua\"\nT.2,\"a, b\"\n"),
			headers: []string{"Kode", "Indikator 1"},
			rows: []Row{
				{Num: 3, Cells: []string{"T.1", "satu\ndua"}},
				{Num: 4, Cells: []string{"T.2", "a, b"}},
			},
		},
		{
			name: "Windows-1252 csv is decoded", file: "a.csv",
			data:    []byte("Nama;Unit\nJos\xe9;Bagian \x93Umum\x94\n"),
			headers: []string{"Nama", "Unit"},
			rows:    []Row{{Num: 2, Cells: []string{"José", "Bagian “Umum”"}}},
		},
		{
			name: "xlsx blank rows are dropped but row numbers kept, numbers flagged", file: "a.xlsx",
			data: xlsxOf(t, "Data", [][]any{
				strs(" NIP ", "Nama"),
				nil,
				{int64(199001012015031001), "Ahmad"},
				nil, nil,
				{"199001012015031002", nil, 3.5},
			}),
			headers: []string{"NIP", "Nama"},
			sheet:   "Data",
			rows: []Row{
				{Num: 3, Cells: []string{"199001012015031001", "Ahmad"}, Numeric: []bool{true, false}},
				{Num: 6, Cells: []string{"199001012015031002", "", "3.5"}, Numeric: []bool{false, false, true}},
			},
		},
		{
			name: "xlsx instructions sheet first: the data sheet is chosen", file: "a.xlsx",
			data:    xlsxOf(t, "Pegawai", [][]any{strs("NIP"), strs("1")}, "Petunjuk"),
			headers: []string{"NIP"},
			sheet:   "Pegawai",
			rows:    []Row{{Num: 2, Cells: []string{"1"}, Numeric: []bool{false}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab := mustRead(t, tt.file, tt.data)
			if !reflect.DeepEqual(tab.Headers, tt.headers) {
				t.Errorf("headers = %q, want %q", tab.Headers, tt.headers)
			}
			if !reflect.DeepEqual(tab.Rows, tt.rows) {
				t.Errorf("rows = %+v\nwant %+v", tab.Rows, tt.rows)
			}
			if tab.Sheet != tt.sheet {
				t.Errorf("sheet = %q, want %q", tab.Sheet, tt.sheet)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		name, in string
		numeric  bool
		want     string
	}{
		{"ISO", "1990-01-31", false, "1990-01-31"},
		{"ISO with time", "1990-01-31T00:00:00Z", false, "1990-01-31"},
		{"day first with dashes", "31-01-1990", false, "1990-01-31"},
		{"day first with slashes", "31/01/1990", false, "1990-01-31"},
		{"single digits", "1/2/1990", false, "1990-02-01"},
		{"Indonesian month name", "1 Januari 1990", false, "1990-01-01"},
		{"Indonesian abbreviation", "17-Agu-1945", false, "1945-08-17"},
		{"old spelling Pebruari", "2 Pebruari 1980", false, "1980-02-02"},
		{"English month", "5 Dec 1970", false, "1970-12-05"},
		{"Excel serial", "32874", true, "1990-01-01"},
		{"Excel serial with time", "32874.75", true, "1990-01-01"},
		{"February 30", "30-02-1990", false, ""},
		{"month-first US date is not read as day-first", "12/31/1990", false, ""},
		{"two-digit year is refused", "01-01-90", false, ""},
		{"words", "kemarin", false, ""},
		{"serial text in a text cell is not a date", "32874", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseDate(tt.in, tt.numeric, false)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("parseDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
			}
		})
	}
	if got, _ := parseDate("31412", true, true); got != "1990-01-01" {
		t.Errorf("1904 serial = %q", got)
	}
}

func TestSortCompetencyCodes(t *testing.T) {
	codes := []string{"T.10", "SK.1", "M.8", "T.2", "M.1", "KEU.01", "M.2"}
	SortCompetencyCodes(codes)
	want := "M.1 M.2 M.8 SK.1 KEU.01 T.2 T.10"
	if got := strings.Join(codes, " "); got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
