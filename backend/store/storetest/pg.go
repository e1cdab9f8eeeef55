package storetest

import (
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"testing"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// PGSchema makes a fresh schema (named prefix + random hex) in the
// PostgreSQL database dsn names, drops it when the test ends, and returns
// dsn with its search_path set to the schema (sent as a run-time parameter
// by pgx), so tests sharing one database never see each other's tables.
func PGSchema(tb testing.TB, dsn, prefix string) string {
	tb.Helper()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := prefix + hex.EncodeToString(b)
	admin, err := gorm.Open(postgres.Open(dsn), &gorm.Config{Logger: logger.Default.LogMode(logger.Silent)})
	if err != nil {
		tb.Fatalf("connect: %v", err)
	}
	if err := admin.Exec("CREATE SCHEMA " + schema).Error; err != nil {
		tb.Fatalf("create schema: %v", err)
	}
	adminDB, _ := admin.DB()
	tb.Cleanup(func() {
		if err := admin.Exec("DROP SCHEMA " + schema + " CASCADE").Error; err != nil {
			tb.Errorf("drop schema: %v", err)
		}
		_ = adminDB.Close()
	})
	u, err := url.Parse(dsn)
	if err != nil {
		tb.Fatalf("KEMBANG_TEST_PG_DSN must be a URL: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
