package server_test

import (
	"context"
	"os"
	"sync"
	"testing"

	"kembang/backend/server"
	"kembang/backend/store"
	"kembang/backend/store/storetest"
)

// pgSchema makes a fresh schema, dropped when the test ends, and returns a
// DSN that uses it; it skips the test without KEMBANG_TEST_PG_DSN.
func pgSchema(t *testing.T) string {
	t.Helper()
	dsn := os.Getenv("KEMBANG_TEST_PG_DSN")
	if dsn == "" {
		t.Skip("KEMBANG_TEST_PG_DSN not set")
	}
	return storetest.PGSchema(t, dsn, "ks_")
}

// TestConcurrentStartOnFreshPostgres: several kembang-server instances
// starting at once against one empty database all come up, and the schema
// is migrated once.
func TestConcurrentStartOnFreshPostgres(t *testing.T) {
	for round := 0; round < 3; round++ {
		dsn := pgSchema(t)
		const n = 4
		var wg sync.WaitGroup
		errs := make([]error, n)
		servers := make([]*server.Server, n)
		start := make(chan struct{})
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				<-start
				servers[i], errs[i] = server.Open(context.Background(), server.Config{Driver: store.DriverPostgres, DSN: dsn})
			}(i)
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d: instance %d failed to start: %v", round, i, err)
			}
		}
		var migrations, epochs, counters int64
		db := servers[0].DB
		if err := db.Table("server_migrations").Count(&migrations).Error; err != nil {
			t.Fatal(err)
		}
		if err := db.Table("server_meta").Where("key = ?", "epoch").Count(&epochs).Error; err != nil {
			t.Fatal(err)
		}
		if err := db.Table("sync_counter").Count(&counters).Error; err != nil {
			t.Fatal(err)
		}
		if migrations != int64(server.MigrationCount()) || epochs != 1 || counters != 1 {
			t.Fatalf("round %d: %d server migrations, %d epochs, %d counters; want one row per migration and one epoch and counter", round, migrations, epochs, counters)
		}
		for _, s := range servers {
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
		}
	}
}
