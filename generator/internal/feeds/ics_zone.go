package feeds

// The VTIMEZONE of a calendar: the observances of its time zone over the
// years its events span, found from Go's zone data.

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// icsZone is the time zone of a calendar's local times and the observances
// of its VTIMEZONE.
type icsZone struct {
	loc  *time.Location
	name string // TZID
	obs  []observance
}

// observance is one STANDARD or DAYLIGHT sub-component: an onset, repeated
// yearly by a rule when repeated.
type observance struct {
	onset         // the first onset
	last     bool // rule "last <weekday> of month", else "nth <weekday>"
	nth      int
	until    time.Time // zero: no UNTIL
	repeated bool      // an RRULE is written
}

// onset is the moment a zone's offset (or name) takes effect.
type onset struct {
	at       time.Time // zero: in effect since the beginning of time
	from, to int       // UTC offsets in seconds before and after
	name     string
	dst      bool
}

// wall is the local time of the onset in the offset before it, as
// VTIMEZONE's DTSTART wants it.
func (o onset) wall() time.Time {
	if o.at.IsZero() {
		return time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return o.at.Add(time.Duration(o.from) * time.Second).UTC()
}

// newICSZone returns the zone with the observances needed for the events'
// times: none for UTC or days only. A calendar without events gets its
// zone's observances of now's year and the next (UTC's one, in UTC), so
// that it holds a component; none when now is zero.
func newICSZone(loc *time.Location, events []Event, now time.Time) (*icsZone, error) {
	if loc == nil || loc == time.UTC || loc.String() == "UTC" {
		if len(events) > 0 || now.IsZero() {
			return nil, nil
		}
		loc = time.UTC
	}
	name := loc.String()
	switch {
	case name == "" || name == "Local":
		return nil, fmt.Errorf("feeds: ics: time zone %q has no IANA name; load one such as Europe/Stockholm", name)
	case strings.ContainsAny(name, "\";:,") || strings.ContainsFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7F }):
		return nil, fmt.Errorf("feeds: ics: time zone name %q cannot be a TZID", name)
	}
	z := &icsZone{loc: loc, name: name}
	if len(events) == 0 && !now.IsZero() {
		y := now.In(loc).Year()
		z.obs = observances(loc, y, y+1)
		return z, nil
	}
	if !slices.ContainsFunc(events, func(e Event) bool { return !e.AllDay }) {
		return nil, nil // no local times to describe: no events, or days only
	}
	loYear, hiYear := 0, 0
	for i := range events {
		for _, t := range [...]time.Time{events[i].Start, events[i].End} {
			if t.IsZero() || events[i].AllDay {
				continue
			}
			y := t.In(loc).Year()
			if loYear == 0 || y < loYear {
				loYear = y
			}
			hiYear = max(hiYear, y)
		}
	}
	z.obs = observances(loc, loYear, hiYear+1)
	return z, nil
}

// observances describes loc from the zone in effect on 1 January of loYear
// through the end of hiYear: the onsets found with ZoneBounds, grouped by
// offsets, name and DST flag, and within a group joined into yearly rules
// (same month, weekday, local time, and "last" or the same "nth" weekday, in
// consecutive years). A rule reaching hiYear is left open; one ending before
// it gets UNTIL. The result is in the order of first onsets.
func observances(loc *time.Location, loYear, hiYear int) []observance {
	end := time.Date(hiYear+1, 1, 1, 0, 0, 0, 0, loc)
	var ons []onset
	for t := time.Date(loYear, 1, 1, 0, 0, 0, 0, loc); ; {
		name, off := t.Zone()
		start, next := t.ZoneBounds()
		o := onset{at: start, from: off, to: off, name: name, dst: t.IsDST()}
		if !start.IsZero() {
			_, o.from = start.Add(-time.Nanosecond).Zone()
		}
		// Past the zone data's last transition (2037), where Go applies
		// the zone's rule, ZoneBounds bounds each year too: such a bound
		// changes nothing and is no onset.
		if n := len(ons); n == 0 || o.to != ons[n-1].to || o.name != ons[n-1].name || o.dst != ons[n-1].dst {
			ons = append(ons, o)
		}
		if next.IsZero() || !next.Before(end) {
			break
		}
		// There, at the end of a leap year, it gives the moment asked
		// about as the end (2040-12-31 01:00 CET), which looped forever:
		// the next day is still in that zone and past the bound.
		if !next.After(t) {
			next = t.Add(24 * time.Hour)
		}
		t = next
	}

	var order []onset
	groups := map[onset][]onset{} // by all but the moment
	for _, o := range ons {
		k := o
		k.at = time.Time{}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], o)
	}

	var out []observance
	for _, k := range order {
		g := groups[k]
		for i := 0; i < len(g); {
			ob := observance{onset: g[i]}
			j := i + 1
			if !g[i].at.IsZero() {
				w0 := g[i].wall()
				ob.last = isLastWeekday(w0)
				ob.nth = (w0.Day()-1)/7 + 1
				nthOK := true
				prev := w0
				for ; j < len(g); j++ {
					w := g[j].wall()
					if w.Year() != prev.Year()+1 || w.Month() != w0.Month() || w.Weekday() != w0.Weekday() ||
						secondOfDay(w) != secondOfDay(w0) {
						break
					}
					lastOK := ob.last && isLastWeekday(w)
					nthOK = nthOK && (w.Day()-1)/7+1 == ob.nth
					if !lastOK && !nthOK {
						break
					}
					ob.last = lastOK
					prev = w
				}
				ob.repeated = j-i > 1
				if ob.repeated && prev.Year() < hiYear {
					ob.until = g[j-1].at.UTC()
				}
			}
			out = append(out, ob)
			i = j
		}
	}
	// Groups interleave in time; order the sub-components by first onset.
	slices.SortStableFunc(out, func(a, b observance) int { return a.at.Compare(b.at) })
	return out
}

func isLastWeekday(t time.Time) bool {
	return t.AddDate(0, 0, 7).Month() != t.Month()
}

func secondOfDay(t time.Time) int {
	h, m, s := t.Clock()
	return h*3600 + m*60 + s
}

// secondOccurrence reports whether t falls in the repeated local hour after
// a backward shift (end of summer time), where its local time would be read
// as the first occurrence.
func (z *icsZone) secondOccurrence(t time.Time) bool {
	lt := t.In(z.loc)
	_, off := lt.Zone()
	start, _ := lt.ZoneBounds()
	if start.IsZero() {
		return false
	}
	_, prev := start.Add(-time.Nanosecond).Zone()
	return prev > off && t.Before(start.Add(time.Duration(prev-off)*time.Second))
}

// weekdayCodes holds the RRULE weekday codes, two letters each, Sunday first.
const weekdayCodes = "SUMOTUWETHFRSA"

func (z *icsZone) write(w *icsWriter) {
	w.raw("BEGIN", "VTIMEZONE")
	w.raw("TZID", z.name)
	w.raw("X-LIC-LOCATION", z.name)
	for _, o := range z.obs {
		kind := "STANDARD"
		if o.dst {
			kind = "DAYLIGHT"
		}
		w.raw("BEGIN", kind)
		w.line = o.wall().AppendFormat(append(w.line[:0], "DTSTART:"...), "20060102T150405")
		w.emit()
		if o.repeated {
			wall := o.wall()
			w.line = append(w.line[:0], "RRULE:FREQ=YEARLY;BYMONTH="...)
			w.line = strconv.AppendInt(w.line, int64(wall.Month()), 10)
			w.line = append(w.line, ";BYDAY="...)
			if o.last {
				w.line = append(w.line, "-1"...)
			} else {
				w.line = strconv.AppendInt(w.line, int64(o.nth), 10)
			}
			wd := int(wall.Weekday())
			w.line = append(w.line, weekdayCodes[2*wd:2*wd+2]...)
			if !o.until.IsZero() {
				w.line = append(w.line, ";UNTIL="...)
				w.line = appendICSUTC(w.line, o.until)
			}
			w.emit()
		}
		w.line = appendICSOffset(append(w.line[:0], "TZOFFSETFROM:"...), o.from)
		w.emit()
		w.line = appendICSOffset(append(w.line[:0], "TZOFFSETTO:"...), o.to)
		w.emit()
		if o.name != "" {
			w.text("TZNAME", "", o.name)
		}
		w.raw("END", kind)
	}
	w.raw("END", "VTIMEZONE")
}
