package storetest

import (
	"slices"
	"sort"
	"testing"

	"kembang/backend/domain"
	"kembang/backend/store"
)

// entityOf maps each syncable table to the entity name its outbox rows carry.
var entityOf = map[string]string{
	"offices":            "office",
	"units":              "unit",
	"competencies":       "competency",
	"framework_versions": "framework_version",
	"positions":          "position",
	"employees":          "employee",
	"assessments":        "assessment",
}

// op is one write the suite performs on a syncable table.
type op struct {
	name string
	do   func(t *testing.T, s *store.Store, f *fixture) error
}

// writesPerTable lists, for every syncable table, every kind of write the
// store offers for it. Offices have no update or delete yet and published
// framework versions never change, so they only have create.
var writesPerTable = map[string][]op{
	"offices": {
		{"create", func(t *testing.T, s *store.Store, f *fixture) error {
			_, err := s.EnsureLocalOffice(bg(), "Kantor Regional")
			return err
		}},
	},
	"units": {
		{"create", func(t *testing.T, s *store.Store, f *fixture) error {
			f.unitB = &domain.Unit{Name: "Subbagian Umum", ParentID: &f.unitA.ID}
			return s.SaveUnit(bg(), f.unitB)
		}},
		{"update", func(t *testing.T, s *store.Store, f *fixture) error {
			f.unitB.Name = "Subbagian Umum dan Kepegawaian"
			return s.SaveUnit(bg(), f.unitB)
		}},
		{"delete", func(t *testing.T, s *store.Store, f *fixture) error { return s.DeleteUnit(bg(), f.unitB.ID) }},
	},
	"competencies": {
		{"create", func(t *testing.T, s *store.Store, f *fixture) error {
			f.tech = &domain.Competency{Code: "T.9", Type: domain.Technical, Name: "Pengadaan", Levels: levels()}
			return s.SaveCompetency(bg(), f.tech)
		}},
		{"update", func(t *testing.T, s *store.Store, f *fixture) error {
			f.tech.Name = "Pengadaan Barang dan Jasa"
			return s.SaveCompetency(bg(), f.tech)
		}},
		{"retire", func(t *testing.T, s *store.Store, f *fixture) error {
			return s.SetCompetencyRetired(bg(), f.tech.ID, true)
		}},
	},
	"framework_versions": {
		{"create", func(t *testing.T, s *store.Store, f *fixture) error {
			_, err := s.PublishFramework(bg(), "first")
			return err
		}},
	},
	"positions": {
		{"create", func(t *testing.T, s *store.Store, f *fixture) error {
			f.position = &domain.Position{Name: "Pengadministrasi Umum", Type: domain.Pelaksana, Standards: domain.Standards{"M.1": 1}}
			return s.SavePosition(bg(), f.position)
		}},
		{"update", func(t *testing.T, s *store.Store, f *fixture) error {
			f.position.Standards = domain.Standards{"M.1": 1, "SK.1": 1}
			return s.SavePosition(bg(), f.position)
		}},
		{"delete", func(t *testing.T, s *store.Store, f *fixture) error { return s.DeletePosition(bg(), f.position.ID) }},
	},
	"employees": {
		{"create", func(t *testing.T, s *store.Store, f *fixture) error {
			return s.SaveEmployee(bg(), f.employee("Budi Santoso", NIP(1, 1, 1)))
		}},
		{"update", func(t *testing.T, s *store.Store, f *fixture) error {
			e, err := s.GetEmployeeByNIP(bg(), NIP(1, 1, 1))
			must(t, err)
			e.Phone = "081234567890"
			return s.SaveEmployee(bg(), &e.Employee)
		}},
		{"delete", func(t *testing.T, s *store.Store, f *fixture) error {
			e, err := s.GetEmployeeByNIP(bg(), NIP(1, 1, 1))
			must(t, err)
			return s.DeleteEmployee(bg(), e.ID)
		}},
		{"restore", func(t *testing.T, s *store.Store, f *fixture) error {
			var ids []string
			must(t, s.DB.Table("employees").Where("nip = ?", NIP(1, 1, 1)).Pluck("id", &ids).Error)
			return s.RestoreEmployee(bg(), ids[0])
		}},
		{"import create", func(t *testing.T, s *store.Store, f *fixture) error {
			_, err := s.ApplyEmployeeImport(bg(), []domain.ImportEmployee{{Row: 2,
				Employee: domain.Employee{NIP: NIP(2, 2, 2), Name: "Sri Wahyuni", Golongan: "III/b"}}}, nil)
			return err
		}},
		{"import update", func(t *testing.T, s *store.Store, f *fixture) error {
			_, err := s.ApplyEmployeeImport(bg(), []domain.ImportEmployee{{Row: 2,
				Employee: domain.Employee{NIP: NIP(2, 2, 2), Name: "Sri Wahyuni", Golongan: "III/c"}}}, nil)
			return err
		}},
	},
}

// outboxCases makes one case per syncable table: every write the store
// offers for it appends exactly one outbox row (and one audit row) for that
// entity and nothing for any other, with the right base version.
func outboxCases() []testCase {
	tables := slices.Clone(store.SyncableTables)
	sort.Strings(tables)
	var out []testCase
	for _, tbl := range tables {
		out = append(out, testCase{"one outbox row per write of " + tbl, func(t *testing.T, s *store.Store) {
			var f fixture
			if tbl != "offices" {
				f = newFixture(t, s)
			}
			if tbl == "assessments" {
				f.withAssessee(t, s)
			}
			if developmentTables[tbl] {
				f.withDevelopment(t, s)
			}
			for _, w := range writesPerTable[tbl] {
				before := outboxBy(t, s)
				beforeAudit := count(t, s, "audit_entries")
				must(t, w.do(t, s, &f))
				after := outboxBy(t, s)
				entity := entityOf[tbl]
				if got := after[entity] - before[entity]; got != 1 {
					t.Errorf("%s %s: %d outbox rows for %s, want 1", tbl, w.name, got, entity)
				}
				for e, n := range after {
					if e != entity && n != before[e] {
						t.Errorf("%s %s: unexpected outbox rows for %s", tbl, w.name, e)
					}
				}
				if got := count(t, s, "audit_entries") - beforeAudit; got != 1 {
					t.Errorf("%s %s: %d audit rows, want 1", tbl, w.name, got)
				}
				last := lastOutbox(t, s)
				var versions []int64
				must(t, s.DB.Table(tbl).Where("id = ?", last.EntityID).Pluck("version", &versions).Error)
				if len(versions) != 1 || last.BaseVersion != versions[0]-1 {
					t.Errorf("%s %s: base version %d for stored versions %v", tbl, w.name, last.BaseVersion, versions)
				}
			}
		}})
	}
	return out
}

var syncCases = []testCase{
	{"every syncable table is covered by the outbox test", func(t *testing.T, s *store.Store) {
		var tables []string
		for tbl := range writesPerTable {
			tables = append(tables, tbl)
		}
		sort.Strings(tables)
		want := slices.Clone(store.SyncableTables)
		sort.Strings(want)
		if !slices.Equal(tables, want) {
			t.Fatalf("suite covers %v, store declares syncable %v", tables, want)
		}
		for _, tbl := range want {
			if len(writesPerTable[tbl]) == 0 {
				t.Errorf("no write tested for %s", tbl)
			}
		}
	}},
	{"a failed write leaves neither the row nor an outbox row", func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		taken := f.employee("Budi Santoso", NIP(1, 1, 1))
		must(t, s.SaveEmployee(bg(), taken))
		staleUnit := *f.unitA
		f.unitA.Name = "Bidang Mutasi dan Promosi"
		must(t, s.SaveUnit(bg(), f.unitA))
		cases := []struct {
			name string
			code string
			do   func() error
		}{
			{"unit without a name", domain.CodeInvalid, func() error { return s.SaveUnit(bg(), &domain.Unit{Name: "  "}) }},
			{"unit under a missing parent", domain.CodeNotFound, func() error {
				return s.SaveUnit(bg(), &domain.Unit{Name: "X", ParentID: ptr("missing")})
			}},
			{"unit saved with a stale version", domain.CodeVersionConflict, func() error {
				staleUnit.Name = "Lama"
				return s.SaveUnit(bg(), &staleUnit)
			}},
			{"employee with a NIP another employee holds", domain.CodeNIPTaken, func() error {
				return s.SaveEmployee(bg(), f.employee("Budi Lain", NIP(1, 1, 1)))
			}},
			{"technical competency with a taken code", domain.CodeCompetencyTaken, func() error {
				return s.SaveCompetency(bg(), &domain.Competency{Code: "t.1", Type: domain.Technical, Name: "Dup", Levels: levels()})
			}},
			{"position whose standard names no competency", domain.CodeInvalid, func() error {
				return s.SavePosition(bg(), &domain.Position{Name: "P", Type: domain.Pelaksana, Standards: domain.Standards{"T.404": 2}})
			}},
			{"deleting a unit employees still use", domain.CodeConflict, func() error { return s.DeleteUnit(bg(), f.unitA.ID) }},
			{"deleting a position employees still hold", domain.CodeConflict, func() error { return s.DeletePosition(bg(), f.position.ID) }},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				before := snapshot(t, s)
				wantCode(t, tc.do(), tc.code)
				sameCounts(t, before, snapshot(t, s))
			})
		}
	}},
	{"versions bump and the outbox payload is the stored entity", func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		u := &domain.Unit{Name: "Bidang Pengembangan"}
		must(t, s.SaveUnit(bg(), u))
		if u.Version != 1 || u.ID == "" || u.UpdatedByDevice != Device || u.UpdatedAt.IsZero() {
			t.Fatalf("new unit meta = %+v, want version 1, an id, device %q and a time", u.SyncMeta, Device)
		}
		if u.OfficeID != f.office.ID {
			t.Errorf("office = %q, want the local office %q", u.OfficeID, f.office.ID)
		}
		firstAt := u.UpdatedAt
		u.Name = "Bidang Pengembangan Kompetensi"
		must(t, s.SaveUnit(bg(), u))
		if u.Version != 2 || !u.UpdatedAt.After(firstAt) {
			t.Errorf("after update: version %d at %v, want 2 after %v", u.Version, u.UpdatedAt, firstAt)
		}
		last := lastOutbox(t, s)
		if last.Entity != "unit" || last.EntityID != u.ID || last.BaseVersion != 1 {
			t.Errorf("outbox = %+v, want unit %s base version 1", last, u.ID)
		}
		got := decode[domain.Unit](t, last.Payload)
		if got.Name != u.Name || got.Version != 2 || got.UpdatedByDevice != Device {
			t.Errorf("payload = %+v, want name %q version 2", got, u.Name)
		}
		stored, err := s.GetUnit(bg(), u.ID)
		must(t, err)
		if stored.Version != 2 || stored.Name != u.Name {
			t.Errorf("stored = %+v", stored)
		}
	}},
	{"saving without a change writes nothing", func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		before := snapshot(t, s)
		v := f.unitA.Version
		must(t, s.SaveUnit(bg(), f.unitA))
		if f.unitA.Version != v {
			t.Errorf("version %d after a no-op save, want %d", f.unitA.Version, v)
		}
		sameCounts(t, before, snapshot(t, s))
	}},
	{"a stale version is a version conflict for every entity", func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		e := f.employee("Budi Santoso", NIP(1, 1, 1))
		must(t, s.SaveEmployee(bg(), e))
		cases := []struct {
			name  string
			stale func() error
		}{
			{"unit", func() error { u := *f.unitA; u.Version = 0; u.Name = "x"; return s.SaveUnit(bg(), &u) }},
			{"competency", func() error { c := *f.tech; c.Version = 7; return s.SaveCompetency(bg(), &c) }},
			{"position", func() error { p := *f.position; p.Version = 2; p.Name = "x"; return s.SavePosition(bg(), &p) }},
			{"employee", func() error { c := *e; c.Version = 0; c.Name = "x"; return s.SaveEmployee(bg(), &c) }},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				de := wantCode(t, tc.stale(), domain.CodeVersionConflict)
				if de.Details["entity"] == nil || de.Details["id"] == nil {
					t.Errorf("details = %v, want entity and id", de.Details)
				}
			})
		}
	}},
	{"deletes are tombstones through the same path", func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		u := &domain.Unit{Name: "Bagian Lama"}
		must(t, s.SaveUnit(bg(), u))
		must(t, s.DeleteUnit(bg(), u.ID))
		got, err := s.GetUnit(bg(), u.ID)
		must(t, err)
		if !got.Deleted || got.Version != 2 {
			t.Errorf("deleted unit = %+v, want a tombstone at version 2", got.SyncMeta)
		}
		list, err := s.ListUnits(bg())
		must(t, err)
		for _, l := range list {
			if l.ID == u.ID {
				t.Error("ListUnits returns a tombstone")
			}
		}
		last := lastOutbox(t, s)
		if p := decode[domain.Unit](t, last.Payload); !p.Deleted || last.BaseVersion != 1 {
			t.Errorf("delete mutation = %+v, want a deleted payload on base version 1", last)
		}
		wantCode(t, s.DeleteUnit(bg(), u.ID), domain.CodeNotFound)
		u.Name = "Bagian Baru"
		wantCode(t, s.SaveUnit(bg(), u), domain.CodeNotFound)
		_ = f
	}},
	{"pending outbox is oldest first and limited", func(t *testing.T, s *store.Store) {
		newFixture(t, s)
		n, err := s.CountOutbox(bg())
		must(t, err)
		// office, technical competency, two units, one position; built-ins add none.
		if n != 5 {
			t.Fatalf("CountOutbox = %d, want 5", n)
		}
		all, err := s.PendingOutbox(bg(), 0)
		must(t, err)
		if int64(len(all)) != n {
			t.Fatalf("PendingOutbox(0) returned %d of %d", len(all), n)
		}
		wantOrder := []string{"office", "competency", "unit", "unit", "position"}
		for i, e := range all {
			if e.Entity != wantOrder[i] {
				t.Errorf("entry %d is %s, want %s", i, e.Entity, wantOrder[i])
			}
		}
		two, err := s.PendingOutbox(bg(), 2)
		must(t, err)
		if len(two) != 2 || two[0].MutationID != all[0].MutationID || two[1].MutationID != all[1].MutationID {
			t.Errorf("PendingOutbox(2) = %v, want the two oldest", two)
		}
	}},
}
