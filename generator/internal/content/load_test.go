package content

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestLoadValid(t *testing.T) {
	crlf := strings.ReplaceAll(rec(thesis), "\n", "\r\n")
	fsys := mapFS(map[string]string{
		"content/theses/a.md":                    rec(with(thesis, "", `apply = "mailto:exjobb@example.org"`, "", `schools = ["abe"]`)),
		"content/theses/a.en.md":                 rec(`title = "Energy data in schools"`, `summary = "<b>bold</b>"`),
		"content/theses/bom.md":                  "\xef\xbb\xbf" + rec(thesis),
		"content/theses/crlf.md":                 crlf,
		"content/theses/only-english.en.md":      rec(thesis),
		"content/lectures/l.md":                  rec(lecture),
		"content/agreements/avtal.md":            rec(`title = "Avtal"`, "date = 2026-01-01", `areas = ["bygg"]`, `type = "mou"`, `parties = ["kth", "stad"]`, "signed = 2026-01-01", `status = "active"`, `attachment = "avtal.pdf"`, "confidential = true"),
		"content/agreements/avtal.pdf":           "%PDF-1.4",
		"content/pages/om.md":                    rec(`title = "Om"`),
		"content/theses/.hidden.md":              "not read",
		"content/theses/backup.md~":              "not read",
		"content/.git/config":                    "not read",
		"content/theses/#autosave#":              "not read",
		"content/collaborations/x.md.swp":        "not read",
		"content/exchanges/draft-of-x.md.tmp":    "not read",
		"content/followups/2025.md":              rec(`title = "Uppföljning 2025"`, "date = 2025-06-01", `areas = ["energi"]`, "year = 2025"),
		"content/internships/sommar.md":          rec(`title = "Sommarpraktik"`, "date = 2026-01-01", `areas = ["energi"]`, `host = "stad"`, "deadline = 2026-03-01", "paid = true", "weeks = 10"),
		"content/exchanges/byte.md":              rec(`title = "Byte"`, "date = 2026-01-01", `areas = ["energi"]`, `from = "kth"`, `to = "stad"`, `position = "Lektor"`, "periodStart = 2026-01-01"),
		"content/collaborations/samarbete.md":    rec(`title = "Samarbete"`, "date = 2026-01-01", `areas = ["energi"]`, `status = "active"`, `partners = ["stad"]`, "periodStart = 2025-01-01", "periodEnd = 2027-01-01", `agreement = "avtal"`),
		"content/collaborations/samarbete.en.md": rec(`title = "Collaboration"`, `status = "active"`),
	})
	set, errs := load(t, fsys)
	if errs != nil {
		t.Fatalf("errors:\n%s", strings.Join(errs, "\n"))
	}
	if set.Files != 13 || len(set.Records) != 11 || set.Failed != 0 {
		t.Errorf("files %d records %d failed %d", set.Files, len(set.Records), set.Failed)
	}
	get := func(kind, slug string) *Record {
		for _, r := range set.Records {
			if r.Kind == kind && r.Slug == slug {
				return r
			}
		}
		t.Fatalf("no record %s/%s", kind, slug)
		return nil
	}
	a := get("theses", "a")
	if a.Apply != "mailto:exjobb@example.org" || a.Host != "kth" || a.Credits != 30 || len(a.Versions) != 2 {
		t.Errorf("a: %+v", a)
	}
	if en := a.In("en"); en == nil || en.Title != "Energy data in schools" || en.Summary != "<b>bold</b>" {
		t.Errorf("translation: %+v", en)
	}
	stockholm, _ := time.LoadLocation("Europe/Stockholm")
	if want := time.Date(2026, 4, 30, 0, 0, 0, 0, stockholm); !a.Deadline.Equal(want) {
		t.Errorf("deadline %v, want %v", a.Deadline, want)
	}
	for _, slug := range []string{"bom", "crlf"} {
		r := get("theses", slug)
		if r.Own().Title != "Energidata i skolor" || r.Own().BodyLine != 10 || r.Deadline.IsZero() {
			t.Errorf("%s: title %q body line %d", slug, r.Own().Title, r.Own().BodyLine)
		}
	}
	if l, c := get("theses", "crlf").Own().Pos.Value("deadline"); l != 8 || c != 12 {
		t.Errorf("CRLF position of deadline: %d:%d, want 8:12", l, c)
	}
	if r := get("theses", "only-english"); r.Lang != "en" || len(r.Versions) != 1 {
		t.Errorf("English-only record: lang %q, %d versions", r.Lang, len(r.Versions))
	}
	if r := get("agreements", "avtal"); r.Attachment != "content/agreements/avtal.pdf" || !r.Confidential {
		t.Errorf("agreement: attachment %q confidential %v", r.Attachment, r.Confidential)
	}
	if r := get("lectures", "l"); r.Status != "scheduled" || !r.End.After(r.Start) {
		t.Errorf("lecture: %+v", r)
	}
}

// TestLoadErrors feeds Load hostile and mistaken files. Each case lists
// every error line, exactly; files not named are absent.
func TestLoadErrors(t *testing.T) {
	const p = "content/theses/a.md"
	thesisAt := func(files ...string) map[string]string {
		m := map[string]string{}
		for i := 0; i+1 < len(files); i += 2 {
			m[files[i]] = files[i+1]
		}
		return m
	}
	for _, c := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		// Front matter and TOML.
		{"malformed TOML", thesisAt(p, rec(with(thesis, `level = "master"`, `level = "master`))),
			[]string{p + `:6:9: level: the text has no closing quote – end it with " on the same line`}},
		{"TOML table syntax error", thesisAt(p, rec(with(thesis, "", "[extra"))),
			[]string{p + `:9:1: [extra has no closing ] – end the line with ]`}},
		{"missing +++", thesisAt(p, thesis+"\n\nBody.\n"),
			[]string{p + `:1:1: front matter missing: a record starts with a "+++" line`}},
		{"unclosed +++", thesisAt(p, "+++\n"+thesis+"\n\nBody.\n"),
			[]string{p + `:1:1: front matter is never closed: add a "+++" line after the last key`}},
		{"CRLF error positions", thesisAt(p, strings.ReplaceAll(rec(with(thesis, `areas = ["energi"]`, `areas = ["bygg", "energy"]`)), "\n", "\r\n")),
			[]string{p + `:4:18: unknown area "energy" (not in config.toml [areas]; did you mean "energi"?)`}},
		{"BOM error positions", thesisAt(p, "\xef\xbb\xbf"+rec(with(thesis, `host = "kth"`, `host = "KTH"`))),
			[]string{p + `:5:8: unknown organisation "KTH" (not in config.toml [organisations]; did you mean "kth"?)`}},
		{"invalid UTF-8", thesisAt(p, rec(with(thesis, `"Energidata i skolor"`, "\"Energidata i sk\xf6lor\""))),
			[]string{p + `:2:25: invalid UTF-8; save the file as UTF-8`}},
		{"over the size limit", thesisAt(p, rec(thesis)+strings.Repeat("x", MaxFileSize)),
			[]string{p + `:1:1: file is larger than 1 MiB; split the text, or put large parts in an attachment`}},
		{"nesting too deep", thesisAt(p, rec(with(thesis, "", "x = "+strings.Repeat("[", 100)))),
			[]string{p + `:9:21: arrays and inline tables nest more than 16 levels deep`}},
		{"dotted key too long", thesisAt(p, rec(with(thesis, "", strings.Repeat("a.", 20)+"b = 1"))),
			[]string{p + `:9:32: dotted key has more than 16 parts`}},
		{"empty front matter", thesisAt(p, "+++\n+++\n"),
			[]string{
				p + `:1:1: missing required key "areas"; add a line that starts with areas =`, p + `:1:1: missing required key "credits"; add a line that starts with credits =`,
				p + `:1:1: missing required key "date"; add a line that starts with date =`, p + `:1:1: missing required key "deadline"; add a line that starts with deadline =`,
				p + `:1:1: missing required key "host"; add a line that starts with host =`, p + `:1:1: missing required key "level"; add a line that starts with level =`,
				p + `:1:1: missing required key "title"; add a line that starts with title =`,
			}},

		// Dates.
		{"expiry before publication", thesisAt(p, rec(with(thesis, "", "publishDate = 2026-02-01", "", "expiryDate = 2026-01-31"))),
			[]string{p + `:10:14: expiryDate 2026-01-31 must be after publishDate 2026-02-01; check the two`}},
		{"expiry at publication", thesisAt(p, rec(with(thesis, "", "publishDate = 2026-02-01T12:00:00", "", "expiryDate = 2026-02-01T12:00:00"))),
			[]string{p + `:10:14: expiryDate 2026-02-01T12:00 must be after publishDate 2026-02-01T12:00; check the two`}},
		{"expiry after publication", thesisAt(p, rec(with(thesis, "", "publishDate = 2026-02-01", "", "expiryDate = 2026-02-02"))), nil},
		{"impossible date", thesisAt(p, rec(with(thesis, "deadline = 2026-04-30", "deadline = 2026-02-30"))),
			[]string{p + `:8:12: deadline: 2026-02-30 does not exist – February 2026 has 28 days`}},
		{"syntax errors hide nothing else", thesisAt(p, rec(with(with(with(thesis,
			"deadline = 2026-04-30", "deadline = 28/2 2027"), "date = 2026-01-15", "date = 2026-02-30"), `host = "kth"`, `hots = "kth"`))),
			[]string{
				p + `:3:8: date: 2026-02-30 does not exist – February 2026 has 28 days`,
				p + `:5:1: unknown key "hots" (did you mean "host"?)`,
				p + `:8:12: deadline: 28/2 2027 is not a date the site can read – dates are written year-month-day, without quotes: write deadline = 2027-02-28`,
			}},
		{"a broken translation hides nothing of its record", thesisAt(p, rec(with(thesis, `host = "kth"`, `hots = "kth"`)),
			"content/theses/a.en.md", "title = \"x\"\n"),
			[]string{
				`content/theses/a.en.md:1:1: front matter missing: a record starts with a "+++" line`,
				p + `:5:1: unknown key "hots" (did you mean "host"?)`,
			}},
		{"a broken record still shows its translation's lines", thesisAt(p, "title = 1\n",
			"content/theses/a.en.md", "+++\ntitle = x\n+++\n"),
			[]string{
				`content/theses/a.en.md:2:9: title: x is text and needs quotes – write title = "x"`,
				p + `:1:1: front matter missing: a record starts with a "+++" line`,
			}},
		{"date in quotes", thesisAt(p, rec(with(thesis, "deadline = 2026-04-30", `deadline = "2026-04-30"`))),
			[]string{p + `:8:12: deadline must be a date like 2026-03-01, written without quotes – write deadline = 2026-04-30`}},
		{"end before start", thesisAt("content/lectures/l.md", rec(with(lecture, "end = 2026-03-12T17:00:00", "end = 2026-03-12T15:00:00"))),
			[]string{`content/lectures/l.md:6:7: end 2026-03-12T15:00 must be after start 2026-03-12T15:15; check the two`}},
		{"end equal to start", thesisAt("content/lectures/l.md", rec(with(lecture, "end = 2026-03-12T17:00:00", "end = 2026-03-12T15:15:00"))),
			[]string{`content/lectures/l.md:6:7: end 2026-03-12T15:15 must be after start 2026-03-12T15:15; check the two`}},
		{"lecture start without a time", thesisAt("content/lectures/l.md", rec(with(lecture, "start = 2026-03-12T15:15:00", "start = 2026-03-12"))),
			[]string{`content/lectures/l.md:5:9: start must be a date and time like 2026-03-01T13:15:00`}},
		{"period end before start", thesisAt("content/exchanges/e.md", rec(`title = "Byte"`, "date = 2026-01-01", `areas = ["energi"]`, `from = "kth"`, `to = "stad"`, `position = "Lektor"`, "periodStart = 2026-01-01", "periodEnd = 2025-12-31")),
			[]string{`content/exchanges/e.md:9:13: periodEnd 2025-12-31 is before periodStart 2026-01-01; check the two dates`}},

		// Vocabularies and unknown keys.
		{"unknown area, school and host", thesisAt(p, rec(with(thesis, `areas = ["energi"]`, `areas = ["energi", "energy"]`, `host = "kth"`, `host = "kht"`, "", `schools = ["abe", "eecs"]`))),
			[]string{
				p + `:4:20: unknown area "energy" (not in config.toml [areas]; did you mean "energi"?)`,
				p + `:5:8: unknown organisation "kht" (not in config.toml [organisations], which has: kth, stad)`,
				p + `:9:19: unknown school "eecs" (not in config.toml [schools], which has: abe)`,
			}},
		{"a term written by its name or nearly its key", thesisAt(p, rec(with(thesis, `areas = ["energi"]`, `areas = ["Construction", "enrgi"]`, `host = "kth"`, `host = "City of Stockholm"`))),
			[]string{
				p + `:4:10: unknown area "Construction" (not in config.toml [areas]; did you mean "bygg"?)`,
				p + `:4:26: unknown area "enrgi" (not in config.toml [areas]; did you mean "energi"?)`,
				p + `:5:8: unknown organisation "City of Stockholm" (not in config.toml [organisations]; did you mean "stad"?)`,
			}},
		{"area listed twice", thesisAt(p, rec(with(thesis, `areas = ["energi"]`, `areas = ["energi", "energi"]`))),
			[]string{p + `:4:20: area "energi" is listed twice; remove one`}},
		{"no areas", thesisAt(p, rec(with(thesis, `areas = ["energi"]`, `areas = []`))),
			[]string{p + `:4:9: areas needs at least one area`}},
		{"unknown key, did you mean", thesisAt(p, rec(with(thesis, "deadline = 2026-04-30", "deadine = 2026-04-30"))),
			[]string{p + `:8:1: unknown key "deadine" (did you mean "deadline"?)`}},
		{"unknown key, wrong case", thesisAt(p, rec(with(thesis, "", `Location = "KTH"`))),
			[]string{p + `:9:1: unknown key "Location" (did you mean "location"?)`}},
		{"key of another kind", thesisAt(p, rec(with(thesis, "", `speaker = "Anna"`))),
			[]string{p + `:9:1: unknown key "speaker": theses do not have it`}},
		{"attachment of another kind", thesisAt(p, rec(with(thesis, "", `attachment = "avtal.pdf"`))),
			[]string{p + `:9:1: unknown key "attachment": theses do not have it`}},
		// A record in the folder of another kind: one problem, not a key
		// to remove for each of its keys and one to add for each of the
		// folder's kind.
		{"lecture in the theses folder", thesisAt("content/theses/l.md", rec(lecture)),
			[]string{`content/theses/l.md:1:1: this record has the keys of lectures (end, place, registration, speaker), not of theses: move the file to content/lectures/`}},
		{"thesis in the internships folder", thesisAt("content/internships/t.md", rec(with(thesis, "", `students = 2`))),
			[]string{`content/internships/t.md:1:1: this record has the keys of theses (level, students), not of internships: move the file to content/theses/`}},
		{"a lecture's keys, but not all of them", thesisAt("content/theses/l.md", rec(with(lecture, `speaker = "Anna Andersson"`, ""))),
			[]string{
				`content/theses/l.md:1:1: missing required key "credits"; add a line that starts with credits =`,
				`content/theses/l.md:1:1: missing required key "deadline"; add a line that starts with deadline =`,
				`content/theses/l.md:1:1: missing required key "host"; add a line that starts with host =`,
				`content/theses/l.md:1:1: missing required key "level"; add a line that starts with level =`,
				`content/theses/l.md:6:1: unknown key "end": theses do not have it`,
				`content/theses/l.md:7:1: unknown key "place": theses do not have it`,
				`content/theses/l.md:9:1: unknown key "registration": theses do not have it`,
			}},
		{"unknown key", thesisAt(p, rec(with(thesis, "", `foo = 1`))),
			[]string{p + `:9:1: unknown key "foo"; remove it, or spell it as one of the keys in docs/EDITING.md`}},
		{"unknown table", thesisAt(p, rec(with(thesis, "", "[extra]\nx = 1"))),
			[]string{p + `:9:2: [extra] starts a table, which takes the lines below it (x) away from the record – remove the line`}},
		{"unknown dotted key", thesisAt(p, rec(with(thesis, "", "meta.x = 1"))),
			[]string{p + `:9:1: unknown key "meta"; remove it, or spell it as one of the keys in docs/EDITING.md`}},
		{"wrong types", thesisAt(p, rec(with(thesis, `title = "Energidata i skolor"`, "title = 1", "credits = 30", `credits = "30"`, `areas = ["energi"]`, `areas = "energi"`))),
			[]string{
				p + `:2:9: title must be text in straight quotes, like "Example"`,
				p + `:4:9: areas must be a list in square brackets, like ["a", "b"]`,
				p + `:7:11: credits must be written 30, without quotes`,
			}},
		{"not a whole number", thesisAt(p, rec(with(thesis, "credits = 30", "credits = 7.5", "", `students = "två"`))),
			[]string{
				p + `:7:11: credits must be a whole number, like 30, without quotes`,
				p + `:9:12: students must be a whole number, like 30, without quotes`,
			}},
		// A time of day without its date was read as a day of the year 0
		// and published so ("1 januari 0 kl. 13.15").
		{"time without a date", thesisAt(p, rec(with(thesis, "date = 2026-01-15", "date = 13:15:00", "", "start = 08:00"))),
			[]string{
				p + `:3:8: date has a time but no day: write the day, like 2026-03-01`,
				p + `:9:9: start has a time but no day: write the day, like 2026-03-01`,
			}},
		{"date and time in quotes", thesisAt("content/lectures/l.md", rec(with(lecture, "start = 2026-03-12T15:15:00", `start = "2026-03-12T15:15:00"`, "end = 2026-03-12T17:00:00", `end = "17:00"`))),
			[]string{
				`content/lectures/l.md:5:9: start must be written 2026-03-12T15:15:00, without quotes`,
				`content/lectures/l.md:6:7: end must be a date and time like 2026-03-01T13:15:00`,
			}},
		{"lecture at a time without a date", thesisAt("content/lectures/l.md", rec(with(lecture, "start = 2026-03-12T15:15:00", "start = 15:15:00"))),
			[]string{`content/lectures/l.md:5:9: start has a time but no day: write the day, like 2026-03-01T13:15:00`}},
		{"blank title", thesisAt(p, rec(with(thesis, `title = "Energidata i skolor"`, `title = "  "`))),
			[]string{p + `:2:9: title must not be empty; write its text between the quotes`}},
		{"out of range", thesisAt(p, rec(with(thesis, "credits = 30", "credits = 45", `level = "master"`, `level = "phd"`, "", "students = 3"))),
			[]string{
				p + `:6:9: level must be "bachelor" or "master", not "phd"`,
				p + `:7:11: credits must be 15 or 30, not 45`,
				p + `:9:12: students must be 1 or 2, not 3`,
			}},

		// URLs and email addresses.
		{"javascript: in apply", thesisAt(p, rec(with(thesis, "", `apply = "javascript:alert(1)"`))),
			[]string{p + `:9:9: apply must be an http(s) or mailto: URL, not "javascript:alert(1)"`}},
		{"javascript: in mixed case with blanks", thesisAt(p, rec(with(thesis, "", `apply = " JaVaScRiPt:alert(1)"`))),
			[]string{p + `:9:9: apply must be an http(s) or mailto: URL, not "JaVaScRiPt:alert(1)"`}},
		{"javascript: behind a tab", thesisAt(p, rec(with(thesis, "", `apply = "java\tscript:alert(1)"`))),
			[]string{p + `:9:9: apply must be an http(s) or mailto: URL, not "java\tscript:alert(1)"`}},
		{"data: in apply", thesisAt(p, rec(with(thesis, "", `apply = "data:text/html,<script>alert(1)</script>"`))),
			[]string{p + `:9:9: apply must be an http(s) or mailto: URL, not "data:text/html,<script>alert(1)</script>"`}},
		{"data: in registration", thesisAt("content/lectures/l.md", rec(with(lecture, `registration = "https://example.org/anmalan"`, `registration = "data:text/html;base64,PHNjcmlwdD4="`))),
			[]string{`content/lectures/l.md:9:16: registration must be an http(s) URL, not "data:text/html;base64,PHNjcmlwdD4="`}},
		{"javascript: in registration", thesisAt("content/lectures/l.md", rec(with(lecture, `registration = "https://example.org/anmalan"`, `registration = "javascript://example.org/%0aalert(1)"`))),
			[]string{`content/lectures/l.md:9:16: registration must be an http(s) URL, not "javascript://example.org/%0aalert(1)"`}},
		{"mailto: in registration", thesisAt("content/lectures/l.md", rec(with(lecture, `registration = "https://example.org/anmalan"`, `registration = "mailto:a@example.org"`))),
			[]string{`content/lectures/l.md:9:16: registration must be an http(s) URL, not "mailto:a@example.org"`}},
		{"scheme-relative URL", thesisAt(p, rec(with(thesis, "", `apply = "//evil.example/"`))),
			[]string{p + `:9:9: apply must be an http(s) or mailto: URL, not "//evil.example/"`}},
		{"URL without a host", thesisAt(p, rec(with(thesis, "", `apply = "https:/x"`))),
			[]string{p + `:9:9: apply must be an http(s) or mailto: URL, not "https:/x"`}},
		{"mailto: with javascript", thesisAt(p, rec(with(thesis, "", `apply = "mailto:javascript:alert(1)"`))),
			[]string{p + `:9:9: apply must be an http(s) or mailto: URL, not "mailto:javascript:alert(1)"`}},
		{"malformed email", thesisAt(p, rec(with(thesis, "", `contacts = [{ role = "Handledare", email = "handledare(at)kth.se" }]`))),
			[]string{p + `:9:44: contacts: "handledare(at)kth.se" is not an email address; write it like "name@kth.se"`}},
		{"email with a display name", thesisAt(p, rec(with(thesis, "", `contacts = [{ role = "R", email = "Anna <anna@kth.se>" }]`))),
			[]string{p + `:9:35: contacts: "Anna <anna@kth.se>" is not an email address; write it like "name@kth.se"`}},
		{"email without a dotted domain", thesisAt(p, rec(with(thesis, "", "contacts = [\n  { role = \"R\", email = \"a@kth.se\" },\n  { role = \"R\", email = \"a@localhost\" },\n]"))),
			[]string{p + `:11:25: contacts: "a@localhost" is not an email address; write it like "name@kth.se"`}},
		{"contact without role, unknown key", thesisAt(p, rec(with(thesis, "", `contacts = [{ email = "a@kth.se", phone = "08-123" }]`))),
			[]string{
				p + `:9:13: contacts: each contact needs a role`,
				p + `:9:35: contacts: unknown key "phone" (a contact has role, email and name)`,
			}},
		// A key misspelt or not text is one problem, not also one missing.
		{"contact with a misspelt role", thesisAt(p, rec(with(thesis, "", `contacts = [{ rol = "R", email = "a@kth.se" }]`))),
			[]string{p + `:9:15: contacts: unknown key "rol" (a contact has role, email and name)`}},
		{"contact with an email that is not text", thesisAt(p, rec(with(thesis, "", `contacts = [{ role = "R", email = 1 }]`))),
			[]string{p + `:9:35: contacts: email must be text in quotes`}},
		{"signatory with a misspelt org", thesisAt("content/agreements/x.md", agreement(`signatories = [{ name = "A", title = "B", orgg = "kth" }]`)),
			[]string{`content/agreements/x.md:9:43: signatories: unknown key "orgg" (a signatory has name, title and org)`}},
		{"signatory with a name that is not text", thesisAt("content/agreements/x.md", agreement(`signatories = [{ name = 1, title = "B", org = "kth" }]`)),
			[]string{`content/agreements/x.md:9:25: signatories: name must be text in quotes`}},
		// A signatory's org is answered as a party's is: with the key
		// meant, or the keys there are, not "check the spelling" alone.
		{"signatory with an org in capitals", thesisAt("content/agreements/x.md", agreement(`signatories = [{ name = "A", title = "B", org = "KTH" }]`)),
			[]string{`content/agreements/x.md:9:49: unknown organisation "KTH" (not in config.toml [organisations]; did you mean "kth"?)`}},
		{"signatory with an unknown org", thesisAt("content/agreements/x.md", agreement(`signatories = [{ name = "A", title = "B", org = "kommunen" }]`)),
			[]string{`content/agreements/x.md:9:49: unknown organisation "kommunen" (not in config.toml [organisations], which has: kth, stad)`}},
		{"malformed mailto in apply", thesisAt(p, rec(with(thesis, "", `apply = "mailto:not an address"`))),
			[]string{p + `:9:9: apply must be an http(s) or mailto: URL, not "mailto:not an address"`}},
		// A mailto: link that copies the mail to someone else: students'
		// applications, CVs and all, to a third party.
		{"mailto: with bcc", thesisAt(p, rec(with(thesis, "", `apply = "mailto:exjobb@kth.se?subject=Ans%C3%B6kan&BCC=spy@evil.example"`))),
			[]string{p + `:9:9: apply: a mailto: link may set only subject and body, not "BCC", which would send the mail to others too, unseen`}},
		// A mailto: URI has no fragment (RFC 6068): what follows # is
		// not the query the header check reads, but a mail program may
		// take "#&bcc=" for one.
		{"mailto: with a fragment", thesisAt(p, rec(with(thesis, "", `apply = "mailto:exjobb@kth.se#&bcc=annan@example.se"`))),
			[]string{p + `:9:9: apply: a mailto: link has nothing after #, not "#&bcc=annan@example.se", which a mail program may read as headers that send the mail to others too, unseen; remove it`}},
		{"mailto: with a fragment after its query", thesisAt(p, rec(with(thesis, "", `apply = "mailto:exjobb@kth.se?subject=x#"`))),
			[]string{p + `:9:9: apply: a mailto: link has nothing after #, not "#", which a mail program may read as headers that send the mail to others too, unseen; remove it`}},
		{"mailto: with an encoded second recipient", thesisAt(p, rec(with(thesis, "", `apply = "mailto:exjobb@kth.se%2Cspy%40evil.example"`))),
			[]string{p + `:9:9: apply must be an http(s) or mailto: URL, not "mailto:exjobb@kth.se%2Cspy%40evil.example"`}},
		{"email with a mailto: header", thesisAt(p, rec(with(thesis, "", `contacts = [{ role = "R", email = "a@kth.se?cc=spy%40evil.example" }]`))),
			[]string{p + `:9:35: contacts: "a@kth.se?cc=spy%40evil.example" is not an email address; write it like "name@kth.se"`}},
		{"mailto: with subject and body", thesisAt(p, rec(with(thesis, "", `apply = "mailto:exjobb@kth.se?subject=Ans%C3%B6kan&body=Hej"`))), nil},

		// Attachments.
		{"attachment with ..", thesisAt("content/agreements/x.md", agreement(`attachment = "../../config.toml"`)),
			[]string{`content/agreements/x.md:9:14: attachment must be the name of a file beside the record, not a path ("../../config.toml")`}},
		{"attachment absolute", thesisAt("content/agreements/x.md", agreement(`attachment = "/etc/passwd"`)),
			[]string{`content/agreements/x.md:9:14: attachment must be the name of a file beside the record, not a path ("/etc/passwd")`}},
		{"attachment in a sub-folder", thesisAt("content/agreements/x.md", agreement(`attachment = "sub/x.pdf"`), "content/agreements/sub/x.pdf", "%PDF"),
			[]string{
				`content/agreements/sub:1:1: folders inside a kind are not allowed; put the record beside the others`,
				`content/agreements/x.md:9:14: attachment must be the name of a file beside the record, not a path ("sub/x.pdf")`,
			}},
		{"attachment with a backslash", thesisAt("content/agreements/x.md", agreement(`attachment = "..\\..\\x.pdf"`)),
			[]string{`content/agreements/x.md:9:14: attachment must be the name of a file beside the record, not a path ("..\\..\\x.pdf")`}},
		{"hidden attachment", thesisAt("content/agreements/x.md", agreement(`attachment = ".x.pdf"`), "content/agreements/.x.pdf", "%PDF"),
			[]string{`content/agreements/x.md:9:14: attachment must be the name of a file beside the record, not a path (".x.pdf")`}},
		{"missing attachment", thesisAt("content/agreements/x.md", agreement(`attachment = "x.pdf"`)),
			[]string{`content/agreements/x.md:9:14: attachment "x.pdf" not found beside the record; check the name, or put the file in the same folder`}},
		// A file renamed (a new year) is suggested; it is then no stray.
		{"attachment renamed", thesisAt("content/agreements/x.md", agreement(`attachment = "avtal-2024.pdf"`), "content/agreements/avtal-2025.pdf", "%PDF"),
			[]string{`content/agreements/x.md:9:14: attachment "avtal-2024.pdf" not found beside the record; did you mean "avtal-2025.pdf"?`}},
		// Found on macOS and Windows, not on the server: said so on Linux.
		{"attachment that is HTML inside", thesisAt("content/agreements/x.md", agreement(`attachment = "x.pdf"`), "content/agreements/x.pdf", "<html><script>alert(1)</script></html>"),
			[]string{`content/agreements/x.md:9:14: attachment "x.pdf" is named as a PDF file but does not hold one; save the document as PDF again`}},
		{"attachment in capitals that is HTML inside", thesisAt("content/agreements/x.md", agreement(`attachment = "X.PDF"`), "content/agreements/X.PDF", "\n <!DOCTYPE html><p>x"),
			[]string{`content/agreements/x.md:9:14: attachment "X.PDF" is named as a PDF file but does not hold one; save the document as PDF again`}},
		{"PDF that is HTML at the start", thesisAt("content/agreements/x.md", agreement(`attachment = "x.pdf"`), "content/agreements/x.pdf", "<html>%PDF-1.4"),
			[]string{`content/agreements/x.md:9:14: attachment "x.pdf" is named as a PDF file but does not hold one; save the document as PDF again`}},
		{"Word file that is XML", thesisAt("content/agreements/x.md", agreement(`attachment = "x.docx"`), "content/agreements/x.docx", `<?xml version="1.0"?><svg/>`),
			[]string{`content/agreements/x.md:9:14: attachment "x.docx" is named as a Word file but does not hold one; save the document as Word again`}},
		{"text file that is HTML", thesisAt("content/agreements/x.md", agreement(`attachment = "x.txt"`), "content/agreements/x.txt", "<!doctype html><script>x</script>"),
			[]string{`content/agreements/x.md:9:14: attachment "x.txt" is named as a text file but does not hold one; save the document as text again`}},
		{"documents as they are", thesisAt("content/agreements/x.md", agreement(`attachment = "x.docx"`), "content/agreements/x.docx", "PK\x03\x04rest",
			"content/agreements/y.md", agreement(`attachment = "y.doc"`), "content/agreements/y.doc", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest",
			"content/agreements/z.md", agreement(`attachment = "z.csv"`), "content/agreements/z.csv", "a;b\n1;2\n",
			"content/agreements/w.md", agreement(`attachment = "w.rtf"`), "content/agreements/w.rtf", "{\\rtf1 x}",
			"content/agreements/v.md", agreement(`attachment = "v.pdf"`), "content/agreements/v.pdf", "\r\n%PDF-1.7"),
			nil},
		{"attachment in other capitals", thesisAt("content/agreements/x.md", agreement(`attachment = "Avtal.pdf"`), "content/agreements/avtal.pdf", "%PDF"),
			[]string{`content/agreements/x.md:9:14: attachment "Avtal.pdf" not found beside the record, but "avtal.pdf" is: capitals and small letters must be as in the file's name (macOS and Windows ignore the difference, the server does not)`}},
		{"image in other capitals", thesisAt(p, rec(thesis)+"![Karta](Karta.png)\n", "content/theses/karta.png", "x"),
			[]string{p + `:12:10: image "Karta.png" not found beside the record, but "karta.png" is: capitals and small letters must be as in the file's name (macOS and Windows ignore the difference, the server does not)`}},
		// Two files one folder of a Mac or a Windows PC cannot hold:
		// refused on Linux too, so that every system builds one site.
		{"names that differ only in case", thesisAt("content/agreements/x.md", agreement(`attachment = "avtal.pdf"`),
			"content/agreements/avtal.pdf", "%PDF", "content/agreements/y.md", agreement(`attachment = "Avtal.pdf"`), "content/agreements/Avtal.pdf", "%PDF"),
			[]string{`content/agreements/avtal.pdf:1:1: file name "avtal.pdf" differs from "Avtal.pdf" beside it only in capitals and small letters: macOS and Windows hold only one of the two; rename one`}},
		{"attachment of another record", thesisAt("content/agreements/x.md", agreement(`attachment = "y.md"`), "content/agreements/y.md", "+++\n"),
			[]string{
				`content/agreements/x.md:9:14: attachment "y.md" is a record, not an attachment`,
				`content/agreements/y.md:1:1: front matter is never closed: add a "+++" line after the last key`,
			}},
		{"stray file", thesisAt("content/agreements/x.md", agreement(""), "content/agreements/notes.txt", "x"),
			[]string{`content/agreements/notes.txt:1:1: file is neither a record (.md) nor an attachment or image that a record uses; remove it, or name it in a record`}},
		// A record saved by Notepad (which adds .txt) or with its
		// extension in capitals is told its name, not that it is no record.
		{"record saved as .md.txt", thesisAt("content/theses/b.md.txt", rec(thesis)),
			[]string{`content/theses/b.md.txt:1:1: "b.md.txt" is not read as a record, since a record's file name ends in .md in lower case; rename it "b.md"`}},
		{"record ending in .MD", thesisAt("content/theses/Energi.MD", rec(thesis), "content/theses/x.markdown", rec(thesis)),
			[]string{
				`content/theses/Energi.MD:1:1: "Energi.MD" is not read as a record, since a record's file name ends in .md in lower case; rename it "energi.md"`,
				`content/theses/x.markdown:1:1: "x.markdown" is not read as a record, since a record's file name ends in .md in lower case; rename it "x.md"`,
			}},

		// Folders and names.
		{"unknown kind folder", thesisAt("content/blog/a.md", rec(thesis)),
			[]string{`content/blog:1:1: unknown kind folder "blog"; move the files into one of: theses, internships, lectures, collaborations, agreements, exchanges, followups, pages`}},
		// A folder named as the site's address of a kind (/exjobb/), or
		// spelt near a kind: the folder meant is named.
		{"kind folder named as its address", thesisAt("content/exjobb/a.md", rec(thesis)),
			[]string{`content/exjobb:1:1: unknown kind folder "exjobb" (did you mean "theses"?); move the files into content/theses/`}},
		{"kind folder named as its English address", thesisAt("content/Internships/a.md", rec(thesis)),
			[]string{`content/Internships:1:1: unknown kind folder "Internships" (did you mean "internships"?); move the files into content/internships/`}},
		{"kind folder misspelt", thesisAt("content/thesis/a.md", rec(thesis)),
			[]string{`content/thesis:1:1: unknown kind folder "thesis" (did you mean "theses"?); move the files into content/theses/`}},
		// "+++" twice after the keys: the record is checked, and the line
		// reported, not published as text.
		{"closing fence twice", thesisAt(p, "+++\n"+thesis+"\n+++\n+++\n\nBody.\n"),
			[]string{p + `:10:1: "+++" twice after the keys: this line would be published as text; remove it`}},
		{"closing fence twice and an unknown key", thesisAt(p, "+++\n"+with(thesis, "", `sumary = "x"`)+"\n+++\n+++\n"),
			[]string{
				p + `:9:1: unknown key "sumary" (did you mean "summary"?)`,
				p + `:11:1: "+++" twice after the keys: this line would be published as text; remove it`,
			}},
		// Hugo's list page: one message, not the keys a record misses.
		{"Hugo's _index.md", thesisAt(p, rec(thesis), "content/theses/_index.md", "+++\ntitle = \"Exjobb\"\n+++\n", "content/_index.en.md", ""),
			[]string{
				`content/_index.en.md:1:1: _index.en.md is Hugo's list page, which this site does not read: it makes the list of each kind itself; remove the file (a page of its own goes in content/pages/)`,
				`content/theses/_index.md:1:1: _index.md is Hugo's list page, which this site does not read: it makes the list of each kind itself; remove the file (a page of its own goes in content/pages/)`,
			}},
		{"file outside a kind folder", thesisAt("content/a.md", rec(thesis)),
			[]string{`content/a.md:1:1: file outside a kind folder; move it into one of content/<kind>/`}},
		{"sub-folder", thesisAt("content/theses/sub/a.md", rec(thesis)),
			[]string{`content/theses/sub:1:1: folders inside a kind are not allowed; put the record beside the others`}},
		// A folder named by a year is no vim test file (4913): its records
		// were left out of the site without a word.
		{"sub-folder named by a year", thesisAt("content/theses/2026/a.md", rec(thesis)),
			[]string{`content/theses/2026:1:1: folders inside a kind are not allowed; put the record beside the others`}},
		{"kind folder named by a year", thesisAt("content/2026/a.md", rec(thesis)),
			[]string{`content/2026:1:1: unknown kind folder "2026"; move the files into one of: theses, internships, lectures, collaborations, agreements, exchanges, followups, pages`}},
		{"vim's test file", thesisAt(p, rec(thesis), "content/theses/4913", ""), nil},
		{"file name not a slug", thesisAt("content/theses/Energi_Data.md", rec(thesis)),
			[]string{`content/theses/Energi_Data.md:1:1: file name "Energi_Data" is not a valid slug (lowercase letters, digits and single hyphens); rename the file to energi-data.md, or set slug = "energi-data"`}},
		// The name an editor gives a file in the Explorer or the Finder, of
		// a record in English only: the suggestion keeps the language.
		{"file name with spaces", thesisAt("content/theses/Mitt Exjobb Åre.en.md", rec(thesis)),
			[]string{`content/theses/Mitt Exjobb Åre.en.md:1:1: file name "Mitt Exjobb Åre" is not a valid slug (lowercase letters, digits and single hyphens); rename the file to mitt-exjobb-are.en.md, or set slug = "mitt-exjobb-are"`}},
		{"file name with no slug in it", thesisAt("content/theses/___.md", rec(thesis)),
			[]string{`content/theses/___.md:1:1: file name "___" is not a valid slug (lowercase letters, digits and single hyphens); rename the file or set slug`}},
		{"unknown language suffix", thesisAt(p, rec(thesis), "content/theses/a.de.md", rec(`title = "Energiedaten"`)),
			[]string{`content/theses/a.de.md:1:1: unknown language suffix "de" (a translation is named <name>.<lang>.md with lang one of en)`}},
		{"default language suffix", thesisAt(p, rec(thesis), "content/theses/a.sv.md", rec(`title = "x"`)),
			[]string{`content/theses/a.sv.md:1:1: unknown language suffix "sv" (a translation is named <name>.<lang>.md with lang one of en)`}},

		// Slugs.
		{"duplicate slug from an override", thesisAt(p, rec(with(thesis, "", `slug = "b"`)), "content/theses/b.md", rec(thesis)),
			[]string{p + `:9:8: slug "b" is already used by content/theses/b.md; choose another`}},
		{"colliding slug overrides", thesisAt(p, rec(with(thesis, "", `slug = "same"`)), "content/theses/b.md", rec(with(thesis, "", `slug = "same"`))),
			[]string{`content/theses/b.md:9:8: slug "same" is already used by content/theses/a.md; choose another`}},
		{"same slug in two kinds", thesisAt(p, rec(thesis), "content/lectures/a.md", rec(lecture)),
			nil},
		{"invalid slug override", thesisAt(p, rec(with(thesis, "", `slug = "../../index"`))),
			[]string{p + `:9:8: slug "../../index" must be lowercase letters, digits and single hyphens; write slug = "index"`}},
		{"invalid slug with no slug in it", thesisAt(p, rec(with(thesis, "", `slug = "--"`))),
			[]string{p + `:9:8: slug "--" must be lowercase letters, digits and single hyphens`}},
		// "Con" would be the name Windows reserves: no suggestion.
		{"invalid slug mended to a reserved name", thesisAt(p, rec(with(thesis, "", `slug = "Con"`))),
			[]string{p + `:9:8: slug "Con" must be lowercase letters, digits and single hyphens`}},
		{"slug override with upper case", thesisAt(p, rec(with(thesis, "", `slug = "Energi"`))),
			[]string{p + `:9:8: slug "Energi" must be lowercase letters, digits and single hyphens; write slug = "energi"`}},

		// Translations.
		{"translation disagrees", thesisAt(p, rec(thesis), "content/theses/a.en.md", rec(`title = "Energy data"`, "deadline = 2026-05-01")),
			[]string{`content/theses/a.en.md:3:1: deadline differs from content/theses/a.md; a translation inherits it, so remove it here`}},
		{"translation agrees", thesisAt(p, rec(thesis), "content/theses/a.en.md", rec(`title = "Energy data"`, "deadline = 2026-04-30", `host = "kth"`)),
			nil},
		{"translation sets a key the record lacks", thesisAt(p, rec(thesis), "content/theses/a.en.md", rec(`title = "Energy data"`, `location = "Stockholm"`)),
			[]string{`content/theses/a.en.md:3:1: location is not set in content/theses/a.md; a translation sets only title, summary and aliases`}},
		{"translation with a slug", thesisAt(p, rec(thesis), "content/theses/a.en.md", rec(`title = "Energy data"`, `slug = "energy"`)),
			[]string{`content/theses/a.en.md:3:1: slug is not set in content/theses/a.md; a translation sets only title, summary and aliases`}},
		{"translation without a title", thesisAt(p, rec(thesis), "content/theses/a.en.md", rec(`summary = "x"`)),
			[]string{`content/theses/a.en.md:1:1: missing required key "title"; add a line that starts with title =`}},
		{"translation with an unknown key", thesisAt(p, rec(thesis), "content/theses/a.en.md", rec(`title = "x"`, `titel = "y"`)),
			[]string{`content/theses/a.en.md:3:1: unknown key "titel" (did you mean "title"?)`}},
		{"translation with a misspelt title", thesisAt(p, rec(thesis), "content/theses/a.en.md", rec(`titel = "x"`)),
			[]string{`content/theses/a.en.md:2:1: unknown key "titel" (did you mean "title"?)`}},
		{"translation with a bad title", thesisAt(p, rec(thesis), "content/theses/a.en.md", rec(`title = ""`, "summary = 1")),
			[]string{`content/theses/a.en.md:2:9: title must not be empty; write its text between the quotes`, `content/theses/a.en.md:3:11: summary must be text in straight quotes, like "One sentence about the record"`}},
		{"translation of a broken record", thesisAt(p, rec(with(thesis, "deadline = 2026-04-30", "deadline = 2026-02-30")), "content/theses/a.en.md", rec(`title = "x"`)),
			[]string{p + `:8:12: deadline: 2026-02-30 does not exist – February 2026 has 28 days`}},
		{"broken translation", thesisAt(p, rec(thesis), "content/theses/a.en.md", rec(`title = "x`, `slug = "b"`)),
			[]string{
				`content/theses/a.en.md:2:9: title: the text has no closing quote – end it with " on the same line`,
				`content/theses/a.en.md:3:1: slug is not set in content/theses/a.md; a translation sets only title, summary and aliases`,
			}},

		{"the zero time", thesisAt("content/lectures/l.md", rec(with(lecture, "start = 2026-03-12T15:15:00", "start = 0001-01-01T00:00:00Z"))),
			[]string{`content/lectures/l.md:5:9: start 0001-01-01T00:00:00Z is the zero time, which the program reads as no date; write the real date`}},

		// Aliases.
		{"aliases", thesisAt(p, rec(with(thesis, "", `aliases = ["/exjobb/gammal/", "/old.html", "/a/index.html"]`)), "content/theses/a.en.md", rec(`title = "x"`, `aliases = ["/en/theses/old/"]`)),
			nil},
		{"alias not a site path", thesisAt(p, rec(with(thesis, "", `aliases = ["exjobb/x/", "/exjobb/../x/", "/x", "/x y/", "/x/{y}/", "/.git/", "https://x.se/"]`))),
			[]string{
				p + `:9:12: alias "exjobb/x/" must be a site path like "/exjobb/old-name/": letters, digits and - _ . ~ between slashes, ending in / or .html`,
				p + `:9:25: alias "/exjobb/../x/" must be a site path like "/exjobb/old-name/": letters, digits and - _ . ~ between slashes, ending in / or .html`,
				p + `:9:42: alias "/x" must be a site path like "/exjobb/old-name/": letters, digits and - _ . ~ between slashes, ending in / or .html`,
				p + `:9:48: alias "/x y/" must be a site path like "/exjobb/old-name/": letters, digits and - _ . ~ between slashes, ending in / or .html`,
				p + `:9:57: alias "/x/{y}/" must be a site path like "/exjobb/old-name/": letters, digits and - _ . ~ between slashes, ending in / or .html`,
				p + `:9:68: alias "/.git/" must be a site path like "/exjobb/old-name/": letters, digits and - _ . ~ between slashes, ending in / or .html`,
				p + `:9:78: alias "https://x.se/" must be a site path like "/exjobb/old-name/": letters, digits and - _ . ~ between slashes, ending in / or .html`,
			}},
		{"alias too long to be a file", thesisAt(p, rec(with(thesis, "", `aliases = ["/`+strings.Repeat("a", 199)+`/"]`))),
			[]string{p + `:9:12: alias "/` + strings.Repeat("a", 59) + `…" is longer than 200 characters; shorten it`}},
		{"alias with a name reserved on Windows", thesisAt(p, rec(with(thesis, "", `aliases = ["/exjobb/con/", "/prn/x/", "/a/lpt1.html", "/Aux.txt/", "/x./", "/com1x/", "/con-x/"]`))),
			[]string{
				p + `:9:12: alias "/exjobb/con/" has the name "con", which Windows reserves, where the site must build too; choose another`,
				p + `:9:28: alias "/prn/x/" has the name "prn", which Windows reserves, where the site must build too; choose another`,
				p + `:9:39: alias "/a/lpt1.html" has the name "lpt1.html", which Windows reserves, where the site must build too; choose another`,
				p + `:9:55: alias "/Aux.txt/" has the name "Aux.txt", which Windows reserves, where the site must build too; choose another`,
				p + `:9:68: alias "/x./" has the name "x.", which ends in a dot, which Windows drops; choose another`,
			}},
		{"a list with a number in it", thesisAt(p, rec(with(thesis, `areas = ["energi"]`, `areas = ["energi", 5]`))),
			[]string{p + `:4:20: areas must list only texts in quotes, like ["a", "b"]`}},
		{"translation aliases with a number in them", thesisAt(p, rec(thesis), "content/theses/a.en.md", rec(`title = "x"`, `aliases = ["/en/x/", 1]`)),
			[]string{`content/theses/a.en.md:3:22: aliases must list only texts in quotes, like ["a", "b"]`}},
		{"aliases not a list", thesisAt(p, rec(with(thesis, "", `aliases = "/x/"`))),
			[]string{p + `:9:11: aliases must be a list in square brackets, like ["a", "b"]`}},
		{"translation alias not a site path", thesisAt(p, rec(thesis), "content/theses/a.en.md", rec(`title = "x"`, `aliases = ["/en/x;"]`)),
			[]string{`content/theses/a.en.md:3:12: alias "/en/x;" must be a site path like "/exjobb/old-name/": letters, digits and - _ . ~ between slashes, ending in / or .html`}},
		{"translation aliases not a list", thesisAt(p, rec(thesis), "content/theses/a.en.md", rec(`title = "x"`, `aliases = 1`)),
			[]string{`content/theses/a.en.md:3:11: aliases must be a list in square brackets, like ["a", "b"]`}},

		// Confidential and agreements.
		{"terminated without a date", thesisAt("content/agreements/x.md", agreement(`status = "terminated"`)),
			[]string{`content/agreements/x.md:8:10: a terminated agreement needs the date it ended: add terminated = YYYY-MM-DD`}},
		{"confidential not a bool", thesisAt("content/agreements/x.md", agreement(`confidential = "yes"`)),
			[]string{`content/agreements/x.md:9:16: confidential must be true (yes) or false (no), without quotes`}},
		{"confidential in quotes", thesisAt("content/agreements/x.md", agreement(`confidential = "true"`)),
			[]string{`content/agreements/x.md:9:16: confidential must be written true, without quotes`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, got := load(t, mapFS(c.files))
			if !slices.Equal(got, c.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}
