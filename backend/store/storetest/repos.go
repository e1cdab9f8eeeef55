package storetest

import (
	"testing"

	"kembang/backend/domain"
	"kembang/backend/store"
)

var repoCases = []testCase{
	{"settings are stored, replaced and not synced", func(t *testing.T, s *store.Store) {
		_, ok, err := s.GetSetting(bg(), "kop.title")
		must(t, err)
		if ok {
			t.Fatal("unset key reported as set")
		}
		must(t, s.SetSetting(bg(), "kop.title", "PEMERINTAH KABUPATEN"))
		must(t, s.SetSetting(bg(), "kop.title", "PEMERINTAH KOTA"))
		v, ok, err := s.GetSetting(bg(), "kop.title")
		must(t, err)
		if !ok || v != "PEMERINTAH KOTA" {
			t.Errorf("GetSetting = %q, %v; want the last value", v, ok)
		}
		if n := count(t, s, "outbox"); n != 0 {
			t.Errorf("settings wrote %d outbox rows", n)
		}
	}},
	{"the local office is created once", func(t *testing.T, s *store.Store) {
		wantCode(t, func() error { _, err := s.LocalOffice(bg()); return err }(), domain.CodeNotFound)
		a, err := s.EnsureLocalOffice(bg(), "BKPSDM Kabupaten Contoh")
		must(t, err)
		b, err := s.EnsureLocalOffice(bg(), "Another Name")
		must(t, err)
		if a.ID != b.ID || b.Name != "BKPSDM Kabupaten Contoh" {
			t.Errorf("second EnsureLocalOffice = %+v, want the first office %s", b, a.ID)
		}
		got, err := s.LocalOffice(bg())
		must(t, err)
		if got.ID != a.ID || count(t, s, "offices") != 1 {
			t.Errorf("LocalOffice = %+v, offices = %d", got, count(t, s, "offices"))
		}
	}},
	{"a unit needs a local office when none is given", func(t *testing.T, s *store.Store) {
		err := s.SaveUnit(bg(), &domain.Unit{Name: "Sekretariat"})
		de := wantCode(t, err, domain.CodeInvalid)
		if fe := de.Details["fields"].([]domain.FieldError); fe[0].Field != "officeId" {
			t.Errorf("fields = %v, want officeId", fe)
		}
	}},
	{"units are listed by name and may not form a cycle", func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		child := &domain.Unit{Name: "Subbidang A", ParentID: &f.unitA.ID}
		must(t, s.SaveUnit(bg(), child))
		grandchild := &domain.Unit{Name: "Seksi A1", ParentID: &child.ID}
		must(t, s.SaveUnit(bg(), grandchild))
		for _, tc := range []struct {
			name   string
			parent string
		}{
			{"unit as its own parent", f.unitA.ID},
			{"unit under its grandchild", grandchild.ID},
			{"unit under its child", child.ID},
		} {
			t.Run(tc.name, func(t *testing.T) {
				u := *f.unitA
				u.ParentID = ptr(tc.parent)
				wantCode(t, s.SaveUnit(bg(), &u), domain.CodeUnitCycle)
			})
		}
		list, err := s.ListUnits(bg())
		must(t, err)
		var names []string
		for _, u := range list {
			names = append(names, u.Name)
		}
		want := []string{"Bidang Mutasi", "Sekretariat", "Seksi A1", "Subbidang A"}
		if len(names) != len(want) {
			t.Fatalf("ListUnits = %v, want %v", names, want)
		}
		for i := range want {
			if names[i] != want[i] {
				t.Fatalf("ListUnits = %v, want %v", names, want)
			}
		}
	}},
	{"deleting a referenced unit is a conflict that counts the references", func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		must(t, s.SaveUnit(bg(), &domain.Unit{Name: "Anak", ParentID: &f.unitA.ID}))
		must(t, s.SaveEmployee(bg(), f.employee("Budi Santoso", NIP(1, 1, 1))))
		p := &domain.Position{Name: "Kepala Bidang", Type: domain.Administrator, UnitID: &f.unitA.ID}
		must(t, s.SavePosition(bg(), p))
		de := wantCode(t, s.DeleteUnit(bg(), f.unitA.ID), domain.CodeConflict)
		for k, want := range map[string]int64{"employees": 1, "positions": 1, "units": 1} {
			if got, _ := de.Details[k].(int64); got != want {
				t.Errorf("details[%s] = %v, want %d", k, de.Details[k], want)
			}
		}
		must(t, s.DeleteUnit(bg(), f.unitB.ID))
	}},
	{"not found names the entity and the id", func(t *testing.T, s *store.Store) {
		for _, tc := range []struct {
			entity string
			get    func(id string) error
		}{
			{"unit", func(id string) error { _, err := s.GetUnit(bg(), id); return err }},
			{"position", func(id string) error { _, err := s.GetPosition(bg(), id); return err }},
			{"competency", func(id string) error { _, err := s.GetCompetency(bg(), id); return err }},
			{"employee", func(id string) error { _, err := s.GetEmployee(bg(), id); return err }},
			{"employee", func(id string) error { return s.DeleteEmployee(bg(), id) }},
			{"position", func(id string) error { return s.DeletePosition(bg(), id) }},
		} {
			de := wantCode(t, tc.get("no-such-id"), domain.CodeNotFound)
			if de.Details["entity"] != tc.entity || de.Details["id"] != "no-such-id" {
				t.Errorf("details = %v, want entity %s and the id", de.Details, tc.entity)
			}
		}
	}},
	{"built-ins are seeded idempotently without outbox rows and are read-only", func(t *testing.T, s *store.Store) {
		must(t, s.EnsureBuiltins(bg(), Builtins()))
		must(t, s.EnsureBuiltins(bg(), Builtins()))
		if n := count(t, s, "competencies"); n != int64(len(Builtins())) {
			t.Errorf("%d competencies after seeding twice, want %d", n, len(Builtins()))
		}
		if n := count(t, s, "outbox"); n != 0 {
			t.Errorf("built-ins wrote %d outbox rows", n)
		}
		m1, err := s.GetCompetencyByCode(bg(), "m.1")
		must(t, err)
		if !m1.BuiltIn || m1.ID != Builtins()[0].ID || m1.Version != 1 {
			t.Errorf("M.1 = %+v, want the built-in with its fixed id at version 1", m1.SyncMeta)
		}
		changed := Builtins()
		changed[0].Name = "Integritas (revisi)"
		must(t, s.EnsureBuiltins(bg(), changed))
		m1, err = s.GetCompetency(bg(), m1.ID)
		must(t, err)
		if m1.Name != "Integritas (revisi)" || m1.Version != 2 {
			t.Errorf("updated built-in = %q v%d, want the new name at version 2", m1.Name, m1.Version)
		}
		m1.Name = "Edited"
		wantCode(t, s.SaveCompetency(bg(), m1), domain.CodeCompetencyBuiltin)
		wantCode(t, s.SetCompetencyRetired(bg(), m1.ID, true), domain.CodeCompetencyBuiltin)
		wantCode(t, s.SaveCompetency(bg(), &domain.Competency{Code: "M.9", Type: domain.Managerial, Name: "x"}), domain.CodeCompetencyBuiltin)
		wantCode(t, s.SaveCompetency(bg(), &domain.Competency{Code: "M.1", Type: domain.Technical, Name: "x", Levels: levels()}), domain.CodeCompetencyTaken)
	}},
	{"competencies are listed by type then natural code, retired ones on request", func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		t2 := &domain.Competency{Code: "T.2", Name: "Dua", Levels: levels()}
		must(t, s.SaveCompetency(bg(), t2))
		if t2.Type != domain.Technical {
			t.Errorf("type defaulted to %q, want technical", t2.Type)
		}
		must(t, s.SetCompetencyRetired(bg(), f.tech.ID, true))
		codes := func(includeRetired bool) []string {
			cs, err := s.ListCompetencies(bg(), includeRetired)
			must(t, err)
			var out []string
			for _, c := range cs {
				out = append(out, c.Code)
			}
			return out
		}
		for _, tc := range []struct {
			includeRetired bool
			want           []string
		}{
			{false, []string{"M.1", "M.2", "M.10", "SK.1", "T.2"}},
			{true, []string{"M.1", "M.2", "M.10", "SK.1", "T.1", "T.2"}},
		} {
			got := codes(tc.includeRetired)
			if len(got) != len(tc.want) {
				t.Fatalf("includeRetired=%v: %v, want %v", tc.includeRetired, got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("includeRetired=%v: %v, want %v", tc.includeRetired, got, tc.want)
				}
			}
		}
	}},
	{"published framework versions are numbered snapshots that never change", func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		v1, err := s.PublishFramework(bg(), "Kamus 2026")
		must(t, err)
		if v1.Number != 1 || len(v1.Competencies) != 5 {
			t.Fatalf("v1 = number %d with %d competencies, want 1 with 5", v1.Number, len(v1.Competencies))
		}
		must(t, s.SetCompetencyRetired(bg(), f.tech.ID, true))
		v2, err := s.PublishFramework(bg(), "tanpa T.1")
		must(t, err)
		if v2.Number != 2 || len(v2.Competencies) != 4 {
			t.Errorf("v2 = number %d with %d competencies, want 2 with 4", v2.Number, len(v2.Competencies))
		}
		list, err := s.ListFrameworkVersions(bg())
		must(t, err)
		if len(list) != 2 || list[0].Number != 2 || list[1].Number != 1 || list[1].Note != "Kamus 2026" {
			t.Errorf("ListFrameworkVersions = %+v, want 2 then 1", list)
		}
		got, err := s.GetFrameworkVersion(bg(), 1)
		must(t, err)
		if len(got.Competencies) != 5 || got.Competencies[4].Code != "T.1" || len(got.Competencies[0].Levels) != 5 {
			t.Errorf("v1 snapshot = %d competencies, want the 5 published with their levels", len(got.Competencies))
		}
		wantCode(t, func() error { _, err := s.GetFrameworkVersion(bg(), 9); return err }(), domain.CodeNotFound)
	}},
	{"position standards must name existing competencies", func(t *testing.T, s *store.Store) {
		newFixture(t, s)
		p := &domain.Position{Name: "Pranata Komputer", Type: domain.Fungsional, Jenjang: domain.AhliMuda,
			Standards: domain.Standards{"M.1": 3, "T.404": 2, "X.1": 1}}
		de := wantCode(t, s.SavePosition(bg(), p), domain.CodeInvalid)
		fe := de.Details["fields"].([]domain.FieldError)
		if len(fe) != 2 || fe[0].Value != "T.404" || fe[1].Value != "X.1" {
			t.Errorf("fields = %+v, want the two unknown codes", fe)
		}
		p.Standards = domain.Standards{"M.1": 3, "T.1": 2}
		must(t, s.SavePosition(bg(), p))
		got, err := s.GetPosition(bg(), p.ID)
		must(t, err)
		if got.Standards["T.1"] != 2 || got.Jenjang != domain.AhliMuda {
			t.Errorf("stored position = %+v", got)
		}
		list, err := s.ListPositions(bg())
		must(t, err)
		if len(list) != 2 || list[0].Name != "Analis Kepegawaian" || list[1].Name != "Pranata Komputer" {
			t.Errorf("ListPositions = %+v", list)
		}
	}},
}
