package store

import (
	"strconv"
	"strings"

	"gorm.io/gorm"

	"kembang/backend/domain"
)

// bulkTable is a table written by insertRows: its name and columns, in the
// order of the values given for each row.
type bulkTable struct {
	name string
	cols []string
}

// The column lists below must name every column GORM maps for the struct
// (TestBulkColumnsMatchGORM checks them), so a raw insert stores exactly
// what tx.Create would.
var (
	employeesTable = bulkTable{"employees", []string{
		"id", "version", "updated_at", "updated_by_device", "deleted",
		"nip", "name", "gelar_depan", "gelar_belakang", "golongan", "position_id", "unit_id",
		"gender", "birth_date", "email", "phone", "search_text",
	}}
	outboxTable = bulkTable{"outbox", []string{
		"mutation_id", "entity", "entity_id", "base_version", "payload", "created_at",
	}}
	auditTable = bulkTable{"audit_entries", []string{
		"id", "at", "actor", "device", "entity", "entity_id", "action", "changes",
	}}
)

// Rows per multi-row INSERT of insertRows. On SQLite the statement is
// re-parsed on every call and the pure-Go driver matches each bound
// parameter by a linear search over all arguments, so the binding cost of a
// statement grows with the square of its parameters: about a hundred
// parameters per statement is the measured sweet spot. PostgreSQL has
// neither cost; its only limit is 65535 parameters per statement.
const (
	sqliteBulkParams   = 128
	postgresBulkParams = 16384
)

// insertRows inserts rows into t inside tx with plain multi-row INSERT
// statements, without GORM's per-row reflection. vals holds the rows one
// after another, len(t.cols) values each; values must be of types the
// driver takes as they are (string, int64, bool, time.Time, nil).
func insertRows(tx *gorm.DB, t bulkTable, vals []any) error {
	n := len(t.cols)
	if n == 0 || len(vals) == 0 {
		return nil
	}
	postgres := tx.Dialector.Name() == DriverPostgres
	perStmt := max(1, sqliteBulkParams/n)
	if postgres {
		perStmt = max(1, postgresBulkParams/n)
	}
	// On SQLite, OR FAIL: a multi-row INSERT that may abort half-way (the
	// default conflict action, ABORT) makes SQLite copy every page the
	// statement touches into a statement journal, a tenth of the cost of a
	// big import. FAIL keeps the rows the statement wrote before the error,
	// which does not matter here: every error of insertRows rolls the whole
	// transaction back.
	verb := "INSERT OR FAIL INTO "
	if postgres {
		verb = "INSERT INTO "
	}
	head := verb + t.name + " (" + strings.Join(t.cols, ", ") + ") VALUES "
	rows := len(vals) / n
	var full string // the statement for perStmt rows, built once
	for start := 0; start < rows; start += perStmt {
		k := min(perStmt, rows-start)
		var q string
		if k == perStmt && full != "" {
			q = full
		} else {
			q = head + placeholders(n, k, postgres)
			if k == perStmt {
				full = q
			}
		}
		args := vals[start*n : (start+k)*n]
		if _, err := tx.Statement.ConnPool.ExecContext(tx.Statement.Context, q, args...); err != nil {
			return err
		}
	}
	return nil
}

// placeholders returns k groups of n parameters: "(?, ?), (?, ?)" on
// SQLite, "($1, $2), ($3, $4)" on PostgreSQL.
func placeholders(n, k int, postgres bool) string {
	var b strings.Builder
	b.Grow(k * n * 5)
	p := 0
	for r := range k {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for c := range n {
			if c > 0 {
				b.WriteString(", ")
			}
			if postgres {
				p++
				b.WriteByte('$')
				b.WriteString(strconv.Itoa(p))
			} else {
				b.WriteByte('?')
			}
		}
		b.WriteByte(')')
	}
	return b.String()
}

// employeeValues appends the values of r in the order of employeesTable.
func employeeValues(vals []any, r *employeeRecord) []any {
	return append(vals,
		r.ID, r.Version, r.UpdatedAt, r.UpdatedByDevice, r.Deleted,
		r.NIP, r.Name, r.GelarDepan, r.GelarBelakang, r.Golongan, nullable(r.PositionID), nullable(r.UnitID),
		string(r.Gender), r.BirthDate, r.Email, r.Phone, r.SearchText,
	)
}

func outboxValues(vals []any, o *domain.OutboxEntry) []any {
	return append(vals, o.MutationID, o.Entity, o.EntityID, o.BaseVersion, o.Payload, o.CreatedAt)
}

func auditValues(vals []any, a *domain.AuditEntry) []any {
	return append(vals, a.ID, a.At, a.Actor, a.Device, a.Entity, a.EntityID, a.Action, a.Changes)
}

// nullable gives the driver value of an optional column.
func nullable(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}
