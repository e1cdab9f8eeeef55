package core

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"strconv"
	"time"

	"kembang/backend/domain"
	"kembang/backend/store"
)

// Settings that are not documents, analysis or development settings.
const (
	// SettingLocale is the interface language ("id" or "en").
	SettingLocale = "ui.locale"
	// settingBackup holds BackupSettings.
	settingBackup = "backup.settings"
)

// BackupSettings say how automatic backups are kept.
type BackupSettings struct {
	// Keep is how many daily backups the rotation keeps (1–365).
	Keep int `json:"keep"`
}

// DefaultBackupSettings keeps two weeks of daily backups.
func DefaultBackupSettings() BackupSettings { return BackupSettings{Keep: store.DefaultBackupKeep} }

// ValidateBackupSettings returns every problem.
func ValidateBackupSettings(s BackupSettings) domain.FieldErrors {
	if s.Keep < 1 || s.Keep > store.MaxBackupKeep {
		return domain.FieldErrors{{Field: "keep", Code: domain.CodeAmountInvalid, Value: strconv.Itoa(s.Keep)}}
	}
	return nil
}

// BackupSettings reads the backup settings (defaults when never saved or damaged).
func (c *Core) BackupSettings(ctx context.Context) (BackupSettings, error) {
	s := DefaultBackupSettings()
	raw, ok, err := c.Store.GetSetting(ctx, settingBackup)
	if err != nil || !ok {
		return s, err
	}
	if json.Unmarshal([]byte(raw), &s) != nil || len(ValidateBackupSettings(s)) > 0 {
		return DefaultBackupSettings(), nil
	}
	return s, nil
}

// SaveBackupSettings validates and stores the backup settings.
func (c *Core) SaveBackupSettings(ctx context.Context, s BackupSettings) (BackupSettings, error) {
	if fe := ValidateBackupSettings(s); len(fe) > 0 {
		return s, fe.AsError("backup.save_settings")
	}
	b, _ := json.Marshal(s)
	return s, c.Store.SetSetting(ctx, settingBackup, string(b))
}

// DailyBackup makes a daily backup and rotates the daily backups by the settings.
func (c *Core) DailyBackup(ctx context.Context) (store.BackupInfo, error) {
	set, err := c.BackupSettings(ctx)
	if err != nil {
		return store.BackupInfo{}, err
	}
	return c.Store.MakeBackup(ctx, store.BackupDaily, set.Keep)
}

// SettingsFormat names a Kembang settings file; SettingsVersion is the
// version this binary writes and reads.
const (
	SettingsFormat  = "kembang-settings"
	SettingsVersion = 1
)

// SettingsFile is every setting of this installation an office would carry
// to another laptop, as a JSON file. What identifies this laptop (device
// id, device code of certificate numbers, sync enrolment and its secret) is
// never in it. The office's private signing key is in it only when asked
// for explicitly.
type SettingsFile struct {
	Format      string               `json:"format"`
	Version     int                  `json:"version"`
	ExportedAt  string               `json:"exportedAt"`
	AppVersion  string               `json:"appVersion"`
	Locale      string               `json:"locale,omitempty"`
	Documents   *PrintSettings       `json:"documents,omitempty"`
	Analysis    *AnalysisSettings    `json:"analysis,omitempty"`
	Development *DevelopmentSettings `json:"development,omitempty"`
	Backup      *BackupSettings      `json:"backup,omitempty"`
	TrustedKeys []TrustedKey         `json:"trustedKeys,omitempty"`
	OfficeKey   *ExportedOfficeKey   `json:"officeKey,omitempty"`
}

// ExportedOfficeKey is the office's private signing key in a settings file.
type ExportedOfficeKey struct {
	Code string `json:"code"`
	Seed string `json:"seed"` // the 32-byte Ed25519 seed, base64
}

// SettingsImported reports what an import changed.
type SettingsImported struct {
	Sections  []string `json:"sections"`  // locale, documents, analysis, development, backup, trustedKeys, officeKey
	OfficeKey bool     `json:"officeKey"` // the office key was replaced
}

// ExportSettings writes the settings file. includeOfficeKey adds the
// office's private signing key (made first if it does not exist yet).
func (c *Core) ExportSettings(ctx context.Context, includeOfficeKey bool) ([]byte, error) {
	f := SettingsFile{Format: SettingsFormat, Version: SettingsVersion, AppVersion: Version,
		ExportedAt: c.Store.Now().UTC().Format(time.RFC3339)}
	if v, ok, err := c.Store.GetSetting(ctx, SettingLocale); err != nil {
		return nil, err
	} else if ok {
		f.Locale = v
	}
	doc, err := c.PrintSettings(ctx)
	if err != nil {
		return nil, err
	}
	an, err := c.AnalysisSettings(ctx)
	if err != nil {
		return nil, err
	}
	dev, err := c.DevelopmentSettings(ctx)
	if err != nil {
		return nil, err
	}
	dev.DeviceCode = "" // this laptop's own
	bk, err := c.BackupSettings(ctx)
	if err != nil {
		return nil, err
	}
	keys, err := c.importedKeys(ctx)
	if err != nil {
		return nil, err
	}
	f.Documents, f.Analysis, f.Development, f.Backup, f.TrustedKeys = &doc, &an, &dev, &bk, keys
	if includeOfficeKey {
		signer, err := c.officeSigner(ctx)
		if err != nil {
			return nil, err
		}
		f.OfficeKey = &ExportedOfficeKey{Code: signer.OfficeID, Seed: base64.StdEncoding.EncodeToString(signer.Key.Seed())}
	}
	return json.MarshalIndent(f, "", "  ")
}

// ImportSettings validates a settings file and, when every section is
// valid, stores all of it in one transaction; otherwise nothing changes.
// The office key in the file replaces this laptop's only with
// includeOfficeKey (the replaced key stays trusted, so certificates it
// signed still verify). Errors: settings.file_invalid (detail "reason"),
// settings.version, settings.no_office_key, invalid with details.fields
// prefixed by section ("documents.logo", "analysis.mapping.mid").
func (c *Core) ImportSettings(ctx context.Context, data []byte, includeOfficeKey bool) (SettingsImported, error) {
	const op = "settings.import"
	var res SettingsImported
	bad := func(reason string, err error) error {
		return domain.E(domain.CodeSettingsFileInvalid, op, err, "reason", reason)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return res, bad("not_json", err)
	}
	if head.Format != SettingsFormat {
		return res, bad("format", nil)
	}
	if head.Version < 1 || head.Version > SettingsVersion {
		return res, domain.E(domain.CodeSettingsVersion, op, nil, "version", head.Version)
	}
	var f SettingsFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return res, domain.E(domain.CodeSettingsFileInvalid, op, err, "reason", "type", "field", te.Field)
		}
		return res, bad("structure", err)
	}

	var fe domain.FieldErrors
	prefix := func(p string, errs domain.FieldErrors) {
		for _, e := range errs {
			e.Field = p + "." + e.Field
			fe = append(fe, e)
		}
	}
	values := map[string]string{}
	put := func(section, key string, v any) {
		b, _ := json.Marshal(v)
		values[key] = string(b)
		res.Sections = append(res.Sections, section)
	}
	if f.Locale != "" {
		if f.Locale != "id" && f.Locale != "en" {
			fe = append(fe, domain.FieldError{Field: "locale", Code: domain.CodeInvalid, Value: f.Locale})
		}
		values[SettingLocale] = f.Locale
		res.Sections = append(res.Sections, "locale")
	}
	if f.Documents != nil {
		prefix("documents", ValidatePrintSettings(f.Documents))
		put("documents", settingPrint, f.Documents)
	}
	if f.Analysis != nil {
		prefix("analysis", ValidateAnalysisSettings(*f.Analysis))
		put("analysis", settingAnalysis, f.Analysis)
	}
	if f.Development != nil {
		// The device code numbers this laptop's certificates: it stays.
		cur, err := c.DevelopmentSettings(ctx)
		if err != nil {
			return res, err
		}
		f.Development.DeviceCode = cur.DeviceCode
		prefix("development", ValidateDevelopmentSettings(f.Development))
		put("development", settingDevelopment, f.Development)
	}
	if f.Backup != nil {
		prefix("backup", ValidateBackupSettings(*f.Backup))
		put("backup", settingBackup, f.Backup)
	}
	// This laptop's own key: its public half is enough here, so a key that
	// cannot be read (the database came from another Windows account or
	// computer) can be replaced by the one in the file.
	own, hasOwn, err := StoredOfficeKey(ctx, c.Store)
	ownUnreadable := domain.IsCode(err, domain.CodeOfficeKeyUnreadable)
	switch {
	case ownUnreadable:
		hasOwn = false // neither half can be read
	case err != nil:
		return res, err
	case !hasOwn:
		if own, err = c.OfficeKey(ctx); err != nil {
			return res, err
		}
		hasOwn = true
	default:
		// A public half does not prove the private key is readable.
		if _, _, err := readOfficeKey(ctx, c.Store); domain.IsCode(err, domain.CodeOfficeKeyUnreadable) {
			ownUnreadable = true
		} else if err != nil {
			return res, err
		}
	}
	var newSeed []byte
	if includeOfficeKey {
		if f.OfficeKey == nil {
			return res, domain.E(domain.CodeSettingsNoOfficeKey, op, nil)
		}
		seed, err := base64.StdEncoding.DecodeString(f.OfficeKey.Seed)
		if err != nil || len(seed) != ed25519.SeedSize ||
			KeyCode(ed25519.NewKeyFromSeed(seed).Public().(ed25519.PublicKey)) != f.OfficeKey.Code {
			fe = append(fe, domain.FieldError{Field: "officeKey", Code: domain.CodeCertificateKeyInvalid, Value: f.OfficeKey.Code})
		} else {
			newSeed = seed
		}
	}
	trusted, err := c.importedKeys(ctx)
	if err != nil {
		return res, err
	}
	byCode := map[string]TrustedKey{}
	for _, k := range trusted {
		byCode[k.Code] = k
	}
	keysChanged := false
	addKey := func(k TrustedKey) {
		if k.Code == own.Code && newSeed == nil {
			return // this laptop's own key
		}
		if _, ok := byCode[k.Code]; !ok {
			byCode[k.Code] = k
			trusted = append(trusted, k)
			keysChanged = true
		}
	}
	for i, k := range f.TrustedKeys {
		pub, ok := parsePublicKey(k.PublicKey)
		if !ok || KeyCode(pub) != k.Code {
			fe = append(fe, domain.FieldError{Field: fmt.Sprintf("trustedKeys.%d", i), Code: domain.CodeCertificateKeyInvalid, Value: k.Code})
			continue
		}
		if prev, ok := byCode[k.Code]; ok && prev.PublicKey != base64.RawURLEncoding.EncodeToString(pub) {
			fe = append(fe, domain.FieldError{Field: fmt.Sprintf("trustedKeys.%d", i), Code: domain.CodeCertificateKeyConflict, Value: k.Code})
			continue
		}
		addKey(TrustedKey{Code: k.Code, PublicKey: base64.RawURLEncoding.EncodeToString(pub),
			AddedAt: c.Store.Now().UTC().Format(time.RFC3339)})
	}
	if len(fe) > 0 {
		return SettingsImported{}, fe.AsError(op)
	}
	if newSeed != nil {
		newCode := f.OfficeKey.Code
		if newCode != own.Code || ownUnreadable {
			if hasOwn && newCode != own.Code {
				// Certificates signed with the replaced key keep verifying here.
				addKey(TrustedKey{Code: own.Code, PublicKey: own.PublicKey, AddedAt: c.Store.Now().UTC().Format(time.RFC3339)})
			}
			kept := trusted[:0]
			for _, k := range trusted {
				if k.Code != newCode {
					kept = append(kept, k)
				}
			}
			if len(kept) != len(trusted) {
				keysChanged = true
			}
			trusted = kept
			// The key is sealed again for this Windows user on this computer.
			kv, err := officeKeySettings(c.Store, storedOfficeKey{Code: newCode, Seed: newSeed, CreatedAt: c.Store.Now().UTC().Format(time.RFC3339)})
			if err != nil {
				return SettingsImported{}, err
			}
			maps.Copy(values, kv)
			res.OfficeKey = true
			res.Sections = append(res.Sections, "officeKey")
		}
	}
	if keysChanged {
		b, _ := json.Marshal(trusted)
		values[settingTrustedKeys] = string(b)
		res.Sections = append(res.Sections, "trustedKeys")
	}
	officeKeyMu.Lock()
	defer officeKeyMu.Unlock()
	if err := c.Store.SetSettings(ctx, values); err != nil {
		return SettingsImported{}, err
	}
	return res, nil
}
