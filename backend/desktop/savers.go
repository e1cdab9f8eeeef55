package desktop

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"kembang/backend/core"
)

// DialogSaver asks with the native save dialog.
type DialogSaver struct{}

// SaveFile shows the dialog; an empty path means the user cancelled.
func (DialogSaver) SaveFile(ctx context.Context, defaultName string, data []byte) (string, error) {
	filter := runtime.FileFilter{DisplayName: "Excel (*.xlsx)", Pattern: "*.xlsx"}
	if strings.EqualFold(filepath.Ext(defaultName), ".pdf") {
		filter = runtime.FileFilter{DisplayName: "PDF (*.pdf)", Pattern: "*.pdf"}
	}
	path, err := runtime.SaveFileDialog(ctx, runtime.SaveDialogOptions{
		DefaultFilename: defaultName,
		Filters:         []runtime.FileFilter{filter},
	})
	if err != nil || path == "" {
		return "", err
	}
	return path, core.WriteFileAtomic(path, data)
}

// DirSaver writes into a fixed folder without asking (browser bridge, tests).
type DirSaver struct{ Dir string }

// SaveFile writes defaultName inside the folder.
func (d DirSaver) SaveFile(_ context.Context, defaultName string, data []byte) (string, error) {
	if err := os.MkdirAll(d.Dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(d.Dir, filepath.Base(defaultName))
	return path, core.WriteFileAtomic(path, data)
}
