package importer

import (
	"strings"

	"kembang/backend/domain"
)

// SheetAssessments is the sheet name of the assessment-results template.
const SheetAssessments = "Hasil Penilaian"

// Assessment-results spreadsheet headers (assessment centre or competency
// test): one level of one competency of one employee per row.
var (
	assessmentRequired = []string{"nip", "kode kompetensi", "level"}
	assessmentOptional = []string{"periode", "metode", "catatan"}
	// AssessmentHeaders is the header row of the template.
	AssessmentHeaders = []string{"NIP", "Kode Kompetensi", "Level", "Periode", "Metode", "Catatan"}
)

// AssessmentReport is the preview of an assessment-results import, with the
// same row rules as EmployeeReport.
type AssessmentReport struct {
	Rows     int                       `json:"rows"`
	Valid    int                       `json:"valid"`
	Invalid  int                       `json:"invalid"`
	Errors   []Issue                   `json:"errors"`
	Warnings []Issue                   `json:"warnings"`
	Ready    []domain.ImportAssessment `json:"ready,omitempty"`
}

// assessmentMethods maps what offices write in Metode to a result method.
// Only results concluded outside Kembang are imported.
var assessmentMethods = map[string]domain.AssessmentMethod{
	"":                       domain.AssessmentByAssessor,
	"assessor":               domain.AssessmentByAssessor,
	"asesor":                 domain.AssessmentByAssessor,
	"assessment center":      domain.AssessmentByAssessor,
	"assessment centre":      domain.AssessmentByAssessor,
	"ac":                     domain.AssessmentByAssessor,
	"test":                   domain.AssessmentByTest,
	"tes":                    domain.AssessmentByTest,
	"uji kompetensi":         domain.AssessmentByTest,
	"tes kompetensi":         domain.AssessmentByTest,
	"computer assisted test": domain.AssessmentByTest,
	"cat":                    domain.AssessmentByTest,
}

// ParseAssessments validates every row of an assessment-results table.
// nipKnown says whether a live employee holds a NIP (18 digits); codes are
// the live competency codes. Row rules: the NIP must be text (a number cell
// has lost digits), valid and known; the code must exist; the level is a
// whole number 1–5; Metode, when given, is an assessor or test method; the
// same NIP, code and period may appear once (the error names the first
// row). An empty Periode means the current period, filled in by the caller.
// The error return is for file-level problems only. It writes nothing.
func ParseAssessments(t *Table, nipKnown func(nip string) bool, codes map[string]bool) (*AssessmentReport, error) {
	const op = "import.assessments"
	cols, unknown, err := matchHeaders(op, t.Headers, assessmentRequired, assessmentOptional)
	if err != nil {
		return nil, err
	}
	rep := &AssessmentReport{Errors: []Issue{}, Warnings: []Issue{}, Ready: make([]domain.ImportAssessment, 0, len(t.Rows))}
	for i := range t.Headers {
		if h, ok := unknown[i]; ok {
			rep.Warnings = append(rep.Warnings, Issue{Row: t.HeaderRow, Column: h, Code: domain.CodeImportColumnIgnored, Value: h})
		}
	}
	var (
		cNIP, cCode, cLevel     = cols.col("nip"), cols.col("kode kompetensi"), cols.col("level")
		cPeriod, cMethod, cNote = cols.col("periode"), cols.col("metode"), cols.col("catatan")
		firstRow                = map[string]int{}
	)
	for _, r := range t.Rows {
		cell := func(i int) string { return strings.TrimSpace(r.Cell(i)) }
		nipRaw, code, levelRaw := cell(cNIP), cell(cCode), cell(cLevel)
		period, methodRaw, note := cleanText(cell(cPeriod)), cell(cMethod), cell(cNote)
		if nipRaw == "" && code == "" && levelRaw == "" && period == "" && methodRaw == "" && note == "" {
			continue
		}
		rep.Rows++
		nErr := len(rep.Errors)
		addErr := func(key, code, value string, details map[string]any) {
			rep.Errors = append(rep.Errors, Issue{Row: r.Num, Column: cols.name(key), Code: code, Value: value, Details: details})
		}

		nip := ""
		switch {
		case nipRaw == "":
			addErr("nip", domain.CodeRequired, "", nil)
		case r.IsNumeric(cNIP) || looksScientific(nipRaw):
			addErr("nip", domain.CodeNIPNumberCell, nipRaw, nil)
		default:
			if n, err := domain.ParseNIP(nipRaw); err != nil {
				addErr("nip", domain.ErrorCode(err), nipRaw, nil)
			} else if nip = n.Digits; !nipKnown(nip) {
				addErr("nip", domain.CodeImportNIPUnknown, nipRaw, nil)
			}
		}

		switch {
		case code == "":
			addErr("kode kompetensi", domain.CodeRequired, "", nil)
		case !codes[code]:
			// Codes are case-sensitive in the framework; accept a
			// different case when it names exactly one competency.
			if fixed, ok := codeFold(codes, code); ok {
				code = fixed
			} else {
				addErr("kode kompetensi", domain.CodeImportCompetencyUnknown, code, nil)
			}
		}

		level, ok := parseLevel(levelRaw)
		switch {
		case levelRaw == "":
			addErr("level", domain.CodeRequired, "", nil)
		case !ok || level < domain.MinLevel || level > domain.MaxLevel:
			addErr("level", domain.CodeLevelInvalid, levelRaw, nil)
		}

		method, ok := assessmentMethods[strings.ToLower(strings.Join(strings.Fields(methodRaw), " "))]
		if !ok {
			addErr("metode", domain.CodeImportAssessmentMethod, methodRaw, nil)
		}
		if len([]rune(period)) > domain.MaxPeriodLen {
			addErr("periode", domain.CodeTooLong, period, nil)
		}
		if len([]rune(note)) > domain.MaxEvidenceLen {
			addErr("catatan", domain.CodeTooLong, "", nil)
		}

		if nip != "" && code != "" {
			key := nip + "\x00" + code + "\x00" + strings.ToLower(period)
			if first, dup := firstRow[key]; dup {
				addErr("kode kompetensi", domain.CodeImportAssessmentDuplicate, code, map[string]any{"firstRow": first, "nip": nip})
			} else {
				firstRow[key] = r.Num
			}
		}

		if len(rep.Errors) > nErr {
			rep.Invalid++
			continue
		}
		rep.Valid++
		rep.Ready = append(rep.Ready, domain.ImportAssessment{Row: r.Num, NIP: nip, Code: code, Level: level,
			Period: period, Method: method, Evidence: note})
	}
	return rep, nil
}

// codeFold finds the one code equal to code ignoring case.
func codeFold(codes map[string]bool, code string) (string, bool) {
	found := ""
	for c := range codes {
		if strings.EqualFold(c, code) {
			if found != "" {
				return "", false
			}
			found = c
		}
	}
	return found, found != ""
}

var assessmentSheet = sheetSpec{
	name:     SheetAssessments,
	headers:  AssessmentHeaders,
	widths:   []float64{22, 18, 8, 14, 14, 40},
	textCols: []int{0, 1, 3}, // NIP, Kode Kompetensi, Periode
	wrapCols: []int{5},
}

var assessmentInstructions = []string{
	"Isi satu level kompetensi per baris pada sheet \"Hasil Penilaian\": hasil assessment center atau uji kompetensi. Baris kosong diabaikan.",
	"Kolom wajib: NIP, Kode Kompetensi, Level. Urutan kolom boleh diubah; nama kolom tidak boleh diubah.",
	"NIP: 18 angka pegawai yang sudah terdaftar. Kolom NIP sudah berformat Teks; jangan ubah menjadi Angka.",
	"Kode Kompetensi: kode dalam kamus kompetensi (M.1–M.8, SK.1, atau kode kompetensi teknis) yang dipersyaratkan jabatan pegawai.",
	"Level: 1 sampai 5.",
	"Periode: tahun atau nama putaran penilaian (mis. 2026); jika kosong, dipakai tahun berjalan.",
	"Metode: asesor (assessment center, bawaan jika kosong) atau tes (uji kompetensi).",
	"Hasil disimpan sebagai penilaian final. Jika pegawai sudah memiliki hasil final yang berbeda untuk periode dan metode yang sama, hasil lama tidak diubah: dibuat penilaian koreksi yang menggantikannya, dan riwayat menampilkan keduanya.",
	"Mengimpor berkas yang sama lagi tidak mengubah apa pun.",
}

// AssessmentTemplate is the empty assessment-results workbook with a
// "Petunjuk" sheet in Indonesian.
func AssessmentTemplate() ([]byte, error) {
	ins, insRows := instructionsSheet(assessmentInstructions)
	return writeBook([]sheetSpec{assessmentSheet, ins}, func(i int, emit func([]any) error) error {
		if i == 1 {
			return insRows(emit)
		}
		return nil
	})
}
