//go:build !(linux || darwin) || portable

package output

import (
	"errors"
	"math/rand/v2"
	"path/filepath"
	"strconv"
)

// swap puts the folder staged in place of out with two renames, as the
// package comment describes: out aside as ".<out>.previous-*", then
// staged in its place, then the previous tree to staged's name, where the
// next build recycles it. If the second rename fails, the first is undone.
func swap(staged, out string) error {
	aside := filepath.Join(filepath.Dir(out), previousPrefix(out)+strconv.FormatUint(uint64(rand.Uint32()), 10))
	if err := Rename(out, aside); err != nil {
		return err
	}
	if err := Rename(staged, out); err != nil {
		if undo := Rename(aside, out); undo != nil {
			return errors.Join(err, undo)
		}
		return err
	}
	// A failure here leaves a leftover that the next build recycles.
	Rename(aside, staged)
	return nil
}

// claim renames the folder from to the new name to, which must not exist:
// a name of 32 random bits, which no other build takes while the lock is
// held.
func claim(from, to string) error { return Rename(from, to) }
