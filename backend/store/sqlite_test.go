package store_test

import (
	"context"
	"testing"

	"kembang/backend/store"
	"kembang/backend/store/storetest"
)

// openSQLite opens a fresh SQLite store in a temporary directory.
func openSQLite(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), store.Config{Dir: t.TempDir()})
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

func TestSQLiteConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) *store.Store { return openSQLite(t) })
}
