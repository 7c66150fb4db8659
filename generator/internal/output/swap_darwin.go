//go:build darwin && !portable

package output

import "golang.org/x/sys/unix"

// swap exchanges the folders staged and out in one renamex_np(2) with
// RENAME_SWAP: staged then holds the previous tree.
func swap(staged, out string) error {
	return unix.RenamexNp(staged, out, unix.RENAME_SWAP)
}

// claim renames the folder from to the new name to, which must not exist.
func claim(from, to string) error {
	err := unix.RenamexNp(from, to, unix.RENAME_EXCL)
	if err == unix.ENOTSUP || err == unix.EINVAL {
		err = unix.Rename(from, to) // a file system without RENAME_EXCL
	}
	return err
}
