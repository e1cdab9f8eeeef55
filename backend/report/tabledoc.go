package report

import "io"

// TableDoc is a plain tabular document: titles, an introduction and one
// table, as the central dashboards print their heatmap, training needs
// and JP compliance.
type TableDoc struct {
	Titles    []string // centred, the first one larger
	Intro     string   // a paragraph under the titles
	Footer    string   // bottom-left of every page
	Landscape bool
	Columns   []TableColumn
	Rows      [][]string
	BoldRows  map[int]bool // e.g. a total row
}

// TableColumn is a column of a TableDoc: width in mm (0 shares what the
// fixed columns leave), alignment "L", "C" or "R".
type TableColumn struct {
	Title string
	Width float64
	Align string
}

// TablePDF writes doc as an A4 PDF.
func TablePDF(w io.Writer, doc TableDoc) error {
	const op = "report.table"
	orientation := "P"
	if doc.Landscape {
		orientation = "L"
	}
	d := newDoc(orientation)
	d.addPage()
	d.title(doc.Titles...)
	d.footerLeft = clean(doc.Footer)
	if s := clean(doc.Intro); s != "" {
		d.flow(s, false, 9, "L")
		d.y += 1
	}
	cols := make([]column, len(doc.Columns))
	for i, c := range doc.Columns {
		align := c.Align
		if align == "" {
			align = "L"
		}
		cols[i] = column{title: c.Title, width: c.Width, align: align, nowrap: align != "L"}
	}
	size := 8.5
	if len(cols) > 12 {
		size = 7
	}
	d.table(&table{size: size, zebra: true, boldRows: doc.BoldRows, cols: cols}, doc.Rows)
	return d.finish(w, op)
}
