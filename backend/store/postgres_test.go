package store_test

import (
	"context"
	"os"
	"testing"

	"kembang/backend/store"
	"kembang/backend/store/storetest"
)

// openPostgres opens a store in a fresh schema of the database named by
// KEMBANG_TEST_PG_DSN and drops the schema when the test ends.
func openPostgres(t *testing.T, dsn string) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), store.Config{Driver: store.DriverPostgres, DSN: storetest.PGSchema(t, dsn, "kt_")})
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
