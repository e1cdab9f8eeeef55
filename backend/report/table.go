package report

import "strings"

// column is one column of a table: its header, width in mm (a width of 0
// takes an equal share of what the fixed columns leave) and alignment.
type column struct {
	title  string
	width  float64
	align  string // "L", "C", "R"
	nowrap bool   // one line, shrunk to fit: numbers, NIPs
}

// table draws rows of wrapped cells. Rows never split; a row that does not
// fit goes to the next page, where the header is drawn again.
type table struct {
	cols     []column
	size     float64 // font size of the body
	minRowH  float64 // e.g. room to sign in an attendance list
	boldRows map[int]bool
	zebra    bool
	// decorate, when set, draws extra marks in a body cell after its text
	// (the staggered numbers of an attendance list's signature cells).
	decorate func(row, col int, x, y, w, h float64)
}

const cellPadX, cellPadY = 1.4, 1.2

// widths resolves zero widths to equal shares of the content width.
func (t *table) widths(total float64) []float64 {
	fixed, free := 0.0, 0
	for _, c := range t.cols {
		if c.width > 0 {
			fixed += c.width
		} else {
			free++
		}
	}
	ws := make([]float64, len(t.cols))
	for i, c := range t.cols {
		ws[i] = c.width
		if c.width <= 0 {
			ws[i] = max((total-fixed)/float64(free), 8)
		}
	}
	return ws
}

// header draws the header row at the cursor.
func (d *doc) tableHeader(t *table, ws []float64) {
	size := min(t.size, 7.5)
	lh := lineHeight(size)
	d.font(true, size)
	lines := make([][]string, len(t.cols))
	n := 1
	for i, c := range t.cols {
		lines[i] = d.wrapOpt(c.title, ws[i]-2*cellPadX, false)
		n = max(n, len(lines[i]))
	}
	h := float64(n)*lh + 2*cellPadY
	x := d.left
	d.pdf.SetFillColor(colHeadBg[0], colHeadBg[1], colHeadBg[2])
	d.pdf.SetDrawColor(colRule[0], colRule[1], colRule[2])
	d.pdf.SetLineWidth(0.2)
	d.color(colText)
	for i := range t.cols {
		d.pdf.Rect(x, d.y, ws[i], h, "FD")
		off := (h - float64(len(lines[i]))*lh) / 2
		for j, l := range lines[i] {
			d.text(x+cellPadX, d.y+off+float64(j)*lh, ws[i]-2*cellPadX, l, "C")
		}
		x += ws[i]
	}
	d.y += h
}

// draw writes the table at the cursor.
func (d *doc) table(t *table, rows [][]string) {
	ws := t.widths(d.contentWidth())
	size := t.size
	lh := lineHeight(size)
	// Keep the header with at least the first row.
	first := 0.0
	if len(rows) > 0 {
		first = d.rowHeight(t, ws, rows[0], 0)
	}
	d.font(true, size)
	d.ensure(lineHeight(min(size, 7.5))*2 + 2*cellPadY + first)
	d.tableHeader(t, ws)
	for r, row := range rows {
		h := d.rowHeight(t, ws, row, r)
		if d.ensure(h) {
			d.tableHeader(t, ws)
		}
		bold := t.boldRows[r]
		d.font(bold, size)
		x := d.left
		style := "D"
		if bold {
			d.pdf.SetFillColor(colHeadBg[0], colHeadBg[1], colHeadBg[2])
			style = "FD"
		} else if t.zebra && r%2 == 1 {
			d.pdf.SetFillColor(colZebra[0], colZebra[1], colZebra[2])
			style = "FD"
		}
		d.pdf.SetDrawColor(colRule[0], colRule[1], colRule[2])
		d.pdf.SetLineWidth(0.2)
		d.color(colText)
		for i := range t.cols {
			d.pdf.Rect(x, d.y, ws[i], h, style)
			if i < len(row) {
				for j, l := range d.cellLines(t.cols[i], row[i], ws[i]-2*cellPadX) {
					d.text(x+cellPadX, d.y+cellPadY+float64(j)*lh, ws[i]-2*cellPadX, l, t.cols[i].align)
				}
			}
			if t.decorate != nil {
				t.decorate(r, i, x, d.y, ws[i], h)
			}
			x += ws[i]
		}
		d.y += h
	}
	d.y += 2
}

func (d *doc) rowHeight(t *table, ws []float64, row []string, r int) float64 {
	d.font(t.boldRows[r], t.size)
	n := 1
	for i := range t.cols {
		if i < len(row) {
			n = max(n, len(d.cellLines(t.cols[i], row[i], ws[i]-2*cellPadX)))
		}
	}
	return max(float64(n)*lineHeight(t.size)+2*cellPadY, t.minRowH)
}

// cellLines wraps a cell's text, or keeps it on one line per "\n" for a
// nowrap column.
func (d *doc) cellLines(c column, s string, w float64) []string {
	if c.nowrap {
		return strings.Split(s, "\n")
	}
	return d.wrap(s, w)
}
