package store

import (
	"context"
	"fmt"
	"testing"

	"kembang/backend/domain"
)

// benchNIP returns a distinct valid NIP for every i below 13,440,000.
func benchNIP(i int) string {
	day, month, year := i%28+1, (i/28)%12+1, 1960+(i/336)%40
	serial := i/13440 + 1
	return fmt.Sprintf("%04d%02d%02d%04d%02d%d%03d", year, month, day, year+25, month, i%2+1, serial%1000)
}

func benchRows(n int) []domain.ImportEmployee {
	first := []string{"Budi", "Siti", "Agus", "Dewi", "Eko", "Sri", "Joko", "Rina", "Hadi", "Wati"}
	last := []string{"Santoso", "Rahmawati", "Wijaya", "Lestari", "Saputra", "Kurniawan", "Hidayat", "Susanti"}
	rows := make([]domain.ImportEmployee, n)
	for i := range rows {
		rows[i] = domain.ImportEmployee{
			Row: i + 2,
			Employee: domain.Employee{NIP: benchNIP(i), Golongan: "III/a",
				Name: fmt.Sprintf("%s %s %d", first[i%len(first)], last[(i/10)%len(last)], i)},
			UnitName:     fmt.Sprintf("Unit %d", i%50),
			PositionName: fmt.Sprintf("Jabatan %d", i%100),
		}
	}
	return rows
}

func benchStore(b *testing.B) *Store {
	b.Helper()
	s, err := Open(context.Background(), Config{Dir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close() })
	if _, err := s.EnsureLocalOffice(context.Background(), "Kantor"); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkApplyEmployeeImport10k imports 10,000 new employees (with 50
// new units and 100 new positions) into an empty database. Target: well
// under one second per import on SQLite.
func BenchmarkApplyEmployeeImport10k(b *testing.B) {
	rows := benchRows(10_000)
	for b.Loop() {
		b.StopTimer()
		s := benchStore(b)
		b.StartTimer()
		res, err := s.ApplyEmployeeImport(context.Background(), rows, nil)
		if err != nil || res.Created != len(rows) {
			b.Fatalf("import: %+v, %v", res, err)
		}
	}
}

// BenchmarkSearchEmployees50k searches 50,000 employees. Target: under
// 30 ms per search on SQLite.
func BenchmarkSearchEmployees50k(b *testing.B) {
	s := benchStore(b)
	if _, err := s.ApplyEmployeeImport(context.Background(), benchRows(50_000), nil); err != nil {
		b.Fatal(err)
	}
	for _, q := range []EmployeeQuery{
		{},
		{Text: "budi"},
		{Text: "siti wijaya"},
		{Text: "unit 7 jabatan 7"},
		{Text: benchNIP(31337)},
		{Text: "19800101 200501 1 001"},
		{Text: "no such person"},
	} {
		b.Run(fmt.Sprintf("%q", q.Text), func(b *testing.B) {
			for b.Loop() {
				if _, _, err := s.SearchEmployees(context.Background(), q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
