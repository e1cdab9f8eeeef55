package desktop

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"kembang/backend/domain"
	ksync "kembang/backend/sync"
	"kembang/backend/syncproto"
)

// Sync by file in the sync dialog: export the pending changes to a folder
// (a USB drive) and import the return bundle from the central office. The
// format and the identity scheme are in syncproto/bundle.go and docs/API.md.

// FolderChooser asks for a folder; FileChooser for a file to open. The
// Wails saver shows native dialogs; DirSaver answers from its folder.
type FolderChooser interface {
	ChooseFolder(ctx context.Context, title string) (string, error)
}

// FileChooser asks for a file to open ("" when the user cancelled).
type FileChooser interface {
	ChooseFile(ctx context.Context, title, displayName, pattern string) (string, error)
}

// ChooseFolder shows the native folder dialog.
func (DialogSaver) ChooseFolder(ctx context.Context, title string) (string, error) {
	return runtime.OpenDirectoryDialog(ctx, runtime.OpenDialogOptions{Title: title, CanCreateDirectories: true})
}

// ChooseFile shows the native open dialog.
func (DialogSaver) ChooseFile(ctx context.Context, title, displayName, pattern string) (string, error) {
	return runtime.OpenFileDialog(ctx, runtime.OpenDialogOptions{Title: title,
		Filters: []runtime.FileFilter{{DisplayName: displayName, Pattern: pattern}}})
}

// ChooseFolder answers the saver's folder.
func (d DirSaver) ChooseFolder(context.Context, string) (string, error) {
	return d.Dir, os.MkdirAll(d.Dir, 0o755)
}

// ChooseFile answers the newest file of the folder matching pattern
// ("" when there is none, as if the user cancelled).
func (d DirSaver) ChooseFile(_ context.Context, _, _, pattern string) (string, error) {
	matches, err := filepath.Glob(filepath.Join(d.Dir, pattern))
	if err != nil || len(matches) == 0 {
		return "", err
	}
	type f struct {
		path string
		mod  time.Time
	}
	var fs []f
	for _, m := range matches {
		if st, err := os.Stat(m); err == nil && !st.IsDir() {
			fs = append(fs, f{m, st.ModTime()})
		}
	}
	if len(fs) == 0 {
		return "", nil
	}
	sort.Slice(fs, func(i, j int) bool {
		return fs[i].mod.After(fs[j].mod) || (fs[i].mod.Equal(fs[j].mod) && fs[i].path > fs[j].path)
	})
	return fs[0].path, nil
}

// BundleStatus is what the sync dialog shows about sync by file.
type BundleStatus struct {
	DeviceID string `json:"deviceId"`
	// Enrolled: the laptop has a device id (enrolled online or by file).
	Enrolled bool `json:"enrolled"`
	// CodePending: bundles were exported with an enrolment code and no
	// return bundle came back yet (no code needed for the next one).
	CodePending bool `json:"codePending"`
	// ServerPinned: a return bundle was imported; its server key is trusted.
	ServerPinned  bool       `json:"serverPinned"`
	LastSeq       int64      `json:"lastSeq"`
	LastReturnSeq int64      `json:"lastReturnSeq"`
	LastExport    *time.Time `json:"lastExport"`
	LastImport    *time.Time `json:"lastImport"`
	// Pending counts the changes the next bundle carries.
	Pending int64 `json:"pending"`
}

// BundleExport is a written bundle; Path "" means the user cancelled.
type BundleExport struct {
	Path       string         `json:"path"`
	Receipt    string         `json:"receipt"`
	Seq        int64          `json:"seq"`
	Mutations  int            `json:"mutations"`
	ByEntity   map[string]int `json:"byEntity"`
	FileSHA256 string         `json:"fileSha256"`
	Size       int64          `json:"size"`
	Enrolment  bool           `json:"enrolment"` // the bundle also enrols the laptop
}

// BundleImport is an applied return bundle; Path "" means the user cancelled.
type BundleImport struct {
	Path         string `json:"path"`
	Seq          int64  `json:"seq"`
	Enrolled     bool   `json:"enrolled"` // this return bundle enrolled the laptop
	DeviceID     string `json:"deviceId"`
	Office       string `json:"office"`
	Acknowledged int    `json:"acknowledged"`
	Applied      int    `json:"applied"`
	Duplicates   int    `json:"duplicates"`
	Rejected     int    `json:"rejected"`
	Conflicts    int    `json:"conflicts"`
	Pulled       int    `json:"pulled"`
	// PullSkipped is "" when the central changes were applied, "current"
	// when the laptop already had them, else why they were not.
	PullSkipped string `json:"pullSkipped"`
}

// BundleStatus reports the state of sync by file.
func (s *SyncService) BundleStatus() (BundleStatus, error) {
	cl, err := s.b.syncClient()
	if err != nil {
		return BundleStatus{}, err
	}
	st, err := cl.BundleStatus(s.b.context())
	if err != nil {
		return BundleStatus{}, err
	}
	return BundleStatus{DeviceID: st.DeviceID, Enrolled: st.Enrolled, CodePending: st.CodePending, ServerPinned: st.ServerPinned,
		LastSeq: st.LastSeq, LastReturnSeq: st.LastReturnSeq, LastExport: st.LastExport, LastImport: st.LastImport, Pending: st.Pending}, nil
}

// ExportBundle asks for a folder (a USB drive) and writes the pending
// changes there as a signed bundle with its PDF receipt. code is the
// one-time enrolment code, needed only for the first bundle of a laptop
// that was never enrolled.
func (s *SyncService) ExportBundle(code, deviceName string) (BundleExport, error) {
	if _, err := s.b.Core(); err != nil {
		return BundleExport{}, err
	}
	fc, ok := s.b.Saver.(FolderChooser)
	if !ok {
		return BundleExport{}, domain.E(domain.CodeInternal, "sync.bundle_export", nil)
	}
	dir, err := fc.ChooseFolder(s.b.context(), "Simpan berkas sinkronisasi")
	if err != nil {
		return BundleExport{}, domain.E(domain.CodeInternal, "sync.bundle_export", err)
	}
	if dir == "" {
		return BundleExport{}, nil
	}
	return s.ExportBundleTo(dir, code, deviceName)
}

// ExportBundleTo is ExportBundle into a given folder.
func (s *SyncService) ExportBundleTo(dir, code, deviceName string) (BundleExport, error) {
	cl, err := s.b.syncClient()
	if err != nil {
		return BundleExport{}, err
	}
	if strings.TrimSpace(dir) == "" {
		return BundleExport{}, domain.FieldErrors{{Field: "folder", Code: domain.CodeRequired}}
	}
	res, err := cl.ExportBundle(s.b.context(), dir, ksync.ExportOptions{Code: strings.TrimSpace(code), DeviceName: strings.TrimSpace(deviceName)})
	if err != nil {
		return BundleExport{}, err
	}
	m := res.Manifest
	by := m.Counts.ByEntity
	if by == nil {
		by = map[string]int{}
	}
	return BundleExport{Path: res.Path, Receipt: res.Receipt, Seq: m.Seq, Mutations: m.Counts.Mutations, ByEntity: by,
		FileSHA256: res.FileSHA256, Size: res.Size, Enrolment: m.EnrolMAC != ""}, nil
}

// ImportBundle asks for a return bundle from the central office and
// applies it (all or nothing).
func (s *SyncService) ImportBundle() (BundleImport, error) {
	if _, err := s.b.Core(); err != nil {
		return BundleImport{}, err
	}
	fc, ok := s.b.Saver.(FileChooser)
	if !ok {
		return BundleImport{}, domain.E(domain.CodeInternal, "sync.bundle_import", nil)
	}
	path, err := fc.ChooseFile(s.b.context(), "Impor berkas balasan", "Kembang (*"+syncproto.BundleExt+")", "*"+syncproto.BundleExt)
	if err != nil {
		return BundleImport{}, domain.E(domain.CodeInternal, "sync.bundle_import", err)
	}
	if path == "" {
		return BundleImport{}, nil
	}
	return s.ImportBundleFile(path)
}

// ImportBundleFile is ImportBundle for a given file.
func (s *SyncService) ImportBundleFile(path string) (BundleImport, error) {
	cl, err := s.b.syncClient()
	if err != nil {
		return BundleImport{}, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return BundleImport{}, domain.E(syncproto.CodeBundleDamaged, "sync.bundle_import", err, "path", filepath.Base(path))
	}
	res, err := cl.ImportReturn(s.b.context(), data)
	if err != nil {
		return BundleImport{}, err
	}
	r := res.Report
	return BundleImport{Path: path, Seq: res.Manifest.Seq, Enrolled: res.Enrolled, DeviceID: res.Manifest.DeviceID,
		Office: res.Manifest.Office.Name, Acknowledged: res.Acknowledged, Applied: r.Applied, Duplicates: r.Duplicates,
		Rejected: r.Rejected, Conflicts: r.Conflicts, Pulled: r.Pulled, PullSkipped: res.PullSkipped}, nil
}
