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
}

// SyncOnce runs one round: push the whole outbox in batches, then pull
// every page. Any error ends the round; everything already committed stays
// (acknowledged batches, applied pages), so the next round resumes.
func (c *Client) SyncOnce(ctx context.Context) (Report, error) {
	c.round.Lock()
	defer c.round.Unlock()
	var rep Report
	base, cred := c.setting(ctx, SettingServerURL), c.setting(ctx, SettingCredential)
	if base == "" || cred == "" {
		c.setState(StateNotEnrolled)
		return rep, domain.E(syncproto.CodeNotEnrolled, "sync.round", nil)
	}
	if _, err := CheckServerURL(base, c.setting(ctx, SettingAllowHTTP) == "true"); err != nil {
		return rep, c.fail(ctx, err)
	}
	c.setState(StateSyncing)
	if err := c.pushAll(ctx, base, cred, &rep); err != nil {
		return rep, c.fail(ctx, err)
	}
	if err := c.pullAll(ctx, base, cred, &rep); err != nil {
		return rep, c.fail(ctx, err)
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
var SyncedEntities = []string{"office", "unit", "competency", "framework_version", "position", "employee", "assessment"}

// pendingSyncable is PendingOutbox restricted to SyncedEntities.
func (c *Client) pendingSyncable(ctx context.Context) ([]domain.OutboxEntry, error) {
	var out []domain.OutboxEntry
	err := c.Store.DB.WithContext(ctx).Where("entity IN ?", SyncedEntities).
		Order("created_at, mutation_id").Limit(syncproto.MaxPushBatch).Find(&out).Error
	if err != nil {
		return nil, domain.E(domain.CodeInternal, "sync.push", err)
	}
	return out, nil
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

func putShadow(db *gorm.DB, s shadow) error {
	return db.Clauses(clause.OnConflict{UpdateAll: true}).Create(&s).Error
}

func (c *Client) pushBatch(ctx context.Context, base, cred string, entries []domain.OutboxEntry, rep *Report) error {
	db := c.Store.DB.WithContext(ctx)
	req := syncproto.PushRequest{Mutations: make([]syncproto.Mutation, len(entries))}
	last := map[rowKey]string{}
	for i, e := range entries {
		k := rowKey{e.Entity, e.EntityID}
		m := syncproto.Mutation{MutationID: e.MutationID, Entity: e.Entity, EntityID: e.EntityID,
			BaseVersion: e.BaseVersion, Payload: json.RawMessage(e.Payload), CreatedAt: e.CreatedAt}
		// The base of an edit is what the laptop had before it: the
		// previous pending edit of the row, else the server's row as the
		// laptop last received it.
		if p, ok := last[k]; ok {
			m.Base = json.RawMessage(p)
		} else if e.BaseVersion > 0 {
			sh, err := c.loadShadow(db, k)
			if err != nil {
				return domain.E(domain.CodeInternal, "sync.push", err)
			}
			if sh != nil {
				m.Base = json.RawMessage(sh.Payload)
			}
		}
		last[k] = e.Payload
		req.Mutations[i] = m
	}
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
				if err := addIssue(tx, Issue{ID: e.MutationID + ":" + cf.Field, CreatedAt: now, Kind: IssueConflict, MutationID: e.MutationID,
					Entity: e.Entity, EntityID: e.EntityID, Code: syncproto.CodeConflict, Field: cf.Field,
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
					if err := putShadow(tx, shadow{k.entity, k.id, o.res.ChangeSeq, o.payload}); err != nil {
						return err
					}
				} else if o.res.Current != nil {
					if err := putShadow(tx, shadow{k.entity, k.id, o.res.Current.Seq, string(o.res.Current.Payload)}); err != nil {
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
	})
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
	return putShadow(r.DB(), shadow{ch.Entity, ch.EntityID, ch.Seq, string(ch.Payload)})
}

func addIssue(tx *gorm.DB, is Issue) error {
	return tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&is).Error
}

func (c *Client) pullAll(ctx context.Context, base, cred string, rep *Report) error {
	for {
		cursor := c.setting(ctx, SettingCursor)
		var page syncproto.PullResponse
		err := c.do(ctx, base, cred, http.MethodGet, syncproto.PathPull+"?cursor="+url.QueryEscape(cursor), nil, &page)
		if isCode(err, syncproto.CodeResetRequired) && rep.Resets < 2 {
			// A new snapshot from the start. The outbox is untouched (its
			// work is pushed again and deduplicated); the shadow keeps its
			// payloads as merge bases but forgets the old epoch's seqs.
			rep.Resets++
			err = c.Store.Remote(ctx, func(r *store.RemoteTx) error {
				if err := r.DB().Model(&shadow{}).Where("seq <> 0").Update("seq", 0).Error; err != nil {
					return err
				}
				return upsertSetting(r.DB(), SettingCursor, "")
			})
			if err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return err
		}
		if page.Cursor == "" {
			return domain.E(syncproto.CodeProtocolInvalid, "sync.pull", nil)
		}
		err = c.Store.Remote(ctx, func(r *store.RemoteTx) error {
			for _, ch := range page.Changes {
				pending, err := r.HasPending(ch.Entity, ch.EntityID)
				if err != nil {
					return err
				}
				if pending {
					// The local edit is pushed next round; the server's
					// answer to it carries the merged row.
					continue
				}
				if err := c.adopt(r, ch); err != nil {
					return err
				}
			}
			if err := upsertSetting(r.DB(), SettingCursor, page.Cursor); err != nil {
				return err
			}
			if h := c.Hooks.BeforePageCommit; h != nil {
				return h(cursor, page.Cursor, page.Changes)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if h := c.Hooks.AfterPage; h != nil {
			h(cursor, page.Cursor, page.Changes)
		}
		rep.Pages++
		rep.Pulled += len(page.Changes)
		if !page.More {
			return nil
		}
	}
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
			if !isCode(err, syncproto.CodeUnauthorized, syncproto.CodeNotEnrolled, syncproto.CodeInsecureServer) {
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
