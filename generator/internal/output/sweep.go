package output

import (
	"errors"
	"maps"
	"os"
	"slices"
	"sync"
)

// sweepers is how many goroutines sweep a recycled tree at once. The
// sweep is a system call or two per folder (tens of thousands of them),
// and each time a call gives up its processor the goroutine waits behind
// the workers rendering pages for another one: on a busy machine a single
// sweeper was still at it seconds after the last page was written, and
// Commit waited for it with the processors idle. Several sweepers wait
// side by side, and once the pages are written they use every processor.
const sweepers = 4

// sweepTree removes every entry of the staging tree that is neither an
// expected file nor a folder of one (sweepDir), a folder at a time on
// sweepers goroutines. Its error joins those of every folder, in the
// order of their paths.
func (s *Stage) sweepTree(files, dirs map[string]bool) error {
	w := &sweepWork{todo: []string{""}, errs: map[string]error{}}
	w.cond = sync.NewCond(&w.mu)
	var wg sync.WaitGroup
	for range sweepers {
		wg.Go(func() {
			w.run(func(rel string) ([]string, error) { return s.sweepDir(rel, files, dirs) })
		})
	}
	wg.Wait()
	var errs []error
	for _, rel := range slices.Sorted(maps.Keys(w.errs)) {
		errs = append(errs, w.errs[rel])
	}
	return errors.Join(errs...)
}

// sweepWork is the folders a sweep has still to do, shared by its
// goroutines.
type sweepWork struct {
	mu   sync.Mutex
	cond *sync.Cond       // signalled when todo grows or busy falls to 0
	todo []string         // folders to sweep, taken from the end
	busy int              // folders being swept, which may add to todo
	errs map[string]error // of the folders swept, by folder
}

// run sweeps folders from w, adding the subfolders each has to sweep,
// until none is left and none is being swept.
func (w *sweepWork) run(sweep func(rel string) (sub []string, err error)) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for {
		for len(w.todo) == 0 && w.busy > 0 {
			w.cond.Wait()
		}
		if len(w.todo) == 0 {
			return
		}
		rel := w.todo[len(w.todo)-1]
		w.todo = w.todo[:len(w.todo)-1]
		w.busy++
		w.mu.Unlock()
		sub, err := sweep(rel)
		w.mu.Lock()
		w.busy--
		w.todo = append(w.todo, sub...)
		if err != nil {
			w.errs[rel] = err
		}
		if len(sub) > 0 || w.busy == 0 {
			w.cond.Broadcast()
		}
	}
}

// sweepDir removes, in the folder rel, every entry that is neither an
// expected file nor a folder of one, and returns the folders of expected
// files in it, which are swept in turn. An entry of the wrong type (a
// folder where a file is expected, a link) is left to Write, which
// replaces it.
func (s *Stage) sweepDir(rel string, files, dirs map[string]bool) (sub []string, err error) {
	ents, err := s.root.list(rel)
	if err != nil {
		return nil, &os.PathError{Op: "readdir", Path: s.full(rel), Err: err}
	}
	var errs []error
	for _, e := range ents {
		p := e.name
		if rel != "" {
			p = rel + "/" + p
		}
		switch {
		case dirs[p] && e.dir:
			// A folder an earlier build made under a umask like this one's.
			if err := s.root.fixDir(p); err != nil {
				errs = append(errs, &os.PathError{Op: "chmod", Path: s.full(p), Err: err})
			}
			sub = append(sub, p)
		case dirs[p] || files[p]:
		case e.dir:
			errs = append(errs, os.RemoveAll(s.full(p)))
		default:
			if err := s.root.remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
				errs = append(errs, &os.PathError{Op: "remove", Path: s.full(p), Err: err})
			}
		}
	}
	return sub, errors.Join(errs...)
}
