package render

import (
	"os"
	"path"
	"slices"
	"strings"
	"testing"

	"portal/templates"
)

// TestAssetParts: an asset may be a folder named as the file it makes
// (site.css/, search.js/), whose files are joined in the order of their
// names, each ended by a newline, into that one file; a site's own
// templates/ adds a part, replaces one, or replaces the whole asset with a
// file; a folder with another name is a folder of assets, and a folder in
// an asset made of parts is an error (exact message).
func TestAssetParts(t *testing.T) {
	defaultCSS, err := ReadAsset(templates.FS(), "site.css")
	if err != nil {
		t.Fatal(err)
	}
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

// TestReadAsset: ReadAsset reads an asset as the build publishes it, a
// file or its parts joined.
func TestReadAsset(t *testing.T) {
	fsys := templates.FS()
	tm, err := Load(realTemplates(t), mustConfig(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"site.css", "search.js", "site.js"} {
		got, err := ReadAsset(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		url := tm.assetURL[name]
		if want := tm.Assets()[strings.TrimPrefix(url, "/")]; string(got) != string(want) || path.Base(url) != Fingerprint(name, got) {
			t.Errorf("%s: ReadAsset gives %d bytes, the build publishes %d at %s", name, len(got), len(want), url)
		}
	}
}
