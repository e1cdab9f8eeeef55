package importer

import (
	"github.com/xuri/excelize/v2"
)

// sheetSpec describes one sheet written with excelize's StreamWriter.
type sheetSpec struct {
	name     string
	headers  []string
	widths   []float64 // per column; 0 = default
	textCols []int     // 0-based columns formatted as text ("@") so Excel keeps digits
	wrapCols []int     // 0-based columns with wrapped text (multi-line cells)
}

// writeBook writes sheets in order; rows(i) yields the data rows of sheet i.
// The first sheet replaces excelize's default "Sheet1".
func writeBook(specs []sheetSpec, rows func(i int, emit func([]any) error) error) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	headerStyle, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#D9E7D3"}},
		Alignment: &excelize.Alignment{Vertical: "center"},
	})
	if err != nil {
		return nil, err
	}
	textStyle, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@"
	if err != nil {
		return nil, err
	}
	wrapStyle, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return nil, err
	}
	for i, spec := range specs {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", spec.name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(spec.name); err != nil {
			return nil, err
		}
		sw, err := f.NewStreamWriter(spec.name)
		if err != nil {
			return nil, err
		}
		colStyle := make([]int, len(spec.headers))
		for _, c := range spec.textCols {
			colStyle[c] = textStyle
		}
		for _, c := range spec.wrapCols {
			colStyle[c] = wrapStyle
		}
		for c := range spec.headers {
			w := 16.0
			if c < len(spec.widths) && spec.widths[c] > 0 {
				w = spec.widths[c]
			}
			if err := sw.SetColWidth(c+1, c+1, w); err != nil {
				return nil, err
			}
			if colStyle[c] != 0 {
				if err := sw.SetColStyle(c+1, c+1, colStyle[c]); err != nil {
					return nil, err
				}
			}
		}
		if len(spec.headers) > 0 {
			if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
				return nil, err
			}
		}
		header := make([]any, len(spec.headers))
		for c, h := range spec.headers {
			header[c] = excelize.Cell{StyleID: headerStyle, Value: h}
		}
		if err := sw.SetRow("A1", header); err != nil {
			return nil, err
		}
		next := 2
		emit := func(values []any) error {
			for c := range values {
				if c < len(colStyle) && colStyle[c] != 0 {
					values[c] = excelize.Cell{StyleID: colStyle[c], Value: values[c]}
				}
			}
			cell, err := excelize.CoordinatesToCellName(1, next)
			if err != nil {
				return err
			}
			next++
			return sw.SetRow(cell, values)
		}
		if rows != nil {
			if err := rows(i, emit); err != nil {
				return nil, err
			}
		}
		if err := sw.Flush(); err != nil {
			return nil, err
		}
	}
	f.SetActiveSheet(0)
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// instructionsSheet is a one-column sheet of text lines.
func instructionsSheet(lines []string) (sheetSpec, func(emit func([]any) error) error) {
	spec := sheetSpec{name: SheetInstructions, headers: []string{"Petunjuk pengisian"}, widths: []float64{110}}
	return spec, func(emit func([]any) error) error {
		for _, l := range lines {
			if err := emit([]any{l}); err != nil {
				return err
			}
		}
		return nil
	}
}
