package store

import (
	"context"
	"strings"

	"gorm.io/gorm"

	"kembang/backend/domain"
)

// EmployeeRow is an employee with the names of its unit and position, as
// lists and detail views show it.
type EmployeeRow struct {
	domain.Employee
	UnitName     string `json:"unitName"`
	PositionName string `json:"positionName"`
}

// EmployeeQuery selects employees. Text matches the name with gelar, the
// NIP (also typed in its printed form with spaces), the unit name and the
// position name, case-insensitively; every word must match.
type EmployeeQuery struct {
	Text           string `json:"text"`
	UnitID         string `json:"unitId"`
	PositionID     string `json:"positionId"`
	IncludeDeleted bool   `json:"includeDeleted"`
	Limit          int    `json:"limit"`  // default DefaultSearchLimit
	Offset         int    `json:"offset"` // rows to skip, for paging
}

// DefaultSearchLimit is the page size when EmployeeQuery.Limit is 0.
const DefaultSearchLimit = 100

// employeeRecord is the employees table: the synced entity plus columns
// local to this database. Its JSON (the outbox payload) is the entity's.
type employeeRecord struct {
	domain.Employee
	// SearchText is the lower-cased name with gelar, NIP, unit name and
	// position name. Every employee write sets it; renaming a unit or a
	// position refreshes the rows that use it.
	SearchText string `gorm:"column:search_text" json:"-"`
}

func (employeeRecord) TableName() string { return "employees" }

// employeeJoined is an employees row read with its unit and position names.
type employeeJoined struct {
	domain.Employee
	SearchText   string
	UnitName     string
	PositionName string
}

func (j employeeJoined) row() EmployeeRow {
	return EmployeeRow{Employee: j.Employee, UnitName: j.UnitName, PositionName: j.PositionName}
}

func searchText(e *domain.Employee, unitName, positionName string) string {
	return strings.ToLower(strings.Join([]string{e.FullName(), e.NIP, unitName, positionName}, " "))
}

// joinedEmployees selects employees with their unit and position names.
func joinedEmployees(db *gorm.DB) *gorm.DB {
	return db.Table("employees AS e").
		Select("e.*, coalesce(u.name, '') AS unit_name, coalesce(p.name, '') AS position_name").
		Joins("LEFT JOIN units u ON u.id = e.unit_id").
		Joins("LEFT JOIN positions p ON p.id = e.position_id")
}

// refreshSearchText recomputes search_text for the employees matched by
// where (on alias e), after a unit or position was renamed.
func refreshSearchText(tx *gorm.DB, op, where string, args ...any) error {
	var rows []employeeJoined
	if err := joinedEmployees(tx).Where(where, args...).Scan(&rows).Error; err != nil {
		return dbErr(op, err)
	}
	for _, r := range rows {
		st := searchText(&r.Employee, r.UnitName, r.PositionName)
		if st == r.SearchText {
			continue
		}
		if err := tx.Table("employees").Where("id = ?", r.ID).Update("search_text", st).Error; err != nil {
			return dbErr(op, err)
		}
	}
	return nil
}

// searchTokens splits a query into lower-cased words. Consecutive groups of
// digits are joined, so a NIP typed as printed ("19740707 200212 1 008")
// matches the stored 18 digits.
func searchTokens(text string) []string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(text)) {
		if n := len(out); n > 0 && isDigits(w) && isDigits(out[n-1]) {
			out[n-1] += w
			continue
		}
		out = append(out, w)
	}
	return out
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// SearchEmployees returns one page of the employees matching q, ordered by
// name, and the total number of matches.
func (s *Store) SearchEmployees(ctx context.Context, q EmployeeQuery) ([]EmployeeRow, int, error) {
	const op = "employee.search"
	filter := func(db *gorm.DB) *gorm.DB {
		if !q.IncludeDeleted {
			db = db.Where("e.deleted = ?", false)
		}
		if q.UnitID != "" {
			db = db.Where("e.unit_id = ?", q.UnitID)
		}
		if q.PositionID != "" {
			db = db.Where("e.position_id = ?", q.PositionID)
		}
		// search_text is lower-cased already, so a plain substring test
		// does; it is several times cheaper than LIKE '%…%' in SQLite.
		contains := "instr(e.search_text, ?) > 0"
		if s.driver == DriverPostgres {
			contains = "strpos(e.search_text, ?) > 0"
		}
		for _, t := range searchTokens(q.Text) {
			db = db.Where(contains, t)
		}
		return db
	}
	db := s.DB.WithContext(ctx)
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultSearchLimit
	}
	offset := max(q.Offset, 0)
	var rows []employeeJoined
	err := filter(joinedEmployees(db)).Order("e.name, e.id").Limit(limit).Offset(offset).Scan(&rows).Error
	if err != nil {
		return nil, 0, dbErr(op, err)
	}
	// A page short of the limit is the last one and gives the total
	// itself: a search that matches few rows (a NIP, a rare name) then
	// takes one pass over the employees instead of two.
	total := int64(offset + len(rows))
	if len(rows) == limit || (len(rows) == 0 && offset > 0) {
		if err := filter(db.Table("employees AS e")).Count(&total).Error; err != nil {
			return nil, 0, dbErr(op, err)
		}
	}
	out := make([]EmployeeRow, len(rows))
	for i, r := range rows {
		out[i] = r.row()
	}
	return out, int(total), nil
}

// GetEmployee returns the employee with id (tombstoned or not) with its
// unit and position names.
func (s *Store) GetEmployee(ctx context.Context, id string) (*EmployeeRow, error) {
	const op = "employee.get"
	var rows []employeeJoined
	if err := joinedEmployees(s.DB.WithContext(ctx)).Where("e.id = ?", id).Scan(&rows).Error; err != nil {
		return nil, dbErr(op, err)
	}
	if len(rows) == 0 {
		return nil, notFound(op, "employee", id)
	}
	r := rows[0].row()
	return &r, nil
}

// GetEmployeeByNIP returns the live employee with the NIP, which may be
// typed with spaces.
func (s *Store) GetEmployeeByNIP(ctx context.Context, nip string) (*EmployeeRow, error) {
	const op = "employee.get_by_nip"
	nip = strings.Join(strings.Fields(nip), "")
	var rows []employeeJoined
	err := joinedEmployees(s.DB.WithContext(ctx)).Where("e.nip = ? AND e.deleted = ?", nip, false).Scan(&rows).Error
	if err != nil {
		return nil, dbErr(op, err)
	}
	if len(rows) == 0 {
		return nil, domain.E(domain.CodeNotFound, op, nil, "entity", "employee", "nip", nip)
	}
	r := rows[0].row()
	return &r, nil
}

// SaveEmployee validates (domain.ValidateEmployee normalises the NIP and
// golongan and fills birth date and gender from the NIP) and stores an
// employee. The NIP must not belong to another live employee (nip.taken,
// details: that employee's id); unit and position must be live.
func (s *Store) SaveEmployee(ctx context.Context, e *domain.Employee) error {
	const op = "employee.save"
	next := employeeRecord{Employee: *e}
	trimEmployee(&next.Employee)
	next.Deleted = false
	if fe := domain.ValidateEmployee(&next.Employee); len(fe) > 0 {
		return fe.AsError(op)
	}
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		prev, err := loadForSave(tx, op, &next)
		if err != nil {
			return err
		}
		if err := s.prepareEmployee(tx, op, &next); err != nil {
			return err
		}
		return s.write(tx, op, prev, &next, "")
	})
	if err != nil {
		return err
	}
	*e = next.Employee
	return nil
}

func trimEmployee(e *domain.Employee) {
	for _, f := range []*string{&e.NIP, &e.Name, &e.GelarDepan, &e.GelarBelakang, &e.Golongan, &e.Email, &e.Phone, &e.BirthDate} {
		*f = strings.TrimSpace(*f)
	}
	e.UnitID = emptyToNil(e.UnitID)
	e.PositionID = emptyToNil(e.PositionID)
}

// prepareEmployee checks the references and the NIP of a live employee and
// sets its search text.
func (s *Store) prepareEmployee(tx *gorm.DB, op string, r *employeeRecord) error {
	var unitName, positionName string
	if r.UnitID != nil {
		u, err := find[domain.Unit](tx, op, *r.UnitID)
		if err != nil {
			return err
		}
		if u == nil || u.Deleted {
			return domain.E(domain.CodeNotFound, op, nil, "entity", "unit", "id", *r.UnitID, "field", "unitId")
		}
		unitName = u.Name
	}
	if r.PositionID != nil {
		p, err := find[domain.Position](tx, op, *r.PositionID)
		if err != nil {
			return err
		}
		if p == nil || p.Deleted {
			return domain.E(domain.CodeNotFound, op, nil, "entity", "position", "id", *r.PositionID, "field", "positionId")
		}
		positionName = p.Name
	}
	if err := checkNIPFree(tx, op, r.NIP, r.ID); err != nil {
		return err
	}
	r.SearchText = searchText(&r.Employee, unitName, positionName)
	return nil
}

// checkNIPFree fails with nip.taken when a live employee other than id has nip.
func checkNIPFree(tx *gorm.DB, op, nip, id string) error {
	var others []string
	err := tx.Model(&employeeRecord{}).Where("nip = ? AND deleted = ? AND id <> ?", nip, false, id).
		Limit(1).Pluck("id", &others).Error
	if err != nil {
		return dbErr(op, err)
	}
	if len(others) > 0 {
		return domain.E(domain.CodeNIPTaken, op, nil, "field", "nip", "nip", nip, "id", others[0])
	}
	return nil
}

// DeleteEmployee tombstones an employee; RestoreEmployee brings it back.
func (s *Store) DeleteEmployee(ctx context.Context, id string) error {
	const op = "employee.delete"
	return s.inTx(ctx, op, func(tx *gorm.DB) error {
		prev, err := getLive[employeeRecord](tx, op, "employee", id)
		if err != nil {
			return err
		}
		next := *prev
		next.Deleted = true
		return s.write(tx, op, prev, &next, actionDelete)
	})
}

// RestoreEmployee revives a deleted employee, unless a live employee has
// taken its NIP meanwhile (nip.taken). Restoring a live employee does nothing.
func (s *Store) RestoreEmployee(ctx context.Context, id string) error {
	const op = "employee.restore"
	return s.inTx(ctx, op, func(tx *gorm.DB) error {
		prev, err := getByID[employeeRecord](tx, op, "employee", id)
		if err != nil || !prev.Deleted {
			return err
		}
		if err := checkNIPFree(tx, op, prev.NIP, prev.ID); err != nil {
			return err
		}
		next := *prev
		next.Deleted = false
		return s.write(tx, op, prev, &next, actionUpdate)
	})
}

// EmployeeHistory returns the audit entries of an employee, newest first.
func (s *Store) EmployeeHistory(ctx context.Context, id string) ([]domain.AuditEntry, error) {
	var out []domain.AuditEntry
	err := s.DB.WithContext(ctx).Where("entity = ? AND entity_id = ?", domain.Employee{}.EntityName(), id).
		Order("at DESC, id DESC").Find(&out).Error
	return out, dbErr("employee.history", err)
}
