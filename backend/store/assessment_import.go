package store

import (
	"context"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"kembang/backend/domain"
)

// ApplyAssessmentImport writes assessment-centre or competency-test
// results in one transaction: all rows or none.
//
// The rows of one employee × period × method become one assessment, entered
// finalized (an assessor or test report was concluded outside Kembang, so
// domain's workflow lets it skip submitted):
//
//   - no current assessment of that employee × period × method: a new
//     finalized one (Created);
//   - a current draft or submitted one (for example typed in the grid): the
//     imported levels are set on it and it is finalized (Updated);
//   - a current finalized one whose levels already equal the file's:
//     nothing is written (Unchanged), so importing a file twice changes
//     nothing the second time;
//   - a current finalized one with other levels: it is never changed; a new
//     finalized assessment supersedes it, carrying its levels with the
//     file's levels over them (Updated). History shows both.
//
// An empty period is the current year (s.Now); an empty method is
// assessor. Rows must name a live employee, a competency of that
// employee's position standard and a level 1–5.
func (s *Store) ApplyAssessmentImport(ctx context.Context, rows []domain.ImportAssessment, progress domain.Progress) (domain.ImportResult, error) {
	const op = "import.assessments"
	res := newImportResult()
	type key struct {
		nip, period string
		method      domain.AssessmentMethod
	}
	type group struct {
		key  key
		rows []domain.ImportAssessment
	}
	var groups []*group
	byKey := map[key]*group{}
	firstRow := map[string]int{}
	defaultPeriod := strconv.Itoa(s.Now().Year())
	var nips []string
	for _, r := range rows {
		r.NIP = strings.Join(strings.Fields(r.NIP), "")
		r.Code = strings.TrimSpace(r.Code)
		r.Period = strings.Join(strings.Fields(r.Period), " ")
		if r.Period == "" {
			r.Period = defaultPeriod
		}
		if r.Method == "" {
			r.Method = domain.AssessmentByAssessor
		}
		if r.Method != domain.AssessmentByAssessor && r.Method != domain.AssessmentByTest {
			return res, rowInvalid(op, r.Row, domain.FieldErrors{{Field: "method", Code: domain.CodeImportAssessmentMethod, Value: string(r.Method)}})
		}
		if r.Level < domain.MinLevel || r.Level > domain.MaxLevel {
			return res, rowInvalid(op, r.Row, domain.FieldErrors{{Field: "level", Code: domain.CodeLevelInvalid, Value: strconv.Itoa(r.Level)}})
		}
		dup := r.NIP + "\x00" + r.Code + "\x00" + r.Period + "\x00" + string(r.Method)
		if other, ok := firstRow[dup]; ok {
			return res, domain.E(domain.CodeImportAssessmentDuplicate, op, nil, "row", r.Row, "otherRow", other, "nip", r.NIP, "code", r.Code)
		}
		firstRow[dup] = r.Row
		k := key{r.NIP, r.Period, r.Method}
		g := byKey[k]
		if g == nil {
			g = &group{key: k}
			byKey[k] = g
			groups = append(groups, g)
			nips = append(nips, r.NIP)
		}
		g.rows = append(g.rows, r)
	}

	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		emps, err := employeesByNIP(tx, op, nips)
		if err != nil {
			return err
		}
		for i, g := range groups {
			e := emps[g.key.nip]
			if e == nil || e.Deleted {
				return domain.E(domain.CodeImportNIPUnknown, op, nil, "row", g.rows[0].Row, "nip", g.key.nip)
			}
			current, err := currentFor(tx, op, e.ID, g.key.period, g.key.method)
			if err != nil {
				return err
			}
			var prev *domain.Assessment
			next := domain.Assessment{EmployeeID: e.ID, Period: g.key.period, Method: g.key.method, State: domain.AssessmentDraft}
			action := actionImport
			switch {
			case len(current) == 0:
				res.Created++
			case current[0].State == domain.AssessmentFinalized:
				old := &current[0]
				if importSame(old, g.rows) {
					res.Unchanged++
					report(progress, i+1, len(groups))
					continue
				}
				if next, err = domain.Supersede(old, s.NewID()); err != nil {
					return err
				}
				next.Version = 0
				res.Updated++
			default:
				prev = &current[0]
				next = *prev
				next.Items = append(domain.AssessmentItems{}, prev.Items...)
				res.Updated++
			}
			for _, r := range g.rows {
				ev := r.Evidence
				setItem(&next, r.Code, r.Level, &ev)
			}
			next.State = domain.AssessmentFinalized // prepareAssessment checks the move
			if err := s.prepareAssessment(tx, op, prev, &next); err != nil {
				return importRowError(op, err, g.rows)
			}
			if err := s.write(tx, op, prev, &next, action); err != nil {
				return err
			}
			report(progress, i+1, len(groups))
		}
		return nil
	})
	if err != nil {
		return newImportResult(), err
	}
	return res, nil
}

// importSame reports whether the finalized a already holds every level
// (and note) of rows.
func importSame(a *domain.Assessment, rows []domain.ImportAssessment) bool {
	for _, r := range rows {
		found := false
		for _, it := range a.Items {
			if it.CompetencyCode == r.Code {
				found = it.Level == r.Level && it.Evidence == strings.TrimSpace(r.Evidence)
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// importRowError turns a validation error of a grouped assessment into a
// row error: the row of the competency at fault, else the group's first.
func importRowError(op string, err error, rows []domain.ImportAssessment) error {
	de, ok := err.(*domain.Error)
	if !ok || de.Code != domain.CodeInvalid {
		return withRow(err, rows[0].Row)
	}
	fe, _ := de.Details["fields"].([]domain.FieldError)
	row := rows[0].Row
	for _, f := range fe {
		if f.Code == domain.CodeAssessmentItemUnknown {
			for _, r := range rows {
				if r.Code == f.Value {
					row = r.Row
					fe = domain.FieldErrors{{Field: "code", Code: domain.CodeImportCompetencyNotInSKJ, Value: r.Code}}
					return rowInvalid(op, row, fe)
				}
			}
		}
	}
	return rowInvalid(op, row, fe)
}
