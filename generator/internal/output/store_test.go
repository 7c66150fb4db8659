package output

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"testing/fstest"
)

func TestMemoryIsAnFS(t *testing.T) {
	m := NewMemory()
	for _, p := range []string{"index.html", "exjobb/index.html", "exjobb/x/index.html", "exjobb/x/a.pdf", "en/theses/index.html", "search/t/0.json"} {
		if err := m.Put(p, []byte("<p>"+p+"</p>")); err != nil {
			t.Fatal(err)
		}
	}
	if err := fstest.TestFS(m, "index.html", "exjobb/x/a.pdf", "en/theses/index.html", "search/t/0.json"); err != nil {
		t.Fatal(err)
	}
	if err := m.Remove("exjobb/x/a.pdf"); err != nil {
		t.Fatal(err)
	}
	if err := m.Remove("exjobb/x/index.html"); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Open("exjobb/x"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a folder whose files are all removed: %v, want fs.ErrNotExist", err)
	}
	if err := fstest.TestFS(m, "index.html", "exjobb/index.html"); err != nil {
		t.Fatal(err)
	}
}

func TestMemoryKeepsACopy(t *testing.T) {
	m := NewMemory()
	buf := []byte("first")
	if err := m.Put("a.txt", buf); err != nil {
		t.Fatal(err)
	}
	copy(buf, "XXXXX") // a worker reuses its buffer for the next output
	if got, _ := fs.ReadFile(m, "a.txt"); string(got) != "first" {
		t.Errorf("after the caller reused its buffer: %q, want %q", got, "first")
	}
	if err := m.Put("a.txt", nil); err != nil {
		t.Fatal(err)
	}
	if got, err := fs.ReadFile(m, "a.txt"); err != nil || len(got) != 0 {
		t.Errorf("an empty file: %q %v", got, err)
	}
	for _, bad := range []string{"", ".", "/a", "a/../b", "a//b"} {
		if err := m.Put(bad, []byte("x")); !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("Put(%q): %v, want fs.ErrInvalid", bad, err)
		}
	}
}

// A reader that opened a file before it was replaced reads the old bytes
// to the end; one that opens it after reads the new ones (go test -race).
func TestMemoryReadersSeeWholeFiles(t *testing.T) {
	m := NewMemory()
	old, new := make([]byte, 1<<16), make([]byte, 1<<16)
	for i := range old {
		old[i], new[i] = 'a', 'b'
	}
	if err := m.Put("p.html", old); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				f, err := m.Open("p.html")
				if err != nil {
					t.Error(err)
					return
				}
				b, _ := io.ReadAll(f)
				f.Close()
				if len(b) != len(old) || (b[0] != b[len(b)-1]) {
					t.Errorf("read %d bytes, first %q last %q: a mix of two versions", len(b), b[0], b[len(b)-1])
					return
				}
			}
		})
	}
	for i := range 50 {
		data := old
		if i%2 == 0 {
			data = new
		}
		if err := m.Put("p.html", data); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
}

func TestDirStore(t *testing.T) {
	out := t.TempDir()
	var s Store = Dir(out)
	if err := s.Put("exjobb/x/index.html", []byte("page")); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(filepath.Join(out, "exjobb", "x", "index.html")); err != nil || string(got) != "page" {
		t.Fatalf("after Put: %q %v", got, err)
	}
	if err := s.Remove("exjobb/x/index.html"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "exjobb")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the folders left empty should go: %v", err)
	}
	if err := s.Remove("not/there.html"); err != nil {
		t.Errorf("removing a file that is not there: %v", err)
	}
}

// A file linked to the sources is read from them when opened: an
// attachment is not held in memory, and the preview shows it as saved.
func TestMemoryLink(t *testing.T) {
	src := t.TempDir()
	if err := os.WriteFile(filepath.Join(src, "avtal.pdf"), []byte("%PDF-1.7 first"), 0o644); err != nil {
		t.Fatal(err)
	}
	m := NewMemory()
	var s Store = m
	l, ok := s.(Linker)
	if !ok {
		t.Fatal("Memory is not a Linker")
	}
	if err := l.Link("avtal/x/avtal.pdf", os.DirFS(src), "avtal.pdf"); err != nil {
		t.Fatal(err)
	}
	if err := m.Put("avtal/x/index.html", []byte("<p>")); err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(m, "avtal/x/avtal.pdf", "avtal/x/index.html"); err != nil {
		t.Fatal(err)
	}
	f, err := m.Open("avtal/x/avtal.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.(io.Seeker).Seek(9, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	if rest, _ := io.ReadAll(f); string(rest) != "first" {
		t.Errorf("after a seek to 9: %q", rest)
	}
	f.Close()
	if err := os.WriteFile(filepath.Join(src, "avtal.pdf"), []byte("%PDF-1.7 second"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := fs.ReadFile(m, "avtal/x/avtal.pdf"); string(got) != "%PDF-1.7 second" {
		t.Errorf("after the source changed: %q", got)
	}
	if err := os.Remove(filepath.Join(src, "avtal.pdf")); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Open("avtal/x/avtal.pdf"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("after the source was removed: %v, want fs.ErrNotExist", err)
	}
}
