package render

import (
	"slices"
	"testing"
	"testing/fstest"

	"portal/generator/internal/config"
	"portal/generator/internal/kinds"
)

// TestFrameIDs checks the ids found in templates: literal ones, and those
// made by actions expanded with the words the templates fill in.
func TestFrameIDs(t *testing.T) {
	cfg := &config.Config{Languages: []string{"sv", "en"}, Kinds: kinds.Default()}
	fsys := fstest.MapFS{
		"templates/layouts/base.html":   {Data: []byte(`<main id="main" tabindex="-1"><p class=x id = 'single'>`)},
		"templates/partials/terms.html": {Data: []byte(`<h2 id="kind-{{.Kind}}-h">{{.Kind}}</h2><i data-id="not-an-id">`)},
		"templates/pages/two.html":      {Data: []byte(`<b id="{{.Lang}}-{{ $x }}">`)},
		"templates/pages/x.txt":         {Data: []byte(`<b id="not-a-template">`)},
	}
	ids := frameIDs(fsys, cfg)
	for _, want := range []string{"main", "single", "kind-theses-h", "kind-followups-h", "sv-en", "en-kth", "record-home"} {
		if !slices.Contains(ids, want) {
			t.Errorf("no %q among the %d ids", want, len(ids))
		}
	}
	for _, no := range []string{"not-an-id", "not-a-template", "kind-{{.Kind}}-h"} {
		if slices.Contains(ids, no) {
			t.Errorf("%q is not an id of the frame", no)
		}
	}
	_, shipped := tinySite(t)
	for _, want := range []string{"main", "facts-heading", "search-q", "search-area", "orgtype-kth", "home-offers", "kind-theses"} {
		if !slices.Contains(shipped.FrameIDs(), want) {
			t.Errorf("shipped templates: no %q in FrameIDs", want)
		}
	}
}
