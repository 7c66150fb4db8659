package output

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strconv"
)

// Replace replaces out/rel with data in one rename, so that a reader of
// the published folder (the preview server's) sees the old file or the
// new one, never half of one. It is how an incremental build updates the
// folder it serves, without a staging folder. The folder is made only
// when the file cannot be created in it, and the file is created with
// its mode, as a build creates it: an edit that writes hundreds of files
// (a record that moves shifts its lists and search files) spends its
// time in these system calls.
func Replace(out, rel string, data []byte) error {
	full := filepath.Join(out, filepath.FromSlash(rel))
	dir := filepath.Dir(full)
	f, err := createTemp(dir)
	if errors.Is(err, fs.ErrNotExist) {
		if err := mkdirAll(dir); err != nil {
			return err
		}
		f, err = createTemp(dir)
	}
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
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

// mkdirAll is os.MkdirAll, each folder it makes with dirMode whatever
// the umask.
func mkdirAll(dir string) error {
	err := os.Mkdir(dir, dirMode)
	if errors.Is(err, fs.ErrNotExist) && filepath.Dir(dir) != dir {
		if err := mkdirAll(filepath.Dir(dir)); err != nil {
			return err
		}
		err = os.Mkdir(dir, dirMode)
	}
	if err != nil {
		if info, e := os.Stat(dir); e == nil && info.IsDir() {
			return nil
		}
		return err
	}
	return os.Chmod(dir, dirMode)
}

// createTemp creates a new file in dir, named as os.CreateTemp(dir,
// ".portal-*") names it, with the mode of every output file (fileMode).
func createTemp(dir string) (*os.File, error) {
	for range 100 {
		name := filepath.Join(dir, ".portal-"+strconv.FormatUint(rand.Uint64(), 36))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, fileMode)
		if err == nil {
			// fileMode whatever the umask, as a build writes it.
			if err = f.Chmod(fileMode); err != nil {
				f.Close()
				os.Remove(name)
			}
		}
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
	return nil, &fs.PathError{Op: "createtemp", Path: filepath.Join(dir, ".portal-*"), Err: fs.ErrExist}
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
