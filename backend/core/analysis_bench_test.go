package core_test

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/store"
)

// The analysis figures of docs/BENCHMARKS.md. The recap of 10,000 employees
// × 15 competencies (finalized assessor results) is compared with one SQL
// aggregate over the same assessment rows measured in the same run: the
// target is "within 2×". The batch grid is measured on a 200-employee unit
// of the same office.

const (
	benchUnits   = 50
	benchPerUnit = 200
	benchPeriod  = "2026"
)

// techCodes are the six technical competencies of the bench office; with
// M.1–M.8 and SK.1 every position requires 15 competencies.
var techCodes = []string{"T.1", "T.2", "T.3", "T.4", "T.5", "T.6"}

// office is a generated office: units, one position, employees.
type office struct {
	units     []domain.Unit
	position  domain.Position
	employees []store.EmployeeRow
}

func benchNIP(i int) string {
	return fmt.Sprintf("1980%02d%02d2005011%03d", 1+i/(28*999)%12, 1+(i/999)%28, 1+i%999)
}

// buildOffice creates units × perUnit employees holding one position that
// requires the 9 built-in competencies at level 2 and techCodes at 3.
func buildOffice(tb testing.TB, c *core.Core, units, perUnit int) office {
	tb.Helper()
	ctx := context.Background()
	var o office
	for _, code := range techCodes {
		comp := &domain.Competency{Code: code, Type: domain.Technical, Name: "Teknis " + code, Levels: levelsOf(code)}
		if err := c.Store.SaveCompetency(ctx, comp); err != nil {
			tb.Fatal(err)
		}
	}
	if _, err := c.Store.PublishFramework(ctx, "bench"); err != nil {
		tb.Fatal(err)
	}
	std := domain.Standards{"SK.1": 2}
	for i := 1; i <= 8; i++ {
		std[fmt.Sprintf("M.%d", i)] = 2
	}
	for _, code := range techCodes {
		std[code] = 3
	}
	o.position = domain.Position{Name: "Analis", Type: domain.Fungsional, Jenjang: domain.AhliMuda, Standards: std}
	if err := c.Store.SavePosition(ctx, &o.position); err != nil {
		tb.Fatal(err)
	}
	rows := make([]domain.ImportEmployee, 0, units*perUnit)
	for u := 0; u < units; u++ {
		unit := domain.Unit{Name: fmt.Sprintf("Bidang %02d", u+1)}
		if err := c.Store.SaveUnit(ctx, &unit); err != nil {
			tb.Fatal(err)
		}
		o.units = append(o.units, unit)
		for k := 0; k < perUnit; k++ {
			i := u*perUnit + k
			rows = append(rows, domain.ImportEmployee{Row: i + 2, UnitName: unit.Name, PositionName: o.position.Name,
				Employee: domain.Employee{NIP: benchNIP(i), Name: fmt.Sprintf("Pegawai %05d", i), Golongan: "III/c"}})
		}
	}
	if _, err := c.Store.ApplyEmployeeImport(ctx, rows, nil); err != nil {
		tb.Fatal(err)
	}
	all, _, err := c.Store.SearchEmployees(ctx, store.EmployeeQuery{Limit: units * perUnit})
	if err != nil {
		tb.Fatal(err)
	}
	o.employees = all
	return o
}

func levelsOf(code string) domain.Levels {
	ls := make(domain.Levels, 5)
	for i := range ls {
		ls[i] = domain.CompetencyLevel{Level: i + 1, Name: fmt.Sprintf("Level %d", i+1),
			Description: fmt.Sprintf("%s level %d", code, i+1), Indicators: []string{"indikator"}}
	}
	return ls
}

// assessAll imports finalized assessor results for every employee and
// every required competency, with levels spread 1–5 deterministically.
func assessAll(tb testing.TB, c *core.Core, o office, period string) {
	tb.Helper()
	codes := make([]string, 0, len(o.position.Standards))
	for code := range o.position.Standards {
		codes = append(codes, code)
	}
	rows := make([]domain.ImportAssessment, 0, len(o.employees)*len(codes))
	for i, e := range o.employees {
		for j, code := range codes {
			rows = append(rows, domain.ImportAssessment{Row: len(rows) + 2, NIP: e.NIP, Code: code,
				Level: 1 + (i*7+j*3)%5, Period: period, Method: domain.AssessmentByAssessor})
		}
	}
	if _, err := c.Store.ApplyAssessmentImport(context.Background(), rows, nil); err != nil {
		tb.Fatal(err)
	}
}

// The 10k office is built once per test binary run and shared by the
// benchmarks; TestMain removes it.
var (
	bigOnce sync.Once
	bigCore *core.Core
	bigOff  office
	bigDir  string
)

func bigOffice(b *testing.B) (*core.Core, office) {
	b.Helper()
	bigOnce.Do(func() {
		dir, err := os.MkdirTemp("", "kembang-bench-")
		if err != nil {
			b.Fatal(err)
		}
		bigDir = dir
		c, err := core.Open(context.Background(), store.Config{Dir: dir})
		if err != nil {
			b.Fatal(err)
		}
		bigCore = c
		bigOff = buildOffice(b, c, benchUnits, benchPerUnit)
		assessAll(b, c, bigOff, benchPeriod)
	})
	if bigCore == nil {
		b.Fatal("bench office could not be built")
	}
	return bigCore, bigOff
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bigCore != nil {
		_ = bigCore.Close()
	}
	if bigDir != "" {
		_ = os.RemoveAll(bigDir)
	}
	os.Exit(code)
}

func BenchmarkRecap10k(b *testing.B) {
	c, _ := bigOffice(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rc, err := c.Recap(ctx, "", benchPeriod)
		if err != nil {
			b.Fatal(err)
		}
		if rc.Count != benchUnits*benchPerUnit || rc.Uncategorised != 0 {
			b.Fatalf("recap of %d people, %d uncategorised", rc.Count, rc.Uncategorised)
		}
	}
}

// BenchmarkSQLAggregate10k is the yardstick: the average level per
// competency over the same finalized rows, computed by SQLite alone.
func BenchmarkSQLAggregate10k(b *testing.B) {
	c, _ := bigOffice(b)
	ctx := context.Background()
	q := `SELECT json_extract(j.value, '$.competencyCode') AS code, avg(json_extract(j.value, '$.level')) AS level
		FROM assessments a, json_each(a.items) j
		WHERE a.period = ? AND a.state = 'finalized' AND NOT a.deleted
		GROUP BY code`
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var rows []struct {
			Code  string
			Level float64
		}
		if err := c.Store.DB.WithContext(ctx).Raw(q, benchPeriod).Scan(&rows).Error; err != nil {
			b.Fatal(err)
		}
		if len(rows) != 15 {
			b.Fatalf("%d competencies aggregated, want 15", len(rows))
		}
	}
}

func BenchmarkGrid200(b *testing.B) {
	c, o := bigOffice(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g, err := c.Grid(ctx, o.units[0].ID, benchPeriod, domain.AssessmentBySupervisor)
		if err != nil {
			b.Fatal(err)
		}
		if len(g.Rows) != benchPerUnit || len(g.Columns) != 15 {
			b.Fatalf("grid %d×%d", len(g.Rows), len(g.Columns))
		}
	}
}

// BenchmarkGridSet200 is one autosaved cell (one committed transaction) in
// the grid of a 200-employee unit.
func BenchmarkGridSet200(b *testing.B) {
	c, o := bigOffice(b)
	ctx := context.Background()
	unit := o.units[0].ID
	var emps []store.EmployeeRow
	for _, e := range o.employees {
		if e.UnitID != nil && *e.UnitID == unit {
			emps = append(emps, e)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e := emps[i%len(emps)]
		if _, err := c.Store.GridSet(ctx, e.ID, benchPeriod, domain.AssessmentBySupervisor, "M.1", 1+i%5); err != nil {
			b.Fatal(err)
		}
	}
}
