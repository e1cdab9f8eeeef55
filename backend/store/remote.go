package store

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"kembang/backend/domain"
)

// Rows received from the central server (backend/sync) are applied here.
// They are the server's truth, not local edits: they are written whole, as
// the server sent them, without a version bump, an outbox row or an audit
// row. This is the one write path besides s.write, and it exists only for
// the sync client.

// RemoteTx is one local transaction of the sync client. Everything done
// through it (rows, the client's own tables through DB) commits together.
type RemoteTx struct {
	s  *Store
	tx *gorm.DB
}

// Remote runs fn in one local transaction.
func (s *Store) Remote(ctx context.Context, fn func(r *RemoteTx) error) error {
	return s.inTx(ctx, "sync.remote", func(tx *gorm.DB) error { return fn(&RemoteTx{s: s, tx: tx}) })
}

// DB is the transaction, for the sync client's own tables.
func (r *RemoteTx) DB() *gorm.DB { return r.tx }

// remoteRow returns a new, empty row for entity, and whether it is known.
func remoteRow(entity string) (domain.Syncable, bool) {
	switch entity {
	case "office":
		return &domain.Office{}, true
	case "unit":
		return &domain.Unit{}, true
	case "competency":
		return &domain.Competency{}, true
	case "framework_version":
		return &domain.FrameworkVersion{}, true
	case "position":
		return &domain.Position{}, true
	case "employee":
		return &employeeRecord{}, true
	case "assessment":
		return &domain.Assessment{}, true
	case "development_plan":
		return &domain.DevelopmentPlan{}, true
	case "training_event":
		return &domain.TrainingEvent{}, true
	case "training_participant":
		return &domain.Participant{}, true
	case "training_attendance":
		return &domain.Attendance{}, true
	case "training_record":
		return &domain.TrainingRecord{}, true
	case "learning_activity":
		return &domain.LearningActivity{}, true
	case "evaluation":
		return &domain.Evaluation{}, true
	case "award":
		return &domain.Award{}, true
	case "certificate_counter":
		return &domain.CertificateCounter{}, true
	}
	return nil, false
}

// RemoteEntityKnown reports whether Apply can store rows of entity.
func RemoteEntityKnown(entity string) bool {
	_, ok := remoteRow(entity)
	return ok
}

// HasPending reports whether the outbox still holds a mutation of the row.
func (r *RemoteTx) HasPending(entity, id string) (bool, error) {
	var n int64
	err := r.tx.Model(&domain.OutboxEntry{}).Where("entity = ? AND entity_id = ?", entity, id).Count(&n).Error
	return n > 0, dbErr("sync.remote", err)
}

// remoteChunk bounds the ids of one IN (…) list, well under SQLite's
// limit of bound parameters.
const remoteChunk = 1000

// PendingRows returns which of ids (rows of entity) still have a mutation
// in the outbox: HasPending for a whole pulled page, one indexed query per
// thousand ids.
func (r *RemoteTx) PendingRows(entity string, ids []string) (map[string]bool, error) {
	out := map[string]bool{}
	for start := 0; start < len(ids); start += remoteChunk {
		var found []string
		err := r.tx.Model(&domain.OutboxEntry{}).Distinct("entity_id").
			Where("entity = ? AND entity_id IN ?", entity, ids[start:min(start+remoteChunk, len(ids))]).Pluck("entity_id", &found).Error
		if err != nil {
			return nil, dbErr("sync.remote", err)
		}
		for _, id := range found {
			out[id] = true
		}
	}
	return out, nil
}

// DeleteOutbox removes acknowledged mutations.
func (r *RemoteTx) DeleteOutbox(mutationIDs []string) error {
	if len(mutationIDs) == 0 {
		return nil
	}
	return dbErr("sync.remote", r.tx.Where("mutation_id IN ?", mutationIDs).Delete(&domain.OutboxEntry{}).Error)
}

// DecodeRemote decodes payload, the server's JSON of one row of entity,
// into the row Apply and ApplyBatch store. known is false (and the row
// nil) for an entity this version does not store.
func DecodeRemote(entity string, payload []byte) (row domain.Syncable, known bool, err error) {
	const op = "sync.apply"
	row, ok := remoteRow(entity)
	if !ok {
		return nil, false, nil
	}
	if err := json.Unmarshal(payload, row); err != nil {
		return nil, true, domain.E(domain.CodeInvalid, op, err, "entity", entity)
	}
	if row.Meta().ID == "" {
		return nil, true, domain.E(domain.CodeInvalid, op, nil, "entity", entity, "field", "id")
	}
	return row, true, nil
}

// Apply stores payload (the server's JSON of one row of entity) as it is;
// see ApplyBatch.
func (r *RemoteTx) Apply(entity string, payload []byte) error {
	row, known, err := DecodeRemote(entity, payload)
	if err != nil {
		return err
	}
	if !known {
		return domain.E(domain.CodeInvalid, "sync.apply", nil, "entity", entity)
	}
	return r.ApplyBatch(entity, []domain.Syncable{row})
}

// remoteUpsertParams bounds the bound parameters of one multi-row insert
// or upsert on SQLite (see sqliteBulkParams: the pure-Go driver's binding
// cost grows with the square of a statement's parameters; measured with
// BenchmarkApplySnapshot22k in backend/sync).
const remoteUpsertParams = 256

// ApplyBatch stores rows of entity (made by DecodeRemote, distinct ids) as
// the server sent them, with one multi-row upsert per few dozen rows
// instead of a statement per row. Local rows that stand in the way of the
// server's unique keys give way: a framework version or competency made
// locally with the number or code of the server's (seeded placeholders) is
// replaced, and a local live employee holding the NIP of one of the
// server's live rows is tombstoned first, and a local participant holding
// the certificate number of one of the server's participants loses it
// (their own mutations will be
// rejected by the server and shown as a sync issue; a row of the batch
// tombstoned this way is then overwritten by its server state, so NIPs
// that move between employees within a batch never collide).
func (r *RemoteTx) ApplyBatch(entity string, rows []domain.Syncable) error {
	const op = "sync.apply"
	if len(rows) == 0 {
		return nil
	}
	proto, ok := remoteRow(entity)
	if !ok {
		return domain.E(domain.CodeInvalid, op, nil, "entity", entity)
	}
	// One typed slice ([]*T) per chunk, so GORM writes multi-row upserts.
	typ := reflect.TypeOf(proto)
	ids := make([]string, len(rows))
	for i, row := range rows {
		if reflect.TypeOf(row) != typ {
			return domain.E(domain.CodeInvalid, op, nil, "entity", entity, "row", row.EntityName())
		}
		if ids[i] = row.Meta().ID; ids[i] == "" {
			return domain.E(domain.CodeInvalid, op, nil, "entity", entity, "field", "id")
		}
	}
	tx := r.tx
	switch entity {
	case "framework_version":
		for _, row := range rows {
			v := row.(*domain.FrameworkVersion)
			if err := tx.Where("number = ? AND id <> ?", v.Number, v.ID).Delete(&domain.FrameworkVersion{}).Error; err != nil {
				return dbErr(op, err)
			}
		}
	case "competency":
		for _, row := range rows {
			v := row.(*domain.Competency)
			if err := tx.Where("code = ? AND id <> ?", v.Code, v.ID).Delete(&domain.Competency{}).Error; err != nil {
				return dbErr(op, err)
			}
		}
	case "employee":
		if err := prepareRemoteEmployees(tx, op, rows); err != nil {
			return err
		}
	case "training_participant":
		for _, row := range rows {
			v := row.(*domain.Participant)
			if v.CertificateNo == "" {
				continue
			}
			if err := tx.Model(&domain.Participant{}).Where("certificate_no = ? AND id <> ?", v.CertificateNo, v.ID).
				Update("certificate_no", "").Error; err != nil {
				return dbErr(op, err)
			}
		}
	}
	stmt := &gorm.Statement{DB: tx}
	if err := stmt.Parse(proto); err != nil {
		return domain.E(domain.CodeInternal, op, err, "entity", entity)
	}
	// Rows the laptop does not have yet (all of them in a first sync) are
	// inserted without an ON CONFLICT clause; the others are upserted.
	exists := map[string]bool{}
	for start := 0; start < len(ids); start += remoteChunk {
		var found []string
		if err := tx.Table(stmt.Schema.Table).Where("id IN ?", ids[start:min(start+remoteChunk, len(ids))]).Pluck("id", &found).Error; err != nil {
			return dbErr(op, err)
		}
		for _, id := range found {
			exists[id] = true
		}
	}
	var fresh, known []domain.Syncable
	for i, row := range rows {
		if exists[ids[i]] {
			known = append(known, row)
		} else {
			fresh = append(fresh, row)
		}
	}
	postgres := tx.Dialector.Name() == DriverPostgres
	per := max(1, remoteUpsertParams/max(1, len(stmt.Schema.DBNames)))
	if postgres {
		per = max(1, postgresBulkParams/max(1, len(stmt.Schema.DBNames)))
	}
	write := func(rows []domain.Syncable, upsert bool) error {
		for start := 0; start < len(rows); start += per {
			chunk := rows[start:min(start+per, len(rows))]
			slice := reflect.MakeSlice(reflect.SliceOf(typ), len(chunk), len(chunk))
			for i, row := range chunk {
				slice.Index(i).Set(reflect.ValueOf(row))
			}
			q := tx
			switch {
			case upsert:
				q = q.Clauses(clause.OnConflict{UpdateAll: true})
			case !postgres:
				// As in insertRows: no statement journal for a multi-row
				// INSERT; any error rolls the whole page back anyway.
				q = q.Clauses(clause.Insert{Modifier: "OR FAIL"})
			}
			if err := q.Create(slice.Interface()).Error; err != nil {
				return dbErr(op, err)
			}
		}
		return nil
	}
	if err := write(known, true); err != nil {
		return err
	}
	if err := write(fresh, false); err != nil {
		return err
	}
	switch entity {
	case "unit":
		return refreshSearchTextIn(tx, op, "e.unit_id", ids)
	case "position":
		return refreshSearchTextIn(tx, op, "e.position_id", ids)
	}
	return nil
}

// prepareRemoteEmployees tombstones local live employees holding the NIPs
// of the batch's live rows and sets each row's search text, with one query
// for the NIPs and one each for the unit and position names.
func prepareRemoteEmployees(tx *gorm.DB, op string, rows []domain.Syncable) error {
	var nips []string
	unitIDs, positionIDs := map[string]bool{}, map[string]bool{}
	for _, row := range rows {
		v, ok := row.(*employeeRecord)
		if !ok {
			return domain.E(domain.CodeInvalid, op, nil, "entity", "employee")
		}
		if !v.Deleted {
			nips = append(nips, v.NIP)
		}
		if v.UnitID != nil {
			unitIDs[*v.UnitID] = true
		}
		if v.PositionID != nil {
			positionIDs[*v.PositionID] = true
		}
	}
	for start := 0; start < len(nips); start += remoteChunk {
		if err := tx.Model(&employeeRecord{}).Where("nip IN ? AND NOT deleted", nips[start:min(start+remoteChunk, len(nips))]).
			Update("deleted", true).Error; err != nil {
			return dbErr(op, err)
		}
	}
	unitNames, err := namesByID(tx, "units", unitIDs)
	if err != nil {
		return dbErr(op, err)
	}
	positionNames, err := namesByID(tx, "positions", positionIDs)
	if err != nil {
		return dbErr(op, err)
	}
	for _, row := range rows {
		v := row.(*employeeRecord)
		var un, pn string
		if v.UnitID != nil {
			un = unitNames[*v.UnitID]
		}
		if v.PositionID != nil {
			pn = positionNames[*v.PositionID]
		}
		v.SearchText = searchText(&v.Employee, un, pn)
	}
	return nil
}

// namesByID reads the name of each id of table.
func namesByID(tx *gorm.DB, table string, ids map[string]bool) (map[string]string, error) {
	out := map[string]string{}
	list := make([]string, 0, len(ids))
	for id := range ids {
		list = append(list, id)
	}
	for start := 0; start < len(list); start += remoteChunk {
		var rows []struct{ ID, Name string }
		if err := tx.Table(table).Select("id, name").Where("id IN ?", list[start:min(start+remoteChunk, len(list))]).Scan(&rows).Error; err != nil {
			return nil, err
		}
		for _, r := range rows {
			out[r.ID] = r.Name
		}
	}
	return out, nil
}

// refreshSearchTextIn is refreshSearchText for the employees whose column
// (e.unit_id or e.position_id) is one of ids.
func refreshSearchTextIn(tx *gorm.DB, op, column string, ids []string) error {
	for start := 0; start < len(ids); start += remoteChunk {
		if err := refreshSearchText(tx, op, column+" IN ?", ids[start:min(start+remoteChunk, len(ids))]); err != nil {
			return err
		}
	}
	return nil
}

// Remove deletes a row the server never accepted (its creation was
// rejected). The rejected payload stays in the client's sync issues.
func (r *RemoteTx) Remove(entity, id string) error {
	row, ok := remoteRow(entity)
	if !ok {
		return nil
	}
	return dbErr("sync.remove", r.tx.Where("id = ?", id).Delete(row).Error)
}

// centralEntities are owned by the central server; a laptop's own copies
// are placeholders that are never pushed once it is enrolled.
var centralEntities = []string{"office", "competency", "framework_version"}

// AdoptOffice makes the server's office this installation's office, at
// enrolment: the server's row replaces the locally made one, local units
// and training events move to it (their pending outbox payloads too), and pending mutations of
// central entities (the seeded office and framework version, local
// competencies) leave the outbox, since the server would refuse them.
func (s *Store) AdoptOffice(ctx context.Context, o domain.Office) error {
	return s.inTx(ctx, "sync.adopt_office", func(tx *gorm.DB) error { return adoptOffice(tx, o) })
}

// AdoptOffice is Store.AdoptOffice inside the client's transaction (a
// return bundle that enrols the laptop applies it with everything else).
func (r *RemoteTx) AdoptOffice(o domain.Office) error { return adoptOffice(r.tx, o) }

func adoptOffice(tx *gorm.DB, o domain.Office) error {
	const op = "sync.adopt_office"
	{
		old, _, err := getSetting(tx, op, settingLocalOffice)
		if err != nil {
			return err
		}
		if err := tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&o).Error; err != nil {
			return dbErr(op, err)
		}
		if old != "" && old != o.ID {
			if err := tx.Model(&domain.Unit{}).Where("office_id = ?", old).Update("office_id", o.ID).Error; err != nil {
				return dbErr(op, err)
			}
			if err := tx.Model(&domain.TrainingEvent{}).Where("office_id = ?", old).Update("office_id", o.ID).Error; err != nil {
				return dbErr(op, err)
			}
			var pending []domain.OutboxEntry
			if err := tx.Where("entity IN ?", []string{"unit", "training_event"}).Find(&pending).Error; err != nil {
				return dbErr(op, err)
			}
			for _, p := range pending {
				var u map[string]json.RawMessage
				if err := json.Unmarshal([]byte(p.Payload), &u); err != nil {
					return domain.E(domain.CodeInternal, op, err)
				}
				if string(u["officeId"]) != `"`+old+`"` {
					continue
				}
				u["officeId"], _ = json.Marshal(o.ID)
				b, err := json.Marshal(u)
				if err != nil {
					return domain.E(domain.CodeInternal, op, err)
				}
				if err := tx.Model(&domain.OutboxEntry{}).Where("mutation_id = ?", p.MutationID).
					Update("payload", string(b)).Error; err != nil {
					return dbErr(op, err)
				}
			}
			if err := tx.Where("id = ?", old).Delete(&domain.Office{}).Error; err != nil {
				return dbErr(op, err)
			}
		}
		if err := tx.Where("entity IN ?", centralEntities).Delete(&domain.OutboxEntry{}).Error; err != nil {
			return dbErr(op, err)
		}
		return setSetting(tx, op, settingLocalOffice, o.ID)
	}
}

// LocalRow returns the JSON of the local row of entity with id (tombstone
// or not) and its version; nil when the laptop has no such row.
func (r *RemoteTx) LocalRow(entity, id string) ([]byte, int64, error) {
	const op = "sync.local_row"
	row, ok := remoteRow(entity)
	if !ok {
		return nil, 0, domain.E(domain.CodeInvalid, op, nil, "entity", entity)
	}
	res := r.tx.Where("id = ?", id).Limit(1).Find(row)
	if res.Error != nil {
		return nil, 0, dbErr(op, res.Error)
	}
	if res.RowsAffected == 0 {
		return nil, 0, nil
	}
	b, err := json.Marshal(row)
	if err != nil {
		return nil, 0, domain.E(domain.CodeInternal, op, err)
	}
	return b, row.Meta().Version, nil
}

// LocalIDs lists the ids of every local row of entity, tombstones
// included, in id order.
func (r *RemoteTx) LocalIDs(entity string) ([]string, error) {
	row, ok := remoteRow(entity)
	if !ok {
		return nil, domain.E(domain.CodeInvalid, "sync.local_ids", nil, "entity", entity)
	}
	var ids []string
	err := r.tx.Model(row).Order("id").Pluck("id", &ids).Error
	return ids, dbErr("sync.local_ids", err)
}

// SameContent reports whether two JSON rows of entity differ in nothing but
// their sync metadata (version, time, device), whoever encoded them.
func SameContent(entity string, a, b []byte) bool {
	canon := func(p []byte) ([]byte, bool) {
		row, ok := remoteRow(entity)
		if !ok || json.Unmarshal(p, row) != nil {
			return nil, false
		}
		m := row.Meta()
		m.Version, m.UpdatedAt, m.UpdatedByDevice = 0, time.Time{}, ""
		out, err := json.Marshal(row)
		if err != nil {
			return nil, false
		}
		// Instants compare as instants: a time read back from the
		// database may print in another zone than the one sent.
		var v any
		if json.Unmarshal(out, &v) != nil {
			return nil, false
		}
		out, err = json.Marshal(utcTimes(v))
		return out, err == nil
	}
	x, ok1 := canon(a)
	y, ok2 := canon(b)
	return ok1 && ok2 && bytes.Equal(x, y)
}

// Requeue appends an outbox mutation carrying the local row as it stands,
// as a new change on baseVersion (the server's version, 0 when the server
// lacks the row), dated at. The sync client uses it when a restored
// server turns out to have lost rows the laptop had already sent.
func (r *RemoteTx) Requeue(entity, id string, baseVersion int64, at time.Time) error {
	const op = "sync.requeue"
	payload, _, err := r.LocalRow(entity, id)
	if err != nil {
		return err
	}
	if payload == nil {
		return domain.E(domain.CodeNotFound, op, nil, "entity", entity, "id", id)
	}
	e := domain.OutboxEntry{MutationID: r.s.NewID(), Entity: entity, EntityID: id, BaseVersion: baseVersion,
		Payload: string(payload), CreatedAt: at.UTC()}
	return dbErr(op, r.tx.Create(&e).Error)
}

// OldestPending returns the creation time of the oldest outbox entry, zero
// when the outbox is empty.
func (r *RemoteTx) OldestPending() (time.Time, error) {
	var es []domain.OutboxEntry
	if err := r.tx.Order("created_at, mutation_id").Limit(1).Find(&es).Error; err != nil {
		return time.Time{}, dbErr("sync.outbox", err)
	}
	if len(es) == 0 {
		return time.Time{}, nil
	}
	return es[0].CreatedAt, nil
}

func utcTimes(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = utcTimes(e)
		}
	case []any:
		for i, e := range x {
			x[i] = utcTimes(e)
		}
	case string:
		if len(x) >= 20 && x[4] == '-' && x[10] == 'T' {
			if t, err := time.Parse(time.RFC3339Nano, x); err == nil {
				return t.UTC().Format(time.RFC3339Nano)
			}
		}
	}
	return v
}

// AdoptEvents moves training events recorded under another office than
// this installation's to it, their pending outbox payloads too. Events
// made before enrolment by a version whose AdoptOffice moved only units
// still carry the placeholder office, which the server would refuse; no
// other office's events ever reach a laptop. It returns how many moved.
func (s *Store) AdoptEvents(ctx context.Context) (int, error) {
	const op = "sync.adopt_events"
	moved := 0
	err := s.inTx(ctx, op, func(tx *gorm.DB) error {
		office, _, err := getSetting(tx, op, settingLocalOffice)
		if err != nil || office == "" {
			return err
		}
		res := tx.Model(&domain.TrainingEvent{}).Where("office_id <> ?", office).Update("office_id", office)
		if res.Error != nil {
			return dbErr(op, res.Error)
		}
		if moved = int(res.RowsAffected); moved == 0 {
			return nil
		}
		var pending []domain.OutboxEntry
		if err := tx.Where("entity = ?", "training_event").Find(&pending).Error; err != nil {
			return dbErr(op, err)
		}
		want, _ := json.Marshal(office)
		for _, p := range pending {
			var ev map[string]json.RawMessage
			if err := json.Unmarshal([]byte(p.Payload), &ev); err != nil {
				return domain.E(domain.CodeInternal, op, err)
			}
			if bytes.Equal(ev["officeId"], want) {
				continue
			}
			ev["officeId"] = want
			b, err := json.Marshal(ev)
			if err != nil {
				return domain.E(domain.CodeInternal, op, err)
			}
			if err := tx.Model(&domain.OutboxEntry{}).Where("mutation_id = ?", p.MutationID).
				Update("payload", string(b)).Error; err != nil {
				return dbErr(op, err)
			}
		}
		return nil
	})
	return moved, err
}
