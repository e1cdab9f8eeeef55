//go:build unix

package store

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"

	"kembang/backend/domain"
)

// fileLock is an exclusive advisory lock on a file, held while the file is
// open. flock locks belong to the open file description, so a second Open in
// the same process conflicts just like another process does.
type fileLock struct{ f *os.File }

func acquireLock(path string) (*fileLock, error) {
	const op = "store.lock"
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, domain.E(domain.CodeInternal, op, err)
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		_ = f.Close()
		if errors.Is(err, unix.EWOULDBLOCK) || errors.Is(err, unix.EAGAIN) {
			return nil, domain.E(domain.CodeDBLocked, op, err)
		}
		return nil, domain.E(domain.CodeInternal, op, err)
	}
	return &fileLock{f: f}, nil
}

func (l *fileLock) release() error {
	_ = unix.Flock(int(l.f.Fd()), unix.LOCK_UN)
	return l.f.Close()
}
