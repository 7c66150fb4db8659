package content

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"portal/generator/internal/diag"
)

// TestLoadFileNames: a name that Windows cannot hold, or that holds a
// control character, is a positioned error with the name quoted (so that
// no line of check can be forged); the files that desktops and editors
// drop into folders are ignored. Each case lists every error line.
func TestLoadFileNames(t *testing.T) {
	cfg := testConfig(t)
	good := rec(thesis)
	for _, c := range []struct {
		name string
		file string // beside a valid content/theses/ok.md
		data string
		want []string
	}{
		{"device name", "con.md", good, []string{`content/theses/con.md:1:1: file name "con.md" is reserved on Windows, where the site must build too; rename it`}},
		{"device name in capitals", "NUL.md", good, []string{`content/theses/NUL.md:1:1: file name "NUL.md" is reserved on Windows, where the site must build too; rename it`}},
		{"device name of a translation", "aux.en.md", good, []string{`content/theses/aux.en.md:1:1: file name "aux.en.md" is reserved on Windows, where the site must build too; rename it`}},
		{"device name without extension", "prn", "x", []string{`content/theses/prn:1:1: file name "prn" is reserved on Windows, where the site must build too; rename it`}},
		{"serial port", "com1.md", good, []string{`content/theses/com1.md:1:1: file name "com1.md" is reserved on Windows, where the site must build too; rename it`}},
		{"printer port attachment", "lpt9.pdf", "x", []string{`content/theses/lpt9.pdf:1:1: file name "lpt9.pdf" is reserved on Windows, where the site must build too; rename it`}},
		{"trailing dot", "a.md.", good, []string{`content/theses/a.md.:1:1: file name "a.md." ends in a dot or a space, which Windows drops; rename it`}},
		{"trailing space", "a.md ", good, []string{`content/theses/a.md :1:1: file name "a.md " ends in a dot or a space, which Windows drops; rename it`}},
		{"character Windows refuses", "a:b.md", good, []string{`content/theses/a:b.md:1:1: file name "a:b.md" contains one of <>:"|?*\, which Windows does not allow; rename it`}},
		{"newline forging a line", "a.md:1:1: ok\nb.md", good, []string{`content/theses:1:1: file name "a.md:1:1: ok\nb.md" contains a control character; rename it`}},
		{"carriage return", "a\r.md", good, []string{`content/theses:1:1: file name "a\r.md" contains a control character; rename it`}},
		{"terminal escape", "a\x1b[2K.md", good, []string{`content/theses:1:1: file name "a\x1b[2K.md" contains a control character; rename it`}},
		{"line separator", "a\u2028b.md", good, []string{`content/theses:1:1: file name "a\u2028b.md" contains a control character; rename it`}},
		{"invalid UTF-8", "a\xff.md", good, []string{`content/theses:1:1: file name "a\xff.md" is not valid UTF-8; rename it`}},
		{"control character in a folder", "x\ny/a.md", good, []string{`content/theses:1:1: file name "x\ny" contains a control character; rename it`}},
		{"device slug", "b.md", rec(thesis, `slug = "con"`), []string{`content/theses/b.md:9:8: slug "con" is a name reserved on Windows, where the site must build too; choose another`}},
		{"device slug com", "b.md", rec(thesis, `slug = "com7"`), []string{`content/theses/b.md:9:8: slug "com7" is a name reserved on Windows, where the site must build too; choose another`}},
		{"not a device: console", "console.md", good, nil},
		{"not a device: com10", "com10.md", good, nil},
		{"macOS folder settings", ".DS_Store", "\x00\x00\x00\x01Bud1", nil},
		{"macOS folder icon", "Icon\r", "", nil},
		{"Windows thumbnails", "Thumbs.db", "x", nil},
		{"Windows folder settings", "desktop.ini", "[.ShellClassInfo]", nil},
		{"Office lock file", "~$avtal.docx", "x", nil},
		{"backup", "ok.md~", good, nil},
		{"emacs autosave", "#ok.md#", good, nil},
		{"vim swap", ".ok.md.swp", "x", nil},
		{"backup copy", "ok.md.bak", good, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"content/theses/ok.md":     {Data: []byte(good)},
				"content/theses/" + c.file: {Data: []byte(c.data)},
			}
			_, err := Load(fsys, cfg)
			list, ok := diag.AsList(err)
			if err != nil && !ok {
				t.Fatal(err)
			}
			got := list.Lines()
			if !slices.Equal(got, c.want) {
				t.Errorf("got\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}

// foldFS is a file system that ignores the difference between capitals
// and small letters in file names, as macOS's and Windows' do by default.
type foldFS struct{ m fstest.MapFS }

func (f foldFS) Open(name string) (fs.File, error) {
	if _, ok := f.m[name]; !ok {
		for k := range f.m {
			if strings.EqualFold(k, name) {
				name = k
				break
			}
		}
	}
	return f.m.Open(name)
}

// On a Mac or a Windows PC a record finds its attachment or image named
// in other capitals; the file is then said to be named so, not to be
// used by no record (what check says of it on such a laptop).
func TestNamedInOtherCapitalsOnMac(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"attachment", map[string]string{"content/agreements/x.md": agreement(`attachment = "Avtal.pdf"`), "content/agreements/avtal.pdf": "%PDF"},
			[]string{`content/agreements/avtal.pdf:1:1: file "avtal.pdf" is named "Avtal.pdf" in a record: capitals and small letters must be as in the file's name (macOS and Windows ignore the difference, the server does not)`}},
		{"image", map[string]string{"content/theses/a.md": rec(thesis) + "![Karta](Karta.png)\n", "content/theses/karta.png": pngFile(4, 3)},
			[]string{`content/theses/karta.png:1:1: file "karta.png" is named "Karta.png" in a record: capitals and small letters must be as in the file's name (macOS and Windows ignore the difference, the server does not)`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, got := load(t, foldFS{mapFS(c.files)})
			if !slices.Equal(got, c.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}
