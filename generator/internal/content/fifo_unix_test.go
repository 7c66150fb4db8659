//go:build unix

package content

import (
	"syscall"
	"testing"
)

// mkfifo makes a named pipe at p.
func mkfifo(t *testing.T, p string) error {
	t.Helper()
	return syscall.Mkfifo(p, 0o644)
}
