package importer

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

// xlsxOf builds an xlsx file in memory. Each value is written with
// SetCellValue, so strings become text cells and numbers number cells; nil
// leaves the cell empty. Extra sheets are written before the data sheet when
// before is set.
func xlsxOf(t testing.TB, sheet string, rows [][]any, before ...string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if len(before) > 0 {
		if err := f.SetSheetName("Sheet1", before[0]); err != nil {
			t.Fatal(err)
		}
		for _, s := range before[1:] {
			if _, err := f.NewSheet(s); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := f.NewSheet(sheet); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellValue(before[0], "A1", "Petunjuk"); err != nil {
			t.Fatal(err)
		}
	} else if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, v := range row {
			if v == nil {
				continue
			}
			name, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue(sheet, name, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// strs turns string cells into []any rows.
func strs(cells ...string) []any {
	out := make([]any, len(cells))
	for i, c := range cells {
		if c != "" {
			out[i] = c
		}
	}
	return out
}

func mustRead(t testing.TB, name string, data []byte) *Table {
	t.Helper()
	tab, err := ReadTable(name, data)
	if err != nil {
		t.Fatalf("ReadTable(%s): %v", name, err)
	}
	return tab
}
