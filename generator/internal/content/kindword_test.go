package content

import "testing"

// TestKindWordsSwedish: a message that names a kind's records in running
// text says it in Swedish words in Swedish ("exjobb"), and the folder,
// a path, as it is in the file tree.
func TestKindWordsSwedish(t *testing.T) {
	for _, c := range []struct {
		name, path, file string
		en, sv           string
	}{
		{"lecture in the theses folder", "content/theses/l.md", rec(lecture),
			`content/theses/l.md:1:1: this record has the keys of lectures (end, place, registration, speaker), not of theses: move the file to content/lectures/`,
			`content/theses/l.md:1:1: posten har nycklar som hör till gästföreläsningar (end, place, registration, speaker), inte till exjobb – flytta filen till content/lectures/`},
		{"key of another kind", "content/theses/t.md", rec(with(thesis, "", `speaker = "Anna"`)),
			`content/theses/t.md:9:1: unknown key "speaker": theses do not have it`,
			`content/theses/t.md:9:1: nyckeln "speaker" finns inte för exjobb – ta bort den`},
		{"thesis in the followups folder", "content/followups/t.md", rec(with(thesis, "", `students = 2`)),
			`content/followups/t.md:1:1: this record has the keys of theses (credits, deadline, host, level, students), not of followups: move the file to content/theses/`,
			`content/followups/t.md:1:1: posten har nycklar som hör till exjobb (credits, deadline, host, level, students), inte till årliga uppföljningar – flytta filen till content/theses/`},
	} {
		t.Run(c.name, func(t *testing.T) {
			loadOneProblem(t, map[string]string{c.path: c.file}, testConfig(t), c.en, c.sv)
		})
	}
}
