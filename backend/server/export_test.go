package server

// MigrationCount is the number of server migrations, for tests that check
// each ran exactly once.
func MigrationCount() int { return len(serverMigrations()) }
