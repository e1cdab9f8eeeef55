package desktop

import (
	"fmt"
	"sync"
	"time"

	"kembang/backend/core"
	"kembang/backend/domain"
)

// PlanService is the individual development plan (IDP) screen (docs/API.md).
type PlanService struct {
	b *Backend
}

// Methods is the LAN 10/2018 catalogue.
func (s *PlanService) Methods() ([]domain.DevelopmentMethod, error) {
	c, err := s.b.Core()
	if err != nil {
		return nil, err
	}
	return c.Methods(), nil
}

// DraftingRules are the rules of one-click drafting.
func (s *PlanService) DraftingRules() ([]domain.DraftingRule, error) {
	c, err := s.b.Core()
	if err != nil {
		return nil, err
	}
	return c.DraftingRules(), nil
}

// List lists plans.
func (s *PlanService) List(q core.PlanQuery) ([]core.PlanSummary, error) {
	c, err := s.b.Core()
	if err != nil {
		return nil, err
	}
	return c.ListPlans(s.b.context(), q)
}

func view(v *core.PlanView, err error) (core.PlanView, error) {
	if err != nil {
		return core.PlanView{}, err
	}
	return *v, nil
}

// Get returns one plan.
func (s *PlanService) Get(id string) (core.PlanView, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.PlanView{}, err
	}
	return view(c.PlanView(s.b.context(), id))
}

// Find returns the employee's plan for year, nil when none.
func (s *PlanService) Find(employeeID string, year int) (*core.PlanView, error) {
	c, err := s.b.Core()
	if err != nil {
		return nil, err
	}
	return c.FindPlan(s.b.context(), employeeID, year)
}

// Draft drafts the plan from the latest finalized gaps.
func (s *PlanService) Draft(employeeID string, year int, replace bool) (core.PlanView, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.PlanView{}, err
	}
	return view(c.DraftPlan(s.b.context(), employeeID, year, replace))
}

// Save saves lines and note.
func (s *PlanService) Save(p domain.DevelopmentPlan) (core.PlanView, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.PlanView{}, err
	}
	return view(c.SavePlanContent(s.b.context(), p))
}

// SetTarget sets the career target.
func (s *PlanService) SetTarget(planID, positionID string) (core.PlanView, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.PlanView{}, err
	}
	return view(c.SetPlanTarget(s.b.context(), planID, positionID))
}

// Transition moves the plan along its workflow.
func (s *PlanService) Transition(planID, to string, actor domain.Approver, reason string) (core.PlanView, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.PlanView{}, err
	}
	return view(c.TransitionPlan(s.b.context(), planID, domain.PlanState(to), actor, reason))
}

// Delete deletes a draft plan.
func (s *PlanService) Delete(planID string) error {
	c, err := s.b.Core()
	if err != nil {
		return err
	}
	return c.Store.DeletePlan(s.b.context(), planID)
}

// History is the audit trail of a plan.
func (s *PlanService) History(planID string) ([]domain.AuditEntry, error) {
	c, err := s.b.Core()
	if err != nil {
		return nil, err
	}
	return c.Store.PlanHistory(s.b.context(), planID)
}

// DraftJobStatus is the progress of a bulk draft.
type DraftJobStatus struct {
	ID       string            `json:"id"`
	Done     int               `json:"done"`
	Total    int               `json:"total"`
	Finished bool              `json:"finished"`
	Result   *core.DraftResult `json:"result"`
	Error    *ErrorDTO         `json:"error"`
}

// draftJobs tracks bulk drafts; finished ones are forgotten after a while.
type draftJobs struct {
	mu     sync.Mutex
	wg     sync.WaitGroup
	states map[string]*DraftJobStatus
	order  []string
	seq    int
}

// DraftUnit starts drafting the plans of year for a unit subtree.
func (s *PlanService) DraftUnit(unitID string, year int) (string, error) {
	c, err := s.b.Core()
	if err != nil {
		return "", err
	}
	ctx := s.b.context()
	j := s.b.planJobs
	j.mu.Lock()
	j.seq++
	id := fmt.Sprintf("draft-%d-%d", time.Now().UnixNano(), j.seq)
	st := &DraftJobStatus{ID: id}
	j.states[id] = st
	j.order = append(j.order, id)
	for len(j.order) > keepFinishedJobs {
		delete(j.states, j.order[0])
		j.order = j.order[1:]
	}
	j.mu.Unlock()
	j.wg.Add(1)
	go func() {
		defer j.wg.Done()
		res, err := c.DraftPlans(ctx, unitID, year, func(done, total int) {
			j.mu.Lock()
			st.Done, st.Total = done, total
			j.mu.Unlock()
		})
		j.mu.Lock()
		defer j.mu.Unlock()
		st.Finished = true
		if err != nil {
			st.Error = toDTO(err)
			return
		}
		st.Done = st.Total
		st.Result = &res
	}()
	return id, nil
}

// DraftJob returns the progress of a bulk draft.
func (s *PlanService) DraftJob(id string) (DraftJobStatus, error) {
	if _, err := s.b.Core(); err != nil {
		return DraftJobStatus{}, err
	}
	j := s.b.planJobs
	j.mu.Lock()
	defer j.mu.Unlock()
	st, ok := j.states[id]
	if !ok {
		return DraftJobStatus{}, domain.E(domain.CodeNotFound, "plan.draft_job", nil, "entity", "job", "id", id)
	}
	return *st, nil
}
