package sync

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/report"
	"kembang/backend/store"
	"kembang/backend/syncproto"
)

// Sync by file, laptop side (format and identity: syncproto/bundle.go).
//
// ExportBundle writes the pending outbox as a changes bundle signed with
// the device key; ImportReturn applies the server's return bundle in one
// local transaction: enrolment (office, device id, pinned server key), the
// push results exactly as an online push answer is applied, the pulled
// rows exactly as online pages are, and the cursor. Online rounds and
// bundles share the outbox and the cursor, so they mix freely: whatever
// one of them acknowledged leaves the outbox and the other finds nothing
// to do for it; pulled rows older than the cursor are not applied again.

// Settings of sync by file (local, never synced).
const (
	SettingDeviceKey        = "sync.device_key"        // Ed25519 seed, hex; a secret (store.GetSecret)
	SettingServerKey        = "sync.server_key"        // the server's bundle key, pinned on the first return bundle
	SettingBundleSeq        = "sync.bundle_seq"        // number of the last exported bundle
	SettingBundleCodeHash   = "sync.bundle_code_hash"  // SHA-256 of the enrolment codes used (newest first, space-separated), until the first return bundle
	SettingBundleReturnSeq  = "sync.bundle_return_seq" // the bundle number the last imported return bundle answered
	SettingBundleReturnID   = "sync.bundle_return_id"
	SettingBundleLastExport = "sync.bundle_last_export"
	SettingBundleLastImport = "sync.bundle_last_import"
)

// centralEntities are never sent by a laptop that has not enrolled yet
// (its seeded office and dictionary are placeholders; AdoptOffice drops
// their mutations at enrolment).
var centralEntities = map[string]bool{"office": true, "competency": true, "framework_version": true}

// ExportOptions are the choices of an export.
type ExportOptions struct {
	// Code is the one-time enrolment code typed from paper; required for
	// the first bundle of a laptop that has never been enrolled.
	Code       string
	DeviceName string
	// NoReceipt skips the PDF receipt.
	NoReceipt bool
}

// ExportResult is a written bundle.
type ExportResult struct {
	Path       string                   `json:"path"`
	Receipt    string                   `json:"receipt"` // the PDF receipt, "" when skipped
	Manifest   syncproto.BundleManifest `json:"manifest"`
	FileSHA256 string                   `json:"fileSha256"`
	Size       int64                    `json:"size"`
}

// deviceKey returns the laptop's Ed25519 key, made on first use. A key that
// exists but cannot be read here is sync.reenrol_required, never replaced
// silently (the server knows this device by it).
func (c *Client) deviceKey(ctx context.Context) (ed25519.PrivateKey, error) {
	v, err := c.secret(ctx, SettingDeviceKey)
	if err != nil {
		return nil, err
	}
	if v != "" {
		seed, err := hex.DecodeString(v)
		if err == nil && len(seed) == ed25519.SeedSize {
			return ed25519.NewKeyFromSeed(seed), nil
		}
		return nil, domain.E(domain.CodeInternal, "sync.device_key", errors.New("stored device key is malformed"))
	}
	_, k, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, domain.E(domain.CodeInternal, "sync.device_key", err)
	}
	if err := c.Store.SetSecret(ctx, SettingDeviceKey, hex.EncodeToString(k.Seed())); err != nil {
		return nil, err
	}
	return k, nil
}

// DevicePublicKey returns the laptop's public device key (made on first use).
func (c *Client) DevicePublicKey(ctx context.Context) (string, error) {
	k, err := c.deviceKey(ctx)
	if err != nil {
		return "", err
	}
	return syncproto.EncodePublicKey(k.Public().(ed25519.PublicKey)), nil
}

func bundleErr(code, format string, args ...any) error {
	return domain.E(code, "sync.bundle", fmt.Errorf(format, args...))
}

// asDomain turns a syncproto refusal into a domain error with its code.
func asDomain(err error) error {
	var be *syncproto.BundleError
	if errors.As(err, &be) {
		return domain.E(be.Code, "sync.bundle", errors.New(be.Message))
	}
	return err
}

// ExportBundle writes the pending outbox as a signed bundle into dir, and
// a PDF receipt next to it.
func (c *Client) ExportBundle(ctx context.Context, dir string, opt ExportOptions) (*ExportResult, error) {
	c.round.Lock()
	defer c.round.Unlock()
	const op = "sync.bundle_export"
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, domain.E(domain.CodeInvalid, op, err, "field", "folder", "value", dir)
	}
	key, err := c.deviceKey(ctx)
	if err != nil {
		return nil, err
	}
	pub := syncproto.EncodePublicKey(key.Public().(ed25519.PublicKey))
	deviceID := c.setting(ctx, SettingDeviceID)
	cred, err := c.secret(ctx, SettingCredential)
	if err != nil {
		return nil, err
	}
	m := syncproto.BundleManifest{Kind: syncproto.BundleChanges, ID: store.NewUUIDv7(), CreatedAt: c.Now().UTC(),
		DeviceID: deviceID, DeviceKey: pub, Cursor: c.setting(ctx, SettingCursor)}
	if m.DeviceCode, err = core.DeviceCode(ctx, c.Store); err != nil {
		return nil, err
	}
	m.DeviceName = strings.TrimSpace(opt.DeviceName)
	if m.DeviceName == "" {
		m.DeviceName, _ = os.Hostname()
	}
	// A new code (the first was mistyped or expired) is used from now on;
	// the earlier ones stay known, since a bundle carrying one of them may
	// be the one that enrols the laptop.
	codeHashes := strings.Fields(c.setting(ctx, SettingBundleCodeHash))
	if code := strings.TrimSpace(opt.Code); code != "" && deviceID == "" {
		h := syncproto.SecretHash(syncproto.NormaliseCode(code))
		codeHashes = append([]string{h}, slices.DeleteFunc(codeHashes, func(x string) bool { return x == h })...)
	}
	codeHash := ""
	if len(codeHashes) > 0 {
		codeHash = codeHashes[0]
	}
	switch {
	case deviceID == "" && codeHash == "":
		return nil, bundleErr(syncproto.CodeBundleNeedsCode, "this laptop is not enrolled: give the one-time enrolment code for its first bundle")
	case deviceID == "":
		m.EnrolMAC = syncproto.EnrolMAC(codeHash, pub)
	case cred != "":
		_, token, _ := strings.Cut(cred, ".")
		m.KeyProof = syncproto.KeyProof(syncproto.SecretHash(token), deviceID, pub)
	}
	if o, err := c.Store.LocalOffice(ctx); err == nil {
		m.Office = syncproto.Office{ID: o.ID, Code: o.Code, Name: o.Name}
	}
	db := c.Store.DB.WithContext(ctx)
	var entries []domain.OutboxEntry
	if err := db.Where("entity IN ?", SyncedEntities).Order(c.outboxOrder()).Find(&entries).Error; err != nil {
		return nil, domain.E(domain.CodeInternal, op, err)
	}
	if deviceID == "" {
		kept := entries[:0]
		for _, e := range entries {
			if !centralEntities[e.Entity] {
				kept = append(kept, e)
			}
		}
		entries = kept
	}
	muts, err := c.buildMutations(db, entries)
	if err != nil {
		return nil, err
	}
	m.Counts = syncproto.BundleCounts{Mutations: len(muts), ByEntity: map[string]int{}}
	for _, e := range entries {
		m.Counts.ByEntity[e.Entity]++
	}
	if len(entries) > 0 {
		from, to := entries[0].CreatedAt.UTC(), entries[len(entries)-1].CreatedAt.UTC()
		m.Range = syncproto.BundleRange{FirstMutation: entries[0].MutationID, LastMutation: entries[len(entries)-1].MutationID, From: &from, To: &to}
	}
	seq, _ := strconv.ParseInt(c.setting(ctx, SettingBundleSeq), 10, 64)
	m.Seq = seq + 1
	file, err := syncproto.WriteBundle(m, &syncproto.ChangesPayload{Mutations: muts}, key)
	if err != nil {
		return nil, domain.E(domain.CodeInternal, op, err)
	}
	opened, err := syncproto.OpenBundle(file)
	if err != nil {
		return nil, domain.E(domain.CodeInternal, op, err)
	}
	m = opened.Manifest
	// The number is taken before the file exists: a failed write leaves a
	// gap, never two bundles with one number.
	if err := c.Store.SetSetting(ctx, SettingBundleSeq, strconv.FormatInt(m.Seq, 10)); err != nil {
		return nil, err
	}
	if deviceID == "" {
		if err := c.Store.SetSetting(ctx, SettingBundleCodeHash, strings.Join(codeHashes[:min(len(codeHashes), 8)], " ")); err != nil {
			return nil, err
		}
	}
	name := bundleFileName(m)
	path := filepath.Join(dir, name+syncproto.BundleExt)
	if err := core.WriteFileAtomic(path, file); err != nil {
		return nil, domain.E(domain.CodeInternal, op, err, "path", path)
	}
	res := &ExportResult{Path: path, Manifest: m, FileSHA256: opened.FileSHA256, Size: int64(len(file))}
	if !opt.NoReceipt {
		pdf, err := ReceiptPDF(m, opened.FileSHA256, filepath.Base(path), int64(len(file)))
		if err != nil {
			return nil, err
		}
		res.Receipt = filepath.Join(dir, name+"-tanda-terima.pdf")
		if err := core.WriteFileAtomic(res.Receipt, pdf); err != nil {
			return nil, domain.E(domain.CodeInternal, op, err, "path", res.Receipt)
		}
	}
	_ = c.Store.SetSetting(ctx, SettingBundleLastExport, m.CreatedAt.Format(time.RFC3339Nano))
	return res, nil
}

func bundleFileName(m syncproto.BundleManifest) string {
	office := m.Office.Code
	if office == "" {
		office = m.Office.Name
	}
	office = strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			return r
		case r == ' ' || r == '-' || r == '_':
			return '-'
		}
		return -1
	}, office)
	if len(office) > 32 {
		office = office[:32]
	}
	if office == "" {
		office = "kantor"
	}
	return fmt.Sprintf("kembang-%s-%04d-%s", strings.ToLower(office), m.Seq, m.CreatedAt.Local().Format("20060102-1504"))
}

// ReturnResult is what importing a return bundle did.
type ReturnResult struct {
	Manifest syncproto.BundleManifest `json:"manifest"`
	Report   Report                   `json:"report"`
	// Enrolled is true when this return bundle enrolled the laptop.
	Enrolled bool `json:"enrolled"`
	// Acknowledged counts the results for mutations still in the outbox
	// (the others were acknowledged online meanwhile).
	Acknowledged int `json:"acknowledged"`
	// PullSkipped says why pulled rows were not applied ("" = applied):
	// "current" when the laptop already holds them.
	PullSkipped string `json:"pullSkipped,omitempty"`
}

// ImportReturn verifies a return bundle and applies it in one local
// transaction. A refusal changes nothing.
func (c *Client) ImportReturn(ctx context.Context, data []byte) (*ReturnResult, error) {
	c.round.Lock()
	defer c.round.Unlock()
	b, err := syncproto.OpenBundle(data)
	if err != nil {
		return nil, asDomain(err)
	}
	m := b.Manifest
	if m.Kind != syncproto.BundleReturn {
		return nil, bundleErr(syncproto.CodeBundleWrongKind, "this is a %s bundle written by a laptop; import it on the central server with `kembang-server bundle import`", m.Kind)
	}
	if c.setting(ctx, SettingDeviceKey) == "" {
		return nil, bundleErr(syncproto.CodeBundleNotOurs, "this laptop has never written a bundle, so this return bundle is not for it")
	}
	pub, err := c.DevicePublicKey(ctx)
	if err != nil {
		return nil, err
	}
	deviceID := c.setting(ctx, SettingDeviceID)
	if m.DeviceKey != pub || (deviceID != "" && m.DeviceID != deviceID) {
		return nil, bundleErr(syncproto.CodeBundleOtherDevice, "this return bundle is for device %s (%s), not for this laptop", m.DeviceID, m.DeviceName)
	}
	pinned := c.setting(ctx, SettingServerKey)
	if pinned != "" {
		if m.ServerKey != pinned {
			return nil, bundleErr(syncproto.CodeBundleServerKey, "the return bundle is signed by another server key than the one this laptop trusts")
		}
		if err := b.Verify(pinned); err != nil {
			return nil, asDomain(err)
		}
	} else {
		if err := b.Verify(m.ServerKey); err != nil {
			return nil, asDomain(err)
		}
		var secrets []string
		secrets = append(secrets, strings.Fields(c.setting(ctx, SettingBundleCodeHash))...)
		if cred, _ := c.secret(ctx, SettingCredential); cred != "" {
			_, token, _ := strings.Cut(cred, ".")
			secrets = append(secrets, syncproto.SecretHash(token))
		}
		ok := false
		for _, h := range secrets {
			if syncproto.MACEqual(m.ServerKeyProof, syncproto.ServerKeyProof(h, m.DeviceID, m.ServerKey)) {
				ok = true
			}
		}
		if !ok {
			return nil, bundleErr(syncproto.CodeBundleServerKey, "the return bundle does not prove it comes from the server this laptop enrolled with")
		}
	}
	exported, _ := strconv.ParseInt(c.setting(ctx, SettingBundleSeq), 10, 64)
	if m.Seq > exported {
		return nil, bundleErr(syncproto.CodeBundleNotOurs, "this return bundle answers bundle %d, but this laptop has written %d bundles", m.Seq, exported)
	}
	if m.ID == c.setting(ctx, SettingBundleReturnID) {
		return nil, bundleErr(syncproto.CodeBundleReplayed, "this return bundle was imported already on %s; nothing changed", c.setting(ctx, SettingBundleLastImport))
	}
	if last, _ := strconv.ParseInt(c.setting(ctx, SettingBundleReturnSeq), 10, 64); m.Seq <= last {
		return nil, bundleErr(syncproto.CodeBundleOlder, "this return bundle answers bundle %d; the answer to bundle %d was imported already and holds everything in it; nothing changed", m.Seq, last)
	}
	var payload syncproto.ReturnPayload
	if err := b.Payload(&payload); err != nil {
		return nil, asDomain(err)
	}
	if len(payload.Results) != m.Counts.Mutations {
		return nil, bundleErr(syncproto.CodeBundleDamaged, "the return bundle holds %d results, its manifest says %d", len(payload.Results), m.Counts.Mutations)
	}
	if m.Cursor == "" {
		return nil, bundleErr(syncproto.CodeBundleDamaged, "the return bundle carries no cursor")
	}
	res := &ReturnResult{Manifest: m, Enrolled: deviceID == ""}
	now := c.Now().UTC()
	err = c.Store.Remote(ctx, func(r *store.RemoteTx) error {
		tx := r.DB()
		if deviceID == "" {
			if err := r.AdoptOffice(domain.Office{SyncMeta: domain.SyncMeta{ID: m.Office.ID, Version: 1, UpdatedAt: now},
				Code: m.Office.Code, Name: m.Office.Name}); err != nil {
				return err
			}
			if err := upsertSetting(tx, SettingDeviceID, m.DeviceID); err != nil {
				return err
			}
			if err := upsertSetting(tx, SettingBundleCodeHash, ""); err != nil {
				return err
			}
		}
		if pinned == "" {
			if err := upsertSetting(tx, SettingServerKey, m.ServerKey); err != nil {
				return err
			}
		}
		// Results, for the mutations still waiting (the same code as an
		// online push answer).
		ids := make([]string, len(payload.Results))
		for i, x := range payload.Results {
			ids[i] = x.MutationID
		}
		var pending []domain.OutboxEntry
		for start := 0; start < len(ids); start += 500 {
			var part []domain.OutboxEntry
			if err := tx.Where("mutation_id IN ?", ids[start:min(start+500, len(ids))]).Find(&part).Error; err != nil {
				return err
			}
			pending = append(pending, part...)
		}
		byID := make(map[string]domain.OutboxEntry, len(pending))
		for _, e := range pending {
			byID[e.MutationID] = e
		}
		var entries []domain.OutboxEntry
		var results []syncproto.Result
		for _, x := range payload.Results {
			if e, ok := byID[x.MutationID]; ok {
				entries = append(entries, e)
				results = append(results, x)
			}
		}
		res.Acknowledged = len(entries)
		if err := c.applyPushResults(r, entries, results, m.DeviceID, now, &res.Report); err != nil {
			return err
		}
		// Pulled rows, from where the laptop stands. A row the results
		// just adopted at the same change_seq is the same state: skipped.
		adopted := make(map[adoptedRow]bool, len(results))
		for _, x := range results {
			if x.Current != nil {
				adopted[adoptedRow{x.Current.Entity, x.Current.EntityID, x.Current.Seq}] = true
			}
		}
		apply, from, reset, reason := pullPlan(c.setting(ctx, SettingCursor), m)
		res.PullSkipped = reason
		if apply {
			if reset {
				if err := tx.Model(&shadow{}).Where("seq <> 0").Update("seq", 0).Error; err != nil {
					return err
				}
				res.Report.Resets++
			}
			for i := range payload.Pages {
				all, rows, err := decodePage(&payload.Pages[i])
				if err != nil {
					return err
				}
				changes := make([]syncproto.Change, 0, len(all))
				keep := make([]domain.Syncable, 0, len(all))
				for j, ch := range all {
					if ch.Seq <= from {
						continue
					}
					res.Report.Pulled++
					if reset || !adopted[adoptedRow{ch.Entity, ch.EntityID, ch.Seq}] {
						changes = append(changes, ch)
						keep = append(keep, rows[j])
					}
				}
				if err := applyPage(r, changes, keep); err != nil {
					return err
				}
				res.Report.Pages++
			}
			if err := upsertSetting(tx, SettingCursor, m.Cursor); err != nil {
				return err
			}
		}
		for k, v := range map[string]string{
			SettingBundleReturnSeq: strconv.FormatInt(m.Seq, 10), SettingBundleReturnID: m.ID,
			SettingBundleLastImport: now.Format(time.RFC3339Nano), SettingLastSuccess: now.Format(time.RFC3339Nano),
		} {
			if err := upsertSetting(tx, k, v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

type adoptedRow struct {
	entity, id string
	seq        int64
}

// pullPlan decides how a return bundle's pages meet the laptop's cursor:
// whether to apply them, from which change_seq on (rows at or before it
// are already here), and whether they are a new snapshot (reset).
func pullPlan(current string, m syncproto.BundleManifest) (apply bool, from int64, reset bool, reason string) {
	to, err := syncproto.PeekCursor(m.Cursor)
	if err != nil {
		return false, 0, false, "cursor"
	}
	if current == "" {
		if m.FromCursor != "" && !m.Reset {
			return false, 0, false, "gap"
		}
		return true, 0, m.Reset, ""
	}
	l, err := syncproto.PeekCursor(current)
	if err != nil {
		// The laptop's own cursor is unreadable: take the snapshot.
		return true, 0, true, ""
	}
	if l.Epoch != to.Epoch {
		if m.Reset {
			return true, 0, true, ""
		}
		return false, 0, false, "epoch"
	}
	if l.ChangeSeq >= to.ChangeSeq {
		return false, 0, false, "current"
	}
	if !m.Reset {
		f, err := syncproto.PeekCursor(m.FromCursor)
		if err != nil || (m.FromCursor != "" && (f.Epoch != l.Epoch || f.ChangeSeq > l.ChangeSeq)) {
			// The pages start after the laptop's position: applying them
			// would leave a gap. The next bundle carries the cursor.
			return false, 0, false, "gap"
		}
	}
	return true, l.ChangeSeq, false, ""
}

// BundleState is what the sync dialog shows about sync by file.
type BundleState struct {
	DeviceID      string     `json:"deviceId"`
	Enrolled      bool       `json:"enrolled"`      // the laptop has a device id (online or by file)
	Online        bool       `json:"online"`        // it is enrolled with a server address
	CodePending   bool       `json:"codePending"`   // bundles were exported with an enrolment code, no return bundle yet
	ServerPinned  bool       `json:"serverPinned"`  // a return bundle was imported: the server key is pinned
	LastSeq       int64      `json:"lastSeq"`       // number of the last exported bundle
	LastReturnSeq int64      `json:"lastReturnSeq"` // the bundle number the last return answered
	LastExport    *time.Time `json:"lastExport"`
	LastImport    *time.Time `json:"lastImport"`
	Pending       int64      `json:"pending"` // mutations the next bundle carries
}

// BundleStatus reports the state of sync by file.
func (c *Client) BundleStatus(ctx context.Context) (BundleState, error) {
	st := BundleState{DeviceID: c.setting(ctx, SettingDeviceID)}
	st.Enrolled = st.DeviceID != ""
	st.Online = c.setting(ctx, SettingServerURL) != ""
	st.CodePending = !st.Enrolled && c.setting(ctx, SettingBundleCodeHash) != ""
	st.ServerPinned = c.setting(ctx, SettingServerKey) != ""
	st.LastSeq, _ = strconv.ParseInt(c.setting(ctx, SettingBundleSeq), 10, 64)
	st.LastReturnSeq, _ = strconv.ParseInt(c.setting(ctx, SettingBundleReturnSeq), 10, 64)
	for key, dst := range map[string]**time.Time{SettingBundleLastExport: &st.LastExport, SettingBundleLastImport: &st.LastImport} {
		if t, err := time.Parse(time.RFC3339Nano, c.setting(ctx, key)); err == nil {
			*dst = &t
		}
	}
	q := c.Store.DB.WithContext(ctx).Model(&domain.OutboxEntry{}).Where("entity IN ?", SyncedEntities)
	if !st.Enrolled {
		central := make([]string, 0, len(centralEntities))
		for e := range centralEntities {
			central = append(central, e)
		}
		sort.Strings(central)
		q = q.Where("entity NOT IN ?", central)
	}
	if err := q.Count(&st.Pending).Error; err != nil {
		return st, domain.E(domain.CodeInternal, "sync.bundle_status", err)
	}
	return st, nil
}

// entityLabels name entities on the receipt.
var entityLabels = map[string]string{
	"office": "Kantor", "unit": "Unit kerja", "competency": "Kompetensi", "framework_version": "Versi kamus kompetensi",
	"position": "Jabatan", "employee": "Pegawai", "assessment": "Penilaian kompetensi",
}

// ReceiptPDF renders the one-page receipt of a changes bundle.
func ReceiptPDF(m syncproto.BundleManifest, fileSHA256, fileName string, size int64) ([]byte, error) {
	data := report.SyncReceiptData{
		Office: m.Office.Name, Device: m.DeviceID, DeviceName: m.DeviceName, BundleID: m.ID, Seq: m.Seq,
		Created: m.CreatedAt.Local().Format("2006-01-02 15:04"), FileName: fileName, FileSize: size,
		FileSHA256: fileSHA256, Mutations: m.Counts.Mutations, Enrolment: m.EnrolMAC != "",
	}
	if m.Office.Code != "" {
		data.Office += " (" + m.Office.Code + ")"
	}
	if data.Device == "" {
		data.Device = "belum terdaftar"
	}
	for _, e := range SyncedEntities {
		if n := m.Counts.ByEntity[e]; n > 0 {
			data.ByEntity = append(data.ByEntity, report.SyncReceiptLine{Label: entityLabels[e], Count: n})
		}
	}
	if m.Range.From != nil && m.Range.To != nil {
		data.From = m.Range.From.Local().Format("2006-01-02 15:04")
		data.To = m.Range.To.Local().Format("2006-01-02 15:04")
	}
	var buf bytes.Buffer
	if err := report.SyncReceipt(&buf, data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
