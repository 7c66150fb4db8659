//go:build !linux || portable

package output

import (
	"cmp"
	"io/fs"
	"os"
	"time"

	"portal/generator/internal/diag"
)

// tree is the staging folder, open as an os.Root: no path, and no link
// planted in a recycled tree, can lead a write outside it.
type tree struct {
	root *os.Root
	// fixModes: the umask takes bits off fileMode and dirMode (umaskStrips),
	// so create and mkdir give each file and folder its mode.
	fixModes bool
}

func openTree(dir string) (*tree, error) {
	r, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &tree{root: r}, nil
}

func (t *tree) close() { t.root.Close() }

// create opens rel for writing, truncated unless old (a recycled tree,
// where the file is compared first). os.Root follows a link that stays
// beneath the staging folder, so in a recycled tree, where an earlier
// build (or someone else) may have left one, rel is looked at first: a
// link makes create fail, and Write replaces it with the file.
func (t *tree) create(rel string, old bool) (file, error) {
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if old {
		flags = os.O_RDWR | os.O_CREATE
		info, err := t.root.Lstat(rel)
		if err == nil && !info.Mode().IsRegular() {
			return nil, diag.M(diag.OutLinkInWay) // a link is where the file goes
		}
	}
	f, err := t.root.OpenFile(rel, flags, fileMode)
	if err != nil {
		return nil, err
	}
	// The umask is not the site's (see tree_linux.go).
	if !t.fixModes {
		return osFile{f}, nil
	}
	if err := f.Chmod(fileMode); err != nil {
		f.Close()
		return nil, err
	}
	return osFile{f}, nil
}

// mkdir makes the folder rel with dirMode, whatever the umask.
func (t *tree) mkdir(rel string) error {
	if err := t.root.Mkdir(rel, dirMode); err != nil {
		return err
	}
	return t.fixDir(rel)
}

// fixDir gives the folder rel dirMode when the umask would have taken
// bits off it.
func (t *tree) fixDir(rel string) error {
	if !t.fixModes {
		return nil
	}
	return t.root.Chmod(rel, dirMode)
}

// openRead opens the file rel to read it when it is a regular file (the
// opening of a named pipe would wait for a writer).
func (t *tree) openRead(rel string) (file, error) {
	info, err := t.root.Lstat(rel)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "open", Path: rel, Err: fs.ErrInvalid} // a link, a pipe, a folder
	}
	f, err := t.root.Open(rel)
	if err != nil {
		return nil, err
	}
	return osFile{f}, nil
}

// stat tells of the file or folder rel ("" is the tree itself) without
// opening it; a link at rel is no regular file.
func (t *tree) stat(rel string) (fileStat, error) {
	info, err := t.root.Lstat(cmp.Or(rel, "."))
	if err != nil {
		return fileStat{}, err
	}
	return fileStat{info.Size(), info.ModTime(), info.Mode().IsRegular()}, nil
}

// chtimes sets the access and modification times of the file or folder
// rel ("" is the tree itself) to when.
func (t *tree) chtimes(rel string, when time.Time) error {
	return t.root.Chtimes(cmp.Or(rel, "."), when, when)
}

func (t *tree) remove(rel string) error { return t.root.Remove(rel) }

// list reads the folder rel with (*os.File).ReadDir.
func (t *tree) list(rel string) ([]entry, error) {
	f, err := t.root.Open(cmp.Or(rel, "."))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	des, err := f.ReadDir(-1)
	if err != nil {
		return nil, err
	}
	ents := make([]entry, len(des))
	for i, d := range des {
		ents[i] = entry{d.Name(), d.Type()&fs.ModeType == fs.ModeDir}
	}
	return ents, nil
}

// osFile is an *os.File with the methods file needs besides.
type osFile struct{ *os.File }

func (f osFile) stat() (fileStat, error) {
	info, err := f.Stat()
	if err != nil {
		return fileStat{}, err
	}
	return fileStat{info.Size(), info.ModTime(), info.Mode().IsRegular()}, nil
}

func (f osFile) truncate(size int64) error { return f.Truncate(size) }
