//go:build unix && (!linux || portable)

package serve

import "syscall"

// watchBudget is how many descriptors the watcher may spend on watched
// folders on a system whose watcher (kqueue) takes one per file: half the
// soft limit of open files, which Go raises to the hard limit at start-up
// (on macOS at most to kern.maxfilesperproc). The other half is left for
// builds, clients and the files serve reads.
func watchBudget() int {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return 128 // half of macOS's default
	}
	return int(min(lim.Cur, 1<<30) / 2)
}
