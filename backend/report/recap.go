package report

import (
	"io"
	"strconv"
	"strings"
	"time"

	"kembang/backend/domain"
)

// Recaps: JPM per unit, JP compliance per unit, the attendance list (daftar
// hadir) and an employee's training history. Each is a PDF here and an
// xlsx in xlsx.go, from the same input.

// RecapJPMData is the JPM recap of an office or a unit subtree.
type RecapJPMData struct {
	Letterhead Letterhead
	Period     string // assessment period, e.g. "2025"
	Scope      string // what the recap covers, e.g. "Seluruh unit kerja"
	// Thresholds give the category columns (high, mid, low) and their
	// cut-offs in the legend.
	Thresholds domain.CategoryThresholds
	Units      []RecapJPMUnit
	People     []RecapJPMPerson // optional: the detail table
	Signatory  Signatory        // optional; printed when it has a name or title
	Place      string
	Date       string // YYYY-MM-DD
}

// RecapJPMUnit is one unit's line.
type RecapJPMUnit struct {
	Name          string
	Count         int
	ByCategory    map[string]int // by category code
	Uncategorised int
	Incomplete    int
	AverageJPM    float64
}

// RecapJPMUnitOf shapes a domain recap as a unit line.
func RecapJPMUnitOf(name string, r domain.Recap) RecapJPMUnit {
	return RecapJPMUnit{Name: name, Count: r.Count, ByCategory: r.ByCategory, Uncategorised: r.Uncategorised,
		Incomplete: r.Incomplete, AverageJPM: r.AverageJPM}
}

// RecapJPMPerson is one employee of the detail table.
type RecapJPMPerson struct {
	Name, NIP, Unit, Position string
	JPM                       float64
	Category                  string // category code; "" not judged
	Complete                  bool
}

func (d RecapJPMData) categories() []string {
	t := d.Thresholds
	if t.HighCode == "" {
		t = domain.MappingThresholds()
	}
	return []string{t.HighCode, t.MidCode, t.LowCode}
}

// total adds the unit lines up; the average JPM is weighted by the
// people with a category.
func (d RecapJPMData) total() RecapJPMUnit {
	tot := RecapJPMUnit{Name: "Jumlah", ByCategory: map[string]int{}}
	var sum float64
	var judged int
	for _, u := range d.Units {
		tot.Count += u.Count
		tot.Uncategorised += u.Uncategorised
		tot.Incomplete += u.Incomplete
		n := 0
		for code, c := range u.ByCategory {
			tot.ByCategory[code] += c
			n += c
		}
		sum += u.AverageJPM * float64(n)
		judged += n
	}
	if judged > 0 {
		tot.AverageJPM = float64(int64(sum/float64(judged)*100+0.5)) / 100
	}
	return tot
}

// RecapJPM renders the JPM recap (portrait A4).
func RecapJPM(w io.Writer, data RecapJPMData) error {
	const op = "report.recap_jpm"
	d := newDoc("P")
	d.addPage()
	if err := d.letterhead(data.Letterhead); err != nil {
		return err
	}
	d.title("REKAPITULASI JOB PERSON MATCH (JPM) PER UNIT KERJA", periodLine("Periode penilaian", data.Period))
	d.footerLeft = "Rekapitulasi JPM · " + clean(data.Period)
	if s := clean(data.Scope); s != "" {
		d.flow("Cakupan: "+s, false, 9, "L")
		d.y += 1
	}
	cats := data.categories()
	t := data.Thresholds
	if t.HighCode == "" {
		t = domain.MappingThresholds()
	}
	cols := []column{{"No", 8, "C", false}, {"Unit Kerja", 0, "L", false}, {"Jumlah Pegawai", 17, "C", true}}
	for _, c := range cats {
		cols = append(cols, column{CategoryLabel(c), 19, "C", true})
	}
	cols = append(cols, column{"Belum Dinilai", 17, "C", true}, column{"Rata-rata JPM", 19, "C", true})
	rows := make([][]string, 0, len(data.Units)+1)
	line := func(no string, u RecapJPMUnit) []string {
		r := []string{no, clean(u.Name), itoa(u.Count)}
		for _, c := range cats {
			r = append(r, itoa(u.ByCategory[c]))
		}
		avg := "-"
		if u.Count-u.Uncategorised > 0 {
			avg = FormatPercent(u.AverageJPM)
		}
		return append(r, itoa(u.Uncategorised), avg)
	}
	for i, u := range data.Units {
		rows = append(rows, line(itoa(i+1), u))
	}
	rows = append(rows, line("", data.total()))
	d.table(&table{size: 8.5, zebra: true, boldRows: map[int]bool{len(rows) - 1: true}, cols: cols}, rows)
	d.flow("Kategori: "+CategoryLabel(t.HighCode)+" JPM ≥ "+FormatNumber(t.High)+"%; "+
		CategoryLabel(t.MidCode)+" "+FormatNumber(t.Mid)+"% sampai < "+FormatNumber(t.High)+"%; "+
		CategoryLabel(t.LowCode)+" < "+FormatNumber(t.Mid)+"%. Belum dinilai: tanpa standar kompetensi jabatan atau tanpa hasil penilaian.", false, 8, "L")

	if len(data.People) > 0 {
		d.y += 2
		d.heading("Rincian per pegawai", 20)
		rows := make([][]string, len(data.People))
		for i, p := range data.People {
			jpm := "-"
			if p.Category != "" {
				jpm = FormatPercent(p.JPM)
			}
			cat := CategoryLabel(p.Category)
			if p.Category != "" && !p.Complete {
				cat += " *"
			}
			rows[i] = []string{itoa(i + 1), clean(p.Name) + "\nNIP " + FormatNIP(p.NIP), orDash(clean(p.Unit)), orDash(clean(p.Position)), jpm, cat}
		}
		d.table(&table{size: 8, zebra: true, cols: []column{
			{"No", 8, "C", false}, {"Nama / NIP", 48, "L", false}, {"Unit Kerja", 0, "L", false}, {"Jabatan", 38, "L", false},
			{"JPM", 17, "C", false}, {"Kategori", 24, "C", false},
		}}, rows)
		d.flow("* penilaian belum mencakup semua kompetensi yang dipersyaratkan.", false, 7.5, "L")
	}
	if err := d.signOff(data.Signatory, data.Place, data.Date); err != nil {
		return err
	}
	return d.finish(w, op)
}

// RecapJPData is the JP compliance recap (pemenuhan JP) for one year.
type RecapJPData struct {
	Letterhead Letterhead
	Year       int
	Target     float64 // per employee
	Scope      string
	Units      []RecapJPUnit
	People     []RecapJPPerson // optional detail, e.g. only those below target
	Signatory  Signatory
	Place      string
	Date       string
}

// RecapJPUnit is one unit's line.
type RecapJPUnit struct {
	Name           string
	Count          int
	Compliant      int
	BelowTarget    int
	TotalJP        float64
	AverageJP      float64
	ComplianceRate float64 // %
	Shortfall      float64
}

// RecapJPUnitOf shapes a domain JP recap as a unit line.
func RecapJPUnitOf(name string, r domain.JPRecap) RecapJPUnit {
	return RecapJPUnit{Name: name, Count: r.Count, Compliant: r.Compliant, BelowTarget: r.BelowTarget,
		TotalJP: r.TotalJP, AverageJP: r.AverageJP, ComplianceRate: r.ComplianceRate, Shortfall: r.TotalShortfall}
}

// RecapJPPerson is one employee's JP against the target.
type RecapJPPerson struct {
	Name, NIP, Unit string
	Total, Target   float64
	Shortfall       float64
}

func (d RecapJPData) total() RecapJPUnit {
	t := RecapJPUnit{Name: "Jumlah"}
	for _, u := range d.Units {
		t.Count += u.Count
		t.Compliant += u.Compliant
		t.BelowTarget += u.BelowTarget
		t.TotalJP += u.TotalJP
		t.Shortfall += u.Shortfall
	}
	if t.Count > 0 {
		t.AverageJP = float64(int64(t.TotalJP/float64(t.Count)*100+0.5)) / 100
		t.ComplianceRate = float64(int64(float64(t.Compliant)*10000/float64(t.Count)+0.5)) / 100
	}
	return t
}

// RecapJP renders the JP compliance recap (portrait A4).
func RecapJP(w io.Writer, data RecapJPData) error {
	const op = "report.recap_jp"
	d := newDoc("P")
	d.addPage()
	if err := d.letterhead(data.Letterhead); err != nil {
		return err
	}
	year := strconv.Itoa(data.Year)
	d.title("REKAPITULASI PEMENUHAN JAM PELAJARAN (JP) PENGEMBANGAN KOMPETENSI", "TAHUN "+year)
	d.footerLeft = "Rekapitulasi pemenuhan JP · " + year
	intro := "Target: " + FormatNumber(data.Target) + " JP per pegawai per tahun."
	if s := clean(data.Scope); s != "" {
		intro = "Cakupan: " + s + ". " + intro
	}
	d.flow(intro, false, 9, "L")
	d.y += 1
	rows := make([][]string, 0, len(data.Units)+1)
	line := func(no string, u RecapJPUnit) []string {
		return []string{no, clean(u.Name), itoa(u.Count), itoa(u.Compliant), itoa(u.BelowTarget),
			FormatPercent(u.ComplianceRate), FormatNumber(u.TotalJP), FormatNumber(u.AverageJP), FormatNumber(u.Shortfall)}
	}
	for i, u := range data.Units {
		rows = append(rows, line(itoa(i+1), u))
	}
	rows = append(rows, line("", data.total()))
	d.table(&table{size: 8.5, zebra: true, boldRows: map[int]bool{len(rows) - 1: true}, cols: []column{
		{"No", 8, "C", false}, {"Unit Kerja", 0, "L", false}, {"Jumlah Pegawai", 16, "C", true}, {"Memenuhi", 18, "C", true},
		{"Belum Memenuhi", 18, "C", true}, {"Persentase", 18, "C", true}, {"Total JP", 16, "C", true}, {"Rata-rata JP", 17, "C", true},
		{"Kekurangan JP", 19, "C", true},
	}}, rows)
	if len(data.People) > 0 {
		d.y += 2
		d.heading("Rincian per pegawai", 20)
		rows := make([][]string, len(data.People))
		for i, p := range data.People {
			rows[i] = []string{itoa(i + 1), clean(p.Name), FormatNIP(p.NIP), orDash(clean(p.Unit)),
				FormatNumber(p.Total), FormatNumber(p.Target), FormatNumber(p.Shortfall)}
		}
		d.table(&table{size: 8, zebra: true, cols: []column{
			{"No", 8, "C", false}, {"Nama", 42, "L", false}, {"NIP", 36, "C", true}, {"Unit Kerja", 0, "L", false},
			{"JP", 13, "C", true}, {"Target", 14, "C", true}, {"Kurang", 14, "C", true},
		}}, rows)
	}
	if err := d.signOff(data.Signatory, data.Place, data.Date); err != nil {
		return err
	}
	return d.finish(w, op)
}

// AttendanceData is a daftar hadir of a training event.
type AttendanceData struct {
	Letterhead   Letterhead
	Title        string // default "DAFTAR HADIR PESERTA"
	Event        string
	Provider     string
	Venue        string
	Days         []string // YYYY-MM-DD, one signature column each; none = one column
	Participants []AttendanceParticipant
	Signatory    Signatory // e.g. the committee (panitia)
	Place        string
	Date         string
}

// AttendanceParticipant is one row.
type AttendanceParticipant struct {
	Name, NIP, Unit string
}

var weekdays = [...]string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}

// dayHeader is "Selasa\n3 November 2026".
func dayHeader(iso string) string {
	t, ok := parseDate(iso)
	if !ok {
		return iso
	}
	return weekdays[t.Weekday()] + "\n" + FormatDate(iso)
}

// AttendanceList renders the daftar hadir: No, Nama, NIP, Unit Kerja and
// one signature column per day, the signing place staggered left and
// right by row number as on paper forms. Up to 2 days fit a portrait page;
// more days turn the page to landscape and go 5 days per table, each
// table starting on a new page.
func AttendanceList(w io.Writer, data AttendanceData) error {
	const op = "report.attendance"
	days := data.Days
	orient, perTable := "P", 2
	if len(days) > 2 {
		orient, perTable = "L", 5
	}
	d := newDoc(orient)
	title := clean(data.Title)
	if title == "" {
		title = "DAFTAR HADIR PESERTA"
	}
	d.footerLeft = title + " · " + clean(data.Event)
	chunks := [][]string{nil}
	if len(days) > 0 {
		chunks = nil
		for i := 0; i < len(days); i += perTable {
			chunks = append(chunks, days[i:min(i+perTable, len(days))])
		}
	}
	for ci, chunk := range chunks {
		d.addPage()
		if ci == 0 {
			if err := d.letterhead(data.Letterhead); err != nil {
				return err
			}
		}
		d.title(title, clean(data.Event))
		var info [][2]string
		if p := clean(data.Provider); p != "" {
			info = append(info, [2]string{"Penyelenggara", p})
		}
		if v := clean(data.Venue); v != "" {
			info = append(info, [2]string{"Tempat", v})
		}
		if len(days) > 0 {
			info = append(info, [2]string{"Tanggal", FormatDateRange(days[0], days[len(days)-1])})
		}
		d.fields(30, info)
		d.y += 2
		nipW, unitW, sigW := 36.0, 44.0, 25.0
		if orient == "P" {
			nipW, unitW, sigW = 33, 40, 26
		}
		cols := []column{{"No", 8, "C", false}, {"Nama", 0, "L", false}, {"NIP", nipW, "C", true}, {"Unit Kerja", unitW, "L", false}}
		if len(chunk) == 0 {
			cols = append(cols, column{"Tanda Tangan", sigW * 1.4, "L", false})
		}
		for _, day := range chunk {
			cols = append(cols, column{dayHeader(day), sigW, "L", false})
		}
		rows := make([][]string, len(data.Participants))
		for i, p := range data.Participants {
			rows[i] = []string{itoa(i + 1), clean(p.Name), FormatNIP(p.NIP), orDash(clean(p.Unit))}
		}
		t := &table{size: 8, minRowH: 11, cols: cols}
		t.decorate = func(row, col int, x, y, w, h float64) {
			if col < 4 {
				return
			}
			d.font(false, 6.5)
			d.color(colMuted)
			nx := x + 1.2
			if row%2 == 1 {
				nx = x + w/2
			}
			d.text(nx, y+1, w/2-1.2, itoa(row+1)+".", "L")
			d.color(colText)
			d.font(false, t.size)
		}
		d.table(t, rows)
	}
	if err := d.signOff(data.Signatory, data.Place, data.Date); err != nil {
		return err
	}
	return d.finish(w, op)
}

// HistoryData is an employee's training history (riwayat pengembangan
// kompetensi), in the order given (callers sort, usually by start date).
type HistoryData struct {
	Letterhead Letterhead
	Employee   Identity
	Records    []HistoryRecord
	JPTarget   float64 // yearly target for the per-year summary; 0 leaves it out
	Signatory  Signatory
	Place      string
	Date       string
}

// HistoryRecord is one training record.
type HistoryRecord struct {
	Name          string
	Kind          string // jenis diklat (SIASN), e.g. "Pelatihan Klasikal Lainnya"
	Provider      string
	CertificateNo string
	Start, End    string // YYYY-MM-DD
	Year          int
	JP            float64
}

// HistoryRecordOf shapes a domain training record.
func HistoryRecordOf(r domain.TrainingRecord) HistoryRecord {
	return HistoryRecord{Name: r.Name, Kind: r.JenisDiklat, Provider: r.Provider, CertificateNo: r.CertificateNo,
		Start: r.StartDate, End: r.EndDate, Year: r.Year, JP: r.JP}
}

// historyYears sums JP and counts records per year, ascending.
func historyYears(recs []HistoryRecord) (years []int, jp map[int]float64, n map[int]int) {
	jp, n = map[int]float64{}, map[int]int{}
	for _, r := range recs {
		y := r.Year
		if y == 0 {
			if t, ok := parseDate(r.End); ok {
				y = t.Year()
			} else if t, ok := parseDate(r.Start); ok {
				y = t.Year()
			}
		}
		if _, seen := n[y]; !seen {
			years = append(years, y)
		}
		jp[y] += r.JP
		n[y]++
	}
	for i := 1; i < len(years); i++ {
		for j := i; j > 0 && years[j] < years[j-1]; j-- {
			years[j], years[j-1] = years[j-1], years[j]
		}
	}
	return years, jp, n
}

// TrainingHistory renders the history (portrait A4).
func TrainingHistory(w io.Writer, data HistoryData) error {
	const op = "report.history"
	d := newDoc("P")
	d.addPage()
	if err := d.letterhead(data.Letterhead); err != nil {
		return err
	}
	d.title("RIWAYAT PENGEMBANGAN KOMPETENSI PEGAWAI")
	emp := data.Employee
	d.footerLeft = "Riwayat pengembangan kompetensi · " + clean(emp.Name) + " · NIP " + FormatNIP(emp.NIP)
	d.fields(38, [][2]string{
		{"Nama", orDash(clean(emp.Name))},
		{"NIP", orDash(FormatNIP(emp.NIP))},
		{"Pangkat/Golongan", orDash(FormatGolongan(emp.Golongan))},
		{"Jabatan", orDash(clean(emp.Position))},
		{"Unit Kerja", orDash(clean(emp.Unit))},
	})
	d.y += 2
	rows := make([][]string, len(data.Records))
	var total float64
	for i, r := range data.Records {
		name := clean(r.Name)
		if k := clean(r.Kind); k != "" {
			name += "\n(" + k + ")"
		}
		total += r.JP
		rows[i] = []string{itoa(i + 1), name, orDash(clean(r.Provider)), orDash(FormatDateRange(r.Start, r.End)),
			FormatNumber(r.JP), orDash(clean(r.CertificateNo))}
	}
	rows = append(rows, []string{"", "Jumlah", "", "", FormatNumber(total), ""})
	d.table(&table{size: 8, zebra: true, boldRows: map[int]bool{len(rows) - 1: true}, cols: []column{
		{"No", 8, "C", false}, {"Nama Pelatihan / Jenis", 0, "L", false}, {"Penyelenggara", 36, "L", false},
		{"Tanggal", 26, "C", false}, {"JP", 11, "C", true}, {"Nomor Sertifikat", 34, "L", false},
	}}, rows)

	years, jp, n := historyYears(data.Records)
	if len(years) > 0 {
		d.heading("Ringkasan JP per tahun", 15)
		cols := []column{{"Tahun", 20, "C", true}, {"Kegiatan", 22, "C", true}, {"JP", 20, "C", true}}
		if data.JPTarget > 0 {
			cols = append(cols, column{"Target", 20, "C", true}, column{"Keterangan", 40, "C", false})
		}
		rows := make([][]string, len(years))
		for i, y := range years {
			ys := strconv.Itoa(y)
			if y == 0 {
				ys = "-"
			}
			rows[i] = []string{ys, itoa(n[y]), FormatNumber(jp[y])}
			if data.JPTarget > 0 {
				note := "Memenuhi"
				if short := data.JPTarget - jp[y]; short > 0.004 {
					note = "Kurang " + FormatNumber(short) + " JP"
				}
				rows[i] = append(rows[i], FormatNumber(data.JPTarget), note)
			}
		}
		d.table(&table{size: 8.5, cols: cols}, rows)
	}
	if err := d.signOff(data.Signatory, data.Place, data.Date); err != nil {
		return err
	}
	return d.finish(w, op)
}

// signOff prints the place, date and signatory at the right, when there
// is a signatory.
func (d *doc) signOff(s Signatory, place, date string) error {
	if clean(s.Name) == "" && clean(s.Title) == "" {
		return nil
	}
	placeDate := strings.Trim(strings.TrimSpace(clean(place)+", "+FormatDate(date)), ", ")
	colW := 90.0
	d.y += 4
	d.ensure(signatureHeight(1))
	_, err := d.signature(d.left+d.contentWidth()-colW, d.y, colW, s, placeDate)
	return err
}

// periodLine is "label period", or "" when period is empty.
func periodLine(label, period string) string {
	if p := clean(period); p != "" {
		return label + " " + p
	}
	return ""
}

// weekday is used by tests and the xlsx attendance sheet.
func weekday(iso string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return ""
	}
	return weekdays[t.Weekday()]
}
