package sync_test

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"kembang/backend/domain"
	"kembang/backend/server"
	"kembang/backend/store/storetest"
)

// restorable is a server whose database can be backed up and restored
// the way an operator does it: a copy of the SQLite file, or of the
// PostgreSQL schema.
type restorable struct {
	t      *testing.T
	cfg    server.Config
	srv    *testServer
	hs     *httptest.Server
	backup func() func() server.Config // takes a backup; the returned func restores it
}

func (r *restorable) start() {
	cfg := r.cfg
	cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	s, err := server.Open(bg(), cfg)
	must(r.t, err)
	r.hs = httptest.NewServer(s.Handler())
	r.srv = &testServer{Server: s, URL: r.hs.URL}
}

func (r *restorable) stop() {
	r.hs.Close()
	must(r.t, r.srv.Close())
}

func newRestorable(t *testing.T, backend string, cfg server.Config) *restorable {
	r := &restorable{t: t, cfg: cfg}
	switch backend {
	case "sqlite":
		r.backup = func() func() server.Config {
			file := filepath.Join(t.TempDir(), "backup.db")
			must(t, r.srv.DB.Exec("VACUUM INTO ?", file).Error)
			return func() server.Config {
				for _, suffix := range []string{"", "-wal", "-shm"} {
					if err := os.Remove(filepath.Join(r.cfg.Dir, "kembang.db"+suffix)); err != nil && !os.IsNotExist(err) {
						t.Fatal(err)
					}
				}
				b, err := os.ReadFile(file)
				must(t, err)
				must(t, os.WriteFile(filepath.Join(r.cfg.Dir, "kembang.db"), b, 0o600))
				return r.cfg
			}
		}
	case "postgres":
		dsn := os.Getenv("KEMBANG_TEST_PG_DSN")
		r.backup = func() func() server.Config {
			bk := copySchema(t, dsn, schemaOf(t, r.cfg.DSN), "")
			return func() server.Config {
				cfg := r.cfg
				cfg.DSN = pgSchema(t, dsn)
				copySchema(t, dsn, bk, schemaOf(t, cfg.DSN))
				return cfg
			}
		}
	}
	r.start()
	t.Cleanup(func() {
		if r.srv != nil {
			r.stop()
		}
	})
	return r
}

func schemaOf(t *testing.T, dsn string) string {
	u, err := url.Parse(dsn)
	must(t, err)
	return u.Query().Get("search_path")
}

// copySchema copies every table of schema from into to (a new schema,
// dropped when the test ends, when to is "") and returns to.
func copySchema(t *testing.T, dsn, from, to string) string {
	t.Helper()
	db, err := gorm.Open(postgres.Open(dsn), &gorm.Config{Logger: logger.Default.LogMode(logger.Silent)})
	must(t, err)
	sqlDB, _ := db.DB()
	defer sqlDB.Close()
	if to == "" {
		b := make([]byte, 6)
		_, _ = rand.Read(b)
		to = "kb_" + hex.EncodeToString(b)
		must(t, db.Exec("CREATE SCHEMA "+to).Error)
		t.Cleanup(func() {
			db, err := gorm.Open(postgres.Open(dsn), &gorm.Config{Logger: logger.Default.LogMode(logger.Silent)})
			if err == nil {
				_ = db.Exec("DROP SCHEMA " + to + " CASCADE").Error
				sqlDB, _ := db.DB()
				_ = sqlDB.Close()
			}
		})
	}
	var tables []string
	must(t, db.Raw("SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'", from).
		Scan(&tables).Error)
	if len(tables) == 0 {
		t.Fatalf("schema %s has no tables", from)
	}
	for _, tb := range tables {
		must(t, db.Exec(fmt.Sprintf("CREATE TABLE %s.%s (LIKE %s.%s INCLUDING ALL)", to, tb, from, tb)).Error)
		must(t, db.Exec(fmt.Sprintf("INSERT INTO %s.%s SELECT * FROM %s.%s", to, tb, from, tb)).Error)
	}
	return to
}

// TestRestoredServerGetsEverythingBack: the server is restored from a
// backup older than work the laptops had already sent (it left their
// outboxes). After the restore (a new epoch), the laptops download a new
// snapshot and send again what the server lost or holds at an older
// state, so the server ends with every row: created after the backup,
// edited after the backup, development rows included, for both offices.
// Every request goes through the fault proxy (cuts, 5xx, duplicate and
// replayed pushes). Checked: every laptop converges with the server (invariant 2), office
// isolation (3), edits made after the restore are applied exactly once
// (1), and every outbox drains (5).
func TestRestoredServerGetsEverythingBack(t *testing.T) {
	for name, cfg := range backends(t) {
		t.Run(name, func(t *testing.T) {
			rs := newRestorable(t, name, cfg(t))
			offices := rs.srv.setup(t, "BKPSDM Kota A", "BKPSDM Kabupaten B")
			px := newProxy(t, rs.srv.URL, 3, 0.3)
			a1, a2, b1 := newLaptop(t, "A1"), newLaptop(t, "A2"), newLaptop(t, "B1")
			a1.enrol(t, rs.srv, offices[0].ID, px.URL)
			a2.enrol(t, rs.srv, offices[0].ID, px.URL)
			b1.enrol(t, rs.srv, offices[1].ID, px.URL)
			setDeviceCode(t, a1, "A1")
			setDeviceCode(t, a2, "A2")
			all := []*laptop{a1, a2, b1}

			u := &domain.Unit{OfficeID: a1.office, Name: "Bidang Pengembangan"}
			must(t, a1.core.Store.SaveUnit(bg(), u))
			var emps []*domain.Employee
			for k := 1; k <= 4; k++ {
				e := &domain.Employee{NIP: storetest.NIP(k, 1, k), Name: fmt.Sprintf("Pegawai %d", k), UnitID: &u.ID}
				must(t, a1.core.Store.SaveEmployee(bg(), e))
				emps = append(emps, e)
			}
			bu := &domain.Unit{OfficeID: b1.office, Name: "Subbag Umum"}
			must(t, b1.core.Store.SaveUnit(bg(), bu))
			p1 := draftPlan(t, a1, emps[0].ID)
			syncAll(t, all)
			syncAll(t, all)

			restore := rs.backup()

			// Work after the backup, all of it acknowledged by the server.
			sub := &domain.Unit{OfficeID: a1.office, Name: "Subbidang Diklat", ParentID: &u.ID}
			must(t, a2.core.Store.SaveUnit(bg(), sub))
			late := &domain.Employee{NIP: storetest.NIP(20, 2, 20), Name: "Pegawai Baru", UnitID: &sub.ID}
			must(t, a2.core.Store.SaveEmployee(bg(), late))
			row, err := a1.core.Store.GetEmployee(bg(), emps[1].ID)
			must(t, err)
			e2 := row.Employee
			e2.Phone, e2.Email = "081234567890", "pegawai2@example.go.id"
			must(t, a1.core.Store.SaveEmployee(bg(), &e2))
			transition(t, a1, p1.ID, domain.PlanSubmitted, "")
			transition(t, a1, p1.ID, domain.PlanApproved, "")
			ev := newEvent(t, a2, "BIMTEK-02")
			_, err = a2.core.AddParticipants(bg(), ev.ID, []string{emps[0].ID, emps[2].ID})
			must(t, err)
			pa := domain.ParticipantID(ev.ID, emps[0].ID)
			markAll(t, a2, pa)
			_, err = a2.core.CompleteParticipant(bg(), pa)
			must(t, err)
			be := &domain.Employee{NIP: storetest.NIP(21, 1, 21), Name: "Pegawai B", UnitID: &bu.ID}
			must(t, b1.core.Store.SaveEmployee(bg(), be))
			syncAll(t, all)
			syncAll(t, all)
			for _, l := range all {
				n, err := l.core.Store.CountOutbox(bg())
				must(t, err)
				if n != 0 {
					t.Fatalf("%s: %d mutations unsent before the restore", l.name, n)
				}
			}
			full := map[string]int{}
			for _, entity := range []string{"unit", "employee", "development_plan", "training_event", "training_participant",
				"training_attendance", "training_record", "certificate_counter"} {
				full[entity] = len(serverRows(t, rs.srv, entity, a1.office)) + len(serverRows(t, rs.srv, entity, b1.office))
			}

			// The server is restored from the backup, with a new epoch.
			rs.stop()
			rs.cfg = restore()
			rs.start()
			_, err = rs.srv.NewEpoch(bg())
			must(t, err)
			px.setTarget(rs.srv.URL)
			if n := len(serverRows(t, rs.srv, "training_event", a1.office)); n != 0 {
				t.Fatalf("the restored server has %d events: the backup is not older than the work", n)
			}

			// An edit made after the restore, before any laptop synced.
			row, err = a2.core.Store.GetEmployee(bg(), emps[3].ID)
			must(t, err)
			e4 := row.Employee
			e4.GelarDepan = "Ir."
			must(t, a2.core.Store.SaveEmployee(bg(), &e4))
			// A new row that refers to a row the restored server lost: it
			// must reach the server after that row is sent again, or the
			// server would refuse it and the laptop drop it.
			lateAsm := &domain.Assessment{EmployeeID: late.ID, Period: "2026", Method: domain.AssessmentMethods[0],
				Items: domain.AssessmentItems{{CompetencyCode: "M.1", Level: 3}}}
			must(t, a2.core.Store.SaveAssessment(bg(), lateAsm))
			a2.note(t)
			after := map[string]bool{}
			es, err := a2.core.Store.PendingOutbox(bg(), 0)
			must(t, err)
			for _, e := range es {
				after[e.MutationID] = true
			}

			// A2 (the laptop with the new assessment) syncs first: no other
			// laptop has sent the lost employee again yet.
			for round := 0; round < 2; round++ {
				for _, l := range []*laptop{a2, a1, b1} {
					l.sync(t)
				}
			}
			// What the laptops sent again are mutations made by the sync
			// client itself, never in an outbox between rounds.
			requeued := 0
			for _, l := range all {
				var ids []string
				must(t, rs.srv.DB.Table("applied_mutations").Where("device_id = ?", deviceID(t, l)).Pluck("mutation_id", &ids).Error)
				for _, id := range ids {
					if !l.made[id] {
						requeued++
					}
				}
			}
			t.Logf("faults injected: %v; mutations sent again: %d", px.counts, requeued)
			if requeued == 0 {
				t.Fatal("no laptop sent anything again")
			}
			for entity, n := range full {
				if got := len(serverRows(t, rs.srv, entity, a1.office)) + len(serverRows(t, rs.srv, entity, b1.office)); got != n {
					t.Errorf("%s: %d rows on the restored server after sync, %d before the restore", entity, got, n)
				}
			}
			for _, l := range all {
				checkConverged(t, rs.srv, l)
				checkDevConverged(t, rs.srv, l)
				checkIsolated(t, rs.srv, l)
				n, err := l.core.Store.CountOutbox(bg())
				must(t, err)
				if n != 0 {
					t.Errorf("%s: drain: %d mutations left", l.name, n)
				}
			}
			emp := serverRows(t, rs.srv, "employee", a1.office)
			if emp[emps[1].ID]["phone"] != "081234567890" || emp[late.ID] == nil || emp[emps[3].ID]["gelarDepan"] != "Ir." {
				t.Fatalf("employees on the restored server: %v", emp)
			}
			if serverRows(t, rs.srv, "assessment", a1.office)[lateAsm.ID] == nil {
				t.Fatalf("the assessment of an employee the restored server had lost did not reach it")
			}
			plan := serverRows(t, rs.srv, "development_plan", a1.office)[p1.ID]
			if plan["state"] != "approved" {
				t.Fatalf("plan on the restored server = %v, want approved", plan)
			}
			part := serverRows(t, rs.srv, "training_participant", a1.office)[pa]
			if part["status"] != "completed" || part["certificateNo"] != "001/BIMTEK-02/A2/2026" {
				t.Fatalf("participant on the restored server = %v", part)
			}
			var ids []string
			must(t, rs.srv.DB.Table("applied_mutations").Where("device_id = ?", deviceID(t, a2)).Pluck("mutation_id", &ids).Error)
			seenIDs := map[string]int{}
			for _, id := range ids {
				seenIDs[id]++
			}
			for id := range after {
				if seenIDs[id] != 1 {
					t.Errorf("mutation %s made after the restore recorded %d times", id, seenIDs[id])
				}
			}
		})
	}
}
