package storetest

import (
	"testing"

	"kembang/backend/domain"
	"kembang/backend/store"
)

// withAssessee adds an employee to assess and publishes a framework
// version for assessments to pin.
func (f *fixture) withAssessee(t *testing.T, s *store.Store) {
	t.Helper()
	f.assessee = f.employee("Budi Santoso", NIP(1, 1, 1))
	must(t, s.SaveEmployee(bg(), f.assessee))
	_, err := s.PublishFramework(bg(), "v1")
	must(t, err)
}

func assessedFixture(t *testing.T, s *store.Store) fixture {
	t.Helper()
	f := newFixture(t, s)
	f.withAssessee(t, s)
	return f
}

// finalized stores a finalized assessor assessment of f.assessee.
func (f *fixture) finalized(t *testing.T, s *store.Store, period string, m1, t1 int) *domain.Assessment {
	t.Helper()
	a := &domain.Assessment{EmployeeID: f.assessee.ID, Period: period, Method: domain.AssessmentByAssessor,
		State: domain.AssessmentFinalized, Items: domain.AssessmentItems{{CompetencyCode: "M.1", Level: m1}, {CompetencyCode: "T.1", Level: t1}}}
	must(t, s.SaveAssessment(bg(), a))
	return a
}

func init() {
	writesPerTable["assessments"] = []op{
		{"create", func(t *testing.T, s *store.Store, f *fixture) error {
			f.assessment = &domain.Assessment{EmployeeID: f.assessee.ID, Period: "2026", Method: domain.AssessmentBySupervisor,
				Items: domain.AssessmentItems{{CompetencyCode: "M.1", Level: 2}}}
			return s.SaveAssessment(bg(), f.assessment)
		}},
		{"update", func(t *testing.T, s *store.Store, f *fixture) error {
			f.assessment.Note = "dinilai ulang"
			return s.SaveAssessment(bg(), f.assessment)
		}},
		{"set level", func(t *testing.T, s *store.Store, f *fixture) error {
			a, err := s.SetAssessmentLevel(bg(), f.assessment.ID, "T.1", 3, "laporan kegiatan")
			f.assessment = a
			return err
		}},
		{"grid set on a new cell", func(t *testing.T, s *store.Store, f *fixture) error {
			_, err := s.GridSet(bg(), f.assessee.ID, "2026", domain.AssessmentBySelf, "M.1", 3)
			return err
		}},
		{"grid set on an existing draft", func(t *testing.T, s *store.Store, f *fixture) error {
			_, err := s.GridSet(bg(), f.assessee.ID, "2026", domain.AssessmentBySelf, "T.1", 2)
			return err
		}},
		{"submit the grid", func(t *testing.T, s *store.Store, f *fixture) error {
			n, err := s.SubmitDrafts(bg(), []string{f.assessee.ID}, "2026", domain.AssessmentBySelf)
			if err == nil && n != 1 {
				t.Errorf("SubmitDrafts = %d, want 1", n)
			}
			return err
		}},
		{"submit", func(t *testing.T, s *store.Store, f *fixture) error {
			_, err := s.TransitionAssessment(bg(), f.assessment.ID, domain.AssessmentSubmitted)
			return err
		}},
		{"finalize", func(t *testing.T, s *store.Store, f *fixture) error {
			_, err := s.TransitionAssessment(bg(), f.assessment.ID, domain.AssessmentFinalized)
			return err
		}},
		{"supersede", func(t *testing.T, s *store.Store, f *fixture) error {
			_, err := s.SupersedeAssessment(bg(), f.assessment.ID)
			return err
		}},
		{"import create", func(t *testing.T, s *store.Store, f *fixture) error {
			_, err := s.ApplyAssessmentImport(bg(), []domain.ImportAssessment{{Row: 2, NIP: f.assessee.NIP, Code: "M.1", Level: 2, Period: "2025"}}, nil)
			return err
		}},
		{"import correcting a finalized result", func(t *testing.T, s *store.Store, f *fixture) error {
			_, err := s.ApplyAssessmentImport(bg(), []domain.ImportAssessment{{Row: 2, NIP: f.assessee.NIP, Code: "M.1", Level: 3, Period: "2025"}}, nil)
			return err
		}},
	}
}

var assessmentCases = []testCase{
	{"a finalized assessment never changes", func(t *testing.T, s *store.Store) {
		f := assessedFixture(t, s)
		a := f.finalized(t, s, "2026", 2, 3)
		if a.State != domain.AssessmentFinalized || a.Version != 1 || a.FrameworkVersion != 1 {
			t.Fatalf("stored = %+v, want finalized version 1 pinned to framework 1", a)
		}
		cases := []struct {
			name string
			code string
			do   func() error
		}{
			{"save with another level", domain.CodeAssessmentFinalized, func() error {
				c := *a
				c.Items = domain.AssessmentItems{{CompetencyCode: "M.1", Level: 5}}
				return s.SaveAssessment(bg(), &c)
			}},
			{"save with only a new note", domain.CodeAssessmentFinalized, func() error {
				c := *a
				c.Note = "ralat"
				return s.SaveAssessment(bg(), &c)
			}},
			{"set one level", domain.CodeAssessmentFinalized, func() error {
				_, err := s.SetAssessmentLevel(bg(), a.ID, "M.1", 1, "")
				return err
			}},
			{"grid cell", domain.CodeAssessmentFinalized, func() error {
				_, err := s.GridSet(bg(), f.assessee.ID, "2026", domain.AssessmentByAssessor, "M.1", 4)
				return err
			}},
			{"return to draft", domain.CodeAssessmentInvalidTransition, func() error {
				_, err := s.TransitionAssessment(bg(), a.ID, domain.AssessmentDraft)
				return err
			}},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				before := snapshot(t, s)
				wantCode(t, tc.do(), tc.code)
				sameCounts(t, before, snapshot(t, s))
				got, err := s.GetAssessment(bg(), a.ID)
				must(t, err)
				if got.Version != 1 || got.Level("M.1") != 2 || got.Note != "" {
					t.Errorf("stored after a refused write = %+v", got)
				}
			})
		}
		again, err := s.TransitionAssessment(bg(), a.ID, domain.AssessmentFinalized)
		must(t, err)
		if again.Version != 1 {
			t.Errorf("finalizing twice wrote version %d", again.Version)
		}
	}},
	{"a correction supersedes and history keeps the chain", func(t *testing.T, s *store.Store) {
		f := assessedFixture(t, s)
		first := f.finalized(t, s, "2026", 2, 3)
		draft := &domain.Assessment{EmployeeID: f.assessee.ID, Period: "2026", Method: domain.AssessmentBySelf,
			Items: domain.AssessmentItems{{CompetencyCode: "M.1", Level: 1}}}
		must(t, s.SaveAssessment(bg(), draft))
		_, err := s.SupersedeAssessment(bg(), draft.ID)
		wantCode(t, err, domain.CodeAssessmentNotFinalized)

		second, err := s.SupersedeAssessment(bg(), first.ID)
		must(t, err)
		if second.SupersedesID == nil || *second.SupersedesID != first.ID || second.State != domain.AssessmentDraft ||
			second.Level("T.1") != 3 || second.FrameworkVersion != first.FrameworkVersion {
			t.Fatalf("correction = %+v, want a draft copy pointing at %s", second, first.ID)
		}
		second, err = s.SetAssessmentLevel(bg(), second.ID, "T.1", 4, "sertifikat")
		must(t, err)
		_, err = s.TransitionAssessment(bg(), second.ID, domain.AssessmentFinalized)
		must(t, err)
		third, err := s.SupersedeAssessment(bg(), second.ID)
		must(t, err)

		// Changing the link of a correction is refused.
		moved := *third
		moved.SupersedesID = nil
		wantCode(t, s.SaveAssessment(bg(), &moved), domain.CodeAssessmentSupersedes)

		all, err := s.ListAssessments(bg(), store.AssessmentFilter{EmployeeIDs: []string{f.assessee.ID}})
		must(t, err)
		if len(all) != 4 {
			t.Fatalf("%d assessments listed, want 4 (three in the chain and the self-assessment)", len(all))
		}
		chain := domain.SupersedeChain(all, third.ID)
		var ids []string
		for _, a := range chain {
			ids = append(ids, a.ID)
		}
		if !equal(ids, []string{first.ID, second.ID, third.ID}) {
			t.Errorf("chain = %v, want first, second, third", ids)
		}
		stored, err := s.GetAssessment(bg(), first.ID)
		must(t, err)
		if stored.Version != 1 || stored.Level("T.1") != 3 {
			t.Errorf("the superseded assessment changed: %+v", stored)
		}
		finals := domain.Current(filterState(all, domain.AssessmentFinalized))
		if len(finals) != 1 || finals[0].ID != second.ID || finals[0].Level("T.1") != 4 {
			t.Errorf("current finalized = %+v, want the second (the third is still a draft)", finals)
		}
	}},
	{"an assessment keeps the framework version it was made with", func(t *testing.T, s *store.Store) {
		f := assessedFixture(t, s)
		a := f.finalized(t, s, "2026", 2, 3)
		oldText := f.tech.Levels[2].Description
		f.tech.Levels[2].Description = "Deskripsi baru level 3"
		f.tech.Name = "Pengelolaan Arsip Dinamis"
		must(t, s.SaveCompetency(bg(), f.tech))
		v2, err := s.PublishFramework(bg(), "revisi")
		must(t, err)
		if v2.Number != 2 {
			t.Fatalf("second version = %d", v2.Number)
		}
		later := &domain.Assessment{EmployeeID: f.assessee.ID, Period: "2027", Method: domain.AssessmentBySelf}
		must(t, s.SaveAssessment(bg(), later))
		if later.FrameworkVersion != 2 {
			t.Errorf("a new assessment pins version %d, want the newest (2)", later.FrameworkVersion)
		}
		got, err := s.GetAssessment(bg(), a.ID)
		must(t, err)
		fv, err := s.GetFrameworkVersion(bg(), got.FrameworkVersion)
		must(t, err)
		var desc, name string
		for _, c := range fv.Competencies {
			if c.Code == "T.1" {
				desc, name = c.Levels[2].Description, c.Name
			}
		}
		if got.FrameworkVersion != 1 || desc != oldText || name != "Pengelolaan Arsip" {
			t.Errorf("old assessment reads version %d: %q / %q, want version 1 with the text it was made with",
				got.FrameworkVersion, name, desc)
		}
		// A draft cannot be moved to another version either.
		later.FrameworkVersion = 1
		wantCode(t, s.SaveAssessment(bg(), later), domain.CodeInvalid)
	}},
	{"assessment saves are validated against the position standard", func(t *testing.T, s *store.Store) {
		f := assessedFixture(t, s)
		cases := []struct {
			name string
			a    domain.Assessment
			code string
		}{
			{"competency the position does not require", domain.Assessment{EmployeeID: f.assessee.ID, Period: "2026", Method: domain.AssessmentBySelf,
				Items: domain.AssessmentItems{{CompetencyCode: "M.2", Level: 2}}}, domain.CodeInvalid},
			{"level 6", domain.Assessment{EmployeeID: f.assessee.ID, Period: "2026", Method: domain.AssessmentBySelf,
				Items: domain.AssessmentItems{{CompetencyCode: "M.1", Level: 6}}}, domain.CodeInvalid},
			{"unknown employee", domain.Assessment{EmployeeID: "missing", Period: "2026", Method: domain.AssessmentBySelf}, domain.CodeNotFound},
			{"unknown method", domain.Assessment{EmployeeID: f.assessee.ID, Period: "2026", Method: "boss"}, domain.CodeInvalid},
			{"self-assessment entered finalized", domain.Assessment{EmployeeID: f.assessee.ID, Period: "2026", Method: domain.AssessmentBySelf,
				State: domain.AssessmentFinalized, Items: domain.AssessmentItems{{CompetencyCode: "M.1", Level: 2}}}, domain.CodeAssessmentInvalidTransition},
			{"unpublished framework version", domain.Assessment{EmployeeID: f.assessee.ID, Period: "2026", Method: domain.AssessmentBySelf,
				FrameworkVersion: 9}, domain.CodeNotFound},
			{"superseding a missing assessment", domain.Assessment{EmployeeID: f.assessee.ID, Period: "2026", Method: domain.AssessmentBySelf,
				SupersedesID: ptr("missing")}, domain.CodeNotFound},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				before := snapshot(t, s)
				a := tc.a
				wantCode(t, s.SaveAssessment(bg(), &a), tc.code)
				sameCounts(t, before, snapshot(t, s))
			})
		}
		ok := &domain.Assessment{EmployeeID: f.assessee.ID, Period: "2026", Method: domain.AssessmentBySelf}
		must(t, s.SaveAssessment(bg(), ok))
		stale := *ok
		stale.Version = 0
		stale.Note = "x"
		wantCode(t, s.SaveAssessment(bg(), &stale), domain.CodeVersionConflict)
	}},
	{"the grid creates one draft per employee and lists by unit subtree", func(t *testing.T, s *store.Store) {
		f := assessedFixture(t, s)
		sub := &domain.Unit{Name: "Subbidang Mutasi", ParentID: &f.unitA.ID}
		must(t, s.SaveUnit(bg(), sub))
		other := f.employee("Sri Wahyuni", NIP(2, 2, 2))
		other.UnitID = &sub.ID
		must(t, s.SaveEmployee(bg(), other))
		outside := f.employee("Joko", NIP(3, 1, 3))
		outside.UnitID = &f.unitB.ID
		must(t, s.SaveEmployee(bg(), outside))

		before := snapshot(t, s)
		cell, err := s.GridSet(bg(), f.assessee.ID, "2026", domain.AssessmentBySupervisor, "M.1", 0)
		must(t, err)
		if cell.AssessmentID != "" {
			t.Errorf("clearing an empty cell created %+v", cell)
		}
		sameCounts(t, before, snapshot(t, s))

		c1, err := s.GridSet(bg(), f.assessee.ID, "2026", domain.AssessmentBySupervisor, "M.1", 2)
		must(t, err)
		c2, err := s.GridSet(bg(), f.assessee.ID, "2026", domain.AssessmentBySupervisor, "T.1", 3)
		must(t, err)
		if c1.AssessmentID == "" || c2.AssessmentID != c1.AssessmentID || c2.Version != 2 || c2.State != domain.AssessmentDraft {
			t.Errorf("cells = %+v then %+v, want one draft at version 2", c1, c2)
		}
		_, err = s.GridSet(bg(), other.ID, "2026", domain.AssessmentBySupervisor, "M.1", 1)
		must(t, err)
		_, err = s.GridSet(bg(), outside.ID, "2026", domain.AssessmentBySupervisor, "M.1", 1)
		must(t, err)
		_, err = s.GridSet(bg(), f.assessee.ID, "2026", domain.AssessmentBySupervisor, "M.2", 3)
		wantCode(t, err, domain.CodeInvalid)

		tests := []struct {
			name   string
			filter store.AssessmentFilter
			want   int
		}{
			{"unit with its sub-unit", store.AssessmentFilter{UnitID: f.unitA.ID}, 2},
			{"sub-unit alone", store.AssessmentFilter{UnitID: sub.ID}, 1},
			{"other unit", store.AssessmentFilter{UnitID: f.unitB.ID}, 1},
			{"period", store.AssessmentFilter{Period: "2026"}, 3},
			{"other period", store.AssessmentFilter{Period: "2025"}, 0},
			{"method", store.AssessmentFilter{Method: domain.AssessmentBySelf}, 0},
			{"state", store.AssessmentFilter{States: []domain.AssessmentState{domain.AssessmentDraft}}, 3},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				got, err := s.ListAssessments(bg(), tc.filter)
				must(t, err)
				if len(got) != tc.want {
					t.Errorf("%d assessments, want %d", len(got), tc.want)
				}
			})
		}
		a, err := s.GetAssessment(bg(), c1.AssessmentID)
		must(t, err)
		if a.Level("M.1") != 2 || a.Level("T.1") != 3 || a.FrameworkVersion != 1 {
			t.Errorf("grid draft = %+v", a)
		}
		n, err := s.SubmitDrafts(bg(), []string{f.assessee.ID, other.ID}, "2026", domain.AssessmentBySupervisor)
		must(t, err)
		if n != 2 {
			t.Errorf("submitted %d drafts, want 2", n)
		}
		_, err = s.UnitSubtree(bg(), "missing")
		wantCode(t, err, domain.CodeNotFound)
	}},
	{"periods are listed newest first", func(t *testing.T, s *store.Store) {
		f := assessedFixture(t, s)
		for _, p := range []string{"2025", "2026 Semester I", "2026", "2024"} {
			f.finalized(t, s, p, 2, 3)
		}
		got, err := s.Periods(bg())
		must(t, err)
		if !equal(got, []string{"2026 Semester I", "2026", "2025", "2024"}) {
			t.Errorf("periods = %v", got)
		}
	}},
	{"an assessment import finalizes, is idempotent and supersedes changed results", func(t *testing.T, s *store.Store) {
		f := assessedFixture(t, s)
		draft, err := s.GridSet(bg(), f.assessee.ID, "2026", domain.AssessmentByAssessor, "M.1", 1)
		must(t, err)
		other := f.employee("Sri Wahyuni", NIP(2, 2, 2))
		must(t, s.SaveEmployee(bg(), other))
		rows := []domain.ImportAssessment{
			{Row: 2, NIP: f.assessee.NIP, Code: "M.1", Level: 2, Period: "2026", Evidence: "AC 2026"},
			{Row: 3, NIP: f.assessee.NIP, Code: "T.1", Level: 3, Period: "2026"},
			{Row: 4, NIP: other.NIP, Code: "M.1", Level: 3, Period: "2026"},
		}
		res, err := s.ApplyAssessmentImport(bg(), rows, nil)
		must(t, err)
		if res.Created != 1 || res.Updated != 1 || res.Unchanged != 0 {
			t.Errorf("first import = %+v, want 1 created, 1 updated (the grid draft)", res)
		}
		got, err := s.GetAssessment(bg(), draft.AssessmentID)
		must(t, err)
		if got.State != domain.AssessmentFinalized || got.Level("M.1") != 2 || got.Items[0].Evidence != "AC 2026" {
			t.Errorf("grid draft after import = %+v, want finalized with the file's levels", got)
		}

		before := snapshot(t, s)
		res, err = s.ApplyAssessmentImport(bg(), rows, nil)
		must(t, err)
		if res.Unchanged != 2 || res.Created+res.Updated != 0 {
			t.Errorf("second import = %+v, want 2 unchanged", res)
		}
		sameCounts(t, before, snapshot(t, s))

		rows[2].Level = 4
		res, err = s.ApplyAssessmentImport(bg(), rows, nil)
		must(t, err)
		if res.Updated != 1 || res.Unchanged != 1 {
			t.Errorf("third import = %+v, want 1 updated", res)
		}
		list, err := s.ListAssessments(bg(), store.AssessmentFilter{EmployeeIDs: []string{other.ID}})
		must(t, err)
		if len(list) != 2 || list[0].SupersedesID == nil || *list[0].SupersedesID != list[1].ID ||
			list[0].Level("M.1") != 4 || list[1].Level("M.1") != 3 || list[0].State != domain.AssessmentFinalized {
			t.Errorf("after a changed result: %+v, want a finalized correction over the old one", list)
		}

		bad := []struct {
			name string
			rows []domain.ImportAssessment
			code string
			row  int
		}{
			{"unknown NIP", []domain.ImportAssessment{rows[0], {Row: 5, NIP: NIP(9, 1, 9), Code: "M.1", Level: 2}}, domain.CodeImportNIPUnknown, 5},
			{"competency outside the standard", []domain.ImportAssessment{{Row: 7, NIP: other.NIP, Code: "M.1", Level: 2, Period: "2027"},
				{Row: 8, NIP: other.NIP, Code: "SK.1", Level: 2, Period: "2027"}}, domain.CodeImportRowInvalid, 8},
			{"same NIP, code and period twice", []domain.ImportAssessment{rows[1], {Row: 9, NIP: f.assessee.NIP, Code: "T.1", Level: 1, Period: "2026"}},
				domain.CodeImportAssessmentDuplicate, 9},
			{"level 0", []domain.ImportAssessment{{Row: 4, NIP: other.NIP, Code: "M.1", Level: 0}}, domain.CodeImportRowInvalid, 4},
			{"self-assessment method", []domain.ImportAssessment{{Row: 6, NIP: other.NIP, Code: "M.1", Level: 2, Method: domain.AssessmentBySelf}},
				domain.CodeImportRowInvalid, 6},
		}
		for _, tc := range bad {
			t.Run(tc.name, func(t *testing.T) {
				before := snapshot(t, s)
				_, err := s.ApplyAssessmentImport(bg(), tc.rows, nil)
				de := wantCode(t, err, tc.code)
				if de.Details["row"] != tc.row {
					t.Errorf("details = %v, want row %d", de.Details, tc.row)
				}
				sameCounts(t, before, snapshot(t, s))
			})
		}
	}},
}

func filterState(all []domain.Assessment, st domain.AssessmentState) []domain.Assessment {
	var out []domain.Assessment
	for _, a := range all {
		if a.State == st {
			out = append(out, a)
		}
	}
	return out
}
