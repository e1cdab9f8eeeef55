package storetest

import (
	"encoding/json"
	"fmt"
	"testing"

	"kembang/backend/domain"
	"kembang/backend/store"
)

func names(rows []store.EmployeeRow) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.Name
	}
	return out
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

var employeeCases = []testCase{
	{"a NIP is taken while another live employee holds it", func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		first := f.employee("Budi Santoso", NIP(1, 1, 1))
		must(t, s.SaveEmployee(bg(), first))
		de := wantCode(t, s.SaveEmployee(bg(), f.employee("Budi Lain", NIP(1, 1, 1))), domain.CodeNIPTaken)
		if de.Details["id"] != first.ID {
			t.Errorf("details = %v, want the holder's id %s", de.Details, first.ID)
		}
		must(t, s.DeleteEmployee(bg(), first.ID))
		second := f.employee("Budi Lain", NIP(1, 1, 1))
		must(t, s.SaveEmployee(bg(), second))
		wantCode(t, s.RestoreEmployee(bg(), first.ID), domain.CodeNIPTaken)
	}},
	{"employee references must be live", func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		e := f.employee("Budi Santoso", NIP(1, 1, 1))
		e.UnitID = ptr("missing")
		de := wantCode(t, s.SaveEmployee(bg(), e), domain.CodeNotFound)
		if de.Details["field"] != "unitId" {
			t.Errorf("details = %v, want field unitId", de.Details)
		}
		e = f.employee("Budi Santoso", NIP(1, 1, 1))
		e.PositionID = ptr("missing")
		wantCode(t, s.SaveEmployee(bg(), e), domain.CodeNotFound)
	}},
	{"an employee is read back with unit and position names, by id and by printed NIP", func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		e := f.employee("Budi Santoso", NIP(7, 1, 8))
		e.GelarDepan, e.GelarBelakang = "Drs.", "M.Si."
		must(t, s.SaveEmployee(bg(), e))
		got, err := s.GetEmployee(bg(), e.ID)
		must(t, err)
		if got.UnitName != "Bidang Mutasi" || got.PositionName != "Analis Kepegawaian" || got.GelarDepan != "Drs." {
			t.Errorf("GetEmployee = %+v", got)
		}
		printed := fmt.Sprintf("%s %s %s %s", e.NIP[:8], e.NIP[8:14], e.NIP[14:15], e.NIP[15:])
		byNIP, err := s.GetEmployeeByNIP(bg(), printed)
		must(t, err)
		if byNIP.ID != e.ID {
			t.Errorf("GetEmployeeByNIP(%q) = %s, want %s", printed, byNIP.ID, e.ID)
		}
		must(t, s.DeleteEmployee(bg(), e.ID))
		wantCode(t, func() error { _, err := s.GetEmployeeByNIP(bg(), e.NIP); return err }(), domain.CodeNotFound)
		got, err = s.GetEmployee(bg(), e.ID)
		must(t, err)
		if !got.Deleted {
			t.Error("GetEmployee of a deleted employee should return the tombstone")
		}
	}},
	{"employee history lists every change newest first with field diffs", func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		e := f.employee("Budi Santoso", NIP(1, 1, 1))
		must(t, s.SaveEmployee(bg(), e))
		e.Name = "Budi Santosa"
		must(t, s.SaveEmployee(bg(), e))
		must(t, s.DeleteEmployee(bg(), e.ID))
		must(t, s.RestoreEmployee(bg(), e.ID))
		h, err := s.EmployeeHistory(bg(), e.ID)
		must(t, err)
		var actions []string
		for _, a := range h {
			actions = append(actions, a.Action)
			if a.Actor != Actor || a.Device != Device || a.Entity != "employee" {
				t.Errorf("audit entry %+v lacks actor/device/entity", a)
			}
		}
		if want := []string{"update", "delete", "update", "create"}; !equal(actions, want) {
			t.Fatalf("actions = %v, want %v", actions, want)
		}
		var changes map[string][2]any
		must(t, json.Unmarshal([]byte(h[2].Changes), &changes))
		if got := changes["name"]; got[0] != "Budi Santoso" || got[1] != "Budi Santosa" {
			t.Errorf("name change = %v", got)
		}
		for _, ignored := range []string{"version", "updatedAt"} {
			if _, ok := changes[ignored]; ok {
				t.Errorf("audit changes include %s", ignored)
			}
		}
		if len(changes) != 1 {
			t.Errorf("changes = %v, want only name", changes)
		}
	}},
	{"search matches name, gelar, NIP, printed NIP, unit and position, every word", func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		other := &domain.Position{Name: "Pengelola Gaji", Type: domain.Pelaksana}
		must(t, s.SavePosition(bg(), other))
		people := []*domain.Employee{
			f.employee("Budi Santoso", NIP(1, 1, 1)),
			f.employee("Ani Rahmawati", NIP(2, 2, 2)),
			f.employee("Citra Lestari", NIP(3, 2, 3)),
			f.employee("Dedi Kurniawan", NIP(4, 1, 4)),
		}
		people[0].GelarDepan = "Dr."
		people[1].UnitID = &f.unitB.ID
		people[2].PositionID = &other.ID
		people[3].UnitID, people[3].PositionID = nil, nil
		for _, p := range people {
			must(t, s.SaveEmployee(bg(), p))
		}
		printed := "19800101 200501 1 001"
		for _, tc := range []struct {
			name  string
			query store.EmployeeQuery
			want  []string
		}{
			{"empty text lists everyone by name", store.EmployeeQuery{}, []string{"Ani Rahmawati", "Budi Santoso", "Citra Lestari", "Dedi Kurniawan"}},
			{"name, case-insensitive", store.EmployeeQuery{Text: "SANTOSO"}, []string{"Budi Santoso"}},
			{"gelar", store.EmployeeQuery{Text: "dr."}, []string{"Budi Santoso"}},
			{"part of a NIP", store.EmployeeQuery{Text: "200501 2"}, []string{"Ani Rahmawati", "Citra Lestari"}},
			{"full NIP", store.EmployeeQuery{Text: NIP(2, 2, 2)}, []string{"Ani Rahmawati"}},
			{"printed NIP with spaces", store.EmployeeQuery{Text: printed}, []string{"Budi Santoso"}},
			{"unit name", store.EmployeeQuery{Text: "sekretariat"}, []string{"Ani Rahmawati"}},
			{"position name", store.EmployeeQuery{Text: "gaji"}, []string{"Citra Lestari"}},
			{"every word must match", store.EmployeeQuery{Text: "mutasi analis"}, []string{"Budi Santoso"}},
			{"words matching different people give nothing", store.EmployeeQuery{Text: "budi ani"}, nil},
			{"LIKE wildcards are literal", store.EmployeeQuery{Text: "%"}, nil},
			{"unit filter", store.EmployeeQuery{UnitID: f.unitA.ID}, []string{"Budi Santoso", "Citra Lestari"}},
			{"position filter", store.EmployeeQuery{PositionID: other.ID}, []string{"Citra Lestari"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				rows, total, err := s.SearchEmployees(bg(), tc.query)
				must(t, err)
				if got := names(rows); !equal(got, tc.want) || total != len(tc.want) {
					t.Errorf("SearchEmployees(%+v) = %v (total %d), want %v", tc.query, got, total, tc.want)
				}
			})
		}
		rows, _, err := s.SearchEmployees(bg(), store.EmployeeQuery{Text: "budi"})
		must(t, err)
		if rows[0].UnitName != "Bidang Mutasi" || rows[0].PositionName != "Analis Kepegawaian" {
			t.Errorf("row = %+v, want unit and position names", rows[0])
		}
	}},
	{"search pages with limit and offset and reports the total", func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		for i := 1; i <= 7; i++ {
			must(t, s.SaveEmployee(bg(), f.employee(fmt.Sprintf("Pegawai %02d", i), NIP(i, 1, i))))
		}
		rows, total, err := s.SearchEmployees(bg(), store.EmployeeQuery{Text: "pegawai", Limit: 3, Offset: 3})
		must(t, err)
		if total != 7 || !equal(names(rows), []string{"Pegawai 04", "Pegawai 05", "Pegawai 06"}) {
			t.Errorf("page = %v total %d, want 04–06 of 7", names(rows), total)
		}
	}},
	{"search leaves out deleted employees unless asked", func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		e := f.employee("Budi Santoso", NIP(1, 1, 1))
		must(t, s.SaveEmployee(bg(), e))
		must(t, s.DeleteEmployee(bg(), e.ID))
		rows, total, err := s.SearchEmployees(bg(), store.EmployeeQuery{Text: "budi"})
		must(t, err)
		if len(rows) != 0 || total != 0 {
			t.Errorf("deleted employee found: %v", names(rows))
		}
		rows, _, err = s.SearchEmployees(bg(), store.EmployeeQuery{Text: "budi", IncludeDeleted: true})
		must(t, err)
		if len(rows) != 1 || !rows[0].Deleted {
			t.Errorf("IncludeDeleted = %v, want the tombstone", names(rows))
		}
		must(t, s.RestoreEmployee(bg(), e.ID))
		rows, _, err = s.SearchEmployees(bg(), store.EmployeeQuery{Text: "budi"})
		must(t, err)
		if len(rows) != 1 {
			t.Error("restored employee not found")
		}
	}},
	{"renaming a unit or a position keeps search current without touching employees", func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		e := f.employee("Budi Santoso", NIP(1, 1, 1))
		must(t, s.SaveEmployee(bg(), e))
		f.unitA.Name = "Bidang Kepegawaian"
		must(t, s.SaveUnit(bg(), f.unitA))
		f.position.Name = "Analis SDM Aparatur"
		must(t, s.SavePosition(bg(), f.position))
		for _, tc := range []struct {
			text string
			want int
		}{{"kepegawaian", 1}, {"mutasi", 0}, {"aparatur", 1}, {"mutasi analis", 0}} {
			_, total, err := s.SearchEmployees(bg(), store.EmployeeQuery{Text: tc.text})
			must(t, err)
			if total != tc.want {
				t.Errorf("search %q = %d, want %d", tc.text, total, tc.want)
			}
		}
		got, err := s.GetEmployee(bg(), e.ID)
		must(t, err)
		if got.Version != 1 || got.UnitName != "Bidang Kepegawaian" {
			t.Errorf("employee = v%d in %q, want v1 in the renamed unit", got.Version, got.UnitName)
		}
	}},
}

func importRows(f fixture, n int) []domain.ImportEmployee {
	rows := make([]domain.ImportEmployee, n)
	for i := range rows {
		rows[i] = domain.ImportEmployee{
			Row:          i + 2,
			Employee:     domain.Employee{NIP: NIP(i%28+1, i%2+1, i%999+1), Name: fmt.Sprintf("Pegawai %03d", i), Golongan: "III/a"},
			UnitName:     []string{"bidang mutasi", "Bidang Baru"}[i%2],
			PositionName: []string{"ANALIS KEPEGAWAIAN", "Pengelola Data"}[i%2],
		}
	}
	return rows
}

var importCases = []testCase{
	{"an employee import creates missing units and positions and is idempotent", func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		s.DefaultStandards = func(pt domain.PositionType, _ domain.Jenjang) domain.Standards {
			if pt == domain.Pelaksana {
				return domain.Standards{"M.1": 1}
			}
			return nil
		}
		rows := importRows(f, 1200)
		var calls [][2]int
		res, err := s.ApplyEmployeeImport(bg(), rows, func(done, total int) { calls = append(calls, [2]int{done, total}) })
		must(t, err)
		if res.Created != 1200 || res.Updated != 0 || res.Unchanged != 0 {
			t.Errorf("first import = %+v, want 1200 created", res)
		}
		if !equal(res.UnitsCreated, []string{"Bidang Baru"}) || !equal(res.PositionsCreated, []string{"Pengelola Data"}) {
			t.Errorf("created units %v positions %v, want only the unknown ones", res.UnitsCreated, res.PositionsCreated)
		}
		if want := [][2]int{{500, 1200}, {1000, 1200}, {1200, 1200}}; fmt.Sprint(calls) != fmt.Sprint(want) {
			t.Errorf("progress calls = %v, want %v", calls, want)
		}
		_, total, err := s.SearchEmployees(bg(), store.EmployeeQuery{Text: "pengelola data"})
		must(t, err)
		if total != 600 {
			t.Errorf("%d employees found by the new position, want 600", total)
		}
		positions, err := s.ListPositions(bg())
		must(t, err)
		for _, p := range positions {
			if p.Name == "Pengelola Data" && (p.Type != domain.Pelaksana || !p.NeedsReview || p.Standards["M.1"] != 1) {
				t.Errorf("created position = %+v, want pelaksana needing review with default standards", p)
			}
		}
		outboxBefore := outboxBy(t, s)
		if outboxBefore["employee"] != 1200 {
			t.Errorf("%d employee mutations, want 1200", outboxBefore["employee"])
		}
		before := snapshot(t, s)
		res, err = s.ApplyEmployeeImport(bg(), rows, nil)
		must(t, err)
		if res.Created != 0 || res.Updated != 0 || res.Unchanged != 1200 || len(res.UnitsCreated)+len(res.PositionsCreated) != 0 {
			t.Errorf("second import = %+v, want 1200 unchanged", res)
		}
		sameCounts(t, before, snapshot(t, s))
	}},
	{"an employee import updates changed rows, keeps blank fields and revives deleted ones", func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		kept := f.employee("Budi Santoso", NIP(1, 1, 1))
		kept.Email = "budi@example.go.id"
		must(t, s.SaveEmployee(bg(), kept))
		gone := f.employee("Ani Rahmawati", NIP(2, 2, 2))
		must(t, s.SaveEmployee(bg(), gone))
		must(t, s.DeleteEmployee(bg(), gone.ID))
		rows := []domain.ImportEmployee{
			{Row: 2, Employee: domain.Employee{NIP: kept.NIP, Name: "Budi Santoso", Golongan: "III/b"}},
			{Row: 3, Employee: domain.Employee{NIP: gone.NIP, Name: "Ani Rahmawati", Golongan: "III/a"}},
		}
		res, err := s.ApplyEmployeeImport(bg(), rows, nil)
		must(t, err)
		if res.Updated != 2 || res.Created != 0 {
			t.Errorf("result = %+v, want 2 updated", res)
		}
		got, err := s.GetEmployee(bg(), kept.ID)
		must(t, err)
		if got.Golongan != "III/b" || got.Email != kept.Email || got.UnitName != "Bidang Mutasi" || got.Version != 2 {
			t.Errorf("updated = %+v, want new golongan, kept email and unit, version 2", got)
		}
		revived, err := s.GetEmployee(bg(), gone.ID)
		must(t, err)
		if revived.Deleted {
			t.Error("deleted employee not revived by the import")
		}
		last := lastOutbox(t, s)
		if last.Entity != "employee" || last.BaseVersion == 0 {
			t.Errorf("last mutation = %+v, want an employee update", last)
		}
		h, err := s.EmployeeHistory(bg(), kept.ID)
		must(t, err)
		if h[0].Action != "import" {
			t.Errorf("history action = %s, want import", h[0].Action)
		}
	}},
	{"an employee import with a NIP twice in the file writes nothing", func(t *testing.T, s *store.Store) {
		newFixture(t, s)
		before := snapshot(t, s)
		_, err := s.ApplyEmployeeImport(bg(), []domain.ImportEmployee{
			{Row: 2, Employee: domain.Employee{NIP: NIP(5, 1, 5), Name: "A"}, UnitName: "Unit Baru"},
			{Row: 3, Employee: domain.Employee{NIP: NIP(6, 1, 6), Name: "B"}},
			{Row: 4, Employee: domain.Employee{NIP: NIP(5, 1, 5), Name: "C"}},
		}, nil)
		de := wantCode(t, err, domain.CodeNIPDuplicate)
		if de.Details["row"] != 4 || de.Details["otherRow"] != 2 {
			t.Errorf("details = %v, want row 4 repeating row 2", de.Details)
		}
		sameCounts(t, before, snapshot(t, s))
	}},
	{"an employee import that fails mid-way rolls back the rows before", func(t *testing.T, s *store.Store) {
		// No local office: the unit on row 4 cannot be created, after row 2
		// updated an employee and row 3 created a position.
		e := &domain.Employee{NIP: NIP(1, 1, 1), Name: "Budi Santoso", Golongan: "III/a"}
		must(t, s.SaveEmployee(bg(), e))
		before := snapshot(t, s)
		_, err := s.ApplyEmployeeImport(bg(), []domain.ImportEmployee{
			{Row: 2, Employee: domain.Employee{NIP: NIP(1, 1, 1), Name: "Budi Santoso", Golongan: "III/b"}},
			{Row: 3, Employee: domain.Employee{NIP: NIP(2, 1, 2), Name: "Ani"}, PositionName: "Jabatan Baru"},
			{Row: 4, Employee: domain.Employee{NIP: NIP(3, 1, 3), Name: "Citra"}, UnitName: "Unit Baru"},
		}, nil)
		de := wantCode(t, err, domain.CodeInvalid)
		if de.Details["row"] != 4 {
			t.Errorf("details = %v, want row 4", de.Details)
		}
		sameCounts(t, before, snapshot(t, s))
		got, err := s.GetEmployee(bg(), e.ID)
		must(t, err)
		if got.Golongan != "III/a" || got.Version != 1 {
			t.Errorf("employee = %s v%d after a failed import, want III/a v1", got.Golongan, got.Version)
		}
	}},
	{"a position import upserts by code, else by name, and is idempotent", func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		rows := []domain.ImportPosition{
			{Row: 2, Position: domain.Position{Name: "analis kepegawaian", Type: domain.Fungsional, Jenjang: domain.AhliPertama,
				Standards: domain.Standards{"M.1": 2, "T.1": 2}}},
			{Row: 3, Position: domain.Position{Code: "JF-01", Name: "Pranata Komputer", Type: domain.Fungsional,
				Jenjang: domain.AhliMuda, Standards: domain.Standards{"M.1": 3}}, UnitName: "Sekretariat"},
		}
		res, err := s.ApplyPositionImport(bg(), rows, nil)
		must(t, err)
		if res.Created != 1 || res.Updated != 1 {
			t.Errorf("first import = %+v, want 1 created 1 updated", res)
		}
		got, err := s.GetPosition(bg(), f.position.ID)
		must(t, err)
		if got.Standards["T.1"] != 2 || got.Version != 2 {
			t.Errorf("matched by name = %+v, want new standards at version 2", got)
		}
		rows[1].Position.Name = "Pranata Komputer Ahli Muda"
		before := outboxBy(t, s)
		res, err = s.ApplyPositionImport(bg(), rows, nil)
		must(t, err)
		if res.Created != 0 || res.Updated != 1 || res.Unchanged != 1 {
			t.Errorf("second import = %+v, want the renamed row updated by code", res)
		}
		if after := outboxBy(t, s); after["position"] != before["position"]+1 {
			t.Errorf("position mutations %d → %d, want one more", before["position"], after["position"])
		}
		list, err := s.ListPositions(bg())
		must(t, err)
		if len(list) != 2 {
			t.Errorf("%d positions, want 2", len(list))
		}
		rows[0].Position.Standards = domain.Standards{"Z.9": 1}
		before2 := snapshot(t, s)
		_, err = s.ApplyPositionImport(bg(), rows, nil)
		de := wantCode(t, err, domain.CodeInvalid)
		if de.Details["row"] != 2 {
			t.Errorf("details = %v, want row 2", de.Details)
		}
		sameCounts(t, before2, snapshot(t, s))
	}},
	{"a competency import upserts technical competencies by code and refuses built-in codes", func(t *testing.T, s *store.Store) {
		newFixture(t, s)
		rows := []domain.ImportCompetency{
			{Row: 2, Competency: domain.Competency{Code: "T.1", Type: domain.Technical, Name: "Pengelolaan Arsip Dinamis", Levels: levels()}},
			{Row: 3, Competency: domain.Competency{Code: "T.2", Name: "Penyusunan Anggaran", Levels: levels()}},
		}
		res, err := s.ApplyCompetencyImport(bg(), rows, nil)
		must(t, err)
		if res.Created != 1 || res.Updated != 1 {
			t.Errorf("first import = %+v, want 1 created 1 updated", res)
		}
		before := snapshot(t, s)
		res, err = s.ApplyCompetencyImport(bg(), rows, nil)
		must(t, err)
		if res.Unchanged != 2 || res.Created+res.Updated != 0 {
			t.Errorf("second import = %+v, want 2 unchanged", res)
		}
		sameCounts(t, before, snapshot(t, s))
		bad := append(rows, domain.ImportCompetency{Row: 4, Competency: domain.Competency{Code: "M.1", Type: domain.Technical, Name: "x", Levels: levels()}})
		bad[0].Competency.Name = "changed before the failure"
		_, err = s.ApplyCompetencyImport(bg(), bad, nil)
		de := wantCode(t, err, domain.CodeCompetencyBuiltin)
		if de.Details["row"] != 4 {
			t.Errorf("details = %v, want row 4", de.Details)
		}
		sameCounts(t, before, snapshot(t, s))
		c, err := s.GetCompetencyByCode(bg(), "T.1")
		must(t, err)
		if c.Name != "Pengelolaan Arsip Dinamis" {
			t.Errorf("T.1 = %q after a failed import, want the first import's name", c.Name)
		}
	}},
}
