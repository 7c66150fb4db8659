package content

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// openSource opens p (slash-separated, as in fsys) through fsys, or in
// dir when dir is the folder fsys reads: os.Open then skips the layers of
// os.DirFS. On Linux, raw open(2) and read(2) were measured against os.Open
// on a 10,000-record build and were no faster (BENCHMARKS.md), so every
// system reads the sources the same way.
func openSource(fsys fs.FS, dir, p string) (fs.File, error) {
	if dir == "" {
		return fsys.Open(p)
	}
	f, err := os.Open(filepath.Join(dir, filepath.FromSlash(p)))
	if err != nil {
		if pe, ok := errors.AsType[*fs.PathError](err); ok {
			pe.Path = p // as messages name it
		}
		return nil, err
	}
	return f, nil
}

// readSize reads the first size bytes of a file: the hash of what Load
// read tells whether they are still the same.
func readSize(fsys fs.FS, dir, p string, size int) ([]byte, error) {
	f, err := openSource(fsys, dir, p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, size)
	if _, err := io.ReadFull(f, buf); err != nil && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	return buf, nil
}

// readLimited reads a file, but no more than one byte past MaxFileSize:
// Split rejects the file then, and a huge file never fills the memory.
func readLimited(fsys fs.FS, dir, p string) ([]byte, error) {
	f, err := openSource(fsys, dir, p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Read into a buffer of the file's size (one byte more, to see the
	// end), not one that io.ReadAll grows by doubling.
	size := int64(512)
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		size = min(info.Size(), MaxFileSize) + 1
	}
	buf := make([]byte, 0, size)
	r := io.LimitReader(f, MaxFileSize+1)
	for {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grew after Stat: make room
		}
	}
}

// Sources holds the Markdown bodies Load kept (Options.KeepBodies) off
// the versions, dropping each as it is taken. Safe for concurrent use.
type Sources struct {
	mu sync.Mutex
	m  map[*Version][]byte
}

// Take returns and drops the body of v, a version of s's Set; a body not
// kept, or taken before, is read again from fsys, as Load read it.
func (s *Sources) Take(fsys fs.FS, v *Version) ([]byte, error) {
	s.mu.Lock()
	body, ok := s.m[v]
	delete(s.m, v)
	s.mu.Unlock()
	if ok {
		return body, nil
	}
	src, err := reread(fsys, v)
	if err != nil {
		return nil, err
	}
	return src[v.bodyAt:], nil
}
