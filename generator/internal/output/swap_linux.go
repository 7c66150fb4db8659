//go:build linux && !portable

package output

import "golang.org/x/sys/unix"

// swap exchanges the folders staged and out in one renameat2(2) with
// RENAME_EXCHANGE: staged then holds the previous tree.
func swap(staged, out string) error {
	return unix.Renameat2(unix.AT_FDCWD, staged, unix.AT_FDCWD, out, unix.RENAME_EXCHANGE)
}

// claim renames the folder from to the new name to, which must not exist.
func claim(from, to string) error {
	err := unix.Renameat2(unix.AT_FDCWD, from, unix.AT_FDCWD, to, unix.RENAME_NOREPLACE)
	if err == unix.EINVAL || err == unix.ENOSYS {
		err = unix.Rename(from, to) // a file system without RENAME_NOREPLACE
	}
	return err
}
