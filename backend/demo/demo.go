// Package demo generates a realistic, deterministic demo data set for a
// district BKPSDM: units, technical competencies, positions with their
// standards (SKJ) and employees with valid NIPs. It is used by the admin
// CLI ("demo data"), by screenshots, and by benchmarks at 50,000 employees.
package demo

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"kembang/backend/domain"
)

// Data is a generated office, shaped like the rows the importer produces so
// it can be written with the same code paths as a real import.
type Data struct {
	OfficeName string
	// UnitNames lists the units, parents before children; UnitParents maps
	// each unit name to its parent's name ("" for the root).
	UnitNames    []string
	UnitParents  map[string]string
	Competencies []domain.ImportCompetency
	Positions    []domain.ImportPosition
	Employees    []domain.ImportEmployee
}

// ReferenceYear is the "current" year of the demo data: every TMT CPNS falls
// before it, so the output never depends on the clock.
const ReferenceYear = 2025

// emailDomain uses the reserved .example top-level domain (RFC 2606), so
// demo addresses can never reach a real mailbox.
const emailDomain = "kabupatencontoh.example"

// Generate returns an office with n employees (n < 0 counts as 0). The same
// seed always gives the same data. The first employees fill the structural
// positions (Kepala Badan, Sekretaris, Kepala Bidang…); the rest are
// pelaksana and functional staff. NIPs are valid and distinct, and each
// employee's golongan, age and years of service fit the position.
func Generate(n int, seed int64) Data {
	n = max(n, 0)
	g := &generator{
		rng:    rand.New(rand.NewPCG(uint64(seed), 0x6b656d62616e67)), // "kembang"
		nips:   make(map[uint64]struct{}, n),
		emails: make(map[string]int, n/2),
	}
	d := Data{OfficeName: OfficeName, UnitParents: make(map[string]string, len(unitTree))}
	for _, u := range unitTree {
		d.UnitNames = append(d.UnitNames, u[0])
		d.UnitParents[u[0]] = u[1]
	}
	for i, t := range technicals {
		d.Competencies = append(d.Competencies, domain.ImportCompetency{Row: i + 2, Competency: t.competency()})
	}
	for _, p := range structural {
		d.Positions = append(d.Positions, p.importPosition(len(d.Positions)+2))
	}
	totalWeight := 0
	for _, p := range staff {
		d.Positions = append(d.Positions, p.importPosition(len(d.Positions)+2))
		totalWeight += p.weight
	}
	regionWeight := 0
	for _, r := range regions {
		regionWeight += r.weight
	}
	g.totalWeight, g.regionWeight = totalWeight, regionWeight

	d.Employees = make([]domain.ImportEmployee, 0, n)
	for i := range n {
		var p *position
		unit := ""
		if i < len(structural) {
			p = &structural[i]
			unit = p.unit
		} else {
			p = g.pickStaff()
			unit = p.units[g.rng.IntN(len(p.units))]
		}
		d.Employees = append(d.Employees, domain.ImportEmployee{
			Row:          i + 2,
			Employee:     g.employee(p),
			UnitName:     unit,
			PositionName: p.name,
		})
	}
	return d
}

type generator struct {
	rng          *rand.Rand
	nips         map[uint64]struct{}
	emails       map[string]int
	totalWeight  int
	regionWeight int
}

func (g *generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

func (g *generator) chance(percent int) bool { return g.rng.IntN(100) < percent }

func (g *generator) pickStaff() *position {
	w := g.rng.IntN(g.totalWeight)
	for i := range staff {
		if w < staff[i].weight {
			return &staff[i]
		}
		w -= staff[i].weight
	}
	return &staff[len(staff)-1]
}

func (g *generator) pickRegion() *region {
	w := g.rng.IntN(g.regionWeight)
	for i := range regions {
		if w < regions[i].weight {
			return &regions[i]
		}
		w -= regions[i].weight
	}
	return &regions[len(regions)-1]
}

// employee makes one civil servant fitting position p.
func (g *generator) employee(p *position) domain.Employee {
	edu := p.edu[g.rng.IntN(len(p.edu))]
	entry := entryGolongan[edu]
	// Golongan within the position's range, never below the entry rank.
	lo := max(p.gol[0], entry)
	gol := lo
	if p.gol[1] > lo {
		gol += g.rng.IntN(p.gol[1] - lo + 1)
	}
	// A regular promotion every four years gives the years of service.
	// Someone at the top of the range may have waited there for years.
	service := (gol-entry)*4 + g.rng.IntN(4)
	if gol == p.gol[1] {
		service += g.rng.IntN(12)
	}
	tmtYear := ReferenceYear - 1 - service
	entryAge := youngestEntryAge[edu] + g.rng.IntN(8)
	birthYear := min(max(tmtYear-entryAge, 1965), 2000)
	if tmtYear-birthYear < 19 { // born too late for that TMT: appointed later
		tmtYear = birthYear + 19 + g.rng.IntN(3)
		tmtYear = min(tmtYear, ReferenceYear-1)
	}
	birth := time.Date(birthYear, time.Month(1+g.rng.IntN(12)), 1, 0, 0, 0, 0, time.UTC)
	birth = birth.AddDate(0, 0, g.rng.IntN(daysIn(birth)))
	tmtMonth := []int{1, 1, 1, 3, 3, 4, 6, 12}[g.rng.IntN(8)]

	female := g.chance(50)
	r := g.pickRegion()
	name := g.name(r, female)
	e := domain.Employee{
		Name:      name,
		Golongan:  domain.Golongans[gol],
		Gender:    domain.Male,
		BirthDate: birth.Format(time.DateOnly),
	}
	genderDigit := 1
	if female {
		e.Gender, genderDigit = domain.Female, 2
	}
	e.NIP = g.nip(birth, tmtYear, tmtMonth, genderDigit)
	e.GelarDepan, e.GelarBelakang = g.titles(edu, birthYear, female, r.haji)
	if g.chance(60) {
		e.Email = g.email(name)
	}
	if g.chance(70) {
		e.Phone = g.phone()
	}
	return e
}

// youngestEntryAge is the typical youngest age at appointment for each
// education level; the generator adds up to seven years.
var youngestEntryAge = [...]int{sma: 19, d3: 21, s1: 23, s2: 26, s3: 30}

func daysIn(t time.Time) int { return time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day() }

// nip builds a distinct NIP: YYYYMMDD YYYYMM G NNN. It works on the NIP as
// a number (18 digits fit in a uint64), which keeps 50,000 employees fast.
func (g *generator) nip(birth time.Time, tmtYear, tmtMonth, genderDigit int) string {
	date := uint64(birth.Year()*10000 + int(birth.Month())*100 + birth.Day())
	prefix := func() uint64 {
		return ((date*10000+uint64(tmtYear))*100+uint64(tmtMonth))*10 + uint64(genderDigit)
	}
	base := prefix()
	for serial := 1 + g.rng.IntN(20); ; serial++ {
		if serial > 999 { // practically never: 999 people sharing one prefix
			serial = 1
			tmtMonth = tmtMonth%12 + 1
			base = prefix()
		}
		nip := base*1000 + uint64(serial)
		if _, taken := g.nips[nip]; !taken {
			g.nips[nip] = struct{}{}
			return strconv.FormatUint(nip, 10) // birth year ≥ 1965: always 18 digits
		}
	}
}

func (g *generator) name(r *region, female bool) string {
	prefixes, given, family := r.malePrefix, r.male, r.family
	if r.maleFamily != nil {
		family = r.maleFamily
	}
	if female {
		prefixes, given, family = r.femalePrefix, r.female, r.family
		if r.femaleFamily != nil {
			family = r.femaleFamily
		}
	}
	parts := make([]string, 0, 4)
	if len(prefixes) > 0 {
		if p := g.pick(prefixes); p != "" {
			parts = append(parts, p)
		}
	}
	parts = append(parts, g.pick(given))
	if len(family) > 0 && !g.chance(r.single) {
		if f := g.pick(family); f != parts[len(parts)-1] {
			parts = append(parts, f)
		}
	}
	return strings.Join(parts, " ")
}

// titles returns gelar depan and gelar belakang for the education level.
func (g *generator) titles(edu education, birthYear int, female, haji bool) (front, back string) {
	var fronts, backs []string
	if haji && birthYear < 1985 && g.chance(20) {
		if female {
			fronts = append(fronts, "Hj.")
		} else {
			fronts = append(fronts, "H.")
		}
	}
	switch edu {
	case d3:
		backs = append(backs, g.pick(diplomaTitles))
	case s1, s2, s3:
		if birthYear < 1972 && g.chance(50) {
			old := oldBachelorMale
			if female {
				old = oldBachelorFemale
			}
			fronts = append([]string{g.pick(old)}, fronts...)
		} else {
			backs = append(backs, g.pick(bachelorTitles))
		}
		if edu >= s2 {
			backs = append(backs, g.pick(masterTitles))
		}
		if edu == s3 {
			fronts = append([]string{"Dr."}, fronts...)
		}
	}
	return strings.Join(fronts, " "), strings.Join(backs, ", ")
}

// email makes "given.family@…" from the name, ASCII only, numbered when taken.
func (g *generator) email(name string) string {
	var words []string
	for _, w := range strings.Fields(name) {
		if s := asciiSlug(w); len(s) > 1 && s != "ni" && s != "andi" {
			words = append(words, s)
		}
	}
	if len(words) == 0 {
		words = []string{"pegawai"}
	}
	local := words[0]
	if len(words) > 1 {
		local += "." + words[len(words)-1]
	}
	g.emails[local]++
	if k := g.emails[local]; k > 1 {
		local = fmt.Sprintf("%s%d", local, k)
	}
	return local + "@" + emailDomain
}

// asciiSlug lower-cases w and keeps only a–z, folding the accents that
// occur in the name lists (é → e) and dropping apostrophes.
func asciiSlug(w string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(w) {
		switch {
		case c >= 'a' && c <= 'z':
			b.WriteRune(c)
		case c == 'é' || c == 'è' || c == 'ë':
			b.WriteByte('e')
		}
	}
	return b.String()
}

// phone makes an Indonesian mobile number, written the ways offices do.
func (g *generator) phone() string {
	prefix := g.pick(mobilePrefixes)
	rest := fmt.Sprintf("%08d", g.rng.IntN(100_000_000))
	switch g.rng.IntN(3) {
	case 0:
		return "0" + prefix + rest
	case 1:
		return "0" + prefix + "-" + rest[:4] + "-" + rest[4:]
	default:
		return "+62 " + prefix + " " + rest[:4] + " " + rest[4:]
	}
}
