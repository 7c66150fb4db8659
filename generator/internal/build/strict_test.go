package build

// Strict, test-only readers of the machine-readable outputs, copied from
// the feeds package's tests (which cannot be imported) so that the build's
// tests read the files of a whole built site as strictly as the writers'
// own tests read theirs: Atom (RFC 4287) and sitemaps with encoding/xml in
// strict mode and namespace-qualified names, iCalendar (RFC 5545) with its
// physical layout (CRLF, folding at 75 octets, UTF-8), property rules and
// VTIMEZONE expanded to resolve local times. Keep in step with
// generator/internal/feeds/{atom,ics,sitemap}_test.go.

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"portal/generator/internal/feeds"
)

// icsWeekdayCodes holds the RRULE weekday codes, two letters each, Sunday first.
const icsWeekdayCodes = "SUMOTUWETHFRSA"

// Structures for strict decoding: every name is qualified with the Atom
// namespace, so an element outside it is not picked up and a missing
// required element shows as empty.
type atomFeedX struct {
	XMLName xml.Name      `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string        `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	IDs     []string      `xml:"http://www.w3.org/2005/Atom id"`
	Titles  []string      `xml:"http://www.w3.org/2005/Atom title"`
	Updated []string      `xml:"http://www.w3.org/2005/Atom updated"`
	Links   []atomLinkX   `xml:"http://www.w3.org/2005/Atom link"`
	Authors []atomAuthorX `xml:"http://www.w3.org/2005/Atom author"`
	Entries []atomEntryX  `xml:"http://www.w3.org/2005/Atom entry"`
}

type atomLinkX struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
	Href string `xml:"href,attr"`
}

type atomAuthorX struct {
	Names []string `xml:"http://www.w3.org/2005/Atom name"`
}

type atomEntryX struct {
	Lang       string        `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	IDs        []string      `xml:"http://www.w3.org/2005/Atom id"`
	Titles     []string      `xml:"http://www.w3.org/2005/Atom title"`
	Updated    []string      `xml:"http://www.w3.org/2005/Atom updated"`
	Published  []string      `xml:"http://www.w3.org/2005/Atom published"`
	Links      []atomLinkX   `xml:"http://www.w3.org/2005/Atom link"`
	Authors    []atomAuthorX `xml:"http://www.w3.org/2005/Atom author"`
	Summaries  []atomTextX   `xml:"http://www.w3.org/2005/Atom summary"`
	Categories []struct {
		Term string `xml:"term,attr"`
	} `xml:"http://www.w3.org/2005/Atom category"`
}

type atomTextX struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

// decodeAtom parses data strictly and checks what RFC 4287 requires.
func decodeAtom(t *testing.T, data []byte) atomFeedX {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	var f atomFeedX
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("decode: %v\n%s", err, data)
	}
	checkTrailing(t, dec)
	one := func(what string, v []string) {
		t.Helper()
		if len(v) != 1 {
			t.Errorf("%s: %d elements, want 1", what, len(v))
		}
	}
	rfc3339 := func(what string, v []string) {
		t.Helper()
		for _, s := range v {
			if _, err := time.Parse(time.RFC3339, s); err != nil || !strings.HasSuffix(s, "Z") {
				t.Errorf("%s %q is not an RFC 3339 UTC time: %v", what, s, err)
			}
		}
	}
	one("feed id", f.IDs)
	one("feed title", f.Titles)
	one("feed updated", f.Updated)
	rfc3339("feed updated", f.Updated)
	if len(f.IDs) == 1 && f.IDs[0] == "" {
		t.Error("feed id is empty")
	}
	feedAuthor := len(f.Authors) > 0 && len(f.Authors[0].Names) == 1 && f.Authors[0].Names[0] != ""
	if !feedAuthor && len(f.Entries) == 0 {
		t.Error("feed has neither author nor entries")
	}
	for i, e := range f.Entries {
		one("entry id", e.IDs)
		one("entry title", e.Titles)
		one("entry updated", e.Updated)
		rfc3339("entry updated", e.Updated)
		rfc3339("entry published", e.Published)
		if len(e.IDs) == 1 && e.IDs[0] == "" {
			t.Errorf("entry %d: id is empty", i)
		}
		if !feedAuthor && (len(e.Authors) == 0 || len(e.Authors[0].Names) != 1 || e.Authors[0].Names[0] == "") {
			t.Errorf("entry %d: no author, and the feed has none", i)
		}
		alt := 0
		for _, l := range e.Links {
			if l.Rel == "alternate" && l.Href != "" {
				alt++
			}
		}
		if alt != 1 {
			t.Errorf("entry %d: %d links rel=alternate, want 1", i, alt)
		}
	}
	return f
}

// checkTrailing fails unless only white space follows the root element.
func checkTrailing(t *testing.T, dec *xml.Decoder) {
	t.Helper()
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("after the root element: %v", err)
		}
		if cd, ok := tok.(xml.CharData); !ok || len(bytes.TrimSpace(cd)) != 0 {
			t.Fatalf("content after the root element: %#v", tok)
		}
	}
}

type urlsetX struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     []string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
		LastMod []string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 lastmod"`
		Links   []struct {
			Rel      string `xml:"rel,attr"`
			Hreflang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"http://www.w3.org/1999/xhtml link"`
	} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
}

type sitemapIndexX struct {
	XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []struct {
		Loc     []string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
		LastMod []string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 lastmod"`
	} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemap"`
}

// w3cDateTime is the W3C datetime profile with seconds, as written here.
var w3cDateTime = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$`)

func strictDecode(t *testing.T, name string, data []byte, v any) {
	t.Helper()
	if !bytes.HasPrefix(data, []byte(`<?xml version="1.0" encoding="UTF-8"?>`)) {
		t.Errorf("%s: no XML declaration", name)
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, data)
	}
	checkTrailing(t, dec)
}

// decodeURLSet checks a <urlset> and returns it as URLs.
func decodeURLSet(t *testing.T, name string, data []byte) []feeds.URL {
	t.Helper()
	var us urlsetX
	strictDecode(t, name, data, &us)
	var out []feeds.URL
	for i, u := range us.URLs {
		if len(u.Loc) != 1 || u.Loc[0] == "" {
			t.Errorf("%s: url %d: %d locs", name, i, len(u.Loc))
			continue
		}
		got := feeds.URL{Loc: u.Loc[0]}
		if len(u.LastMod) > 1 {
			t.Errorf("%s: url %d: %d lastmods", name, i, len(u.LastMod))
		}
		for _, lm := range u.LastMod {
			if !w3cDateTime.MatchString(lm) {
				t.Errorf("%s: lastmod %q is not a W3C datetime", name, lm)
			}
			got.LastMod, _ = time.Parse(time.RFC3339, lm)
		}
		for _, l := range u.Links {
			if l.Rel != "alternate" {
				t.Errorf("%s: xhtml:link rel=%q", name, l.Rel)
			}
			got.Alternates = append(got.Alternates, feeds.Alternate{Lang: l.Hreflang, Href: l.Href})
		}
		out = append(out, got)
	}
	return out
}

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
				wd = time.Weekday(strings.Index(icsWeekdayCodes, code) / 2)
				if strings.Index(icsWeekdayCodes, code)%2 != 0 {
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
