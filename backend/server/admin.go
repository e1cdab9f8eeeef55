package server

import (
	"context"
	"encoding/json"
	"errors"
	"sort"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"kembang/backend/domain"
)

// Admin operations behind kembang-server's commands.

// AddOffice creates an office. Offices are central rows: each office's
// laptops receive their own office only.
func (s *Server) AddOffice(ctx context.Context, name, code string) (*domain.Office, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, domain.E(domain.CodeRequired, "server.office_add", nil, "field", "name")
	}
	o := &domain.Office{Name: name, Code: strings.TrimSpace(code)}
	o.ID = s.NewID()
	o.Version = 1
	o.UpdatedAt = s.now()
	o.UpdatedByDevice = "server"
	payload, err := json.Marshal(o)
	if err != nil {
		return nil, err
	}
	err = s.seqTx(ctx, func(tx *gorm.DB, next func() int64) error {
		return putChange(tx, &changeRow{Entity: "office", EntityID: o.ID, OfficeID: o.ID, Seq: next(), Version: 1,
			UpdatedByDevice: "server", Payload: string(payload)}, false)
	})
	if err != nil {
		return nil, domain.E(domain.CodeInternal, "server.office_add", err)
	}
	return o, nil
}

// Offices lists the offices by name.
func (s *Server) Offices(ctx context.Context) ([]domain.Office, error) {
	var rows []changeRow
	if err := s.DB.WithContext(ctx).Where("entity = ?", "office").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]domain.Office, 0, len(rows))
	for _, r := range rows {
		var o domain.Office
		if err := json.Unmarshal([]byte(r.Payload), &o); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// DefaultEnrolTTL is how long an enrolment code stays valid.
const DefaultEnrolTTL = 72 * time.Hour

// NewEnrolCode makes a one-time enrolment code for an office. Only its hash
// is stored; the code is shown once.
func (s *Server) NewEnrolCode(ctx context.Context, officeID string, ttl time.Duration) (string, time.Time, error) {
	const op = "server.enrol_code"
	if ttl <= 0 {
		ttl = DefaultEnrolTTL
	}
	o, err := loadChange(s.DB.WithContext(ctx), "office", officeID)
	if err != nil {
		return "", time.Time{}, domain.E(domain.CodeInternal, op, err)
	}
	if o == nil || o.Deleted {
		return "", time.Time{}, domain.E(domain.CodeNotFound, op, nil, "entity", "office", "id", officeID)
	}
	code := newCode()
	now := s.now()
	row := enrolCodeRow{Hash: hashSecret(normaliseCode(code)), OfficeID: officeID, ExpiresAt: now.Add(ttl), CreatedAt: now}
	if err := s.DB.WithContext(ctx).Create(&row).Error; err != nil {
		return "", time.Time{}, domain.E(domain.CodeInternal, op, err)
	}
	return code, row.ExpiresAt, nil
}

// Devices lists the enrolled devices, oldest first.
func (s *Server) Devices(ctx context.Context) ([]Device, error) {
	var out []Device
	err := s.DB.WithContext(ctx).Order("created_at, id").Find(&out).Error
	return out, err
}

// RevokeDevice makes the device's credential fail from its next request.
func (s *Server) RevokeDevice(ctx context.Context, id string) error {
	res := s.DB.WithContext(ctx).Model(&deviceRow{}).Where("id = ?", id).Update("revoked", true)
	if res.Error != nil {
		return domain.E(domain.CodeInternal, "server.device_revoke", res.Error)
	}
	if res.RowsAffected == 0 {
		return domain.E(domain.CodeNotFound, "server.device_revoke", nil, "entity", "device", "id", id)
	}
	return nil
}

// NewEpoch starts a new change feed epoch: every device downloads a new
// snapshot on its next pull (its unsent work is kept and pushed again).
// Run it after restoring the database from a backup.
func (s *Server) NewEpoch(ctx context.Context) (string, error) {
	e := randomHex(8)
	err := s.DB.WithContext(ctx).Table("server_meta").Where("key = ?", metaEpoch).Update("value", e).Error
	return e, err
}

// PublishFramework stores competencies as the central dictionary (changed
// ones only) and publishes them, live and not retired, as the next
// framework version. Laptops receive both; they never downgrade, since
// published versions are never changed or removed.
func (s *Server) PublishFramework(ctx context.Context, competencies []domain.Competency, note string) (*domain.FrameworkVersion, error) {
	const op = "server.framework_publish"
	var fv *domain.FrameworkVersion
	err := s.seqTx(ctx, func(tx *gorm.DB, next func() int64) error {
		now := s.now()
		var live []domain.Competency
		for _, c := range competencies {
			if c.ID == "" {
				return domain.E(domain.CodeRequired, op, nil, "field", "id", "code", c.Code)
			}
			cur, err := loadChange(tx, "competency", c.ID)
			if err != nil {
				return err
			}
			c.Version = 1
			if cur != nil {
				var old domain.Competency
				if err := json.Unmarshal([]byte(cur.Payload), &old); err != nil {
					return err
				}
				c.Version, c.UpdatedAt, c.UpdatedByDevice = old.Version, old.UpdatedAt, old.UpdatedByDevice
				a, _ := json.Marshal(c)
				b, _ := json.Marshal(old)
				if string(a) != string(b) {
					c.Version = old.Version + 1
					c.UpdatedAt, c.UpdatedByDevice = now, "server"
				}
			} else {
				c.UpdatedAt, c.UpdatedByDevice = now, "server"
			}
			if cur == nil || c.Version != cur.Version {
				payload, err := json.Marshal(c)
				if err != nil {
					return err
				}
				if err := putChange(tx, &changeRow{Entity: "competency", EntityID: c.ID, Seq: next(), Version: c.Version,
					Deleted: c.Deleted, NaturalKey: c.Code, UpdatedByDevice: c.UpdatedByDevice, Payload: string(payload)}, cur != nil); err != nil {
					return err
				}
			}
			if !c.Deleted && !c.Retired {
				live = append(live, c)
			}
		}
		var last int
		if err := tx.Raw("SELECT coalesce(max(version), 0) FROM changes WHERE entity = 'framework_version'").Scan(&last).Error; err != nil {
			return err
		}
		// A framework version's row version is its number: versions are
		// published once and never change.
		fv = &domain.FrameworkVersion{Number: last + 1, PublishedAt: now, Note: strings.TrimSpace(note), Competencies: live}
		fv.ID = s.NewID()
		fv.Version = 1
		fv.UpdatedAt, fv.UpdatedByDevice = now, "server"
		payload, err := json.Marshal(fv)
		if err != nil {
			return err
		}
		return putChange(tx, &changeRow{Entity: "framework_version", EntityID: fv.ID, Seq: next(), Version: int64(fv.Number),
			NaturalKey: strconv.Itoa(fv.Number), UpdatedByDevice: "server", Payload: string(payload)}, false)
	})
	if err != nil {
		var de *domain.Error
		if errors.As(err, &de) {
			return nil, err
		}
		return nil, domain.E(domain.CodeInternal, op, err)
	}
	return fv, nil
}
