package desktop

import (
	"path/filepath"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/store"
)

// AppService reports the state of the installation.
type AppService struct{ b *Backend }

// AppInfo describes the installation and its database.
type AppInfo struct {
	Version        string      `json:"version"`
	DataDir        string      `json:"dataDir"`
	DBPath         string      `json:"dbPath"`
	Locale         string      `json:"locale"`
	OfficeName     string      `json:"officeName"`
	Device         string      `json:"device"`
	SchemaVersion  string      `json:"schemaVersion"`
	Counts         core.Counts `json:"counts"`
	PendingChanges int64       `json:"pendingChanges"`
	StartupError   *ErrorDTO   `json:"startupError"`
}

const settingLocale = "ui.locale"

// Info never fails: a database that could not be opened is reported in
// StartupError so the UI can explain it.
func (s *AppService) Info() (AppInfo, error) {
	info := AppInfo{Version: core.Version, DataDir: s.b.dataDir, DBPath: filepath.Join(s.b.dataDir, "kembang.db"), Locale: "id"}
	c, err := s.b.Core()
	if err != nil {
		info.StartupError = toDTO(err)
		return info, nil
	}
	ctx := s.b.context()
	st := c.Store
	info.Device = st.Device
	if v, ok, err := st.GetSetting(ctx, settingLocale); err == nil && ok {
		info.Locale = v
	}
	if office, err := st.LocalOffice(ctx); err == nil && office != nil {
		info.OfficeName = office.Name
	}
	report, err := st.Check(ctx)
	if err != nil {
		return info, err
	}
	info.SchemaVersion = report.SchemaVersion
	counts, err := c.Counts(ctx)
	if err != nil {
		return info, err
	}
	info.Counts = counts
	info.PendingChanges, err = st.CountOutbox(ctx)
	return info, err
}

// SetLocale remembers the UI language ("id" or "en").
func (s *AppService) SetLocale(locale string) error {
	if locale != "id" && locale != "en" {
		return domain.E(domain.CodeInvalid, "app.set_locale", nil, "field", "locale", "value", locale)
	}
	c, err := s.b.Core()
	if err != nil {
		return err
	}
	return c.Store.SetSetting(s.b.context(), settingLocale, locale)
}

// Backup writes a backup copy into the data folder's backups and returns its path.
func (s *AppService) Backup() (string, error) {
	c, err := s.b.Core()
	if err != nil {
		return "", err
	}
	b, err := c.Store.MakeBackup(s.b.context(), store.BackupManual, 0)
	return b.Path, err
}
