package output

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"time"
)

// Store is where an incremental build keeps the files it writes: a
// folder (Dir) or memory (Memory). A reader of the store sees a file's
// old bytes or its new ones, never a part of either.
type Store interface {
	// Put makes data the file rel (slash-separated, fs.ValidPath). The
	// store does not keep data: the caller may reuse it.
	Put(rel string, data []byte) error
	// Remove removes the file rel; a file that is not there is no error.
	Remove(rel string) error
}

// Linker is a Store that can hold a file copied from the sources as a
// reference to it instead of its bytes (Memory): an attachment or image
// is then read from the sources when it is served.
type Linker interface {
	Store
	// Link makes the file name of fsys the file rel. name must be a
	// regular file, not a symbolic link (Linkable): the file is opened
	// only while it is one, so that a link put in its place later, which
	// the build refuses, is never followed.
	Link(rel string, fsys fs.FS, name string) error
}

// Keeper is a Store that can keep bytes nobody changes without a copy
// (Memory): the search index's files, which the preview's index keeps
// too, are then held once.
type Keeper interface {
	Store
	// Keep makes data the file rel, as Put does, but keeps data itself:
	// the caller and everyone else must never change it.
	Keep(rel string, data []byte) error
}

// Linkable reports whether the file name of fsys can be linked (Linker):
// it is a regular file, not a symbolic link (fs.Lstat; fsys should be an
// fs.ReadLinkFS, as os.DirFS and os.Root.FS are).
func Linkable(fsys fs.FS, name string) bool {
	info, err := fs.Lstat(fsys, name)
	return err == nil && info.Mode().IsRegular()
}

// Dir is the folder at a path as a Store: Put is Replace, Remove is
// Remove.
type Dir string

// Put replaces the file rel of the folder with data (Replace).
func (d Dir) Put(rel string, data []byte) error { return Replace(string(d), rel, data) }

// Remove removes the file rel and the folders it leaves empty.
func (d Dir) Remove(rel string) error { return Remove(string(d), rel) }

// Memory is a Store held in memory and read as an fs.FS: what the
// preview server serves from, so that an edit that changes hundreds of
// outputs (a record that moves shifts its lists and the search index)
// writes no file, and no file of the preview is ever held open against
// its replacement (which Windows refuses). Its folders are those of its
// files' paths. It is safe for concurrent use.
type Memory struct {
	mu    sync.RWMutex
	files map[string]memFile
}

// memFile is one file of a Memory: its bytes, never changed once stored
// so that readers share them, or the file of the sources it links to.
type memFile struct {
	data []byte
	mod  time.Time
	src  fs.FS // with name: a linked file
	name string
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{files: map[string]memFile{}} }

// Put stores a copy of data as the file rel, modified now.
func (m *Memory) Put(rel string, data []byte) error { return m.Keep(rel, bytes.Clone(data)) }

// Keep stores data itself as the file rel, modified now: data must never
// change (Keeper).
func (m *Memory) Keep(rel string, data []byte) error {
	if data == nil {
		data = []byte{}
	}
	return m.put("keep", rel, memFile{data: data, mod: time.Now()})
}

// Link makes the file name of fsys the file rel of the Memory, read from
// fsys whenever it is opened.
func (m *Memory) Link(rel string, fsys fs.FS, name string) error {
	return m.put("link", rel, memFile{src: fsys, name: name})
}

// put stores f as the file rel; op names the call in its error.
func (m *Memory) put(op, rel string, f memFile) error {
	if !fs.ValidPath(rel) || rel == "." {
		return &fs.PathError{Op: op, Path: rel, Err: fs.ErrInvalid}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[rel] = f
	return nil
}

// Remove forgets the file rel.
func (m *Memory) Remove(rel string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.files, rel)
	return nil
}

// Open opens the file or folder name, as fs.FS does. A folder is listed
// from the paths of every file, which takes time in proportion to their
// number: the preview opens folders only to redirect "/x" to "/x/".
func (m *Memory) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	m.mu.RLock()
	f, ok := m.files[name]
	m.mu.RUnlock()
	switch {
	case ok && f.src != nil:
		return openLinked(f, name)
	case ok:
		return &memReader{Reader: bytes.NewReader(f.data), info: memInfo{name: path.Base(name), size: int64(len(f.data)), mod: f.mod}}, nil
	}
	ents := m.list(name)
	if ents == nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &memDir{info: memInfo{name: path.Base(name), dir: true}, ents: ents}, nil
}

// openLinked opens the file of the sources f links to, as the file name
// of the Memory, while it is a regular file and not a symbolic link
// (Linkable): not one put in its place since, which could lead anywhere,
// nor a folder, nor a named pipe, whose opening would wait for a writer.
func openLinked(f memFile, name string) (fs.File, error) {
	if !Linkable(f.src, f.name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	src, err := f.src.Open(f.name)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	info, err := src.Stat()
	if err != nil || !info.Mode().IsRegular() {
		src.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &linked{File: src, info: memInfo{name: path.Base(name), size: info.Size(), mod: info.ModTime()}}, nil
}

// linked is an open file of a Memory that links to a file of the
// sources: it seeks if the file of the sources can.
type linked struct {
	fs.File
	info memInfo
}

func (l *linked) Stat() (fs.FileInfo, error) { return l.info, nil }

// Seek seeks in the file of the sources.
func (l *linked) Seek(offset int64, whence int) (int64, error) {
	if s, ok := l.File.(io.Seeker); ok {
		return s.Seek(offset, whence)
	}
	return 0, &fs.PathError{Op: "seek", Path: l.info.name, Err: errors.ErrUnsupported}
}

// list returns the entries of the folder name, sorted by name, or nil if
// no file is beneath it (the root "." is always a folder).
func (m *Memory) list(name string) []fs.DirEntry {
	prefix := name + "/"
	if name == "." {
		prefix = ""
	}
	seen := map[string]fs.DirEntry{}
	m.mu.RLock()
	for p, f := range m.files {
		rest, ok := strings.CutPrefix(p, prefix)
		if !ok {
			continue
		}
		switch child, _, deeper := strings.Cut(rest, "/"); {
		case deeper:
			seen[child] = memInfo{name: child, dir: true}
		case f.src != nil:
			info := memInfo{name: child}
			if fi, err := fs.Lstat(f.src, f.name); err == nil {
				info.size, info.mod = fi.Size(), fi.ModTime()
			}
			seen[child] = info
		default:
			seen[child] = memInfo{name: child, size: int64(len(f.data)), mod: f.mod}
		}
	}
	m.mu.RUnlock()
	if len(seen) == 0 && name != "." {
		return nil
	}
	return slices.SortedFunc(maps.Values(seen), func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
}

// memInfo is the fs.FileInfo and fs.DirEntry of a file or folder of a
// Memory.
type memInfo struct {
	name string
	size int64
	mod  time.Time
	dir  bool
}

func (i memInfo) Name() string               { return i.name }
func (i memInfo) Size() int64                { return i.size }
func (i memInfo) ModTime() time.Time         { return i.mod }
func (i memInfo) IsDir() bool                { return i.dir }
func (i memInfo) Sys() any                   { return nil }
func (i memInfo) Type() fs.FileMode          { return i.Mode().Type() }
func (i memInfo) Info() (fs.FileInfo, error) { return i, nil }
func (i memInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}

// memReader is an open file of a Memory; it can seek, as
// http.ServeContent needs.
type memReader struct {
	*bytes.Reader
	info memInfo
}

func (r *memReader) Stat() (fs.FileInfo, error) { return r.info, nil }
func (r *memReader) Close() error               { return nil }

// memDir is an open folder of a Memory.
type memDir struct {
	info memInfo
	ents []fs.DirEntry
	read int
}

func (d *memDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *memDir) Close() error               { return nil }
func (d *memDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.name, Err: fs.ErrInvalid}
}

// ReadDir lists the folder as fs.ReadDirFile does.
func (d *memDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.ents[d.read:]
	if n <= 0 {
		d.read = len(d.ents)
		return slices.Clone(rest), nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	rest = rest[:min(n, len(rest))]
	d.read += len(rest)
	return slices.Clone(rest), nil
}
