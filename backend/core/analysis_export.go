package core

import (
	"context"
	"fmt"

	"github.com/xuri/excelize/v2"

	"kembang/backend/domain"
)

// categoryLabels are the printed names of the category codes, as offices
// write them in recaps.
var categoryLabels = map[string]string{
	domain.CategoryOptimal:              "Optimal",
	domain.CategoryCukupOptimal:         "Cukup Optimal",
	domain.CategoryKurangOptimal:        "Kurang Optimal",
	domain.CategoryMemenuhiSyarat:       "Memenuhi Syarat",
	domain.CategoryMasihMemenuhiSyarat:  "Masih Memenuhi Syarat",
	domain.CategoryKurangMemenuhiSyarat: "Kurang Memenuhi Syarat",
}

// CategoryLabel is the printed name of a category code ("" stays "").
func CategoryLabel(code string) string {
	if l, ok := categoryLabels[code]; ok {
		return l
	}
	return code
}

// ExportRecap writes the recap of a unit subtree ("" = whole office) as an
// xlsx workbook with four sheets: Ringkasan (summary and average gap per
// competency), Pegawai (every person), Kesenjangan Terbesar (the largest
// development needs) and Peta Panas (average gap per unit × competency).
// The sheets are a printed document, so their headers are Indonesian.
func (c *Core) ExportRecap(ctx context.Context, unitID, period string) ([]byte, error) {
	rc, err := c.Recap(ctx, unitID, period)
	if err != nil {
		return nil, err
	}
	scope := "Seluruh kantor"
	if unitID != "" {
		u, err := c.Store.GetUnit(ctx, unitID)
		if err != nil {
			return nil, err
		}
		scope = u.Name + " (dan sub-unit)"
	}
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#D9E7D3"}}})
	if err != nil {
		return nil, err
	}
	textStyle, err := f.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return nil, err
	}
	write := func(sheet string, row int, vals ...any) error {
		cell, err := excelize.CoordinatesToCellName(1, row)
		if err != nil {
			return err
		}
		return f.SetSheetRow(sheet, cell, &vals)
	}
	header := func(sheet string, row int, vals ...any) error {
		if err := write(sheet, row, vals...); err != nil {
			return err
		}
		last, _ := excelize.CoordinatesToCellName(len(vals), row)
		first, _ := excelize.CoordinatesToCellName(1, row)
		return f.SetCellStyle(sheet, first, last, bold)
	}
	var werr error
	must := func(err error) {
		if werr == nil && err != nil {
			werr = err
		}
	}

	const summary = "Ringkasan"
	must(f.SetSheetName("Sheet1", summary))
	th := rc.Thresholds
	must(write(summary, 1, "Rekap Job Person Match (JPM)"))
	must(write(summary, 2, "Periode", rc.Period))
	must(write(summary, 3, "Cakupan", scope))
	must(write(summary, 4, "Jumlah pegawai", rc.Count))
	must(write(summary, 5, "Rata-rata JPM (%)", rc.AverageJPM))
	must(write(summary, 6, "Belum dapat dikategorikan", rc.Uncategorised))
	must(write(summary, 7, "Penilaian belum lengkap", rc.Incomplete))
	must(header(summary, 9, "Kategori", "Batas JPM (%)", "Jumlah"))
	must(write(summary, 10, CategoryLabel(th.HighCode), fmt.Sprintf("≥ %g", th.High), rc.ByCategory[th.HighCode]))
	must(write(summary, 11, CategoryLabel(th.MidCode), fmt.Sprintf("%g – < %g", th.Mid, th.High), rc.ByCategory[th.MidCode]))
	must(write(summary, 12, CategoryLabel(th.LowCode), fmt.Sprintf("< %g", th.Mid), rc.ByCategory[th.LowCode]))
	must(header(summary, 14, "Kode", "Kompetensi", "Rata-rata kesenjangan"))
	for i, g := range rc.AverageGap {
		must(write(summary, 15+i, g.Code, g.Name, g.Gap))
	}
	must(f.SetColWidth(summary, "A", "A", 28))
	must(f.SetColWidth(summary, "B", "B", 40))

	const people = "Pegawai"
	_, err = f.NewSheet(people)
	must(err)
	must(header(people, 1, "NIP", "Nama", "Unit Kerja", "Jabatan", "JPM (%)", "Kategori", "Lengkap", "Kotak 9-box"))
	for i, p := range rc.People {
		complete := "tidak"
		if p.Complete {
			complete = "ya"
		}
		var box any
		if p.Box > 0 {
			box = p.Box
		}
		var jpm any
		if p.Category != "" {
			jpm = p.JPM
		}
		must(write(people, 2+i, p.NIP, p.Name, p.UnitName, p.PositionName, jpm, CategoryLabel(p.Category), complete, box))
	}
	must(f.SetColStyle(people, "A", textStyle))
	must(f.SetColWidth(people, "A", "A", 22))
	must(f.SetColWidth(people, "B", "D", 34))

	const gaps = "Kesenjangan Terbesar"
	_, err = f.NewSheet(gaps)
	must(err)
	must(header(gaps, 1, "Nama", "Unit Kerja", "Kode", "Kompetensi", "Standar", "Aktual", "Kesenjangan"))
	for i, g := range rc.LargestGaps {
		must(write(gaps, 2+i, g.Name, g.UnitName, g.Code, g.CompetencyName, g.Standard, g.Actual, g.Gap))
	}
	must(f.SetColWidth(gaps, "A", "B", 34))
	must(f.SetColWidth(gaps, "D", "D", 34))

	const heat = "Peta Panas"
	_, err = f.NewSheet(heat)
	must(err)
	head := []any{"Unit Kerja"}
	for _, code := range rc.Heatmap.Codes {
		head = append(head, code.Code)
	}
	must(header(heat, 1, head...))
	for i, u := range rc.Heatmap.Units {
		row := []any{u.Name}
		for _, g := range rc.Heatmap.Gaps[i] {
			if g == nil {
				row = append(row, nil)
			} else {
				row = append(row, *g)
			}
		}
		must(write(heat, 2+i, row...))
	}
	must(f.SetColWidth(heat, "A", "A", 34))
	if werr != nil {
		return nil, domain.E(domain.CodeInternal, "analysis.export", werr)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, domain.E(domain.CodeInternal, "analysis.export", err)
	}
	return buf.Bytes(), nil
}
