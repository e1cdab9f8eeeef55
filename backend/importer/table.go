// Package importer reads and writes the spreadsheets Kembang exchanges with
// offices: employees, positions (SKJ standards) and technical competencies,
// as xlsx or csv. Parsing never writes anything: it returns a report with
// every problem by spreadsheet row and column, plus the rows that are ready
// to be written by the store.
package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"kembang/backend/domain"
)

// Table is one sheet of a spreadsheet as text.
type Table struct {
	Sheet     string   // sheet name; "" for csv
	HeaderRow int      // spreadsheet row number of the header (1 unless blank rows precede it)
	Headers   []string // header cells, trimmed, as written
	Rows      []Row    // non-blank data rows, in file order

	date1904 bool // xlsx workbook uses the 1904 date system
}

// Row is one non-blank data row.
type Row struct {
	Num     int      // spreadsheet row number (header = 1)
	Cells   []string // cell text; shared and inline strings resolved, numbers as stored
	Numeric []bool   // Numeric[i] is true when the xlsx cell is stored as a number
}

// Cell returns the text of column i, or "" past the end of the row.
func (r Row) Cell(i int) string {
	if i < 0 || i >= len(r.Cells) {
		return ""
	}
	return r.Cells[i]
}

// IsNumeric reports whether column i is stored as a number.
func (r Row) IsNumeric(i int) bool {
	return i >= 0 && i < len(r.Numeric) && r.Numeric[i]
}

// preferredSheets are the sheet names of Kembang's own templates, checked in
// order before falling back to the first sheet that is not instructions.
var preferredSheets = []string{SheetEmployees, SheetPositions, SheetCompetencies}

// ReadTable reads the first relevant sheet of an xlsx file, or a csv file,
// chosen by the file name's extension. Errors are *domain.Error with codes
// import.unknown_format, import.file_unreadable and import.file_empty.
func ReadTable(filename string, data []byte) (*Table, error) {
	const op = "import.read"
	var (
		t   *Table
		err error
	)
	switch strings.ToLower(filepath.Ext(filename)) {
	case ".xlsx", ".xlsm":
		t, err = readXLSX(data)
	case ".csv", ".txt":
		t, err = readCSV(data)
	default:
		return nil, domain.E(domain.CodeImportUnknownFormat, op, nil, "file", filepath.Base(filename))
	}
	if err != nil {
		var de *domain.Error
		if errors.As(err, &de) {
			return nil, err
		}
		return nil, domain.E(domain.CodeImportFileUnreadable, op, err, "file", filepath.Base(filename))
	}
	if t.HeaderRow == 0 {
		return nil, domain.E(domain.CodeImportFileEmpty, op, nil, "file", filepath.Base(filename))
	}
	return t, nil
}

// tableBuilder turns raw rows into a Table: the first non-blank row is the
// header, blank rows are dropped, row numbers are kept.
type tableBuilder struct{ t Table }

func (b *tableBuilder) add(num int, cells []string, numeric []bool) {
	blank := true
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			blank = false
			break
		}
	}
	if blank {
		return
	}
	if b.t.HeaderRow == 0 {
		b.t.HeaderRow = num
		b.t.Headers = make([]string, len(cells))
		for i, c := range cells {
			b.t.Headers[i] = strings.TrimSpace(c)
		}
		return
	}
	b.t.Rows = append(b.t.Rows, Row{Num: num, Cells: cells, Numeric: numeric})
}

// readCSV reads comma-, semicolon- or tab-separated text, with or without a
// UTF-8 byte order mark. Text that is not UTF-8 is taken as Windows-1252,
// which is what Excel writes for "CSV" on an Indonesian Windows.
func readCSV(data []byte) (*Table, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		data = decodeWindows1252(data)
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = detectDelimiter(data)
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	var b tableBuilder
	extraLines := 0 // line breaks inside quoted fields so far
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0)
		b.add(line-extraLines, rec, nil)
		for _, f := range rec {
			extraLines += strings.Count(f, "\n")
		}
	}
	return &b.t, nil
}

// detectDelimiter looks at the first non-blank line (the header): the
// separator used most outside quotes wins; comma on a tie.
func detectDelimiter(data []byte) rune {
	counts := map[byte]int{}
	inQuote := false
	data = bytes.TrimLeft(data, " \t\r\n")
	for _, c := range data {
		if c == '"' {
			inQuote = !inQuote
			continue
		}
		if inQuote {
			continue
		}
		if c == '\n' {
			break
		}
		if c == ',' || c == ';' || c == '\t' {
			counts[c]++
		}
	}
	best, n := byte(','), counts[',']
	for _, c := range []byte{';', '\t'} {
		if counts[c] > n {
			best, n = c, counts[c]
		}
	}
	return rune(best)
}

// cp1252 maps bytes 0x80–0x9F of Windows-1252; the rest equal Latin-1.
var cp1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

func decodeWindows1252(data []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xA0:
			b.WriteRune(cp1252[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.Bytes()
}
