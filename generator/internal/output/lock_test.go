package output

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestLockExcludes takes the lock of an output folder and expects a second
// Lock, and Begin, to fail with the message that names the lock file,
// until the first lets go.
func TestLockExcludes(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	first, err := Lock(out)
	if err != nil {
		t.Fatal(err)
	}
	slash := filepath.ToSlash(dir)
	wantMsg := slash + "/public: another build or serve is writing to it (it holds " + slash + "/.public.lock); wait until it has finished"
	for name, try := range map[string]func() error{
		"Lock":  func() error { l, err := Lock(out); l.Unlock(); return err },
		"Begin": func() error { _, err := Begin(out); return err },
	} {
		err := try()
		if err == nil || err.Error() != wantMsg || !errors.Is(err, ErrLocked) {
			t.Errorf("%s while locked: %v\nwant %s", name, err, wantMsg)
		}
	}
	if got := leftovers(t, out); len(got) != 0 {
		t.Errorf("a refused Begin made %v", got)
	}
	first.Unlock()
	publish(t, out, map[string]string{"index.html": "v1"}, true)
	if got := readTree(t, out); !maps.Equal(got, map[string]string{"index.html": "v1"}) {
		t.Errorf("after unlock: %v", got)
	}
}

// TestLockConcurrentBuilds runs builds of different trees into one output
// folder from goroutines (run it with -race): each either publishes its
// whole tree or fails with ErrLocked, and the output is always one tree.
func TestLockConcurrentBuilds(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	trees := make([]map[string]string, 4)
	for i := range trees {
		trees[i] = map[string]string{}
		for j := range 200 {
			trees[i][fmt.Sprintf("p%d/index.html", j+i*50)] = strconv.Itoa(i)
		}
	}
	for round := range 5 {
		var wg sync.WaitGroup
		won := make([]bool, len(trees))
		for i, files := range trees {
			wg.Go(func() {
				s, err := Begin(out)
				if errors.Is(err, ErrLocked) {
					return
				}
				if err != nil {
					t.Error(err)
					return
				}
				for p, data := range files {
					if err := s.Write(p, []byte(data)); err != nil {
						t.Error(err)
					}
				}
				won[i] = s.Commit() == nil
			})
		}
		wg.Wait()
		got := readTree(t, out)
		match := -1
		for i, files := range trees {
			if maps.Equal(got, want(files)) {
				match = i
			}
		}
		if match < 0 || !won[match] {
			t.Fatalf("round %d: the output is no committed tree (%d entries, committed %v)", round, len(got), won)
		}
	}
}

// TestLockTwoProcesses starts two builds of different trees into one
// output folder as two processes at once, ten times: the output is always
// the whole tree of a process that exited 0, and a process that did not
// publish says why.
func TestLockTwoProcesses(t *testing.T) {
	if os.Getenv("OUTPUT_LOCK_OUT") != "" {
		lockWriter()
		return
	}
	out := filepath.Join(t.TempDir(), "public")
	trees := [2]map[string]string{}
	for v := range trees {
		trees[v] = writerFiles(v)
	}
	for run := range 10 {
		cmds := [2]*exec.Cmd{}
		outs := [2]strings.Builder{}
		for v := range cmds {
			cmds[v] = exec.Command(os.Args[0], "-test.run=^TestLockTwoProcesses$")
			cmds[v].Env = append(os.Environ(), "OUTPUT_LOCK_OUT="+out, "OUTPUT_LOCK_VERSION="+strconv.Itoa(v))
			cmds[v].Stdout, cmds[v].Stderr = &outs[v], &outs[v]
		}
		for _, c := range cmds {
			if err := c.Start(); err != nil {
				t.Fatal(err)
			}
		}
		ok := [2]bool{}
		for v, c := range cmds {
			err := c.Wait()
			ok[v] = err == nil
			if err != nil && !strings.Contains(outs[v].String(), "another build or serve is writing to it") {
				t.Fatalf("run %d: process %d: %v\n%s", run, v, err, outs[v].String())
			}
		}
		got := readTree(t, out)
		switch {
		case maps.Equal(got, want(trees[0])) && ok[0]:
		case maps.Equal(got, want(trees[1])) && ok[1]:
		default:
			t.Fatalf("run %d: the output (%d entries) is not the tree of a process that exited 0 (%v)", run, len(got), ok)
		}
	}
}

func writerFiles(version int) map[string]string {
	files := map[string]string{}
	for i := version * 100; i < 1200+version*100; i++ {
		files[fmt.Sprintf("k%d/r%d/index.html", i%7, i)] = strings.Repeat(fmt.Sprintf("v%d r%d ", version, i), 20)
	}
	return files
}

// lockWriter is the child process of TestLockTwoProcesses.
func lockWriter() {
	version, _ := strconv.Atoi(os.Getenv("OUTPUT_LOCK_VERSION"))
	err := func() error {
		s, err := Begin(os.Getenv("OUTPUT_LOCK_OUT"))
		if err != nil {
			return err
		}
		for p, data := range writerFiles(version) {
			if err := s.Write(p, []byte(data)); err != nil {
				s.Abort()
				return err
			}
		}
		time.Sleep(10 * time.Millisecond) // widen the window for the other
		return s.Commit()
	}()
	if err != nil {
		fmt.Println(err)
		os.Exit(3)
	}
	os.Exit(0)
}
