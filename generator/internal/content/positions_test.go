package content

import "testing"

// TestValidRecordsNotScanned checks that loading records without problems
// asks for no key's position: the positions of a file are scanned when
// first asked for, and a build of 10,000 records that asked for every
// record's held 70 MiB more at its peak. The records hold what a check
// of a key's form could ask about: lists, inline tables, a translation,
// a decoder's full TOML (a comment, which the quick reader leaves to it).
func TestValidRecordsNotScanned(t *testing.T) {
	set, errs := load(t, mapFS(map[string]string{
		"content/theses/a.md":     rec(thesis, `contacts = [{ role = "Handledare", email = "a@kth.se" }]`, `schools = ["abe"]`),
		"content/theses/b.md":     rec(thesis, "# a comment the quick reader leaves to the decoder", `language = ["sv", "en"]`),
		"content/theses/b.en.md":  rec(`title = "Energy data"`),
		"content/agreements/c.md": agreement(`signatories = [{ name = "A", title = "Rektor", org = "kth" }]`),
		"content/lectures/d.md":   rec(lecture),
	}))
	if errs != nil {
		t.Fatal(errs)
	}
	for _, r := range set.Records {
		for _, v := range r.Versions {
			if v.Pos.Scanned() {
				t.Errorf("%s: the positions of its keys were scanned, though it has no problem", v.Path)
			}
		}
	}
}
