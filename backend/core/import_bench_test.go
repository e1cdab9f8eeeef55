package core_test

import (
	"context"
	"testing"

	"kembang/backend/core"
	"kembang/backend/importer/importtest"
	"kembang/backend/store"
)

// The import figure of docs/BENCHMARKS.md: a 10,000-row employee xlsx read,
// validated and committed into a fresh SQLite file, against excelize's bare
// read of the same file measured in the same run.

func BenchmarkImport10kBareRead(b *testing.B) {
	data := importtest.EmployeesXLSX(10000, 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := importtest.BareRead(data, "Pegawai"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkImport10kValidateAndCommit(b *testing.B) {
	data := importtest.EmployeesXLSX(10000, 1)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		c, err := core.Open(ctx, store.Config{Dir: b.TempDir()})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rep, err := c.Preview(ctx, core.KindEmployees, "pegawai.xlsx", data)
		if err != nil {
			b.Fatal(err)
		}
		res, err := c.Commit(ctx, rep, false, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if res.Created != 10000 {
			b.Fatalf("created %d, want 10000", res.Created)
		}
		if err := c.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}
