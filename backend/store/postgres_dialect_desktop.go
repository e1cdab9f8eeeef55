//go:build desktop

package store

import (
	"gorm.io/gorm"

	"kembang/backend/domain"
)

// postgresDialector: the desktop app keeps its data in SQLite only.
func postgresDialector(string) (gorm.Dialector, error) {
	return nil, domain.E(domain.CodeInvalid, "store.open", nil, "driver", DriverPostgres, "reason", "the desktop app keeps its data in SQLite")
}
