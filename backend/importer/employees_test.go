package importer

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"

	"kembang/backend/domain"
)

var empHeader = strs("NIP", "Nama", "Golongan", "Jabatan", "Unit Kerja", "Jenis Kelamin", "Tanggal Lahir", "Email", "Telepon")

// okRow is a valid row; NIP 199001012015031001 is a man born 1 January 1990.
func okRow(nip string) []any {
	return strs(nip, "Ahmad Yani", "III/c", "Analis SDM", "Sekretariat", "L", "1990-01-01", "ahmad@bkpsdm.go.id", "081234567890")
}

func with(row []any, col int, v any) []any {
	out := append([]any(nil), row...)
	out[col] = v
	return out
}

func TestParseEmployees(t *testing.T) {
	known := Known{Units: map[string]bool{"sekretariat": true}, Positions: map[string]bool{"analis sdm": true}}
	tests := []struct {
		name      string
		rows      [][]any // after the header row
		header    []any   // empHeader when nil
		rowsN     int
		valid     int
		errors    []Issue
		warnCodes []string
		check     func(t *testing.T, rep *EmployeeReport)
	}{
		{
			name: "valid row is ready with domain values",
			rows: [][]any{okRow("19900101 201503 1 001")}, rowsN: 1, valid: 1,
			check: func(t *testing.T, rep *EmployeeReport) {
				want := domain.ImportEmployee{Row: 2, UnitName: "Sekretariat", PositionName: "Analis SDM", Employee: domain.Employee{
					NIP: "199001012015031001", Name: "Ahmad Yani", Golongan: "III/c", Gender: domain.Male,
					BirthDate: "1990-01-01", Email: "ahmad@bkpsdm.go.id", Phone: "081234567890"}}
				if !reflect.DeepEqual(rep.Ready[0], want) {
					t.Errorf("ready = %+v\nwant %+v", rep.Ready[0], want)
				}
			},
		},
		{
			name:  "NIP stored as Excel number loses digits",
			rows:  [][]any{with(okRow(""), 0, 1.99001012015031e17), with(okRow(""), 0, int64(199001012015031002))},
			rowsN: 2,
			errors: []Issue{
				{Row: 2, Column: "NIP", Code: domain.CodeNIPNumberCell, Value: "199001012015031000"},
				{Row: 3, Column: "NIP", Code: domain.CodeNIPNumberCell, Value: "199001012015031002"},
			},
		},
		{
			name:   "NIP in scientific notation from a csv saved by Excel",
			rows:   [][]any{okRow("1,99001E+17")},
			rowsN:  1,
			errors: []Issue{{Row: 2, Column: "NIP", Code: domain.CodeNIPNumberCell, Value: "1,99001E+17"}},
		},
		{
			name:  "later duplicate NIP names the first row",
			rows:  [][]any{okRow("199001012015031001"), okRow("199001012015031002"), okRow("19900101 201503 1 001")},
			rowsN: 3, valid: 2,
			errors: []Issue{{Row: 4, Column: "NIP", Code: domain.CodeNIPDuplicate, Value: "19900101 201503 1 001", Details: map[string]any{"firstRow": 2}}},
		},
		{
			name:  "blank rows are ignored and row numbers preserved",
			rows:  [][]any{nil, okRow("199001012015031001"), nil, strs("   ", ""), okRow("1990010120150310")},
			rowsN: 2, valid: 1,
			errors: []Issue{{Row: 6, Column: "NIP", Code: domain.CodeNIPLength, Value: "1990010120150310"}},
		},
		{
			name:   "headers in any order and case with extra spaces",
			header: strs("  unit   kerja ", "golongan", "NAMA", "Jabatan", " nip ", "Jenis Kelamin (L/P)"),
			rows:   [][]any{strs("Sekretariat", "3c", "Ahmad Yani", "Analis SDM", "199001012015031001", "l")},
			rowsN:  1, valid: 1,
			check: func(t *testing.T, rep *EmployeeReport) {
				e := rep.Ready[0].Employee
				if e.Golongan != "III/c" || e.NIP != "199001012015031001" || e.Gender != domain.Male || e.BirthDate != "1990-01-01" {
					t.Errorf("employee = %+v", e)
				}
			},
		},
		{
			name: "gender contradicting the NIP",
			rows: [][]any{with(okRow("199001012015031001"), 5, "P")}, rowsN: 1,
			errors: []Issue{{Row: 2, Column: "Jenis Kelamin", Code: domain.CodeGenderMismatch, Value: "P", Details: map[string]any{"nip": "199001012015031001"}}},
		},
		{
			name: "birth date contradicting the NIP, written day first",
			rows: [][]any{with(okRow("199001012015031001"), 6, "02/01/1990")}, rowsN: 1,
			errors: []Issue{{Row: 2, Column: "Tanggal Lahir", Code: domain.CodeBirthMismatch, Value: "1990-01-02",
				Details: map[string]any{"nip": "199001012015031001", "nipBirthDate": "1990-01-01"}}},
		},
		{
			name: "birth date as an Excel date cell matching the NIP",
			rows: [][]any{with(okRow("199001012015031001"), 6, 32874)}, rowsN: 1, valid: 1,
		},
		{
			name: "birth date that is not a date",
			rows: [][]any{with(okRow("199001012015031001"), 6, "1 Janu 1990")}, rowsN: 1,
			errors: []Issue{{Row: 2, Column: "Tanggal Lahir", Code: domain.CodeBirthInvalid, Value: "1 Janu 1990"}},
		},
		{
			name: "titles inside Nama are moved to the gelar fields",
			rows: [][]any{with(okRow("199001012015031001"), 1, "Dr. Ir. H. Ahmad Yani, S.T., M.T.")}, rowsN: 1, valid: 1,
			warnCodes: []string{domain.CodeImportGelarMoved},
			check: func(t *testing.T, rep *EmployeeReport) {
				e := rep.Ready[0].Employee
				if e.GelarDepan != "Dr. Ir. H." || e.Name != "Ahmad Yani" || e.GelarBelakang != "S.T., M.T." {
					t.Errorf("employee = %q %q %q", e.GelarDepan, e.Name, e.GelarBelakang)
				}
			},
		},
		{
			name:   "titles moved next to a filled Gelar Belakang column",
			header: append(append([]any(nil), empHeader...), "Gelar Belakang"),
			rows:   [][]any{append(with(okRow("199001012015031001"), 1, "Siti Aminah, M.Si."), "S.E.")}, rowsN: 1, valid: 1,
			warnCodes: []string{domain.CodeImportGelarMoved},
			check: func(t *testing.T, rep *EmployeeReport) {
				if got := rep.Ready[0].Employee.GelarBelakang; got != "S.E., M.Si." {
					t.Errorf("gelar belakang = %q", got)
				}
			},
		},
		{
			name: "unknown units and positions are warned once each",
			rows: [][]any{
				with(okRow("199001012015031001"), 3, "Pranata Komputer"),
				with(with(okRow("199001012015031002"), 3, "pranata  komputer"), 4, "UPT Baru"),
			},
			rowsN: 2, valid: 2,
			warnCodes: []string{domain.CodeImportPositionCreated, domain.CodeImportUnitCreated},
			check: func(t *testing.T, rep *EmployeeReport) {
				if rep.Warnings[0].Row != 2 || rep.Warnings[0].Value != "Pranata Komputer" || rep.Warnings[1].Row != 3 {
					t.Errorf("warnings = %+v", rep.Warnings)
				}
			},
		},
		{
			name: "golongan variants",
			rows: [][]any{
				with(okRow("199001012015031001"), 2, "iii-c"), with(okRow("199001012015031002"), 2, "4 e"),
				with(okRow("199001012015031003"), 2, "III/f"),
			},
			rowsN: 3, valid: 2,
			errors: []Issue{{Row: 4, Column: "Golongan", Code: domain.CodeGolonganInvalid, Value: "III/f"}},
			check: func(t *testing.T, rep *EmployeeReport) {
				if rep.Ready[0].Employee.Golongan != "III/c" || rep.Ready[1].Employee.Golongan != "IV/e" {
					t.Errorf("golongan = %q %q", rep.Ready[0].Employee.Golongan, rep.Ready[1].Employee.Golongan)
				}
			},
		},
		{
			name:  "required cells, email and phone problems are all reported",
			rows:  [][]any{strs("199001012015031001", "", "", "", "", "", "", "ahmad@", "12")},
			rowsN: 1,
			errors: []Issue{
				{Row: 2, Column: "Nama", Code: domain.CodeRequired},
				{Row: 2, Column: "Email", Code: domain.CodeEmailInvalid, Value: "ahmad@"},
				{Row: 2, Column: "Telepon", Code: domain.CodePhoneInvalid, Value: "12"},
				{Row: 2, Column: "Golongan", Code: domain.CodeRequired},
				{Row: 2, Column: "Jabatan", Code: domain.CodeRequired},
				{Row: 2, Column: "Unit Kerja", Code: domain.CodeRequired},
			},
		},
		{
			name: "phone stored as a number lost its leading zero",
			rows: [][]any{with(okRow("199001012015031001"), 8, 81234567890)}, rowsN: 1,
			errors: []Issue{{Row: 2, Column: "Telepon", Code: domain.CodePhoneNumberCell, Value: "81234567890"}},
		},
		{
			name:   "extra columns are ignored with a warning",
			header: append(append([]any(nil), empHeader...), "No."),
			rows:   [][]any{append(okRow("199001012015031001"), "1")},
			rowsN:  1, valid: 1,
			warnCodes: []string{domain.CodeImportColumnIgnored},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			header := tt.header
			if header == nil {
				header = empHeader
			}
			tab := mustRead(t, "pegawai.xlsx", xlsxOf(t, "Pegawai", append([][]any{header}, tt.rows...)))
			rep, err := ParseEmployees(tab, known)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Rows != tt.rowsN || rep.Valid != tt.valid || rep.Invalid != tt.rowsN-tt.valid || len(rep.Ready) != tt.valid {
				t.Errorf("rows/valid/invalid/ready = %d/%d/%d/%d, want %d/%d/%d", rep.Rows, rep.Valid, rep.Invalid, len(rep.Ready), tt.rowsN, tt.valid, tt.rowsN-tt.valid)
			}
			if len(tt.errors) == 0 {
				tt.errors = []Issue{}
			}
			if !reflect.DeepEqual(rep.Errors, tt.errors) {
				t.Errorf("errors = %+v\nwant %+v", rep.Errors, tt.errors)
			}
			var codes []string
			for _, w := range rep.Warnings {
				codes = append(codes, w.Code)
			}
			if !reflect.DeepEqual(codes, tt.warnCodes) {
				t.Errorf("warnings = %+v, want codes %v", rep.Warnings, tt.warnCodes)
			}
			if tt.check != nil && len(rep.Ready) > 0 {
				tt.check(t, rep)
			}
		})
	}
}

func TestParseEmployeesFileErrors(t *testing.T) {
	tests := []struct {
		name    string
		header  []any
		code    string
		details map[string]any
	}{
		{"missing required headers are listed", strs("NIP", "Nama", "Jabatan"), domain.CodeImportHeaderMissing,
			map[string]any{"missing": []string{"Golongan", "Unit Kerja"}}},
		{"duplicate header", strs("NIP", "Nama", "Golongan", "Jabatan", "Unit Kerja", "nip"), domain.CodeImportHeaderDuplicate,
			map[string]any{"header": "nip"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab := mustRead(t, "p.xlsx", xlsxOf(t, "Pegawai", [][]any{tt.header}))
			_, err := ParseEmployees(tab, Known{})
			de, ok := err.(*domain.Error)
			if !ok || de.Code != tt.code || !reflect.DeepEqual(de.Details, tt.details) {
				t.Fatalf("err = %#v, want %s %v", err, tt.code, tt.details)
			}
		})
	}
}

func TestParseEmployeesSemicolonCSVWithBOM(t *testing.T) {
	csv := "\ufeffNIP;Nama;Golongan;Jabatan;Unit Kerja;Tanggal Lahir\r\n" +
		"19900101 201503 1 001;Drs. Budi Santoso;III/a;Analis;Sekretariat;1 Januari 1990\r\n" +
		"\r\n" +
		"199001012015032002;Siti;3b;Analis;Sekretariat;01-01-1990\r\n"
	rep, err := ParseEmployees(mustRead(t, "pegawai.csv", []byte(csv)), Known{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows != 2 || rep.Valid != 2 || len(rep.Errors) != 0 {
		t.Fatalf("report = %+v", rep)
	}
	if rep.Ready[1].Row != 4 || rep.Ready[0].Employee.GelarDepan != "Drs." || rep.Ready[1].Employee.Gender != domain.Female {
		t.Errorf("ready = %+v", rep.Ready)
	}
}

func TestEmployeeReportJSONContract(t *testing.T) {
	tab := mustRead(t, "p.csv", []byte("NIP,Nama,Golongan,Jabatan,Unit Kerja\n123,A,3c,J,U\n"))
	rep, err := ParseEmployees(tab, Known{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(rep)
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"rows": 1.0, "valid": 0.0, "invalid": 1.0, "warnings": []any{},
		"errors": []any{map[string]any{"row": 2.0, "column": "NIP", "code": "nip.length", "value": "123"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("json = %s", b)
	}
}

func TestEmployeeExportRoundTrip(t *testing.T) {
	rows := []EmployeeExport{
		{UnitName: "Sekretariat", PositionName: "Analis SDM Aparatur Ahli Muda", Employee: domain.Employee{
			NIP: "199001012015031001", Name: "Ahmad Yani", GelarDepan: "Dr. Ir. H.", GelarBelakang: "S.T., M.T.",
			Golongan: "III/c", Gender: domain.Male, BirthDate: "1990-01-01", Email: "ahmad@bkpsdm.go.id", Phone: "081234567890"}},
		{UnitName: "Bidang Mutasi", PositionName: "Pengadministrasi Umum", Employee: domain.Employee{
			NIP: "198512312010122003", Name: "Siti Nur'aini", Golongan: "II/a", Gender: domain.Female, BirthDate: "1985-12-31",
			Phone: "+62 812-3456-7890"}},
		{UnitName: "UPT", PositionName: "Pranata", Employee: domain.Employee{
			NIP: "197001012000031004", Name: "Made Wirawan", Golongan: "IV/e", Gender: domain.Male, BirthDate: "1970-01-01"}},
	}
	data, err := ExportEmployees(rows)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := ParseEmployees(mustRead(t, "export.xlsx", data), Known{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Errors) != 0 || rep.Valid != len(rows) {
		t.Fatalf("report = %+v", rep)
	}
	for i, r := range rows {
		got := rep.Ready[i]
		if !reflect.DeepEqual(got.Employee, r.Employee) || got.UnitName != r.UnitName || got.PositionName != r.PositionName || got.Row != i+2 {
			t.Errorf("row %d = %+v\nwant %+v", i, got, r)
		}
	}
}

func TestEmployeeTemplate(t *testing.T) {
	data, err := EmployeeTemplate()
	if err != nil {
		t.Fatal(err)
	}
	tab := mustRead(t, "template.xlsx", data)
	if tab.Sheet != SheetEmployees || !reflect.DeepEqual(tab.Headers, EmployeeHeaders) || len(tab.Rows) != 0 {
		t.Fatalf("table = %+v", tab)
	}
	if rep, err := ParseEmployees(tab, Known{}); err != nil || rep.Rows != 0 {
		t.Fatalf("empty template parses to %+v, %v", rep, err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{SheetEmployees, SheetInstructions}) {
		t.Errorf("sheets = %v", got)
	}
	for _, col := range []string{"A", "K"} { // NIP, Telepon
		id, err := f.GetColStyle(SheetEmployees, col)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil || st.NumFmt != 49 {
			t.Errorf("column %s style = %+v, %v; want text (49)", col, st, err)
		}
	}
	dvs, err := f.GetDataValidations(SheetEmployees)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, dv := range dvs {
		if dv.Sqref == "H2:H5001" && dv.Formula1 == `"L,P"` {
			found = true
		}
	}
	if !found {
		t.Errorf("no L/P list on Jenis Kelamin: %+v", dvs)
	}
	rows, err := f.GetRows(SheetInstructions)
	if err != nil || len(rows) < 5 {
		t.Errorf("instructions = %v, %v", rows, err)
	}
}
