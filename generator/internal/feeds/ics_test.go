package feeds

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the tests do not depend on the host's zoneinfo
	"unicode/utf8"

	"portal/generator/internal/feeds/feedtest"
)

// ---- a strict, test-only iCalendar reader ----

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
		// A calendar without events holds its zone, a component, as RFC
		// 5545 wants; the zone of the year it is made and the next.
		{name: "no-events", cal: Calendar{ProdID: "-//test//EN", Now: time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)}, loc: stockholm,
			contains: []string{"X-WR-TIMEZONE:Europe/Stockholm\r\nBEGIN:VTIMEZONE\r\n", "DTSTART:20261025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"},
			lacks:    []string{"VEVENT", "X-WR-CALNAME"}},
		{name: "no-events-utc", cal: Calendar{ProdID: "-//test//EN", Now: time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)}, loc: time.UTC,
			contains: []string{"BEGIN:VTIMEZONE\r\nTZID:UTC\r\n", "TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000\r\n"}, lacks: []string{"VEVENT", "RRULE"}},
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
			root, err := feedtest.ParseICS(raw)
			if err != nil {
				t.Fatalf("strict parse: %v\n%s", err, raw)
			}
			pc, err := feedtest.CheckCalendar(root)
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
func checkZoneAgainstTZData(t *testing.T, pc *feedtest.Calendar, loc *time.Location, events []Event) {
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
		if got := m.OffsetAt(x); got != want && bad < 5 {
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

// TestWriteICSDays writes events of a whole day as DATE values, the day
// of each start as its own location reads it, without a time zone.
func TestWriteICSDays(t *testing.T) {
	sthlm, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Fatal(err)
	}
	stamp := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	cal := Calendar{ProdID: "-//test//EN", Name: "Avtal", Lang: "sv", Events: []Event{
		{UID: "a", Summary: "Sista dag att säga upp", Start: time.Date(2027, 9, 30, 0, 0, 0, 0, sthlm), Stamp: stamp, AllDay: true},
		// Late in the evening in Stockholm is the next day in UTC: the day stays.
		{UID: "b", Summary: "Nyår", Start: time.Date(2027, 12, 31, 23, 30, 0, 0, sthlm), Stamp: stamp, AllDay: true,
			End: time.Date(2027, 12, 31, 0, 0, 0, 0, sthlm)},
		// The last day a DATE can write: no DTEND, whose year would have
		// five digits.
		{UID: "c", Summary: "Tills vidare", Start: time.Date(9999, 12, 31, 0, 0, 0, 0, sthlm), Stamp: stamp, AllDay: true},
	}}
	var b strings.Builder
	if err := WriteICS(&b, cal, sthlm); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\r\nDTSTART;VALUE=DATE:20270930\r\nDTEND;VALUE=DATE:20271001\r\nTRANSP:TRANSPARENT\r\n",
		"\r\nDTSTART;VALUE=DATE:20271231\r\nDTEND;VALUE=DATE:20280101\r\nTRANSP:TRANSPARENT\r\n",
		"\r\nDTSTART;VALUE=DATE:99991231\r\nTRANSP:TRANSPARENT\r\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("no %q in\n%s", want, b.String())
		}
	}
	if strings.Contains(b.String(), "TIMEZONE") {
		t.Errorf("a calendar of days has a time zone:\n%s", b.String())
	}
	root, err := feedtest.ParseICS([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	back, err := feedtest.CheckCalendar(root)
	if err != nil {
		t.Fatal(err)
	}
	if e := back.Events[1]; !e.AllDay || e.Start.Format(time.DateOnly) != "2027-12-31" {
		t.Errorf("read back: all day %v, start %s", e.AllDay, e.Start)
	}
	if e := back.Events[2]; !e.AllDay || e.Start.Format(time.DateOnly) != "9999-12-31" || !e.End.IsZero() {
		t.Errorf("read back: all day %v, %s to %s", e.AllDay, e.Start, e.End)
	}
}

// TestWriteICSAlarms writes an event's reminders as VALARMs of
// ACTION:DISPLAY after its properties, their texts in the event's
// language and their TRIGGER a duration before the start; a reminder
// without a text or not before the start is refused.
func TestWriteICSAlarms(t *testing.T) {
	stamp := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	day := time.Date(2027, 9, 30, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name   string
		alarms []Alarm
		want   string
	}{
		{"none", nil, "STATUS:CONFIRMED\r\nEND:VEVENT\r\n"},
		{"two", []Alarm{{Before: 30*24*time.Hour - 9*time.Hour, Description: "Om 30 dagar"}, {Before: 7 * 24 * time.Hour, Description: "Om 7 dagar"}},
			"STATUS:CONFIRMED\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION;LANGUAGE=en:Om 30 dagar\r\nTRIGGER:-P29DT15H\r\nEND:VALARM\r\n" +
				"BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION;LANGUAGE=en:Om 7 dagar\r\nTRIGGER:-P7D\r\nEND:VALARM\r\nEND:VEVENT\r\n"},
		{"minutes", []Alarm{{Before: 15 * time.Minute, Description: "Snart"}}, "TRIGGER:-PT15M\r\n"},
		{"hours and minutes", []Alarm{{Before: 90 * time.Minute, Description: "Snart"}}, "TRIGGER:-PT1H30M\r\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cal := Calendar{ProdID: "-//test//EN", Lang: "sv", Events: []Event{
				{UID: "a", Summary: "Notice", Start: day, Stamp: stamp, AllDay: true, Lang: "en", Alarms: tc.alarms}}}
			var b strings.Builder
			if err := WriteICS(&b, cal, nil); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), tc.want) {
				t.Errorf("no %q in\n%s", tc.want, b.String())
			}
			root, err := feedtest.ParseICS([]byte(b.String()))
			if err != nil {
				t.Fatal(err)
			}
			back, err := feedtest.CheckCalendar(root)
			if err != nil {
				t.Fatal(err)
			}
			if got := back.Events[0].Alarms; len(got) != len(tc.alarms) {
				t.Fatalf("read back %d alarms, want %d", len(got), len(tc.alarms))
			}
			for i, a := range back.Events[0].Alarms {
				if a.Before != tc.alarms[i].Before || a.Description != tc.alarms[i].Description || a.Lang != "en" {
					t.Errorf("alarm %d read back as %+v", i, a)
				}
			}
		})
	}
	for _, bad := range []Alarm{{Before: 0, Description: "x"}, {Before: -time.Hour, Description: "x"}, {Before: time.Hour}, {Before: time.Second, Description: "x"}} {
		cal := Calendar{ProdID: "-//test//EN", Events: []Event{{UID: "a", Start: day, Stamp: stamp, AllDay: true, Alarms: []Alarm{bad}}}}
		if err := WriteICS(io.Discard, cal, nil); err == nil {
			t.Errorf("alarm %+v written", bad)
		}
	}
}

// TestWriteICSLangs writes each text property with the language of its
// own text (Event.Langs): a Swedish place in an English event marked sv,
// a description of two languages and a reminder with a Swedish title in
// it without LANGUAGE; and reads them back so.
func TestWriteICSLangs(t *testing.T) {
	stamp := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	start := time.Date(2026, 12, 3, 9, 15, 0, 0, time.UTC)
	cal := Calendar{ProdID: "-//test//EN", Lang: "en", Events: []Event{{
		UID: "a", Summary: "Translated lecture", Description: "In Swedish.\n\nSvensk text.", Location: "KTH, sal F3",
		Start: start, End: start.Add(time.Hour), Stamp: stamp,
		Langs:  map[string]string{"DESCRIPTION": "", "LOCATION": "sv", "VALARM": ""},
		Alarms: []Alarm{{Before: time.Hour, Description: "“Svensk föreläsning” starts in an hour"}},
	}}}
	var b strings.Builder
	if err := WriteICS(&b, cal, nil); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\r\nSUMMARY;LANGUAGE=en:Translated lecture\r\n",
		"\r\nDESCRIPTION:In Swedish.\\n\\nSvensk text.\r\n",
		"\r\nLOCATION;LANGUAGE=sv:KTH\\, sal F3\r\n",
		"\r\nACTION:DISPLAY\r\nDESCRIPTION:“Svensk föreläsning” starts in an hour\r\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("no %q in\n%s", want, b.String())
		}
	}
	root, err := feedtest.ParseICS([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	back, err := feedtest.CheckCalendar(root)
	if err != nil {
		t.Fatal(err)
	}
	e := back.Events[0]
	if want := map[string]string{"SUMMARY": "en", "DESCRIPTION": "", "LOCATION": "sv"}; !maps.Equal(e.Langs, want) || e.Lang != "en" || e.Alarms[0].Lang != "" {
		t.Errorf("read back: languages %v (%q), alarm's %q; want %v (en), none", e.Langs, e.Lang, e.Alarms[0].Lang, want)
	}
}
