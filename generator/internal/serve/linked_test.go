package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"portal/generator/internal/linktest"
)

// TestServeLinkedAttachmentReplaced replaces an attachment the preview
// serves from the sources (output.Memory links it) with what the build
// refuses: a symbolic link out of the site, a link to a confidential
// record, a folder, nothing. While the sources have that error the last
// good site stays served, but never the file the link leads to.
func TestServeLinkedAttachmentReplaced(t *testing.T) {
	root := fixture(t)
	secret := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(secret, []byte("outside the site"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := start(t, root)
	ev := r.events(t)
	const url = "/avtal/mou/mou.pdf"
	if code, body := r.get(t, url); code != 200 || !strings.HasPrefix(body, "%PDF-1.4") {
		t.Fatalf("the attachment before: %d %q", code, body)
	}
	pdf := filepath.Join(root, "content", "agreements", "mou.pdf")
	for _, c := range []struct {
		name    string
		replace func() error
		leaked  string
	}{
		{"link out of the site", func() error { return linktest.Make(secret, pdf) }, "outside the site"},
		{"relative link out of the site", func() error {
			rel, err := filepath.Rel(filepath.Dir(pdf), secret)
			if err != nil {
				return err
			}
			return linktest.Make(rel, pdf)
		}, "outside the site"},
		{"link to a confidential record", func() error { return linktest.Make("hemligt.md", pdf) }, "+++"},
		{"link to the config", func() error { return linktest.Make("../../config.toml", pdf) }, "[areas"},
		{"folder", func() error { return os.Mkdir(pdf, 0o755) }, ""},
		{"nothing", func() error { return nil }, ""},
		{"its folder a link out of the site", func() error {
			// Lstat follows the links of the folders on the way: only
			// the os.Root the sources are read through refuses this.
			out := filepath.Join(filepath.Dir(secret), "agreements")
			if err := os.Mkdir(out, 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(filepath.Join(out, "mou.pdf"), []byte("outside the site"), 0o644); err != nil {
				return err
			}
			agreements := filepath.Dir(pdf)
			if err := os.RemoveAll(agreements); err != nil {
				return err
			}
			return linktest.Make(out, agreements)
		}, "outside the site"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if err := os.RemoveAll(pdf); err != nil {
				t.Fatal(err)
			}
			linktest.Check(t, c.replace())
			next(t, ev, "errors")
			code, body := r.get(t, url)
			if code == 200 || (c.leaked != "" && strings.Contains(body, c.leaked)) {
				t.Errorf("%s: %d %q", c.name, code, body)
			}
		})
	}
}

// TestServeAttachmentThroughLink serves an attachment that is a symbolic
// link to another file inside content/, which the build follows: its
// bytes, as the build writes them.
func TestServeAttachmentThroughLink(t *testing.T) {
	root := fixture(t)
	dir := filepath.Join(root, "content", "agreements")
	if err := os.Rename(filepath.Join(dir, "mou.pdf"), filepath.Join(dir, "mou-2014.pdf")); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "mou.md"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, root, "content/agreements/kopia.md", strings.Replace(string(b), `"mou.pdf"`, `"mou-2014.pdf"`, 1))
	linktest.Symlink(t, "mou-2014.pdf", filepath.Join(dir, "mou.pdf"))
	r := start(t, root)
	for _, url := range []string{"/avtal/mou/mou.pdf", "/avtal/kopia/mou-2014.pdf"} {
		if code, body := r.get(t, url); code != 200 || !strings.HasPrefix(body, "%PDF-1.4") {
			t.Errorf("%s: %d %q\n%s", url, code, body, r.logs)
		}
	}
}
