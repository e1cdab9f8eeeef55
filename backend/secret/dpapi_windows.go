//go:build windows

package secret

import (
	"errors"
	"unsafe"

	"golang.org/x/sys/windows"
)

func platformDefault() Protector { return DPAPI{} }

// SchemeDPAPI is Windows DPAPI, current-user scope, with dpapiEntropy.
const SchemeDPAPI = "dpapi:v1"

// dpapiEntropy is mixed into every seal, so another program running as the
// same user cannot open Kembang's secrets by calling CryptUnprotectData on
// them without knowing it. Changing it makes every sealed secret unreadable:
// a new value needs a new scheme version.
var dpapiEntropy = []byte("kembang/secret/dpapi/v1")

// DPAPI seals with CryptProtectData for the current Windows user: only the
// same account on the same computer (or a roaming profile of that account)
// can open the result.
type DPAPI struct{}

// Scheme implements Protector.
func (DPAPI) Scheme() string { return SchemeDPAPI }

// Protect implements Protector.
func (DPAPI) Protect(plaintext []byte) ([]byte, error) {
	var out windows.DataBlob
	err := windows.CryptProtectData(blob(plaintext), nil, blob(dpapiEntropy), 0, nil, windows.CRYPTPROTECT_UI_FORBIDDEN, &out)
	if err != nil {
		return nil, err
	}
	return takeBlob(&out), nil
}

// Unprotect implements Protector.
func (DPAPI) Unprotect(sealed []byte) ([]byte, error) {
	if len(sealed) == 0 {
		return nil, errors.New("empty DPAPI blob")
	}
	var out windows.DataBlob
	err := windows.CryptUnprotectData(blob(sealed), nil, blob(dpapiEntropy), 0, nil, windows.CRYPTPROTECT_UI_FORBIDDEN, &out)
	if err != nil {
		return nil, err
	}
	return takeBlob(&out), nil
}

func blob(b []byte) *windows.DataBlob {
	if len(b) == 0 {
		return &windows.DataBlob{}
	}
	return &windows.DataBlob{Size: uint32(len(b)), Data: &b[0]}
}

// takeBlob copies a blob DPAPI allocated and frees it.
func takeBlob(b *windows.DataBlob) []byte {
	if b.Data == nil {
		return []byte{}
	}
	defer windows.LocalFree(windows.Handle(unsafe.Pointer(b.Data)))
	out := make([]byte, b.Size)
	copy(out, unsafe.Slice(b.Data, b.Size))
	return out
}
