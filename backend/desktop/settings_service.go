package desktop

import (
	"path/filepath"

	"kembang/backend/core"
	"kembang/backend/domain"
	"kembang/backend/store"
)

// SettingsService gathers the installation's settings for the settings
// screen: the data folder (and moving it), and the export and import of all
// settings as a JSON file (docs/API.md, "SettingsService"). The document,
// analysis and development settings keep their own services and dialogs.
type SettingsService struct{ b *Backend }

// DataFolder describes where the data lives.
type DataFolder struct {
	Dir        string `json:"dir"`
	DBPath     string `json:"dbPath"`
	BackupsDir string `json:"backupsDir"`
	// Source: "env" (KEMBANG_DATA_DIR), "chosen", "default"; "fixed" when
	// this process was started on an explicit folder (command line).
	Source string `json:"source"`
	// Changeable is false when the folder is fixed by the environment or
	// the command line.
	Changeable bool `json:"changeable"`
	// PendingDir is the folder used from the next start ("" when no change
	// is pending); PendingMode is "move" or "open".
	PendingDir  string `json:"pendingDir"`
	PendingMode string `json:"pendingMode"`
	// LastMoveError is why the last move did not happen ("" when it did).
	LastMoveError string `json:"lastMoveError"`
}

// DataFolder reports the data folder and any change waiting for the next start.
func (s *SettingsService) DataFolder() (DataFolder, error) {
	d := DataFolder{Dir: s.b.dataDir, DBPath: filepath.Join(s.b.dataDir, "kembang.db"),
		BackupsDir: store.BackupsDir(s.b.dataDir), Source: store.DataDirSource()}
	if d.Source != store.DataDirFromEnv && !s.managed() {
		d.Source = "fixed"
	}
	d.Changeable = d.Source == store.DataDirFromChoice || d.Source == store.DataDirFromDefault
	loc := store.ReadLocation()
	if d.Changeable && loc.Dir != "" && !samePath(loc.Dir, s.b.dataDir) {
		d.PendingDir, d.PendingMode = loc.Dir, "open"
		if loc.MoveFrom != "" {
			d.PendingMode = "move"
		}
	}
	d.LastMoveError = loc.LastError
	return d, nil
}

// managed reports whether this process uses the data folder the settings
// choose (not one given on the command line).
func (s *SettingsService) managed() bool {
	loc := store.ReadLocation()
	if loc.MoveFrom != "" {
		return samePath(loc.MoveFrom, s.b.dataDir)
	}
	if loc.Dir != "" {
		return samePath(loc.Dir, s.b.dataDir)
	}
	return samePath(defaultHome(), s.b.dataDir)
}

func defaultHome() string {
	// DefaultDataDir without a location file and without the variable.
	home, err := store.HomeDataDir()
	if err != nil {
		return ""
	}
	return home
}

func samePath(a, b string) bool {
	x, err1 := filepath.Abs(a)
	y, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && x == y
}

// ChooseDataFolder asks for a folder and makes it the data folder from the
// next start: a folder holding a Kembang database is opened as it is,
// otherwise the current data is copied there at the next start. The
// current folder is never changed. "" path in the result: cancelled.
// Errors: datadir.fixed, datadir.invalid, backup.corrupt, backup.newer.
func (s *SettingsService) ChooseDataFolder() (DataFolder, error) {
	cur, err := s.DataFolder()
	if err != nil {
		return cur, err
	}
	if !cur.Changeable {
		return cur, domain.E(domain.CodeDataDirFixed, "settings.data_folder", nil)
	}
	dir, err := s.b.picker().ChooseFolder(s.b.context(), "Kembang")
	if err != nil || dir == "" {
		return cur, err
	}
	if _, err := store.ChooseDataDir(s.b.context(), s.b.dataDir, dir); err != nil {
		return cur, err
	}
	return s.DataFolder()
}

// CancelDataFolderChange keeps the current data folder.
func (s *SettingsService) CancelDataFolderChange() (DataFolder, error) {
	cur, err := s.DataFolder()
	if err != nil || !cur.Changeable {
		return cur, err
	}
	if err := store.CancelDataDirChoice(s.b.dataDir); err != nil {
		return cur, domain.E(domain.CodeInternal, "settings.data_folder", err)
	}
	return s.DataFolder()
}

// Export asks where to save the settings file and writes it; the office's
// private signing key is in it only with includeOfficeKey. It returns the
// saved path ("" when cancelled).
func (s *SettingsService) Export(includeOfficeKey bool) (string, error) {
	c, err := s.b.Core()
	if err != nil {
		return "", err
	}
	data, err := c.ExportSettings(s.b.context(), includeOfficeKey)
	if err != nil {
		return "", err
	}
	name := "kembang-pengaturan.json"
	if includeOfficeKey {
		name = "kembang-pengaturan-dengan-kunci.json"
	}
	if s.b.Saver == nil {
		return "", domain.E(domain.CodeInternal, "settings.export", nil)
	}
	return s.b.Saver.SaveFile(s.b.context(), name, data)
}

// Import validates a settings file (its text, as the browser read it) and
// stores all of it or nothing. See core.ImportSettings for the errors.
func (s *SettingsService) Import(content string, includeOfficeKey bool) (core.SettingsImported, error) {
	c, err := s.b.Core()
	if err != nil {
		return core.SettingsImported{}, err
	}
	return c.ImportSettings(s.b.context(), []byte(content), includeOfficeKey)
}
