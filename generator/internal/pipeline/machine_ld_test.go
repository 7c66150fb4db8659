package pipeline

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"portal/generator/internal/site"
)

// ldScripts returns the JSON-LD objects of a page.
func ldScripts(t *testing.T, html []byte) []map[string]any {
	t.Helper()
	var out []map[string]any
	const open = `<script type="application/ld+json">`
	rest := string(html)
	for {
		i := strings.Index(rest, open)
		if i < 0 {
			return out
		}
		rest = rest[i+len(open):]
		j := strings.Index(strings.ToLower(rest), "</script")
		if j < 0 {
			t.Fatal("unterminated ld+json script")
		}
		body := rest[:j]
		if strings.Contains(body, "<!--") || strings.Contains(strings.ToLower(body), "<script") {
			t.Errorf("script content holds markup: %s", body)
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(body), &m); err != nil {
			t.Fatalf("ld+json is not JSON: %v\n%s", err, body)
		}
		out = append(out, m)
		rest = rest[j:]
	}
}

func oneLD(t *testing.T, b *built, url, typ string) map[string]any {
	t.Helper()
	lds := ldScripts(t, b.file(t, url))
	if len(lds) != 1 {
		t.Fatalf("%s: %d ld+json scripts, want 1", url, len(lds))
	}
	ld := lds[0]
	if ld["@context"] != "https://schema.org" || ld["@type"] != typ {
		t.Fatalf("%s: @context %v @type %v, want %s", url, ld["@context"], ld["@type"], typ)
	}
	return ld
}

func field(m map[string]any, path ...string) any {
	var v any = m
	for _, p := range path {
		mm, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = mm[p]
	}
	return v
}

// TestStructuredData checks the JSON-LD of the home pages (Organization),
// lectures (Event) and internships (JobPosting), and that no other page
// has any.
func TestStructuredData(t *testing.T) {
	b := buildFixture(t, fixture(t, "testdata/sites/basic"))
	for _, lang := range []string{"sv", "en"} {
		home := b.l.Site.Prefix(lang)
		org := oneLD(t, b, home, "Organization")
		if org["url"] != b.l.Site.Abs(home) || org["name"] != b.l.Cfg.Title[lang] {
			t.Errorf("%s: organisation %v", home, org)
		}
		members, _ := org["member"].([]any)
		var names []string
		for _, m := range members {
			names = append(names, field(m.(map[string]any), "name").(string)+"/"+field(m.(map[string]any), "@type").(string))
		}
		want := map[string][]string{
			"sv": {"KTH/CollegeOrUniversity", "Stockholms stad/GovernmentOrganization"},
			"en": {"KTH Royal Institute of Technology/CollegeOrUniversity", "City of Stockholm/GovernmentOrganization"},
		}[lang]
		if !slices.Equal(names, want) {
			t.Errorf("%s: members %v, want %v", home, names, want)
		}
	}

	ev := oneLD(t, b, "/gastforelasningar/smarta-kartor/", "Event")
	for k, want := range map[string]any{
		"name":                "Smarta kartor, data; och staden",
		"startDate":           "2026-12-03T13:15:00+01:00",
		"endDate":             "2026-12-03T15:00:00+01:00",
		"eventStatus":         "https://schema.org/EventScheduled",
		"eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
		"url":                 "https://test.example.se/gastforelasningar/smarta-kartor/",
		"inLanguage":          "sv",
	} {
		if ev[k] != want {
			t.Errorf("Event %s = %v, want %v", k, ev[k], want)
		}
	}
	if field(ev, "location", "@type") != "Place" || field(ev, "location", "name") != "KTH, sal Q2" {
		t.Errorf("Event location %v", ev["location"])
	}
	if field(ev, "organizer", "@type") != "Organization" || field(ev, "organizer", "name") != "Testportal" {
		t.Errorf("Event organizer %v", ev["organizer"])
	}
	if c := oneLD(t, b, "/gastforelasningar/installd/", "Event"); c["eventStatus"] != "https://schema.org/EventCancelled" ||
		c["startDate"] != "2027-01-20T10:15:00+01:00" {
		t.Errorf("cancelled Event: %v %v", c["eventStatus"], c["startDate"])
	}

	job := oneLD(t, b, "/praktik/sommarpraktik/", "JobPosting")
	for k, want := range map[string]any{
		"title":          "Sommarpraktik på Trafikkontoret",
		"description":    "Praktik under sommaren.",
		"datePosted":     "2026-10-20",                // its publishDate, later than its date 2026-10-15
		"validThrough":   "2027-02-02T00:00:00+01:00", // the deadline 2027-02-01 ends at midnight, Stockholm time
		"employmentType": "INTERN",
		"url":            "https://test.example.se/praktik/sommarpraktik/",
	} {
		if job[k] != want {
			t.Errorf("JobPosting %s = %v, want %v", k, job[k], want)
		}
	}
	if field(job, "hiringOrganization", "name") != "Trafikkontoret" || field(job, "hiringOrganization", "@type") != "Organization" {
		t.Errorf("JobPosting hiringOrganization %v", job["hiringOrganization"])
	}
	if _, ok := job["jobLocation"]; ok {
		t.Errorf("JobPosting has a jobLocation but the record has no location")
	}

	for _, p := range b.l.Site.Pages {
		if p.Type == site.HomePage || p.Entry != nil && (p.Entry.Kind == "lectures" || p.Entry.Kind == "internships") {
			continue
		}
		if lds := ldScripts(t, b.file(t, p.URL)); len(lds) != 0 {
			t.Errorf("%s: unexpected structured data %v", p.URL, lds)
		}
	}
}

// TestStructuredDataEscaping puts markup that would end the script element
// into a title, a place and a location: the JSON-LD still parses and gives
// the text back unchanged.
func TestStructuredDataEscaping(t *testing.T) {
	title := `Kartor </script><script>alert(1)</script> <!-- & "citat"` + "\u2028rad"
	dir := copySite(t, "testdata/sites/basic", map[string]string{
		"content/lectures/farlig.md": "+++\ntitle = '" + title + "'\ndate = 2026-10-01\nareas = [\"trafik\"]\n" +
			"start = 2026-12-10T13:15:00+01:00\nend = 2026-12-10T15:00:00+01:00\nplace = \"Sal </SCRIPT> 1\"\nspeaker = \"X\"\n+++\n\nText.\n",
		"content/internships/plats.md": "+++\ntitle = \"Praktik </script>\"\ndate = 2026-10-15\nareas = [\"trafik\"]\n" +
			"host = \"trafikkontoret\"\ndeadline = 2027-03-31\nlocation = \"Kista </script>\"\n+++\n\nPraktik.\n",
	})
	b := buildFixture(t, fixture(t, dir))
	ev := oneLD(t, b, "/gastforelasningar/farlig/", "Event")
	if ev["name"] != title || field(ev, "location", "name") != "Sal </SCRIPT> 1" {
		t.Errorf("Event name %q, location %v", ev["name"], ev["location"])
	}
	job := oneLD(t, b, "/praktik/plats/", "JobPosting")
	if job["title"] != "Praktik </script>" || job["validThrough"] != "2027-04-01T00:00:00+02:00" {
		t.Errorf("JobPosting title %q validThrough %v", job["title"], job["validThrough"])
	}
	if field(job, "jobLocation", "address", "addressLocality") != "Kista </script>" ||
		field(job, "jobLocation", "address", "@type") != "PostalAddress" {
		t.Errorf("JobPosting jobLocation %v", job["jobLocation"])
	}
}
