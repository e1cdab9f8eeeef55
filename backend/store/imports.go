package store

import (
	"context"
	"encoding/json"
	"strings"

	"gorm.io/gorm"

	"kembang/backend/domain"
)

// progressEvery is how often (in rows) imports report progress.
const progressEvery = 500

// nipChunk bounds the NIPs per IN (...) query.
const nipChunk = 1000

func report(progress domain.Progress, done, total int) {
	if progress != nil && (done%progressEvery == 0 || done == total) {
		progress(done, total)
	}
}

func rowInvalid(op string, row int, fe domain.FieldErrors) error {
	return domain.E(domain.CodeImportRowInvalid, op, fe, "row", row, "fields", []domain.FieldError(fe))
}

// withRow adds the spreadsheet row to a domain error raised for that row.
func withRow(err error, row int) error {
	if de, ok := err.(*domain.Error); ok {
		if de.Details == nil {
			de.Details = map[string]any{}
		}
		de.Details["row"] = row
	}
	return err
}

// namedRefs resolves units or positions by name, case-insensitively.
type namedRefs[T any] struct {
	byName map[string]*T
	byID   map[string]*T
}

func loadRefs[T any, PT interface {
	*T
	domain.Syncable
}](tx *gorm.DB, op string, name func(*T) string) (namedRefs[T], error) {
	var rows []T
	if err := tx.Order("name, id").Find(&rows).Error; err != nil {
		return namedRefs[T]{}, dbErr(op, err)
	}
	r := namedRefs[T]{byName: map[string]*T{}, byID: map[string]*T{}}
	for i := range rows {
		p := &rows[i]
		r.byID[PT(p).Meta().ID] = p
		key := strings.ToLower(name(p))
		if _, dup := r.byName[key]; !dup && !PT(p).Meta().Deleted {
			r.byName[key] = p
		}
	}
	return r, nil
}

func (r namedRefs[T]) add(p *T, id, name string) {
	r.byID[id] = p
	r.byName[strings.ToLower(name)] = p
}

// importRefs resolves the unit and position names of import rows, creating
// the ones that do not exist yet.
type importRefs struct {
	s         *Store
	tx        *gorm.DB
	op        string
	units     namedRefs[domain.Unit]
	positions namedRefs[domain.Position]
	officeID  string
	res       *domain.ImportResult
}

func (s *Store) loadImportRefs(tx *gorm.DB, op string, res *domain.ImportResult) (*importRefs, error) {
	units, err := loadRefs[domain.Unit](tx, op, func(u *domain.Unit) string { return u.Name })
	if err != nil {
		return nil, err
	}
	positions, err := loadRefs[domain.Position](tx, op, func(p *domain.Position) string { return p.Name })
	if err != nil {
		return nil, err
	}
	return &importRefs{s: s, tx: tx, op: op, units: units, positions: positions, res: res}, nil
}

// unit returns the id of the live unit named name, creating a top-level
// unit in the local office when there is none. Blank names give nil.
func (r *importRefs) unit(name string) (*string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, nil
	}
	if u, ok := r.units.byName[strings.ToLower(name)]; ok {
		return &u.ID, nil
	}
	if r.officeID == "" {
		lo, err := localOffice(r.tx, r.op)
		if err != nil {
			return nil, err
		}
		if lo == nil {
			return nil, domain.FieldErrors{{Field: "officeId", Code: domain.CodeRequired}}.AsError(r.op)
		}
		r.officeID = lo.ID
	}
	u := &domain.Unit{OfficeID: r.officeID, Name: name}
	if err := r.s.write(r.tx, r.op, nil, u, actionImport); err != nil {
		return nil, err
	}
	r.units.add(u, u.ID, u.Name)
	r.res.UnitsCreated = append(r.res.UnitsCreated, name)
	return &u.ID, nil
}

// position returns the id of the live position named name, creating a
// pelaksana position that needs review when there is none.
func (r *importRefs) position(name string) (*string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, nil
	}
	if p, ok := r.positions.byName[strings.ToLower(name)]; ok {
		return &p.ID, nil
	}
	p := &domain.Position{Name: name, Type: domain.Pelaksana, NeedsReview: true, Standards: domain.Standards{}}
	if r.s.DefaultStandards != nil {
		if st := r.s.DefaultStandards(p.Type, p.Jenjang); st != nil {
			p.Standards = st
		}
	}
	if err := r.s.write(r.tx, r.op, nil, p, actionImport); err != nil {
		return nil, err
	}
	r.positions.add(p, p.ID, p.Name)
	r.res.PositionsCreated = append(r.res.PositionsCreated, name)
	return &p.ID, nil
}

func (r *importRefs) unitName(id *string) string {
	if id != nil {
		if u, ok := r.units.byID[*id]; ok {
			return u.Name
		}
	}
	return ""
}

func (r *importRefs) positionName(id *string) string {
	if id != nil {
		if p, ok := r.positions.byID[*id]; ok {
			return p.Name
		}
	}
	return ""
}

func newImportResult() domain.ImportResult {
	return domain.ImportResult{UnitsCreated: []string{}, PositionsCreated: []string{}}
}

// ApplyEmployeeImport writes validated spreadsheet rows in one transaction:
// all rows or none. Units and positions are matched by name
// case-insensitively; missing units are created at the top of the local
// office, missing positions as pelaksana positions that need review, with
// s.DefaultStandards. Employees are matched by NIP (a deleted employee is
// revived). Blank cells keep the stored value. A row equal to the stored
// employee counts as Unchanged and writes nothing, so importing the same
// file twice changes nothing the second time.
func (s *Store) ApplyEmployeeImport(ctx context.Context, rows []domain.ImportEmployee, progress domain.Progress) (domain.ImportResult, error) {
	const op = "import.employees"
	res := newImportResult()
	emps := make([]domain.Employee, len(rows))
	rowOfNIP := make(map[string]int, len(rows))
	nips := make([]string, 0, len(rows))
	for i, r := range rows {
		e := r.Employee
		e.SyncMeta = domain.SyncMeta{}
		trimEmployee(&e)
		if fe := domain.ValidateEmployee(&e); len(fe) > 0 {
			return res, rowInvalid(op, r.Row, fe)
		}
		if other, dup := rowOfNIP[e.NIP]; dup {
			return res, domain.E(domain.CodeNIPDuplicate, op, nil, "row", r.Row, "otherRow", other, "nip", e.NIP)
		}
		rowOfNIP[e.NIP] = r.Row
		nips = append(nips, e.NIP)
		emps[i] = e
	}

	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		refs, err := s.loadImportRefs(tx, op, &res)
		if err != nil {
			return err
		}
		existing, err := employeesByNIP(tx, op, nips)
		if err != nil {
			return err
		}
		created := make([]any, 0, len(rows)*len(employeesTable.cols))
		changes := make([]change, 0, len(rows))
		for i, r := range rows {
			e := emps[i]
			unitID, err := refs.unit(r.UnitName)
			if err != nil {
				return withRow(err, r.Row)
			}
			positionID, err := refs.position(r.PositionName)
			if err != nil {
				return withRow(err, r.Row)
			}
			prev := existing[e.NIP]
			var next employeeRecord
			if prev == nil {
				next.Employee = e
				next.UnitID, next.PositionID = unitID, positionID
			} else {
				next = *prev
				mergeImported(&next.Employee, &e, unitID, positionID)
			}
			next.SearchText = searchText(&next.Employee, refs.unitName(next.UnitID), refs.positionName(next.PositionID))
			ch, changed, err := s.stamp(prev, &next, actionImport)
			if err != nil {
				return domain.E(domain.CodeInternal, op, err)
			}
			switch {
			case !changed:
				res.Unchanged++
			case prev == nil:
				created = employeeValues(created, &next)
				changes = append(changes, ch)
				res.Created++
			default:
				upd := tx.Model(&next).Where("version = ?", prev.Version).Select("*").Updates(&next)
				if upd.Error != nil {
					return withRow(dbErr(op, upd.Error), r.Row)
				}
				if upd.RowsAffected != 1 {
					return withRow(versionConflict(op, &next, prev.Version, -1), r.Row)
				}
				changes = append(changes, ch)
				res.Updated++
			}
			report(progress, i+1, len(rows))
		}
		if err := insertRows(tx, employeesTable, created); err != nil {
			return dbErr(op, err)
		}
		return s.appendChanges(tx, op, changes)
	})
	if err != nil {
		return newImportResult(), err
	}
	return res, nil
}

// mergeImported copies the non-blank imported fields over the stored
// employee and revives it.
func mergeImported(dst, src *domain.Employee, unitID, positionID *string) {
	for _, f := range []struct{ dst, src *string }{
		{&dst.Name, &src.Name}, {&dst.GelarDepan, &src.GelarDepan}, {&dst.GelarBelakang, &src.GelarBelakang},
		{&dst.Golongan, &src.Golongan}, {&dst.BirthDate, &src.BirthDate}, {&dst.Email, &src.Email},
		{&dst.Phone, &src.Phone},
	} {
		if *f.src != "" {
			*f.dst = *f.src
		}
	}
	if src.Gender != "" {
		dst.Gender = src.Gender
	}
	if unitID != nil {
		dst.UnitID = unitID
	}
	if positionID != nil {
		dst.PositionID = positionID
	}
	dst.Deleted = false
}

// employeesByNIP loads the employees holding nips, preferring the live row
// and otherwise the most recently changed tombstone.
func employeesByNIP(tx *gorm.DB, op string, nips []string) (map[string]*employeeRecord, error) {
	out := make(map[string]*employeeRecord, len(nips))
	chunk := nipChunk
	if tx.Dialector.Name() != DriverPostgres {
		// One statement with the NIPs as one JSON array: the SQLite driver
		// binds a long IN (?, ?, …) list in quadratic time.
		chunk = len(nips)
	}
	for start := 0; start < len(nips); start += chunk {
		part := nips[start:min(start+chunk, len(nips))]
		var q *gorm.DB
		if tx.Dialector.Name() == DriverPostgres {
			q = tx.Where("nip IN ?", part)
		} else {
			list, err := json.Marshal(part)
			if err != nil {
				return nil, domain.E(domain.CodeInternal, op, err)
			}
			q = tx.Where("nip IN (SELECT value FROM json_each(?))", string(list))
		}
		var rows []employeeRecord
		if err := q.Order("updated_at, id").Find(&rows).Error; err != nil {
			return nil, dbErr(op, err)
		}
		for i := range rows {
			r := &rows[i]
			if cur, ok := out[r.NIP]; ok && !cur.Deleted {
				continue // a live row always wins
			}
			out[r.NIP] = r
		}
	}
	return out, nil
}

// ApplyPositionImport upserts positions in one transaction: by code when
// the row has one (falling back to a same-named position without a code,
// such as one an employee import created), else by name, case-insensitively.
func (s *Store) ApplyPositionImport(ctx context.Context, rows []domain.ImportPosition, progress domain.Progress) (domain.ImportResult, error) {
	const op = "import.positions"
	res := newImportResult()
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		refs, err := s.loadImportRefs(tx, op, &res)
		if err != nil {
			return err
		}
		byCode := map[string]*domain.Position{}
		for _, p := range refs.positions.byID {
			if !p.Deleted && p.Code != "" {
				byCode[strings.ToLower(p.Code)] = p
			}
		}
		for i, r := range rows {
			p := r.Position
			p.SyncMeta = domain.SyncMeta{}
			normalisePosition(&p)
			if fe := domain.ValidatePosition(&p); len(fe) > 0 {
				return rowInvalid(op, r.Row, fe)
			}
			unitID, err := refs.unit(r.UnitName)
			if err != nil {
				return withRow(err, r.Row)
			}
			var prev *domain.Position
			if p.Code != "" {
				prev = byCode[strings.ToLower(p.Code)]
			}
			if byName := refs.positions.byName[strings.ToLower(p.Name)]; prev == nil && byName != nil && (p.Code == "" || byName.Code == "") {
				prev = byName
			}
			next := p
			if prev != nil {
				next = *prev
				next.Code, next.Name, next.Type, next.Jenjang = p.Code, p.Name, p.Type, p.Jenjang
				next.Standards, next.NeedsReview = p.Standards, p.NeedsReview
				if next.Code == "" {
					next.Code = prev.Code
				}
			}
			if unitID != nil {
				next.UnitID = unitID
			}
			if err := checkPositionRefs(tx, op, &next); err != nil {
				return withRow(err, r.Row)
			}
			before := next.Version
			if err := s.writePosition(tx, op, prev, &next, actionImport); err != nil {
				return withRow(err, r.Row)
			}
			switch {
			case prev == nil:
				res.Created++
			case next.Version == before:
				res.Unchanged++
			default:
				res.Updated++
			}
			stored := next
			refs.positions.add(&stored, stored.ID, stored.Name)
			if stored.Code != "" {
				byCode[strings.ToLower(stored.Code)] = &stored
			}
			report(progress, i+1, len(rows))
		}
		return nil
	})
	if err != nil {
		return newImportResult(), err
	}
	return res, nil
}

// ApplyCompetencyImport upserts technical competencies by code in one
// transaction. A row naming a built-in code fails with competency.builtin.
func (s *Store) ApplyCompetencyImport(ctx context.Context, rows []domain.ImportCompetency, progress domain.Progress) (domain.ImportResult, error) {
	const op = "import.competencies"
	res := newImportResult()
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		for i, r := range rows {
			c := r.Competency
			c.SyncMeta = domain.SyncMeta{}
			normaliseCompetency(&c)
			if c.BuiltIn || c.Type != domain.Technical {
				return domain.E(domain.CodeCompetencyBuiltin, op, nil, "row", r.Row, "code", c.Code)
			}
			if fe := domain.ValidateCompetency(&c); len(fe) > 0 {
				return rowInvalid(op, r.Row, fe)
			}
			prev, err := competencyByCode(tx, op, c.Code)
			if err != nil {
				return err
			}
			if prev != nil && prev.BuiltIn {
				return domain.E(domain.CodeCompetencyBuiltin, op, nil, "row", r.Row, "code", c.Code)
			}
			next := c
			if prev != nil {
				next = *prev
				next.Code, next.Name, next.Definition, next.Levels = c.Code, c.Name, c.Definition, c.Levels
				next.Deleted = false
			}
			before := next.Version
			if err := s.write(tx, op, prev, &next, actionImport); err != nil {
				return withRow(err, r.Row)
			}
			switch {
			case prev == nil:
				res.Created++
			case next.Version == before:
				res.Unchanged++
			default:
				res.Updated++
			}
			report(progress, i+1, len(rows))
		}
		return nil
	})
	if err != nil {
		return newImportResult(), err
	}
	return res, nil
}
