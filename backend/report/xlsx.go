package report

import (
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"kembang/backend/domain"
)

// The recaps as spreadsheets, for the people who sort, filter and paste
// them into their own reports. Same input as the PDFs; numbers are real
// numbers (not text), NIPs are text (an 18-digit NIP stored as a number
// loses its last digits in Excel).

// text marks a cell value that must stay text (NIP, codes).
type text string

// sheet writes one table: title lines, a header row and data rows.
type sheet struct {
	f      *excelize.File
	name   string
	row    int
	styles struct{ title, header, text, num, dec, bold int }
	err    error
}

func newWorkbook(first string) (*excelize.File, *sheet) {
	f := excelize.NewFile()
	s := &sheet{f: f, name: first}
	s.err = f.SetSheetName("Sheet1", first)
	s.initStyles()
	return f, s
}

func (s *sheet) initStyles() {
	border := []excelize.Border{{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1},
		{Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1}}
	wrap := &excelize.Alignment{WrapText: true, Vertical: "top"}
	two := 2
	mk := func(st *excelize.Style) int {
		id, err := s.f.NewStyle(st)
		if err != nil && s.err == nil {
			s.err = err
		}
		return id
	}
	s.styles.title = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}})
	s.styles.header = mk(&excelize.Style{Border: border, Font: &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E2E8F0"}},
		Alignment: &excelize.Alignment{WrapText: true, Horizontal: "center", Vertical: "center"}})
	s.styles.text = mk(&excelize.Style{Border: border, Alignment: wrap, NumFmt: 49})
	s.styles.num = mk(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top"}, NumFmt: 1})
	s.styles.dec = mk(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top"}, DecimalPlaces: &two, NumFmt: 4})
	s.styles.bold = mk(&excelize.Style{Border: border, Font: &excelize.Font{Bold: true}, Alignment: wrap})
}

func (s *sheet) cell(col, row int) string {
	c, err := excelize.CoordinatesToCellName(col, row)
	if err != nil && s.err == nil {
		s.err = err
	}
	return c
}

// titles writes bold lines above the table.
func (s *sheet) titles(lines ...string) {
	for _, l := range lines {
		if l == "" {
			continue
		}
		s.row++
		c := s.cell(1, s.row)
		s.set(s.f.SetCellStr(s.name, c, l))
		s.set(s.f.SetCellStyle(s.name, c, c, s.styles.title))
	}
	s.row++
}

// header writes the header row with column widths and freezes the panes
// under it.
func (s *sheet) header(cols []string, widths []float64) {
	s.row++
	for i, h := range cols {
		c := s.cell(i+1, s.row)
		s.set(s.f.SetCellStr(s.name, c, h))
		s.set(s.f.SetCellStyle(s.name, c, c, s.styles.header))
		name, _ := excelize.ColumnNumberToName(i + 1)
		if i < len(widths) {
			s.set(s.f.SetColWidth(s.name, name, name, widths[i]))
		}
	}
	s.set(s.f.SetPanes(s.name, &excelize.Panes{Freeze: true, YSplit: s.row, TopLeftCell: s.cell(1, s.row+1), ActivePane: "bottomLeft"}))
}

// line writes one data row: string and text as text, int and int64 as
// whole numbers, float64 with 2 decimals.
func (s *sheet) line(bold bool, values ...any) {
	s.row++
	for i, v := range values {
		c := s.cell(i+1, s.row)
		style := s.styles.text
		switch x := v.(type) {
		case text:
			s.set(s.f.SetCellStr(s.name, c, string(x)))
		case string:
			s.set(s.f.SetCellStr(s.name, c, x))
		case int:
			s.set(s.f.SetCellValue(s.name, c, x))
			style = s.styles.num
		case int64:
			s.set(s.f.SetCellValue(s.name, c, x))
			style = s.styles.num
		case float64:
			s.set(s.f.SetCellValue(s.name, c, x))
			style = s.styles.dec
		case nil:
		default:
			s.set(s.f.SetCellValue(s.name, c, x))
		}
		if bold {
			style = s.styles.bold
		}
		s.set(s.f.SetCellStyle(s.name, c, c, style))
	}
}

func (s *sheet) set(err error) {
	if err != nil && s.err == nil {
		s.err = err
	}
}

// next starts another sheet in the same workbook.
func (s *sheet) next(name string) {
	if _, err := s.f.NewSheet(name); err != nil {
		s.set(err)
	}
	s.name, s.row = name, 0
}

func writeWorkbook(w io.Writer, f *excelize.File, s *sheet, op string) error {
	defer f.Close()
	if s.err != nil {
		return domain.E(domain.CodeReportRenderFailed, op, s.err)
	}
	if err := f.Write(w); err != nil {
		return domain.E(domain.CodeReportRenderFailed, op, err)
	}
	return nil
}

// RecapJPMXLSX writes the JPM recap as a workbook: sheet "Per Unit" and,
// with people, sheet "Per Pegawai".
func RecapJPMXLSX(w io.Writer, data RecapJPMData) error {
	const op = "report.recap_jpm_xlsx"
	f, s := newWorkbook("Per Unit")
	s.titles("Rekapitulasi Job Person Match (JPM) per Unit Kerja", periodLine("Periode penilaian", data.Period), clean(data.Scope))
	cats := data.categories()
	cols := []string{"No", "Unit Kerja", "Jumlah Pegawai"}
	widths := []float64{5, 50, 10}
	for _, c := range cats {
		cols = append(cols, CategoryLabel(c))
		widths = append(widths, 12)
	}
	cols = append(cols, "Belum Dinilai", "Penilaian Belum Lengkap", "Rata-rata JPM (%)")
	widths = append(widths, 10, 12, 12)
	s.header(cols, widths)
	line := func(bold bool, no any, u RecapJPMUnit) {
		vals := []any{no, clean(u.Name), u.Count}
		for _, c := range cats {
			vals = append(vals, u.ByCategory[c])
		}
		var avg any
		if u.Count-u.Uncategorised > 0 {
			avg = u.AverageJPM
		}
		s.line(bold, append(vals, u.Uncategorised, u.Incomplete, avg)...)
	}
	for i, u := range data.Units {
		line(false, i+1, u)
	}
	line(true, nil, data.total())
	if len(data.People) > 0 {
		s.next("Per Pegawai")
		s.header([]string{"No", "Nama", "NIP", "Unit Kerja", "Jabatan", "JPM (%)", "Kategori", "Penilaian Lengkap"},
			[]float64{5, 36, 22, 40, 34, 10, 18, 10})
		for i, p := range data.People {
			var jpm any
			if p.Category != "" {
				jpm = p.JPM
			}
			complete := "Ya"
			if !p.Complete {
				complete = "Tidak"
			}
			s.line(false, i+1, clean(p.Name), text(p.NIP), clean(p.Unit), clean(p.Position), jpm, CategoryLabel(p.Category), complete)
		}
	}
	return writeWorkbook(w, f, s, op)
}

// RecapJPXLSX writes the JP compliance recap: "Per Unit" and, with
// people, "Per Pegawai".
func RecapJPXLSX(w io.Writer, data RecapJPData) error {
	const op = "report.recap_jp_xlsx"
	f, s := newWorkbook("Per Unit")
	s.titles("Rekapitulasi Pemenuhan JP Pengembangan Kompetensi Tahun "+strconv.Itoa(data.Year),
		"Target "+FormatNumber(data.Target)+" JP per pegawai", clean(data.Scope))
	s.header([]string{"No", "Unit Kerja", "Jumlah Pegawai", "Memenuhi", "Belum Memenuhi", "Persentase Memenuhi (%)", "Total JP", "Rata-rata JP", "Kekurangan JP"},
		[]float64{5, 50, 10, 10, 10, 12, 10, 10, 12})
	line := func(bold bool, no any, u RecapJPUnit) {
		s.line(bold, no, clean(u.Name), u.Count, u.Compliant, u.BelowTarget, u.ComplianceRate, u.TotalJP, u.AverageJP, u.Shortfall)
	}
	for i, u := range data.Units {
		line(false, i+1, u)
	}
	line(true, nil, data.total())
	if len(data.People) > 0 {
		s.next("Per Pegawai")
		s.header([]string{"No", "Nama", "NIP", "Unit Kerja", "JP", "Target", "Kekurangan"}, []float64{5, 36, 22, 40, 10, 10, 10})
		for i, p := range data.People {
			s.line(false, i+1, clean(p.Name), text(p.NIP), clean(p.Unit), p.Total, p.Target, p.Shortfall)
		}
	}
	return writeWorkbook(w, f, s, op)
}

// AttendanceXLSX writes the attendance list with one column per day, to
// record presence on screen instead of on paper.
func AttendanceXLSX(w io.Writer, data AttendanceData) error {
	const op = "report.attendance_xlsx"
	f, s := newWorkbook("Daftar Hadir")
	title := clean(data.Title)
	if title == "" {
		title = "Daftar Hadir Peserta"
	}
	s.titles(title, clean(data.Event), clean(data.Provider), clean(data.Venue))
	cols := []string{"No", "Nama", "NIP", "Unit Kerja"}
	widths := []float64{5, 36, 22, 40}
	for _, day := range data.Days {
		cols = append(cols, weekday(day)+", "+FormatDate(day))
		widths = append(widths, 16)
	}
	if len(data.Days) == 0 {
		cols = append(cols, "Hadir")
		widths = append(widths, 12)
	}
	s.header(cols, widths)
	for i, p := range data.Participants {
		vals := []any{i + 1, clean(p.Name), text(p.NIP), clean(p.Unit)}
		for range max(len(data.Days), 1) {
			vals = append(vals, "")
		}
		s.line(false, vals...)
	}
	return writeWorkbook(w, f, s, op)
}

// TrainingHistoryXLSX writes an employee's training history.
func TrainingHistoryXLSX(w io.Writer, data HistoryData) error {
	const op = "report.history_xlsx"
	f, s := newWorkbook("Riwayat")
	emp := data.Employee
	s.titles("Riwayat Pengembangan Kompetensi", clean(emp.Name)+" — NIP "+FormatNIP(emp.NIP), clean(emp.Position), clean(emp.Unit))
	s.header([]string{"No", "Nama Pelatihan", "Jenis Diklat", "Penyelenggara", "Tanggal Mulai", "Tanggal Selesai", "Tahun", "JP", "Nomor Sertifikat"},
		[]float64{5, 46, 26, 34, 14, 14, 8, 8, 30})
	var total float64
	for i, r := range data.Records {
		total += r.JP
		s.line(false, i+1, clean(r.Name), clean(r.Kind), clean(r.Provider), text(r.Start), text(r.End), r.Year, r.JP, text(clean(r.CertificateNo)))
	}
	s.line(true, nil, "Jumlah", nil, nil, nil, nil, nil, total, nil)
	return writeWorkbook(w, f, s, op)
}
