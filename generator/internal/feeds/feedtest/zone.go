package feedtest

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// weekdayCodes holds the RRULE weekday codes, two letters each, Sunday first.
const weekdayCodes = "SUMOTUWETHFRSA"

type tzTrans struct {
	at       time.Time
	from, to int
}

// Zone is a VTIMEZONE with its observances expanded into transitions, to
// resolve local times and to check it against tzdata.
type Zone struct{ trans []tzTrans } // sorted by at

func parseOffset(s string) (int, error) {
	if len(s) != 5 && len(s) != 7 || s[0] != '+' && s[0] != '-' {
		return 0, fmt.Errorf("bad UTC offset %q", s)
	}
	n := 0
	for k, unit := range []int{3600, 60, 1} {
		if 1+2*k >= len(s) {
			break
		}
		v, err := strconv.Atoi(s[1+2*k : 3+2*k])
		if err != nil {
			return 0, fmt.Errorf("bad UTC offset %q", s)
		}
		n += v * unit
	}
	if s[0] == '-' {
		n = -n
	}
	return n, nil
}

func parseWall(s string) (time.Time, error) {
	return time.Parse("20060102T150405", s)
}

// nthWeekday returns the day of month of the n-th (n = -1: last) weekday wd.
func nthWeekday(year int, m time.Month, n int, wd time.Weekday) int {
	if n > 0 {
		first := time.Date(year, m, 1, 0, 0, 0, 0, time.UTC)
		return 1 + (int(wd)-int(first.Weekday())+7)%7 + 7*(n-1)
	}
	last := time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC)
	return last.Day() - (int(last.Weekday())-int(wd)+7)%7
}

func buildTZ(vtz *Component, throughYear int) (*Zone, error) {
	m := &Zone{}
	if len(vtz.Comps) == 0 {
		return nil, fmt.Errorf("VTIMEZONE without STANDARD or DAYLIGHT")
	}
	for _, c := range vtz.Comps {
		if c.Name != "STANDARD" && c.Name != "DAYLIGHT" {
			return nil, fmt.Errorf("VTIMEZONE holds %s", c.Name)
		}
		if len(c.All("RDATE")) > 0 {
			return nil, fmt.Errorf("RDATE is not expected")
		}
		ds, _, err := c.One("DTSTART", true)
		if err != nil {
			return nil, err
		}
		wall, err := parseWall(ds.Value)
		if err != nil {
			return nil, fmt.Errorf("%s DTSTART: %v", c.Name, err)
		}
		var offs [2]int
		for k, name := range []string{"TZOFFSETFROM", "TZOFFSETTO"} {
			p, _, err := c.One(name, true)
			if err != nil {
				return nil, err
			}
			if offs[k], err = parseOffset(p.Value); err != nil {
				return nil, err
			}
		}
		from, to := offs[0], offs[1]
		onset := wall.Add(-time.Duration(from) * time.Second)
		rr, ok, err := c.One("RRULE", false)
		if err != nil {
			return nil, err
		}
		if !ok {
			m.trans = append(m.trans, tzTrans{onset, from, to})
			continue
		}
		var month time.Month
		var n int
		var wd time.Weekday = -1
		var until time.Time
		freq := false
		for _, part := range strings.Split(rr.Value, ";") {
			k, v, _ := strings.Cut(part, "=")
			switch k {
			case "FREQ":
				freq = v == "YEARLY"
			case "BYMONTH":
				mi, err := strconv.Atoi(v)
				if err != nil || mi < 1 || mi > 12 {
					return nil, fmt.Errorf("bad BYMONTH %q", v)
				}
				month = time.Month(mi)
			case "BYDAY":
				code := v[len(v)-2:]
				wd = time.Weekday(strings.Index(weekdayCodes, code) / 2)
				n, err = strconv.Atoi(v[:len(v)-2])
				if strings.Index(weekdayCodes, code)%2 != 0 || err != nil || n == 0 || n < -1 || n > 5 {
					return nil, fmt.Errorf("bad BYDAY %q", v)
				}
			case "UNTIL":
				if until, err = time.Parse("20060102T150405Z", v); err != nil {
					return nil, fmt.Errorf("UNTIL %q is not a UTC date-time", v)
				}
			default:
				return nil, fmt.Errorf("unexpected RRULE part %q", part)
			}
		}
		if !freq || month == 0 || wd < 0 {
			return nil, fmt.Errorf("incomplete RRULE %q", rr.Value)
		}
		for y := wall.Year(); y <= throughYear; y++ {
			d := nthWeekday(y, month, n, wd)
			at := time.Date(y, month, d, wall.Hour(), wall.Minute(), wall.Second(), 0, time.UTC).Add(-time.Duration(from) * time.Second)
			if y == wall.Year() && !at.Equal(onset) {
				return nil, fmt.Errorf("DTSTART %s is not an instance of RRULE %s", ds.Value, rr.Value)
			}
			if !until.IsZero() && at.After(until) {
				break
			}
			m.trans = append(m.trans, tzTrans{at, from, to})
		}
	}
	slices.SortFunc(m.trans, func(a, b tzTrans) int { return a.at.Compare(b.at) })
	return m, nil
}

// OffsetAt returns the UTC offset in seconds in effect at t.
func (m *Zone) OffsetAt(t time.Time) int {
	off := m.trans[0].from
	for _, tr := range m.trans {
		if tr.at.After(t) {
			break
		}
		off = tr.to
	}
	return off
}

// Resolve reads a local time as RFC 5545 does: the first instant with that
// wall clock; a wall clock that never occurs is an error.
func (m *Zone) Resolve(wall time.Time) (time.Time, error) {
	var best time.Time
	for _, tr := range m.trans {
		for _, off := range []int{tr.from, tr.to} {
			t := wall.Add(-time.Duration(off) * time.Second)
			if m.OffsetAt(t) == off && (best.IsZero() || t.Before(best)) {
				best = t
			}
		}
	}
	if best.IsZero() {
		return best, fmt.Errorf("local time %s does not exist", wall)
	}
	return best, nil
}
