package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"portal/generator/internal/linktest"
)

// TestLoadLinks builds real site folders with symbolic links and special
// files (which fstest.MapFS cannot fake faithfully) and reads them through
// os.DirFS, as the generator does. Beside the site root there is a folder
// "outside" with a secret record, a secret PDF and a folder link target.
func TestLoadLinks(t *testing.T) {
	secretRecord := rec(thesis) // valid: a careless check would publish it
	type entry struct {
		name   string // relative to the site root
		data   string // a file, unless link or fifo is set
		link   string // a symbolic link to this target
		fifo   bool
		folder bool
	}
	file := func(name, data string) entry { return entry{name: name, data: data} }
	link := func(name, target string) entry { return entry{name: name, link: target} }
	for _, c := range []struct {
		name    string
		entries []entry
		want    []string // "$OUT" stands for the outside folder
	}{
		{"record linked outside the site, relative", []entry{
			link("content/theses/a.md", "../../../outside/secret.md"),
		}, []string{`content/theses/a.md:1:1: symbolic link points outside content/ (../../../outside/secret.md)`}},
		{"record linked outside the site, absolute", []entry{
			link("content/theses/a.md", "$OUT/secret.md"),
		}, []string{`content/theses/a.md:1:1: symbolic link points outside content/ ($OUT/secret.md)`}},
		{"record linked to the site root", []entry{
			link("content/theses/a.md", "../../config.toml"),
		}, []string{`content/theses/a.md:1:1: symbolic link points outside content/ (../../config.toml)`}},
		{"chain of links leaving at the second", []entry{
			link("content/theses/a.md", "hop"),
			link("content/theses/hop", "../../../outside/secret.md"),
		}, []string{
			`content/theses/a.md:1:1: symbolic link points outside content/ (hop)`,
			`content/theses/hop:1:1: symbolic link points outside content/ (../../../outside/secret.md)`,
		}},
		{"content folder linked outside", []entry{
			link("content", "../outside"),
		}, []string{`content:1:1: content/ is a symbolic link; put the folder itself in the site`}},
		{"through a hidden folder link", []entry{
			link("content/theses/.x", "../../../outside"),
			link("content/theses/a.md", ".x/secret.md"),
		}, []string{`content/theses/a.md:1:1: symbolic link points outside content/ (.x/secret.md)`}},
		{"through a folder link inside content", []entry{
			link("content/theses/.x", ".."),
			link("content/theses/a.md", ".x/../../outside/secret.md"),
		}, []string{`content/theses/a.md:1:1: symbolic link points outside content/ (.x/../../outside/secret.md)`}},
		{"link to another record", []entry{
			file("content/agreements/hemlig.md", agreement("confidential = true")),
			file("content/agreements/hemlig.en.md", rec(`title = "Secret"`)),
			link("content/pages/x.md", "../agreements/hemlig.en.md"),
		}, []string{`content/pages/x.md:1:1: symbolic link points to a record (content/agreements/hemlig.en.md); copy the file instead`}},
		{"link loop", []entry{
			link("content/theses/a.md", "b.lnk"),
			link("content/theses/b.lnk", "a.md"),
		}, []string{
			`content/theses/a.md:1:1: symbolic link cannot be followed: too many links`,
			`content/theses/b.lnk:1:1: symbolic link cannot be followed: too many links`,
		}},
		{"dangling link", []entry{
			link("content/theses/a.md", "gone.md"),
		}, []string{`content/theses/a.md:1:1: symbolic link cannot be followed: no such file or directory`}},
		{"link to a folder", []entry{
			link("content/theses/a.md", "../lectures"),
			file("content/lectures/l.md", rec(lecture)),
		}, []string{`content/theses/a.md:1:1: symbolic link does not point to a regular file`}},
		{"translation linked to the site root", []entry{
			file("content/theses/a.md", rec(thesis)),
			link("content/theses/a.en.md", "../../shared-en.txt"),
			file("shared-en.txt", "x"),
		}, []string{`content/theses/a.en.md:1:1: symbolic link points outside content/ (../../shared-en.txt)`}},
		{"kind folder linked outside", []entry{
			link("content/theses", "$OUT"),
		}, []string{`content/theses:1:1: file outside a kind folder; move it into one of content/<kind>/`}},

		{"attachment linked outside", []entry{
			file("content/agreements/x.md", agreement(`attachment = "x.pdf"`)),
			link("content/agreements/x.pdf", "../../../outside/secret.pdf"),
		}, []string{
			`content/agreements/x.md:9:14: attachment "x.pdf": symbolic link points outside content/ (../../../outside/secret.pdf)`,
			`content/agreements/x.pdf:1:1: symbolic link points outside content/ (../../../outside/secret.pdf)`,
		}},
		{"attachment linked outside, absolute", []entry{
			file("content/agreements/x.md", agreement(`attachment = "x.pdf"`)),
			link("content/agreements/x.pdf", "$OUT/secret.pdf"),
		}, []string{
			`content/agreements/x.md:9:14: attachment "x.pdf": symbolic link points outside content/ ($OUT/secret.pdf)`,
			`content/agreements/x.pdf:1:1: symbolic link points outside content/ ($OUT/secret.pdf)`,
		}},
		{"attachment linked through a hidden folder", []entry{
			file("content/agreements/x.md", agreement(`attachment = "x.pdf"`)),
			link("content/agreements/.d", "../../../outside"),
			link("content/agreements/x.pdf", ".d/secret.pdf"),
		}, []string{
			`content/agreements/x.md:9:14: attachment "x.pdf": symbolic link points outside content/ (.d/secret.pdf)`,
			`content/agreements/x.pdf:1:1: symbolic link points outside content/ (.d/secret.pdf)`,
		}},
		{"attachment linked to a record", []entry{
			file("content/agreements/x.md", agreement(`attachment = "x.pdf"`)),
			file("content/agreements/hemlig.md", agreement("confidential = true")),
			link("content/agreements/x.pdf", "hemlig.md"),
		}, []string{
			`content/agreements/x.md:9:14: attachment "x.pdf": symbolic link points to a record (content/agreements/hemlig.md); copy the file instead`,
			`content/agreements/x.pdf:1:1: symbolic link points to a record (content/agreements/hemlig.md); copy the file instead`,
		}},
		{"attachment linked to a confidential attachment", []entry{
			file("content/agreements/hemlig.md", agreement(`attachment = "hemlig.pdf"`+"\nconfidential = true")),
			file("content/agreements/hemlig.pdf", "%PDF secret"),
			file("content/agreements/x.md", agreement(`attachment = "x.pdf"`)),
			link("content/agreements/x.pdf", "hemlig.pdf"),
		}, []string{`content/agreements/x.md:9:14: attachment "x.pdf" is the confidential attachment of content/agreements/hemlig.md`}},
		{"attachment shared with a confidential agreement", []entry{
			file("content/agreements/hemlig.md", agreement(`attachment = "hemlig.pdf"`+"\nconfidential = true")),
			file("content/agreements/hemlig.pdf", "%PDF secret"),
			file("content/agreements/x.md", agreement(`attachment = "hemlig.pdf"`)),
		}, []string{`content/agreements/x.md:9:14: attachment "hemlig.pdf" is the confidential attachment of content/agreements/hemlig.md`}},
		{"image that is a confidential attachment", []entry{
			file("content/agreements/hemlig.md", agreement(`attachment = "karta.png"`+"\nconfidential = true")),
			file("content/agreements/karta.png", pngFile(4, 4)),
			file("content/agreements/x.md", agreement("")+"\n![Karta](karta.png)\n"),
		}, []string{`content/agreements/x.md:13:10: image "karta.png" is the confidential attachment of content/agreements/hemlig.md`}},
		{"image linked to a confidential attachment", []entry{
			file("content/agreements/hemlig.md", agreement(`attachment = "karta.png"`+"\nconfidential = true")),
			file("content/agreements/karta.png", pngFile(4, 4)),
			link("content/theses/karta.png", "../agreements/karta.png"),
			file("content/theses/x.md", rec(thesis)+"\n![Karta](karta.png)\n"),
		}, []string{`content/theses/x.md:13:10: image "karta.png" is the confidential attachment of content/agreements/hemlig.md`}},
		{"attachment linked inside content", []entry{
			file("content/agreements/x.md", agreement(`attachment = "x.pdf"`)),
			link("content/agreements/x.pdf", "y.pdf"),
			file("content/agreements/y.md", agreement(`attachment = "y.pdf"`)),
			file("content/agreements/y.pdf", "%PDF"),
		}, nil},
		{"attachment linked to a folder", []entry{
			file("content/agreements/x.md", agreement(`attachment = "x.pdf"`)),
			link("content/agreements/x.pdf", "../theses"),
			{name: "content/theses", folder: true},
		}, []string{
			`content/agreements/x.md:9:14: attachment "x.pdf": symbolic link does not point to a regular file`,
			`content/agreements/x.pdf:1:1: symbolic link does not point to a regular file`,
		}},

		{"named pipe as a record", []entry{
			{name: "content/theses/a.md", fifo: true},
		}, []string{`content/theses/a.md:1:1: not a regular file`}},
		{"named pipe as an attachment", []entry{
			file("content/agreements/x.md", agreement(`attachment = "x.pdf"`)),
			{name: "content/agreements/x.pdf", fifo: true},
		}, []string{
			`content/agreements/x.md:9:14: attachment "x.pdf" is not a regular file`,
			`content/agreements/x.pdf:1:1: not a regular file`,
		}},
		{"link to a named pipe", []entry{
			link("content/theses/a.md", ".pipe"),
			{name: "content/theses/.pipe", fifo: true},
		}, []string{`content/theses/a.md:1:1: symbolic link does not point to a regular file`}},
		{"empty kind folder", []entry{
			{name: "content/theses", folder: true},
		}, nil},
		{"huge file", []entry{
			file("content/theses/a.md", rec(thesis)+strings.Repeat("x", 8*MaxFileSize)),
		}, []string{`content/theses/a.md:1:1: file is larger than 1 MiB; split the text, or put large parts in an attachment`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			root, out := filepath.Join(dir, "site"), filepath.Join(dir, "outside")
			for name, data := range map[string]string{"secret.md": secretRecord, "secret.pdf": "%PDF secret", "theses/secret.md": secretRecord} {
				mustWrite(t, filepath.Join(out, name), data)
			}
			mustWrite(t, filepath.Join(root, "config.toml"), "")
			for _, e := range c.entries {
				p := filepath.Join(root, e.name)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				var err error
				switch {
				case e.link != "":
					err = linktest.Make(strings.ReplaceAll(e.link, "$OUT", out), p)
				case e.fifo:
					err = mkfifo(t, p)
				case e.folder:
					err = os.Mkdir(p, 0o755)
				default:
					err = os.WriteFile(p, []byte(e.data), 0o644)
				}
				linktest.Check(t, err)
			}
			_, got := load(t, os.DirFS(root)) // a named pipe must not block it
			var want []string
			for _, w := range c.want {
				want = append(want, strings.ReplaceAll(w, "$OUT", out))
			}
			if !slices.Equal(got, want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

func mustWrite(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// onlyOpen hides every method of a file system but Open: its links can be
// listed but not read, and fs.Lstat follows them.
type onlyOpen struct{ fs.FS }

// TestLinksWithoutReadLink expects a link to be refused, not followed,
// when the file system cannot read links.
func TestLinksWithoutReadLink(t *testing.T) {
	root := t.TempDir()
	mustWrite(t, filepath.Join(root, "outside.md"), rec(thesis))
	mustWrite(t, filepath.Join(root, "content", "theses", "b.md"), rec(thesis))
	linktest.Symlink(t, "../../outside.md", filepath.Join(root, "content", "theses", "a.md"))
	_, got := load(t, onlyOpen{os.DirFS(root)})
	want := []string{`content/theses/a.md:1:1: symbolic link cannot be read: the file system does not support links`}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
