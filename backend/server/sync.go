package server

import (
	"context"
	"encoding/json"
	"errors"

	"gorm.io/gorm"

	"kembang/backend/syncproto"
)

// appliedRow is a row of applied_mutations.
type appliedRow struct {
	DeviceID   string
	MutationID string
	Entity     string
	EntityID   string
	Status     string
	Code       string
	ChangeSeq  int64
	Conflicts  string
	CreatedAt  timeUTC
}

func (appliedRow) TableName() string { return "applied_mutations" }

// errBadRequest is a request the protocol does not allow.
type errBadRequest struct{ code, msg string }

func (e *errBadRequest) Error() string { return e.code + ": " + e.msg }

// Push applies one batch from dev in one transaction (SYNC.md "Push").
func (s *Server) Push(ctx context.Context, dev *deviceRow, req *syncproto.PushRequest) (*syncproto.PushResponse, error) {
	if len(req.Mutations) > syncproto.MaxPushBatch {
		return nil, &errBadRequest{syncproto.CodeBatchTooLarge, "too many mutations"}
	}
	for _, m := range req.Mutations {
		if m.MutationID == "" || len(m.MutationID) > 36 || m.EntityID == "" || len(m.EntityID) > 36 || len(m.Entity) > 40 {
			return nil, &errBadRequest{syncproto.CodeBadRequest, "mutation without a valid id"}
		}
	}
	resp := &syncproto.PushResponse{Results: make([]syncproto.Result, 0, len(req.Mutations))}
	err := s.seqTx(ctx, func(tx *gorm.DB, next func() int64) error {
		resp.Results = resp.Results[:0]
		for i := range req.Mutations {
			m := &req.Mutations[i]
			res, err := s.pushOne(tx, dev, m, next)
			if err != nil {
				return err
			}
			resp.Results = append(resp.Results, res)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, r := range resp.Results {
		s.metrics.pushed(r.Status)
	}
	return resp, nil
}

func (s *Server) pushOne(tx *gorm.DB, dev *deviceRow, m *syncproto.Mutation, next func() int64) (syncproto.Result, error) {
	var prior []appliedRow
	if err := tx.Where("device_id = ? AND mutation_id = ?", dev.ID, m.MutationID).Limit(1).Find(&prior).Error; err != nil {
		return syncproto.Result{}, err
	}
	if len(prior) == 1 {
		p := prior[0]
		res := syncproto.Result{MutationID: m.MutationID, Status: syncproto.StatusDuplicate, Code: p.Code, ChangeSeq: p.ChangeSeq}
		if p.Status == syncproto.StatusRejected {
			res.Status = syncproto.StatusRejected
		}
		if p.Conflicts != "" {
			_ = json.Unmarshal([]byte(p.Conflicts), &res.Conflicts)
		}
		cur, err := loadChange(tx, p.Entity, p.EntityID)
		if err != nil {
			return res, err
		}
		attachCurrent(&res, cur, dev)
		// As the first answer said: a refused row the device cannot see
		// does not exist for it (the first answer may have been lost), nor
		// does a row whose tombstone was applied without storing anything.
		res.Gone = res.Current == nil && rules[p.Entity].decode != nil &&
			(res.Status == syncproto.StatusRejected || p.Status == syncproto.StatusApplied)
		return res, nil
	}
	d, err := decide(tx, dev, m)
	if err != nil {
		return syncproto.Result{}, err
	}
	res := syncproto.Result{MutationID: m.MutationID, Status: d.status, Code: d.code, Conflicts: d.conflicts}
	cur := d.current
	if d.next != nil {
		existed := cur != nil
		if !existed {
			old, err := loadChange(tx, d.next.Entity, d.next.EntityID)
			if err != nil {
				return res, err
			}
			existed = old != nil
		}
		d.next.Seq = next()
		if err := putChange(tx, d.next, existed); err != nil {
			return res, err
		}
		cur = d.next
	}
	if d.status == syncproto.StatusApplied && cur != nil {
		res.ChangeSeq = cur.Seq
	}
	if len(d.conflicts) > 0 {
		res.Code = syncproto.CodeConflict
	}
	conflicts := ""
	if len(d.conflicts) > 0 {
		b, _ := json.Marshal(d.conflicts)
		conflicts = string(b)
	}
	row := appliedRow{
		DeviceID: dev.ID, MutationID: m.MutationID, Entity: m.Entity, EntityID: m.EntityID,
		Status: d.status, Code: res.Code, ChangeSeq: res.ChangeSeq, Conflicts: conflicts, CreatedAt: timeUTC(s.now()),
	}
	if err := tx.Create(&row).Error; err != nil {
		return res, err
	}
	if d.status == syncproto.StatusRejected && d.code == syncproto.CodeOfficeScope {
		// Say nothing about the row: it may be another office's.
		cur = nil
		if own, err := loadChange(tx, m.Entity, m.EntityID); err != nil {
			return res, err
		} else if own != nil && own.OfficeID == dev.OfficeID {
			cur = own
		}
	}
	attachCurrent(&res, cur, dev)
	// A refused office row the device cannot see is, for the device, a row
	// that does not exist: its local copy goes.
	res.Gone = res.Current == nil && (d.status == syncproto.StatusRejected && rules[m.Entity].decode != nil || d.gone)
	return res, nil
}

// attachCurrent adds the row's server state when it is the device's to see.
func attachCurrent(res *syncproto.Result, cur *changeRow, dev *deviceRow) {
	if cur == nil || (cur.OfficeID != dev.OfficeID && cur.OfficeID != "") {
		return
	}
	c := cur.wire()
	res.Current = &c
}

func (c *changeRow) wire() syncproto.Change {
	return syncproto.Change{Seq: c.Seq, Entity: c.Entity, EntityID: c.EntityID, Version: c.Version, Deleted: c.Deleted, Payload: json.RawMessage(c.Payload)}
}

// errReset says the device must start a new snapshot.
var errReset = errors.New("reset required")

// Pull returns the page of changes after cursor for dev's office and the
// central data (SYNC.md "Pull").
func (s *Server) Pull(ctx context.Context, dev *deviceRow, cursor string) (*syncproto.PullPage, error) {
	db := s.DB.WithContext(ctx)
	secretHex, err := meta(db, metaCursorSecret)
	if err != nil {
		return nil, err
	}
	secret := []byte(secretHex)
	epoch, err := meta(db, metaEpoch)
	if err != nil {
		return nil, err
	}
	c, err := syncproto.DecodeCursor(cursor, secret)
	if err != nil || (cursor != "" && c.Device != dev.ID) {
		return nil, &errBadRequest{syncproto.CodeCursorInvalid, "cursor"}
	}
	if cursor != "" && c.Epoch != epoch {
		return nil, errReset
	}
	var last int64
	if err := db.Raw("SELECT seq FROM sync_counter WHERE id = 1").Scan(&last).Error; err != nil {
		return nil, err
	}
	if c.ChangeSeq > last {
		// The feed is behind the device: the database was restored from a
		// backup without a new epoch. Start again rather than skip changes.
		return nil, errReset
	}
	page := s.PullPage
	if page <= 0 || page > syncproto.MaxPullPage {
		page = syncproto.MaxPullPage
	}
	// One query reads the page and one more row (to know whether there is
	// more), only the columns the page needs.
	rs, err := db.Raw("SELECT seq, entity, entity_id, payload FROM changes WHERE (office_id = ? OR office_id = '') AND seq > ? ORDER BY seq LIMIT ?",
		dev.OfficeID, c.ChangeSeq, page+1).Rows()
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var rows []pullRow
	for rs.Next() {
		var r pullRow
		if err := rs.Scan(&r.Seq, &r.Entity, &r.EntityID, &r.Payload); err != nil {
			return nil, err
		}
		rows = append(rows, r)
	}
	if err := rs.Err(); err != nil {
		return nil, err
	}
	resp := &syncproto.PullPage{Protocol: syncproto.ProtocolVersion}
	if len(rows) > page {
		rows, resp.More = rows[:page], true
	}
	// The office row is central but only for its own office.
	nextSeq, prev := c.ChangeSeq, int64(0)
	for i := range rows {
		r := &rows[i]
		nextSeq = r.Seq
		if r.Entity == "office" && r.EntityID != dev.OfficeID {
			continue
		}
		resp.Add(r.Entity, r.Seq, prev, r.Payload)
		prev = r.Seq
	}
	resp.Cursor = syncproto.Cursor{Epoch: epoch, ChangeSeq: nextSeq, Device: dev.ID}.Encode(secret)
	s.metrics.pulled(resp.Len())
	return resp, nil
}

// pullRow is the part of a changes row a pull page needs.
type pullRow struct {
	Seq      int64
	Entity   string
	EntityID string
	Payload  []byte
}
