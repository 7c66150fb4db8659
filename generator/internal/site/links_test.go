package site

import "testing"

func TestRelSlash(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{"content/theses", "content/theses/a.md", "a.md"},
		{"content/theses", "content/lectures/a.md", "../lectures/a.md"},
		{"content/theses", "content/a.md", "../a.md"},
		{"content", "content/theses/a.md", "theses/a.md"},
		{"content/pages/om", "content/theses/a.md", "../../theses/a.md"},
	} {
		if got := relSlash(c.from, c.to); got != c.want {
			t.Errorf("relSlash(%s, %s) = %s, want %s", c.from, c.to, got, c.want)
		}
	}
}
