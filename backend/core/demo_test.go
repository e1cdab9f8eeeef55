package core_test

import (
	"context"
	"testing"

	"kembang/backend/core"
	"kembang/backend/framework"
	"kembang/backend/importer"
	"kembang/backend/importer/importtest"
	"kembang/backend/store"
)

func TestLoadDemoTwiceChangesNothing(t *testing.T) {
	t.Parallel()
	c := openCore(t)
	ctx := context.Background()

	first, err := c.LoadDemo(ctx, 60, 1)
	if err != nil {
		t.Fatal(err)
	}
	if first.Created != 60 {
		t.Errorf("first LoadDemo = %+v, want 60 employees created", first)
	}
	countsBefore, err := c.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	checkBefore, err := c.Store.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}

	second, err := c.LoadDemo(ctx, 60, 1)
	if err != nil {
		t.Fatal(err)
	}

	if second.Created != 0 || second.Updated != 0 || second.Unchanged != 60 {
		t.Errorf("second LoadDemo = %+v, want 60 unchanged", second)
	}
	countsAfter, err := c.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if countsAfter != countsBefore {
		t.Errorf("counts changed: %+v → %+v", countsBefore, countsAfter)
	}
	checkAfter, err := c.Store.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for table, n := range checkBefore.Counts {
		if checkAfter.Counts[table] != n {
			t.Errorf("table %s: %d rows → %d rows after a second identical LoadDemo", table, n, checkAfter.Counts[table])
		}
	}
}

func TestLoadDemoRenamesTheOfficeAndFillsEveryKind(t *testing.T) {
	t.Parallel()
	c := openCore(t)
	ctx := context.Background()
	if _, err := c.LoadDemo(ctx, 10, 2); err != nil {
		t.Fatal(err)
	}
	office, err := c.Store.LocalOffice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if office == nil || office.Name == core.DefaultOfficeName {
		t.Errorf("office = %+v, want the demo office name", office)
	}
	n, err := c.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n.Employees != 10 || n.Positions == 0 || n.Units == 0 || n.Competencies <= len(framework.BuiltInCodes()) {
		t.Errorf("counts after demo = %+v, want 10 employees, positions, units and technical competencies", n)
	}
	empty, err := c.IsEmpty(ctx)
	if err != nil || empty {
		t.Errorf("IsEmpty after demo = %v, %v; want false", empty, err)
	}
}

func TestCountsOfAFreshWorkspace(t *testing.T) {
	t.Parallel()
	c := openCore(t)
	ctx := context.Background()
	n, err := c.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := core.Counts{Competencies: len(framework.BuiltInCodes()), FrameworkVersions: 1}
	if n != want {
		t.Errorf("fresh counts = %+v, want %+v", n, want)
	}
	if empty, err := c.IsEmpty(ctx); err != nil || !empty {
		t.Errorf("IsEmpty = %v, %v; want true", empty, err)
	}
}

// Positions created by an employee import are counted as positions to review.
func TestCountsAfterAnEmployeeImport(t *testing.T) {
	t.Parallel()
	c := openCore(t)
	ctx := context.Background()
	const n = 50
	units, positions := map[string]bool{}, map[string]bool{}
	for _, e := range importtest.Employees(n, 9) {
		units[importer.NameKey(e.Unit)] = true
		positions[importer.NameKey(e.Jabatan)] = true
	}
	rep, err := c.Preview(ctx, core.KindEmployees, "p.xlsx", importtest.EmployeesXLSX(n, 9))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Commit(ctx, rep, false, nil); err != nil {
		t.Fatal(err)
	}

	got, err := c.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := core.Counts{
		Employees: n, Positions: len(positions), PositionsToReview: len(positions), Units: len(units),
		Competencies: len(framework.BuiltInCodes()), FrameworkVersions: 1,
	}
	if got != want {
		t.Errorf("counts = %+v, want %+v", got, want)
	}
}

// Reopening a workspace does not seed a second office or framework version.
func TestReopenDoesNotSeedAgain(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ctx := context.Background()
	var counts []core.Counts
	for i := 0; i < 2; i++ {
		c, err := core.Open(ctx, storeConfig(dir))
		if err != nil {
			t.Fatal(err)
		}
		n, err := c.Counts(ctx)
		_ = c.Close()
		if err != nil {
			t.Fatal(err)
		}
		counts = append(counts, n)
	}
	if counts[0] != counts[1] {
		t.Errorf("counts after first open %+v, after reopen %+v", counts[0], counts[1])
	}
}

func storeConfig(dir string) store.Config { return store.Config{Dir: dir} }
