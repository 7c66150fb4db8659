package sources

import (
	"testing"

	"portal/generator/internal/diag"
)

func TestIgnored(t *testing.T) {
	for _, c := range []struct {
		name string
		want bool
	}{
		{".DS_Store", true}, {"Thumbs.db", true}, {"thumbs.db", true}, {"ehthumbs.db", true},
		{"desktop.ini", true}, {"Desktop.ini", true}, {"Icon\r", true}, {"~$avtal.docx", true},
		{"a.md~", true}, {"#a.md#", true}, {".#a.md", true}, {".a.md.swp", true}, {"a.md.swx", true},
		{"a.md.bak", true}, {"a.tmp", true}, {"a.md.kate-swp", true}, {"a.md___jb_tmp___", true},
		{"4913", true}, {"", true},
		{"a.md", false}, {"Icon", false}, {"thumbs.md", false}, {"2026.md", false}, {"a~b.md", false},
	} {
		if got := Ignored(c.name, false); got != c.want {
			t.Errorf("Ignored(%q, false) = %v, want %v", c.name, got, c.want)
		}
	}
	// A folder named by digits (a year) is no vim test file.
	for _, c := range []struct {
		name string
		want bool
	}{{"2026", false}, {"4913", false}, {".git", true}, {"x~", true}, {"a", false}} {
		if got := Ignored(c.name, true); got != c.want {
			t.Errorf("Ignored(%q, true) = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestCheckName(t *testing.T) {
	const reserved = " is reserved on Windows, where the site must build too; rename it"
	for _, c := range []struct {
		name, want string
	}{
		{"a.md", ""}, {"con-ferens.md", ""}, {"console.md", ""}, {"com0.md", ""}, {"com10.md", ""},
		{"lpt.md", ""}, {"nullable.md", ""}, {"år.md", ""},
		{"con", `file name "con"` + reserved}, {"CON.md", `file name "CON.md"` + reserved},
		{"nul.en.md", `file name "nul.en.md"` + reserved}, {"aux.pdf", `file name "aux.pdf"` + reserved},
		{"prn .md", `file name "prn .md"` + reserved}, {"com9", `file name "com9"` + reserved},
		{"Lpt1.txt", `file name "Lpt1.txt"` + reserved}, {"com¹.md", `file name "com¹.md"` + reserved},
		{"a.", `file name "a." ends in a dot or a space, which Windows drops; rename it`},
		{"a ", `file name "a " ends in a dot or a space, which Windows drops; rename it`},
		{`a\b.md`, `file name "a\\b.md" contains one of <>:"|?*\, which Windows does not allow; rename it`},
		{"a?.md", `file name "a?.md" contains one of <>:"|?*\, which Windows does not allow; rename it`},
		{"a\nb", `file name "a\nb" contains a control character; rename it`},
		{"a\x00", `file name "a\x00" contains a control character; rename it`},
		{"a\x7f", `file name "a\x7f" contains a control character; rename it`},
		{"a\u0085", `file name "a\u0085" contains a control character; rename it`},
		{"a\u2029", `file name "a\u2029" contains a control character; rename it`},
		{"a\x9b", `file name "a\x9b" is not valid UTF-8; rename it`},
	} {
		if got := CheckName(c.name).Text(diag.English); got != c.want {
			t.Errorf("CheckName(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestCheck(t *testing.T) {
	for _, c := range []struct {
		path, want string
	}{
		{"content/theses/con.md", `content/theses/con.md:1:1: file name "con.md" is reserved on Windows, where the site must build too; rename it`},
		{"templates/pages/a\n.html", `templates/pages:1:1: file name "a\n.html" contains a control character; rename it`},
		{"content/theses/a.md", ""},
	} {
		e, ok := Check(c.path)
		got := ""
		if !ok {
			got = e.Error()
		}
		if got != c.want {
			t.Errorf("Check(%q) = %q, want %q", c.path, got, c.want)
		}
	}
}
