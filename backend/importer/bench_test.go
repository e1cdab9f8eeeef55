package importer_test

import (
	"bytes"
	"sync"
	"testing"

	"kembang/backend/importer"
	"kembang/backend/importer/importtest"
)

var (
	file10kOnce sync.Once
	file10k     []byte
)

func employees10k() []byte {
	file10kOnce.Do(func() { file10k = importtest.EmployeesXLSX(10000, 1) })
	return file10k
}

func TestGeneratedEmployeesFileIsValid(t *testing.T) {
	data := importtest.EmployeesXLSX(500, 7)
	tab, err := importer.ReadTable("pegawai.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := importer.ParseEmployees(tab, importer.Known{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows != 500 || rep.Valid != 500 || len(rep.Errors) != 0 {
		t.Fatalf("rows=%d valid=%d errors=%+v", rep.Rows, rep.Valid, rep.Errors[:min(5, len(rep.Errors))])
	}
	if !bytes.Equal(data, importtest.EmployeesXLSX(500, 7)) {
		t.Error("the same seed must give the same file")
	}
}

// BenchmarkExcelizeBareRead10k is the baseline: open the file with excelize
// and visit every cell through its streaming iterator, doing nothing else.
func BenchmarkExcelizeBareRead10k(b *testing.B) {
	data := employees10k()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cells, err := importtest.BareRead(data, "Pegawai")
		if err != nil {
			b.Fatal(err)
		}
		if cells < 10000*9 {
			b.Fatalf("only %d cells", cells)
		}
	}
}

// BenchmarkParseEmployees10k reads and validates the same file. Target:
// within 1.5× of BenchmarkExcelizeBareRead10k.
func BenchmarkParseEmployees10k(b *testing.B) {
	data := employees10k()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tab, err := importer.ReadTable("pegawai.xlsx", data)
		if err != nil {
			b.Fatal(err)
		}
		rep, err := importer.ParseEmployees(tab, importer.Known{})
		if err != nil {
			b.Fatal(err)
		}
		if rep.Valid != 10000 {
			b.Fatalf("valid = %d, errors %+v", rep.Valid, rep.Errors[:1])
		}
	}
}
