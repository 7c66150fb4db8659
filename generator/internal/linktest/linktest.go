// Package linktest makes symbolic links for tests, and skips a test where
// the system cannot make them: Windows without the privilege (Developer Mode
// or an administrator), or Wine, whose CreateSymbolicLinkW answers success
// and makes nothing. Elsewhere a link that cannot be made fails the test.
package linktest

import (
	"errors"
	"io/fs"
	"os"
	"runtime"
	"testing"
)

// Symlink makes newname a symbolic link to oldname, as os.Symlink does. On
// Windows it skips the test when the link cannot be made, or was not made.
func Symlink(t testing.TB, oldname, newname string) {
	t.Helper()
	Check(t, Make(oldname, newname))
}

// Make is os.Symlink, for a step that returns its error instead of ending
// the test; it also fails, with an *os.LinkError, when os.Symlink answered
// success but made no link (Wine).
func Make(oldname, newname string) error {
	if err := os.Symlink(oldname, newname); err != nil {
		return err
	}
	if fi, err := os.Lstat(newname); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return &os.LinkError{Op: "symlink", Old: oldname, New: newname, Err: errors.New("answered success and made no link")}
	}
	return nil
}

// Check ends the test for a non-nil err: on Windows it skips it when err is
// one of a symbolic link that could not be made, and fails it otherwise.
func Check(t testing.TB, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var le *os.LinkError
	if runtime.GOOS == "windows" && errors.As(err, &le) && le.Op == "symlink" {
		t.Skip("no symbolic links here:", err)
	}
	t.Fatal(err)
}
