package pipeline

import (
	"errors"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// headings is a body whose headings and footnotes would take ids of the
// page frame.
const headings = `

## Main

## Facts heading

## Main

## Kind theses

## Search q

## Home offers

## Orgtype kth

Text[^1] och mer[^1].

[^1]: Fotnot.

## fn 1
`

// idRE finds the id attributes of a page.
var idRE = regexp.MustCompile(`\sid="([^"]*)"`)

// TestUniqueIDs builds the shipped site and a fixture with headings named
// like the ids of the page frame, parses every page and checks that no id
// is used twice on a page, and that every id of the frame (the page but
// the body) is one the frame reserves (render.Templates.FrameIDs), so
// that the body cannot take it.
func TestUniqueIDs(t *testing.T) {
	repo, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/sites/basic")); err != nil {
		t.Fatal(err)
	}
	// A record of the fixture gets the headings at the end of its body.
	f, err := os.OpenFile(filepath.Join(dir, "content/theses/trafikfloden.md"), os.O_APPEND|os.O_WRONLY, 0)
	if err == nil {
		_, err = f.WriteString(headings)
		err = errors.Join(err, f.Close())
	}
	if err != nil {
		t.Fatal(err)
	}
	for name, fsys := range map[string]fs.FS{"shipped": os.DirFS(repo), "headings": fixture(t, dir)} {
		t.Run(name, func(t *testing.T) {
			b := buildFixture(t, fsys)
			frame := b.l.Templates.FrameIDs()
			pages := 0
			for p, data := range b.files {
				if !strings.HasSuffix(p, ".html") {
					continue
				}
				pages++
				page := string(data)
				seen := map[string]bool{}
				for _, m := range idRE.FindAllStringSubmatch(page, -1) {
					id := html.UnescapeString(m[1])
					if seen[id] {
						t.Errorf("%s: id %q is used twice", p, id)
					}
					seen[id] = true
				}
				for _, m := range idRE.FindAllStringSubmatch(withoutBody(page), -1) {
					if id := html.UnescapeString(m[1]); !slices.Contains(frame, id) {
						t.Errorf("%s: the frame's id %q is not reserved for it (FrameIDs)", p, id)
					}
				}
			}
			if pages == 0 {
				t.Fatal("no pages")
			}
		})
	}
}

// withoutBody is a page without the record's or free page's body (the
// <div class="prose"> that closes the <article>).
func withoutBody(page string) string {
	start := strings.Index(page, `<div class="prose">`)
	end := strings.LastIndex(page, "</div>\n</article>")
	if start < 0 || end < start {
		return page
	}
	return page[:start] + page[end:]
}
