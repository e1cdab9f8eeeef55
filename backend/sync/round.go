package sync

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"kembang/backend/domain"
	"kembang/backend/store"
	"kembang/backend/syncproto"
)

// Report counts what one round did.
type Report struct {
	Pushed     int `json:"pushed"`
	Applied    int `json:"applied"`
	Duplicates int `json:"duplicates"`
	Rejected   int `json:"rejected"`
	Conflicts  int `json:"conflicts"`
	Pulled     int `json:"pulled"`
	Pages      int `json:"pages"`
	Resets     int `json:"resets"`
	// Requeued counts local rows sent again because a restored server had
	// lost them or held an older state.
	Requeued int `json:"requeued"`
}

// SyncOnce runs one round: push the whole outbox in batches, then pull
// every page. Any error ends the round; everything already committed stays
// (acknowledged batches, applied pages), so the next round resumes.
func (c *Client) SyncOnce(ctx context.Context) (Report, error) {
	c.round.Lock()
	defer c.round.Unlock()
	var rep Report
	base := c.setting(ctx, SettingServerURL)
	cred, err := c.secret(ctx, SettingCredential)
	if err != nil {
		// Sealed for another Windows user or computer: nothing is sent
		// and nothing local changes until the laptop is enrolled again.
		return rep, c.fail(ctx, err)
	}
	if base == "" || cred == "" {
		c.setState(StateNotEnrolled)
		return rep, domain.E(syncproto.CodeNotEnrolled, "sync.round", nil)
	}
	if _, err := CheckServerURL(base, c.setting(ctx, SettingAllowHTTP) == "true"); err != nil {
		return rep, c.fail(ctx, err)
	}
	c.setState(StateSyncing)
	if _, err := c.Store.AdoptEvents(ctx); err != nil {
		return rep, c.fail(ctx, err)
	}
	if c.setting(ctx, SettingResnapshot) == "1" {
		// A snapshot after a reset is not complete yet (a round failed
		// during it): it is finished first, for the same reason.
		if err := c.pullAll(ctx, base, cred, &rep); err != nil {
			return rep, c.fail(ctx, err)
		}
	}
	if err := c.pushAll(ctx, base, cred, &rep); err != nil {
		if !isCode(err, syncproto.CodeResetRequired) {
			return rep, c.fail(ctx, err)
		}
		// The server was restored from a backup (a new epoch): the new
		// snapshot comes first, because it sends again the rows the server
		// lost, ahead of the pending mutations that may refer to them.
		if err := c.pullAll(ctx, base, cred, &rep); err != nil {
			return rep, c.fail(ctx, err)
		}
		if err := c.pushAll(ctx, base, cred, &rep); err != nil {
			return rep, c.fail(ctx, err)
		}
	}
	ctx = c.afterPush(ctx, base, cred)
	if err := c.pullAll(ctx, base, cred, &rep); err != nil {
		return rep, c.fail(ctx, err)
	}
	if rep.Requeued > 0 {
		// A restored server lacked rows this laptop had: send them now,
		// and take in what the server made of them.
		if err := c.pushAll(ctx, base, cred, &rep); err != nil {
			return rep, c.fail(ctx, err)
		}
		if err := c.pullAll(ctx, base, cred, &rep); err != nil {
			return rep, c.fail(ctx, err)
		}
	}
	if err := c.Store.SetSetting(ctx, SettingLastSuccess, c.Now().UTC().Format(time.RFC3339Nano)); err != nil {
		return rep, c.fail(ctx, err)
	}
	_ = c.Store.SetSetting(ctx, SettingLastError, "")
	c.setState(StateIdle)
	return rep, nil
}

func (c *Client) fail(ctx context.Context, err error) error {
	if isCode(err, syncproto.CodeServerOffline) {
		c.setState(StateOffline)
	} else {
		c.setState(StateError)
	}
	_ = c.Store.SetSetting(ctx, SettingLastError, domain.ErrorCode(err))
	return err
}

func (c *Client) pushAll(ctx context.Context, base, cred string, rep *Report) error {
	n, err := c.Store.CountOutbox(ctx)
	if err != nil {
		return err
	}
	// Edits made during the round wait for the next one, so a busy
	// laptop cannot keep a round going for ever.
	for batches := n/syncproto.MaxPushBatch + 1; batches > 0; batches-- {
		entries, err := c.pendingSyncable(ctx)
		if err != nil {
			return err
		}
		if len(entries) == 0 {
			return nil
		}
		if err := c.pushBatch(ctx, base, cred, entries, rep); err != nil {
			return err
		}
	}
	return nil
}

// SyncedEntities are the entities this version pushes and pulls. Mutations
// of other entities (added to the laptop before the server syncs them)
// stay in the outbox until a version that syncs them, instead of being
// refused by the server and lost to the sync issues list.
var SyncedEntities = []string{"office", "unit", "competency", "framework_version", "position", "employee", "assessment",
	"development_plan", "training_event", "training_participant", "training_attendance", "training_record",
	"learning_activity", "evaluation", "award", "certificate_counter"}

// pendingSyncable is PendingOutbox restricted to SyncedEntities, in the
// order the mutations were made. That is the order of insertion (SQLite's
// rowid, which only grows), not of created_at: a laptop clock set back
// between two edits of a row would otherwise send the newer edit first, and
// the server would end with the older value.
func (c *Client) pendingSyncable(ctx context.Context) ([]domain.OutboxEntry, error) {
	var out []domain.OutboxEntry
	err := c.Store.DB.WithContext(ctx).Where("entity IN ?", SyncedEntities).
		Order(c.outboxOrder()).Limit(syncproto.MaxPushBatch).Find(&out).Error
	if err != nil {
		return nil, domain.E(domain.CodeInternal, "sync.push", err)
	}
	return out, nil
}

// outboxOrder is the ORDER BY of the outbox in the order the mutations were
// made (see pendingSyncable), for online pushes and bundles alike.
func (c *Client) outboxOrder() string {
	if c.Store.IsSQLite() {
		return "rowid"
	}
	return "created_at, mutation_id"
}

type rowKey struct{ entity, id string }

func (c *Client) loadShadow(db *gorm.DB, k rowKey) (*shadow, error) {
	var rows []shadow
	if err := db.Where("entity = ? AND entity_id = ?", k.entity, k.id).Limit(1).Find(&rows).Error; err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, nil
	}
	return &rows[0], nil
}

// newShadow is the shadow row of a server state of a row: its seq, and its
// JSON only for the entities the server merges against a base
// (syncproto.MergesWithBase). Keeping the JSON of the others (most of an
// office's rows: finalized assessments) would write every pulled row twice
// for nothing.
func newShadow(entity, id string, seq int64, payload string) shadow {
	if !syncproto.MergesWithBase(entity) {
		payload = ""
	}
	return shadow{entity, id, seq, payload}
}

func putShadow(db *gorm.DB, s shadow) error {
	return db.Clauses(clause.OnConflict{UpdateAll: true}).Create(&s).Error
}

// shadowChunk is the rows of one multi-row shadow upsert (4 parameters
// each) and the ids of one IN (…) list.
const shadowChunk = 64

// shadowSeqs reads the shadow seq of each of ids (rows of entity) the
// shadow holds.
func shadowSeqs(db *gorm.DB, entity string, ids []string) (map[string]int64, error) {
	out := make(map[string]int64)
	for start := 0; start < len(ids); start += 1000 {
		var rows []struct {
			EntityID string
			Seq      int64
		}
		if err := db.Model(&shadow{}).Select("entity_id, seq").Where("entity = ? AND entity_id IN ?", entity, ids[start:min(start+1000, len(ids))]).
			Scan(&rows).Error; err != nil {
			return nil, err
		}
		for _, r := range rows {
			out[r.EntityID] = r.Seq
		}
	}
	return out, nil
}

// putShadows upserts shadow rows with multi-row statements.
func putShadows(db *gorm.DB, rows []shadow) error {
	for start := 0; start < len(rows); start += shadowChunk {
		if err := db.Clauses(clause.OnConflict{UpdateAll: true}).Create(rows[start:min(start+shadowChunk, len(rows))]).Error; err != nil {
			return err
		}
	}
	return nil
}

func (c *Client) pushBatch(ctx context.Context, base, cred string, entries []domain.OutboxEntry, rep *Report) error {
	ms, err := c.buildMutations(c.Store.DB.WithContext(ctx), entries)
	if err != nil {
		return err
	}
	req := syncproto.PushRequest{Mutations: ms}
	var resp syncproto.PushResponse
	if err := c.do(ctx, base, cred, http.MethodPost, syncproto.PathPush, &req, &resp); err != nil {
		return err
	}
	if len(resp.Results) != len(entries) {
		return domain.E(syncproto.CodeProtocolInvalid, "sync.push", nil, "results", len(resp.Results))
	}
	for i, r := range resp.Results {
		if r.MutationID != entries[i].MutationID {
			return domain.E(syncproto.CodeProtocolInvalid, "sync.push", nil, "mutation", r.MutationID)
		}
	}
	device := c.setting(ctx, SettingDeviceID)
	now := c.Now().UTC()
	return c.Store.Remote(ctx, func(r *store.RemoteTx) error {
		return c.applyPushResults(r, entries, resp.Results, device, now, rep)
	})
}

// buildMutations turns outbox entries into wire mutations with their merge
// bases (shared by online push and bundles).
func (c *Client) buildMutations(db *gorm.DB, entries []domain.OutboxEntry) ([]syncproto.Mutation, error) {
	req := syncproto.PushRequest{Mutations: make([]syncproto.Mutation, len(entries))}
	last := map[rowKey]string{}
	for i, e := range entries {
		k := rowKey{e.Entity, e.EntityID}
		m := syncproto.Mutation{MutationID: e.MutationID, Entity: e.Entity, EntityID: e.EntityID,
			BaseVersion: e.BaseVersion, Payload: json.RawMessage(e.Payload), CreatedAt: e.CreatedAt}
		// The base of an edit is what the laptop had before it: the
		// previous pending edit of the row, else the server's row as the
		// laptop last received it.
		// Only entities the server merges against a base carry one
		// (syncproto.MergesWithBase); the shadow holds no JSON for others.
		if p, ok := last[k]; ok {
			m.Base = json.RawMessage(p)
		} else if e.BaseVersion > 0 && syncproto.MergesWithBase(e.Entity) {
			sh, err := c.loadShadow(db, k)
			if err != nil {
				return nil, domain.E(domain.CodeInternal, "sync.push", err)
			}
			if sh != nil && sh.Payload != "" {
				m.Base = json.RawMessage(sh.Payload)
			}
		}
		last[k] = e.Payload
		req.Mutations[i] = m
	}
	return req.Mutations, nil
}

// applyPushResults stores the server's results for entries (same order)
// inside r: acknowledged mutations leave the outbox, refusals and conflicts
// become sync issues, and the server's rows are adopted (shared by online
// push and return bundles).
func (c *Client) applyPushResults(r *store.RemoteTx, entries []domain.OutboxEntry, results []syncproto.Result, device string, now time.Time, rep *Report) error {
	{
		resp := syncproto.PushResponse{Results: results}
		tx := r.DB()
		type outcome struct {
			res     syncproto.Result
			payload string
		}
		final := map[rowKey]outcome{}
		var order []rowKey
		ids := make([]string, len(entries))
		for i, res := range resp.Results {
			e := entries[i]
			ids[i] = e.MutationID
			rep.Pushed++
			switch res.Status {
			case syncproto.StatusApplied:
				rep.Applied++
			case syncproto.StatusDuplicate:
				rep.Duplicates++
			case syncproto.StatusRejected:
				rep.Rejected++
				theirs := ""
				if res.Current != nil {
					theirs = string(res.Current.Payload)
				}
				if err := addIssue(tx, Issue{ID: e.MutationID, CreatedAt: now, Kind: IssueRejected, MutationID: e.MutationID,
					Entity: e.Entity, EntityID: e.EntityID, Code: res.Code, Yours: e.Payload, Theirs: theirs, YoursDevice: device}); err != nil {
					return err
				}
			default:
				return domain.E(syncproto.CodeProtocolInvalid, "sync.push", nil, "status", res.Status)
			}
			for _, cf := range res.Conflicts {
				rep.Conflicts++
				code := syncproto.CodeConflict
				if cf.Kept == "theirs" {
					code = syncproto.CodeStateKept
				}
				if err := addIssue(tx, Issue{ID: e.MutationID + ":" + cf.Field, CreatedAt: now, Kind: IssueConflict, MutationID: e.MutationID,
					Entity: e.Entity, EntityID: e.EntityID, Code: code, Field: cf.Field,
					Yours: string(cf.Yours), Theirs: string(cf.Theirs), YoursDevice: device, TheirsDevice: cf.TheirsDevice}); err != nil {
					return err
				}
			}
			k := rowKey{e.Entity, e.EntityID}
			if _, ok := final[k]; !ok {
				order = append(order, k)
			}
			final[k] = outcome{res, e.Payload}
		}
		if err := r.DeleteOutbox(ids); err != nil {
			return err
		}
		for _, k := range order {
			o := final[k]
			pending, err := r.HasPending(k.entity, k.id)
			if err != nil {
				return err
			}
			if pending {
				// A newer local edit is waiting: keep what it was based on.
				if o.res.Status != syncproto.StatusRejected {
					if err := putShadow(tx, newShadow(k.entity, k.id, o.res.ChangeSeq, o.payload)); err != nil {
						return err
					}
				} else if o.res.Current != nil {
					if err := putShadow(tx, newShadow(k.entity, k.id, o.res.Current.Seq, string(o.res.Current.Payload))); err != nil {
						return err
					}
				}
				continue
			}
			switch {
			case o.res.Current != nil:
				if err := c.adopt(r, *o.res.Current); err != nil {
					return err
				}
			case o.res.Gone:
				if err := r.Remove(k.entity, k.id); err != nil {
					return err
				}
				if err := tx.Where("entity = ? AND entity_id = ?", k.entity, k.id).Delete(&shadow{}).Error; err != nil {
					return err
				}
			}
		}
		return nil
	}
}

// adopt stores the server's state of a row unless the laptop already holds
// a newer one.
func (c *Client) adopt(r *store.RemoteTx, ch syncproto.Change) error {
	if !store.RemoteEntityKnown(ch.Entity) {
		return nil
	}
	sh, err := c.loadShadow(r.DB(), rowKey{ch.Entity, ch.EntityID})
	if err != nil {
		return err
	}
	if sh != nil && sh.Seq > ch.Seq {
		return nil
	}
	if err := r.Apply(ch.Entity, ch.Payload); err != nil {
		return err
	}
	return putShadow(r.DB(), newShadow(ch.Entity, ch.EntityID, ch.Seq, string(ch.Payload)))
}

func addIssue(tx *gorm.DB, is Issue) error {
	return tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&is).Error
}

// pulled is one fetched and decoded page.
type pulled struct {
	cursor  string // the cursor the page was asked for
	page    syncproto.PullPage
	changes []syncproto.Change
	rows    []domain.Syncable
	err     error
}

// fetchPage asks for the page after cursor and decodes it.
func (c *Client) fetchPage(ctx context.Context, base, cred, cursor string) *pulled {
	p := &pulled{cursor: cursor}
	p.err = c.do(ctx, base, cred, http.MethodGet, syncproto.PathPull+"?cursor="+url.QueryEscape(cursor), nil, &p.page)
	if p.err == nil {
		p.changes, p.rows, p.err = decodePage(&p.page)
	}
	return p
}

// pullAll pulls and applies pages until the server has no more. While a
// page is applied, the next one (after the cursor the page carries) is
// fetched and decoded in the background, so the server's work, the
// transfer and the decoding overlap the local writes. Only the local
// transaction moves the stored cursor; a prefetched page whose
// predecessor failed to commit is dropped and asked for again next round.
func (c *Client) pullAll(ctx context.Context, base, cred string, rep *Report) error {
	ctx, cancel := context.WithCancel(ctx)
	var ahead chan *pulled // the prefetch under way, if any
	defer func() {
		cancel()
		if ahead != nil {
			<-ahead
		}
	}()
	cur := c.fetchPage(ctx, base, cred, c.setting(ctx, SettingCursor))
	for {
		if isCode(cur.err, syncproto.CodeResetRequired) && rep.Resets < 2 {
			// A new snapshot from the start. The outbox is untouched (its
			// work is pushed again and deduplicated); the shadow keeps its
			// payloads as merge bases but forgets the old epoch's seqs.
			// The snapshot is marked, so that rows the server lost are
			// sent again when it is complete (reconcile).
			rep.Resets++
			err := c.Store.Remote(ctx, func(r *store.RemoteTx) error {
				if err := r.DB().Model(&shadow{}).Where("seq <> 0").Update("seq", 0).Error; err != nil {
					return err
				}
				if err := r.DB().Where("1 = 1").Delete(&seen{}).Error; err != nil {
					return err
				}
				if err := upsertSetting(r.DB(), SettingResnapshot, "1"); err != nil {
					return err
				}
				return upsertSetting(r.DB(), SettingCursor, "")
			})
			if err != nil {
				return err
			}
			cur = c.fetchPage(ctx, base, cred, "")
			continue
		}
		if cur.err != nil {
			return cur.err
		}
		page := &cur.page
		if page.More {
			ch := make(chan *pulled, 1)
			go func(cursor string) { ch <- c.fetchPage(ctx, base, cred, cursor) }(page.Cursor)
			ahead = ch
		}
		resnapshot := c.setting(ctx, SettingResnapshot) == "1"
		requeued := 0
		err := c.Store.Remote(ctx, func(r *store.RemoteTx) error {
			requeued = 0
			changes, rows := cur.changes, cur.rows
			if resnapshot {
				var err error
				if changes, rows, err = c.snapshotFilter(r, changes, rows); err != nil {
					return err
				}
			}
			if err := applyPage(r, changes, rows); err != nil {
				return err
			}
			if resnapshot && !page.More {
				at, err := requeueTime(r, c.Now())
				if err != nil {
					return err
				}
				if requeued, err = c.reconcile(r, at); err != nil {
					return err
				}
			}
			if err := upsertSetting(r.DB(), SettingCursor, page.Cursor); err != nil {
				return err
			}
			if h := c.Hooks.BeforePageCommit; h != nil {
				return h(cur.cursor, page.Cursor, cur.changes)
			}
			return nil
		})
		if err != nil {
			return err
		}
		rep.Requeued += requeued
		if h := c.Hooks.AfterPage; h != nil {
			h(cur.cursor, page.Cursor, cur.changes)
		}
		rep.Pages++
		rep.Pulled += len(cur.changes)
		if !page.More {
			return nil
		}
		cur, ahead = <-ahead, nil
	}
}

// decodePage checks a pulled page and decodes its rows: changes[i] is the
// i-th change of the page, rows[i] its decoded row (nil for an entity this
// version does not store, which is skipped as before). Anything the client
// cannot read, including a row twice in one page, is CodeProtocolInvalid,
// and nothing of the page is applied.
func decodePage(page *syncproto.PullPage) ([]syncproto.Change, []domain.Syncable, error) {
	const op = "sync.pull"
	seqs, err := page.Validate()
	if err != nil {
		return nil, nil, domain.E(syncproto.CodeProtocolInvalid, op, err)
	}
	changes := make([]syncproto.Change, 0, len(seqs))
	rows := make([]domain.Syncable, 0, len(seqs))
	seen := make(map[rowKey]bool, len(seqs))
	for _, run := range page.Runs {
		for _, raw := range run.Rows {
			ch := syncproto.Change{Seq: seqs[len(changes)], Entity: run.Entity, Payload: raw}
			row, known, err := store.DecodeRemote(run.Entity, raw)
			if err != nil {
				return nil, nil, domain.E(syncproto.CodeProtocolInvalid, op, err, "entity", run.Entity, "seq", ch.Seq)
			}
			if known {
				m := row.Meta()
				ch.EntityID, ch.Version, ch.Deleted = m.ID, m.Version, m.Deleted
			} else {
				var m struct {
					ID      string `json:"id"`
					Version int64  `json:"version"`
					Deleted bool   `json:"deleted"`
				}
				if err := json.Unmarshal(raw, &m); err != nil || m.ID == "" {
					return nil, nil, domain.E(syncproto.CodeProtocolInvalid, op, err, "entity", run.Entity, "seq", ch.Seq)
				}
				ch.EntityID, ch.Version, ch.Deleted = m.ID, m.Version, m.Deleted
			}
			k := rowKey{ch.Entity, ch.EntityID}
			if seen[k] {
				return nil, nil, domain.E(syncproto.CodeProtocolInvalid, op, nil, "entity", ch.Entity, "id", ch.EntityID, "reason", "twice in a page")
			}
			seen[k] = true
			changes = append(changes, ch)
			rows = append(rows, row)
		}
	}
	return changes, rows, nil
}

// applyPage stores a decoded page, entity run by entity run in page
// order, with a few statements per run instead of several per row: one
// query for the rows with pending local edits (skipped: the local edit is
// pushed next round and the server's answer carries the merged row), one
// for the shadow seqs (a row the laptop already holds in a newer state is
// skipped), then ApplyBatch and a multi-row shadow upsert.
func applyPage(r *store.RemoteTx, changes []syncproto.Change, rows []domain.Syncable) error {
	for start := 0; start < len(changes); {
		entity := changes[start].Entity
		end := start + 1
		for end < len(changes) && changes[end].Entity == entity {
			end++
		}
		if rows[start] != nil {
			if err := applyRun(r, entity, changes[start:end], rows[start:end]); err != nil {
				return err
			}
		}
		start = end
	}
	return nil
}

func applyRun(r *store.RemoteTx, entity string, changes []syncproto.Change, rows []domain.Syncable) error {
	tx := r.DB()
	ids := make([]string, len(changes))
	for i, ch := range changes {
		ids[i] = ch.EntityID
	}
	pending, err := r.PendingRows(entity, ids)
	if err != nil {
		return err
	}
	seqs, err := shadowSeqs(tx, entity, ids)
	if err != nil {
		return err
	}
	keep := make([]domain.Syncable, 0, len(rows))
	shadows := make([]shadow, 0, len(rows))
	for i, ch := range changes {
		if pending[ch.EntityID] {
			continue
		}
		if s, ok := seqs[ch.EntityID]; ok && s > ch.Seq {
			continue
		}
		keep = append(keep, rows[i])
		shadows = append(shadows, newShadow(entity, ch.EntityID, ch.Seq, string(ch.Payload)))
	}
	if err := r.ApplyBatch(entity, keep); err != nil {
		return err
	}
	return putShadows(tx, shadows)
}

// snapshotFilter is the page apply's extra step in a snapshot after a
// reset: every pulled row is recorded as received (reconcile sends again
// the office rows the server did not send), and rows the laptop holds in
// a newer state than the restored server (keepNewer) are left out of the
// page, so they are kept and sent again. Rows with pending local edits stay
// in: applyPage skips them as always.
func (c *Client) snapshotFilter(r *store.RemoteTx, changes []syncproto.Change, rows []domain.Syncable) ([]syncproto.Change, []domain.Syncable, error) {
	outC := make([]syncproto.Change, 0, len(changes))
	outR := make([]domain.Syncable, 0, len(rows))
	for i, ch := range changes {
		if err := r.DB().Clauses(clause.OnConflict{UpdateAll: true}).Create(&seen{Entity: ch.Entity, EntityID: ch.EntityID}).Error; err != nil {
			return nil, nil, err
		}
		pending, err := r.HasPending(ch.Entity, ch.EntityID)
		if err != nil {
			return nil, nil, err
		}
		if !pending {
			newer, err := c.keepNewer(r, ch)
			if err != nil {
				return nil, nil, err
			}
			if newer {
				continue
			}
		}
		outC, outR = append(outC, ch), append(outR, rows[i])
	}
	return outC, outR, nil
}

// requeueTime dates the mutations that send rows again: just before the
// oldest pending one, so a pending edit that refers to a row the server
// lost reaches the server after that row.
func requeueTime(r *store.RemoteTx, now time.Time) (time.Time, error) {
	oldest, err := r.OldestPending()
	if err != nil || oldest.IsZero() {
		return now.UTC(), err
	}
	return oldest.Add(-time.Millisecond), nil
}

// ownedEntities are the office's entities in the order their rows may
// refer to each other: the order in which rows are sent again.
var ownedEntities = []string{"unit", "position", "employee", "assessment", "development_plan", "training_event",
	"training_participant", "training_attendance", "training_record", "learning_activity", "evaluation", "award",
	"certificate_counter"}

func owned(entity string) bool {
	for _, e := range ownedEntities {
		if e == entity {
			return true
		}
	}
	return false
}

// keepNewer decides, during a snapshot after a reset, whether the laptop
// holds a newer state of a pulled office row than the (restored) server:
// a higher version, or the same version with other content (the server
// was restored and the row changed again since). Then the local row is
// kept, not overwritten, and marked to be sent again when the snapshot is
// complete (reconcile). With a higher version the server's row becomes the
// merge base, so every field the laptop has differently counts as its
// change; with a diverged same version there is no base, so both values of
// every differing field are reported.
func (c *Client) keepNewer(r *store.RemoteTx, ch syncproto.Change) (bool, error) {
	if !owned(ch.Entity) {
		return false, nil
	}
	local, version, err := r.LocalRow(ch.Entity, ch.EntityID)
	if err != nil || local == nil {
		return false, err
	}
	switch {
	case version > ch.Version:
		if err := putShadow(r.DB(), newShadow(ch.Entity, ch.EntityID, ch.Seq, string(ch.Payload))); err != nil {
			return false, err
		}
	case version == ch.Version && !store.SameContent(ch.Entity, local, ch.Payload):
		if err := r.DB().Where("entity = ? AND entity_id = ?", ch.Entity, ch.EntityID).Delete(&shadow{}).Error; err != nil {
			return false, err
		}
	default:
		return false, nil
	}
	return true, r.DB().Model(&seen{}).Where("entity = ? AND entity_id = ?", ch.Entity, ch.EntityID).
		Updates(map[string]any{"resend": true, "base_version": ch.Version}).Error
}

// reconcile ends a snapshot after a reset: every local office row the
// server did not send (it was restored from a backup older than the row),
// or sent at an older state (keepNewer), and that has no pending mutation
// is queued again, in the order rows refer to each other (ownedEntities,
// units parents first), all dated at, before any pending mutation. So
// nothing the laptop had is lost; the server deduplicates rows several
// laptops send again.
func (c *Client) reconcile(r *store.RemoteTx, at time.Time) (int, error) {
	tx := r.DB()
	n := 0
	// The laptop pushes in insertion order (pendingSyncable), so the
	// mutations already pending are moved behind the rows sent again: a
	// pending edit that refers to a row the server lost reaches the server
	// after that row.
	var waiting []domain.OutboxEntry
	if err := tx.Order(c.outboxOrder()).Find(&waiting).Error; err != nil {
		return n, err
	}
	for _, entity := range ownedEntities {
		ids, err := r.LocalIDs(entity)
		if err != nil {
			return n, err
		}
		var got []seen
		if err := tx.Where("entity = ?", entity).Find(&got).Error; err != nil {
			return n, err
		}
		var queued []string
		if err := tx.Model(&domain.OutboxEntry{}).Where("entity = ?", entity).Pluck("entity_id", &queued).Error; err != nil {
			return n, err
		}
		received := make(map[string]seen, len(got))
		for _, g := range got {
			received[g.EntityID] = g
		}
		pending := make(map[string]bool, len(queued))
		for _, id := range queued {
			pending[id] = true
		}
		var again []string
		base := map[string]int64{}
		for _, id := range ids {
			g, ok := received[id]
			switch {
			case pending[id]:
			case !ok:
				again = append(again, id) // the server lacks it
			case g.Resend:
				again, base[id] = append(again, id), g.BaseVersion
			}
		}
		if entity == "unit" {
			if again, err = parentsFirst(r, again); err != nil {
				return n, err
			}
		}
		for _, id := range again {
			if _, ok := received[id]; !ok {
				if err := tx.Where("entity = ? AND entity_id = ?", entity, id).Delete(&shadow{}).Error; err != nil {
					return n, err
				}
			}
			if err := r.Requeue(entity, id, base[id], at); err != nil {
				return n, err
			}
			n++
		}
	}
	if err := tx.Where("1 = 1").Delete(&seen{}).Error; err != nil {
		return n, err
	}
	if n > 0 && len(waiting) > 0 {
		ids := make([]string, len(waiting))
		for i, e := range waiting {
			ids[i] = e.MutationID
		}
		if err := r.DeleteOutbox(ids); err != nil {
			return n, err
		}
		for i := range waiting {
			if err := tx.Create(&waiting[i]).Error; err != nil {
				return n, err
			}
		}
	}
	return n, upsertSetting(tx, SettingResnapshot, "")
}

// parentsFirst orders units so that a unit comes after its parent.
func parentsFirst(r *store.RemoteTx, ids []string) ([]string, error) {
	parent := map[string]string{}
	for _, id := range ids {
		b, _, err := r.LocalRow("unit", id)
		if err != nil {
			return nil, err
		}
		var u domain.Unit
		_ = json.Unmarshal(b, &u)
		if u.ParentID != nil {
			parent[id] = *u.ParentID
		}
	}
	todo := map[string]bool{}
	for _, id := range ids {
		todo[id] = true
	}
	out := make([]string, 0, len(ids))
	for len(out) < len(ids) {
		progress := false
		for _, id := range ids {
			if todo[id] && !todo[parent[id]] {
				out, todo[id], progress = append(out, id), false, true
			}
		}
		if !progress { // a cycle: keep the id order for the rest
			for _, id := range ids {
				if todo[id] {
					out, todo[id] = append(out, id), false
				}
			}
		}
	}
	return out, nil
}

// Run syncs automatically until ctx ends: a round every interval while the
// server answers, retries with Backoff after failures, and a round at once
// on SyncNow. A revoked or unenrolled laptop waits for SyncNow or the next
// interval instead of hammering the server.
func (c *Client) Run(ctx context.Context, interval time.Duration) {
	failures := 0
	for {
		wait := interval
		if _, err := c.SyncOnce(ctx); err != nil {
			if ctx.Err() != nil {
				return
			}
			failures++
			if !isCode(err, syncproto.CodeUnauthorized, syncproto.CodeNotEnrolled, syncproto.CodeInsecureServer, syncproto.CodeReenrolRequired) {
				wait = min(interval, Backoff(failures, c.Jitter()))
			}
			c.Logger.Warn("sync failed", "err", err, "retry_in", wait)
		} else {
			failures = 0
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-c.trigger:
		case <-t.C:
		}
		t.Stop()
	}
}

// SyncNow asks Run for a round at once.
func (c *Client) SyncNow() {
	select {
	case c.trigger <- struct{}{}:
	default:
	}
}

// ErrNotEnrolled reports whether err means the laptop has no credential.
func ErrNotEnrolled(err error) bool { return isCode(err, syncproto.CodeNotEnrolled) }
