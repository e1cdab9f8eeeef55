package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"kembang/backend/domain"
)

// Assessments (penilaian kompetensi). Every write goes through s.write, so it
// bumps the version and appends its outbox and audit rows in the same
// transaction (SYNC.md). The rules themselves are domain's:
// ValidateAssessment against the employee's position standard,
// CheckAssessmentUpdate against the stored row (a finalized assessment never
// changes), Transition and Supersede.

// AssessmentFilter selects assessments. Empty fields do not filter.
type AssessmentFilter struct {
	EmployeeIDs []string
	Period      string
	Method      domain.AssessmentMethod
	// UnitID keeps the assessments of employees of the unit and of every
	// unit below it.
	UnitID         string
	States         []domain.AssessmentState
	IncludeDeleted bool
}

// GridCell is the result of one GridSet.
type GridCell struct {
	AssessmentID string                 `json:"assessmentId"`
	Version      int64                  `json:"version"`
	State        domain.AssessmentState `json:"state"`
	Level        int                    `json:"level"`
}

// assessmentColumns are read by scanAssessments, in this order.
const assessmentColumns = "a.id, a.version, a.updated_at, a.updated_by_device, a.deleted, a.employee_id, a.period, " +
	"a.method, a.framework_version, a.state, a.assessor_name, a.assessor_nip, a.assessed_on, a.supersedes_id, " +
	"a.items, a.performance_rating, a.note"

// scanAssessments runs a query selecting assessmentColumns and reads the
// rows without GORM's per-row reflection: the recap reads tens of
// thousands of them.
func scanAssessments(db *gorm.DB, op, query string, args ...any) ([]domain.Assessment, error) {
	rows, err := db.Raw(query, args...).Rows()
	if err != nil {
		return nil, dbErr(op, err)
	}
	defer rows.Close()
	var out []domain.Assessment
	var (
		supersedes sql.NullString
		rating     sql.NullFloat64
		items      []byte
		method     string
		state      string
		updatedAt  any
	)
	for rows.Next() {
		var a domain.Assessment
		if err := rows.Scan(&a.ID, &a.Version, &updatedAt, &a.UpdatedByDevice, &a.Deleted, &a.EmployeeID, &a.Period,
			&method, &a.FrameworkVersion, &state, &a.AssessorName, &a.AssessorNIP, &a.AssessedOn, &supersedes,
			&items, &rating, &a.Note); err != nil {
			return nil, dbErr(op, err)
		}
		a.Method, a.State = domain.AssessmentMethod(method), domain.AssessmentState(state)
		if a.UpdatedAt, err = asTime(updatedAt); err != nil {
			return nil, dbErr(op, err)
		}
		if supersedes.Valid {
			id := supersedes.String
			a.SupersedesID = &id
		}
		if rating.Valid {
			r := rating.Float64
			a.PerformanceRating = &r
		}
		if err := json.Unmarshal(items, &a.Items); err != nil {
			return nil, dbErr(op, err)
		}
		if a.Items == nil {
			a.Items = domain.AssessmentItems{}
		}
		out = append(out, a)
	}
	return out, dbErr(op, rows.Err())
}

// asTime reads a timestamp column: time.Time from PostgreSQL and from
// SQLite columns declared datetime, text otherwise.
func asTime(v any) (time.Time, error) {
	switch t := v.(type) {
	case time.Time:
		return t.UTC(), nil
	case string:
		return parseSQLiteTime(t)
	case []byte:
		return parseSQLiteTime(string(t))
	case nil:
		return time.Time{}, nil
	}
	return time.Time{}, domain.E(domain.CodeInternal, "store.time", nil, "value", v)
}

func parseSQLiteTime(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999-07:00", "2006-01-02 15:04:05.999999999"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, domain.E(domain.CodeInternal, "store.time", nil, "value", s)
}

// GetAssessment returns the assessment with id (tombstoned or not).
func (s *Store) GetAssessment(ctx context.Context, id string) (*domain.Assessment, error) {
	return getByID[domain.Assessment](s.DB.WithContext(ctx), "assessment.get", "assessment", id)
}

// ListAssessments returns the assessments matching f, newest period first,
// then newest first (ids are UUIDv7, so by creation).
func (s *Store) ListAssessments(ctx context.Context, f AssessmentFilter) ([]domain.Assessment, error) {
	const op = "assessment.list"
	db := s.DB.WithContext(ctx)
	var where []string
	var args []any
	if !f.IncludeDeleted {
		where = append(where, "NOT a.deleted")
	}
	if len(f.EmployeeIDs) > 0 {
		where = append(where, "a.employee_id IN ?")
		args = append(args, f.EmployeeIDs)
	}
	if f.Period != "" {
		where = append(where, "a.period = ?")
		args = append(args, f.Period)
	}
	if f.Method != "" {
		where = append(where, "a.method = ?")
		args = append(args, string(f.Method))
	}
	if len(f.States) > 0 {
		states := make([]string, len(f.States))
		for i, st := range f.States {
			states[i] = string(st)
		}
		where = append(where, "a.state IN ?")
		args = append(args, states)
	}
	if f.UnitID != "" {
		units, err := s.UnitSubtree(ctx, f.UnitID)
		if err != nil {
			return nil, err
		}
		where = append(where, "a.employee_id IN (SELECT id FROM employees WHERE unit_id IN ?)")
		args = append(args, units)
	}
	q := "SELECT " + assessmentColumns + " FROM assessments a"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY a.period DESC, a.id DESC"
	return scanAssessments(db, op, q, args...)
}

// UnitSubtree returns the id of the live unit unitID and of every live unit
// below it. An unknown unit is not_found.
func (s *Store) UnitSubtree(ctx context.Context, unitID string) ([]string, error) {
	const op = "unit.subtree"
	units, err := s.ListUnits(ctx)
	if err != nil {
		return nil, err
	}
	children := map[string][]string{}
	found := false
	for _, u := range units {
		if u.ID == unitID {
			found = true
		}
		if u.ParentID != nil {
			children[*u.ParentID] = append(children[*u.ParentID], u.ID)
		}
	}
	if !found {
		return nil, notFound(op, "unit", unitID)
	}
	out := []string{unitID}
	seen := map[string]bool{unitID: true}
	for i := 0; i < len(out); i++ {
		for _, c := range children[out[i]] {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out, nil
}

// Periods returns the periods that have at least one live assessment,
// newest first (natural order, so "2026" before "2025" and "2025 II" before
// "2025 I").
func (s *Store) Periods(ctx context.Context) ([]string, error) {
	var out []string
	err := s.DB.WithContext(ctx).Table("assessments").Where("NOT deleted").Distinct("period").Pluck("period", &out).Error
	if err != nil {
		return nil, dbErr("assessment.periods", err)
	}
	sort.Slice(out, func(i, j int) bool { return domain.NaturalLess(out[j], out[i]) })
	return out, nil
}

// LatestFrameworkVersion is the number of the newest published framework
// version, 0 when none was published.
func (s *Store) LatestFrameworkVersion(ctx context.Context) (int, error) {
	return latestFrameworkVersion(s.DB.WithContext(ctx), "framework.latest")
}

func latestFrameworkVersion(db *gorm.DB, op string) (int, error) {
	var n int
	err := db.Model(&domain.FrameworkVersion{}).Where("NOT deleted").Select("coalesce(max(number), 0)").Scan(&n).Error
	return n, dbErr(op, err)
}

// assessmentStandards returns the position standard of the live employee
// an assessment is for: nil when the employee has no position (the items
// are then not checked against a standard).
func assessmentStandards(tx *gorm.DB, op, employeeID string) (domain.Standards, error) {
	var rows []struct {
		Deleted    bool
		PositionID *string
		Standards  domain.Standards
		PDeleted   *bool
	}
	err := tx.Table("employees AS e").
		Select("e.deleted, e.position_id, p.standards, p.deleted AS p_deleted").
		Joins("LEFT JOIN positions p ON p.id = e.position_id").
		Where("e.id = ?", employeeID).Scan(&rows).Error
	if err != nil {
		return nil, dbErr(op, err)
	}
	if len(rows) == 0 || rows[0].Deleted {
		return nil, domain.E(domain.CodeNotFound, op, nil, "entity", "employee", "id", employeeID, "field", "employeeId")
	}
	r := rows[0]
	if r.PositionID == nil || r.PDeleted == nil {
		return nil, nil
	}
	if r.Standards == nil {
		return domain.Standards{}, nil
	}
	return r.Standards, nil
}

// prepareAssessment validates next against the employee's standard and,
// for a new assessment, pins the framework version (the newest published
// one when none is given) and checks what it supersedes.
func (s *Store) prepareAssessment(tx *gorm.DB, op string, prev, next *domain.Assessment) error {
	required, err := assessmentStandards(tx, op, strings.TrimSpace(next.EmployeeID))
	if err != nil {
		return err
	}
	if prev == nil && next.FrameworkVersion == 0 {
		if next.FrameworkVersion, err = latestFrameworkVersion(tx, op); err != nil {
			return err
		}
	}
	if prev != nil && next.FrameworkVersion == 0 {
		next.FrameworkVersion = prev.FrameworkVersion
	}
	if fe := domain.ValidateAssessment(next, required); len(fe) > 0 {
		return fe.AsError(op)
	}
	if prev != nil {
		// The employee and the framework version are fixed at creation:
		// the levels were chosen against that version's descriptions.
		if next.EmployeeID != prev.EmployeeID {
			return domain.FieldErrors{{Field: "employeeId", Code: domain.CodeInvalid, Value: next.EmployeeID}}.AsError(op)
		}
		if next.FrameworkVersion != prev.FrameworkVersion {
			return domain.FieldErrors{{Field: "frameworkVersion", Code: domain.CodeInvalid,
				Value: strconv.Itoa(next.FrameworkVersion)}}.AsError(op)
		}
		return domain.CheckAssessmentUpdate(prev, next)
	}
	var n int64
	if err := tx.Model(&domain.FrameworkVersion{}).Where("number = ? AND NOT deleted", next.FrameworkVersion).Count(&n).Error; err != nil {
		return dbErr(op, err)
	}
	if n == 0 {
		return domain.E(domain.CodeNotFound, op, nil, "entity", "framework_version", "number", next.FrameworkVersion, "field", "frameworkVersion")
	}
	if next.SupersedesID != nil {
		old, err := find[domain.Assessment](tx, op, *next.SupersedesID)
		if err != nil {
			return err
		}
		if old == nil || old.Deleted {
			return domain.E(domain.CodeNotFound, op, nil, "entity", "assessment", "id", *next.SupersedesID, "field", "supersedesId")
		}
		if old.State != domain.AssessmentFinalized {
			return domain.E(domain.CodeAssessmentNotFinalized, op, nil, "id", old.ID, "state", string(old.State))
		}
		if old.EmployeeID != next.EmployeeID {
			return domain.E(domain.CodeAssessmentSupersedes, op, nil, "id", old.ID, "field", "employeeId")
		}
	}
	// A new assessment starts as a draft; any other state must be reachable
	// from draft (only assessor and test results may be entered finalized).
	if next.State != domain.AssessmentDraft {
		probe := *next
		probe.State = domain.AssessmentDraft
		if err := domain.Transition(&probe, next.State); err != nil {
			return err
		}
	}
	return nil
}

// SaveAssessment creates (empty id or an unknown one with version 0) or
// updates an assessment. Updates need the stored version
// (version.conflict otherwise); a finalized assessment cannot change
// (assessment.finalized); a state change must follow the workflow. On
// success a holds the stored row.
func (s *Store) SaveAssessment(ctx context.Context, a *domain.Assessment) error {
	const op = "assessment.save"
	next := *a
	next.Deleted = false
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		prev, err := loadForSave(tx, op, &next)
		if err != nil {
			return err
		}
		if err := s.prepareAssessment(tx, op, prev, &next); err != nil {
			return err
		}
		return s.write(tx, op, prev, &next, "")
	})
	if err != nil {
		return err
	}
	*a = next
	return nil
}

// editAssessment loads a live assessment, lets change modify a copy and
// writes it through the same checks as SaveAssessment.
func (s *Store) editAssessment(ctx context.Context, op, id string, finalizedIsError bool, change func(*domain.Assessment) error) (*domain.Assessment, error) {
	var out domain.Assessment
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		prev, err := getLive[domain.Assessment](tx, op, "assessment", id)
		if err != nil {
			return err
		}
		if finalizedIsError {
			if err := prev.CanEdit(); err != nil {
				return err
			}
		}
		next := *prev
		next.Items = append(domain.AssessmentItems{}, prev.Items...)
		if err := change(&next); err != nil {
			return err
		}
		if err := s.prepareAssessment(tx, op, prev, &next); err != nil {
			return err
		}
		if err := s.write(tx, op, prev, &next, ""); err != nil {
			return err
		}
		out = next
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// TransitionAssessment moves an assessment along the workflow
// (domain.Transition). Moving to the current state changes nothing.
func (s *Store) TransitionAssessment(ctx context.Context, id string, to domain.AssessmentState) (*domain.Assessment, error) {
	const op = "assessment.transition"
	a, err := s.GetAssessment(ctx, id)
	if err != nil {
		return nil, err
	}
	if a.State == to && !a.Deleted {
		return a, nil // a retried request must not fail, even on a finalized one
	}
	// domain.Transition reports a move out of finalized as
	// assessment.invalid_transition, the code the workflow buttons expect.
	return s.editAssessment(ctx, op, id, false, func(a *domain.Assessment) error { return domain.Transition(a, to) })
}

// setItem gives code the level (and evidence, when not nil) in a.
func setItem(a *domain.Assessment, code string, level int, evidence *string) {
	for i := range a.Items {
		if a.Items[i].CompetencyCode == code {
			a.Items[i].Level = level
			if evidence != nil {
				a.Items[i].Evidence = *evidence
			}
			return
		}
	}
	it := domain.AssessmentItem{CompetencyCode: code, Level: level}
	if evidence != nil {
		it.Evidence = *evidence
	}
	a.Items = append(a.Items, it)
}

// SetAssessmentLevel is the one-field autosave of the form: it sets the
// level and evidence of one competency of a draft or submitted assessment.
func (s *Store) SetAssessmentLevel(ctx context.Context, id, code string, level int, evidence string) (*domain.Assessment, error) {
	const op = "assessment.set_level"
	code = strings.TrimSpace(code)
	return s.editAssessment(ctx, op, id, true, func(a *domain.Assessment) error {
		setItem(a, code, level, &evidence)
		return nil
	})
}

// SupersedeAssessment starts the correction of a finalized assessment: a
// new draft that copies it and points at it (domain.Supersede), written in
// one transaction. The old assessment stays as it was; history shows both.
func (s *Store) SupersedeAssessment(ctx context.Context, id string) (*domain.Assessment, error) {
	const op = "assessment.supersede"
	var out domain.Assessment
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		old, err := getLive[domain.Assessment](tx, op, "assessment", id)
		if err != nil {
			return err
		}
		next, err := domain.Supersede(old, s.NewID())
		if err != nil {
			return err
		}
		next.Version = 0
		if err := s.prepareAssessment(tx, op, nil, &next); err != nil {
			return err
		}
		if err := s.write(tx, op, nil, &next, actionCreate); err != nil {
			return err
		}
		out = next
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// currentFor returns the current (see domain.Current) live assessments of
// one employee × period × method, newest first.
func currentFor(tx *gorm.DB, op, employeeID, period string, method domain.AssessmentMethod) ([]domain.Assessment, error) {
	all, err := scanAssessments(tx, op, "SELECT "+assessmentColumns+" FROM assessments a "+
		"WHERE a.employee_id = ? AND a.period = ? AND a.method = ? AND NOT a.deleted ORDER BY a.id DESC",
		employeeID, period, string(method))
	if err != nil {
		return nil, err
	}
	return domain.Current(all), nil
}

// GridSet is the autosave of one cell of the batch grid: it finds the
// newest current assessment of employee × period × method, creating a
// draft on the first level entered, and sets one level (0 clears it). A
// finalized one is assessment.finalized: correct it with
// SupersedeAssessment. It is one small transaction, so a power cut loses
// at most the cell being typed.
func (s *Store) GridSet(ctx context.Context, employeeID, period string, method domain.AssessmentMethod, code string, level int) (GridCell, error) {
	const op = "assessment.grid_set"
	code = strings.TrimSpace(code)
	period = strings.Join(strings.Fields(period), " ")
	var cell GridCell
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		current, err := currentFor(tx, op, employeeID, period, method)
		if err != nil {
			return err
		}
		var prev *domain.Assessment
		next := domain.Assessment{EmployeeID: employeeID, Period: period, Method: method, State: domain.AssessmentDraft}
		if len(current) > 0 {
			prev = &current[0]
			if err := prev.CanEdit(); err != nil {
				return err
			}
			next = *prev
			next.Items = append(domain.AssessmentItems{}, prev.Items...)
		} else if level == 0 {
			cell = GridCell{State: domain.AssessmentDraft}
			return nil // clearing an empty cell creates nothing
		}
		setItem(&next, code, level, nil)
		if err := s.prepareAssessment(tx, op, prev, &next); err != nil {
			return err
		}
		if err := s.write(tx, op, prev, &next, ""); err != nil {
			return err
		}
		cell = GridCell{AssessmentID: next.ID, Version: next.Version, State: next.State, Level: level}
		return nil
	})
	return cell, err
}

// SubmitDrafts moves every live draft of period × method with at least one
// level, among the employees given, to submitted, in one transaction. It
// returns how many moved.
func (s *Store) SubmitDrafts(ctx context.Context, employeeIDs []string, period string, method domain.AssessmentMethod) (int, error) {
	const op = "assessment.submit_grid"
	n := 0
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		for start := 0; start < len(employeeIDs); start += nipChunk {
			ids := employeeIDs[start:min(start+nipChunk, len(employeeIDs))]
			drafts, err := scanAssessments(tx, op, "SELECT "+assessmentColumns+" FROM assessments a "+
				"WHERE a.employee_id IN ? AND a.period = ? AND a.method = ? AND a.state = ? AND NOT a.deleted ORDER BY a.id",
				ids, period, string(method), string(domain.AssessmentDraft))
			if err != nil {
				return err
			}
			for i := range drafts {
				prev := &drafts[i]
				next := *prev
				if err := domain.Transition(&next, domain.AssessmentSubmitted); err != nil {
					if domain.IsCode(err, domain.CodeAssessmentEmpty) {
						continue
					}
					return err
				}
				if err := s.prepareAssessment(tx, op, prev, &next); err != nil {
					return err
				}
				if err := s.write(tx, op, prev, &next, ""); err != nil {
					return err
				}
				n++
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// AssessmentHistory returns the audit entries of an assessment, newest first.
func (s *Store) AssessmentHistory(ctx context.Context, id string) ([]domain.AuditEntry, error) {
	var out []domain.AuditEntry
	err := s.DB.WithContext(ctx).Where("entity = ? AND entity_id = ?", domain.Assessment{}.EntityName(), id).
		Order("at DESC, id DESC").Find(&out).Error
	return out, dbErr("assessment.history", err)
}

// EmployeeBrief is what grids and recaps need of an employee.
type EmployeeBrief struct {
	ID            string
	NIP           string
	Name          string
	GelarDepan    string
	GelarBelakang string
	UnitID        string // "" when none
	PositionID    string // "" when none
	UnitName      string
	PositionName  string
}

// FullName is the name with gelar, as printed.
func (e EmployeeBrief) FullName() string {
	return domain.Employee{Name: e.Name, GelarDepan: e.GelarDepan, GelarBelakang: e.GelarBelakang}.FullName()
}

// EmployeeBriefs returns the live employees of the given units (nil: every
// live employee), ordered by name. It reads plain columns without GORM's
// reflection: an office recap reads ten thousand of them.
func (s *Store) EmployeeBriefs(ctx context.Context, unitIDs []string) ([]EmployeeBrief, error) {
	const op = "employee.briefs"
	q := "SELECT e.id, e.nip, e.name, e.gelar_depan, e.gelar_belakang, coalesce(e.unit_id, ''), coalesce(e.position_id, ''), " +
		"coalesce(u.name, ''), coalesce(p.name, '') FROM employees e " +
		"LEFT JOIN units u ON u.id = e.unit_id LEFT JOIN positions p ON p.id = e.position_id WHERE NOT e.deleted"
	var args []any
	if unitIDs != nil {
		q += " AND e.unit_id IN ?"
		args = append(args, unitIDs)
	}
	q += " ORDER BY e.name, e.id"
	rows, err := s.DB.WithContext(ctx).Raw(q, args...).Rows()
	if err != nil {
		return nil, dbErr(op, err)
	}
	defer rows.Close()
	var out []EmployeeBrief
	for rows.Next() {
		var e EmployeeBrief
		if err := rows.Scan(&e.ID, &e.NIP, &e.Name, &e.GelarDepan, &e.GelarBelakang, &e.UnitID, &e.PositionID,
			&e.UnitName, &e.PositionName); err != nil {
			return nil, dbErr(op, err)
		}
		out = append(out, e)
	}
	return out, dbErr(op, rows.Err())
}
