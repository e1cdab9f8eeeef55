package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	"kembang/backend/domain"
	"kembang/backend/server"
	"kembang/backend/store"
)

// TestDeviceCodesMigrationWithClashes: a database from before device codes
// were recorded, where two live laptops of one office numbered
// certificates with the same code, still opens. The migration records each
// device's code from the certificate counters it wrote; of the two clashing
// devices the one enrolled first keeps the code, the other stays without
// one, a revoked device keeps its code without blocking anyone, and the
// unique index then holds.
func TestDeviceCodesMigrationWithClashes(t *testing.T) {
	ctx := context.Background()
	cfgs := map[string]func() server.Config{
		"sqlite": func() server.Config { return server.Config{Driver: store.DriverSQLite, Dir: t.TempDir()} },
	}
	if os.Getenv("KEMBANG_TEST_PG_DSN") != "" {
		cfgs["postgres"] = func() server.Config { return server.Config{Driver: store.DriverPostgres, DSN: pgSchema(t)} }
	} else {
		t.Log("KEMBANG_TEST_PG_DSN not set: PostgreSQL run skipped")
	}
	for name, mk := range cfgs {
		t.Run(name, func(t *testing.T) {
			cfg := mk()
			s, err := server.Open(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			a, err := s.AddOffice(ctx, "Kantor A", "")
			if err != nil {
				t.Fatal(err)
			}
			b, err := s.AddOffice(ctx, "Kantor B", "")
			if err != nil {
				t.Fatal(err)
			}
			// Back to the schema before the migration.
			for _, q := range []string{
				"DROP INDEX idx_devices_office_code",
				"ALTER TABLE devices DROP COLUMN code",
				"DELETE FROM server_migrations WHERE id = '202612240001_device_codes'",
			} {
				if err := s.DB.Exec(q).Error; err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			t0 := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
			devices := []struct {
				id, office, code string
				revoked          bool
			}{
				{"dev-1", a.ID, "LAP", false}, // first with LAP: keeps it
				{"dev-2", a.ID, "LAP", false}, // clash
				{"dev-3", b.ID, "LAP", false}, // another office
				{"dev-4", a.ID, "OLD", true},  // revoked
				{"dev-5", a.ID, "OLD", false}, // replaces dev-4
				{"dev-6", a.ID, "", false},    // never numbered a certificate
			}
			for i, d := range devices {
				if err := s.DB.Exec("INSERT INTO devices (id, office_id, name, token_hash, revoked, created_at) VALUES (?, ?, ?, ?, ?, ?)",
					d.id, d.office, "laptop", "x", d.revoked, t0.Add(time.Duration(i)*time.Hour)).Error; err != nil {
					t.Fatal(err)
				}
				if d.code == "" {
					continue
				}
				c := domain.CertificateCounter{EventID: fmt.Sprintf("ev-%d", i), Device: d.code, Last: 3}
				c.ID = domain.CertificateCounterID(c.EventID, c.Device)
				c.Version = 1
				payload, _ := json.Marshal(c)
				if err := s.DB.Exec("INSERT INTO changes (entity, entity_id, office_id, seq, version, deleted, natural_key, updated_by_device, payload) VALUES (?, ?, ?, ?, 1, false, '', ?, ?)",
					"certificate_counter", c.ID, d.office, 1000+i, d.id, string(payload)).Error; err != nil {
					t.Fatal(err)
				}
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			s, err = server.Open(ctx, cfg)
			if err != nil {
				t.Fatalf("the server does not start over clashing device codes: %v", err)
			}
			defer s.Close()
			ds, err := s.Devices(ctx)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, d := range ds {
				got[d.ID] = d.Code
			}
			want := map[string]string{"dev-1": "LAP", "dev-2": "", "dev-3": "LAP", "dev-4": "OLD", "dev-5": "OLD", "dev-6": ""}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("codes after the migration: %v, want %v", got, want)
			}
			// The index holds from now on.
			if err := s.DB.Exec("UPDATE devices SET code = 'LAP' WHERE id = 'dev-2'").Error; err == nil {
				t.Fatal("two live devices of one office hold one code")
			}
		})
	}
}
