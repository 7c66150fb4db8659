package feedtest

import (
	"fmt"
	"strings"
	"time"
)

// Event is a VEVENT as read back, its times resolved to instants; the
// days of an event of whole days (AllDay: DTSTART and DTEND are DATE
// values) at midnight UTC.
//
// Lang is the LANGUAGE of its SUMMARY, the language of its title; Langs
// the LANGUAGE of each text property it has (SUMMARY, DESCRIPTION,
// LOCATION), "" for one without. RFC 5545 gives each property its own
// (3.2.10): a place in the record's own language beside an English
// title, a description in two languages with none.
type Event struct {
	UID, Summary, Description, Location, URL, Status, Lang string
	Langs                                                  map[string]string
	Start, End, Stamp                                      time.Time
	AllDay                                                 bool
	Categories                                             []string
	Alarms                                                 []Alarm
}

// Alarm is a VALARM of an event as read back: ACTION:DISPLAY, its
// DESCRIPTION and LANGUAGE, and its TRIGGER, a duration before the
// event's start (Before; RFC 5545 nominal days read as 24 hours).
type Alarm struct {
	Description, Lang, Trigger string
	Before                     time.Duration
}

// Calendar is a VCALENDAR as read back: its name, the TZIDs of its
// VTIMEZONEs in order, the zones by TZID and the events.
type Calendar struct {
	Name   string
	TZIDs  []string
	Zones  map[string]*Zone
	Events []Event
}

// textProp reads the TEXT property name of c (see Component.One): its
// value unescaped and its LANGUAGE.
func textProp(c *Component, name string, required bool) (string, string, error) {
	p, ok, err := c.One(name, required)
	if err != nil || !ok {
		return "", "", err
	}
	v, err := UnescapeText(p.Value)
	return v, p.Params["LANGUAGE"], err
}

// CheckCalendar validates the structure and required properties and reads
// the events back, resolving local times through the VTIMEZONEs.
func CheckCalendar(root *Component) (*Calendar, error) {
	if root.Name != "VCALENDAR" {
		return nil, fmt.Errorf("top component %s", root.Name)
	}
	for name, want := range map[string]string{"VERSION": "2.0", "CALSCALE": "GREGORIAN", "METHOD": "PUBLISH", "PRODID": ""} {
		p, _, err := root.One(name, true)
		if err != nil {
			return nil, err
		}
		if want != "" && p.Value != want || p.Value == "" {
			return nil, fmt.Errorf("%s:%s", name, p.Value)
		}
	}
	if len(root.Comps) == 0 {
		return nil, fmt.Errorf("VCALENDAR: no component (RFC 5545 3.4 wants at least one)")
	}
	pc := &Calendar{Zones: map[string]*Zone{}}
	pc.Name, _, _ = textProp(root, "X-WR-CALNAME", false)
	for _, c := range root.Comps {
		if c.Name != "VTIMEZONE" {
			continue
		}
		id, _, err := c.One("TZID", true)
		if err != nil {
			return nil, err
		}
		m, err := buildTZ(c, 2200)
		if err != nil {
			return nil, fmt.Errorf("VTIMEZONE %s: %v", id.Value, err)
		}
		pc.Zones[id.Value] = m
		pc.TZIDs = append(pc.TZIDs, id.Value)
	}
	for _, c := range root.Comps {
		if c.Name == "VTIMEZONE" {
			continue
		}
		if c.Name != "VEVENT" {
			return nil, fmt.Errorf("unexpected component %s", c.Name)
		}
		e, err := pc.readEvent(c)
		if err != nil {
			return nil, err
		}
		pc.Events = append(pc.Events, e)
	}
	return pc, nil
}

// dateTime reads a DATE-TIME property: UTC, or local in a zone of the
// calendar; a floating time is an error. A DATE (VALUE=DATE) is read as
// midnight UTC of its day, and day reports it.
func (pc *Calendar) dateTime(c *Component, name string, required bool) (t time.Time, day bool, err error) {
	p, ok, err := c.One(name, required)
	if err != nil || !ok {
		return time.Time{}, false, err
	}
	switch v := p.Params["VALUE"]; {
	case v == "DATE":
		if len(p.Params) > 1 {
			return time.Time{}, true, fmt.Errorf("%s: a DATE with other parameters", name)
		}
		t, err := time.Parse("20060102", p.Value)
		return t, true, err
	case v != "" && v != "DATE-TIME":
		return time.Time{}, false, fmt.Errorf("%s: VALUE=%s", name, v)
	}
	t, err = pc.instant(name, p)
	return t, false, err
}

// instant reads the DATE-TIME p of property name.
func (pc *Calendar) instant(name string, p Property) (time.Time, error) {
	if strings.HasSuffix(p.Value, "Z") {
		if _, has := p.Params["TZID"]; has {
			return time.Time{}, fmt.Errorf("%s: UTC time with TZID", name)
		}
		return time.Parse("20060102T150405Z", p.Value)
	}
	id, has := p.Params["TZID"]
	if !has {
		return time.Time{}, fmt.Errorf("%s: floating time %s", name, p.Value)
	}
	m := pc.Zones[id]
	if m == nil {
		return time.Time{}, fmt.Errorf("%s: TZID %s has no VTIMEZONE", name, id)
	}
	wall, err := parseWall(p.Value)
	if err != nil {
		return time.Time{}, err
	}
	return m.Resolve(wall)
}

// readEvent reads a VEVENT: its required properties, times and texts.
func (pc *Calendar) readEvent(c *Component) (Event, error) {
	var e Event
	var err error
	if e.UID, _, err = textProp(c, "UID", true); err != nil {
		return e, err
	}
	stamp, _, err := c.One("DTSTAMP", true)
	if err != nil {
		return e, err
	}
	if e.Stamp, err = time.Parse("20060102T150405Z", stamp.Value); err != nil {
		return e, fmt.Errorf("DTSTAMP must be UTC: %v", err)
	}
	if e.Start, e.AllDay, err = pc.dateTime(c, "DTSTART", true); err != nil {
		return e, err
	}
	var endDay bool
	if e.End, endDay, err = pc.dateTime(c, "DTEND", false); err != nil {
		return e, err
	}
	if !e.End.IsZero() && endDay != e.AllDay {
		return e, fmt.Errorf("event %s: DTSTART and DTEND of different types", e.UID)
	}
	if !e.End.IsZero() && !e.End.After(e.Start) {
		return e, fmt.Errorf("event %s: DTEND %s not after DTSTART %s", e.UID, e.End, e.Start)
	}
	for _, f := range []struct {
		name string
		dst  *string
	}{{"SUMMARY", &e.Summary}, {"DESCRIPTION", &e.Description}, {"LOCATION", &e.Location}} {
		var lang string
		if *f.dst, lang, err = textProp(c, f.name, false); err != nil {
			return e, err
		}
		all := c.All(f.name)
		if all == nil {
			continue
		}
		if l, has := all[0].Params["LANGUAGE"]; has && l == "" {
			return e, fmt.Errorf("event %s: %s with an empty LANGUAGE", e.UID, f.name)
		}
		if e.Langs == nil {
			e.Langs = map[string]string{}
		}
		e.Langs[f.name] = lang
	}
	e.Lang = e.Langs["SUMMARY"]
	if u, ok, err := c.One("URL", false); err != nil {
		return e, err
	} else if ok {
		e.URL = u.Value
	}
	st, _, err := c.One("STATUS", true)
	if err != nil {
		return e, err
	}
	if st.Value != "CONFIRMED" && st.Value != "CANCELLED" {
		return e, fmt.Errorf("STATUS:%s", st.Value)
	}
	e.Status = st.Value
	if cp, ok, err := c.One("CATEGORIES", false); err != nil {
		return e, err
	} else if ok {
		if e.Categories, err = SplitText(cp.Value); err != nil {
			return e, err
		}
	}
	for _, sub := range c.Comps {
		a, err := readAlarm(sub)
		if err != nil {
			return e, fmt.Errorf("event %s: %v", e.UID, err)
		}
		e.Alarms = append(e.Alarms, a)
	}
	return e, nil
}

// readAlarm reads a VALARM of ACTION:DISPLAY (the only component an
// event may hold here) strictly: a DESCRIPTION and a TRIGGER before the
// start, a duration without VALUE or RELATED parameters (RELATED=END or
// an absolute time is not what the writer means).
func readAlarm(c *Component) (Alarm, error) {
	var a Alarm
	if c.Name != "VALARM" {
		return a, fmt.Errorf("unexpected component %s in VEVENT", c.Name)
	}
	if act, _, err := c.One("ACTION", true); err != nil {
		return a, err
	} else if act.Value != "DISPLAY" {
		return a, fmt.Errorf("VALARM: ACTION:%s", act.Value)
	}
	var err error
	if a.Description, a.Lang, err = textProp(c, "DESCRIPTION", true); err != nil {
		return a, err
	}
	if a.Description == "" {
		return a, fmt.Errorf("VALARM: empty DESCRIPTION")
	}
	tr, _, err := c.One("TRIGGER", true)
	if err != nil {
		return a, err
	}
	if len(tr.Params) > 0 {
		return a, fmt.Errorf("VALARM: TRIGGER with parameters %v", tr.Params)
	}
	a.Trigger = tr.Value
	d, err := parseDuration(tr.Value)
	if err != nil || d >= 0 {
		return a, fmt.Errorf("VALARM: TRIGGER:%s is not a duration before the start (%v)", tr.Value, err)
	}
	a.Before = -d
	return a, nil
}

// parseDuration reads an RFC 5545 dur-value: [+-]P then nW, or nD and/or
// T with nH, nM, nS in that order.
func parseDuration(s string) (time.Duration, error) {
	sign := time.Duration(1)
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		sign, s = -1, rest
	} else {
		s = strings.TrimPrefix(s, "+")
	}
	rest, ok := strings.CutPrefix(s, "P")
	if !ok || rest == "" {
		return 0, fmt.Errorf("duration %q: no P", s)
	}
	units := map[byte]time.Duration{'W': 7 * 24 * time.Hour, 'D': 24 * time.Hour, 'H': time.Hour, 'M': time.Minute, 'S': time.Second}
	order := "WDTHMS"
	var d time.Duration
	pos, timePart, n, digits := -1, false, 0, 0
	for i := 0; i < len(rest); i++ {
		ch := rest[i]
		switch {
		case '0' <= ch && ch <= '9':
			n, digits = n*10+int(ch-'0'), digits+1
			continue
		case ch == 'T' && digits == 0 && !timePart:
			timePart = true
		case units[ch] != 0 && digits > 0 && (ch == 'H' || ch == 'S' || ch == 'M') == timePart:
			d += time.Duration(n) * units[ch]
		default:
			return 0, fmt.Errorf("duration %q: unexpected %c", s, ch)
		}
		at := strings.IndexByte(order, ch)
		if at <= pos {
			return 0, fmt.Errorf("duration %q: %c out of order", s, ch)
		}
		pos, n, digits = at, 0, 0
	}
	if digits > 0 || rest[len(rest)-1] == 'T' || strings.Contains(rest, "W") && len(strings.TrimRight(rest, "0123456789W")) > 0 {
		return 0, fmt.Errorf("duration %q: incomplete or mixed weeks", s)
	}
	return sign * d, nil
}
