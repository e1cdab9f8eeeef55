package importer

import (
	"strings"

	"kembang/backend/domain"
)

// Employee spreadsheet headers, in template order. Matching ignores case,
// extra spaces, a trailing "*" and a parenthesised hint.
var (
	employeeRequired = []string{"nip", "nama", "golongan", "jabatan", "unit kerja"}
	employeeOptional = []string{"gelar depan", "gelar belakang", "jenis kelamin", "tanggal lahir", "email", "telepon"}
	// EmployeeHeaders is the header row of the template and of exports.
	EmployeeHeaders = []string{"NIP", "Nama", "Gelar Depan", "Gelar Belakang", "Golongan", "Jabatan",
		"Unit Kerja", "Jenis Kelamin", "Tanggal Lahir", "Email", "Telepon"}
)

// EmployeeReport is the preview of an employee import. Rows counts non-blank
// data rows; a row with any error is counted in Invalid and left out of Ready.
type EmployeeReport struct {
	Rows     int                     `json:"rows"`
	Valid    int                     `json:"valid"`
	Invalid  int                     `json:"invalid"`
	Errors   []Issue                 `json:"errors"`
	Warnings []Issue                 `json:"warnings"`
	Ready    []domain.ImportEmployee `json:"ready,omitempty"`
}

// fieldColumn maps ValidateEmployee's JSON field names to header keys.
var fieldColumn = map[string]string{
	"nip": "nip", "name": "nama", "gelarDepan": "gelar depan", "gelarBelakang": "gelar belakang",
	"golongan": "golongan", "gender": "jenis kelamin", "birthDate": "tanggal lahir",
	"email": "email", "phone": "telepon",
}

// ParseEmployees validates every row of an employee table. The error return
// is for file-level problems only (import.header_missing with details
// {"missing": [...]}, import.header_duplicate); row problems are in the
// report. It writes nothing.
func ParseEmployees(t *Table, known Known) (*EmployeeReport, error) {
	const op = "import.employees"
	cols, unknown, err := matchHeaders(op, t.Headers, employeeRequired, employeeOptional)
	if err != nil {
		return nil, err
	}
	rep := &EmployeeReport{Errors: []Issue{}, Warnings: []Issue{}}
	for i := range t.Headers {
		if h, ok := unknown[i]; ok {
			rep.Warnings = append(rep.Warnings, Issue{Row: t.HeaderRow, Column: h, Code: domain.CodeImportColumnIgnored, Value: h})
		}
	}
	var (
		cNIP, cNama, cGol            = cols.col("nip"), cols.col("nama"), cols.col("golongan")
		cJab, cUnit                  = cols.col("jabatan"), cols.col("unit kerja")
		cDepan, cBelakang            = cols.col("gelar depan"), cols.col("gelar belakang")
		cGender, cBirth, cMail, cTel = cols.col("jenis kelamin"), cols.col("tanggal lahir"), cols.col("email"), cols.col("telepon")
		firstRow                     = make(map[string]int, len(t.Rows))
		warnedUnit                   = map[string]bool{}
		warnedPos                    = map[string]bool{}
	)
	rep.Ready = make([]domain.ImportEmployee, 0, len(t.Rows))

	for _, r := range t.Rows {
		cell := func(i int) string { return strings.TrimSpace(r.Cell(i)) }
		nipRaw, nama := cell(cNIP), cell(cNama)
		jabatan, unit := cleanText(cell(cJab)), cleanText(cell(cUnit))
		e := domain.Employee{
			NIP: nipRaw, Golongan: cell(cGol), GelarDepan: cell(cDepan), GelarBelakang: cell(cBelakang),
			Gender: domain.Gender(cell(cGender)), Email: cell(cMail), Phone: cell(cTel),
		}
		if nipRaw == "" && nama == "" && e.Golongan == "" && jabatan == "" && unit == "" &&
			e.GelarDepan == "" && e.GelarBelakang == "" && e.Gender == "" && cell(cBirth) == "" && e.Email == "" && e.Phone == "" {
			continue // blank in the columns we read
		}
		rep.Rows++
		nErr := len(rep.Errors)
		addErr := func(key, code, value string, details map[string]any) {
			rep.Errors = append(rep.Errors, Issue{Row: r.Num, Column: cols.name(key), Code: code, Value: value, Details: details})
		}

		// A NIP typed into a number-formatted column is a double: Excel keeps
		// 15 significant digits, so the NIP cannot be trusted.
		nipNumber := nipRaw != "" && (r.IsNumeric(cNIP) || looksScientific(nipRaw))
		if nipNumber {
			addErr("nip", domain.CodeNIPNumberCell, nipRaw, nil)
			e.NIP = ""
		}
		phoneNumber := e.Phone != "" && r.IsNumeric(cTel)
		if phoneNumber {
			addErr("telepon", domain.CodePhoneNumberCell, e.Phone, nil)
		}

		depan, name, belakang := domain.SplitName(nama)
		moved := depan != "" || belakang != ""
		e.Name = name
		e.GelarDepan = joinTitles(e.GelarDepan, depan, " ")
		e.GelarBelakang = joinTitles(e.GelarBelakang, belakang, ", ")

		if raw := cell(cBirth); raw != "" {
			if iso, ok := parseDate(raw, r.IsNumeric(cBirth), t.date1904); ok {
				e.BirthDate = iso
			} else {
				addErr("tanggal lahir", domain.CodeBirthInvalid, raw, nil)
			}
		}

		for _, fe := range domain.ValidateEmployee(&e) {
			if (fe.Field == "nip" && nipNumber) || (fe.Field == "phone" && phoneNumber) {
				continue
			}
			var details map[string]any
			switch fe.Code {
			case domain.CodeGenderMismatch:
				details = map[string]any{"nip": e.NIP}
			case domain.CodeBirthMismatch:
				details = map[string]any{"nip": e.NIP, "nipBirthDate": e.NIP[0:4] + "-" + e.NIP[4:6] + "-" + e.NIP[6:8]}
			}
			addErr(fieldColumn[fe.Field], fe.Code, fe.Value, details)
		}
		if e.Golongan == "" && cell(cGol) == "" {
			addErr("golongan", domain.CodeRequired, "", nil)
		}
		if jabatan == "" {
			addErr("jabatan", domain.CodeRequired, "", nil)
		}
		if unit == "" {
			addErr("unit kerja", domain.CodeRequired, "", nil)
		}
		if !nipNumber && len(e.NIP) == domain.NIPLength {
			if first, dup := firstRow[e.NIP]; dup {
				addErr("nip", domain.CodeNIPDuplicate, nipRaw, map[string]any{"firstRow": first})
			} else {
				firstRow[e.NIP] = r.Num
			}
		}

		if len(rep.Errors) > nErr {
			rep.Invalid++
			continue
		}
		rep.Valid++
		rep.Ready = append(rep.Ready, domain.ImportEmployee{Row: r.Num, Employee: e, UnitName: unit, PositionName: jabatan})
		if moved {
			rep.Warnings = append(rep.Warnings, Issue{Row: r.Num, Column: cols.name("nama"), Code: domain.CodeImportGelarMoved, Value: nama,
				Details: map[string]any{"name": name, "gelarDepan": depan, "gelarBelakang": belakang}})
		}
		if k := NameKey(unit); !known.Units[k] && !warnedUnit[k] {
			warnedUnit[k] = true
			rep.Warnings = append(rep.Warnings, Issue{Row: r.Num, Column: cols.name("unit kerja"), Code: domain.CodeImportUnitCreated, Value: unit})
		}
		if k := NameKey(jabatan); !known.Positions[k] && !warnedPos[k] {
			warnedPos[k] = true
			rep.Warnings = append(rep.Warnings, Issue{Row: r.Num, Column: cols.name("jabatan"), Code: domain.CodeImportPositionCreated, Value: jabatan})
		}
	}
	return rep, nil
}

// joinTitles adds titles moved out of Nama to what the gelar column already
// holds, unless it already holds them.
func joinTitles(have, moved, sep string) string {
	switch {
	case moved == "":
		return have
	case have == "":
		return moved
	case strings.Contains(strings.ToLower(have), strings.ToLower(moved)):
		return have
	}
	return have + sep + moved
}

// looksScientific spots a number that went through Excel's General format
// (e.g. in a csv saved from Excel): "1.99001E+17", "1,99001E+17".
func looksScientific(s string) bool {
	i := strings.IndexAny(s, "eE")
	if i <= 0 || i == len(s)-1 {
		return false
	}
	for j := 0; j < len(s); j++ {
		c := s[j]
		if !(c >= '0' && c <= '9' || c == '.' || c == ',' || c == '+' || c == '-' || j == i) {
			return false
		}
	}
	return true
}

// EmployeeExport is one employee with the names of its unit and position.
type EmployeeExport struct {
	Employee     domain.Employee
	UnitName     string
	PositionName string
}

var employeeSheet = sheetSpec{
	name:     SheetEmployees,
	headers:  EmployeeHeaders,
	widths:   []float64{22, 30, 14, 20, 10, 30, 30, 14, 14, 28, 18},
	textCols: []int{0, 4, 8, 10}, // NIP, Golongan, Tanggal Lahir, Telepon
}

var employeeInstructions = []string{
	"Isi satu pegawai per baris pada sheet \"Pegawai\". Baris kosong diabaikan.",
	"Kolom wajib: NIP, Nama, Golongan, Jabatan, Unit Kerja. Urutan kolom boleh diubah; nama kolom tidak boleh diubah.",
	"NIP: 18 angka, boleh dengan spasi (19900101 201503 1 001). Kolom NIP sudah berformat Teks; jangan ubah menjadi Angka, karena Excel akan menghapus digit terakhir.",
	"Nama: tanpa gelar. Gelar yang tertulis di Nama (Dr., Ir., Drs., H., Hj., Prof., S.Kom., S.E., M.Si., M.T., dst.) dipindahkan otomatis ke Gelar Depan/Gelar Belakang.",
	"Golongan: I/a sampai IV/e; penulisan III/c, III-c, IIIc atau 3c diterima.",
	"Jabatan dan Unit Kerja: tulis nama lengkap. Yang belum ada akan dibuat; standar kompetensi jabatan baru perlu dilengkapi admin.",
	"Jenis Kelamin: L atau P (boleh dikosongkan, diambil dari NIP). Harus sesuai dengan digit ke-15 NIP (1 = L, 2 = P).",
	"Tanggal Lahir: TTTT-BB-HH, HH-BB-TTTT, HH/BB/TTTT atau 1 Januari 1990 (boleh dikosongkan, diambil dari NIP). Harus sesuai dengan 8 digit pertama NIP.",
	"Telepon: 8–15 angka, boleh diawali + dan dipisah spasi atau tanda hubung.",
	"Sebelum disimpan, aplikasi menampilkan pratinjau semua kesalahan per baris dan kolom. Berkas dengan baris salah tidak disimpan, kecuali Anda memilih menyimpan baris yang benar saja.",
	"Mengimpor berkas yang sama lagi tidak mengubah apa pun: pegawai dicocokkan berdasarkan NIP.",
}

// EmployeeTemplate is the empty employee workbook offered for download: the
// "Pegawai" sheet with the headers, NIP/Golongan/Tanggal Lahir/Telepon
// formatted as text, drop-down lists for Jenis Kelamin and Golongan, and a
// "Petunjuk" sheet with instructions in Indonesian.
func EmployeeTemplate() ([]byte, error) {
	ins, insRows := instructionsSheet(employeeInstructions)
	data, err := writeBook([]sheetSpec{employeeSheet, ins}, func(i int, emit func([]any) error) error {
		if i == 1 {
			return insRows(emit)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return addEmployeeValidation(data)
}

// ExportEmployees writes employees in the template's layout, every value as
// text, so that importing the file again yields the same data.
func ExportEmployees(rows []EmployeeExport) ([]byte, error) {
	return writeBook([]sheetSpec{employeeSheet}, func(_ int, emit func([]any) error) error {
		for _, r := range rows {
			e := r.Employee
			if err := emit([]any{e.NIP, e.Name, e.GelarDepan, e.GelarBelakang, e.Golongan, r.PositionName,
				r.UnitName, string(e.Gender), e.BirthDate, e.Email, e.Phone}); err != nil {
				return err
			}
		}
		return nil
	})
}
