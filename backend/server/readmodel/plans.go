package readmodel

import (
	"math"
	"sort"
	"strings"

	"gorm.io/gorm"

	"kembang/backend/domain"
)

// Plans and training records: their lines are kept (rm_plan_line,
// rm_training_record) and summed into rm_plan_agg and rm_jp_emp by
// deltas, so the training-needs and JP pages read sums, not every line.

type planAggKey struct {
	year         int
	office, kind string
	key          string
}

type planAggDelta struct {
	plans, below, lines int64
	jpH, cost           int64
}

// planContribution is what one stored plan adds to rm_plan_agg; below
// says whether the employee is below standard on a competency now.
func planContribution(year int, office string, lines []planLineRow, below map[string]bool) map[planAggKey]*planAggDelta {
	out := map[planAggKey]*planAggDelta{}
	get := func(kind, key string) *planAggDelta {
		k := planAggKey{year, office, kind, key}
		d, ok := out[k]
		if !ok {
			d = &planAggDelta{}
			out[k] = d
		}
		return d
	}
	seenCode, seenMethod := map[string]bool{}, map[string]bool{}
	n := 0
	for _, l := range lines {
		if l.Status == string(domain.LineCancelled) {
			continue
		}
		n++
		jp := int64(math.Round(l.PlannedJP * 100))
		m := get("method", l.MethodCode)
		m.lines++
		m.jpH += jp
		m.cost += l.Cost
		if !seenMethod[l.MethodCode] {
			seenMethod[l.MethodCode] = true
			m.plans++
		}
		a := get("all", "")
		a.lines++
		a.jpH += jp
		a.cost += l.Cost
		if l.CompetencyCode == "" {
			continue
		}
		c := get("code", l.CompetencyCode)
		c.lines++
		c.jpH += jp
		c.cost += l.Cost
		if !seenCode[l.CompetencyCode] {
			seenCode[l.CompetencyCode] = true
			c.plans++
			if below[l.CompetencyCode] {
				c.below++
			}
		}
	}
	if n > 0 {
		get("all", "").plans++
	}
	return out
}

type planLineRow struct {
	PlanID, OfficeID, EmployeeID string
	Year                         int
	CompetencyCode, MethodCode   string
	PlannedJP                    float64
	Cost                         int64
	Status                       string
}

func belowCodes(tx *gorm.DB, employeeID string) (map[string]bool, error) {
	var codes []string
	if err := tx.Raw("SELECT code FROM rm_gap WHERE employee_id = ? AND assessed AND gap < 0", employeeID).Scan(&codes).Error; err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(codes))
	for _, c := range codes {
		out[c] = true
	}
	return out, nil
}

func addPlanAgg(tx *gorm.DB, sign int64, deltas map[planAggKey]*planAggDelta, into map[planAggKey]*planAggDelta) {
	for k, d := range deltas {
		t, ok := into[k]
		if !ok {
			t = &planAggDelta{}
			into[k] = t
		}
		t.plans += sign * d.plans
		t.below += sign * d.below
		t.lines += sign * d.lines
		t.jpH += sign * d.jpH
		t.cost += sign * d.cost
	}
}

func applyPlanAgg(tx *gorm.DB, deltas map[planAggKey]*planAggDelta) error {
	keys := make([]planAggKey, 0, len(deltas))
	for k, d := range deltas {
		if *d != (planAggDelta{}) {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.year != b.year {
			return a.year < b.year
		}
		return strings.Join([]string{a.kind, a.key, a.office}, "\x00") < strings.Join([]string{b.kind, b.key, b.office}, "\x00")
	})
	for _, k := range keys {
		d := deltas[k]
		if err := tx.Exec(`INSERT INTO rm_plan_agg (year, office_id, kind, key, plans, plans_below, lines, jp_h, cost) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (year, kind, key, office_id) DO UPDATE SET plans = rm_plan_agg.plans + excluded.plans,
			plans_below = rm_plan_agg.plans_below + excluded.plans_below, lines = rm_plan_agg.lines + excluded.lines,
			jp_h = rm_plan_agg.jp_h + excluded.jp_h, cost = rm_plan_agg.cost + excluded.cost`,
			k.year, k.office, k.kind, k.key, d.plans, d.below, d.lines, d.jpH, d.cost).Error; err != nil {
			return err
		}
	}
	return nil
}

// applyPlan replaces a plan's lines and moves its contribution.
func applyPlan(tx *gorm.DB, c Change, v *domain.DevelopmentPlan) error {
	var old []planLineRow
	if err := tx.Raw(`SELECT plan_id, office_id, employee_id, year, competency_code, method_code, planned_jp, cost, status
		FROM rm_plan_line WHERE plan_id = ? ORDER BY line_no`, c.EntityID).Scan(&old).Error; err != nil {
		return err
	}
	deltas := map[planAggKey]*planAggDelta{}
	if len(old) > 0 {
		below, err := belowCodes(tx, old[0].EmployeeID)
		if err != nil {
			return err
		}
		addPlanAgg(tx, -1, planContribution(old[0].Year, old[0].OfficeID, old, below), deltas)
	}
	if err := tx.Exec("DELETE FROM rm_plan_line WHERE plan_id = ?", c.EntityID).Error; err != nil {
		return err
	}
	if !c.Deleted && len(v.Lines) > 0 {
		state := string(v.State)
		if state == "" {
			state = string(domain.PlanDraft)
		}
		lines := make([]planLineRow, 0, len(v.Lines))
		rows := make([]map[string]any, 0, len(v.Lines))
		for i, l := range v.Lines {
			status := string(l.Status)
			if status == "" {
				status = string(domain.LinePlanned)
			}
			lines = append(lines, planLineRow{PlanID: c.EntityID, OfficeID: c.OfficeID, EmployeeID: v.EmployeeID, Year: v.Year,
				CompetencyCode: l.CompetencyCode, MethodCode: l.MethodCode, PlannedJP: l.PlannedJP, Cost: l.Cost, Status: status})
			rows = append(rows, map[string]any{"plan_id": c.EntityID, "line_no": i, "office_id": c.OfficeID, "employee_id": v.EmployeeID,
				"year": v.Year, "plan_state": state, "competency_code": l.CompetencyCode, "method_code": l.MethodCode,
				"planned_jp": l.PlannedJP, "cost": l.Cost, "status": status})
		}
		if err := tx.Table("rm_plan_line").Create(rows).Error; err != nil {
			return err
		}
		below, err := belowCodes(tx, v.EmployeeID)
		if err != nil {
			return err
		}
		addPlanAgg(tx, 1, planContribution(v.Year, c.OfficeID, lines, below), deltas)
	}
	return applyPlanAgg(tx, deltas)
}

// belowChanged moves plans_below when an employee's below-standard
// competencies change (became: true = now below).
func belowChanged(tx *gorm.DB, employeeID string, became map[string]bool) error {
	if len(became) == 0 {
		return nil
	}
	codes := make([]string, 0, len(became))
	for c := range became {
		codes = append(codes, c)
	}
	var covers []struct {
		Year           int
		OfficeID       string
		CompetencyCode string
	}
	if err := tx.Raw(`SELECT DISTINCT year, office_id, competency_code FROM rm_plan_line
		WHERE employee_id = ? AND competency_code IN ? AND status <> ?`, employeeID, codes, string(domain.LineCancelled)).Scan(&covers).Error; err != nil {
		return err
	}
	deltas := map[planAggKey]*planAggDelta{}
	for _, cv := range covers {
		d := &planAggDelta{below: -1}
		if became[cv.CompetencyCode] {
			d.below = 1
		}
		deltas[planAggKey{cv.Year, cv.OfficeID, "code", cv.CompetencyCode}] = d
	}
	return applyPlanAgg(tx, deltas)
}

// applyTrainingRecord replaces a record and moves its JP in rm_jp_emp.
func applyTrainingRecord(tx *gorm.DB, c Change, v *domain.TrainingRecord) error {
	var old []struct {
		EmployeeID string
		Year       int
		JP         float64
		Live       bool
	}
	if err := tx.Raw("SELECT employee_id, year, jp, live FROM rm_training_record WHERE id = ?", c.EntityID).Scan(&old).Error; err != nil {
		return err
	}
	for _, o := range old {
		if o.Live {
			if err := addJP(tx, o.EmployeeID, o.Year, c.OfficeID, -hundredths(o.JP)); err != nil {
				return err
			}
		}
	}
	if err := tx.Exec("DELETE FROM rm_training_record WHERE id = ?", c.EntityID).Error; err != nil {
		return err
	}
	live := !c.Deleted
	if err := tx.Table("rm_training_record").Create(map[string]any{"id": c.EntityID, "office_id": c.OfficeID,
		"employee_id": v.EmployeeID, "year": v.Year, "jp": v.JP, "certificate_no": strings.TrimSpace(v.CertificateNo), "live": live}).Error; err != nil {
		return err
	}
	if live {
		return addJP(tx, v.EmployeeID, v.Year, c.OfficeID, hundredths(v.JP))
	}
	return nil
}

func addJP(tx *gorm.DB, employeeID string, year int, office string, jpH int64) error {
	if jpH == 0 {
		return nil
	}
	var live []bool
	if err := tx.Raw("SELECT live FROM rm_employee WHERE id = ?", employeeID).Scan(&live).Error; err != nil {
		return err
	}
	empLive := len(live) == 1 && live[0]
	return tx.Exec(`INSERT INTO rm_jp_emp (employee_id, year, office_id, live, jp_h) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (employee_id, year) DO UPDATE SET jp_h = rm_jp_emp.jp_h + excluded.jp_h`, employeeID, year, office, empLive, jpH).Error
}
