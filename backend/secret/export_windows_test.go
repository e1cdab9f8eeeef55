//go:build windows

package secret

import "golang.org/x/sys/windows"

// ProtectWithoutEntropy seals as another program of the same user would.
func ProtectWithoutEntropy(b []byte) ([]byte, error) {
	var out windows.DataBlob
	if err := windows.CryptProtectData(blob(b), nil, nil, 0, nil, windows.CRYPTPROTECT_UI_FORBIDDEN, &out); err != nil {
		return nil, err
	}
	return takeBlob(&out), nil
}
