package core

import (
	"context"
	"sort"

	"kembang/backend/domain"
	"kembang/backend/importer"
)

// previewAssessments parses an assessment-results table into r. Besides
// the importer's row rules it checks what only the database knows: each
// competency must be one the employee's position requires
// (import.competency_not_in_skj), so a file that previews clean also
// commits clean. Rows without a period get the current one.
func (c *Core) previewAssessments(ctx context.Context, t *importer.Table, r *Report) error {
	emps, err := c.Store.EmployeeBriefs(ctx, nil)
	if err != nil {
		return err
	}
	positionOf := make(map[string]string, len(emps))
	for _, e := range emps {
		positionOf[e.NIP] = e.PositionID
	}
	codes, err := c.competencyCodes(ctx)
	if err != nil {
		return err
	}
	rep, err := importer.ParseAssessments(t, func(nip string) bool { _, ok := positionOf[nip]; return ok }, codes)
	if err != nil {
		return err
	}
	positions, err := c.positionIndex(ctx)
	if err != nil {
		return err
	}
	period := c.CurrentPeriod()
	r.Rows, r.Valid, r.Invalid, r.Errors, r.Warnings = rep.Rows, rep.Valid, rep.Invalid, rep.Errors, rep.Warnings
	for _, row := range rep.Ready {
		if p, ok := positions[positionOf[row.NIP]]; !ok || p.Standards[row.Code] <= 0 {
			r.Errors = append(r.Errors, importer.Issue{Row: row.Row, Column: "Kode Kompetensi",
				Code: domain.CodeImportCompetencyNotInSKJ, Value: row.Code, Details: map[string]any{"nip": row.NIP}})
			r.Valid--
			r.Invalid++
			continue
		}
		if row.Period == "" {
			row.Period = period
		}
		r.assessments = append(r.assessments, row)
	}
	sort.SliceStable(r.Errors, func(i, j int) bool { return r.Errors[i].Row < r.Errors[j].Row })
	return nil
}
