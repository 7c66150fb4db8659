package render

import (
	"io/fs"
	"maps"
	"os"
	"path"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestAssetParts: an asset may be a folder named as the file it makes
// (site.css/, search.js/), whose files are joined in the order of their
// names, each ended by a newline, into that one file; a site's own
// templates/ adds a part, replaces one, or replaces the whole asset with a
// file; a folder with another name is a folder of assets, and a folder in
// an asset made of parts is an error (exact message).
func TestAssetParts(t *testing.T) {
	defaultCSS := assetOf(t, siteTemplates(t, fstest.MapFS{}), "site.css")
	parts, err := os.ReadDir("../../../templates/assets/site.css")
	if err != nil || len(parts) < 2 {
		t.Fatalf("the default site.css is not made of parts: %v, %v", parts, err)
	}
	firstPart := "templates/assets/site.css/" + parts[0].Name()
	tests := []struct {
		name    string
		entries map[string]string
		asset   string // the name of the asset looked at
		want    func(string) bool
		errs    []string
	}{
		{"parts joined in name order, newlines added", map[string]string{
			"templates/assets/app.js/2-b.js": "b();", "templates/assets/app.js/10-c.js": "c();\n",
			"templates/assets/app.js/1-a.js": "a();", "templates/assets/app.js/.hidden.js": "no();",
		}, "app.js", is("a();\nc();\nb();\n"), nil}, // by bytes: "1-" "10" "2-"
		{"a part of the defaults added to", map[string]string{"templates/assets/site.css/99-own.css": "main{color:red}"},
			"site.css", is(string(defaultCSS) + "main{color:red}\n"), nil},
		{"a part of the defaults replaced", map[string]string{firstPart: "/* mine */"},
			"site.css", func(s string) bool {
				return strings.HasPrefix(s, "/* mine */\n") && len(s) < len(defaultCSS) && strings.HasSuffix(s, string(defaultCSS[len(defaultCSS)-200:]))
			}, nil},
		{"the whole asset replaced by a file", map[string]string{"templates/assets/site.css": "body{}"},
			"site.css", is("body{}"), nil},
		{"a folder of another name holds assets", map[string]string{"templates/assets/img.v2/logo.svg": "<svg/>"},
			"img.v2/logo.svg", is("<svg/>"), nil},
		{"a folder in parts", map[string]string{"templates/assets/app.js/1-a.js": "a();", "templates/assets/app.js/more/b.js": "b();"},
			"", nil, []string{"templates/assets/app.js/more:1:1: a folder in the asset app.js, whose files are joined in the order of their names into one file: put its files beside the others, with names that sort where they belong"}},
		{"a file in parts that is not one", map[string]string{"templates/assets/app.js/1-a.js": "a();", "templates/assets/app.js/README.md": "# notes",
			"templates/assets/site.css/4-lists.css.orig": "li{}"},
			"", nil, []string{
				"templates/assets/app.js/README.md:1:1: not a part of the asset app.js, whose files are joined in the order of their names into one file: a part's name ends in .js like the asset's; move the file out of the folder or rename it",
				"templates/assets/site.css/4-lists.css.orig:1:1: not a part of the asset site.css, whose files are joined in the order of their names into one file: a part's name ends in .css like the asset's; move the file out of the folder or rename it",
			}},
		{"the files editors and desktops drop are left out of parts", map[string]string{"templates/assets/app.js/1-a.js": "a();",
			"templates/assets/app.js/1-a.js~": "old();", "templates/assets/app.js/.#1-a.js": "lock", "templates/assets/app.js/Thumbs.db": "x",
			"templates/assets/app.js/#1-a.js#": "autosave();", "templates/assets/app.js/1-a.js.swp": "swap"},
			"app.js", is("a();\n"), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tm, errs := loadSiteDir(t, siteDir(t, tc.entries))
			if !slices.Equal(errs, tc.errs) {
				t.Fatalf("errors\n%q\nwant\n%q", errs, tc.errs)
			}
			if tc.want == nil {
				return
			}
			url, ok := tm.assetURL[tc.asset]
			if !ok {
				t.Fatalf("no asset %s", tc.asset)
			}
			got := string(tm.Assets()[strings.TrimPrefix(url, "/")])
			if !tc.want(got) {
				t.Errorf("%s is\n%.300q", tc.asset, got)
			}
			if want := "/assets/" + Fingerprint(tc.asset, []byte(got)); url != want {
				t.Errorf("URL %s, want %s", url, want)
			}
		})
	}
}

// is is a check that a text is want.
func is(want string) func(string) bool { return func(got string) bool { return got == want } }

// assetOf is the asset name ("site.css") of the templates/ folder of the
// site fsys as the build publishes it (loadAssets): the file, or the parts
// of the folder of that name joined.
func assetOf(t *testing.T, fsys fs.FS, name string) []byte {
	t.Helper()
	tm := &Templates{assets: map[string][]byte{}, assetURL: map[string]string{}}
	if errs := tm.loadAssets(fsys); len(errs) > 0 {
		t.Fatal(errs)
	}
	url, ok := tm.assetURL[name]
	if !ok {
		t.Fatalf("no asset %s", name)
	}
	return tm.assets[strings.TrimPrefix(url, "/")]
}

// TestAssetsLeaveDroppedFiles: the defaults are read from a folder someone
// works in and embedded in the program as they are, so the files editors
// and desktops drop there are neither published nor joined into a part,
// as a site's own are not (sources.Ignored); a file that does not end as
// its asset is refused in the defaults too.
func TestAssetsLeaveDroppedFiles(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string // under templates/assets/
		want  map[string]string // asset name → bytes published
		errs  []string
	}{
		{"backups and desktop files beside the parts", map[string]string{
			"site.css/1-a.css": "a{}", "site.css/1-a.css~": "old{}", "site.css/Thumbs.db": "x",
			"site.css/#1-a.css#": "autosave{}", "site.css/1-a.css.bak": "bak{}", "site.css/desktop.ini": "[x]",
		}, map[string]string{"site.css": "a{}\n"}, nil},
		{"backups and desktop files beside the assets", map[string]string{
			"site.js": "s();", "site.js~": "old();", "Thumbs.db": "x", ".DS_Store": "x", "img/.DS_Store": "x", "img/logo.svg": "<svg/>",
			"img.swp/x.svg": "swap folder",
		}, map[string]string{"site.js": "s();", "img/logo.svg": "<svg/>"}, nil},
		{"a file that is not a part", map[string]string{"site.css/1-a.css": "a{}", "site.css/notes.txt": "n"},
			map[string]string{}, []string{"templates/assets/site.css/notes.txt:1:1: not a part of the asset site.css, whose files are joined in the order of their names into one file: a part's name ends in .css like the asset's; move the file out of the folder or rename it"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, body := range tc.files {
				fsys[path.Join(Dir, "assets", name)] = &fstest.MapFile{Data: []byte(body)}
			}
			tm := &Templates{assets: map[string][]byte{}, assetURL: map[string]string{}}
			if errs := tm.loadAssets(fsys).Lines(); !slices.Equal(errs, tc.errs) {
				t.Errorf("errors\n%q\nwant\n%q", errs, tc.errs)
			}
			got := map[string]string{}
			for name, url := range tm.assetURL {
				got[name] = string(tm.assets[strings.TrimPrefix(url, "/")])
			}
			if !maps.Equal(got, tc.want) {
				t.Errorf("published %q, want %q", got, tc.want)
			}
		})
	}
}
