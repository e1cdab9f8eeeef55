package readmodel

import (
	"context"
	"encoding/json"
	"math"
	"sort"

	"gorm.io/gorm"

	"kembang/backend/domain"
)

// OfficeStat summarises one office's employees.
type OfficeStat struct {
	OfficeID   string
	Employees  int     // live employees
	Assessed   int     // with a JPM category (a standard and at least one level)
	AverageJPM float64 // over the assessed
	Optimal    int     // per mapping category
	Cukup      int
	Kurang     int
}

// OfficeStats returns the statistics of every office with employees.
func OfficeStats(ctx context.Context, db *gorm.DB) (map[string]OfficeStat, error) {
	return jpmStats(ctx, db, "")
}

// UnitStats returns the statistics of one office's units, keyed by unit
// id ("" for employees without a unit).
func UnitStats(ctx context.Context, db *gorm.DB, officeID string) (map[string]OfficeStat, error) {
	return jpmStats(ctx, db, officeID)
}

func jpmStats(ctx context.Context, db *gorm.DB, officeID string) (map[string]OfficeStat, error) {
	group, where, args := "office_id", "", []any{domain.CategoryOptimal, domain.CategoryCukupOptimal, domain.CategoryKurangOptimal}
	if officeID != "" {
		group, where, args = "unit_id", "WHERE office_id = ?", append(args, officeID)
	}
	var rows []OfficeStat
	err := db.WithContext(ctx).Raw(`SELECT `+group+` AS office_id, COUNT(*) AS employees,
		SUM(CASE WHEN category <> '' THEN 1 ELSE 0 END) AS assessed,
		COALESCE(AVG(CASE WHEN category <> '' THEN jpm END), 0) AS average_jpm,
		SUM(CASE WHEN category = ? THEN 1 ELSE 0 END) AS optimal,
		SUM(CASE WHEN category = ? THEN 1 ELSE 0 END) AS cukup,
		SUM(CASE WHEN category = ? THEN 1 ELSE 0 END) AS kurang
		FROM rm_jpm `+where+` GROUP BY `+group, args...).
		Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make(map[string]OfficeStat, len(rows))
	for _, r := range rows {
		out[r.OfficeID] = r
	}
	return out, nil
}

// Cell is one competency of one office (or unit) in the gap heatmap.
type Cell struct {
	Row       string  // office id, or unit id for one office's heatmap
	Code      string  // competency code
	People    int     // employees assessed on it
	Below     int     // of them below standard
	AvgGap    float64 // mean of actual − standard (negative: a need)
	AvgActual float64
}

// Heatmap returns the assessed competencies by office, or by unit of
// officeID when it is not empty (from rm_gap_agg).
func Heatmap(ctx context.Context, db *gorm.DB, officeID string) ([]Cell, error) {
	row := "office_id"
	q := db.WithContext(ctx).Table("rm_gap_agg")
	if officeID != "" {
		row = "unit_id"
		q = q.Where("office_id = ?", officeID)
	}
	var sums []struct {
		Row, Code           string
		People, Below       int
		SumGapH, SumActualH int64
	}
	err := q.Select(row + ` AS row, code, SUM(people) AS people, SUM(below) AS below, SUM(sum_gap_h) AS sum_gap_h,
		SUM(sum_actual_h) AS sum_actual_h`).Group(row + ", code").Having("SUM(people) > 0").Scan(&sums).Error
	if err != nil {
		return nil, err
	}
	cells := make([]Cell, len(sums))
	for i, s := range sums {
		n := float64(s.People)
		cells[i] = Cell{Row: s.Row, Code: s.Code, People: s.People, Below: s.Below,
			AvgGap: float64(s.SumGapH) / 100 / n, AvgActual: float64(s.SumActualH) / 100 / n}
	}
	return cells, nil
}

// Competency is a competency of the central dictionary.
type Competency struct {
	Code string
	Name string
	Type string
}

// Competencies lists the live central competencies by code.
func Competencies(ctx context.Context, db *gorm.DB) ([]Competency, error) {
	var out []Competency
	err := db.WithContext(ctx).Raw("SELECT code, name, type FROM rm_competency WHERE live ORDER BY code").Scan(&out).Error
	return out, err
}

// Units returns the names of units by id (one office's, or all when
// officeID is empty).
func Units(ctx context.Context, db *gorm.DB, officeID string) (map[string]string, error) {
	q := db.WithContext(ctx).Table("rm_unit").Select("id, name")
	if officeID != "" {
		q = q.Where("office_id = ?", officeID)
	}
	var rows []struct{ ID, Name string }
	if err := q.Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r.ID] = r.Name
	}
	return out, nil
}

// NeedLine is the training need of one competency across the agency.
type NeedLine struct {
	Code        string
	Below       int     // employees below standard (latest mapping)
	AvgGap      float64 // their mean gap
	Unplanned   int     // of them, with no plan line for it in the year
	PlanLines   int     // plan lines of the year addressing it (not cancelled)
	People      int     // distinct employees planned
	PlannedJP   float64 // JP of those lines
	PlannedCost int64   // rupiah
}

// MethodLine is the planned demand of one development method.
type MethodLine struct {
	Method      string
	PlanLines   int
	People      int
	PlannedJP   float64
	PlannedCost int64
}

// Needs is the agency's training-needs analysis for a year.
type Needs struct {
	Year          int
	ByCode        []NeedLine
	ByMethod      []MethodLine
	Plans         int // plans with at least one line in the year
	TotalJP       float64
	TotalCost     int64
	PlansByOffice map[string]int
}

// TrainingNeeds builds the analysis from every office's gaps and plans
// (rm_gap_agg and rm_plan_agg: sums, not lines).
func TrainingNeeds(ctx context.Context, db *gorm.DB, year int) (*Needs, error) {
	db = db.WithContext(ctx)
	n := &Needs{Year: year, PlansByOffice: map[string]int{}}
	byCode := map[string]*NeedLine{}
	line := func(code string) *NeedLine {
		l, ok := byCode[code]
		if !ok {
			l = &NeedLine{Code: code}
			byCode[code] = l
		}
		return l
	}
	var gaps []struct {
		Code      string
		Below     int
		BelowGapH int64
	}
	if err := db.Raw(`SELECT code, SUM(below) AS below, SUM(below_gap_h) AS below_gap_h FROM rm_gap_agg GROUP BY code HAVING SUM(below) > 0`).
		Scan(&gaps).Error; err != nil {
		return nil, err
	}
	for _, g := range gaps {
		l := line(g.Code)
		l.Below, l.AvgGap, l.Unplanned = g.Below, float64(g.BelowGapH)/100/float64(g.Below), g.Below
	}
	var aggs []struct {
		OfficeID, Kind, Key      string
		Plans, PlansBelow, Lines int
		JpH, Cost                int64
	}
	if err := db.Raw(`SELECT office_id, kind, key, plans, plans_below, lines, jp_h, cost FROM rm_plan_agg WHERE year = ? AND (plans <> 0 OR lines <> 0)`, year).
		Scan(&aggs).Error; err != nil {
		return nil, err
	}
	byMethod := map[string]*MethodLine{}
	for _, a := range aggs {
		jp := float64(a.JpH) / 100
		switch a.Kind {
		case "all":
			n.PlansByOffice[a.OfficeID] += a.Plans
			n.Plans += a.Plans
			n.TotalJP += jp
			n.TotalCost += a.Cost
		case "code":
			l := line(a.Key)
			l.PlanLines += a.Lines
			l.People += a.Plans
			l.PlannedJP += jp
			l.PlannedCost += a.Cost
			l.Unplanned -= a.PlansBelow
		case "method":
			m, ok := byMethod[a.Key]
			if !ok {
				m = &MethodLine{Method: a.Key}
				byMethod[a.Key] = m
			}
			m.PlanLines += a.Lines
			m.People += a.Plans
			m.PlannedJP += jp
			m.PlannedCost += a.Cost
		}
	}
	for _, l := range byCode {
		n.ByCode = append(n.ByCode, *l)
	}
	sort.Slice(n.ByCode, func(i, j int) bool {
		if n.ByCode[i].Below != n.ByCode[j].Below {
			return n.ByCode[i].Below > n.ByCode[j].Below
		}
		return n.ByCode[i].Code < n.ByCode[j].Code
	})
	for _, m := range byMethod {
		n.ByMethod = append(n.ByMethod, *m)
	}
	sort.Slice(n.ByMethod, func(i, j int) bool {
		if n.ByMethod[i].PlannedJP != n.ByMethod[j].PlannedJP {
			return n.ByMethod[i].PlannedJP > n.ByMethod[j].PlannedJP
		}
		return n.ByMethod[i].Method < n.ByMethod[j].Method
	})
	return n, nil
}

// JPStat is one office's JP compliance for a year.
type JPStat struct {
	OfficeID    string
	Employees   int
	WithRecords int     // employees with at least one record in the year
	Compliant   int     // employees with at least the target
	AverageJP   float64 // over all live employees
	TotalJP     float64
}

// JPCompliance returns, per office, how many live employees reached
// target JP in year from their training records (rm_jp_emp).
func JPCompliance(ctx context.Context, db *gorm.DB, year int, target float64) (map[string]JPStat, error) {
	db = db.WithContext(ctx)
	var emps []struct {
		OfficeID string
		N        int
	}
	if err := db.Raw("SELECT office_id, COUNT(*) AS n FROM rm_jpm GROUP BY office_id").Scan(&emps).Error; err != nil {
		return nil, err
	}
	var rows []struct {
		OfficeID    string
		WithRecords int
		Compliant   int
		TotalH      int64
	}
	if err := db.Raw(`SELECT office_id, SUM(CASE WHEN jp_h > 0 THEN 1 ELSE 0 END) AS with_records,
		SUM(CASE WHEN jp_h >= ? THEN 1 ELSE 0 END) AS compliant, SUM(jp_h) AS total_h
		FROM rm_jp_emp WHERE year = ? AND live GROUP BY office_id`, int64(math.Round(target*100)), year).Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[string]JPStat, len(emps))
	for _, e := range emps {
		out[e.OfficeID] = JPStat{OfficeID: e.OfficeID, Employees: e.N}
	}
	for _, r := range rows {
		st := out[r.OfficeID]
		st.OfficeID, st.WithRecords, st.Compliant, st.TotalJP = r.OfficeID, r.WithRecords, r.Compliant, float64(r.TotalH)/100
		if st.Employees > 0 {
			st.AverageJP = st.TotalJP / float64(st.Employees)
		}
		out[r.OfficeID] = st
	}
	return out, nil
}

// CertificateRecords reports how training records carry a certificate
// number: live ones and tombstoned ones.
func CertificateRecords(ctx context.Context, db *gorm.DB, number string) (live, deleted int, err error) {
	var r struct{ Live, Deleted int }
	err = db.WithContext(ctx).Raw(`SELECT SUM(CASE WHEN live THEN 1 ELSE 0 END) AS live, SUM(CASE WHEN live THEN 0 ELSE 1 END) AS deleted
		FROM rm_training_record WHERE certificate_no = ?`, number).Scan(&r).Error
	return r.Live, r.Deleted, err
}

// PositionCounts returns, per office, its live positions and how many of
// them have a standard (at least one required level).
func PositionCounts(ctx context.Context, db *gorm.DB) (map[string][2]int, error) {
	var rows []struct {
		OfficeID  string
		Positions int
		Standards int
	}
	err := db.WithContext(ctx).Raw(`SELECT office_id, COUNT(*) AS positions,
		SUM(CASE WHEN standards NOT IN ('{}', 'null', '') THEN 1 ELSE 0 END) AS standards
		FROM rm_position WHERE live GROUP BY office_id`).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make(map[string][2]int, len(rows))
	for _, r := range rows {
		out[r.OfficeID] = [2]int{r.Positions, r.Standards}
	}
	return out, nil
}

// PositionStandard is one office position and its standard.
type PositionStandard struct {
	ID        string
	Name      string
	Standards domain.Standards
	Employees int
}

// OfficePositions lists one office's live positions by name, with their
// standards and how many live employees hold each.
func OfficePositions(ctx context.Context, db *gorm.DB, officeID string) ([]PositionStandard, error) {
	var rows []struct {
		ID, Name, Standards string
		Employees           int
	}
	err := db.WithContext(ctx).Raw(`SELECT p.id, p.name, p.standards,
		(SELECT COUNT(*) FROM rm_employee e WHERE e.position_id = p.id AND e.live) AS employees
		FROM rm_position p WHERE p.office_id = ? AND p.live ORDER BY p.name`, officeID).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make([]PositionStandard, len(rows))
	for i, r := range rows {
		out[i] = PositionStandard{ID: r.ID, Name: r.Name, Employees: r.Employees}
		if err := json.Unmarshal([]byte(r.Standards), &out[i].Standards); err != nil {
			return nil, err
		}
	}
	return out, nil
}
