package output

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// Replace replaces out/rel with data in one rename, so that a reader of
// the published folder (the preview server's) sees the old file or the
// new one, never half of one. It is how an incremental build updates the
// folder it serves, without a staging folder.
func Replace(out, rel string, data []byte) error {
	full := filepath.Join(out, filepath.FromSlash(rel))
	dir := filepath.Dir(full)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".portal-*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		// On Windows a page open in another program (or being read by
		// the preview server's HTTP handler) cannot be replaced for a
		// moment: Rename retries for up to two seconds. If it still
		// fails, the caller keeps the file's old signature, so that the
		// next update writes it again.
		err = Rename(f.Name(), full)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// Remove removes out/rel and the folders it leaves empty.
func Remove(out, rel string) error {
	if err := os.Remove(filepath.Join(out, filepath.FromSlash(rel))); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for dir := path.Dir(rel); dir != "." && dir != "/"; dir = path.Dir(dir) {
		if os.Remove(filepath.Join(out, filepath.FromSlash(dir))) != nil {
			break
		}
	}
	return nil
}
