package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"

	"github.com/xuri/excelize/v2"

	"kembang/backend/report"
)

// Exports: each dashboard's data as a report.TableDoc, written as an A4
// PDF (report.TablePDF, embedded fonts) or an xlsx workbook with numbers
// kept as numbers.

func (a *App) export(w http.ResponseWriter, r *http.Request, c *current, format, name string, doc report.TableDoc) {
	var buf bytes.Buffer
	var ctype string
	switch format {
	case "pdf":
		if err := report.TablePDF(&buf, doc); err != nil {
			a.fail(w, r, c, err)
			return
		}
		ctype = "application/pdf"
	case "xlsx":
		if err := tableXLSX(&buf, doc); err != nil {
			a.fail(w, r, c, err)
			return
		}
		ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	default:
		http.Error(w, "format must be pdf or xlsx", http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.%s"`, name, format))
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(buf.Bytes())
}

// tableXLSX writes doc as one sheet: titles, then the table with a bold
// header. Cells that read as numbers are stored as numbers.
func tableXLSX(w *bytes.Buffer, doc report.TableDoc) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Sheet1"
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	row := 1
	for _, t := range doc.Titles {
		if err := f.SetCellValue(sheet, cell(1, row), t); err != nil {
			return err
		}
		_ = f.SetCellStyle(sheet, cell(1, row), cell(1, row), bold)
		row++
	}
	row++
	for i, col := range doc.Columns {
		if err := f.SetCellValue(sheet, cell(i+1, row), col.Title); err != nil {
			return err
		}
	}
	_ = f.SetCellStyle(sheet, cell(1, row), cell(len(doc.Columns), row), bold)
	for _, rw := range doc.Rows {
		row++
		for i, v := range rw {
			var val any = v
			if n, err := strconv.ParseFloat(v, 64); err == nil {
				val = n
			}
			if err := f.SetCellValue(sheet, cell(i+1, row), val); err != nil {
				return err
			}
		}
	}
	_ = f.SetColWidth(sheet, "A", "A", 8)
	_ = f.SetColWidth(sheet, "B", "B", 40)
	return f.Write(w)
}

func cell(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

// raw numbers for exports (xlsx reads them as numbers; the PDF shows them
// with a decimal point, which is fine for a working table).
func fnum(x float64, d int) string { return strconv.FormatFloat(x, 'f', d, 64) }

func heatmapDoc(h *heatmap, l string) report.TableDoc {
	scope := translate(l, "heatmap.all")
	first := translate(l, "office")
	if h.OfficeID != "" {
		scope, first = h.Office, translate(l, "unit")
	}
	doc := report.TableDoc{Titles: []string{translate(l, "heatmap.title"), scope}, Intro: translate(l, "heatmap.intro"),
		Footer: translate(l, "heatmap.title"), Landscape: true}
	doc.Columns = append(doc.Columns, report.TableColumn{Title: "No", Width: 8, Align: "C"}, report.TableColumn{Title: first, Width: 50})
	for _, c := range h.Codes {
		doc.Columns = append(doc.Columns, report.TableColumn{Title: c.Code, Align: "C"})
	}
	for i, rw := range h.Rows {
		line := []string{strconv.Itoa(i + 1), rw.Name}
		for _, c := range rw.Cells {
			if c == nil {
				line = append(line, "")
				continue
			}
			line = append(line, fnum(c.AvgGap, 2))
		}
		doc.Rows = append(doc.Rows, line)
	}
	return doc
}

func tnaDoc(v *tnaView, l string) report.TableDoc {
	doc := report.TableDoc{Titles: []string{translate(l, "tna.title"), translate(l, "year") + " " + strconv.Itoa(v.Year)},
		Intro: translate(l, "tna.intro"), Footer: translate(l, "tna.title"), Landscape: true,
		Columns: []report.TableColumn{{Title: "No", Width: 8, Align: "C"}, {Title: translate(l, "code"), Width: 16, Align: "C"},
			{Title: translate(l, "competency"), Width: 0}, {Title: translate(l, "below"), Width: 22, Align: "R"},
			{Title: translate(l, "avg_gap"), Width: 22, Align: "R"}, {Title: translate(l, "unplanned"), Width: 22, Align: "R"},
			{Title: translate(l, "plan_lines"), Width: 20, Align: "R"}, {Title: translate(l, "planned_jp"), Width: 20, Align: "R"},
			{Title: translate(l, "cost"), Width: 30, Align: "R"}}}
	for i, n := range v.ByCode {
		doc.Rows = append(doc.Rows, []string{strconv.Itoa(i + 1), n.Code, v.Names[n.Code], strconv.Itoa(n.Below), fnum(n.AvgGap, 2),
			strconv.Itoa(n.Unplanned), strconv.Itoa(n.PlanLines), fnum(n.PlannedJP, 1), strconv.FormatInt(n.PlannedCost, 10)})
	}
	doc.Rows = append(doc.Rows, []string{"", "", translate(l, "tna.by_method"), "", "", "", "", "", ""})
	for i, m := range v.ByMethod {
		name := v.Methods[m.Method]
		if name == "" {
			name = m.Method
		}
		doc.Rows = append(doc.Rows, []string{strconv.Itoa(i + 1), m.Method, name, "", "", "", strconv.Itoa(m.PlanLines),
			fnum(m.PlannedJP, 1), strconv.FormatInt(m.PlannedCost, 10)})
	}
	doc.BoldRows = map[int]bool{len(v.ByCode): true}
	return doc
}

func jpDoc(v *jpView, l string) report.TableDoc {
	doc := report.TableDoc{Titles: []string{translate(l, "jp.title"), translate(l, "year") + " " + strconv.Itoa(v.Year)},
		Intro: translate(l, "jp.intro") + " " + translate(l, "target") + ": " + fnum(v.Target, 0), Footer: translate(l, "jp.title"),
		Columns: []report.TableColumn{{Title: "No", Width: 8, Align: "C"}, {Title: translate(l, "office"), Width: 0},
			{Title: translate(l, "employees"), Width: 20, Align: "R"}, {Title: translate(l, "with_records"), Width: 20, Align: "R"},
			{Title: translate(l, "compliant"), Width: 20, Align: "R"}, {Title: translate(l, "rate"), Width: 20, Align: "R"},
			{Title: translate(l, "avg_jp"), Width: 20, Align: "R"}}}
	rate := func(s int, n int) string {
		if n == 0 {
			return ""
		}
		return fnum(float64(s)*100/float64(n), 1)
	}
	for i, rw := range v.Rows {
		doc.Rows = append(doc.Rows, []string{strconv.Itoa(i + 1), rw.Office.Name, strconv.Itoa(rw.Stat.Employees), strconv.Itoa(rw.Stat.WithRecords),
			strconv.Itoa(rw.Stat.Compliant), rate(rw.Stat.Compliant, rw.Stat.Employees), fnum(rw.Stat.AverageJP, 1)})
	}
	doc.Rows = append(doc.Rows, []string{"", translate(l, "total"), strconv.Itoa(v.Total.Employees), strconv.Itoa(v.Total.WithRecords),
		strconv.Itoa(v.Total.Compliant), rate(v.Total.Compliant, v.Total.Employees), fnum(v.Total.AverageJP, 1)})
	doc.BoldRows = map[int]bool{len(doc.Rows) - 1: true}
	return doc
}
