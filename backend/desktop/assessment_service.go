package desktop

import (
	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/store"
)

// AssessmentService records competency assessments: the form of one
// employee, the batch grid of a unit, and the workflow (docs/API.md).
type AssessmentService struct{ b *Backend }

// AssessmentForm is the form of one employee × period × method: the
// assessment (id "" when new), the employee, and the competencies the
// position requires as the pinned framework version describes them.
type AssessmentForm struct {
	Assessment   core.AssessmentDTO    `json:"assessment"`
	Employee     EmployeeItem          `json:"employee"`
	Competencies []core.FormCompetency `json:"competencies"`
}

// Periods lists the periods in use, newest first; the current year is always offered.
func (s *AssessmentService) Periods() ([]string, error) {
	c, err := s.b.Core()
	if err != nil {
		return nil, err
	}
	return c.Periods(s.b.context())
}

// ListForEmployee returns every assessment of an employee, superseded ones
// included, newest first.
func (s *AssessmentService) ListForEmployee(employeeID string) ([]core.AssessmentDTO, error) {
	c, err := s.b.Core()
	if err != nil {
		return nil, err
	}
	return c.ListForEmployee(s.b.context(), employeeID)
}

// Form opens the assessment form; assessment.no_position when the employee
// has no position.
func (s *AssessmentService) Form(employeeID, period, method string) (AssessmentForm, error) {
	c, err := s.b.Core()
	if err != nil {
		return AssessmentForm{}, err
	}
	f, err := c.Form(s.b.context(), employeeID, period, domain.AssessmentMethod(method))
	if err != nil {
		return AssessmentForm{}, err
	}
	return AssessmentForm{Assessment: f.Assessment, Employee: itemFrom(f.Employee), Competencies: f.Competencies}, nil
}

// Save creates or updates a draft or submitted assessment (autosave);
// assessment.finalized for a finalized one.
func (s *AssessmentService) Save(a core.AssessmentDTO) (core.AssessmentDTO, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.AssessmentDTO{}, err
	}
	ctx := s.b.context()
	row := a.Assessment()
	if err := c.Store.SaveAssessment(ctx, &row); err != nil {
		return core.AssessmentDTO{}, err
	}
	return c.AssessmentDTO(ctx, &row)
}

// SetLevel is the one-field autosave of the form.
func (s *AssessmentService) SetLevel(assessmentID, competencyCode string, level int, evidence string) (core.AssessmentDTO, error) {
	return s.edit(func(c *core.Core) (*domain.Assessment, error) {
		return c.Store.SetAssessmentLevel(s.b.context(), assessmentID, competencyCode, level, evidence)
	})
}

// Transition moves an assessment along draft → submitted → finalized;
// assessment.invalid_transition when the workflow does not allow it.
func (s *AssessmentService) Transition(id, to string) (core.AssessmentDTO, error) {
	return s.edit(func(c *core.Core) (*domain.Assessment, error) {
		return c.Store.TransitionAssessment(s.b.context(), id, domain.AssessmentState(to))
	})
}

// Supersede starts a correction of a finalized assessment: a new draft.
func (s *AssessmentService) Supersede(id string) (core.AssessmentDTO, error) {
	return s.edit(func(c *core.Core) (*domain.Assessment, error) {
		return c.Store.SupersedeAssessment(s.b.context(), id)
	})
}

func (s *AssessmentService) edit(do func(*core.Core) (*domain.Assessment, error)) (core.AssessmentDTO, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.AssessmentDTO{}, err
	}
	a, err := do(c)
	if err != nil {
		return core.AssessmentDTO{}, err
	}
	return c.AssessmentDTO(s.b.context(), a)
}

// Grid loads the batch entry grid of a unit and its sub-units.
func (s *AssessmentService) Grid(unitID, period, method string) (core.Grid, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.Grid{}, err
	}
	g, err := c.Grid(s.b.context(), unitID, period, domain.AssessmentMethod(method))
	if err != nil {
		return core.Grid{}, err
	}
	return *g, nil
}

// GridSet autosaves one cell of the grid, creating the draft on the first
// level entered.
func (s *AssessmentService) GridSet(employeeID, period, method, competencyCode string, level int) (store.GridCell, error) {
	c, err := s.b.Core()
	if err != nil {
		return store.GridCell{}, err
	}
	return c.Store.GridSet(s.b.context(), employeeID, period, domain.AssessmentMethod(method), competencyCode, level)
}

// SubmitGrid submits every draft of the grid that has at least one level.
func (s *AssessmentService) SubmitGrid(unitID, period, method string) (int, error) {
	c, err := s.b.Core()
	if err != nil {
		return 0, err
	}
	return c.SubmitGrid(s.b.context(), unitID, period, domain.AssessmentMethod(method))
}
