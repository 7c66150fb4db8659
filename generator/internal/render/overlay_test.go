package render

import (
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"portal/generator/internal/config"
	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
	"portal/generator/internal/linktest"
)

// siteDir makes a site folder with tinyConfig, beside a folder "outside",
// and the files ("name": data) and symbolic links ("name": "-> target")
// given, relative to the site root. It returns the site root.
func siteDir(t *testing.T, entries map[string]string) string {
	t.Helper()
	top := t.TempDir()
	root := filepath.Join(top, "site")
	if err := os.MkdirAll(filepath.Join(top, "outside"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(top, "outside", "x.html"), []byte(`{{define "x"}}secret{{end}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	entries["config.toml"] = tinyConfig
	for _, name := range slices.Sorted(maps.Keys(entries)) {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		data := entries[name]
		if target, ok := strings.CutPrefix(data, "-> "); ok {
			linktest.Symlink(t, strings.ReplaceAll(target, "$OUT", filepath.Join(top, "outside")), p)
			continue
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func loadSiteDir(t *testing.T, root string) (*Templates, []string) {
	t.Helper()
	fsys := os.DirFS(root)
	cfg, err := config.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	tm, err := LoadSite(fsys, cfg)
	list, ok := diag.AsList(err)
	if err != nil && !ok {
		t.Fatal(err)
	}
	return tm, list.Lines()
}

// TestLoadSiteOverlay: a site without templates/ renders with the
// embedded defaults; its own templates/ overrides them file by file, and
// follows the rules of content/ for names and links (exact errors).
func TestLoadSiteOverlay(t *testing.T) {
	defaults, err := Load(realTemplates(t), mustConfig(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	const css = "body{color:red}"
	ownCSS := "assets/" + Fingerprint("site.css", []byte(css))
	for _, c := range []struct {
		name    string
		entries map[string]string
		want    []string // errors
		assets  func(def []string) []string
	}{
		{"no templates folder", map[string]string{}, nil, nil},
		{"an empty templates folder", map[string]string{"templates/README.md": "mine"}, nil, nil},
		{"one asset overridden", map[string]string{"templates/assets/site.css": css}, nil,
			func(def []string) []string { return swap(def, "assets/site.*.css", ownCSS) }},
		{"an asset in a new folder", map[string]string{"templates/assets/img/logo.svg": "<svg/>"}, nil,
			func(def []string) []string {
				return slices.Sorted(slices.Values(append(def, "assets/img/"+Fingerprint("logo.svg", []byte("<svg/>")))))
			}},
		{"link inside templates", map[string]string{"templates/assets/own.css": css, "templates/assets/site.css": "-> own.css"}, nil,
			func(def []string) []string {
				return slices.Sorted(slices.Values(append(swap(def, "assets/site.*.css", ownCSS), "assets/"+Fingerprint("own.css", []byte(css)))))
			}},
		{"desktop junk ignored", map[string]string{
			"templates/assets/Thumbs.db": "x", "templates/assets/.DS_Store": "x", "templates/assets/desktop.ini": "x",
			"templates/partials/~$x.html": "{{", "templates/pages/home.html~": "{{", "templates/assets/site.css.bak": "x",
		}, nil, nil},
		{"partial linked outside", map[string]string{"templates/partials/x.html": "-> ../../../outside/x.html"},
			[]string{`templates/partials/x.html:1:1: symbolic link points outside templates/ (../../../outside/x.html)`}, nil},
		{"asset linked outside, absolute", map[string]string{"templates/assets/x.css": "-> $OUT/x.html"},
			[]string{`templates/assets/x.css:1:1: symbolic link points outside templates/ ($OUT/x.html)`}, nil},
		{"asset linked to the config", map[string]string{"templates/assets/c.css": "-> ../../config.toml"},
			[]string{`templates/assets/c.css:1:1: symbolic link points outside templates/ (../../config.toml)`}, nil},
		{"folder linked outside", map[string]string{"templates/assets/out": "-> ../../../outside"},
			[]string{`templates/assets/out:1:1: symbolic link points outside templates/ (../../../outside)`}, nil},
		{"templates folder linked outside", map[string]string{"templates": "-> ../outside"},
			[]string{`templates:1:1: templates/ is a symbolic link; put the folder itself in the site`}, nil},
		{"folder linked inside", map[string]string{"templates/assets/copy": "-> ../partials", "templates/partials/void.html": `{{define "void"}}{{end}}`},
			[]string{`templates/assets/copy:1:1: symbolic link does not point to a regular file`}, nil},
		{"name Windows reserves", map[string]string{"templates/partials/con.html": `{{define "c"}}{{end}}`},
			[]string{`templates/partials/con.html:1:1: file name "con.html" is reserved on Windows, where the site must build too; rename it`}, nil},
		{"control character", map[string]string{"templates/assets/a\nb.css": "x"},
			[]string{`templates/assets:1:1: file name "a\nb.css" contains a control character; rename it`}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if runtime.GOOS == "windows" && (c.name == "name Windows reserves" || c.name == "control character") {
				// CreateFile refuses a\nb.css, and con.html is the console.
				t.Skip("Windows cannot make a file of that name; the check is for a site copied from another system")
			}
			if c.want != nil {
				c.want = slices.Clone(c.want)
			}
			root := siteDir(t, c.entries)
			tm, got := loadSiteDir(t, root)
			for i := range got {
				got[i] = strings.ReplaceAll(got[i], filepath.ToSlash(filepath.Join(filepath.Dir(root), "outside")), "$OUT")
			}
			if !slices.Equal(got, c.want) {
				t.Fatalf("got\n%q\nwant\n%q", got, c.want)
			}
			if tm == nil {
				return
			}
			def := slices.Sorted(maps.Keys(defaults.Assets()))
			want := def
			if c.assets != nil {
				want = c.assets(def)
			}
			if got := slices.Sorted(maps.Keys(tm.Assets())); !slices.Equal(got, want) {
				t.Errorf("assets\n%q\nwant\n%q", got, want)
			}
		})
	}
}

// swap replaces the entry of list that matches pattern by repl.
func swap(list []string, pattern, repl string) []string {
	out := slices.Clone(list)
	for i, s := range out {
		if ok, _ := path.Match(pattern, s); ok {
			out[i] = repl
		}
	}
	slices.Sort(out)
	return out
}

func mustConfig(t *testing.T) *config.Config {
	t.Helper()
	cfg, err := config.ParseWith([]byte(tinyConfig), kinds.Default())
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// The layered file system answers fs.FS's contract.
func TestOverlayFS(t *testing.T) {
	root := siteDir(t, map[string]string{"templates/assets/img/logo.svg": "<svg/>", "templates/assets/site.css": "x"})
	merged, errs := Overlay(os.DirFS(root), os.DirFS("../../../templates"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if b, err := fs.ReadFile(merged, "templates/assets/site.css"); err != nil || string(b) != "x" {
		t.Errorf("site.css = %q, %v; want the site's", b, err)
	}
	if _, err := fs.ReadFile(merged, "config.toml"); err == nil {
		t.Error("config.toml is outside templates/ and must not be found")
	}
	entries, err := fs.ReadDir(merged, "templates/assets")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"favicon.svg", "img", "search-page.js", "search.css", "search.js", "site.css", "site.js"}; !slices.Equal(names, want) {
		t.Errorf("templates/assets = %q, want %q", names, want)
	}
}
