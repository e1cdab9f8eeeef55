package importer

import (
	"strconv"
	"strings"

	"kembang/backend/domain"
)

var (
	competencyRequired = []string{"kode", "nama", "level 1", "level 2", "level 3", "level 4", "level 5"}
	competencyOptional = []string{"definisi", "indikator 1", "indikator 2", "indikator 3", "indikator 4", "indikator 5"}
	// CompetencyHeaders is the header row of the technical competencies sheet.
	CompetencyHeaders = []string{"Kode", "Nama", "Definisi", "Level 1", "Level 2", "Level 3", "Level 4", "Level 5",
		"Indikator 1", "Indikator 2", "Indikator 3", "Indikator 4", "Indikator 5"}
)

// CompetencyReport is the preview of a technical competencies import.
type CompetencyReport struct {
	Rows     int                       `json:"rows"`
	Valid    int                       `json:"valid"`
	Invalid  int                       `json:"invalid"`
	Errors   []Issue                   `json:"errors"`
	Warnings []Issue                   `json:"warnings"`
	Ready    []domain.ImportCompetency `json:"ready,omitempty"`
}

// ParseCompetencies reads technical competencies: Kode, Nama, Definisi,
// Level 1…5 (descriptions, required) and Indikator 1…5 (indicators, one per
// line). Built-in codes (M.n, SK.n) cannot be imported.
func ParseCompetencies(t *Table) (*CompetencyReport, error) {
	const op = "import.competencies"
	cols, unknown, err := matchHeaders(op, t.Headers, competencyRequired, competencyOptional)
	if err != nil {
		return nil, err
	}
	rep := &CompetencyReport{Errors: []Issue{}, Warnings: []Issue{}, Ready: []domain.ImportCompetency{}}
	for i := range t.Headers {
		if h, ok := unknown[i]; ok {
			rep.Warnings = append(rep.Warnings, Issue{Row: t.HeaderRow, Column: h, Code: domain.CodeImportColumnIgnored, Value: h})
		}
	}
	firstRow := map[string]int{}
	for _, r := range t.Rows {
		cell := func(key string) string { return strings.TrimSpace(r.Cell(cols.col(key))) }
		blank := true
		for _, c := range r.Cells {
			if strings.TrimSpace(c) != "" {
				blank = false
				break
			}
		}
		if blank {
			continue
		}
		rep.Rows++
		nErr := len(rep.Errors)
		addErr := func(key, code, value string, details map[string]any) {
			rep.Errors = append(rep.Errors, Issue{Row: r.Num, Column: cols.name(key), Code: code, Value: value, Details: details})
		}
		c := domain.Competency{
			Code: cell("kode"), Type: domain.Technical, Name: cleanText(cell("nama")),
			Definition: cell("definisi"), Levels: make(domain.Levels, 5),
		}
		switch {
		case c.Code == "":
			addErr("kode", domain.CodeRequired, "", nil)
		case isBuiltinCode(c.Code):
			addErr("kode", domain.CodeCompetencyBuiltin, c.Code, nil)
		case !domain.ValidCompetencyCode(c.Code):
			addErr("kode", domain.CodeCompetencyCode, c.Code, nil)
		default:
			k := strings.ToUpper(c.Code)
			if first, dup := firstRow[k]; dup {
				addErr("kode", domain.CodeCompetencyDuplicate, c.Code, map[string]any{"firstRow": first})
			} else {
				firstRow[k] = r.Num
			}
		}
		if c.Name == "" {
			addErr("nama", domain.CodeRequired, "", nil)
		} else if len([]rune(c.Name)) > domain.MaxNameLen {
			addErr("nama", domain.CodeTooLong, "", nil)
		}
		for i := 0; i < 5; i++ {
			n := strconv.Itoa(i + 1)
			desc := cell("level " + n)
			if desc == "" {
				addErr("level "+n, domain.CodeRequired, "", nil)
			}
			c.Levels[i] = domain.CompetencyLevel{Level: i + 1, Name: domain.LevelNames[i+1], Description: desc,
				Indicators: splitLines(cell("indikator " + n))}
		}
		if len(rep.Errors) == nErr {
			// The domain rule is the last word on what may be stored.
			for _, fe := range domain.ValidateCompetency(&c) {
				key := map[string]string{"code": "kode", "name": "nama"}[fe.Field]
				if key == "" {
					key = "level " + fe.Value
				}
				addErr(key, fe.Code, fe.Value, nil)
			}
		}
		if len(rep.Errors) > nErr {
			rep.Invalid++
			continue
		}
		rep.Valid++
		rep.Ready = append(rep.Ready, domain.ImportCompetency{Row: r.Num, Competency: c})
	}
	return rep, nil
}

// isBuiltinCode reports codes of the built-in dictionary pattern (M.n, SK.n).
func isBuiltinCode(code string) bool {
	u := strings.ToUpper(code)
	for _, p := range []string{"M.", "SK."} {
		if rest, ok := strings.CutPrefix(u, p); ok && rest != "" && atoiOK(rest) >= 0 {
			return true
		}
	}
	return false
}

// splitLines returns the non-empty trimmed lines of a cell; never nil.
func splitLines(s string) []string {
	out := []string{}
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

var competencySheet = sheetSpec{
	name:     SheetCompetencies,
	headers:  CompetencyHeaders,
	widths:   []float64{10, 30, 40, 30, 30, 30, 30, 30, 40, 40, 40, 40, 40},
	textCols: []int{0},
	wrapCols: []int{2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
}

var competencyInstructions = []string{
	"Isi satu kompetensi teknis per baris pada sheet \"Kompetensi Teknis\". Baris kosong diabaikan.",
	"Kode: huruf, angka, titik, tanda hubung (mis. T.KEU.01). Kode M.1–M.8 dan SK.1 adalah kompetensi bawaan dan tidak dapat diimpor.",
	"Level 1 sampai Level 5 (Paham, Dasar, Menengah, Mumpuni, Ahli): deskripsi setiap level, wajib diisi.",
	"Indikator 1 sampai Indikator 5: indikator perilaku level tersebut, satu indikator per baris dalam sel (Alt+Enter).",
	"Mengimpor berkas yang sama lagi tidak mengubah apa pun: kompetensi dicocokkan berdasarkan Kode.",
}

// CompetencyTemplate is the empty technical competencies workbook.
func CompetencyTemplate() ([]byte, error) {
	ins, insRows := instructionsSheet(competencyInstructions)
	return writeBook([]sheetSpec{competencySheet, ins}, func(i int, emit func([]any) error) error {
		if i == 1 {
			return insRows(emit)
		}
		return nil
	})
}

// ExportCompetencies writes the technical competencies among cs (built-in
// managerial and socio-cultural ones are skipped: they are not imported).
func ExportCompetencies(cs []domain.Competency) ([]byte, error) {
	return writeBook([]sheetSpec{competencySheet}, func(_ int, emit func([]any) error) error {
		for _, c := range cs {
			if c.Type != domain.Technical {
				continue
			}
			vals := make([]any, 0, len(CompetencyHeaders))
			vals = append(vals, c.Code, c.Name, c.Definition)
			var desc, ind [5]string
			for _, l := range c.Levels {
				if l.Level >= 1 && l.Level <= 5 {
					desc[l.Level-1] = l.Description
					ind[l.Level-1] = strings.Join(l.Indicators, "\n")
				}
			}
			for _, d := range desc {
				vals = append(vals, d)
			}
			for _, d := range ind {
				vals = append(vals, d)
			}
			if err := emit(vals); err != nil {
				return err
			}
		}
		return nil
	})
}
