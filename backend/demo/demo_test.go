package demo

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"kembang/backend/domain"
	"kembang/backend/framework"
)

func TestGenerateIsDeterministicForASeed(t *testing.T) {
	a, b := Generate(300, 42), Generate(300, 42)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two runs with seed 42 differ")
	}
	c := Generate(300, 43)
	if reflect.DeepEqual(a.Employees, c.Employees) {
		t.Error("seeds 42 and 43 gave the same employees")
	}
	// A larger run starts with the same people: n only decides where to stop.
	if big := Generate(600, 42); !reflect.DeepEqual(big.Employees[:300], a.Employees) {
		t.Error("the first 300 employees depend on n")
	}
}

func TestGenerateDistinctNIPsAtScale(t *testing.T) {
	if testing.Short() {
		t.Skip("50,000 employees")
	}
	d := Generate(50_000, 7)
	if len(d.Employees) != 50_000 {
		t.Fatalf("%d employees, want 50000", len(d.Employees))
	}
	seen := make(map[string]int, len(d.Employees))
	for _, r := range d.Employees {
		if _, err := domain.ParseNIP(r.Employee.NIP); err != nil {
			t.Fatalf("row %d: %v", r.Row, err)
		}
		if prev, dup := seen[r.Employee.NIP]; dup {
			t.Fatalf("NIP %s on rows %d and %d", r.Employee.NIP, prev, r.Row)
		}
		seen[r.Employee.NIP] = r.Row
	}
}

func TestEveryGeneratedEmployeeIsValid(t *testing.T) {
	d := Generate(5_000, 1)
	golIndex := map[string]int{}
	for i, g := range domain.Golongans {
		golIndex[g] = i
	}
	positions := map[string]position{}
	for _, p := range append(append([]position{}, structural...), staff...) {
		positions[p.name] = p
	}
	units := map[string]bool{}
	for _, u := range d.UnitNames {
		units[u] = true
	}
	for i, r := range d.Employees {
		if r.Row != i+2 {
			t.Fatalf("employee %d has row %d, want %d (header is row 1)", i, r.Row, i+2)
		}
		before := r.Employee
		e := r.Employee
		if errs := domain.ValidateEmployee(&e); errs != nil {
			t.Fatalf("row %d %+v: %v", r.Row, before, errs)
		}
		if !reflect.DeepEqual(e, before) {
			t.Fatalf("row %d is not in normal form:\n got %+v\nwant %+v", r.Row, before, e)
		}
		nip, err := domain.ParseNIP(e.NIP)
		if err != nil {
			t.Fatalf("row %d: %v", r.Row, err)
		}
		if y := nip.BirthDate.Year(); y < 1965 || y > 2000 {
			t.Errorf("row %d born %d, want 1965–2000", r.Row, y)
		}
		if age := nip.TMTYear - nip.BirthDate.Year(); age < 19 {
			t.Errorf("row %d appointed at about %d, want after 18", r.Row, age)
		}
		if nip.TMTYear >= ReferenceYear {
			t.Errorf("row %d has TMT %d, want before %d", r.Row, nip.TMTYear, ReferenceYear)
		}
		p, ok := positions[r.PositionName]
		if !ok {
			t.Fatalf("row %d: unknown position %q", r.Row, r.PositionName)
		}
		if gi := golIndex[e.Golongan]; gi < p.gol[0] || gi > p.gol[1] {
			t.Errorf("row %d: golongan %s outside %s–%s for %s", r.Row, e.Golongan, domain.Golongans[p.gol[0]], domain.Golongans[p.gol[1]], p.name)
		}
		if !units[r.UnitName] {
			t.Errorf("row %d: unknown unit %q", r.Row, r.UnitName)
		}
		if strings.Contains(e.Email, "'") || !isASCII(e.Email) {
			t.Errorf("row %d: email %q is not plain ASCII", r.Row, e.Email)
		}
	}
}

func TestGeneratedEmployeesLookLikeARealOffice(t *testing.T) {
	d := Generate(2_000, 3)
	var (
		withFront, withBack, withEmail, withPhone, apostrophe, accent, balinese, female int
		structuralHeld                                                                  = map[string]int{}
	)
	for _, r := range d.Employees {
		e := r.Employee
		count := func(cond bool, n *int) {
			if cond {
				*n++
			}
		}
		count(e.GelarDepan != "", &withFront)
		count(e.GelarBelakang != "", &withBack)
		count(e.Email != "", &withEmail)
		count(e.Phone != "", &withPhone)
		count(strings.Contains(e.Name, "'"), &apostrophe)
		count(!isASCII(e.Name), &accent)
		count(strings.HasPrefix(e.Name, "Ni Luh") || strings.HasPrefix(e.Name, "I Wayan"), &balinese)
		count(e.Gender == domain.Female, &female)
		structuralHeld[r.PositionName]++
	}
	checks := []struct {
		what string
		got  int
		min  int
	}{
		{"gelar depan", withFront, 20},
		{"gelar belakang", withBack, 500},
		{"email", withEmail, 500},
		{"phone", withPhone, 500},
		{"apostrophe in the name", apostrophe, 5},
		{"accented name", accent, 2},
		{"Balinese birth-order name", balinese, 5},
		{"women", female, 800},
	}
	for _, c := range checks {
		if c.got < c.min {
			t.Errorf("%d employees with %s, want at least %d of 2000", c.got, c.what, c.min)
		}
	}
	if withEmail == len(d.Employees) || withPhone == len(d.Employees) {
		t.Error("email and phone should be filled for some employees only")
	}
	for _, p := range structural {
		if structuralHeld[p.name] != 1 {
			t.Errorf("%s is held by %d employees, want exactly 1", p.name, structuralHeld[p.name])
		}
	}
	if head := d.Employees[0]; head.PositionName != "Kepala Badan" || head.Employee.GelarBelakang == "" {
		t.Errorf("first employee should be the head with a degree: %+v", head)
	}
}

func TestPrintedNameSplitsBackIntoTheSameFields(t *testing.T) {
	// The importer reads names like "Dra. Hj. Imas Herawati, M.AP." through
	// domain.SplitName; demo data exported and re-imported must survive it.
	for _, r := range Generate(3_000, 5).Employees {
		e := r.Employee
		front, name, back := domain.SplitName(e.FullName())
		if front != e.GelarDepan || name != e.Name || back != e.GelarBelakang {
			t.Errorf("row %d: %q splits into %q | %q | %q", r.Row, e.FullName(), front, name, back)
		}
	}
}

func TestGenerateSmallAndEmpty(t *testing.T) {
	tests := []struct {
		name string
		n    int
		want int
	}{
		{"negative n gives no employees", -5, 0},
		{"zero gives no employees", 0, 0},
		{"fewer than the structural positions fills them in order", 3, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Generate(tt.n, 9)
			if len(d.Employees) != tt.want {
				t.Fatalf("%d employees, want %d", len(d.Employees), tt.want)
			}
			for i, r := range d.Employees {
				if r.PositionName != structural[i].name {
					t.Errorf("employee %d holds %q, want %q", i, r.PositionName, structural[i].name)
				}
			}
			if len(d.Positions) == 0 || len(d.Competencies) == 0 || len(d.UnitNames) == 0 {
				t.Error("reference data must not depend on n")
			}
		})
	}
}

func TestGeneratedOfficeStructure(t *testing.T) {
	d := Generate(0, 1)
	if d.OfficeName != "BKPSDM Kabupaten Contoh" {
		t.Errorf("OfficeName = %q", d.OfficeName)
	}
	for i, u := range d.UnitNames {
		parent, ok := d.UnitParents[u]
		if !ok {
			t.Errorf("unit %q has no parent entry", u)
			continue
		}
		if (i == 0) != (parent == "") {
			t.Errorf("unit %q: parent %q; only the first unit is the root", u, parent)
		}
		if parent != "" && !contains(d.UnitNames[:i], parent) {
			t.Errorf("unit %q comes before its parent %q", u, parent)
		}
	}
	if len(d.UnitParents) != len(d.UnitNames) {
		t.Errorf("%d parents for %d units", len(d.UnitParents), len(d.UnitNames))
	}
}

func TestGeneratedCompetenciesAreValidAndSpecialised(t *testing.T) {
	d := Generate(0, 1)
	if n := len(d.Competencies); n < 5 || n > 8 {
		t.Fatalf("%d technical competencies, want 5–8", n)
	}
	template := framework.TechnicalLevelTemplate()
	for i, ic := range d.Competencies {
		c := ic.Competency
		if ic.Row != i+2 {
			t.Errorf("%s: row %d, want %d", c.Code, ic.Row, i+2)
		}
		if c.Type != domain.Technical || c.BuiltIn || !strings.HasPrefix(c.Code, "T.") {
			t.Errorf("%s: type %s builtIn %v; want an agency technical competency T.xx", c.Code, c.Type, c.BuiltIn)
		}
		normalised := c
		normalised.Levels = append(domain.Levels(nil), c.Levels...)
		if errs := domain.ValidateCompetency(&normalised); errs != nil {
			t.Errorf("%s: %v", c.Code, errs)
		}
		for j, l := range c.Levels {
			if l.Description == template[j].Description || strings.Contains(l.Description, "bidang tugasnya") {
				t.Errorf("%s level %d is not specialised: %q", c.Code, l.Level, l.Description)
			}
			if len(l.Indicators) < 2 {
				t.Errorf("%s level %d has %d indicators", c.Code, l.Level, len(l.Indicators))
			}
		}
	}
}

func TestGeneratedPositionsCoverEveryTypeWithValidStandards(t *testing.T) {
	d := Generate(0, 1)
	technical := map[string]bool{}
	for _, c := range d.Competencies {
		technical[c.Competency.Code] = true
	}
	units := map[string]bool{"": true}
	for _, u := range d.UnitNames {
		units[u] = true
	}
	types := map[domain.PositionType]bool{}
	names := map[string]bool{}
	for i, ip := range d.Positions {
		p := ip.Position
		if ip.Row != i+2 {
			t.Errorf("%s: row %d, want %d", p.Name, ip.Row, i+2)
		}
		if names[p.Name] {
			t.Errorf("position %q appears twice; the importer matches positions by name", p.Name)
		}
		names[p.Name] = true
		types[p.Type] = true
		if errs := domain.ValidatePosition(&p); errs != nil {
			t.Errorf("%s: %v", p.Name, errs)
		}
		if !units[ip.UnitName] {
			t.Errorf("%s: unknown unit %q", p.Name, ip.UnitName)
		}
		for _, code := range framework.BuiltInCodes() {
			if p.Standards[code] == 0 {
				t.Errorf("%s: no standard for %s", p.Name, code)
			}
		}
		hasTechnical := false
		for code := range p.Standards {
			if technical[code] {
				hasTechnical = true
			} else if !contains(framework.BuiltInCodes(), code) {
				t.Errorf("%s: standard for unknown competency %s", p.Name, code)
			}
		}
		if !hasTechnical {
			t.Errorf("%s has no technical standard", p.Name)
		}
		if want := framework.DefaultStandards(p.Type, p.Jenjang)["M.1"]; p.Standards["M.1"] != want {
			t.Errorf("%s: M.1 = %d, want the framework default %d", p.Name, p.Standards["M.1"], want)
		}
	}
	for _, want := range []domain.PositionType{domain.JPTPratama, domain.Administrator, domain.Pengawas, domain.Pelaksana, domain.Fungsional} {
		if !types[want] {
			t.Errorf("no %s position; a district BKPSDM has one", want)
		}
	}
	for _, want := range []string{"Analis SDM Aparatur Ahli Pertama", "Analis SDM Aparatur Ahli Muda", "Pranata Komputer Terampil"} {
		if !names[want] {
			t.Errorf("missing position %q", want)
		}
	}
}

func TestEveryPositionCanBeReachedFromItsEducation(t *testing.T) {
	// The generator promotes from the entry golongan of the education level;
	// an education whose entry rank is above the position's range would give
	// an employee a golongan the position does not allow.
	for _, p := range append(append([]position{}, structural...), staff...) {
		if p.gol[0] > p.gol[1] || p.gol[1] >= len(domain.Golongans) {
			t.Errorf("%s: bad golongan range %v", p.name, p.gol)
		}
		for _, edu := range p.edu {
			if entryGolongan[edu] > p.gol[1] {
				t.Errorf("%s: education %d enters at %s, above the range's top %s", p.name, edu, domain.Golongans[entryGolongan[edu]], domain.Golongans[p.gol[1]])
			}
		}
		if p.typ != domain.Fungsional && p.jenjang != "" || p.typ == domain.Fungsional && !p.jenjang.Valid() {
			t.Errorf("%s: type %s with jenjang %q", p.name, p.typ, p.jenjang)
		}
		if (p.unit == "") == (len(p.units) == 0) {
			t.Errorf("%s: set exactly one of unit (structural) or units (staff)", p.name)
		}
	}
}

func BenchmarkGenerate50000(b *testing.B) {
	for b.Loop() {
		Generate(50_000, 1)
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
