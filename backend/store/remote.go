package store

import (
	"context"
	"encoding/json"

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

// DeleteOutbox removes acknowledged mutations.
func (r *RemoteTx) DeleteOutbox(mutationIDs []string) error {
	if len(mutationIDs) == 0 {
		return nil
	}
	return dbErr("sync.remote", r.tx.Where("mutation_id IN ?", mutationIDs).Delete(&domain.OutboxEntry{}).Error)
}

// Apply stores payload (the server's JSON of one row of entity) as it is.
// Local rows that stand in the way of the server's unique keys give way:
// a framework version or competency made locally with the number or code
// of the server's (seeded placeholders) is replaced, and a local live
// employee holding the NIP of the server's row is tombstoned (its own
// mutation will be rejected by the server and shown as a sync issue).
func (r *RemoteTx) Apply(entity string, payload []byte) error {
	const op = "sync.apply"
	row, ok := remoteRow(entity)
	if !ok {
		return domain.E(domain.CodeInvalid, op, nil, "entity", entity)
	}
	if err := json.Unmarshal(payload, row); err != nil {
		return domain.E(domain.CodeInvalid, op, err, "entity", entity)
	}
	id := row.Meta().ID
	if id == "" {
		return domain.E(domain.CodeInvalid, op, nil, "entity", entity, "field", "id")
	}
	tx := r.tx
	switch v := row.(type) {
	case *domain.FrameworkVersion:
		if err := tx.Where("number = ? AND id <> ?", v.Number, id).Delete(&domain.FrameworkVersion{}).Error; err != nil {
			return dbErr(op, err)
		}
	case *domain.Competency:
		if err := tx.Where("code = ? AND id <> ?", v.Code, id).Delete(&domain.Competency{}).Error; err != nil {
			return dbErr(op, err)
		}
	case *employeeRecord:
		if !v.Deleted {
			if err := tx.Model(&employeeRecord{}).Where("nip = ? AND id <> ? AND NOT deleted", v.NIP, id).
				Update("deleted", true).Error; err != nil {
				return dbErr(op, err)
			}
		}
		var names struct{ UnitName, PositionName string }
		if v.UnitID != nil {
			tx.Model(&domain.Unit{}).Select("name AS unit_name").Where("id = ?", *v.UnitID).Scan(&names)
		}
		if v.PositionID != nil {
			var p string
			tx.Model(&domain.Position{}).Select("name").Where("id = ?", *v.PositionID).Scan(&p)
			names.PositionName = p
		}
		v.SearchText = searchText(&v.Employee, names.UnitName, names.PositionName)
	}
	if err := tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(row).Error; err != nil {
		return dbErr(op, err)
	}
	switch entity {
	case "unit":
		return refreshSearchText(tx, op, "e.unit_id = ?", id)
	case "position":
		return refreshSearchText(tx, op, "e.position_id = ?", id)
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
// move to it (their pending outbox payloads too), and pending mutations of
// central entities (the seeded office and framework version, local
// competencies) leave the outbox, since the server would refuse them.
func (s *Store) AdoptOffice(ctx context.Context, o domain.Office) error {
	const op = "sync.adopt_office"
	return s.inTx(ctx, op, func(tx *gorm.DB) error {
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
			var pending []domain.OutboxEntry
			if err := tx.Where("entity = ?", "unit").Find(&pending).Error; err != nil {
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
	})
}
