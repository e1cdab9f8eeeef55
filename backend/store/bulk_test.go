package store

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"

	"kembang/backend/domain"
)

// TestBulkColumnsMatchGORM keeps the raw inserts of bulk.go in step with
// the structs: a field added to one of them must be added there too.
func TestBulkColumnsMatchGORM(t *testing.T) {
	for _, c := range []struct {
		model any
		table bulkTable
	}{
		{&employeeRecord{}, employeesTable},
		{&domain.OutboxEntry{}, outboxTable},
		{&domain.AuditEntry{}, auditTable},
	} {
		sch, err := schema.Parse(c.model, &sync.Map{}, namer{})
		if err != nil {
			t.Fatal(err)
		}
		if sch.Table != c.table.name {
			t.Errorf("table %s, bulk.go says %s", sch.Table, c.table.name)
		}
		if !slices.Equal(sch.DBNames, c.table.cols) {
			t.Errorf("%s columns = %v, bulk.go lists %v", sch.Table, sch.DBNames, c.table.cols)
		}
	}
	unit, pos := "u", "p"
	r := employeeRecord{Employee: domain.Employee{UnitID: &unit, PositionID: &pos}}
	if got := len(employeeValues(nil, &r)); got != len(employeesTable.cols) {
		t.Errorf("employeeValues gives %d values for %d columns", got, len(employeesTable.cols))
	}
	if got := len(outboxValues(nil, &domain.OutboxEntry{})); got != len(outboxTable.cols) {
		t.Errorf("outboxValues gives %d values for %d columns", got, len(outboxTable.cols))
	}
	if got := len(auditValues(nil, &domain.AuditEntry{})); got != len(auditTable.cols) {
		t.Errorf("auditValues gives %d values for %d columns", got, len(auditTable.cols))
	}
}

// TestNewRowChanges proves the fast audit changes of a new row equal the
// generic diff, for every syncable entity and awkward values.
func TestNewRowChanges(t *testing.T) {
	id, now := "0192f0e4-0000-7000-8000-000000000001", time.Date(2026, 11, 23, 8, 0, 0, 5, time.UTC)
	meta := domain.SyncMeta{ID: id, Version: 1, UpdatedAt: now, UpdatedByDevice: "dev"}
	unit := "unit-1"
	values := []any{
		&domain.Office{SyncMeta: meta, Code: "K1", Name: `Kantor "Pusat" <&> \ 🙂 ` + "\u2028\x01"},
		&domain.Unit{SyncMeta: meta, OfficeID: "o", ParentID: &unit, Name: "Bidang, {Mutasi} [x]"},
		&domain.Position{SyncMeta: meta, Name: "Analis", Type: domain.Pelaksana, UnitID: &unit,
			Standards: domain.Standards{"M.1": 2, "T.3": 4}, NeedsReview: true},
		&domain.Position{SyncMeta: meta, Name: "Kosong", Standards: domain.Standards{}},
		&employeeRecord{Employee: domain.Employee{SyncMeta: meta, NIP: "198001012005011001", Name: "Budi",
			GelarBelakang: "S.E., M.Si.", UnitID: &unit, Gender: domain.Male}, SearchText: "budi"},
		json.RawMessage(`{}`),
		json.RawMessage(`{"a\"b":1,"c":[1,{"d":"}"}]}`),
	}
	for _, v := range values {
		payload, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		diff, err := diffJSON(nil, json.RawMessage(payload))
		if err != nil {
			t.Fatal(err)
		}
		want, err := json.Marshal(diff)
		if err != nil {
			t.Fatal(err)
		}
		got, err := newRowChanges(payload)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("newRowChanges(%s)\n got %s\nwant %s", payload, got, want)
		}
	}
}

// TestInsertRowsStoresWhatGORMStores writes the same rows once with GORM's
// Create and once with insertRows and compares the stored values, types
// included.
func TestInsertRowsStoresWhatGORMStores(t *testing.T) {
	s, err := Open(context.Background(), Config{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = s.Close() }()
	at := time.Date(2026, 11, 23, 8, 0, 0, 123456789, time.FixedZone("WIB", 7*3600))
	unit := "unit-1"
	emp := employeeRecord{Employee: domain.Employee{
		SyncMeta: domain.SyncMeta{ID: "e1", Version: 3, UpdatedAt: at, UpdatedByDevice: "dev", Deleted: true},
		NIP:      "198001012005011001", Name: "O'Brien \"x\" 🙂", UnitID: &unit, Gender: domain.Male,
	}, SearchText: "o'brien"}
	out := domain.OutboxEntry{MutationID: "m1", Entity: "employee", EntityID: "e1", BaseVersion: 2, Payload: `{"a":1}`, CreatedAt: at}
	aud := domain.AuditEntry{ID: "a1", At: at.UTC(), Actor: "", Device: "dev", Entity: "employee", EntityID: "e1", Action: "import", Changes: "{}"}
	for _, c := range []struct {
		table bulkTable
		model any
		vals  []any
	}{
		{employeesTable, &emp, employeeValues(nil, &emp)},
		{outboxTable, &out, outboxValues(nil, &out)},
		{auditTable, &aud, auditValues(nil, &aud)},
	} {
		read := func() []string {
			var sel []string
			for _, col := range c.table.cols {
				sel = append(sel, "typeof("+col+") || ':' || coalesce(CAST("+col+" AS TEXT), '')")
			}
			rows, err := s.DB.Raw("SELECT " + strings.Join(sel, ", ") + " FROM " + c.table.name).Rows()
			if err != nil {
				t.Fatal(err)
			}
			defer func() { _ = rows.Close() }()
			got := make([]string, len(sel))
			ptrs := make([]any, len(sel))
			for i := range got {
				ptrs[i] = &got[i]
			}
			if !rows.Next() {
				t.Fatalf("%s: no row", c.table.name)
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			return got
		}
		if err := s.DB.Create(c.model).Error; err != nil {
			t.Fatal(err)
		}
		want := read()
		if err := s.DB.Exec("DELETE FROM " + c.table.name).Error; err != nil {
			t.Fatal(err)
		}
		err := s.DB.Transaction(func(tx *gorm.DB) error { return insertRows(tx, c.table, c.vals) })
		if err != nil {
			t.Fatal(err)
		}
		if got := read(); !slices.Equal(got, want) {
			t.Errorf("%s: insertRows stored %v, GORM %v", c.table.name, got, want)
		}
	}
}
