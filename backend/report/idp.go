package report

import (
	"io"
	"strconv"
	"strings"

	"kembang/backend/domain"
)

// IDPData is everything printed on an individual development plan
// (rencana pengembangan kompetensi individu, DOMAIN.md §5).
type IDPData struct {
	Letterhead Letterhead
	Year       int
	Period     string // optional, e.g. "Januari – Desember 2026"; default "Tahun <Year>"
	Employee   Identity
	// CareerTarget is the target position (jabatan target), optional.
	CareerTarget string

	// Gap analysis against the standard of the current position.
	Competencies []IDPCompetency
	JPM          float64
	Category     string // domain category code; "" when nothing was judged

	Lines    []IDPLine
	JPTarget float64 // the year's minimum, e.g. domain.DefaultAnnualJPTarget
	Note     string  // optional catatan

	// Signatories. Employee defaults to the Identity's name and NIP with
	// the title "Pegawai yang bersangkutan"; an empty Supervisor or
	// Approver still prints its block with a dotted line to sign on.
	EmployeeSign Signatory
	Supervisor   Signatory // atasan langsung
	Approver     Signatory // pejabat yang menyetujui (kepegawaian / PPK)
	Place        string    // e.g. "Sleman"
	Date         string    // YYYY-MM-DD
}

// IDPCompetency is one line of the gap table.
type IDPCompetency struct {
	Code     string
	Name     string
	Standard int
	Actual   float64
	Assessed bool
	Gap      float64 // Actual − Standard
}

// IDPLine is one planned development activity.
type IDPLine struct {
	Competency string // name of the competency addressed, or "" for a mandated activity
	Goal       string
	Method     string // method name from the catalogue ("Pelatihan Klasikal", "Coaching")
	Programme  string
	Provider   string // penyelenggara
	Start, End string // YYYY-MM-DD
	JP         float64
	Cost       int64  // rupiah
	Funding    string // printed as given; see FundingLabel
}

// IDPCompetencies turns domain gap lines into printed lines; names maps a
// competency code to its name (the code prints when a name is missing).
func IDPCompetencies(lines []domain.GapLine, names map[string]string) []IDPCompetency {
	out := make([]IDPCompetency, len(lines))
	for i, l := range lines {
		name := names[l.Code]
		if name == "" {
			name = l.Code
		}
		out[i] = IDPCompetency{Code: l.Code, Name: name, Standard: l.Standard, Actual: l.Actual, Assessed: l.Assessed, Gap: l.Gap}
	}
	return out
}

// IDPLineOf turns a domain plan line into a printed line, with the names
// of its competency and method.
func IDPLineOf(l domain.PlanLine, competencyName, methodName string) IDPLine {
	return IDPLine{Competency: competencyName, Goal: l.Goal, Method: methodName, Programme: l.Programme,
		Provider: l.Provider, Start: l.PlannedStart, End: l.PlannedEnd, JP: l.PlannedJP, Cost: l.Cost,
		Funding: FundingLabel(l.FundingSource)}
}

// IDP renders the plan as a portrait A4 PDF.
func IDP(w io.Writer, data IDPData) error {
	const op = "report.idp"
	d := newDoc("P")
	d.addPage()
	if err := d.letterhead(data.Letterhead); err != nil {
		return err
	}
	year := strconv.Itoa(data.Year)
	d.title("RENCANA PENGEMBANGAN KOMPETENSI INDIVIDU",
		"(INDIVIDUAL DEVELOPMENT PLAN) TAHUN "+year)
	emp := data.Employee
	d.footerLeft = "IDP " + year + " · " + clean(emp.Name) + " · NIP " + FormatNIP(emp.NIP)

	period := clean(data.Period)
	if period == "" {
		period = "Tahun " + year
	}
	d.heading("A. IDENTITAS PEGAWAI", 20)
	rows := [][2]string{
		{"Nama", orDash(clean(emp.Name))},
		{"NIP", orDash(FormatNIP(emp.NIP))},
		{"Pangkat/Golongan", orDash(FormatGolongan(emp.Golongan))},
		{"Jabatan", orDash(clean(emp.Position))},
		{"Unit Kerja", orDash(clean(emp.Unit))},
		{"Periode", period},
	}
	if t := clean(data.CareerTarget); t != "" {
		rows = append(rows, [2]string{"Target Karier", t})
	}
	d.fields(38, rows)

	d.heading("B. ANALISIS KESENJANGAN KOMPETENSI", 25)
	gapRows := make([][]string, len(data.Competencies))
	for i, c := range data.Competencies {
		actual, gap := "-", "-"
		if c.Assessed {
			actual = FormatNumber(c.Actual)
			gap = signed(c.Gap)
		}
		gapRows[i] = []string{itoa(i + 1), clean(c.Code), clean(c.Name), itoa(c.Standard), actual, gap}
	}
	d.table(&table{size: 8.5, zebra: true, cols: []column{
		{"No", 9, "C", false}, {"Kode", 17, "C", false}, {"Kompetensi", 0, "L", false},
		{"Standar", 17, "C", true}, {"Aktual", 17, "C", true}, {"Kesenjangan", 24, "C", true},
	}}, gapRows)
	d.idpChart(data)

	d.heading("C. RENCANA PENGEMBANGAN KOMPETENSI", 25)
	planRows := make([][]string, 0, len(data.Lines)+1)
	var totalJP float64
	var totalCost int64
	for i, l := range data.Lines {
		totalJP += l.JP
		totalCost += l.Cost
		comp := clean(l.Competency)
		if comp == "" {
			comp = "(kegiatan wajib)"
		}
		if g := clean(l.Goal); g != "" {
			comp += "\nTujuan: " + g
		}
		method := orDash(clean(l.Method))
		if p := clean(l.Programme); p != "" {
			method += "\n" + p
		}
		cost := "-"
		if l.Cost > 0 {
			cost = FormatRupiah(l.Cost)
		}
		if f := clean(l.Funding); f != "" {
			cost += "\n(" + f + ")"
		}
		planRows = append(planRows, []string{itoa(i + 1), comp, method, orDash(clean(l.Provider)),
			orDash(FormatDateRange(l.Start, l.End)), FormatNumber(l.JP), cost})
	}
	planRows = append(planRows, []string{"", "Jumlah", "", "", "", FormatNumber(totalJP), FormatRupiah(totalCost)})
	d.table(&table{size: 8, boldRows: map[int]bool{len(planRows) - 1: true}, cols: []column{
		{"No", 8, "C", false}, {"Kompetensi dan Tujuan", 0, "L", false}, {"Metode dan Program", 36, "L", false},
		{"Penyelenggara", 27, "L", false}, {"Waktu", 24, "C", false}, {"JP", 11, "C", true}, {"Biaya dan Sumber Dana", 28, "R", true},
	}}, planRows)

	target := "Target JP tahun " + year + ": " + FormatNumber(data.JPTarget) + " JP. Rencana: " + FormatNumber(totalJP) + " JP"
	if short := data.JPTarget - totalJP; short > 0.004 {
		target += " (kurang " + FormatNumber(short) + " JP dari target)."
	} else {
		target += " (memenuhi target)."
	}
	d.flow(target, true, 9, "L")
	if n := clean(data.Note); n != "" {
		d.y += 1
		d.flow("Catatan: "+n, false, 9, "L")
	}

	// Signatures: the employee (left) and the supervisor (right, under the
	// place and date), then the approving officer centred under
	// "Mengetahui/Menyetujui,".
	empSign := data.EmployeeSign
	if empSign.Title == "" {
		empSign.Title = "Pegawai yang bersangkutan,"
	}
	if empSign.Name == "" && empSign.NIP == "" {
		empSign.Name, empSign.NIP = emp.Name, emp.NIP
	}
	sup := data.Supervisor
	if sup.Title == "" {
		sup.Title = "Atasan Langsung,"
	}
	appr := data.Approver
	if appr.Title == "" {
		appr.Title = "Pejabat yang Berwenang,"
	}
	placeDate := strings.TrimSpace(clean(data.Place) + ", " + FormatDate(data.Date))
	placeDate = strings.Trim(placeDate, ", ")
	colW := 75.0
	d.y += 4
	d.ensure(signatureHeight(1))
	h, err := d.signatureRow(d.y, 9.5, []sigSlot{
		{x: d.left, w: colW, s: empSign},
		{x: d.left + d.contentWidth() - colW, w: colW, s: sup, above: []string{placeDate}},
	})
	if err != nil {
		return err
	}
	d.y += h + 5
	d.ensure(signatureHeight(1))
	h3, err := d.signature(d.left+(d.contentWidth()-colW*1.3)/2, d.y, colW*1.3, appr, "Mengetahui/Menyetujui,")
	if err != nil {
		return err
	}
	d.y += h3
	return d.finish(w, op)
}

// idpChart draws the radar chart of standard against actual, with the JPM
// summary beside it.
func (d *doc) idpChart(data IDPData) {
	const blockH = 78
	d.ensure(blockH)
	top := d.y
	labels := make([]string, len(data.Competencies))
	std := make([]float64, len(data.Competencies))
	act := make([]float64, len(data.Competencies))
	for i, c := range data.Competencies {
		labels[i] = clean(c.Code)
		std[i] = float64(c.Standard)
		if c.Assessed {
			act[i] = c.Actual
		}
	}
	chartW := 100.0
	if len(labels) >= 3 {
		d.radar(d.left+chartW/2, top+blockH/2, 28, labels, domain.MaxLevel, []radarSeries{
			{label: "Standar", values: std, color: [3]int{30, 64, 175}, dashed: true},
			{label: "Aktual", values: act, color: [3]int{217, 119, 6}, fill: true},
		})
	} else {
		d.font(false, 8.5)
		d.color(colMuted)
		d.paragraph(d.left, top+blockH/2-4, chartW, "Diagram radar memerlukan sedikitnya tiga kompetensi.", "C", lineHeight(8.5))
	}
	// Summary and legend on the right.
	x := d.left + chartW + 4
	w := d.contentWidth() - chartW - 4
	y := top + 14
	d.pdf.SetDrawColor(colRule[0], colRule[1], colRule[2])
	d.pdf.SetFillColor(colZebra[0], colZebra[1], colZebra[2])
	d.pdf.SetLineWidth(0.2)
	d.pdf.Rect(x, y, w, 46, "FD")
	d.color(colMuted)
	d.font(false, 8.5)
	d.text(x+4, y+3, w-8, "Job Person Match (JPM)", "L")
	d.color(colText)
	d.font(true, 16)
	jpm := "-"
	if data.Category != "" {
		jpm = FormatPercent(data.JPM)
	}
	d.text(x+4, y+9, w-8, jpm, "L")
	d.font(true, 10)
	d.paragraph(x+4, y+17, w-8, CategoryLabel(data.Category), "L", lineHeight(10))
	// Legend.
	ly := y + 30
	d.font(false, 8)
	d.pdf.SetLineWidth(0.6)
	d.pdf.SetDrawColor(30, 64, 175)
	d.pdf.SetDashPattern([]float64{1.6, 1}, 0)
	d.pdf.Line(x+4, ly+2, x+12, ly+2)
	d.pdf.SetDashPattern(nil, 0)
	d.text(x+14, ly, w-18, "Standar jabatan", "L")
	d.pdf.SetDrawColor(217, 119, 6)
	d.pdf.SetFillColor(217, 119, 6)
	d.pdf.SetAlpha(0.22, "Normal")
	d.pdf.Rect(x+4, ly+6, 8, 3.5, "F")
	d.pdf.SetAlpha(1, "Normal")
	d.pdf.Rect(x+4, ly+6, 8, 3.5, "D")
	d.text(x+14, ly+5.5, w-18, "Tingkat aktual", "L")
	d.pdf.SetLineWidth(0.2)
	d.y = top + blockH
}

// signed prints a gap with its sign: "+0,5", "0", "-1".
func signed(x float64) string {
	s := FormatNumber(x)
	if x > 0.004 {
		return "+" + s
	}
	return s
}
