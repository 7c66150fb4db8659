package content

import (
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	big := "+++\ntitle = \"x\"\n+++\n" + strings.Repeat("a", MaxFileSize)
	exact := big[:MaxFileSize]
	for _, c := range []struct {
		name, src   string
		front, body string
		bodyLine    int
		err         string // the whole error line; "" when accepted
	}{
		{name: "plain", src: "+++\ntitle = \"x\"\n+++\nbody\n",
			front: "title = \"x\"\n", body: "body\n", bodyLine: 4},
		{name: "CRLF", src: "+++\r\ntitle = \"x\"\r\n+++\r\nbody\r\n",
			front: "title = \"x\"\r\n", body: "body\r\n", bodyLine: 4},
		{name: "BOM", src: "\xef\xbb\xbf+++\ntitle = \"x\"\n+++\nbody",
			front: "title = \"x\"\n", body: "body", bodyLine: 4},
		{name: "trailing blanks on the fences", src: "+++ \t\na = 1\n+++  \n\nbody",
			front: "a = 1\n", body: "\nbody", bodyLine: 4},
		{name: "empty front matter", src: "+++\n+++\nbody",
			front: "", body: "body", bodyLine: 3},
		{name: "no body", src: "+++\na = 1\n+++",
			front: "a = 1\n", body: "", bodyLine: 4},
		{name: "fence in the body", src: "+++\na = 1\n+++\nx\n+++\ny\n",
			front: "a = 1\n", body: "x\n+++\ny\n", bodyLine: 4},
		{name: "exactly the size limit", src: exact,
			front: "title = \"x\"\n", body: exact[len("+++\ntitle = \"x\"\n+++\n"):], bodyLine: 4},
		{name: "empty file", src: "",
			err: `content/theses/a.md:1:1: front matter missing: a record starts with a "+++" line`},
		{name: "no fence", src: "title = \"x\"\n",
			err: `content/theses/a.md:1:1: front matter missing: a record starts with a "+++" line`},
		{name: "YAML fence", src: "---\ntitle: x\n---\n",
			err: `content/theses/a.md:1:1: "---" starts front matter in YAML, as in Hugo; this site reads it between "+++" lines, each key written key = "value" – write +++ on the first line and after the keys`},
		{name: "YAML fence with blanks", src: "--- \ntitle: x\n",
			err: `content/theses/a.md:1:1: "---" starts front matter in YAML, as in Hugo; this site reads it between "+++" lines, each key written key = "value" – write +++ on the first line and after the keys`},
		{name: "closed by Hugo's YAML fence", src: "+++\na = 1\n---\n\nbody\n\n---\n",
			err: `content/theses/a.md:3:1: "---" is not the closing "+++" line – write +++ alone on the line`},
		{name: "four pluses", src: "++++\na = 1\n++++\n",
			err: `content/theses/a.md:1:1: front matter missing: a record starts with a "+++" line`},
		{name: "indented fence", src: " +++\na = 1\n+++\n",
			err: `content/theses/a.md:1:1: front matter missing: a record starts with a "+++" line`},
		{name: "blank line first", src: "\n+++\na = 1\n+++\n",
			err: `content/theses/a.md:1:1: front matter missing: a record starts with a "+++" line`},
		// "+++" twice at the top: reported at the second, not as every
		// required key missing.
		{name: "fence twice at the top", src: "+++\n+++\ntitle = \"x\"\n+++\n\nbody\n",
			err: `content/theses/a.md:2:1: "+++" twice at the top: this line ends the front matter before its keys; remove it`},
		{name: "fence twice at the top, CRLF and a blank line", src: "+++\r\n\r\n+++ \r\ntitle = \"x\"\r\n+++\r\nbody\r\n",
			err: `content/theses/a.md:3:1: "+++" twice at the top: this line ends the front matter before its keys; remove it`},
		{name: "never closed", src: "+++\ntitle = \"x\"\nbody\n",
			err: `content/theses/a.md:1:1: front matter is never closed: add a "+++" line after the last key`},
		// A closing fence mistyped: reported at it, not at the opening.
		{name: "closing fence of two pluses", src: "+++\ntitle = \"x\"\n++\n\nbody\n",
			err: `content/theses/a.md:3:1: "++" is not the closing "+++" line – write +++ alone on the line`},
		{name: "closing fence of four pluses", src: "+++\ntitle = \"x\"\n++++\nbody\n",
			err: `content/theses/a.md:3:1: "++++" is not the closing "+++" line – write +++ alone on the line`},
		{name: "closing fence indented", src: "+++\ntitle = \"x\"\n  +++\nbody\n",
			err: `content/theses/a.md:3:1: "  +++" is not the closing "+++" line – write +++ alone on the line`},
		{name: "closing fence with more on the line", src: "+++\ntitle = \"x\"\n+++ Brödtext\n",
			err: `content/theses/a.md:3:1: "+++ Brödtext" is not the closing "+++" line – write +++ alone on the line`},
		{name: "only a fence", src: "+++",
			err: `content/theses/a.md:1:1: front matter is never closed: add a "+++" line after the last key`},
		{name: "only a fence and CR", src: "+++\r\n",
			err: `content/theses/a.md:1:1: front matter is never closed: add a "+++" line after the last key`},
		{name: "over the size limit", src: big,
			err: `content/theses/a.md:1:1: file is larger than 1 MiB; split the text, or put large parts in an attachment`},
		{name: "invalid UTF-8", src: "+++\ntitle = \"x\"\n+++\nåäö \xff\n",
			err: `content/theses/a.md:4:5: invalid UTF-8; save the file as UTF-8`},
		{name: "Latin-1 file", src: "+++\ntitle = \"R\xe4ksm\xf6rg\xe5s\"\n+++\n",
			err: `content/theses/a.md:2:11: invalid UTF-8; save the file as UTF-8`},
		// Notepad's "Unicode" (UTF-16 LE), with its byte order mark or
		// without, and UTF-16 BE: said as such at the top of the file,
		// not at the first letter outside ASCII (or the first NUL).
		{name: "UTF-16 file", src: "\xff\xfe+\x00+\x00+\x00\n\x00",
			err: `content/theses/a.md:1:1: the file is saved as UTF-16 (Unicode); save it again as UTF-8`},
		{name: "UTF-16 BE file", src: "\xfe\xff\x00+\x00+\x00+\x00\n",
			err: `content/theses/a.md:1:1: the file is saved as UTF-16 (Unicode); save it again as UTF-8`},
		{name: "UTF-16 LE without its mark, ASCII only", src: "+\x00+\x00+\x00\n\x00t\x00=\x00",
			err: `content/theses/a.md:1:1: the file is saved as UTF-16 (Unicode); save it again as UTF-8`},
		{name: "UTF-16 LE without its mark, å in line 2", src: "+\x00+\x00+\x00\n\x00t\x00=\x00\xe5\x00",
			err: `content/theses/a.md:1:1: the file is saved as UTF-16 (Unicode); save it again as UTF-8`},
		{name: "UTF-16 BE without its mark", src: "\x00+\x00+\x00+\x00\n",
			err: `content/theses/a.md:1:1: the file is saved as UTF-16 (Unicode); save it again as UTF-8`},
		{name: "a NUL in the first line is no UTF-16", src: "+++\x00\ntitle = \"x\"\n+++\n",
			err: `content/theses/a.md:1:4: the file holds a NUL character, which does not belong in a text file; save it again as plain text`},
		{name: "NUL byte", src: "+++\ntitle = \"x\"\n+++\nab\x00c\n",
			err: `content/theses/a.md:4:3: the file holds a NUL character, which does not belong in a text file; save it again as plain text`},
	} {
		t.Run(c.name, func(t *testing.T) {
			front, body, bodyLine, err := Split("content/theses/a.md", []byte(c.src))
			if c.err != "" {
				if err == nil || err.Error() != c.err {
					t.Fatalf("got error %v, want %s", err, c.err)
				}
				if front != nil || body != nil || bodyLine != 0 {
					t.Errorf("an error also returns parts")
				}
				return
			}
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if string(front) != c.front || string(body) != c.body || bodyLine != c.bodyLine {
				t.Errorf("got front %q body %.40q line %d, want %q %.40q %d", front, body, bodyLine, c.front, c.body, c.bodyLine)
			}
		})
	}
}

func TestFenceTwice(t *testing.T) {
	const p = "content/theses/a.md"
	for _, c := range []struct{ name, body, want string }{
		{"after the closing fence", "+++\n\nText.\n", p + `:4:1: "+++" twice after the keys: this line would be published as text; remove it`},
		{"after a blank line, CRLF", "\r\n+++ \r\nText.\r\n", p + `:5:1: "+++" twice after the keys: this line would be published as text; remove it`},
		{"in the text", "Text.\n\n+++\n", ""},
		{"none", "\nText.\n", ""},
		{"empty", "", ""},
	} {
		got := fenceTwice(p, []byte(c.body), 4)
		if c.want == "" && len(got) > 0 || c.want != "" && (len(got) != 1 || got[0].Error() != c.want) {
			t.Errorf("%s: got %v, want %q", c.name, got, c.want)
		}
	}
}
