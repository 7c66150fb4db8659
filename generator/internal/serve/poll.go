package serve

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// poller finds the changes in folders that the watcher cannot afford to
// watch (see watcher) by reading them again and again: one descriptor at
// a time, whatever the number of files. A change is a file or folder that
// appeared, went, or changed its size, time or type.
type poller struct {
	dirs map[string]map[string]stamp // polled folder → name → what it was
}

// stamp is what the poller compares of a file.
type stamp struct {
	mod  time.Time
	size int64
	mode fs.FileMode
}

func newPoller() *poller {
	return &poller{dirs: map[string]map[string]stamp{}}
}

// add polls the folder dir from now on.
func (p *poller) add(dir string) error {
	st, err := read(dir)
	if err != nil {
		return err
	}
	p.dirs[dir] = st
	return nil
}

// scan reads every polled folder and returns the paths that changed since
// the last scan, in order. A folder that is gone is reported and no
// longer polled.
func (p *poller) scan() []string {
	var changed []string
	for dir, old := range p.dirs {
		st, err := read(dir)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				changed = append(changed, dir)
				delete(p.dirs, dir)
			}
			continue
		}
		for name, s := range st {
			if o, ok := old[name]; !ok || o != s {
				changed = append(changed, filepath.Join(dir, name))
			}
		}
		for name := range old {
			if _, ok := st[name]; !ok {
				changed = append(changed, filepath.Join(dir, name))
			}
		}
		p.dirs[dir] = st
	}
	slices.Sort(changed)
	return changed
}

// read returns the stamps of the entries of dir.
func read(dir string) (map[string]stamp, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ents, err := f.ReadDir(-1)
	if err != nil {
		return nil, err
	}
	st := make(map[string]stamp, len(ents))
	for _, e := range ents {
		info, err := e.Info()
		if err != nil {
			continue // gone since: the next scan reports it
		}
		st[e.Name()] = stamp{info.ModTime(), info.Size(), info.Mode().Type()}
	}
	return st, nil
}
