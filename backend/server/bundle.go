package server

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"kembang/backend/domain"
	"kembang/backend/syncproto"
)

// Sync by file, central side (the format and the identity scheme are
// described in syncproto/bundle.go and docs/API.md).
//
// ImportBundle applies a laptop's changes bundle with the very code of the
// HTTP API: its mutations go through Push (in batches of MaxPushBatch, each
// one transaction, deduplicated on (device, mutation_id), office scope and
// conflict rules as online), and the return bundle carries Push's results
// and the pages Pull makes from the cursor the laptop sent. The laptop's
// cursor is the truth about what it holds: a lost return bundle is
// recovered by exporting again, and the new bundle carries the old cursor,
// so nothing is skipped. The server keeps, per device, the highest bundle
// number imported and its cursor (bundle_devices); a bundle whose number is
// not higher, or that was imported before, changes nothing.

// BundleImportOptions restrict an import.
type BundleImportOptions struct {
	// Office, when set, refuses bundles of devices of any other office.
	Office string
}

// BundleImport is what an import did.
type BundleImport struct {
	Bundle   syncproto.BundleManifest `json:"bundle"`
	Return   syncproto.BundleManifest `json:"return"`
	DeviceID string                   `json:"deviceId"`
	Office   syncproto.Office         `json:"office"`
	Enrolled bool                     `json:"enrolled"` // the bundle enrolled its device
	// ReturnFile is the signed return bundle to carry back.
	ReturnFile []byte `json:"-"`
}

// BundleRefused wraps a refusal with the syncproto bundle code.
func bundleRefused(code, format string, args ...any) error {
	return &syncproto.BundleError{Code: code, Message: fmt.Sprintf(format, args...)}
}

// serverKey returns the server's bundle signing key.
func (s *Server) serverKey(db *gorm.DB) (ed25519.PrivateKey, error) {
	v, err := meta(db, metaBundleKey)
	if err != nil {
		return nil, err
	}
	seed, err := hex.DecodeString(v)
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, domain.E(domain.CodeInternal, "server.bundle_key", errors.New("bundle key missing or malformed"))
	}
	return ed25519.NewKeyFromSeed(seed), nil
}

// BundlePublicKey is the server's bundle signing key, as laptops pin it.
func (s *Server) BundlePublicKey(ctx context.Context) (string, error) {
	k, err := s.serverKey(s.DB.WithContext(ctx))
	if err != nil {
		return "", err
	}
	return syncproto.EncodePublicKey(k.Public().(ed25519.PublicKey)), nil
}

// bundleIdentity is who signed a changes bundle.
type bundleIdentity struct {
	dev       *deviceRow
	bdev      *bundleDeviceRow // nil: the device has no key yet
	register  *bundleDeviceRow // a key to register with the import
	enrolCode *enrolCodeRow    // a code to consume: the bundle enrols its device
	replaces  *bundleDeviceRow // the key's registration under an earlier device id
}

func (s *Server) loadDevice(db *gorm.DB, id string) (*deviceRow, error) {
	var rows []deviceRow
	if err := db.Where("id = ?", id).Limit(1).Find(&rows).Error; err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, nil
	}
	return &rows[0], nil
}

func loadBundleDevice(db *gorm.DB, where string, arg string) (*bundleDeviceRow, error) {
	var rows []bundleDeviceRow
	if err := db.Where(where, arg).Limit(1).Find(&rows).Error; err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, nil
	}
	return &rows[0], nil
}

// identify finds the device of a bundle and checks its signature, without
// writing anything.
func (s *Server) identify(db *gorm.DB, b *syncproto.OpenedBundle) (*bundleIdentity, error) {
	m := &b.Manifest
	if _, err := syncproto.DecodePublicKey(m.DeviceKey); err != nil {
		return nil, bundleRefused(syncproto.CodeBundleDamaged, "the bundle carries no valid device key")
	}
	if m.DeviceID != "" {
		dev, err := s.loadDevice(db, m.DeviceID)
		if err != nil {
			return nil, err
		}
		if dev == nil {
			return nil, bundleRefused(syncproto.CodeBundleUnknown, "device %s is not enrolled on this server", m.DeviceID)
		}
		bdev, err := loadBundleDevice(db, "device_id = ?", dev.ID)
		if err != nil {
			return nil, err
		}
		id := &bundleIdentity{dev: dev, bdev: bdev}
		if bdev != nil {
			if bdev.PublicKey != m.DeviceKey {
				return nil, bundleRefused(syncproto.CodeBundleKeyMismatch, "the bundle is signed with a key that is not the one registered for device %s", dev.ID)
			}
		} else {
			// A device enrolled online registers its key with its first
			// bundle, proving its credential.
			if m.KeyProof == "" || !syncproto.MACEqual(m.KeyProof, syncproto.KeyProof(dev.TokenHash, dev.ID, m.DeviceKey)) {
				return nil, bundleRefused(syncproto.CodeBundleKeyMismatch, "device %s has no registered key and the bundle does not prove its credential", dev.ID)
			}
			other, err := loadBundleDevice(db, "public_key = ?", m.DeviceKey)
			if err != nil {
				return nil, err
			}
			id.register = &bundleDeviceRow{DeviceID: dev.ID, PublicKey: m.DeviceKey}
			if other != nil {
				// The laptop was enrolled by file before and has enrolled
				// online since, as a new device: it holds the key (the
				// signature) and the new credential (the proof), so the key
				// moves to the new device, with its bundle numbering.
				id.replaces = other
			}
		}
		if err := b.Verify(m.DeviceKey); err != nil {
			return nil, err
		}
		return id, nil
	}
	// No device id: a laptop enrolled by file before its first return
	// bundle came back, or one enrolling with this bundle.
	if err := b.Verify(m.DeviceKey); err != nil {
		return nil, err
	}
	bdev, err := loadBundleDevice(db, "public_key = ?", m.DeviceKey)
	if err != nil {
		return nil, err
	}
	if bdev != nil {
		dev, err := s.loadDevice(db, bdev.DeviceID)
		if err != nil {
			return nil, err
		}
		if dev == nil {
			return nil, domain.E(domain.CodeInternal, "server.bundle", errors.New("bundle device without device row"))
		}
		return &bundleIdentity{dev: dev, bdev: bdev}, nil
	}
	if m.EnrolMAC == "" {
		return nil, bundleRefused(syncproto.CodeBundleUnknown, "the laptop is not enrolled and the bundle carries no enrolment code")
	}
	var codes []enrolCodeRow
	if err := db.Where("NOT used AND expires_at > ?", s.now()).Find(&codes).Error; err != nil {
		return nil, err
	}
	for i := range codes {
		if syncproto.MACEqual(m.EnrolMAC, syncproto.EnrolMAC(codes[i].Hash, m.DeviceKey)) {
			return &bundleIdentity{enrolCode: &codes[i]}, nil
		}
	}
	return nil, bundleRefused(syncproto.CodeBundleEnrolInvalid, "the enrolment code in the bundle is unknown, already used or expired: make a new one with `kembang-server enrol-code`")
}

// enrolByBundle consumes the code and makes the device, bound to its key.
// Another import of a bundle of the same laptop (bundles written before
// the first return bundle came back all carry the code) may have enrolled
// it meanwhile: the code is then used by a device holding this bundle's
// key, and the import goes on as that device's (enrolled false). The
// transaction holds the writers' lock, so of two imports racing here one
// enrols and the other sees its device.
func (s *Server) enrolByBundle(ctx context.Context, id *bundleIdentity, m *syncproto.BundleManifest) (enrolled bool, err error) {
	devID := s.NewID()
	now := s.now()
	err = s.seqTx(ctx, func(tx *gorm.DB, _ func() int64) error {
		res := tx.Model(&enrolCodeRow{}).Where("hash = ? AND NOT used AND expires_at > ?", id.enrolCode.Hash, now).
			Updates(map[string]any{"used": true, "used_by": devID})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected != 1 {
			bdev, err := loadBundleDevice(tx, "public_key = ?", m.DeviceKey)
			if err != nil {
				return err
			}
			if bdev == nil || bdev.ProofHash != id.enrolCode.Hash {
				return bundleRefused(syncproto.CodeBundleEnrolInvalid, "the enrolment code was used meanwhile")
			}
			dev, err := s.loadDevice(tx, bdev.DeviceID)
			if err != nil {
				return err
			}
			if dev == nil {
				return domain.E(domain.CodeInternal, "server.bundle", errors.New("bundle device without device row"))
			}
			id.dev, id.bdev, id.enrolCode = dev, bdev, nil
			return nil
		}
		name := strings.TrimSpace(m.DeviceName)
		if len(name) > 200 {
			name = name[:200]
		}
		devCode, err := checkDeviceCode(tx, id.enrolCode.OfficeID, m.DeviceCode, "")
		var taken *DeviceCodeTakenError
		switch {
		case errors.As(err, &taken):
			return bundleRefused(syncproto.CodeBundleDeviceCodeTaken, "%s; nothing changed", taken.Error())
		case errors.Is(err, errBadDeviceCode):
			return bundleRefused(syncproto.CodeBundleDamaged, "the bundle carries an invalid device code %q", m.DeviceCode)
		case err != nil:
			return err
		}
		// The device has no online credential: its token hash is the hash
		// of a random secret nobody knows.
		dev := deviceRow{ID: devID, OfficeID: id.enrolCode.OfficeID, Name: name, Code: devCode, TokenHash: hashSecret(randomHex(32)), CreatedAt: now}
		if err := tx.Create(&dev).Error; err != nil {
			return err
		}
		bdev := bundleDeviceRow{DeviceID: devID, PublicKey: m.DeviceKey, ProofHash: id.enrolCode.Hash, UpdatedAt: now}
		if err := tx.Create(&bdev).Error; err != nil {
			return err
		}
		id.dev, id.bdev, enrolled = &dev, &bdev, true
		return nil
	})
	return enrolled, err
}

// ImportBundle applies a changes bundle and makes the return bundle. A
// refusal (*syncproto.BundleError) changes nothing.
func (s *Server) ImportBundle(ctx context.Context, data []byte, opt BundleImportOptions) (*BundleImport, error) {
	b, err := syncproto.OpenBundle(data)
	if err != nil {
		return nil, err
	}
	m := b.Manifest
	if m.Kind != syncproto.BundleChanges {
		return nil, bundleRefused(syncproto.CodeBundleWrongKind, "this is a %s bundle; the server imports changes bundles written by a laptop", m.Kind)
	}
	db := s.DB.WithContext(ctx)
	id, err := s.identify(db, b)
	if err != nil && m.DeviceID == "" && refusal(err) == syncproto.CodeBundleEnrolInvalid {
		// Another import of this laptop's bundles may have used the code
		// between identify's look-up of the key and its look-up of the
		// codes: the enrolment that used it committed its key with it, so
		// a second look finds the device.
		id, err = s.identify(db, b)
	}
	if err != nil {
		return nil, err
	}
	if id.dev != nil {
		if err := s.checkBundleOrder(db, id, &m, opt); err != nil {
			return nil, err
		}
	} else if opt.Office != "" && id.enrolCode.OfficeID != opt.Office {
		return nil, bundleRefused(syncproto.CodeBundleOtherOffice, "the bundle enrols a laptop of office %s, not of office %s", id.enrolCode.OfficeID, opt.Office)
	}
	var payload syncproto.ChangesPayload
	if err := b.Payload(&payload); err != nil {
		return nil, err
	}
	if len(payload.Mutations) != m.Counts.Mutations {
		return nil, bundleRefused(syncproto.CodeBundleDamaged, "the bundle holds %d mutations, its manifest says %d", len(payload.Mutations), m.Counts.Mutations)
	}
	// The limits Push enforces, checked up front: a bundle is applied in
	// several Push batches and must not stop halfway on a malformed one.
	for _, x := range payload.Mutations {
		if x.MutationID == "" || len(x.MutationID) > 36 || x.EntityID == "" || len(x.EntityID) > 36 || len(x.Entity) > 40 {
			return nil, bundleRefused(syncproto.CodeBundleDamaged, "the bundle holds a mutation without a valid id")
		}
	}
	out := &BundleImport{Bundle: m}
	if id.dev == nil {
		enrolled, err := s.enrolByBundle(ctx, id, &m)
		if err != nil {
			return nil, err
		}
		if enrolled {
			out.Enrolled = true
			s.Logger.Info("device enrolled by bundle", "device", id.dev.ID, "office", id.dev.OfficeID)
		} else if err := s.checkBundleOrder(db, id, &m, opt); err != nil {
			return nil, err
		}
	}
	dev := id.dev
	out.DeviceID = dev.ID
	if m.DeviceID == "" && m.Office.ID != "" && m.Office.ID != dev.OfficeID {
		// Written before the laptop learnt its office: its own office id
		// stands for the server's, as the online client's AdoptOffice
		// rewrites it at enrolment.
		remapOffice(payload.Mutations, m.Office.ID, dev.OfficeID)
	}
	ret := syncproto.ReturnPayload{Results: make([]syncproto.Result, 0, len(payload.Mutations))}
	var counts syncproto.BundleCounts
	for start := 0; start < len(payload.Mutations); start += syncproto.MaxPushBatch {
		end := min(start+syncproto.MaxPushBatch, len(payload.Mutations))
		resp, err := s.Push(ctx, dev, &syncproto.PushRequest{Mutations: payload.Mutations[start:end]})
		if err != nil {
			var bad *errBadRequest
			if errors.As(err, &bad) {
				return nil, bundleRefused(syncproto.CodeBundleDamaged, "the server refused the mutations: %s", bad.msg)
			}
			return nil, err
		}
		ret.Results = append(ret.Results, resp.Results...)
	}
	for _, r := range ret.Results {
		switch r.Status {
		case syncproto.StatusApplied:
			counts.Applied++
		case syncproto.StatusDuplicate:
			counts.Duplicates++
		case syncproto.StatusRejected:
			counts.Rejected++
		}
		counts.Conflicts += len(r.Conflicts)
	}
	counts.Mutations = len(ret.Results)
	// Pull from the laptop's cursor, as online.
	cursor, reset := m.Cursor, false
	for {
		page, err := s.Pull(ctx, dev, cursor)
		if errors.Is(err, errReset) && !reset {
			cursor, reset, ret.Pages = "", true, nil
			continue
		}
		var bad *errBadRequest
		if errors.As(err, &bad) && !reset {
			// A cursor this server cannot read (another server's, or one
			// from before a restore): start a new snapshot, as a reset.
			cursor, reset, ret.Pages = "", true, nil
			continue
		}
		if err != nil {
			return nil, err
		}
		ret.Pages = append(ret.Pages, *page)
		cursor = page.Cursor
		if !page.More {
			break
		}
	}
	for _, p := range ret.Pages {
		counts.Changes += p.Len()
	}
	counts.Pages = len(ret.Pages)
	office, err := s.officeOf(db, dev.OfficeID)
	if err != nil {
		return nil, err
	}
	out.Office = office
	key, err := s.serverKey(db)
	if err != nil {
		return nil, err
	}
	pub := syncproto.EncodePublicKey(key.Public().(ed25519.PublicKey))
	proofHash := dev.TokenHash
	if id.bdev != nil && id.bdev.ProofHash != "" {
		proofHash = id.bdev.ProofHash
	}
	rm := syncproto.BundleManifest{
		Kind: syncproto.BundleReturn, ID: s.NewID(), Seq: m.Seq, CreatedAt: s.now(), Office: office,
		DeviceID: dev.ID, DeviceKey: m.DeviceKey, DeviceName: dev.Name, Cursor: cursor, InReplyTo: m.ID,
		FromCursor: m.Cursor, Reset: reset, ServerKey: pub, ServerKeyProof: syncproto.ServerKeyProof(proofHash, dev.ID, pub),
		Counts: counts,
	}
	file, err := syncproto.WriteBundle(rm, &ret, key)
	if err != nil {
		return nil, domain.E(domain.CodeInternal, "server.bundle", err)
	}
	// Record the import last: a crash before this point leaves a bundle
	// that imports again, deduplicated, with the same outcome. The
	// transaction holds the writers' lock, so two imports of one device's
	// bundles record in turn, the later seeing the earlier.
	err = s.seqTx(ctx, func(tx *gorm.DB, _ func() int64) error {
		now := s.now()
		var prior int64
		if err := tx.Model(&bundleImportRow{}).Where("bundle_id = ?", m.ID).Count(&prior).Error; err != nil {
			return err
		}
		if prior > 0 {
			return bundleRefused(syncproto.CodeBundleReplayed, "bundle %s was imported meanwhile", m.ID)
		}
		if err := tx.Create(&bundleImportRow{BundleID: m.ID, DeviceID: dev.ID, Seq: m.Seq, Mutations: len(payload.Mutations),
			ReturnID: rm.ID, ImportedAt: now}).Error; err != nil {
			return err
		}
		if id.register != nil {
			// Another bundle of the device may have registered the key
			// meanwhile: then this one is recorded as its next.
			have, err := loadBundleDevice(tx, "device_id = ?", dev.ID)
			if err != nil {
				return err
			}
			if have == nil {
				if id.replaces != nil {
					if err := tx.Where("device_id = ?", id.replaces.DeviceID).Delete(&bundleDeviceRow{}).Error; err != nil {
						return err
					}
				}
				id.register.UpdatedAt = now
				id.register.LastSeq, id.register.LastBundle, id.register.Cursor = m.Seq, m.ID, m.Cursor
				return tx.Create(id.register).Error
			}
			if have.PublicKey != id.register.PublicKey {
				return bundleRefused(syncproto.CodeBundleKeyMismatch, "device %s registered another key meanwhile", dev.ID)
			}
		}
		res := tx.Model(&bundleDeviceRow{}).Where("device_id = ? AND last_seq < ?", dev.ID, m.Seq).
			Updates(map[string]any{"last_seq": m.Seq, "last_bundle": m.ID, "cursor": m.Cursor, "updated_at": now})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected != 1 {
			return bundleRefused(syncproto.CodeBundleOlder, "a newer bundle of device %s was imported meanwhile", dev.ID)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out.Return, out.ReturnFile = rm, file
	s.Logger.Info("bundle imported", "device", dev.ID, "bundle", m.ID, "seq", m.Seq, "mutations", counts.Mutations,
		"applied", counts.Applied, "duplicates", counts.Duplicates, "rejected", counts.Rejected, "changes", counts.Changes)
	return out, nil
}

func (s *Server) checkBundleOrder(db *gorm.DB, id *bundleIdentity, m *syncproto.BundleManifest, opt BundleImportOptions) error {
	dev := id.dev
	if dev.Revoked {
		return bundleRefused(syncproto.CodeBundleRevoked, "device %s was revoked; its bundles are no longer accepted", dev.ID)
	}
	if opt.Office != "" && dev.OfficeID != opt.Office {
		return bundleRefused(syncproto.CodeBundleOtherOffice, "the bundle comes from device %s of office %s, not of office %s", dev.ID, dev.OfficeID, opt.Office)
	}
	if m.DeviceID != "" && m.Office.ID != dev.OfficeID {
		return bundleRefused(syncproto.CodeBundleOtherOffice, "the bundle says office %s but device %s belongs to office %s", m.Office.ID, dev.ID, dev.OfficeID)
	}
	var prior []bundleImportRow
	if err := db.Where("bundle_id = ?", m.ID).Limit(1).Find(&prior).Error; err != nil {
		return err
	}
	if len(prior) == 1 {
		return bundleRefused(syncproto.CodeBundleReplayed, "bundle %d of device %s was already imported on %s; nothing changed (a lost return bundle is replaced by exporting a new bundle on the laptop)",
			m.Seq, dev.ID, prior[0].ImportedAt.UTC().Format("2006-01-02 15:04 MST"))
	}
	last := id.bdev
	if last == nil {
		last = id.replaces
	}
	if last != nil && m.Seq <= last.LastSeq {
		return bundleRefused(syncproto.CodeBundleOlder, "bundle %d of device %s is older than bundle %d, imported already; nothing changed (the newer bundle holds all its changes)",
			m.Seq, dev.ID, last.LastSeq)
	}
	return nil
}

func (s *Server) officeOf(db *gorm.DB, officeID string) (syncproto.Office, error) {
	o, err := loadChange(db, "office", officeID)
	if err != nil {
		return syncproto.Office{}, err
	}
	if o == nil {
		return syncproto.Office{ID: officeID}, nil
	}
	var d domain.Office
	if err := json.Unmarshal([]byte(o.Payload), &d); err != nil {
		return syncproto.Office{}, err
	}
	return syncproto.Office{ID: d.ID, Code: d.Code, Name: d.Name}, nil
}

// remapOffice rewrites the top-level officeId of payloads from the
// laptop's provisional office to its office on the server.
func remapOffice(ms []syncproto.Mutation, from, to string) {
	fromJSON, _ := json.Marshal(from)
	toJSON, _ := json.Marshal(to)
	for i := range ms {
		var f map[string]json.RawMessage
		if json.Unmarshal(ms[i].Payload, &f) != nil || f == nil || string(f["officeId"]) != string(fromJSON) {
			continue
		}
		f["officeId"] = toJSON
		if b, err := json.Marshal(f); err == nil {
			ms[i].Payload = b
		}
	}
}

// refusal is the bundle code of a refusal, "" for any other error.
func refusal(err error) string {
	var be *syncproto.BundleError
	if errors.As(err, &be) {
		return be.Code
	}
	return ""
}
