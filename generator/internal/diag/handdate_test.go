package diag

import (
	"testing"
	"time"
)

func TestHandDate(t *testing.T) {
	for _, c := range []struct{ in, day, alt string }{
		{"31/1/2027", "2027-01-31", ""},
		{"1/31/2027", "2027-01-31", ""},
		{"1/2/2027", "2027-02-01", "2027-01-02"},
		{"2/2/2027", "2027-02-02", ""},
		{"28/2 2027", "2027-02-28", ""},
		{"31.1.2027", "2027-01-31", ""},
		{"2027-1-31", "2027-01-31", ""},
		{"2027/01/31", "2027-01-31", ""},
		{"31 januari 2027", "2027-01-31", ""},
		{"den 31:a januari 2027", "2027-01-31", ""},
		{"31 jan. 2027", "2027-01-31", ""},
		{"31 Jan 2027", "2027-01-31", ""},
		{"January 31, 2027", "2027-01-31", ""},
		{"Jan 31st 2027", "2027-01-31", ""},
		{"5 sept. 2027", "2027-09-05", ""},
		{"1 maj 2027", "2027-05-01", ""},
		{"1 mar 2027", "2027-03-01", ""},
		{"31 februari 2027", "", ""},
		{"31/2/2027", "", ""},
		{"1 ma 2027", "", ""},
		{"31 jan", "", ""},
		{"31/1/27", "", ""},
		{"nästa vecka", "", ""},
	} {
		day, alt, ok := HandDate(c.in)
		got, gotAlt := "", ""
		if ok {
			got = day.Format(time.DateOnly)
		}
		if !alt.IsZero() {
			gotAlt = alt.Format(time.DateOnly)
		}
		if got != c.day || gotAlt != c.alt {
			t.Errorf("HandDate(%q) = %q, %q; want %q, %q", c.in, got, gotAlt, c.day, c.alt)
		}
	}
}

// TestHandDateMessages checks the messages of a date, or a date and
// time, written by hand for a key that holds a day (the day alone, and
// the time dropped) and for one that takes a date or a date and time
// (publishDate: "a date, or a date and time"), in both languages.
func TestHandDateMessages(t *testing.T) {
	dropped := ", without the time: deadline is a date, and the site counts the whole day; write the time in the text if it matters"
	droppedSv := ", utan klockslaget: deadline är ett datum, och webbplatsen räknar med hela dagen; skriv klockslaget i texten om det behövs"
	for _, c := range []struct {
		name   string
		msg    Message
		en, sv string
	}{
		{"day, quoted", dayMessage(t, "deadline", "31/1/2027 13:15", true),
			"must be a date like 2026-03-01, written without quotes – write deadline = 2027-01-31" + dropped,
			"ska vara ett datum som 2026-03-01, skrivet utan citattecken – skriv deadline = 2027-01-31" + droppedSv},
		{"day, bare", dayMessage(t, "deadline", "31 januari 2027 kl. 13.15", false),
			"deadline: 31 januari 2027 kl. 13.15 is not a date the site can read – dates are written year-month-day, without quotes: write deadline = 2027-01-31" + dropped,
			"deadline: 31 januari 2027 kl. 13.15 är inget datum som webbplatsen kan läsa – datum skrivs år-månad-dag, utan citattecken: skriv deadline = 2027-01-31" + droppedSv},
		{"day, two", dayMessage(t, "deadline", "1/2/2027 13:15", true),
			"must be a date like 2026-03-01, written without quotes – write deadline = 2027-02-01 for 1 February, or deadline = 2027-01-02 for 2 January" + dropped,
			"ska vara ett datum som 2026-03-01, skrivet utan citattecken – skriv deadline = 2027-02-01 om det är 1 februari, eller deadline = 2027-01-02 om det är 2 januari" + droppedSv},
		{"date or time", QuotedDateTimeMessage("publishDate", "31/1/2027 13:15", true),
			"must be a date, or a date and time like 2026-03-01T13:15:00, written without quotes – write publishDate = 2027-01-31T13:15:00",
			"ska vara ett datum, eller datum och klockslag som 2026-03-01T13:15:00, skrivet utan citattecken – skriv publishDate = 2027-01-31T13:15:00"},
		{"date or time, two", QuotedDateTimeMessage("publishDate", "1/2/2027 13:15", true),
			"must be a date, or a date and time like 2026-03-01T13:15:00, written without quotes – write publishDate = 2027-02-01T13:15:00 for 1 February, or publishDate = 2027-01-02T13:15:00 for 2 January",
			"ska vara ett datum, eller datum och klockslag som 2026-03-01T13:15:00, skrivet utan citattecken – skriv publishDate = 2027-02-01T13:15:00 om det är 1 februari, eller publishDate = 2027-01-02T13:15:00 om det är 2 januari"},
		{"date and time", QuotedDateTimeMessage("start", "31/1/2027 13:15", false),
			"must be a date and time like 2026-03-01T13:15:00, written without quotes – write start = 2027-01-31T13:15:00",
			"ska vara datum och klockslag som 2026-03-01T13:15:00, skrivet utan citattecken – skriv start = 2027-01-31T13:15:00"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.msg.Text(English); got != c.en {
				t.Errorf("en:\n got %s\nwant %s", got, c.en)
			}
			if got := c.msg.Text(Swedish); got != c.sv {
				t.Errorf("sv:\n got %s\nwant %s", got, c.sv)
			}
		})
	}
	if _, ok := DayTimeMessage("deadline", "31/1/2027 kl. 25.15", true); ok {
		t.Error("DayTimeMessage read a time that does not exist")
	}
}

func dayMessage(t *testing.T, key, value string, quoted bool) Message {
	t.Helper()
	m, ok := DayTimeMessage(key, value, quoted)
	if !ok {
		t.Errorf("DayTimeMessage(%q, %q) did not read it", key, value)
	}
	return m
}
