package core

import (
	"context"
	"fmt"
	"hash/fnv"
	"sort"
	"strings"

	"kembang/backend/demo"
	"kembang/backend/domain"
	"kembang/backend/store"
)

// LoadDemo fills the workspace with a realistic district office (units,
// technical competencies, positions with standards, n employees and their
// assessments of DemoPeriod) through the same write paths as a user's
// import. Loading twice with the same seed changes nothing.
func (c *Core) LoadDemo(ctx context.Context, n int, seed int64) (domain.ImportResult, error) {
	data := demo.Generate(n, seed)
	if err := c.Store.RenameLocalOffice(ctx, data.OfficeName); err != nil {
		return domain.ImportResult{}, err
	}
	if err := c.ensureUnitTree(ctx, data.UnitNames, data.UnitParents); err != nil {
		return domain.ImportResult{}, err
	}
	if _, err := c.Store.ApplyCompetencyImport(ctx, data.Competencies, nil); err != nil {
		return domain.ImportResult{}, err
	}
	if _, err := c.Store.ApplyPositionImport(ctx, data.Positions, nil); err != nil {
		return domain.ImportResult{}, err
	}
	res, err := c.Store.ApplyEmployeeImport(ctx, data.Employees, nil)
	if err != nil {
		return res, err
	}
	if err := c.loadDemoAssessments(ctx, seed); err != nil {
		return res, err
	}
	return res, c.loadDemoDevelopment(ctx)
}

// ensureUnitTree creates the named units that do not exist yet, parents
// before children.
func (c *Core) ensureUnitTree(ctx context.Context, names []string, parents map[string]string) error {
	units, err := c.Store.ListUnits(ctx)
	if err != nil {
		return err
	}
	ids := make(map[string]string, len(units))
	for _, u := range units {
		ids[strings.ToLower(u.Name)] = u.ID
	}
	var ensure func(name string, depth int) (string, error)
	ensure = func(name string, depth int) (string, error) {
		if id, ok := ids[strings.ToLower(name)]; ok {
			return id, nil
		}
		u := domain.Unit{Name: name}
		if parent := parents[name]; parent != "" && depth < 16 {
			pid, err := ensure(parent, depth+1)
			if err != nil {
				return "", err
			}
			u.ParentID = &pid
		}
		if err := c.Store.SaveUnit(ctx, &u); err != nil {
			return "", err
		}
		ids[strings.ToLower(name)] = u.ID
		return u.ID, nil
	}
	for _, name := range names {
		if _, err := ensure(name, 0); err != nil {
			return err
		}
	}
	return nil
}

// DemoPeriod is the assessment period of the demo data.
const DemoPeriod = "2026"

// loadDemoAssessments gives the demo office results to analyse, derived
// deterministically from seed and each NIP: finalized assessment-centre
// results for about two thirds of the employees (through the assessment
// import, so loading again changes nothing), and for every third employee
// a finalized supervisor assessment carrying an SKP score (for the 9-box)
// and a self-assessment draft. Those two are only created when the
// employee has none of that method yet, which keeps LoadDemo idempotent.
func (c *Core) loadDemoAssessments(ctx context.Context, seed int64) error {
	emps, err := c.Store.EmployeeBriefs(ctx, nil)
	if err != nil {
		return err
	}
	positions, err := c.positionIndex(ctx)
	if err != nil {
		return err
	}
	existing, err := c.Store.ListAssessments(ctx, store.AssessmentFilter{Period: DemoPeriod})
	if err != nil {
		return err
	}
	has := map[string]bool{}
	for _, a := range existing {
		has[a.EmployeeID+"/"+string(a.Method)] = true
	}
	// level is standard −2…+1 by a hash of seed, NIP, code and method, within 1–5.
	level := func(nip, code string, m domain.AssessmentMethod, std int) int {
		h := fnv.New32a()
		fmt.Fprintf(h, "%d/%s/%s/%s", seed, nip, code, m)
		lv := std - 2 + int(h.Sum32()%4)
		return min(max(lv, domain.MinLevel), domain.MaxLevel)
	}
	var rows []domain.ImportAssessment
	const maxWorkflow = 300 // supervisor and self assessments are written one by one
	workflow := 0
	for i, e := range emps {
		p, ok := positions[e.PositionID]
		if !ok || len(p.Standards) == 0 {
			continue
		}
		codes := make([]string, 0, len(p.Standards))
		for code, std := range p.Standards {
			if std > 0 {
				codes = append(codes, code)
			}
		}
		sort.Strings(codes)
		if i%3 != 2 {
			for _, code := range codes {
				rows = append(rows, domain.ImportAssessment{Row: len(rows) + 2, NIP: e.NIP, Code: code, Period: DemoPeriod,
					Method: domain.AssessmentByAssessor, Level: level(e.NIP, code, domain.AssessmentByAssessor, p.Standards[code])})
			}
		}
		if i%3 != 0 || workflow >= maxWorkflow {
			continue
		}
		workflow++
		if !has[e.ID+"/"+string(domain.AssessmentBySupervisor)] {
			h := fnv.New32a()
			fmt.Fprintf(h, "%d/%s/skp", seed, e.NIP)
			rating := float64(80 + h.Sum32()%41) // SKP 80–120
			a := domain.Assessment{EmployeeID: e.ID, Period: DemoPeriod, Method: domain.AssessmentBySupervisor,
				AssessedOn: DemoPeriod + "-06-30", PerformanceRating: &rating}
			for _, code := range codes {
				a.Items = append(a.Items, domain.AssessmentItem{CompetencyCode: code,
					Level: level(e.NIP, code, domain.AssessmentBySupervisor, p.Standards[code])})
			}
			if err := c.Store.SaveAssessment(ctx, &a); err != nil {
				return err
			}
			for _, to := range []domain.AssessmentState{domain.AssessmentSubmitted, domain.AssessmentFinalized} {
				if _, err := c.Store.TransitionAssessment(ctx, a.ID, to); err != nil {
					return err
				}
			}
		}
		if !has[e.ID+"/"+string(domain.AssessmentBySelf)] {
			a := domain.Assessment{EmployeeID: e.ID, Period: DemoPeriod, Method: domain.AssessmentBySelf}
			for _, code := range codes[:min(3, len(codes))] {
				a.Items = append(a.Items, domain.AssessmentItem{CompetencyCode: code,
					Level: level(e.NIP, code, domain.AssessmentBySelf, p.Standards[code])})
			}
			if err := c.Store.SaveAssessment(ctx, &a); err != nil {
				return err
			}
		}
	}
	_, err = c.Store.ApplyAssessmentImport(ctx, rows, nil)
	return err
}
