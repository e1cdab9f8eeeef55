package importer

import (
	"sort"
	"strconv"
	"strings"

	"kembang/backend/domain"
)

var (
	positionRequired = []string{"nama jabatan", "jenis jabatan"}
	positionOptional = []string{"kode", "jenjang", "unit kerja"}
	// PositionHeaders are the fixed columns of the positions sheet; one
	// column per competency code follows them.
	PositionHeaders = []string{"Kode", "Nama Jabatan", "Jenis Jabatan", "Jenjang", "Unit Kerja"}
)

// positionTypeNames are the labels written in exports; positionTypeAliases
// also accepts the codes and the names offices use.
var positionTypeNames = map[domain.PositionType]string{
	domain.JPTUtama: "JPT Utama", domain.JPTMadya: "JPT Madya", domain.JPTPratama: "JPT Pratama",
	domain.Administrator: "Administrator", domain.Pengawas: "Pengawas", domain.Pelaksana: "Pelaksana",
	domain.Fungsional: "Fungsional",
}

var positionTypeAliases = map[string]domain.PositionType{
	"jabatan pimpinan tinggi utama": domain.JPTUtama, "jpt utama": domain.JPTUtama,
	"jabatan pimpinan tinggi madya": domain.JPTMadya, "jpt madya": domain.JPTMadya, "eselon i": domain.JPTMadya,
	"jabatan pimpinan tinggi pratama": domain.JPTPratama, "jpt pratama": domain.JPTPratama, "eselon ii": domain.JPTPratama,
	"jabatan administrator": domain.Administrator, "eselon iii": domain.Administrator,
	"jabatan pengawas": domain.Pengawas, "eselon iv": domain.Pengawas,
	"jabatan pelaksana": domain.Pelaksana, "jabatan fungsional umum": domain.Pelaksana, "jfu": domain.Pelaksana,
	"jabatan fungsional": domain.Fungsional, "jabatan fungsional tertentu": domain.Fungsional, "jf": domain.Fungsional, "jft": domain.Fungsional,
}

var jenjangNames = map[domain.Jenjang]string{
	domain.AhliUtama: "Ahli Utama", domain.AhliMadya: "Ahli Madya", domain.AhliMuda: "Ahli Muda",
	domain.AhliPertama: "Ahli Pertama", domain.Penyelia: "Penyelia", domain.Mahir: "Mahir",
	domain.Terampil: "Terampil", domain.Pemula: "Pemula",
}

func init() {
	for t, name := range positionTypeNames {
		positionTypeAliases[NameKey(name)] = t
		positionTypeAliases[string(t)] = t
	}
}

func parsePositionType(s string) (domain.PositionType, bool) {
	k := NameKey(strings.ReplaceAll(s, "_", " "))
	if t, ok := positionTypeAliases[k]; ok {
		return t, true
	}
	t, ok := positionTypeAliases[strings.ReplaceAll(k, " ", "_")]
	return t, ok
}

func parseJenjang(s string) (domain.Jenjang, bool) {
	k := NameKey(strings.ReplaceAll(s, "_", " "))
	for j, name := range jenjangNames {
		if k == NameKey(name) || k == strings.ReplaceAll(string(j), "_", " ") {
			return j, true
		}
	}
	return "", false
}

// PositionReport is the preview of a positions import.
type PositionReport struct {
	Rows     int                     `json:"rows"`
	Valid    int                     `json:"valid"`
	Invalid  int                     `json:"invalid"`
	Errors   []Issue                 `json:"errors"`
	Warnings []Issue                 `json:"warnings"`
	Ready    []domain.ImportPosition `json:"ready,omitempty"`
}

// ParsePositions reads a positions (SKJ) table: Kode, Nama Jabatan, Jenis
// Jabatan, Jenjang, Unit Kerja, then one column per competency code holding
// the required level 1–5 (blank = not required). competencyCodes are the
// codes that exist; other headers are ignored with a warning.
func ParsePositions(t *Table, competencyCodes map[string]bool) (*PositionReport, error) {
	const op = "import.positions"
	cols, unknown, err := matchHeaders(op, t.Headers, positionRequired, positionOptional)
	if err != nil {
		return nil, err
	}
	canonical := make(map[string]string, len(competencyCodes))
	for code, ok := range competencyCodes {
		if ok {
			canonical[strings.ToUpper(code)] = code
		}
	}
	rep := &PositionReport{Errors: []Issue{}, Warnings: []Issue{}, Ready: []domain.ImportPosition{}}
	type levelCol struct {
		idx          int
		code, header string
	}
	var levelCols []levelCol
	seenCode := map[string]bool{}
	for i := range t.Headers {
		h, ok := unknown[i]
		if !ok {
			continue
		}
		code, known := canonical[strings.ToUpper(strings.ReplaceAll(h, " ", ""))]
		if !known || seenCode[code] {
			if seenCode[code] {
				return nil, domain.E(domain.CodeImportHeaderDuplicate, op, nil, "header", h)
			}
			rep.Warnings = append(rep.Warnings, Issue{Row: t.HeaderRow, Column: h, Code: domain.CodeImportColumnIgnored, Value: h})
			continue
		}
		seenCode[code] = true
		levelCols = append(levelCols, levelCol{idx: i, code: code, header: h})
	}
	cKode, cNama, cJenis, cJenjang, cUnit := cols.col("kode"), cols.col("nama jabatan"), cols.col("jenis jabatan"), cols.col("jenjang"), cols.col("unit kerja")
	firstRow := map[string]int{}

	for _, r := range t.Rows {
		cell := func(i int) string { return cleanText(strings.TrimSpace(r.Cell(i))) }
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
		addErr := func(col, code, value string, details map[string]any) {
			rep.Errors = append(rep.Errors, Issue{Row: r.Num, Column: col, Code: code, Value: value, Details: details})
		}
		p := domain.Position{Code: cell(cKode), Name: cell(cNama), Standards: domain.Standards{}}
		unit := cell(cUnit)
		if p.Name == "" {
			addErr(cols.name("nama jabatan"), domain.CodeRequired, "", nil)
		} else if len([]rune(p.Name)) > domain.MaxNameLen {
			addErr(cols.name("nama jabatan"), domain.CodeTooLong, "", nil)
		}
		if len(p.Code) > 32 {
			addErr(cols.name("kode"), domain.CodeTooLong, p.Code, nil)
		}
		jenis := cell(cJenis)
		if jenis == "" {
			addErr(cols.name("jenis jabatan"), domain.CodeRequired, "", nil)
		} else if pt, ok := parsePositionType(jenis); ok {
			p.Type = pt
		} else {
			addErr(cols.name("jenis jabatan"), domain.CodePositionType, jenis, nil)
		}
		if jj := cell(cJenjang); jj != "" {
			if j, ok := parseJenjang(jj); !ok || (p.Type != "" && p.Type != domain.Fungsional) {
				addErr(cols.name("jenjang"), domain.CodeJenjangInvalid, jj, nil)
			} else {
				p.Jenjang = j
			}
		} else if p.Type == domain.Fungsional {
			addErr(cols.name("jenjang"), domain.CodeRequired, "", nil)
		}
		for _, lc := range levelCols {
			raw := strings.TrimSpace(r.Cell(lc.idx))
			if raw == "" {
				continue
			}
			lvl, ok := parseLevel(raw)
			if !ok {
				addErr(lc.header, domain.CodeLevelInvalid, raw, nil)
				continue
			}
			p.Standards[lc.code] = lvl
		}
		if p.Name != "" {
			key, col := "kode:"+strings.ToLower(p.Code), cols.name("kode")
			if p.Code == "" {
				key, col = "nama:"+NameKey(p.Name)+"|"+NameKey(unit), cols.name("nama jabatan")
			}
			if first, dup := firstRow[key]; dup {
				addErr(col, domain.CodePositionDuplicate, firstNonEmpty(p.Code, p.Name), map[string]any{"firstRow": first})
			} else {
				firstRow[key] = r.Num
			}
		}
		if len(rep.Errors) == nErr {
			// The domain rule is the last word on what may be stored.
			for _, fe := range domain.ValidatePosition(&p) {
				col := map[string]string{"code": "kode", "name": "nama jabatan", "type": "jenis jabatan", "jenjang": "jenjang"}[fe.Field]
				addErr(cols.name(col), fe.Code, fe.Value, nil)
			}
		}
		if len(rep.Errors) > nErr {
			rep.Invalid++
			continue
		}
		rep.Valid++
		rep.Ready = append(rep.Ready, domain.ImportPosition{Row: r.Num, Position: p, UnitName: unit})
	}
	return rep, nil
}

// parseLevel accepts 1–5, also as a number cell stored as "3" or "3.0".
func parseLevel(s string) (int, bool) {
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", "."), 64)
	if err != nil || f != float64(int(f)) || f < 1 || f > 5 {
		return 0, false
	}
	return int(f), true
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// PositionExport is one position with the name of its unit.
type PositionExport struct {
	Position domain.Position
	UnitName string
}

// ExportPositions writes positions with one level column per competency code
// used by any of them, ordered M.1…M.8, SK.1, then technical codes.
func ExportPositions(rows []PositionExport) ([]byte, error) {
	codeSet := map[string]bool{}
	for _, r := range rows {
		for code := range r.Position.Standards {
			codeSet[code] = true
		}
	}
	codes := make([]string, 0, len(codeSet))
	for c := range codeSet {
		codes = append(codes, c)
	}
	return writePositions(codes, rows)
}

// PositionTemplate is the empty positions workbook with a level column for
// each of the given competency codes.
func PositionTemplate(competencyCodes []string) ([]byte, error) {
	return writePositions(append([]string(nil), competencyCodes...), nil)
}

func writePositions(codes []string, rows []PositionExport) ([]byte, error) {
	SortCompetencyCodes(codes)
	spec := sheetSpec{
		name:     SheetPositions,
		headers:  append(append([]string(nil), PositionHeaders...), codes...),
		widths:   []float64{12, 36, 16, 14, 30},
		textCols: []int{0},
	}
	for range codes {
		spec.widths = append(spec.widths, 7)
	}
	return writeBook([]sheetSpec{spec}, func(_ int, emit func([]any) error) error {
		for _, r := range rows {
			p := r.Position
			vals := []any{p.Code, p.Name, positionTypeNames[p.Type], jenjangNames[p.Jenjang], r.UnitName}
			for _, c := range codes {
				if lvl, ok := p.Standards[c]; ok {
					vals = append(vals, lvl)
				} else {
					vals = append(vals, nil)
				}
			}
			if err := emit(vals); err != nil {
				return err
			}
		}
		return nil
	})
}

// SortCompetencyCodes orders codes as the framework lists them: managerial
// M.1…M.8, socio-cultural SK.1…, then the rest, numbers compared as numbers
// ("T.2" before "T.10").
func SortCompetencyCodes(codes []string) {
	rank := func(c string) int {
		u := strings.ToUpper(c)
		switch {
		case strings.HasPrefix(u, "M."):
			return 0
		case strings.HasPrefix(u, "SK."):
			return 1
		}
		return 2
	}
	sort.SliceStable(codes, func(i, j int) bool {
		ri, rj := rank(codes[i]), rank(codes[j])
		if ri != rj {
			return ri < rj
		}
		return domain.NaturalLess(codes[i], codes[j])
	})
}
