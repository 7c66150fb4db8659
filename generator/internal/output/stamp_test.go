package output

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestModTimes builds one output folder again and again and checks the
// modification time of each file: a file whose bytes are those of the
// previous output keeps its time, through the recycled tree (which holds
// the output of two builds before) as through a new one; a new or changed
// file gets SOURCE_DATE_EPOCH when it is set, else the time of the build;
// no file is later than SOURCE_DATE_EPOCH.
func TestModTimes(t *testing.T) {
	epoch := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	later := epoch.Add(48 * time.Hour)
	// A build: its files, SOURCE_DATE_EPOCH (zero: unset), and per file
	// the time wanted: "epoch", "build" (the time of this build), or the
	// index of the earlier build whose time the file keeps.
	type build struct {
		files map[string]string
		epoch time.Time
		want  map[string]string
	}
	tests := []struct {
		name   string
		builds []build
	}{
		{"no epoch: unchanged files keep the first build's time", []build{
			{map[string]string{"a.html": "A", "d/b.html": "B"}, time.Time{}, map[string]string{"a.html": "build", "d/b.html": "build"}},
			{map[string]string{"a.html": "A", "d/b.html": "B"}, time.Time{}, map[string]string{"a.html": "0", "d/b.html": "0"}},
			{map[string]string{"a.html": "A", "d/b.html": "B"}, time.Time{}, map[string]string{"a.html": "0", "d/b.html": "0"}},
			{map[string]string{"a.html": "A", "d/b.html": "B"}, time.Time{}, map[string]string{"a.html": "0", "d/b.html": "0"}},
		}},
		{"no epoch: a change, then the same bytes again", []build{
			{map[string]string{"a.html": "A", "b.html": "B"}, time.Time{}, map[string]string{"a.html": "build", "b.html": "build"}},
			{map[string]string{"a.html": "A2", "b.html": "B"}, time.Time{}, map[string]string{"a.html": "build", "b.html": "0"}},
			// The recycled tree holds build 0's a.html, whose bytes differ.
			{map[string]string{"a.html": "A2", "b.html": "B"}, time.Time{}, map[string]string{"a.html": "1", "b.html": "0"}},
			// The recycled tree holds "A" again: new to the output all the same.
			{map[string]string{"a.html": "A", "b.html": "B"}, time.Time{}, map[string]string{"a.html": "build", "b.html": "0"}},
			{map[string]string{"a.html": "A", "b.html": "B", "c.html": "C"}, time.Time{}, map[string]string{"a.html": "3", "b.html": "0", "c.html": "build"}},
		}},
		{"epoch: new and changed files get it", []build{
			{map[string]string{"a.html": "A", "d/e/b.html": "B"}, epoch, map[string]string{"a.html": "epoch", "d/e/b.html": "epoch"}},
			{map[string]string{"a.html": "A", "d/e/b.html": "B2"}, later, map[string]string{"a.html": "epoch0", "d/e/b.html": "epoch"}},
			{map[string]string{"a.html": "A", "d/e/b.html": "B2", "n.html": "N"}, later, map[string]string{"a.html": "epoch0", "d/e/b.html": "epoch1", "n.html": "epoch"}},
		}},
		{"one epoch for two contents of one size, then a later one", []build{
			{map[string]string{"a.html": "X1"}, epoch, map[string]string{"a.html": "epoch"}},
			{map[string]string{"a.html": "Y1"}, epoch, map[string]string{"a.html": "epoch"}},
			// The recycled tree's a.html holds these bytes, at the time
			// of the previous output's, which holds others.
			{map[string]string{"a.html": "X1"}, later, map[string]string{"a.html": "epoch"}},
		}},
		{"two contents at one epoch, then a build without", []build{
			{map[string]string{"a.html": "X1"}, epoch, map[string]string{"a.html": "epoch"}},
			{map[string]string{"a.html": "Y1"}, epoch, map[string]string{"a.html": "epoch"}},
			// The recycled tree's a.html holds these bytes, at the time
			// of the previous output's, which holds others: changed.
			{map[string]string{"a.html": "X1"}, time.Time{}, map[string]string{"a.html": "build"}},
		}},
		{"epoch after a build without: clamped", []build{
			{map[string]string{"a.html": "A"}, time.Time{}, map[string]string{"a.html": "build"}},
			{map[string]string{"a.html": "A", "b.html": "B"}, epoch, map[string]string{"a.html": "epoch", "b.html": "epoch"}},
			{map[string]string{"a.html": "A", "b.html": "B"}, later, map[string]string{"a.html": "epoch1", "b.html": "epoch1"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			var times []map[string]time.Time // per build, per file
			var epochs []time.Time
			for i, b := range tt.builds {
				before := time.Now().Add(-time.Second)
				// Each build at a later time than the one before, as a
				// file system with coarse times would not tell apart.
				time.Sleep(20 * time.Millisecond)
				publishAt(t, out, b.files, b.epoch)
				after := time.Now().Add(time.Second)
				got := map[string]time.Time{}
				for rel, want := range b.want {
					got[rel] = modTime(t, filepath.Join(out, rel))
					var ok bool
					switch {
					case want == "epoch":
						ok = got[rel].Equal(b.epoch)
					case want == "build":
						ok = got[rel].After(before) && got[rel].Before(after) && (i == 0 || !got[rel].Equal(times[i-1][rel]))
					case want[0] == 'e': // "epochN": build N's epoch
						ok = got[rel].Equal(epochs[want[5]-'0'])
					default:
						ok = got[rel].Equal(times[want[0]-'0'][rel])
					}
					if !ok {
						t.Errorf("build %d: %s modified at %v, want %s", i, rel, got[rel], want)
					}
					if !b.epoch.IsZero() && got[rel].After(b.epoch) {
						t.Errorf("build %d: %s modified at %v, after SOURCE_DATE_EPOCH %v", i, rel, got[rel], b.epoch)
					}
				}
				times = append(times, got)
				epochs = append(epochs, b.epoch)
			}
		})
	}
}

// TestEpochFolders builds with SOURCE_DATE_EPOCH into a new output and
// into one built before with other files: every folder, the output
// folder too, is modified at SOURCE_DATE_EPOCH.
func TestEpochFolders(t *testing.T) {
	epoch := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	files := map[string]string{"index.html": "i", "a/b/c/index.html": "c", "a/x.json": "x"}
	tests := []struct {
		name   string
		before []map[string]string // builds without SOURCE_DATE_EPOCH first
	}{
		{"new output", nil},
		{"over an output", []map[string]string{{"index.html": "old", "a/b/old.html": "o", "z/z.html": "z"}}},
		{"over a recycled tree", []map[string]string{{"a/b/old.html": "o", "z/z.html": "z"}, {"q/q.html": "q"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			for _, b := range tt.before {
				publishAt(t, out, b, time.Time{})
			}
			publishAt(t, out, files, epoch)
			n := 0
			err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				if got := modTime(t, p); !got.Equal(epoch) {
					t.Errorf("%s modified at %v, want %v", p, got, epoch)
				}
				n++
				return nil
			})
			if err != nil || n != 7 {
				t.Errorf("walked %d files and folders (%v), want 7", n, err)
			}
		})
	}
}

// publishAt publishes files as one build of out with SOURCE_DATE_EPOCH
// epoch (zero: unset).
func publishAt(t *testing.T, out string, files map[string]string, epoch time.Time) {
	t.Helper()
	s, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	s.SetSourceDate(epoch)
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	s.Expect(paths)
	for _, p := range paths {
		if err := s.Write(p, []byte(files[p])); err != nil {
			s.Abort()
			t.Fatal(err)
		}
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
}

func modTime(t *testing.T, p string) time.Time {
	t.Helper()
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return info.ModTime()
}
