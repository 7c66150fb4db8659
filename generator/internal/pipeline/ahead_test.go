package pipeline

import (
	"errors"
	"testing"
)

// TestAskAhead: the versions of the third batch's outputs that have one
// are asked for once each, by askAhead's goroutine; takeAhead gives those
// that did not fail (the third batch asks for the others again, and
// reports their error), and nothing when taken again.
func TestAskAhead(t *testing.T) {
	errDisk := errors.New("disk gone")
	asked := map[string]int{}
	version := func(path string, v uint64, err error) func() (uint64, error) {
		return func() (uint64, error) { asked[path]++; return v, err }
	}
	outs := []Output{
		{Path: "a.json", version: version("a.json", 7, nil)},
		{Path: "index.html"},
		{Path: "b.json", version: version("b.json", 9, nil)},
		{Path: "c.json", version: version("c.json", 0, errDisk)},
		{Path: "d.json", version: version("d.json", 3, nil)},
	}
	for _, c := range []struct {
		name  string
		third []int
		want  map[int]uint64
	}{
		{"versions", []int{0, 1, 2}, map[int]uint64{0: 7, 2: 9}},
		{"one fails", []int{0, 3, 4}, map[int]uint64{0: 7, 4: 3}},
	} {
		clear(asked)
		r := &rest{outs: outs, sorted: true}
		r.b[2].outs = c.third
		r.askAhead()
		a := r.takeAhead()
		if a == nil {
			t.Fatalf("%s: nothing taken", c.name)
		}
		if len(a.versions) != len(c.want) {
			t.Errorf("%s: versions %v, want %v", c.name, a.versions, c.want)
		}
		for i, v := range c.want {
			if a.versions[i] != v {
				t.Errorf("%s: version of %s %d, want %d", c.name, outs[i].Path, a.versions[i], v)
			}
		}
		for p, n := range asked {
			if n != 1 {
				t.Errorf("%s: the version of %s asked for %d times", c.name, p, n)
			}
		}
		if r.takeAhead() != nil {
			t.Errorf("%s: taken twice", c.name)
		}
		// What the third batch asks: the version kept, else asked again.
		for _, i := range c.third {
			if outs[i].version == nil {
				continue
			}
			before := asked[outs[i].Path]
			v, err := a.version(i, &outs[i])
			_, kept := c.want[i]
			if again := asked[outs[i].Path] - before; kept && (again != 0 || v != c.want[i] || err != nil) {
				t.Errorf("%s: %s: %d, %v, asked again %d times, want %d kept", c.name, outs[i].Path, v, err, again, c.want[i])
			} else if !kept && (again != 1 || !errors.Is(err, errDisk)) {
				t.Errorf("%s: %s: %v, asked again %d times, want %v asked once", c.name, outs[i].Path, err, again, errDisk)
			}
		}
	}
	if (*rest)(nil).takeAhead() != nil {
		t.Error("a nil rest has versions")
	}
	if v, err := (*ahead)(nil).version(0, &outs[0]); v != 7 || err != nil {
		t.Errorf("no versions asked ahead: %d, %v, want 7", v, err)
	}
}
