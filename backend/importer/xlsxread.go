package importer

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// Why a reader of our own: excelize's streaming iterator (Rows().Columns())
// returns cell text only, and the importer must know whether a cell is
// stored as a number — an 18-digit NIP typed into Excel becomes a double and
// silently loses its last digits, and Tanggal Lahir may be a date serial. So
// xlsx files are read here with the standard library: one pass over the
// worksheet XML with RawToken (no per-cell reflection), shared strings
// resolved from a slice. excelize still writes every file (templates,
// exports) and the tests read its output back through this reader.

// maxPartSize bounds the decompressed size of one part of the zip, so a
// crafted file cannot exhaust memory.
const maxPartSize = 512 << 20

// maxColumns is Excel's column limit (XFD).
const maxColumns = 16384

var errPartTooLarge = errors.New("xlsx part larger than the import limit")

type xlsxReader struct {
	files map[string]*zip.File
}

func readXLSX(data []byte) (*Table, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	x := xlsxReader{files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		x.files[strings.TrimPrefix(f.Name, "/")] = f
	}

	wbPath := x.officeDocument()
	var wb struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name  string `xml:"name,attr"`
			RelID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
			State string `xml:"state,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := x.unmarshal(wbPath, &wb); err != nil {
		return nil, err
	}
	if len(wb.Sheets) == 0 {
		return nil, errors.New("xlsx workbook has no sheets")
	}
	rels, sstPath := x.relationships(wbPath)

	// Choose the sheet: one of ours by name, else the first visible sheet
	// that is not the instructions sheet, else the first.
	chosen := -1
	for _, want := range preferredSheets {
		for i, s := range wb.Sheets {
			if chosen < 0 && strings.EqualFold(strings.TrimSpace(s.Name), want) {
				chosen = i
			}
		}
	}
	for i, s := range wb.Sheets {
		if chosen < 0 && s.State != "hidden" && s.State != "veryHidden" &&
			!strings.EqualFold(strings.TrimSpace(s.Name), SheetInstructions) {
			chosen = i
		}
	}
	if chosen < 0 {
		chosen = 0
	}
	sheet := wb.Sheets[chosen]
	sheetPath, ok := rels[sheet.RelID]
	if !ok {
		return nil, fmt.Errorf("xlsx sheet %q has no part", sheet.Name)
	}

	sst, err := x.sharedStrings(sstPath)
	if err != nil {
		return nil, err
	}
	t, err := x.sheet(sheetPath, sst)
	if err != nil {
		return nil, err
	}
	t.Sheet = sheet.Name
	t.date1904 = wb.Pr.Date1904 == "1" || strings.EqualFold(wb.Pr.Date1904, "true")
	return t, nil
}

func (x *xlsxReader) open(name string) (io.ReadCloser, error) {
	f, ok := x.files[name]
	if !ok {
		return nil, fmt.Errorf("xlsx part %s missing", name)
	}
	if f.UncompressedSize64 > maxPartSize {
		return nil, errPartTooLarge
	}
	return f.Open()
}

func (x *xlsxReader) unmarshal(name string, v any) error {
	rc, err := x.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, maxPartSize)).Decode(v)
}

type xlsxRels struct {
	Rel []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

// officeDocument finds the workbook part through _rels/.rels.
func (x *xlsxReader) officeDocument() string {
	var r xlsxRels
	if err := x.unmarshal("_rels/.rels", &r); err == nil {
		for _, rel := range r.Rel {
			if strings.HasSuffix(rel.Type, "/officeDocument") {
				return strings.TrimPrefix(path.Clean("/"+rel.Target), "/")
			}
		}
	}
	return "xl/workbook.xml"
}

// relationships returns the workbook's relationship id → part path, and the
// shared strings part ("" when the workbook has none).
func (x *xlsxReader) relationships(wbPath string) (map[string]string, string) {
	dir := path.Dir(wbPath)
	relsPath := path.Join(dir, "_rels", path.Base(wbPath)+".rels")
	var r xlsxRels
	out := map[string]string{}
	sst := ""
	if err := x.unmarshal(relsPath, &r); err != nil {
		return out, sst
	}
	for _, rel := range r.Rel {
		var p string
		if strings.HasPrefix(rel.Target, "/") {
			p = strings.TrimPrefix(path.Clean(rel.Target), "/")
		} else {
			p = path.Join(dir, rel.Target)
		}
		out[rel.ID] = p
		if strings.HasSuffix(rel.Type, "/sharedStrings") {
			sst = p
		}
	}
	return out, sst
}

// sharedStrings reads the shared string table; phonetic runs (rPh) are
// skipped, rich-text runs concatenated.
func (x *xlsxReader) sharedStrings(name string) ([]string, error) {
	if name == "" {
		return nil, nil
	}
	if _, ok := x.files[name]; !ok {
		return nil, nil
	}
	rc, err := x.open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(bufio.NewReaderSize(io.LimitReader(rc, maxPartSize), 64<<10))
	var (
		out   []string
		sb    strings.Builder
		inT   bool
		inRPh int
	)
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "si":
				sb.Reset()
			case "t":
				inT = true
			case "rPh":
				inRPh++
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "si":
				out = append(out, sb.String())
			case "t":
				inT = false
			case "rPh":
				inRPh--
			}
		case xml.CharData:
			if inT && inRPh == 0 {
				sb.Write(el)
			}
		}
	}
}

// sheet streams one worksheet into a Table.
func (x *xlsxReader) sheet(name string, sst []string) (*Table, error) {
	rc, err := x.open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(bufio.NewReaderSize(io.LimitReader(rc, maxPartSize), 64<<10))

	var (
		b        tableBuilder
		rowNum   int
		cells    []string
		numeric  []bool
		col      int    // 1-based column of the current cell
		cellType string // t attribute
		inCell   bool
		inV, inT bool
		inRPh    int
		val      []byte
	)
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "row":
				rowNum++
				for _, a := range el.Attr {
					if a.Name.Local == "r" {
						if n, err := strconv.Atoi(a.Value); err == nil && n > 0 {
							rowNum = n
						}
					}
				}
				cells, numeric, col = nil, nil, 0
			case "c":
				col++
				cellType = ""
				for _, a := range el.Attr {
					switch a.Name.Local {
					case "r":
						if c := columnOf(a.Value); c > 0 {
							col = c
						}
					case "t":
						cellType = a.Value
					}
				}
				inCell, val = true, val[:0]
			case "v":
				inV = inCell
			case "t":
				inT = inCell
			case "rPh":
				inRPh++
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "v":
				inV = false
			case "t":
				inT = false
			case "rPh":
				inRPh--
			case "c":
				inCell = false
				text, isNum := cellText(cellType, val, sst)
				if text == "" {
					continue
				}
				if col > maxColumns {
					return nil, fmt.Errorf("xlsx cell in column %d beyond the sheet limit", col)
				}
				for len(cells) < col {
					cells = append(cells, "")
					numeric = append(numeric, false)
				}
				cells[col-1] = text
				numeric[col-1] = isNum
			case "row":
				b.add(rowNum, cells, numeric)
			}
		case xml.CharData:
			if (inV || inT) && inRPh == 0 {
				val = append(val, el...)
			}
		}
	}
	return &b.t, nil
}

// cellText turns a cell's raw value into text by its type attribute.
func cellText(t string, v []byte, sst []string) (string, bool) {
	switch t {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(string(v)))
		if err != nil || i < 0 || i >= len(sst) {
			return "", false
		}
		return sst[i], false
	case "b":
		if string(v) == "1" {
			return "TRUE", false
		}
		return "FALSE", false
	case "inlineStr", "str", "e", "d":
		return string(v), false
	default: // "n" or absent: a number
		return string(v), len(v) > 0
	}
}

// columnOf returns the 1-based column of a cell reference such as "AB12".
func columnOf(ref string) int {
	c := 0
	for i := 0; i < len(ref); i++ {
		ch := ref[i]
		switch {
		case ch >= 'A' && ch <= 'Z':
			c = c*26 + int(ch-'A') + 1
		case ch >= 'a' && ch <= 'z':
			c = c*26 + int(ch-'a') + 1
		default:
			return c
		}
	}
	return c
}
