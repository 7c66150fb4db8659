//go:build !unix && !windows

package output

import "os"

// lockFile does not lock: this system (plan9, js, wasip1) has no file
// lock that the standard library or golang.org/x/sys offers. The project
// supports Linux, macOS and Windows; see the package comment.
func lockFile(*os.File) error { return nil }

func unlockFile(*os.File) {}
