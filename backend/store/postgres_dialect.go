//go:build !desktop

package store

import (
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// postgresDialector opens PostgreSQL (the store conformance suite, the
// CLI). The desktop app is built without it (postgres_dialect_desktop.go):
// a laptop keeps its data in SQLite, and the driver would only add to the
// installer.
func postgresDialector(dsn string) (gorm.Dialector, error) {
	return postgres.Open(dsn), nil
}
