package core

import (
	"context"
	"strconv"

	"kembang/backend/domain"
	"kembang/backend/store"
)

// demoSupervisor approves the demo plans.
var demoSupervisor = domain.Approver{Name: "Dra. Endang Wahyuni, M.Si.", NIP: "197204151998032004"}

// loadDemoDevelopment adds development data for the screens: plans of
// DemoPeriod's year in every workflow state, four events (one completed
// with certificates, one upcoming), learning activities and an award.
// Every piece is found again by its natural key (plan id, event code,
// activity title, award title), so loading twice changes nothing.
func (c *Core) loadDemoDevelopment(ctx context.Context) error {
	year, _ := strconv.Atoi(DemoPeriod)
	emps, err := c.Store.EmployeeBriefs(ctx, nil)
	if err != nil {
		return err
	}
	as, err := c.finalizedOf(ctx, nil, "")
	if err != nil {
		return err
	}
	latest := latestFinalized(as)
	var people []store.EmployeeBrief
	for _, e := range emps {
		if len(latest[e.ID]) > 0 && len(people) < 8 {
			people = append(people, e)
		}
	}
	if len(people) < 6 {
		return nil // too small a demo for development data
	}
	paths := [][]domain.PlanState{
		{},
		{domain.PlanSubmitted},
		{domain.PlanSubmitted, domain.PlanApproved},
		{domain.PlanSubmitted, domain.PlanApproved, domain.PlanInProgress},
		{domain.PlanSubmitted, domain.PlanRevision},
	}
	plans := make([]*domain.DevelopmentPlan, len(paths))
	for i, path := range paths {
		e := people[i]
		p, err := c.Store.FindPlan(ctx, e.ID, year)
		if err != nil {
			return err
		}
		if p == nil {
			v, err := c.DraftPlan(ctx, e.ID, year, false)
			if err != nil {
				return err
			}
			p = &v.Plan
			if len(p.Lines) == 0 {
				continue
			}
			for _, to := range path {
				reason := ""
				if to == domain.PlanRevision {
					reason = "Lengkapi penyelenggara dan jadwal."
				}
				v, err := c.TransitionPlan(ctx, p.ID, to, demoSupervisor, reason)
				if err != nil {
					return err
				}
				p = &v.Plan
			}
		}
		plans[i] = p
	}

	events, err := c.Store.ListEvents(ctx, store.EventFilter{})
	if err != nil {
		return err
	}
	byCode := map[string]bool{}
	for _, ev := range events {
		byCode[ev.Code] = true
	}
	y := DemoPeriod
	today := c.Store.Now().UTC()
	demoEvents := []domain.TrainingEvent{
		{Code: "SEM-01", Name: "Seminar Manajemen ASN Berbasis Merit", MethodCode: "seminar", Provider: "BKPSDM",
			Venue: "Aula BKPSDM", StartDate: y + "-02-10", EndDate: y + "-02-11", Budget: 15_000_000, RealisedCost: 13_500_000,
			FundingSource: domain.FundingAPBD},
		{Code: "BIMTEK-02", Name: "Bimbingan Teknis Pengelolaan Arsip Dinamis", MethodCode: "bimtek", Provider: "ANRI",
			Venue: "Hotel Grand Kota", StartDate: y + "-05-12", EndDate: y + "-05-14", StatedJP: 24, Budget: 45_000_000, FundingSource: domain.FundingAPBD},
		{Code: "WS-03", Name: "Workshop Penyusunan SKP", MethodCode: "workshop", Provider: "BKPSDM", Online: true,
			StartDate: y + "-08-19", EndDate: y + "-08-20", Budget: 8_000_000, FundingSource: domain.FundingAPBD},
		{Code: "PKP-04", Name: "Pelatihan Kepemimpinan Pengawas", MethodCode: "pelatihan_kepemimpinan", Provider: "BPSDM Provinsi",
			Venue: "Kampus BPSDM", StartDate: today.AddDate(0, 0, 14).Format("2006-01-02"), EndDate: today.AddDate(0, 0, 18).Format("2006-01-02"),
			StatedJP: 40, Budget: 60_000_000, FundingSource: domain.FundingAPBD},
	}
	for i := range demoEvents {
		ev := demoEvents[i]
		if byCode[ev.Code] {
			continue
		}
		saved, err := c.SaveEvent(ctx, ev)
		if err != nil {
			return err
		}
		if i != 0 {
			continue
		}
		// The seminar is over: participants (one from an approved plan
		// line), full attendance, completion with certificates and
		// evaluations.
		if p := plans[2]; p != nil && len(p.Lines) > 0 {
			if _, err := c.Store.AddParticipant(ctx, saved.ID, p.EmployeeID, p.ID, p.Lines[0].ID); err != nil {
				return err
			}
		}
		for _, e := range people[5:] {
			if _, err := c.Store.AddParticipant(ctx, saved.ID, e.ID, "", ""); err != nil {
				return err
			}
		}
		for _, day := range eventDays(*saved) {
			if _, err := c.Store.SetAttendanceDay(ctx, saved.ID, day, true); err != nil {
				return err
			}
		}
		if _, err := c.CompleteEvent(ctx, saved.ID); err != nil {
			return err
		}
		ps, err := c.Store.ListParticipants(ctx, store.ParticipantFilter{EventIDs: []string{saved.ID}})
		if err != nil {
			return err
		}
		for k, p := range ps {
			score := float64(70 + 5*k)
			pre := float64(55 + 3*k)
			evals := []domain.Evaluation{
				{ParticipantID: p.ID, Level: domain.LevelReaction, Date: saved.EndDate, Instrument: "Kuesioner penyelenggaraan",
					Answers: domain.EvaluationAnswers{{QuestionID: "materi", Value: 4}, {QuestionID: "pengajar", Value: 5 - k%2}, {QuestionID: "fasilitas", Value: 4}}},
				{ParticipantID: p.ID, Level: domain.LevelLearning, Date: saved.EndDate, Instrument: "Pre-test/post-test", PreScore: &pre, Score: &score},
			}
			for j := range evals {
				if err := c.Store.SaveEvaluation(ctx, &evals[j]); err != nil {
					return err
				}
			}
		}
	}
	// The bimtek registers a need from the in-progress plan.
	if p := plans[3]; p != nil && len(p.Lines) > 0 && !byCode["BIMTEK-02"] {
		for _, ev := range mustEvents(ctx, c, "BIMTEK-02") {
			if _, err := c.Store.AddParticipant(ctx, ev.ID, p.EmployeeID, p.ID, p.Lines[0].ID); err != nil {
				return err
			}
		}
	}

	acts, err := c.Store.ListActivities(ctx, people[0].ID, 0)
	if err != nil {
		return err
	}
	if len(acts) == 0 {
		a := domain.LearningActivity{EmployeeID: people[0].ID, MethodCode: "coaching", Title: "Coaching kinerja dengan atasan langsung",
			Provider: demoSupervisor.Name, StartDate: y + "-03-02", EndDate: y + "-03-30", Sessions: 2}
		if err := c.Store.SaveActivity(ctx, &a, c.methods()); err != nil {
			return err
		}
		if _, err := c.Store.CompleteActivity(ctx, a.ID, c.methods()); err != nil {
			return err
		}
		b := domain.LearningActivity{EmployeeID: people[0].ID, MethodCode: "e_learning", Title: "E-learning Etika Pelayanan Publik",
			Provider: "ASN Unggul", StartDate: y + "-04-01", EndDate: y + "-04-20", StatedJP: 10}
		if err := c.Store.SaveActivity(ctx, &b, c.methods()); err != nil {
			return err
		}
		if _, err := c.Store.CompleteActivity(ctx, b.ID, c.methods()); err != nil {
			return err
		}
	}
	awards, err := c.Store.ListAwards(ctx, year)
	if err != nil {
		return err
	}
	if len(awards) == 0 {
		sugg, err := c.SuggestAwards(ctx, year)
		if err != nil {
			return err
		}
		for _, s := range sugg {
			if s.Kind == domain.AwardHighestJP {
				a := domain.Award{Year: year, Kind: s.Kind, EmployeeID: s.EmployeeID, Title: "JP pengembangan kompetensi tertinggi " + y,
					AwardedOn: y + "-12-15"}
				if err := c.Store.SaveAward(ctx, &a); err != nil {
					return err
				}
				break
			}
		}
	}
	return nil
}

func mustEvents(ctx context.Context, c *Core, code string) []domain.TrainingEvent {
	evs, _ := c.Store.ListEvents(ctx, store.EventFilter{})
	var out []domain.TrainingEvent
	for _, ev := range evs {
		if ev.Code == code {
			out = append(out, ev)
		}
	}
	return out
}
