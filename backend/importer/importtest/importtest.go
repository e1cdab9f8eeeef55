// Package importtest generates realistic spreadsheets for tests and
// benchmarks of the importer and of packages that import through it.
package importtest

import (
	"bytes"
	"fmt"
	"math/rand"

	"github.com/xuri/excelize/v2"
)

var (
	firstNames = []string{"Ahmad", "Budi", "Siti", "Dewi", "Agus", "Sri", "Rina", "Joko", "Wahyu", "Nur",
		"Putu", "Made", "Yuliana", "Hendra", "Fitri", "Rizky", "Dian", "Indah", "Bambang", "Endang"}
	lastNames = []string{"Santoso", "Wulandari", "Hidayat", "Lestari", "Saputra", "Rahmawati", "Nugroho",
		"Kurniawan", "Pratama", "Sari", "Setiawan", "Handayani", "Siregar", "Nasution", "Simanjuntak", "Wijaya"}
	fronts = []string{"", "", "", "", "Dr. ", "Ir. ", "Drs. ", "H. ", "Hj. ", "dr. "}
	backs  = []string{"", "", "", ", S.E.", ", S.Kom.", ", M.Si.", ", S.T., M.T.", ", S.H.", ", A.Md.", ", S.Sos., M.M."}
	units  = []string{"Sekretariat", "Bidang Pengembangan Kompetensi", "Bidang Mutasi dan Promosi",
		"Bidang Pengadaan dan Informasi", "Subbagian Umum dan Kepegawaian", "Subbagian Keuangan", "UPT Pelatihan"}
	positions = []string{"Kepala Badan", "Sekretaris", "Kepala Bidang", "Kepala Subbagian", "Analis SDM Aparatur Ahli Muda",
		"Analis SDM Aparatur Ahli Pertama", "Pranata Komputer Ahli Pertama", "Pengadministrasi Umum", "Bendahara", "Pengelola Kepegawaian"}
	golongans = []string{"II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b"}
)

// Headers is the header row of the generated employee file.
var Headers = []string{"NIP", "Nama", "Gelar Depan", "Gelar Belakang", "Golongan", "Jabatan",
	"Unit Kerja", "Jenis Kelamin", "Tanggal Lahir", "Email", "Telepon"}

// Employee is one generated row.
type Employee struct {
	NIP, Name, Golongan, Jabatan, Unit, Gender, BirthDate, Email, Phone string
}

// Employees returns n valid employees with distinct NIPs, deterministic for
// a seed. Names may carry titles inside them (as offices write them).
func Employees(n int, seed int64) []Employee {
	rng := rand.New(rand.NewSource(seed))
	out := make([]Employee, 0, n)
	seen := make(map[string]bool, n)
	for i := 0; len(out) < n; i++ {
		year := 1965 + rng.Intn(36)
		month := 1 + rng.Intn(12)
		day := 1 + rng.Intn(28)
		tmtYear := year + 20 + rng.Intn(15)
		if tmtYear > 2024 {
			tmtYear = 2024
		}
		tmtMonth := 1 + rng.Intn(12)
		g := 1 + rng.Intn(2)
		serial := 1 + (i % 999)
		nip := fmt.Sprintf("%04d%02d%02d%04d%02d%d%03d", year, month, day, tmtYear, tmtMonth, g, serial)
		if seen[nip] {
			continue
		}
		seen[nip] = true
		first, last := firstNames[rng.Intn(len(firstNames))], lastNames[rng.Intn(len(lastNames))]
		gender := "L"
		if g == 2 {
			gender = "P"
		}
		e := Employee{
			NIP:      nip,
			Name:     fronts[rng.Intn(len(fronts))] + first + " " + last + backs[rng.Intn(len(backs))],
			Golongan: golongans[rng.Intn(len(golongans))],
			Jabatan:  positions[rng.Intn(len(positions))],
			Unit:     units[rng.Intn(len(units))],
			Email:    fmt.Sprintf("pegawai%d@bkpsdm.go.id", i+1),
			Phone:    fmt.Sprintf("08%d%08d", 11+rng.Intn(9), rng.Intn(100000000)),
		}
		if rng.Intn(2) == 0 {
			e.Gender = gender
			e.BirthDate = fmt.Sprintf("%04d-%02d-%02d", year, month, day)
		}
		out = append(out, e)
	}
	return out
}

// EmployeesXLSX is an xlsx employee file (sheet "Pegawai", every cell text)
// with n valid rows from Employees(n, seed). It panics on failure: it is for
// tests and benchmarks.
func EmployeesXLSX(n int, seed int64) []byte {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Pegawai"); err != nil {
		panic(err)
	}
	sw, err := f.NewStreamWriter("Pegawai")
	if err != nil {
		panic(err)
	}
	row := make([]any, len(Headers))
	for i, h := range Headers {
		row[i] = h
	}
	if err := sw.SetRow("A1", row); err != nil {
		panic(err)
	}
	for i, e := range Employees(n, seed) {
		vals := []any{e.NIP, e.Name, "", "", e.Golongan, e.Jabatan, e.Unit, e.Gender, e.BirthDate, e.Email, e.Phone}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, vals); err != nil {
			panic(err)
		}
	}
	if err := sw.Flush(); err != nil {
		panic(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// BareRead opens an xlsx with excelize and visits every cell of a sheet
// through its streaming iterator, doing nothing else: the baseline the
// import benchmarks are measured against. It returns the number of cells.
func BareRead(data []byte, sheet string) (int, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	rows, err := f.Rows(sheet)
	if err != nil {
		return 0, err
	}
	cells := 0
	for rows.Next() {
		cols, err := rows.Columns()
		if err != nil {
			return 0, err
		}
		cells += len(cols)
	}
	return cells, rows.Close()
}
