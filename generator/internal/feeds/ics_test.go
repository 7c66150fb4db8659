package feeds

import (
	"bufio"
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the tests do not depend on the host's zoneinfo
	"unicode/utf8"
)

// ---- a strict, test-only iCalendar reader ----

type icsProp struct {
	Name   string
	Params map[string]string
	Value  string
}

type icsComp struct {
	Name  string
	Props []icsProp
	Comps []*icsComp
}

func (c *icsComp) all(name string) []icsProp {
	var out []icsProp
	for _, p := range c.Props {
		if p.Name == name {
			out = append(out, p)
		}
	}
	return out
}

// one returns the only property called name; more than one is an error, none
// is an error when required.
func (c *icsComp) one(name string, required bool) (icsProp, bool, error) {
	ps := c.all(name)
	switch {
	case len(ps) > 1:
		return icsProp{}, false, fmt.Errorf("%s: %d %s properties", c.Name, len(ps), name)
	case len(ps) == 0 && required:
		return icsProp{}, false, fmt.Errorf("%s: no %s", c.Name, name)
	case len(ps) == 0:
		return icsProp{}, false, nil
	}
	return ps[0], true, nil
}

// parseICS checks the physical layout (CRLF only, lines of at most 75
// octets, each valid UTF-8, so folding never cut a sequence), unfolds, parses
// content lines and nests BEGIN/END.
func parseICS(data []byte) (*icsComp, error) {
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		return nil, fmt.Errorf("does not end with CRLF")
	}
	var logical []string
	for i, l := range strings.Split(string(data[:len(data)-2]), "\r\n") {
		n := i + 1
		switch {
		case strings.ContainsAny(l, "\r\n"):
			return nil, fmt.Errorf("line %d: bare CR or LF", n)
		case len(l) > 75:
			return nil, fmt.Errorf("line %d: %d octets, more than 75", n, len(l))
		case !utf8.ValidString(l):
			return nil, fmt.Errorf("line %d: not valid UTF-8 (a fold split a sequence?)", n)
		case l == "":
			return nil, fmt.Errorf("line %d: empty", n)
		case strings.ContainsFunc(l, func(r rune) bool { return r < 0x20 && r != '\t' || r == 0x7F }):
			return nil, fmt.Errorf("line %d: control character", n)
		}
		if l[0] == ' ' || l[0] == '\t' {
			if len(logical) == 0 {
				return nil, fmt.Errorf("line %d: continuation without a line", n)
			}
			logical[len(logical)-1] += l[1:]
			continue
		}
		logical = append(logical, l)
	}

	var root *icsComp
	var stack []*icsComp
	for i, l := range logical {
		p, err := parseContentLine(l)
		if err != nil {
			return nil, fmt.Errorf("content line %d: %v: %q", i+1, err, l)
		}
		switch p.Name {
		case "BEGIN":
			c := &icsComp{Name: p.Value}
			if len(stack) == 0 {
				if root != nil {
					return nil, fmt.Errorf("content line %d: second top-level component", i+1)
				}
				root = c
			} else {
				top := stack[len(stack)-1]
				top.Comps = append(top.Comps, c)
			}
			stack = append(stack, c)
		case "END":
			if len(stack) == 0 || stack[len(stack)-1].Name != p.Value {
				return nil, fmt.Errorf("content line %d: END:%s does not close the open component", i+1, p.Value)
			}
			stack = stack[:len(stack)-1]
		default:
			if len(stack) == 0 {
				return nil, fmt.Errorf("content line %d: property outside a component", i+1)
			}
			top := stack[len(stack)-1]
			top.Props = append(top.Props, p)
		}
	}
	if len(stack) != 0 || root == nil {
		return nil, fmt.Errorf("unbalanced BEGIN/END (%d open)", len(stack))
	}
	return root, nil
}

func isNameChar(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-'
}

// parseContentLine parses name *(";" param) ":" value.
func parseContentLine(l string) (icsProp, error) {
	i := 0
	for i < len(l) && isNameChar(l[i]) {
		i++
	}
	if i == 0 {
		return icsProp{}, fmt.Errorf("no name")
	}
	p := icsProp{Name: strings.ToUpper(l[:i]), Params: map[string]string{}}
	for i < len(l) && l[i] == ';' {
		i++
		j := i
		for i < len(l) && isNameChar(l[i]) {
			i++
		}
		if i == j || i >= len(l) || l[i] != '=' {
			return icsProp{}, fmt.Errorf("bad parameter")
		}
		name := strings.ToUpper(l[j:i])
		i++
		var val string
		if i < len(l) && l[i] == '"' {
			k := strings.IndexByte(l[i+1:], '"')
			if k < 0 {
				return icsProp{}, fmt.Errorf("unclosed quote")
			}
			val = l[i+1 : i+1+k]
			i += k + 2
		} else {
			j := i
			for i < len(l) && !strings.ContainsRune(";:,\"", rune(l[i])) {
				i++
			}
			val = l[j:i]
		}
		if _, dup := p.Params[name]; dup {
			return icsProp{}, fmt.Errorf("parameter %s twice", name)
		}
		p.Params[name] = val
	}
	if i >= len(l) || l[i] != ':' {
		return icsProp{}, fmt.Errorf("no ':' after name and parameters")
	}
	p.Value = l[i+1:]
	return p, nil
}

// unescapeText reads a single TEXT value strictly: an unescaped ';' or ','
// or an unknown escape is an error.
func unescapeText(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			if i+1 == len(s) {
				return "", fmt.Errorf("trailing backslash in %q", s)
			}
			i++
			switch s[i] {
			case '\\', ';', ',':
				b.WriteByte(s[i])
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				return "", fmt.Errorf("unknown escape \\%c in %q", s[i], s)
			}
		case ';', ',':
			return "", fmt.Errorf("unescaped %c in %q", c, s)
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

// splitText splits a multi-valued TEXT at unescaped commas and unescapes.
func splitText(s string) ([]string, error) {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] == '\\' {
			i++
			continue
		}
		if i == len(s) || s[i] == ',' {
			v, err := unescapeText(s[start:i])
			if err != nil {
				return nil, err
			}
			out = append(out, v)
			start = i + 1
		}
	}
	return out, nil
}

// ---- VTIMEZONE model: expands the observances to check them against tzdata ----

type tzTrans struct {
	at       time.Time
	from, to int
}

type tzModel struct{ trans []tzTrans } // sorted by at

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

func buildTZ(vtz *icsComp, throughYear int) (*tzModel, error) {
	m := &tzModel{}
	if len(vtz.Comps) == 0 {
		return nil, fmt.Errorf("VTIMEZONE without STANDARD or DAYLIGHT")
	}
	for _, c := range vtz.Comps {
		if c.Name != "STANDARD" && c.Name != "DAYLIGHT" {
			return nil, fmt.Errorf("VTIMEZONE holds %s", c.Name)
		}
		if len(c.all("RDATE")) > 0 {
			return nil, fmt.Errorf("RDATE is not expected")
		}
		ds, _, err := c.one("DTSTART", true)
		if err != nil {
			return nil, err
		}
		wall, err := parseWall(ds.Value)
		if err != nil {
			return nil, fmt.Errorf("%s DTSTART: %v", c.Name, err)
		}
		var offs [2]int
		for k, name := range []string{"TZOFFSETFROM", "TZOFFSETTO"} {
			p, _, err := c.one(name, true)
			if err != nil {
				return nil, err
			}
			if offs[k], err = parseOffset(p.Value); err != nil {
				return nil, err
			}
		}
		from, to := offs[0], offs[1]
		onset := wall.Add(-time.Duration(from) * time.Second)
		rr, ok, err := c.one("RRULE", false)
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
				if strings.Index(weekdayCodes, code)%2 != 0 {
					return nil, fmt.Errorf("bad BYDAY %q", v)
				}
				if n, err = strconv.Atoi(v[:len(v)-2]); err != nil || n == 0 || n < -1 || n > 5 {
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

func (m *tzModel) offsetAt(t time.Time) int {
	off := m.trans[0].from
	for _, tr := range m.trans {
		if tr.at.After(t) {
			break
		}
		off = tr.to
	}
	return off
}

// resolve reads a local time as RFC 5545 does: the first instant with that
// wall clock; a wall clock that never occurs is an error.
func (m *tzModel) resolve(wall time.Time) (time.Time, error) {
	var best time.Time
	for _, tr := range m.trans {
		for _, off := range []int{tr.from, tr.to} {
			t := wall.Add(-time.Duration(off) * time.Second)
			if m.offsetAt(t) == off && (best.IsZero() || t.Before(best)) {
				best = t
			}
		}
	}
	if best.IsZero() {
		return best, fmt.Errorf("local time %s does not exist", wall)
	}
	return best, nil
}

// ---- semantic check of a whole calendar ----

type parsedEvent struct {
	UID, Summary, Description, Location, URL, Status, Lang string
	Start, End, Stamp                                      time.Time
	Categories                                             []string
}

type parsedCal struct {
	Name   string
	TZIDs  []string
	Zones  map[string]*tzModel
	Events []parsedEvent
}

func textProp(c *icsComp, name string) (string, string, error) {
	p, ok, err := c.one(name, false)
	if err != nil || !ok {
		return "", "", err
	}
	v, err := unescapeText(p.Value)
	return v, p.Params["LANGUAGE"], err
}

// checkCalendar validates the structure and required properties and reads
// the events back, resolving local times through the VTIMEZONEs.
func checkCalendar(root *icsComp) (*parsedCal, error) {
	if root.Name != "VCALENDAR" {
		return nil, fmt.Errorf("top component %s", root.Name)
	}
	for name, want := range map[string]string{"VERSION": "2.0", "CALSCALE": "GREGORIAN", "METHOD": "PUBLISH", "PRODID": ""} {
		p, _, err := root.one(name, true)
		if err != nil {
			return nil, err
		}
		if want != "" && p.Value != want || p.Value == "" {
			return nil, fmt.Errorf("%s:%s", name, p.Value)
		}
	}
	pc := &parsedCal{Zones: map[string]*tzModel{}}
	pc.Name, _, _ = textProp(root, "X-WR-CALNAME")
	for _, c := range root.Comps {
		if c.Name != "VTIMEZONE" {
			continue
		}
		id, _, err := c.one("TZID", true)
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
	dateTime := func(c *icsComp, name string, required bool) (time.Time, error) {
		p, ok, err := c.one(name, required)
		if err != nil || !ok {
			return time.Time{}, err
		}
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
		return m.resolve(wall)
	}
	for _, c := range root.Comps {
		switch c.Name {
		case "VTIMEZONE":
			continue
		case "VEVENT":
		default:
			return nil, fmt.Errorf("unexpected component %s", c.Name)
		}
		var e parsedEvent
		uid, _, err := c.one("UID", true)
		if err != nil {
			return nil, err
		}
		if e.UID, err = unescapeText(uid.Value); err != nil {
			return nil, err
		}
		stamp, _, err := c.one("DTSTAMP", true)
		if err != nil {
			return nil, err
		}
		if e.Stamp, err = time.Parse("20060102T150405Z", stamp.Value); err != nil {
			return nil, fmt.Errorf("DTSTAMP must be UTC: %v", err)
		}
		if e.Start, err = dateTime(c, "DTSTART", true); err != nil {
			return nil, err
		}
		if e.End, err = dateTime(c, "DTEND", false); err != nil {
			return nil, err
		}
		if !e.End.IsZero() && !e.End.After(e.Start) {
			return nil, fmt.Errorf("event %s: DTEND %s not after DTSTART %s", e.UID, e.End, e.Start)
		}
		langs := map[string]bool{}
		for _, f := range []struct {
			name string
			dst  *string
		}{{"SUMMARY", &e.Summary}, {"DESCRIPTION", &e.Description}, {"LOCATION", &e.Location}} {
			var lang string
			if *f.dst, lang, err = textProp(c, f.name); err != nil {
				return nil, err
			}
			if c.all(f.name) != nil {
				langs[lang] = true
			}
		}
		if len(langs) > 1 {
			return nil, fmt.Errorf("event %s: mixed LANGUAGE parameters", e.UID)
		}
		for l := range langs {
			e.Lang = l
		}
		if u, ok, err := c.one("URL", false); err != nil {
			return nil, err
		} else if ok {
			e.URL = u.Value
		}
		st, _, err := c.one("STATUS", true)
		if err != nil {
			return nil, err
		}
		if st.Value != "CONFIRMED" && st.Value != "CANCELLED" {
			return nil, fmt.Errorf("STATUS:%s", st.Value)
		}
		e.Status = st.Value
		if cp, ok, err := c.one("CATEGORIES", false); err != nil {
			return nil, err
		} else if ok {
			if e.Categories, err = splitText(cp.Value); err != nil {
				return nil, err
			}
		}
		pc.Events = append(pc.Events, e)
	}
	return pc, nil
}

// ---- tests ----

func basicCalendar() Calendar {
	at := func(mo time.Month, d, h, mi int) time.Time { return time.Date(2026, mo, d, h, mi, 0, 0, stockholm) }
	return Calendar{
		ProdID: "-//KTH och Stockholms stad//Samverkansportalen//SV",
		Name:   "Gästföreläsningar",
		Lang:   "sv",
		Events: []Event{
			{
				UID:         "lectures/oppna-data@samverkan.example.se",
				Summary:     "Öppna data i staden",
				Description: "Föreläsning i kursen AG2129.\nAnmälan krävs; max 40 platser, först till kvarn.",
				Location:    "KTH, Sal F3, Lindstedtsvägen 26",
				URL:         "https://samverkan.example.se/gastforelasningar/oppna-data/?a=1&b=2,3;x",
				Start:       at(time.April, 15, 13, 15),
				End:         at(time.April, 15, 15, 0),
				Stamp:       at(time.March, 1, 0, 0),
				Categories:  []string{"Data och digitalisering", "Stad, samhälle"},
			},
			{
				UID:       "lectures/vinter@samverkan.example.se",
				Summary:   "Vinterväghållning",
				Start:     at(time.January, 20, 10, 0),
				End:       at(time.January, 20, 12, 0),
				Stamp:     at(time.January, 2, 9, 30),
				Cancelled: true,
			},
			{
				UID:      "lectures/urban-heat@samverkan.example.se",
				Summary:  "Urban heat islands",
				Location: "Stockholm City Hall",
				Lang:     "en",
				Start:    at(time.November, 3, 17, 0),
				End:      at(time.November, 3, 18, 30),
				Stamp:    at(time.October, 1, 0, 0),
			},
		},
	}
}

// cleanICSText is what a TEXT value should read back as.
func cleanICSText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		if r == utf8.RuneError || r < 0x20 && r != '\n' && r != '\t' || r == 0x7F {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
}

func TestWriteICS(t *testing.T) {
	longSv := strings.Repeat("Gästföreläsning om hållbar stadsutveckling, vägar och öppna data i Årsta – ", 6)
	allMultibyte := strings.Repeat("åäöÅÄÖ€𝄞", 30) // 2-, 3- and 4-byte runes

	escaping := basicCalendar()
	escaping.Events = escaping.Events[:1]
	escaping.Events[0].Summary = "Kurs AG2129, del 1; a\\b \"citat\" : kolon\nrad två"
	escaping.Events[0].Description = "ctrl\x00\x07\x1b\x7f borta,\r\nCRLF\rCR\ttab \xff slut"
	escaping.Events[0].Categories = []string{`a,b`, `c;d`, `e\f`, ""}

	long := basicCalendar()
	long.Events = long.Events[:1]
	long.Events[0].Summary = longSv
	long.Events[0].Description = allMultibyte
	long.Events[0].Location = strings.Repeat("x", 74) + "å" + strings.Repeat("y", 73) + "ö"

	ambiguous := basicCalendar()
	ambiguous.Events = []Event{
		{UID: "first", Start: time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC), End: time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC), Stamp: t0},
		{UID: "second", Start: time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC), End: time.Date(2026, 10, 25, 3, 0, 0, 0, time.UTC), Stamp: t0},
		{UID: "spring", Start: time.Date(2026, 3, 29, 0, 30, 0, 0, time.UTC), End: time.Date(2026, 3, 29, 1, 30, 0, 0, time.UTC), Stamp: t0},
	}

	// US rules changed in 2007: first Sunday of April / last Sunday of October
	// before, second Sunday of March / first Sunday of November since.
	ny := mustLoad("America/New_York")
	usChange := Calendar{ProdID: "-//test//EN", Events: []Event{
		{UID: "a", Start: time.Date(2006, 6, 1, 9, 0, 0, 0, ny), End: time.Date(2006, 6, 1, 10, 0, 0, 0, ny), Stamp: t0},
		{UID: "b", Start: time.Date(2008, 11, 20, 9, 0, 0, 0, ny), End: time.Date(2008, 11, 20, 10, 0, 0, 0, ny), Stamp: t0},
	}}

	sydney := mustLoad("Australia/Sydney")
	south := Calendar{ProdID: "-//test//EN", Events: []Event{
		{UID: "s", Start: time.Date(2026, 1, 10, 9, 0, 0, 0, sydney), End: time.Date(2026, 7, 10, 9, 0, 0, 0, sydney), Stamp: t0},
	}}
	tokyo := mustLoad("Asia/Tokyo")
	noDST := Calendar{ProdID: "-//test//EN", Events: []Event{
		{UID: "t", Start: time.Date(2026, 5, 1, 9, 0, 0, 0, tokyo), Stamp: t0},
	}}

	tests := []struct {
		name      string
		cal       Calendar
		loc       *time.Location
		golden    string
		contains  []string
		lacks     []string
		maxFolded bool // every non-final fold is at least 72 octets
	}{
		{
			name: "stockholm", cal: basicCalendar(), loc: stockholm, golden: "ics/stockholm.ics",
			contains: []string{
				"\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm\r\n",
				"BEGIN:STANDARD\r\nDTSTART:20251026T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD\r\n",
				"BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nEND:DAYLIGHT\r\n",
				"DTSTART;TZID=Europe/Stockholm:20260415T131500\r\n",
				"DTSTAMP:20260228T230000Z\r\n",
				"SUMMARY;LANGUAGE=sv:Öppna data i staden\r\n",
				"SUMMARY;LANGUAGE=en:Urban heat islands\r\n",
				"STATUS:CANCELLED\r\n", "STATUS:CONFIRMED\r\n",
				"X-WR-CALNAME:Gästföreläsningar\r\n", "CALSCALE:GREGORIAN\r\n", "METHOD:PUBLISH\r\n",
			},
		},
		{
			name: "utc", cal: basicCalendar(), loc: nil, golden: "ics/utc.ics",
			contains: []string{"DTSTART:20260415T111500Z\r\n", "DTEND:20260415T130000Z\r\n"},
			lacks:    []string{"VTIMEZONE", "TZID", "X-WR-TIMEZONE"},
		},
		{name: "utc-location", cal: basicCalendar(), loc: time.UTC, lacks: []string{"VTIMEZONE", "TZID"}},
		{name: "escaping", cal: escaping, loc: stockholm,
			contains: []string{`SUMMARY;LANGUAGE=sv:Kurs AG2129\, del 1\; a\\b "citat" : kolon\nrad två`, `CATEGORIES:a\,b,c\;d,e\\f` + "\r\n"}},
		{name: "long-swedish", cal: long, loc: stockholm, golden: "ics/long-swedish.ics", maxFolded: true},
		{name: "ambiguous-hour", cal: ambiguous, loc: stockholm,
			contains: []string{
				"DTSTART;TZID=Europe/Stockholm:20261025T023000\r\n", // first 02:30 (CEST)
				"DTSTART:20261025T013000Z\r\n",                      // second 02:30 (CET): UTC
				"DTEND;TZID=Europe/Stockholm:20261025T040000\r\n",
				"DTSTART;TZID=Europe/Stockholm:20260329T013000\r\n",
			}},
		{name: "rule-change", cal: usChange, loc: ny, golden: "ics/new-york-2006-2008.ics",
			contains: []string{"BYMONTH=10;BYDAY=-1SU;UNTIL=20061029T060000Z", "BYMONTH=11;BYDAY=1SU\r\n", "BYMONTH=3;BYDAY=2SU\r\n"}},
		{name: "southern-hemisphere", cal: south, loc: sydney,
			contains: []string{"BYMONTH=4;BYDAY=1SU", "BYMONTH=10;BYDAY=1SU"}},
		{name: "no-dst", cal: noDST, loc: tokyo, contains: []string{"TZOFFSETFROM:+1000\r\nTZOFFSETTO:+0900\r\nTZNAME:JST\r\n"}, lacks: []string{"RRULE", "DTEND"}},
		{name: "no-events", cal: Calendar{ProdID: "-//test//EN"}, loc: stockholm, lacks: []string{"VTIMEZONE", "VEVENT", "X-WR-CALNAME"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteICS(&buf, tc.cal, tc.loc); err != nil {
				t.Fatal(err)
			}
			raw := buf.Bytes()
			// Put together from events written one by one: the same bytes.
			var blocks [][]byte
			for _, e := range tc.cal.Events {
				b, err := AppendEvent(nil, e, tc.cal.Lang, tc.loc)
				if err != nil {
					t.Fatal(err)
				}
				blocks = append(blocks, b)
			}
			var joined bytes.Buffer
			if err := WriteICSEvents(&joined, tc.cal, tc.loc, blocks); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(joined.Bytes(), raw) {
				t.Errorf("WriteICSEvents differs from WriteICS:\n%s\n---\n%s", joined.Bytes(), raw)
			}
			root, err := parseICS(raw)
			if err != nil {
				t.Fatalf("strict parse: %v\n%s", err, raw)
			}
			pc, err := checkCalendar(root)
			if err != nil {
				t.Fatalf("check: %v\n%s", err, raw)
			}
			if pc.Name != tc.cal.Name {
				t.Errorf("calendar name %q, want %q", pc.Name, tc.cal.Name)
			}
			if len(pc.Events) != len(tc.cal.Events) {
				t.Fatalf("%d events, want %d", len(pc.Events), len(tc.cal.Events))
			}
			for i, want := range tc.cal.Events {
				got := pc.Events[i]
				wantLang := want.Lang
				if wantLang == "" {
					wantLang = tc.cal.Lang
				}
				if want.Summary == "" && want.Description == "" && want.Location == "" {
					wantLang = ""
				}
				var wantCats []string
				for _, c := range want.Categories {
					if c != "" {
						wantCats = append(wantCats, c)
					}
				}
				status := "CONFIRMED"
				if want.Cancelled {
					status = "CANCELLED"
				}
				checks := []struct {
					what      string
					got, want any
				}{
					{"uid", got.UID, want.UID},
					{"summary", got.Summary, cleanICSText(want.Summary)},
					{"description", got.Description, cleanICSText(want.Description)},
					{"location", got.Location, cleanICSText(want.Location)},
					{"url", got.URL, want.URL},
					{"lang", got.Lang, wantLang},
					{"status", got.Status, status},
					{"categories", fmt.Sprint(got.Categories), fmt.Sprint(wantCats)},
					{"start", got.Start.UTC(), want.Start.UTC()},
					{"end", got.End.UTC(), want.End.UTC()},
					{"stamp", got.Stamp.UTC(), want.Stamp.UTC()},
				}
				for _, c := range checks {
					if c.got != c.want {
						t.Errorf("event %d %s: got %q, want %q", i, c.what, c.got, c.want)
					}
				}
			}
			if tc.loc != nil && tc.loc != time.UTC && len(tc.cal.Events) > 0 {
				checkZoneAgainstTZData(t, pc, tc.loc, tc.cal.Events)
			}
			for _, s := range tc.contains {
				if !bytes.Contains(raw, []byte(s)) {
					t.Errorf("output lacks %q", s)
				}
			}
			for _, s := range tc.lacks {
				if bytes.Contains(raw, []byte(s)) {
					t.Errorf("output has %q", s)
				}
			}
			if tc.maxFolded {
				lines := strings.Split(string(raw), "\r\n")
				for i := 0; i+1 < len(lines); i++ {
					if strings.HasPrefix(lines[i+1], " ") && len(lines[i]) < 72 {
						t.Errorf("line %d folded early at %d octets: %q", i+1, len(lines[i]), lines[i])
					}
				}
			}
			if tc.golden != "" {
				checkGolden(t, tc.golden, raw)
			}
			var again bytes.Buffer
			if err := WriteICS(&again, tc.cal, tc.loc); err != nil || !bytes.Equal(raw, again.Bytes()) {
				t.Errorf("second run differs (err %v)", err)
			}
		})
	}
}

// checkZoneAgainstTZData compares the VTIMEZONE's offsets with loc hour by
// hour over the years it claims to cover (the events' years and the next).
func checkZoneAgainstTZData(t *testing.T, pc *parsedCal, loc *time.Location, events []Event) {
	t.Helper()
	if len(pc.TZIDs) != 1 || pc.TZIDs[0] != loc.String() {
		t.Fatalf("VTIMEZONEs %v, want just %s", pc.TZIDs, loc)
	}
	m := pc.Zones[loc.String()]
	lo, hi := 9999, 0
	for _, e := range events {
		for _, x := range []time.Time{e.Start, e.End} {
			if !x.IsZero() {
				lo, hi = min(lo, x.In(loc).Year()), max(hi, x.In(loc).Year())
			}
		}
	}
	bad := 0
	for x := time.Date(lo, 1, 1, 0, 0, 0, 0, loc); x.Year() <= hi+1; x = x.Add(time.Hour) {
		_, want := x.Zone()
		if got := m.offsetAt(x); got != want && bad < 5 {
			bad++
			t.Errorf("VTIMEZONE offset at %s is %d, tzdata says %d", x.UTC(), got, want)
		}
	}
}

func TestWriteICSErrors(t *testing.T) {
	mod := func(f func(*Calendar)) Calendar {
		c := basicCalendar()
		f(&c)
		return c
	}
	tests := []struct {
		name string
		cal  Calendar
		loc  *time.Location
		want string
	}{
		{"no prodid", mod(func(c *Calendar) { c.ProdID = "" }), stockholm, "prodid is empty"},
		{"no uid", mod(func(c *Calendar) { c.Events[1].UID = "" }), stockholm, "event 1: uid is empty"},
		{"duplicate uid", mod(func(c *Calendar) { c.Events[2].UID = c.Events[0].UID }), stockholm, "same uid"},
		{"no stamp", mod(func(c *Calendar) { c.Events[0].Stamp = time.Time{} }), stockholm, "stamp is zero"},
		{"no start", mod(func(c *Calendar) { c.Events[0].Start = time.Time{} }), stockholm, "start is zero"},
		{"end before start", mod(func(c *Calendar) { c.Events[0].End = c.Events[0].Start.Add(-time.Minute) }), stockholm, "not after start"},
		{"end equals start", mod(func(c *Calendar) { c.Events[0].End = c.Events[0].Start }), stockholm, "not after start"},
		{"local zone", basicCalendar(), time.Local, "no iana name"},
		{"unnamed zone", basicCalendar(), time.FixedZone("", 3600), "no iana name"},
		{"bad zone name", basicCalendar(), time.FixedZone("A;B", 3600), "cannot be a tzid"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			err := WriteICS(&buf, tc.cal, tc.loc)
			if err == nil || !strings.Contains(strings.ToLower(err.Error()), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes despite the error", buf.Len())
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "feeds: ") || strings.HasSuffix(msg, ".") {
				t.Errorf("message style: %q", msg)
			}
		})
	}
}

func TestICSFold(t *testing.T) {
	tests := []struct {
		name string
		line string
		want []int // lengths of the physical lines, CRLF excluded
	}{
		{"empty", "", []int{0}},
		{"exactly 75", strings.Repeat("a", 75), []int{75}},
		{"76", strings.Repeat("a", 76), []int{75, 2}},
		{"three lines", strings.Repeat("a", 75+74+10), []int{75, 75, 11}},
		{"2-byte rune across 75", strings.Repeat("a", 74) + "å", []int{74, 3}},
		{"3-byte rune across 75", strings.Repeat("a", 73) + "€b", []int{73, 5}},
		{"4-byte rune across 75", strings.Repeat("a", 72) + "𝄞", []int{72, 5}},
		{"4-byte rune ending at 75", strings.Repeat("a", 71) + "𝄞b", []int{75, 2}},
		{"continuation rune", strings.Repeat("a", 75) + strings.Repeat("a", 73) + "åå", []int{75, 74, 5}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := icsWriter{bw: bufio.NewWriter(&buf), line: []byte(tc.line)}
			w.emit()
			w.bw.Flush()
			out := buf.String()
			if !strings.HasSuffix(out, "\r\n") {
				t.Fatalf("no final CRLF: %q", out)
			}
			phys := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
			var lens []int
			var joined strings.Builder
			for i, p := range phys {
				lens = append(lens, len(p))
				if !utf8.ValidString(p) {
					t.Errorf("physical line %d splits a rune: %q", i, p)
				}
				if i > 0 {
					if !strings.HasPrefix(p, " ") {
						t.Errorf("continuation %d does not start with a space", i)
					}
					p = p[1:]
				}
				joined.WriteString(p)
			}
			if !slices.Equal(lens, tc.want) {
				t.Errorf("line lengths %v, want %v", lens, tc.want)
			}
			if joined.String() != tc.line {
				t.Errorf("unfolded %q, want %q", joined.String(), tc.line)
			}
		})
	}
}

// TestStrictICSParser makes sure the reader used above rejects what it should.
func TestStrictICSParser(t *testing.T) {
	ok := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n"
	if root, err := parseICS([]byte(ok)); err != nil {
		t.Fatal(err)
	} else if _, err := checkCalendar(root); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, data, want string }{
		{"bare LF", strings.Replace(ok, "VERSION:2.0\r\n", "VERSION:2.0\n", 1), "bare"},
		{"no final CRLF", strings.TrimSuffix(ok, "\r\n"), "CRLF"},
		{"long line", strings.Replace(ok, "PRODID:x", "PRODID:"+strings.Repeat("x", 70), 1), "more than 75"},
		{"split rune", strings.Replace(ok, "PRODID:x", "PRODID:\xc3\r\n \xa5", 1), "UTF-8"},
		{"unbalanced", strings.Replace(ok, "END:VCALENDAR", "END:VEVENT", 1), "does not close"},
		{"missing END", strings.TrimSuffix(ok, "END:VCALENDAR\r\n"), "unbalanced"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseICS([]byte(tc.data))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
	if root, err := parseICS([]byte(strings.Replace(ok, "VERSION:2.0\r\n", "", 1))); err != nil {
		t.Fatal(err)
	} else if _, err := checkCalendar(root); err == nil || !strings.Contains(err.Error(), "VERSION") {
		t.Errorf("missing VERSION: error %v", err)
	}
	for _, s := range []string{`a,b`, `a;b`, `a\x`, `a\`} {
		if _, err := unescapeText(s); err == nil {
			t.Errorf("unescapeText(%q) accepted", s)
		}
	}
}
