package desktop

import (
	"kembang/backend/core"
	"kembang/backend/domain"
)

// TrainingService is the training, learning, evaluation and awards screens
// (docs/API.md).
type TrainingService struct{ b *Backend }

// ListEvents lists events.
func (s *TrainingService) ListEvents(q core.EventQuery) ([]core.EventItem, error) {
	c, err := s.b.Core()
	if err != nil {
		return nil, err
	}
	return c.ListEvents(s.b.context(), q)
}

func eventView(v *core.EventView, err error) (core.EventView, error) {
	if err != nil {
		return core.EventView{}, err
	}
	return *v, nil
}

// GetEvent returns an event with its participants.
func (s *TrainingService) GetEvent(id string) (core.EventView, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.EventView{}, err
	}
	return eventView(c.EventView(s.b.context(), id))
}

// SaveEvent creates or updates an event.
func (s *TrainingService) SaveEvent(ev domain.TrainingEvent) (domain.TrainingEvent, error) {
	c, err := s.b.Core()
	if err != nil {
		return domain.TrainingEvent{}, err
	}
	out, err := c.SaveEvent(s.b.context(), ev)
	if err != nil {
		return domain.TrainingEvent{}, err
	}
	return *out, nil
}

// DeleteEvent deletes an event nobody completed.
func (s *TrainingService) DeleteEvent(id string) error {
	c, err := s.b.Core()
	if err != nil {
		return err
	}
	return c.Store.DeleteEvent(s.b.context(), id)
}

// ComputeJP previews a method's conversion rule.
func (s *TrainingService) ComputeJP(methodCode string, days float64, sessions int, statedJP float64, international bool) (float64, error) {
	c, err := s.b.Core()
	if err != nil {
		return 0, err
	}
	return c.ComputeJP(methodCode, days, sessions, statedJP, international)
}

// Needs lists open approved plan lines of a unit.
func (s *TrainingService) Needs(unitID string, year int, methodCode string) ([]core.NeedLine, error) {
	c, err := s.b.Core()
	if err != nil {
		return nil, err
	}
	return c.Needs(s.b.context(), unitID, year, methodCode)
}

// AddFromPlans registers the employees of plan lines.
func (s *TrainingService) AddFromPlans(eventID string, lines []core.LineRef) (core.EventView, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.EventView{}, err
	}
	return eventView(c.AddFromPlans(s.b.context(), eventID, lines))
}

// AddParticipants registers employees by hand.
func (s *TrainingService) AddParticipants(eventID string, employeeIDs []string) (core.EventView, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.EventView{}, err
	}
	return eventView(c.AddParticipants(s.b.context(), eventID, employeeIDs))
}

// CancelParticipant cancels a participation.
func (s *TrainingService) CancelParticipant(participantID string) (core.EventView, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.EventView{}, err
	}
	return eventView(c.CancelParticipant(s.b.context(), participantID))
}

// SetAttendance records one day's presence.
func (s *TrainingService) SetAttendance(participantID, date string, present bool, note string) (domain.Attendance, error) {
	c, err := s.b.Core()
	if err != nil {
		return domain.Attendance{}, err
	}
	a, err := c.Store.SetAttendance(s.b.context(), participantID, date, present, note)
	if err != nil {
		return domain.Attendance{}, err
	}
	return *a, nil
}

// SetAttendanceDay marks every registered participant on one day.
func (s *TrainingService) SetAttendanceDay(eventID, date string, present bool) (int, error) {
	c, err := s.b.Core()
	if err != nil {
		return 0, err
	}
	return c.Store.SetAttendanceDay(s.b.context(), eventID, date, present)
}

// Complete completes every registered participant of an event.
func (s *TrainingService) Complete(eventID string) (core.CompletionResult, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.CompletionResult{}, err
	}
	r, err := c.CompleteEvent(s.b.context(), eventID)
	if err != nil {
		return core.CompletionResult{}, err
	}
	return *r, nil
}

// CompleteParticipant completes one participant.
func (s *TrainingService) CompleteParticipant(participantID string) (core.ParticipantView, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.ParticipantView{}, err
	}
	v, err := c.CompleteParticipant(s.b.context(), participantID)
	if err != nil {
		return core.ParticipantView{}, err
	}
	return *v, nil
}

// ListActivities lists an employee's learning activities.
func (s *TrainingService) ListActivities(employeeID string, year int) ([]domain.LearningActivity, error) {
	c, err := s.b.Core()
	if err != nil {
		return nil, err
	}
	return c.Store.ListActivities(s.b.context(), employeeID, year)
}

// SaveActivity stores a learning activity.
func (s *TrainingService) SaveActivity(a domain.LearningActivity) (domain.LearningActivity, error) {
	c, err := s.b.Core()
	if err != nil {
		return domain.LearningActivity{}, err
	}
	if err := c.Store.SaveActivity(s.b.context(), &a, methodsOf(c)); err != nil {
		return domain.LearningActivity{}, err
	}
	return a, nil
}

func methodsOf(c *core.Core) map[string]domain.DevelopmentMethod {
	out := map[string]domain.DevelopmentMethod{}
	for _, m := range c.Methods() {
		out[m.Code] = m
	}
	return out
}

// CompleteActivity completes a learning activity.
func (s *TrainingService) CompleteActivity(id string) (domain.LearningActivity, error) {
	c, err := s.b.Core()
	if err != nil {
		return domain.LearningActivity{}, err
	}
	a, err := c.Store.CompleteActivity(s.b.context(), id, methodsOf(c))
	if err != nil {
		return domain.LearningActivity{}, err
	}
	return *a, nil
}

// DeleteActivity deletes an activity not completed.
func (s *TrainingService) DeleteActivity(id string) error {
	c, err := s.b.Core()
	if err != nil {
		return err
	}
	return c.Store.DeleteActivity(s.b.context(), id)
}

// History is the employee's training history.
func (s *TrainingService) History(employeeID string) ([]domain.TrainingRecord, error) {
	c, err := s.b.Core()
	if err != nil {
		return nil, err
	}
	return c.Store.ListTrainingRecords(s.b.context(), employeeID)
}

// SaveRecord stores a hand-typed training record.
func (s *TrainingService) SaveRecord(r domain.TrainingRecord) (domain.TrainingRecord, error) {
	c, err := s.b.Core()
	if err != nil {
		return domain.TrainingRecord{}, err
	}
	if err := c.Store.SaveTrainingRecord(s.b.context(), &r); err != nil {
		return domain.TrainingRecord{}, err
	}
	return r, nil
}

// DeleteRecord deletes a hand-typed record.
func (s *TrainingService) DeleteRecord(id string) error {
	c, err := s.b.Core()
	if err != nil {
		return err
	}
	return c.Store.DeleteTrainingRecord(s.b.context(), id)
}

// SaveEvaluation stores one evaluation.
func (s *TrainingService) SaveEvaluation(e domain.Evaluation) (domain.Evaluation, error) {
	c, err := s.b.Core()
	if err != nil {
		return domain.Evaluation{}, err
	}
	if err := c.Store.SaveEvaluation(s.b.context(), &e); err != nil {
		return domain.Evaluation{}, err
	}
	return e, nil
}

// Evaluations lists an event's evaluations.
func (s *TrainingService) Evaluations(eventID string) ([]domain.Evaluation, error) {
	c, err := s.b.Core()
	if err != nil {
		return nil, err
	}
	return c.Store.ListEvaluations(s.b.context(), storeEvalFilter(eventID))
}

// EvaluationSummary averages an event's evaluations.
func (s *TrainingService) EvaluationSummary(eventID string) (core.EvaluationSummary, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.EvaluationSummary{}, err
	}
	r, err := c.EvaluationSummary(s.b.context(), eventID)
	if err != nil {
		return core.EvaluationSummary{}, err
	}
	return *r, nil
}

// ListAwards lists awards.
func (s *TrainingService) ListAwards(year int) ([]core.AwardItem, error) {
	c, err := s.b.Core()
	if err != nil {
		return nil, err
	}
	return c.ListAwards(s.b.context(), year)
}

// SaveAward stores an award.
func (s *TrainingService) SaveAward(a domain.Award) (domain.Award, error) {
	c, err := s.b.Core()
	if err != nil {
		return domain.Award{}, err
	}
	if err := c.Store.SaveAward(s.b.context(), &a); err != nil {
		return domain.Award{}, err
	}
	return a, nil
}

// DeleteAward deletes an award.
func (s *TrainingService) DeleteAward(id string) error {
	c, err := s.b.Core()
	if err != nil {
		return err
	}
	return c.Store.DeleteAward(s.b.context(), id)
}

// SuggestAwards proposes awards for a year.
func (s *TrainingService) SuggestAwards(year int) ([]core.AwardSuggestion, error) {
	c, err := s.b.Core()
	if err != nil {
		return nil, err
	}
	return c.SuggestAwards(s.b.context(), year)
}
