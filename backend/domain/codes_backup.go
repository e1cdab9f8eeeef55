package domain

// Codes of backups, restore, settings files and the data folder
// (store/backups.go, core/settings_file.go, core/datadir.go). Stable like
// every code: the frontend and the CLI translate them.
const (
	CodeBackupExists   = "backup.exists"    // detail "path": the destination file already exists; nothing was written
	CodeBackupCorrupt  = "backup.corrupt"   // detail "reason": the chosen backup is damaged or not a Kembang database; nothing was changed
	CodeBackupNewer    = "backup.newer"     // the chosen backup was written by a newer Kembang; nothing was changed
	CodeBackupNotFound = "backup.not_found" // detail "name": no such backup in the backups folder

	CodeSettingsFileInvalid = "settings.file_invalid"  // detail "reason": not a Kembang settings file (not JSON, wrong format)
	CodeSettingsVersion     = "settings.version"       // detail "version": a settings file of a newer, unknown format
	CodeSettingsNoOfficeKey = "settings.no_office_key" // the office key was asked for but the file has none

	CodeDataDirFixed   = "datadir.fixed"   // the data folder is set by KEMBANG_DATA_DIR or --data-dir and cannot be changed here
	CodeDataDirInvalid = "datadir.invalid" // detail "reason": not a usable folder (not writable, the current one, inside it)
)
