package store_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"kembang/backend/store"
	"kembang/backend/store/storetest"
)

// openPostgres opens a store in a fresh schema of the database named by
// KEMBANG_TEST_PG_DSN and drops the schema when the test ends.
func openPostgres(t *testing.T, dsn string) *store.Store {
	t.Helper()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "kt_" + hex.EncodeToString(b)

	admin, err := gorm.Open(postgres.Open(dsn), &gorm.Config{Logger: logger.Default.LogMode(logger.Silent)})
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	if err := admin.Exec("CREATE SCHEMA " + schema).Error; err != nil {
		t.Fatalf("create schema: %v", err)
	}
	adminDB, _ := admin.DB()
	t.Cleanup(func() {
		if err := admin.Exec("DROP SCHEMA " + schema + " CASCADE").Error; err != nil {
			t.Errorf("drop schema: %v", err)
		}
		_ = adminDB.Close()
	})

	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("KEMBANG_TEST_PG_DSN must be a URL: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema) // sent as a run-time parameter by pgx
	u.RawQuery = q.Encode()
	s, err := store.Open(context.Background(), store.Config{Driver: store.DriverPostgres, DSN: u.String()})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return s
}

func TestPostgresConformance(t *testing.T) {
	dsn := os.Getenv("KEMBANG_TEST_PG_DSN")
	if dsn == "" {
		t.Skip("KEMBANG_TEST_PG_DSN not set: PostgreSQL conformance skipped")
	}
	storetest.Run(t, func(t *testing.T) *store.Store { return openPostgres(t, dsn) })
}
