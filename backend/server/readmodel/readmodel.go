// Package readmodel keeps the central server's dashboards fast: the
// server stores every synced row as JSON in its changes table, which is
// right for the pull feed and wrong for "average gap per competency over
// 20,000 employees". Apply projects each stored change into small
// relational tables (rm_*) in the same transaction as the change, so the
// read model is never behind or ahead of the feed; the dashboard queries
// (query.go) aggregate those tables with plain GROUP BYs.
//
// Derived rows (rm_jpm, rm_gap) are the central view of each employee: the
// position's standard against the levels resolved from the employee's
// latest period of finalized assessments, with the domain's rules and the
// default office settings (the offices' own settings stay on their
// laptops; see README "Central web dashboard").
//
// The package imports only the domain: the server calls it, never the
// reverse.
package readmodel

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"

	"gorm.io/gorm"

	"kembang/backend/domain"
)

// Change is a stored row as the server's changes table holds it.
type Change struct {
	Entity   string
	EntityID string
	OfficeID string
	Deleted  bool
	Payload  []byte
}

// CreateTablesV1 creates the read-model tables. It is called by one server
// migration and must never change: a later layout is a new function and a
// new migration (drop, create, Rebuild).
func CreateTablesV1(tx *gorm.DB) error {
	stmts := []string{
		`CREATE TABLE rm_competency (id VARCHAR(36) PRIMARY KEY, code VARCHAR(32) NOT NULL, name VARCHAR(200) NOT NULL,
			type VARCHAR(20) NOT NULL, live BOOLEAN NOT NULL)`,
		`CREATE INDEX idx_rm_competency_code ON rm_competency (code)`,
		`CREATE TABLE rm_unit (id VARCHAR(36) PRIMARY KEY, office_id VARCHAR(36) NOT NULL, name VARCHAR(200) NOT NULL, live BOOLEAN NOT NULL)`,
		`CREATE TABLE rm_position (id VARCHAR(36) PRIMARY KEY, office_id VARCHAR(36) NOT NULL, name VARCHAR(200) NOT NULL,
			standards TEXT NOT NULL, live BOOLEAN NOT NULL)`,
		`CREATE INDEX idx_rm_position_office ON rm_position (office_id)`,
		`CREATE TABLE rm_employee (id VARCHAR(36) PRIMARY KEY, office_id VARCHAR(36) NOT NULL, unit_id VARCHAR(36) NOT NULL,
			position_id VARCHAR(36) NOT NULL, live BOOLEAN NOT NULL)`,
		`CREATE INDEX idx_rm_employee_office ON rm_employee (office_id)`,
		`CREATE INDEX idx_rm_employee_position ON rm_employee (position_id)`,
		`CREATE TABLE rm_assessment (id VARCHAR(36) PRIMARY KEY, employee_id VARCHAR(36) NOT NULL, office_id VARCHAR(36) NOT NULL,
			live BOOLEAN NOT NULL, counted BOOLEAN NOT NULL, payload TEXT NOT NULL)`,
		`CREATE INDEX idx_rm_assessment_employee ON rm_assessment (employee_id)`,
		`CREATE TABLE rm_jpm (employee_id VARCHAR(36) PRIMARY KEY, office_id VARCHAR(36) NOT NULL, unit_id VARCHAR(36) NOT NULL,
			period VARCHAR(64) NOT NULL, jpm DOUBLE PRECISION NOT NULL, category VARCHAR(40) NOT NULL,
			required INTEGER NOT NULL, assessed INTEGER NOT NULL, complete BOOLEAN NOT NULL)`,
		`CREATE INDEX idx_rm_jpm_office ON rm_jpm (office_id)`,
		`CREATE TABLE rm_gap (employee_id VARCHAR(36) NOT NULL, code VARCHAR(32) NOT NULL, office_id VARCHAR(36) NOT NULL,
			unit_id VARCHAR(36) NOT NULL, standard INTEGER NOT NULL, actual DOUBLE PRECISION NOT NULL, gap DOUBLE PRECISION NOT NULL,
			assessed BOOLEAN NOT NULL, PRIMARY KEY (employee_id, code))`,
		// rm_gap_agg sums rm_gap's assessed lines per office, unit and
		// competency (levels in hundredths, so the sums stay exact): the
		// heatmap reads a few thousand rows instead of every employee's.
		`CREATE TABLE rm_gap_agg (office_id VARCHAR(36) NOT NULL, unit_id VARCHAR(36) NOT NULL, code VARCHAR(32) NOT NULL,
			people INTEGER NOT NULL, below INTEGER NOT NULL, sum_gap_h BIGINT NOT NULL, below_gap_h BIGINT NOT NULL,
			sum_actual_h BIGINT NOT NULL, PRIMARY KEY (office_id, unit_id, code))`,
		`CREATE TABLE rm_plan_line (plan_id VARCHAR(36) NOT NULL, line_no INTEGER NOT NULL, office_id VARCHAR(36) NOT NULL,
			employee_id VARCHAR(36) NOT NULL, year INTEGER NOT NULL, plan_state VARCHAR(20) NOT NULL,
			competency_code VARCHAR(32) NOT NULL, method_code VARCHAR(40) NOT NULL, planned_jp DOUBLE PRECISION NOT NULL,
			cost BIGINT NOT NULL, status VARCHAR(20) NOT NULL, PRIMARY KEY (plan_id, line_no))`,
		`CREATE INDEX idx_rm_plan_line_year ON rm_plan_line (year, office_id)`,
		`CREATE INDEX idx_rm_plan_line_employee ON rm_plan_line (employee_id, competency_code)`,
		`CREATE TABLE rm_training_record (id VARCHAR(36) PRIMARY KEY, office_id VARCHAR(36) NOT NULL, employee_id VARCHAR(36) NOT NULL,
			year INTEGER NOT NULL, jp DOUBLE PRECISION NOT NULL, certificate_no VARCHAR(100) NOT NULL, live BOOLEAN NOT NULL)`,
		`CREATE INDEX idx_rm_training_record_employee ON rm_training_record (employee_id, year)`,
		// rm_plan_agg sums the year's plan lines (not cancelled) per office and
		// key: kind 'code' (a competency: plans covering it, of which for an
		// employee below standard on it), 'method' (plans using it), 'all'
		// (key '': plans with a line). JP in hundredths.
		`CREATE TABLE rm_plan_agg (year INTEGER NOT NULL, office_id VARCHAR(36) NOT NULL, kind VARCHAR(8) NOT NULL, key VARCHAR(40) NOT NULL,
			plans INTEGER NOT NULL, plans_below INTEGER NOT NULL, lines INTEGER NOT NULL, jp_h BIGINT NOT NULL, cost BIGINT NOT NULL,
			PRIMARY KEY (year, kind, key, office_id))`,
		// rm_jp_emp is each employee's JP of a year from live training records.
		`CREATE TABLE rm_jp_emp (employee_id VARCHAR(36) NOT NULL, year INTEGER NOT NULL, office_id VARCHAR(36) NOT NULL,
			live BOOLEAN NOT NULL, jp_h BIGINT NOT NULL, PRIMARY KEY (employee_id, year))`,
		`CREATE INDEX idx_rm_jp_emp_year ON rm_jp_emp (year, office_id, live, jp_h)`,
		`CREATE INDEX idx_rm_training_record_cert ON rm_training_record (certificate_no)`,
	}
	for _, s := range stmts {
		if err := tx.Exec(s).Error; err != nil {
			return fmt.Errorf("readmodel: %w", err)
		}
	}
	return nil
}

// tables lists every read-model table, for Rebuild.
var tables = []string{"rm_competency", "rm_unit", "rm_position", "rm_employee", "rm_assessment", "rm_jpm", "rm_gap", "rm_gap_agg", "rm_plan_line", "rm_plan_agg", "rm_training_record", "rm_jp_emp"}

// Rebuild empties the read model and projects every stored change again,
// in change order, in tx.
func Rebuild(tx *gorm.DB) error {
	for _, t := range tables {
		if err := tx.Exec("DELETE FROM " + t).Error; err != nil {
			return err
		}
	}
	// Parents first, so derived rows are computed once with everything in place.
	order := []string{"competency", "unit", "position", "employee", "assessment", "development_plan", "training_record"}
	type row struct {
		Entity, EntityID, OfficeID string
		Deleted                    bool
		Payload                    string
	}
	for _, entity := range order {
		last := ""
		for {
			var rows []row
			if err := tx.Table("changes").Select("entity, entity_id, office_id, deleted, payload").
				Where("entity = ? AND entity_id > ?", entity, last).Order("entity_id").Limit(1000).Find(&rows).Error; err != nil {
				return err
			}
			if len(rows) == 0 {
				break
			}
			p := projector{tx: tx, deferEmployees: map[string]bool{}}
			for _, r := range rows {
				if err := p.apply(Change{Entity: r.Entity, EntityID: r.EntityID, OfficeID: r.OfficeID, Deleted: r.Deleted, Payload: []byte(r.Payload)}); err != nil {
					return err
				}
			}
			if err := p.flush(); err != nil {
				return err
			}
			last = rows[len(rows)-1].EntityID
		}
	}
	return nil
}

// Apply projects one stored change. The server calls it in the transaction
// that stores the change. Entities the read model does not use are
// ignored; a payload that does not decode is an error (the server stored
// it after checking it decodes, so this is a bug, and the transaction must
// not commit a feed the dashboards cannot follow).
func Apply(tx *gorm.DB, c Change) error {
	p := projector{tx: tx, deferEmployees: map[string]bool{}}
	if err := p.apply(c); err != nil {
		return err
	}
	return p.flush()
}

// projector applies changes; derived rows of the employees they touch are
// recomputed once, at flush.
type projector struct {
	tx             *gorm.DB
	deferEmployees map[string]bool
}

func (p *projector) flush() error {
	ids := make([]string, 0, len(p.deferEmployees))
	for id := range p.deferEmployees {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if err := recomputeEmployee(p.tx, id); err != nil {
			return err
		}
	}
	clear(p.deferEmployees)
	return nil
}

func (p *projector) replace(table, id string, row map[string]any) error {
	if err := p.tx.Exec("DELETE FROM "+table+" WHERE id = ?", id).Error; err != nil {
		return err
	}
	return p.tx.Table(table).Create(row).Error
}

func (p *projector) apply(c Change) error {
	decode := func(v any) error {
		if err := json.Unmarshal(c.Payload, v); err != nil {
			return fmt.Errorf("readmodel: %s %s: %w", c.Entity, c.EntityID, err)
		}
		return nil
	}
	live := !c.Deleted
	switch c.Entity {
	case "competency":
		var v domain.Competency
		if err := decode(&v); err != nil {
			return err
		}
		var oldType string
		if err := p.tx.Raw("SELECT type FROM rm_competency WHERE id = ?", c.EntityID).Scan(&oldType).Error; err != nil {
			return err
		}
		if err := p.replace("rm_competency", c.EntityID, map[string]any{"id": c.EntityID, "code": v.Code, "name": v.Name,
			"type": string(v.Type), "live": live && !v.Retired}); err != nil {
			return err
		}
		if oldType != "" && oldType != string(v.Type) {
			// Whether a technical competency counts depends on its type:
			// recompute everyone whose standard names it.
			var ids []string
			if err := p.tx.Raw(`SELECT e.id FROM rm_employee e JOIN rm_position p ON p.id = e.position_id
				WHERE e.live AND p.standards LIKE ?`, "%"+jsonKey(v.Code)+"%").Scan(&ids).Error; err != nil {
				return err
			}
			for _, id := range ids {
				p.deferEmployees[id] = true
			}
		}
	case "unit":
		var v domain.Unit
		if err := decode(&v); err != nil {
			return err
		}
		return p.replace("rm_unit", c.EntityID, map[string]any{"id": c.EntityID, "office_id": c.OfficeID, "name": v.Name, "live": live})
	case "position":
		var v domain.Position
		if err := decode(&v); err != nil {
			return err
		}
		std, _ := json.Marshal(v.Standards)
		var old []struct {
			Standards string
			Live      bool
		}
		if err := p.tx.Raw("SELECT standards, live FROM rm_position WHERE id = ?", c.EntityID).Scan(&old).Error; err != nil {
			return err
		}
		unchanged := len(old) == 1 && old[0].Standards == string(std) && old[0].Live == live
		if err := p.replace("rm_position", c.EntityID, map[string]any{"id": c.EntityID, "office_id": c.OfficeID, "name": v.Name,
			"standards": string(std), "live": live}); err != nil {
			return err
		}
		if unchanged {
			return nil // a renamed position changes no employee's figures
		}
		var ids []string
		if err := p.tx.Raw("SELECT id FROM rm_employee WHERE position_id = ?", c.EntityID).Scan(&ids).Error; err != nil {
			return err
		}
		for _, id := range ids {
			p.deferEmployees[id] = true
		}
	case "employee":
		var v domain.Employee
		if err := decode(&v); err != nil {
			return err
		}
		var old []struct {
			UnitID, PositionID string
			Live               bool
		}
		if err := p.tx.Raw("SELECT unit_id, position_id, live FROM rm_employee WHERE id = ?", c.EntityID).Scan(&old).Error; err != nil {
			return err
		}
		if err := p.replace("rm_employee", c.EntityID, map[string]any{"id": c.EntityID, "office_id": c.OfficeID,
			"unit_id": deref(v.UnitID), "position_id": deref(v.PositionID), "live": live}); err != nil {
			return err
		}
		if err := p.tx.Exec("UPDATE rm_jp_emp SET live = ? WHERE employee_id = ? AND live <> ?", live, c.EntityID, live).Error; err != nil {
			return err
		}
		// Only the unit, the position and the tombstone move the figures;
		// an edited name or phone number does not.
		if len(old) == 0 || old[0].UnitID != deref(v.UnitID) || old[0].PositionID != deref(v.PositionID) || old[0].Live != live {
			p.deferEmployees[c.EntityID] = true
		}
	case "assessment":
		var v domain.Assessment
		if err := decode(&v); err != nil {
			return err
		}
		var old []struct {
			EmployeeID string
			Counted    bool
		}
		if err := p.tx.Raw("SELECT employee_id, counted FROM rm_assessment WHERE id = ?", c.EntityID).Scan(&old).Error; err != nil {
			return err
		}
		// Only finalized assessments count (latestPeriod, ResolveLevels):
		// a draft saved again changes nothing.
		counted := live && v.State == domain.AssessmentFinalized
		if err := p.replace("rm_assessment", c.EntityID, map[string]any{"id": c.EntityID, "employee_id": v.EmployeeID,
			"office_id": c.OfficeID, "live": live, "counted": counted, "payload": string(c.Payload)}); err != nil {
			return err
		}
		for _, o := range old {
			if o.Counted {
				p.deferEmployees[o.EmployeeID] = true
			}
		}
		if counted {
			p.deferEmployees[v.EmployeeID] = true
		}
	case "development_plan":
		var v domain.DevelopmentPlan
		if err := decode(&v); err != nil {
			return err
		}
		return applyPlan(p.tx, c, &v)
	case "training_record":
		var v domain.TrainingRecord
		if err := decode(&v); err != nil {
			return err
		}
		return applyTrainingRecord(p.tx, c, &v)
	}
	return nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func jsonKey(code string) string {
	b, _ := json.Marshal(code)
	return string(b) + ":"
}

// latestPeriod is the period of the employee's most recent finalized
// assessment (by assessment date, then by when it was stored): the central
// view shows each employee's latest mapping.
func latestPeriod(as []domain.Assessment) string {
	var best *domain.Assessment
	for i := range as {
		a := &as[i]
		if a.Deleted || a.State != domain.AssessmentFinalized {
			continue
		}
		if best == nil || a.AssessedOn > best.AssessedOn || (a.AssessedOn == best.AssessedOn && a.UpdatedAt.After(best.UpdatedAt)) {
			best = a
		}
	}
	if best == nil {
		return ""
	}
	return best.Period
}

// aggKey is a row of rm_gap_agg.
type aggKey struct{ office, unit, code string }

type aggDelta struct{ people, below, sumGap, belowGap, sumActual int64 }

func hundredths(x float64) int64 { return int64(math.Round(x * 100)) }

func (d *aggDelta) add(sign int64, gap, actual float64) {
	d.people += sign
	d.sumGap += sign * hundredths(gap)
	d.sumActual += sign * hundredths(actual)
	if hundredths(gap) < 0 {
		d.below += sign
		d.belowGap += sign * hundredths(gap)
	}
}

// applyAgg adds the deltas to rm_gap_agg, in key order (so concurrent
// writers on PostgreSQL lock rows in one order).
func applyAgg(tx *gorm.DB, deltas map[aggKey]*aggDelta) error {
	keys := make([]aggKey, 0, len(deltas))
	for k, d := range deltas {
		if *d != (aggDelta{}) {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.office != b.office {
			return a.office < b.office
		}
		if a.unit != b.unit {
			return a.unit < b.unit
		}
		return a.code < b.code
	})
	for _, k := range keys {
		d := deltas[k]
		err := tx.Exec(`INSERT INTO rm_gap_agg (office_id, unit_id, code, people, below, sum_gap_h, below_gap_h, sum_actual_h)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (office_id, unit_id, code) DO UPDATE SET people = rm_gap_agg.people + excluded.people,
			below = rm_gap_agg.below + excluded.below, sum_gap_h = rm_gap_agg.sum_gap_h + excluded.sum_gap_h,
			below_gap_h = rm_gap_agg.below_gap_h + excluded.below_gap_h, sum_actual_h = rm_gap_agg.sum_actual_h + excluded.sum_actual_h`,
			k.office, k.unit, k.code, d.people, d.below, d.sumGap, d.belowGap, d.sumActual).Error
		if err != nil {
			return err
		}
	}
	return nil
}

// recomputeEmployee rewrites the derived rows of one employee.
func recomputeEmployee(tx *gorm.DB, id string) error {
	var old []struct {
		OfficeID, UnitID, Code string
		Gap, Actual            float64
	}
	if err := tx.Raw("SELECT office_id, unit_id, code, gap, actual FROM rm_gap WHERE employee_id = ? AND assessed", id).Scan(&old).Error; err != nil {
		return err
	}
	deltas := map[aggKey]*aggDelta{}
	delta := func(office, unit, code string) *aggDelta {
		k := aggKey{office, unit, code}
		d, ok := deltas[k]
		if !ok {
			d = &aggDelta{}
			deltas[k] = d
		}
		return d
	}
	wasBelow := map[string]bool{}
	for _, o := range old {
		delta(o.OfficeID, o.UnitID, o.Code).add(-1, o.Gap, o.Actual)
		if hundredths(o.Gap) < 0 {
			wasBelow[o.Code] = true
		}
	}
	// flips are the competencies whose below-standard state changed,
	// for the plans' "below" counts (plans.go).
	flips := func(now map[string]bool) error {
		became := map[string]bool{}
		for c := range wasBelow {
			if !now[c] {
				became[c] = false
			}
		}
		for c := range now {
			if !wasBelow[c] {
				became[c] = true
			}
		}
		return belowChanged(tx, id, became)
	}
	if err := tx.Exec("DELETE FROM rm_gap WHERE employee_id = ?", id).Error; err != nil {
		return err
	}
	if err := tx.Exec("DELETE FROM rm_jpm WHERE employee_id = ?", id).Error; err != nil {
		return err
	}
	var emps []struct {
		OfficeID, UnitID, PositionID string
		Live                         bool
	}
	if err := tx.Raw("SELECT office_id, unit_id, position_id, live FROM rm_employee WHERE id = ?", id).Scan(&emps).Error; err != nil {
		return err
	}
	if len(emps) == 0 || !emps[0].Live {
		if err := flips(nil); err != nil {
			return err
		}
		return applyAgg(tx, deltas)
	}
	e := emps[0]
	var standards domain.Standards
	if e.PositionID != "" {
		var std []string
		if err := tx.Raw("SELECT standards FROM rm_position WHERE id = ? AND live", e.PositionID).Scan(&std).Error; err != nil {
			return err
		}
		if len(std) == 1 {
			if err := json.Unmarshal([]byte(std[0]), &standards); err != nil {
				return fmt.Errorf("readmodel: position %s standards: %w", e.PositionID, err)
			}
		}
	}
	var payloads []string
	if err := tx.Raw("SELECT payload FROM rm_assessment WHERE employee_id = ? AND counted", id).Scan(&payloads).Error; err != nil {
		return err
	}
	all := make([]domain.Assessment, 0, len(payloads))
	for _, p := range payloads {
		var a domain.Assessment
		if err := json.Unmarshal([]byte(p), &a); err != nil {
			return fmt.Errorf("readmodel: assessment of %s: %w", id, err)
		}
		all = append(all, a)
	}
	period := latestPeriod(all)
	actual := map[string]float64{}
	if period != "" {
		actual = domain.ActualLevels(domain.ResolveLevels(domain.AssessmentsFor(all, id, period), domain.DefaultResultRule()))
	}
	technical := map[string]bool{}
	if len(standards) > 0 {
		codes := make([]string, 0, len(standards))
		for c := range standards {
			codes = append(codes, c)
		}
		var tech []string
		if err := tx.Raw("SELECT code FROM rm_competency WHERE type = ? AND code IN ?", string(domain.Technical), codes).Scan(&tech).Error; err != nil {
			return err
		}
		for _, c := range tech {
			technical[c] = true
		}
	}
	scoped := domain.ScopeStandards(standards, actual, func(code string) bool { return technical[code] })
	res := domain.ComputeJPM(scoped, actual, domain.DefaultJPMSettings())
	if err := tx.Table("rm_jpm").Create(map[string]any{"employee_id": id, "office_id": e.OfficeID, "unit_id": e.UnitID, "period": period,
		"jpm": res.JPM, "category": res.Category, "required": res.Required, "assessed": res.Assessed, "complete": res.Complete}).Error; err != nil {
		return err
	}
	rows := make([]map[string]any, 0, len(res.Lines))
	nowBelow := map[string]bool{}
	for _, l := range res.Lines {
		rows = append(rows, map[string]any{"employee_id": id, "code": l.Code, "office_id": e.OfficeID, "unit_id": e.UnitID,
			"standard": l.Standard, "actual": l.Actual, "gap": l.Gap, "assessed": l.Assessed})
		if l.Assessed {
			delta(e.OfficeID, e.UnitID, l.Code).add(1, l.Gap, l.Actual)
			if hundredths(l.Gap) < 0 {
				nowBelow[l.Code] = true
			}
		}
	}
	if err := flips(nowBelow); err != nil {
		return err
	}
	if len(rows) > 0 {
		if err := tx.Table("rm_gap").Create(rows).Error; err != nil {
			return err
		}
	}
	return applyAgg(tx, deltas)
}
