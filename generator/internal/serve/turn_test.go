package serve

import (
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"portal/generator/internal/output"
	"portal/generator/internal/pipeline"
)

// TestClockTurns checks that the preview follows the clock within a day:
// the fixture's lecture ends at 14:00 UTC, and a preview made during it
// makes a new model once that moment has come, whether an edit of text
// comes first or the clock alone (serve's loop, turned) asks for it. Up
// to that moment an edit of text stays in place.
func TestClockTurns(t *testing.T) {
	during := time.Date(2026, 12, 3, 13, 30, 0, 0, time.UTC)
	end := time.Date(2026, 12, 3, 14, 0, 0, 0, time.UTC) // smarta-kartor.md, 15:00+01:00
	textEdit := []string{"content/theses/energidata.md"}
	tests := []struct {
		name  string
		at    time.Time // the clock at the update
		paths []string  // the update's changed files; none: the clock asks
		full  bool      // a new model
	}{
		{"text edit before the end", end.Add(-time.Second), textEdit, false},
		{"text edit at the end", end, textEdit, true},
		{"text edit an hour later", end.Add(time.Hour), textEdit, true},
		{"the clock at the end", end, nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := fixture(t)
			now := during
			e := newEngine(os.DirFS(root), output.Dir(t.TempDir()), func() time.Time { return now })
			mustUpdate(t, e)
			if !e.turn.Equal(end) {
				t.Fatalf("turn %v, want the lecture's end %v", e.turn, end)
			}
			now = tc.at
			if got := e.turned(); got != !now.Before(end) {
				t.Errorf("turned() = %v at %v", got, now)
			}
			if tc.paths != nil {
				edit(t, root, tc.paths[0], "Vi söker", "Vi letar efter")
			}
			res := mustUpdate(t, e, tc.paths...)
			if len(res.Errs) > 0 {
				t.Fatal(res.Errs)
			}
			if res.Full != tc.full {
				t.Errorf("Full = %v, want %v", res.Full, tc.full)
			}
			if e.turned() {
				t.Errorf("turned() after the update, turn %v", e.turn)
			}
			matchesBuildAt(t, e, root, tc.name, now)
		})
	}
}

// TestClockTurnsWithProblems checks that a preview whose sources have a
// problem checks them again when the clock turns, and then waits for the
// next turn rather than checking them at every look at the clock.
func TestClockTurnsWithProblems(t *testing.T) {
	root := fixture(t)
	now := time.Date(2026, 12, 3, 13, 30, 0, 0, time.UTC)
	e := newEngine(os.DirFS(root), output.Dir(t.TempDir()), func() time.Time { return now })
	mustUpdate(t, e)
	edit(t, root, "content/theses/energidata.md", "level = \"master\"", "level = \"doctor\"")
	if res := mustUpdate(t, e, "content/theses/energidata.md"); len(res.Errs) != 1 {
		t.Fatalf("problems %v, want one", res.Errs)
	}
	end := time.Date(2026, 12, 3, 14, 0, 0, 0, time.UTC)
	if !e.turn.Equal(end) {
		t.Fatalf("turn %v, want the lecture's end %v", e.turn, end)
	}
	now = end.Add(time.Minute)
	if !e.turned() {
		t.Fatal("not turned after the lecture's end")
	}
	if res := mustUpdate(t, e); len(res.Errs) != 1 {
		t.Fatalf("problems %v, want one", res.Errs)
	}
	midnight := time.Date(2026, 12, 3, 23, 0, 0, 0, time.UTC) // in Stockholm
	if e.turned() || !e.turn.Equal(midnight) {
		t.Errorf("turned() %v, turn %v, want the day's end %v", e.turned(), e.turn, midnight)
	}
}

// TestUntilTurn checks how long serve's loop waits before it reads the
// clock again.
func TestUntilTurn(t *testing.T) {
	now := time.Date(2026, 12, 3, 13, 30, 0, 0, time.UTC)
	tests := []struct {
		turn  time.Time
		tried time.Time // when the last update read the clock
		want  time.Duration
	}{
		{time.Time{}, now.Add(-time.Hour), time.Minute},                    // nothing waits for the clock
		{now.Add(20 * time.Second), now.Add(-time.Hour), 20 * time.Second}, // the turn comes first
		{now.Add(time.Hour), now.Add(-time.Hour), time.Minute},             // the clock is read meanwhile
		{now.Add(-time.Second), now.Add(-time.Hour), 0},                    // passed already
		{now.Add(-time.Second), now.Add(-2 * time.Second), 0},              // passed while the update ran
		// The update at the turn did not come to a new one (it could
		// not write): it is tried again at the next look, not at once.
		{now.Add(-time.Second), now.Add(-time.Millisecond), time.Minute},
		// A clock that stands still (-now, SOURCE_DATE_EPOCH) never
		// comes to the turn, however near.
		{now.Add(time.Nanosecond), now, time.Minute},
		{now.Add(20 * time.Second), now, time.Minute},
	}
	for _, tc := range tests {
		e := &engine{now: func() time.Time { return now }, turn: tc.turn, tried: tc.tried}
		if got := e.untilTurn(time.Minute); got != tc.want {
			t.Errorf("turn %v, tried %v: untilTurn = %v, want %v", tc.turn, tc.tried, got, tc.want)
		}
	}
}

// TestClockTurnsCalendar checks the turn of the calendars: a lecture
// leaves them pipeline.CalendarDays after its end, which the preview
// follows as it follows the model's turns.
func TestClockTurnsCalendar(t *testing.T) {
	root := fixture(t)
	now := time.Date(2026, 1, 18, 8, 0, 0, 0, time.UTC)
	e := newEngine(os.DirFS(root), output.Dir(t.TempDir()), func() time.Time { return now })
	mustUpdate(t, e)
	// forra-aret.md ends 2025-10-20T12:00:00+02:00; the days are counted
	// in the site's time zone, whatever zone now is in: it leaves at
	// 12.00 winter time, 11.00 UTC.
	stockholm, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Skip(err)
	}
	leaves := time.Date(2025, 10, 20, 12, 0, 0, 0, stockholm).AddDate(0, 0, pipeline.CalendarDays).Add(time.Nanosecond)
	if !e.turn.Equal(leaves) {
		t.Fatalf("turn %v, want %v", e.turn, leaves)
	}
	now = leaves
	res := mustUpdate(t, e)
	if want := []string{"/en/guest-lectures/calendar.ics", "/gastforelasningar/calendar.ics"}; !slices.Equal(res.Changed, want) {
		t.Errorf("changed %v, want the calendars %v", res.Changed, want)
	}
	matchesBuildAt(t, e, root, "a lecture leaves the calendar", now)
}

// TestServeClockTurns checks that a preview left open follows the clock
// with no file changed: once the lecture has ended, its page and list
// change, the browser is told to reload them, and the terminal says why.
func TestServeClockTurns(t *testing.T) {
	root := fixture(t)
	var now atomic.Int64
	now.Store(time.Date(2026, 12, 3, 13, 59, 0, 0, time.UTC).UnixNano())
	r := startWith(t, root, func(o *Options) {
		o.Now = func() time.Time { return time.Unix(0, now.Load()).UTC() }
		o.ClockCheck = 20 * time.Millisecond
	})
	ev := r.events(t)
	if _, page := r.get(t, "/gastforelasningar/"); !strings.Contains(page, "Smarta kartor") {
		t.Fatalf("the lecture is not upcoming:\n%s", page)
	}
	now.Store(time.Date(2026, 12, 3, 14, 0, 0, 0, time.UTC).UnixNano())
	reloadFor(t, ev, "/gastforelasningar/")
	if _, page := r.get(t, "/gastforelasningar/"); strings.Contains(page, "Smarta kartor") {
		t.Errorf("the lecture is still upcoming after its end:\n%s", page)
	}
	if _, page := r.get(t, "/gastforelasningar/arkiv/"); !strings.Contains(page, "Smarta kartor") {
		t.Errorf("the lecture is not in the archive after its end:\n%s", page)
	}
	if logs := r.logs.String(); !strings.Contains(logs, "serve: the clock passed 2026-12-03 15:00, when a date in the sources takes effect") {
		t.Errorf("the terminal does not say why:\n%s", logs)
	}
}

// TestClockTurnsAfterProblemFixed checks that a preview whose sources
// had a problem, fixed by an edit that stays in place, waits again for
// the served site's turn: the check of the sources without the refused
// record (the lecture) had a later one, the day's end, and the lecture
// stayed upcoming until midnight.
func TestClockTurnsAfterProblemFixed(t *testing.T) {
	end := time.Date(2026, 12, 3, 14, 0, 0, 0, time.UTC) // smarta-kartor.md, 15:00+01:00
	tests := []struct {
		name, rel, good, bad string
	}{
		{"a problem in the lecture", "content/lectures/smarta-kartor.md", `course = "AG2129"`, `course = "nope"`},
		{"a problem in another record", "content/theses/energidata.md", `level = "master"`, `level = "doctor"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := fixture(t)
			now := time.Date(2026, 12, 3, 13, 30, 0, 0, time.UTC)
			e := newEngine(os.DirFS(root), output.Dir(t.TempDir()), func() time.Time { return now })
			mustUpdate(t, e)
			edit(t, root, tc.rel, tc.good, tc.bad)
			if res := mustUpdate(t, e, tc.rel); len(res.Errs) != 1 {
				t.Fatalf("problems %v, want one", res.Errs)
			}
			edit(t, root, tc.rel, tc.bad, tc.good)
			res := mustUpdate(t, e, tc.rel)
			if len(res.Errs) > 0 || res.Full {
				t.Fatalf("the fix: problems %v, Full %v; want none, in place", res.Errs, res.Full)
			}
			if !e.turn.Equal(end) {
				t.Errorf("turn %v, want the lecture's end %v", e.turn, end)
			}
			now = end
			if !e.turned() {
				t.Fatal("not turned at the lecture's end")
			}
			mustUpdate(t, e)
			matchesBuildAt(t, e, root, tc.name, now)
		})
	}
}

// brokenDisk is a store that can no longer be written once broken, as
// a full disk; it is read as the tests read the memory it wraps.
type brokenDisk struct {
	output.Store
	broken bool
}

func (d *brokenDisk) Open(name string) (fs.File, error) { return d.Store.(fs.FS).Open(name) }

func (d *brokenDisk) Put(rel string, data []byte) error {
	if d.broken {
		return errors.New("disk full")
	}
	return d.Store.Put(rel, data)
}

// TestClockTurnsWriteFails checks that an update at the turn that cannot
// write its files (the disk of -out is full) is tried again at serve's
// next look at the clock, not at once: the turn it did not come past had
// serve's loop update again and again without a pause, each update
// failing to write the pages of the record edited before.
func TestClockTurnsWriteFails(t *testing.T) {
	root := fixture(t)
	now := time.Date(2026, 12, 3, 13, 30, 0, 0, time.UTC)
	disk := &brokenDisk{Store: output.NewMemory()}
	e := newEngine(os.DirFS(root), disk, func() time.Time { return now })
	mustUpdate(t, e)
	disk.broken = true
	rel := "content/theses/energidata.md"
	edit(t, root, rel, "deadline = 2026-12-15", "deadline = 2026-12-16")
	if _, err := e.update([]string{rel}); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("update of %s: %v, want disk full", rel, err)
	}
	now = time.Date(2026, 12, 3, 14, 0, 0, 0, time.UTC) // the lecture's end
	if !e.turned() {
		t.Fatal("not turned at the lecture's end")
	}
	if _, err := e.update(nil); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("update at the turn: %v, want disk full", err)
	}
	if got := e.untilTurn(time.Minute); got != time.Minute {
		t.Errorf("untilTurn after the failed update = %v, want a minute", got)
	}
	disk.broken = false
	now = now.Add(time.Minute)
	mustUpdate(t, e)
	if e.turned() {
		t.Errorf("turned() once written, turn %v", e.turn)
	}
	matchesBuildAt(t, e, root, "written again", now)
}

// TestClockTurnsCollaborationEnds checks that a collaboration still
// "active" by its status ends in the preview at the midnight after its
// periodEnd, as in the build: it moves to the archive and its page
// reads "Avslutat", with no file changed.
func TestClockTurnsCollaborationEnds(t *testing.T) {
	stockholm, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Skip(err)
	}
	root := fixture(t)
	now := time.Date(2027, 12, 31, 23, 30, 0, 0, stockholm) // elnat.md: periodEnd = 2027-12-31
	e := newEngine(os.DirFS(root), output.Dir(t.TempDir()), func() time.Time { return now })
	mustUpdate(t, e)
	midnight := time.Date(2028, 1, 1, 0, 0, 0, 0, stockholm)
	if !e.turn.Equal(midnight) {
		t.Fatalf("turn %v, want the end of the collaboration's last day %v", e.turn, midnight)
	}
	matchesBuildAt(t, e, root, "on its last day", now)
	now = midnight
	res := mustUpdate(t, e)
	for _, page := range []string{"/samarbeten/", "/samarbeten/arkiv/", "/samarbeten/elnat/", "/en/collaborations/archive/", "/skolor/eecs/"} {
		if !slices.Contains(res.Changed, page) {
			t.Errorf("%s did not change at midnight; changed %v", page, res.Changed)
		}
	}
	matchesBuildAt(t, e, root, "the day after", now)
}
