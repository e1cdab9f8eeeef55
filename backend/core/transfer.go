package core

import (
	"context"

	"kembang/backend/domain"
	"kembang/backend/importer"
	"kembang/backend/store"
)

// Import kinds.
const (
	KindEmployees    = "employees"
	KindPositions    = "positions"
	KindCompetencies = "competencies"
	// KindAssessments is assessment-centre or competency-test results:
	// import and template only (no export of current data).
	KindAssessments = "assessments"
)

// ValidKind reports whether kind names something Kembang imports and exports.
func ValidKind(kind string) bool {
	return kind == KindEmployees || kind == KindPositions || kind == KindCompetencies || kind == KindAssessments
}

// Report is the validated content of one spreadsheet, before anything is
// written. It keeps the ready rows so Commit writes exactly what was shown.
type Report struct {
	Kind     string           `json:"kind"`
	Rows     int              `json:"rows"`
	Valid    int              `json:"valid"`
	Invalid  int              `json:"invalid"`
	Errors   []importer.Issue `json:"errors"`
	Warnings []importer.Issue `json:"warnings"`

	employees    []domain.ImportEmployee
	positions    []domain.ImportPosition
	competencies []domain.ImportCompetency
	assessments  []domain.ImportAssessment
}

// Preview reads and validates a file of the given kind; nothing is written.
// A file-level problem (unreadable, missing headers) is returned as error.
func (c *Core) Preview(ctx context.Context, kind, fileName string, data []byte) (*Report, error) {
	if !ValidKind(kind) {
		return nil, domain.E(domain.CodeInvalid, "import.preview", nil, "field", "kind", "value", kind)
	}
	t, err := importer.ReadTable(fileName, data)
	if err != nil {
		return nil, err
	}
	r := &Report{Kind: kind}
	switch kind {
	case KindEmployees:
		known, err := c.known(ctx)
		if err != nil {
			return nil, err
		}
		rep, err := importer.ParseEmployees(t, known)
		if err != nil {
			return nil, err
		}
		r.Rows, r.Valid, r.Invalid, r.Errors, r.Warnings = rep.Rows, rep.Valid, rep.Invalid, rep.Errors, rep.Warnings
		r.employees = rep.Ready
	case KindPositions:
		codes, err := c.competencyCodes(ctx)
		if err != nil {
			return nil, err
		}
		rep, err := importer.ParsePositions(t, codes)
		if err != nil {
			return nil, err
		}
		r.Rows, r.Valid, r.Invalid, r.Errors, r.Warnings = rep.Rows, rep.Valid, rep.Invalid, rep.Errors, rep.Warnings
		r.positions = rep.Ready
	case KindCompetencies:
		rep, err := importer.ParseCompetencies(t)
		if err != nil {
			return nil, err
		}
		r.Rows, r.Valid, r.Invalid, r.Errors, r.Warnings = rep.Rows, rep.Valid, rep.Invalid, rep.Errors, rep.Warnings
		r.competencies = rep.Ready
	case KindAssessments:
		if err := c.previewAssessments(ctx, t, r); err != nil {
			return nil, err
		}
	}
	if r.Errors == nil {
		r.Errors = []importer.Issue{}
	}
	if r.Warnings == nil {
		r.Warnings = []importer.Issue{}
	}
	return r, nil
}

// Commit writes the ready rows of r in one transaction. A report with invalid
// rows writes nothing unless skipInvalid is set, in which case only the valid
// rows are written.
func (c *Core) Commit(ctx context.Context, r *Report, skipInvalid bool, progress domain.Progress) (domain.ImportResult, error) {
	if r.Invalid > 0 && !skipInvalid {
		return domain.ImportResult{}, domain.E(domain.CodeImportRowInvalid, "import.commit", nil, "invalid", r.Invalid)
	}
	if progress == nil {
		progress = func(int, int) {}
	}
	switch r.Kind {
	case KindEmployees:
		return c.Store.ApplyEmployeeImport(ctx, r.employees, progress)
	case KindPositions:
		return c.Store.ApplyPositionImport(ctx, r.positions, progress)
	case KindCompetencies:
		return c.Store.ApplyCompetencyImport(ctx, r.competencies, progress)
	case KindAssessments:
		return c.Store.ApplyAssessmentImport(ctx, r.assessments, progress)
	}
	return domain.ImportResult{}, domain.E(domain.CodeInvalid, "import.commit", nil, "field", "kind", "value", r.Kind)
}

// Template returns the empty xlsx template of a kind.
func (c *Core) Template(ctx context.Context, kind string) ([]byte, error) {
	switch kind {
	case KindEmployees:
		return importer.EmployeeTemplate()
	case KindCompetencies:
		return importer.CompetencyTemplate()
	case KindAssessments:
		return importer.AssessmentTemplate()
	case KindPositions:
		// The positions template is an export with no rows: its columns are
		// the current framework's competency codes.
		return c.exportPositions(ctx, true)
	}
	return nil, domain.E(domain.CodeInvalid, "import.template", nil, "field", "kind", "value", kind)
}

// Export writes the current data of a kind as an xlsx that re-imports unchanged.
func (c *Core) Export(ctx context.Context, kind string) ([]byte, error) {
	switch kind {
	case KindEmployees:
		return c.exportEmployees(ctx)
	case KindPositions:
		return c.exportPositions(ctx, false)
	case KindCompetencies:
		comps, err := c.Store.ListCompetencies(ctx, true)
		if err != nil {
			return nil, err
		}
		technical := comps[:0:0]
		for _, comp := range comps {
			if comp.Type == domain.Technical {
				technical = append(technical, comp)
			}
		}
		return importer.ExportCompetencies(technical)
	}
	return nil, domain.E(domain.CodeInvalid, "export", nil, "field", "kind", "value", kind)
}

func (c *Core) exportEmployees(ctx context.Context) ([]byte, error) {
	var out []importer.EmployeeExport
	const page = 5000
	for offset := 0; ; offset += page {
		rows, total, err := c.Store.SearchEmployees(ctx, store.EmployeeQuery{Limit: page, Offset: offset})
		if err != nil {
			return nil, err
		}
		if out == nil {
			out = make([]importer.EmployeeExport, 0, total)
		}
		for _, r := range rows {
			out = append(out, importer.EmployeeExport{Employee: r.Employee, UnitName: r.UnitName, PositionName: r.PositionName})
		}
		if len(rows) < page {
			break
		}
	}
	return importer.ExportEmployees(out)
}

func (c *Core) exportPositions(ctx context.Context, template bool) ([]byte, error) {
	if template {
		codes, err := c.competencyCodes(ctx)
		if err != nil {
			return nil, err
		}
		list := make([]string, 0, len(codes))
		for code := range codes {
			list = append(list, code)
		}
		importer.SortCompetencyCodes(list)
		return importer.PositionTemplate(list)
	}
	units, err := c.Store.ListUnits(ctx)
	if err != nil {
		return nil, err
	}
	unitNames := make(map[string]string, len(units))
	for _, u := range units {
		unitNames[u.ID] = u.Name
	}
	positions, err := c.Store.ListPositions(ctx)
	if err != nil {
		return nil, err
	}
	rows := make([]importer.PositionExport, 0, len(positions))
	for _, p := range positions {
		name := ""
		if p.UnitID != nil {
			name = unitNames[*p.UnitID]
		}
		rows = append(rows, importer.PositionExport{Position: p, UnitName: name})
	}
	return importer.ExportPositions(rows)
}

func (c *Core) known(ctx context.Context) (importer.Known, error) {
	known := importer.Known{Units: map[string]bool{}, Positions: map[string]bool{}}
	units, err := c.Store.ListUnits(ctx)
	if err != nil {
		return known, err
	}
	for _, u := range units {
		known.Units[importer.NameKey(u.Name)] = true
	}
	positions, err := c.Store.ListPositions(ctx)
	if err != nil {
		return known, err
	}
	for _, p := range positions {
		known.Positions[importer.NameKey(p.Name)] = true
	}
	return known, nil
}

func (c *Core) competencyCodes(ctx context.Context) (map[string]bool, error) {
	comps, err := c.Store.ListCompetencies(ctx, false)
	if err != nil {
		return nil, err
	}
	codes := make(map[string]bool, len(comps))
	for _, comp := range comps {
		codes[comp.Code] = true
	}
	return codes, nil
}
