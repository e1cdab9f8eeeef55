//go:build windows

package store

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"

	"kembang/backend/domain"
)

// fileLock is an exclusive lock (LockFileEx) on the first byte of a file,
// held while the handle is open. Locks belong to the handle, so a second Open
// in the same process conflicts just like another process does.
type fileLock struct{ f *os.File }

func acquireLock(path string) (*fileLock, error) {
	const op = "store.lock"
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, domain.E(domain.CodeInternal, op, err)
	}
	ol := new(windows.Overlapped)
	err = windows.LockFileEx(windows.Handle(f.Fd()),
		windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
	if err != nil {
		_ = f.Close()
		if errors.Is(err, windows.ERROR_LOCK_VIOLATION) || errors.Is(err, windows.ERROR_SHARING_VIOLATION) {
			return nil, domain.E(domain.CodeDBLocked, op, err)
		}
		return nil, domain.E(domain.CodeInternal, op, err)
	}
	return &fileLock{f: f}, nil
}

func (l *fileLock) release() error {
	ol := new(windows.Overlapped)
	_ = windows.UnlockFileEx(windows.Handle(l.f.Fd()), 0, 1, 0, ol)
	return l.f.Close()
}
