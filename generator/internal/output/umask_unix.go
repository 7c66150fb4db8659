//go:build unix

package output

import (
	"os"
	"path/filepath"
)

// umaskStrips reports whether the process's umask takes bits off dirMode
// (and so off fileMode, whose bits are among them), by making a folder in
// dir: then each file and folder the build makes or keeps is given its
// mode (a syscall more for each, which a build under the usual umask,
// 022, is spared). A tree that a build made under such a umask holds the
// right modes too, so a later build under the usual one recycles it as
// it is.
func umaskStrips(dir string) bool {
	probe := filepath.Join(dir, ".portal-umask-probe")
	os.Remove(probe) // a killed build's
	if err := os.Mkdir(probe, dirMode); err != nil {
		return true
	}
	defer os.Remove(probe)
	info, err := os.Stat(probe)
	return err != nil || info.Mode().Perm() != dirMode
}
