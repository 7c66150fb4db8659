package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"portal/generator/internal/diag"
)

// Locked is the lock of an output folder, held by one build or one serve.
type Locked struct {
	f   *os.File
	out string // the folder locked: out as Lock resolved it (target)
}

// Folder is the output folder whose lock l is: the folder that the path
// given to Lock named when Lock resolved it (see target). Who writes
// there after locking writes to Folder, never to that path again: a link
// changed in between would have the lock on one folder and the writes go
// to another.
func (l *Locked) Folder() string { return l.out }

// errBusy is the error of lockFile when another holds the lock.
var errBusy = errors.New("locked")

// ErrLocked is the error of Lock (and so of Begin) when another build or
// serve holds the lock of the output folder.
var ErrLocked = errors.New("another build or serve is writing to it")

// lockedError is the error of Lock when the lock is held: it is ErrLocked,
// and its text the catalog's (diag.OutLocked), which the program prints in
// the language of its messages.
type lockedError struct{ diag.Message }

func (e lockedError) Is(target error) bool { return target == ErrLocked }
func (e lockedError) Unwrap() error        { return e.Message }

// LockFile names the lock file of out: ".<out>.lock" beside it, in its
// parent folder, and so never published with it.
func LockFile(out string) string {
	out = filepath.Clean(out)
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".lock")
}

// Lock takes the lock of the output folder out (see LockFile) without
// waiting: flock(2) on Unix, LockFileEx on Windows. The system lets go of
// it when the process ends, however it ends, so a killed build leaves no
// stale lock. The lock file itself is left in place: removing it would
// let a third process lock a new file while a second still holds the old.
// When out is a symbolic link, the lock is that of the folder it names.
// When another process, or another Lock in this one, holds the lock, Lock
// fails with an error that wraps ErrLocked and names both files.
func Lock(out string) (*Locked, error) {
	// A link to the output folder and the folder are one output.
	out, err := target(out)
	if err != nil {
		return nil, err
	}
	return lockTarget(out)
}

// lockTarget takes the lock of out, which target has resolved: out is
// locked as it is, not resolved again, so that the lock is that of the
// folder the caller then writes to even when out has become a link since.
func lockTarget(out string) (*Locked, error) {
	p := LockFile(out)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, errBusy) {
			return nil, lockedError{diag.M(diag.OutLocked, filepath.ToSlash(filepath.Clean(out)), filepath.ToSlash(p))}
		}
		return nil, fmt.Errorf("lock %s: %w", filepath.ToSlash(p), err)
	}
	return &Locked{f, out}, nil
}

// Unlock lets go of the lock.
func (l *Locked) Unlock() {
	if l == nil || l.f == nil {
		return
	}
	unlockFile(l.f)
	l.f.Close()
	l.f = nil
}
