package serve

import "testing"

// TestCleanPath checks which request paths name a file of the output and
// which are refused. Besides "..", hidden names, backslashes and NULs,
// a segment no source could be named (sources.CheckName) is refused:
// Windows opens another file than asked under some of them, in a -out
// folder (a trailing dot or space dropped, "x:y" a stream of x, "con" a
// device), and the preview's pages never have them.
func TestCleanPath(t *testing.T) {
	for _, c := range []struct {
		path, name string
		ok         bool
	}{
		{"/", "index.html", true},
		{"/exjobb/", "exjobb/index.html", true},
		{"/exjobb", "exjobb", true},
		{"/assets/site.3d6fede2e5.js", "assets/site.3d6fede2e5.js", true},
		{"/exjobb/ångest-och-sömn/", "exjobb/ångest-och-sömn/index.html", true},
		{"//exjobb//x/", "exjobb/x/index.html", true},
		{"/../config.toml", "", false},
		{"/exjobb/./", "", false},
		{"/.portal-serve", "", false},
		{"/a\\b", "", false},
		{"/a\x00b", "", false},
		{"/exjobb/index.html.", "", false},
		{"/exjobb/index.html ", "", false},
		{"/exjobb/index.html::$DATA", "", false},
		{"/C:/Windows/win.ini", "", false},
		{"/con", "", false},
		{"/exjobb/CON.html", "", false},
		{"/com1/", "", false},
		{"/exjobb/a<b", "", false},
		{"/exjobb/a\"b", "", false},
		{"/exjobb/a|b?", "", false},
		{"/exjobb/a\nb", "", false},
		{"/exjobb/\xff", "", false},
	} {
		name, ok := cleanPath(c.path)
		if ok != c.ok || ok && name != c.name {
			t.Errorf("cleanPath(%q) = %q, %v; want %q, %v", c.path, name, ok, c.name, c.ok)
		}
	}
}
