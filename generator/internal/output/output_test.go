package output

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"portal/generator/internal/linktest"
)

// maxLeftovers is how many staging folders may stay beside the output
// after a build: the previous tree, kept to be recycled by the next build.
const maxLeftovers = 1

// readTree reads every file and folder under dir: path → content ("/" ends a
// folder). A missing dir is an empty tree.
func readTree(t testing.TB, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case rel == ".":
		case d.IsDir():
			m[rel+"/"] = ""
		case d.Type()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			m[rel] = "-> " + target
		default:
			data, err := os.ReadFile(p)
			m[rel] = string(data)
			return err
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return m
}

func leftovers(t testing.TB, out string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(filepath.Dir(out), stagingPrefix(out)+"*"))
	return m
}

// publish writes files (path → content) as one build of out and commits.
func publish(t testing.TB, out string, files map[string]string, expect bool) {
	t.Helper()
	s, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	paths := slices.Sorted(maps.Keys(files))
	if expect {
		s.Expect(paths)
	}
	for _, p := range paths {
		if err := s.Write(p, []byte(files[p])); err != nil {
			s.Abort()
			t.Fatal(err)
		}
	}
	if n, b := s.Files(); n != len(files) || b != int64(len(strings.Join(slices.Collect(maps.Values(files)), ""))) {
		t.Errorf("Files() = %d, %d", n, b)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
}

// want is the tree a build of files makes: the files and their folders.
func want(files map[string]string) map[string]string {
	m := maps.Clone(files)
	for p := range files {
		for d := filepath.Dir(p); d != "."; d = filepath.Dir(d) {
			m[filepath.ToSlash(d)+"/"] = ""
		}
	}
	return m
}

func TestPublishReplacesTree(t *testing.T) {
	builds := []map[string]string{
		{"index.html": "v1", "a/index.html": "a1", "a/b/c/index.html": "c1", "feed.xml": "f1"},
		{"index.html": "v2", "a/index.html": "a2", "new/index.html": "n2"}, // a/b/c and feed.xml go
		{"index.html": "v3", "a": "a is a file now", "new/index.html": "n3"},
		{"index.html": "v4", "a/index.html": "a is a folder again", "new": "new is a file"},
		{"only.html": "v5"},
		{"a/b/c/d/e/f/index.html": "deep"},
	}
	for _, expect := range []bool{true, false} {
		t.Run(fmt.Sprintf("expect=%v", expect), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			for i, files := range builds {
				publish(t, out, files, expect)
				if got := readTree(t, out); !maps.Equal(got, want(files)) {
					t.Fatalf("build %d: got %v, want %v", i, got, want(files))
				}
				if l := leftovers(t, out); len(l) > maxLeftovers {
					t.Fatalf("build %d: leftovers %v", i, l)
				}
			}
		})
	}
}

func TestAbortLeavesOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	publish(t, out, map[string]string{"index.html": "old", "a/index.html": "old a"}, true)
	if err := os.WriteFile(filepath.Join(out, "by-hand.txt"), []byte("marker"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)
	for i := range 3 {
		s, err := Begin(out)
		if err != nil {
			t.Fatal(err)
		}
		s.Expect([]string{"index.html", "b/index.html"})
		if err := s.Write("index.html", []byte("new")); err != nil {
			t.Fatal(err)
		}
		s.Abort()
		if got := readTree(t, out); !maps.Equal(got, before) {
			t.Fatalf("abort %d changed the output: %v", i, got)
		}
		if l := leftovers(t, out); len(l) > maxLeftovers {
			t.Fatalf("abort %d: leftovers %v", i, l)
		}
	}
	// The next build is exact, whatever the aborted ones left.
	publish(t, out, map[string]string{"c/index.html": "c"}, true)
	if got := readTree(t, out); !maps.Equal(got, want(map[string]string{"c/index.html": "c"})) {
		t.Errorf("after aborts: %v", got)
	}
}

func TestWriteRefusesEscapes(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	s, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	for _, rel := range []string{"", "/etc/x", "../x", "a/../../x", "a/./b", "a//b", "./a", "a/", `a\b`, "..", "."} {
		if err := s.Write(rel, []byte("x")); err == nil {
			t.Errorf("Write(%q) accepted", rel)
		}
	}
	if got := readTree(t, s.dir); len(got) != 0 {
		t.Errorf("files appeared: %v", got)
	}
}

// TestLeftoversDoNotPileUp plants leftovers of killed builds, junk and a
// leftover that is a file, and expects one build to clear them and to
// publish exactly its own files.
func TestLeftoversDoNotPileUp(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	publish(t, out, map[string]string{"index.html": "v1"}, true)
	for i := range 5 {
		p := filepath.Join(dir, stagingPrefix(out)+strconv.Itoa(i))
		os.MkdirAll(filepath.Join(p, "junk", "deep"), 0o755)
		os.WriteFile(filepath.Join(p, "junk", "deep", "index.html"), []byte("junk"), 0o644)
		os.WriteFile(filepath.Join(p, "index.html"), []byte("junk"), 0o644)
	}
	os.WriteFile(filepath.Join(dir, stagingPrefix(out)+"file"), []byte("a file, not a folder"), 0o644)
	files := map[string]string{"index.html": "v2", "x/index.html": "x"}
	publish(t, out, files, true)
	if got := readTree(t, out); !maps.Equal(got, want(files)) {
		t.Errorf("got %v", got)
	}
	if l := leftovers(t, out); len(l) > maxLeftovers {
		t.Errorf("leftovers %v", l)
	}
}

// TestPlantedLinks plants symbolic links in a leftover staging folder, as
// an attacker with write access to the output's parent might, and expects
// the build to write only inside its staging folder.
func TestPlantedLinks(t *testing.T) {
	dir := t.TempDir()
	victim := t.TempDir()
	victimFile := filepath.Join(victim, "precious.txt")
	os.WriteFile(victimFile, []byte("precious"), 0o644)
	out := filepath.Join(dir, "public")
	publish(t, out, map[string]string{"index.html": "v1"}, true)
	leftover := filepath.Join(dir, stagingPrefix(out)+"planted")
	os.MkdirAll(leftover, 0o755)
	linktest.Symlink(t, victimFile, filepath.Join(leftover, "index.html"))
	linktest.Symlink(t, victim, filepath.Join(leftover, "sub"))
	files := map[string]string{"index.html": "v2", "sub/precious.txt": "overwritten?", "sub/new.html": "new"}
	for _, expect := range []bool{true, false} {
		publish(t, out, files, expect)
		if got := readTree(t, out); !maps.Equal(got, want(files)) {
			t.Errorf("got %v", got)
		}
		if got := readTree(t, victim); !maps.Equal(got, map[string]string{"precious.txt": "precious"}) {
			t.Fatalf("the build wrote through a planted link: %v", got)
		}
	}
}

func TestConcurrentWrites(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	files := map[string]string{}
	for i := range 2000 {
		files[fmt.Sprintf("s%d/p%d/index.html", i%17, i)] = strconv.Itoa(i)
	}
	for round := range 2 {
		s, err := Begin(out)
		if err != nil {
			t.Fatal(err)
		}
		paths := slices.Sorted(maps.Keys(files))
		s.Expect(paths)
		var wg sync.WaitGroup
		for w := range 8 {
			wg.Go(func() {
				for i := w; i < len(paths); i += 8 {
					if err := s.Write(paths[i], []byte(files[paths[i]])); err != nil {
						t.Error(err)
					}
				}
			})
		}
		wg.Wait()
		if err := s.Commit(); err != nil {
			t.Fatal(err)
		}
		if got := readTree(t, out); !maps.Equal(got, want(files)) {
			t.Fatalf("round %d: %d entries, want %d", round, len(got), len(want(files)))
		}
	}
}

// TestKilledWriter runs this test binary as a writer process that
// publishes a tree of many files, kills it (SIGKILL) at many points, and
// expects the output to be the complete old or the complete new tree every
// time, and the next complete build to clean up.
func TestKilledWriter(t *testing.T) {
	if os.Getenv("OUTPUT_WRITER_OUT") != "" {
		writer(t)
		return
	}
	if testing.Short() {
		t.Skip("slow")
	}
	out := filepath.Join(t.TempDir(), "public")
	run := func(version int, kill time.Duration) error {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledWriter$")
		cmd.Env = append(os.Environ(), "OUTPUT_WRITER_OUT="+out, "OUTPUT_WRITER_VERSION="+strconv.Itoa(version))
		if kill < 0 {
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("writer: %v\n%s", err, out)
			}
			return nil
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(kill)
		cmd.Process.Kill()
		return cmd.Wait()
	}
	start := time.Now()
	run(0, -1)
	took := time.Since(start)
	trees := [2]map[string]string{readTree(t, out)}
	run(1, -1)
	trees[1] = readTree(t, out)
	if len(trees[0]) < 400 || maps.Equal(trees[0], trees[1]) {
		t.Fatalf("trees of %d and %d entries", len(trees[0]), len(trees[1]))
	}
	current, outcomes := 1, map[string]int{}
	const n = 10
	for i := range n {
		next := 1 - current
		run(next, time.Duration(i)*(took+took/2)/n)
		// The portable swap may be killed between its two renames: the
		// next build restores the old tree first (a no-op elsewhere).
		if err := restore(out); err != nil {
			t.Fatal(err)
		}
		switch got := readTree(t, out); {
		case maps.Equal(got, trees[current]):
			outcomes["old"]++
		case maps.Equal(got, trees[next]):
			outcomes["new"]++
		default:
			t.Fatalf("kill %d: the output is neither tree (%d entries)", i, len(got))
		}
		run(next, -1)
		if got := readTree(t, out); !maps.Equal(got, trees[next]) {
			t.Fatalf("complete build %d differs", i)
		}
		if l := leftovers(t, out); len(l) > maxLeftovers {
			t.Fatalf("leftovers after a complete build: %v", l)
		}
		current = next
	}
	t.Logf("a write takes about %v; outcomes of %d kills: %v", took, n, outcomes)
}

// writer is the child process of TestKilledWriter.
func writer(t *testing.T) {
	out := os.Getenv("OUTPUT_WRITER_OUT")
	version, _ := strconv.Atoi(os.Getenv("OUTPUT_WRITER_VERSION"))
	files := map[string]string{}
	for i := version * 100; i < 400+version*100; i++ {
		files[fmt.Sprintf("k%d/r%d/index.html", i%7, i)] = strings.Repeat(fmt.Sprintf("v%d r%d ", version, i), 100)
	}
	publish(t, out, files, true)
}
