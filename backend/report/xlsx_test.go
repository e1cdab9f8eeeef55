package report

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

func openXLSX(t *testing.T, fn func(*bytes.Buffer) error) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := fn(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestRecapJPMXLSX(t *testing.T) {
	f := openXLSX(t, func(b *bytes.Buffer) error { return RecapJPMXLSX(b, fixtureRecapJPM()) })
	rows, err := f.GetRows("Per Unit")
	if err != nil {
		t.Fatal(err)
	}
	var header, total []string
	for _, r := range rows {
		if len(r) > 1 && r[0] == "No" {
			header = r
		}
		if len(r) > 1 && r[1] == "Jumlah" {
			total = r
		}
	}
	want := []string{"No", "Unit Kerja", "Jumlah Pegawai", "Optimal", "Cukup Optimal", "Kurang Optimal", "Belum Dinilai", "Penilaian Belum Lengkap", "Rata-rata JPM (%)"}
	if len(header) != len(want) {
		t.Fatalf("header %q, want %q", header, want)
	}
	for i := range want {
		if header[i] != want[i] {
			t.Errorf("header[%d] = %q, want %q", i, header[i], want[i])
		}
	}
	if total == nil || total[2] != "28" || total[3] != "11" {
		t.Errorf("total row %q", total)
	}
	// NIPs stay text: all 18 digits, no exponent.
	people, _ := f.GetRows("Per Pegawai")
	if len(people) < 2 || people[1][2] != "198507142010012003" {
		t.Errorf("NIP cell %q", people[1])
	}
	typ, _ := f.GetCellType("Per Pegawai", "C2")
	if typ == excelize.CellTypeNumber {
		t.Error("NIP stored as a number")
	}
}

func TestOtherWorkbooks(t *testing.T) {
	jp := openXLSX(t, func(b *bytes.Buffer) error { return RecapJPXLSX(b, fixtureRecapJP()) })
	if v, _ := jp.GetCellValue("Per Pegawai", "C2"); v != "198507142010012003" {
		t.Errorf("JP recap NIP %q", v)
	}
	att := openXLSX(t, func(b *bytes.Buffer) error { return AttendanceXLSX(b, fixtureAttendance(3)) })
	rows, _ := att.GetRows("Daftar Hadir")
	found := false
	for _, r := range rows {
		if len(r) == 7 && r[4] == "Selasa, 3 November 2026" {
			found = true
		}
	}
	if !found {
		t.Errorf("attendance header with day columns not found in %q", rows)
	}
	hist := openXLSX(t, func(b *bytes.Buffer) error { return TrainingHistoryXLSX(b, fixtureHistory()) })
	rows, _ = hist.GetRows("Riwayat")
	last := rows[len(rows)-1]
	if last[1] != "Jumlah" || last[7] != "620.50" && last[7] != "620,50" && last[7] != "620.5" {
		t.Errorf("history total row %q", last)
	}
}
