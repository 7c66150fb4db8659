package content

import (
	"slices"
	"strings"
	"testing"
)

// TestOtherKindWithBrokenLine feeds Load a lecture saved in the folder of
// agreements with a line the decoder cannot read: the file is still
// told to move, besides the line's own problem, not a missing key of
// agreements and an unknown key for each of the lecture's keys.
func TestOtherKindWithBrokenLine(t *testing.T) {
	const p = "content/agreements/l.md"
	move := p + `:1:1: this record has the keys of lectures (end, place, registration, speaker, start), not of agreements: move the file to content/lectures/`
	for _, c := range []struct {
		name string
		file string
		want []string
	}{
		{"start of no month", rec(with(lecture, "start = 2026-03-12T15:15:00", "start = 2026-13-12T15:15:00")),
			[]string{strings.Replace(move, ", start)", ")", 1), p + `:5:9: start: 2026-13-12T15:15:00 does not exist – a year has 12 months; write year-month-day, like 2027-02-28`}},
		{"title never closed", rec(with(lecture, `title = "Digital tvilling"`, `title = """Digital tvilling`)),
			[]string{move, p + `:2:9: title: the text opened with """ here is never closed – end it with """ where it ends`}},
		{"date in another form", rec(with(lecture, "date = 2026-01-10", "date = 10/1 2026")),
			[]string{move, p + `:3:8: date: 10/1 2026 is not a date the site can read – dates are written year-month-day, without quotes: write date = 2026-01-10 for 10 January, or date = 2026-10-01 for 1 October`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, got := load(t, mapFS(map[string]string{p: c.file}))
			if !slices.Equal(got, c.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}
