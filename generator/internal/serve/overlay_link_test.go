package serve

import (
	"os"
	"path/filepath"
	"testing"

	"portal/generator/internal/diag"
	"portal/generator/internal/linktest"
)

// TestOverlayQuotesNoLink checks that the overlay quotes the lines of a
// record, not of a file a symbolic link in its place leads to (outside
// the site: the link is the problem).
func TestOverlayQuotesNoLink(t *testing.T) {
	root := t.TempDir()
	secret := filepath.Join(t.TempDir(), "secret.txt")
	write(t, root, "content/theses/a.md", "+++\ntitle = 1\n+++\n")
	if err := os.WriteFile(secret, []byte("password = hunter2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	linktest.Symlink(t, secret, filepath.Join(root, "content/theses/b.md"))
	list := diag.List{{Path: "content/theses/a.md", Line: 2, Col: 9, Msg: "x"}, {Path: "content/theses/b.md", Line: 1, Col: 1, Msg: "y"}}
	got := problems(os.DirFS(root), list)
	if len(got[0].Lines) == 0 {
		t.Error("no lines of the record quoted")
	}
	if len(got[1].Lines) != 0 {
		t.Errorf("the overlay quotes the file a link leads to: %v", got[1].Lines)
	}
}

// TestCaretBefore checks the text the overlay hides in front of its
// caret: the characters before the column, whatever their width, so that
// the caret stands under the column in the browser (spaces, one a
// character, put it a cell early for each emoji or wide letter before it).
func TestCaretBefore(t *testing.T) {
	for _, tc := range []struct {
		line string
		col  int
		want string
	}{
		{`level = "x"`, 9, `level = `},
		{`title = "Cykel 🚲 och 雨"`, 22, `title = "Cykel 🚲 och `},
		{"\tx", 2, "\t"},
		{"åäö", 1, ""},
		{"åäö", 3, "åä"},
		{"ab", 9, "ab"}, // a column past the end: the whole line
	} {
		if got := before(tc.line, tc.col); got != tc.want {
			t.Errorf("before(%q, %d) = %q, want %q", tc.line, tc.col, got, tc.want)
		}
	}
}
