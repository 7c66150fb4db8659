package output

import (
	"maps"
	"slices"
	"time"
)

// stamp gives the file rel of the staging folder, which holds data, its
// modification time: a web server makes its Last-Modified and ETag of
// it, and rsync's quick check compares it. The time of the file at rel
// in the previous output when that holds the same bytes, so that an
// unchanged file looks unchanged to them; else SOURCE_DATE_EPOCH when
// set (SetSourceDate), so that two builds of the same sources give the
// same tree; else the time of the write. No time is later than
// SOURCE_DATE_EPOCH. same tells that the file of the recycled tree held
// data already and was not written (it was modified at mod).
func (s *Stage) stamp(rel string, data []byte, same bool, mod time.Time) error {
	when, kept := s.previous(rel, data, same, mod)
	switch {
	case kept:
		if !s.epoch.IsZero() && when.After(s.epoch) {
			when = s.epoch
		}
	case !s.epoch.IsZero():
		when = s.epoch
	case same:
		// The recycled tree is the one of two builds before: a file that
		// held data there changed since, and is new to a reader of out.
		when = time.Now()
	default:
		return nil // written now
	}
	if same && mod.Equal(when) {
		return nil
	}
	return s.root.chtimes(rel, when)
}

// previous returns the modification time of the file rel of the previous
// output when it holds data, and whether it does. same and mod are as for
// stamp.
//
// When the recycled tree's file held data already (same) and the previous
// output's file has its size and modification time, the two hold the same
// bytes, without a read, when that time tells it (timeTells). This saves
// an open, a read and a close of each unchanged file (BenchmarkRebuild).
func (s *Stage) previous(rel string, data []byte, same bool, mod time.Time) (time.Time, bool) {
	if s.prev == nil {
		return time.Time{}, false
	}
	if same {
		st, err := s.prev.stat(rel)
		if err != nil || !st.regular || st.size != int64(len(data)) {
			return time.Time{}, false
		}
		if st.mod.Equal(mod) && s.timeTells(mod) {
			return mod, true
		}
	}
	f, err := s.prev.openRead(rel)
	if err != nil {
		return time.Time{}, false
	}
	defer f.Close()
	st, err := f.stat()
	if err != nil || !st.regular || st.size != int64(len(data)) {
		return time.Time{}, false
	}
	if same, err := s.equal(f, data); err != nil || !same {
		return time.Time{}, false
	}
	return st.mod, true
}

// timeTells reports whether mod, the modification time of a file of the
// recycled tree and of the previous output's at its path, of one size,
// tells that the two hold the same bytes. A time is only ever kept for
// the same bytes, and a new one is the time of a write, to the
// nanosecond on ext4 and APFS (100 ns on NTFS): two builds do not give
// two contents of a path one such time. A time of whole seconds does not
// tell: it may be a SOURCE_DATE_EPOCH that two builds gave two contents
// (then a build without it would keep that time for a change, and
// rsync's quick check would pass it over), or the time of a file system
// that keeps whole seconds (FAT, HFS+). With SOURCE_DATE_EPOCH set, a
// time from it on tells, as the file gets SOURCE_DATE_EPOCH either way;
// an earlier one does not, since a change would be stamped with it.
func (s *Stage) timeTells(mod time.Time) bool {
	if !s.epoch.IsZero() {
		return !mod.Before(s.epoch)
	}
	return mod.Nanosecond() != 0
}

// SetSourceDate sets SOURCE_DATE_EPOCH, called before the first Write: a
// file that is new, or whose bytes differ from those of the previous
// output, is modified at t, and every folder too, so that two builds of
// the same sources give the same tree, times included (as tar stores
// it). No file is modified later than t.
func (s *Stage) SetSourceDate(t time.Time) { s.epoch = t }

// stampDirs gives every folder of the staging tree SOURCE_DATE_EPOCH
// when it is set, after the sweep: creating or removing a file in a
// folder sets the folder's time.
func (s *Stage) stampDirs() error {
	if s.epoch.IsZero() {
		return nil
	}
	s.mu.Lock()
	dirs := maps.Clone(s.dirs)
	s.mu.Unlock()
	for _, d := range slices.Collect(maps.Keys(dirs)) {
		for d = parentOf(d); d != "" && !dirs[d]; d = parentOf(d) {
			dirs[d] = true
		}
	}
	dirs[""] = true
	for d := range dirs {
		// A folder of the recycled tree mostly has the time already: a
		// stat costs less than setting it, which journals the change.
		if st, err := s.root.stat(d); err == nil && st.mod.Equal(s.epoch) {
			continue
		}
		if err := s.root.chtimes(d, s.epoch); err != nil {
			return err
		}
	}
	return nil
}
