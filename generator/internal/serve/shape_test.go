package serve

import (
	"testing"

	"portal/generator/internal/content"
)

// TestSameShapeOther checks that a record whose key of another site's
// kind changed (content.Record.Other: the toy kind's mode, a facet's
// key) is not the same shape: the preview makes a new model, as for a
// thesis's level, so that the record moves to its other facet list.
func TestSameShapeOther(t *testing.T) {
	of := func(mode string, title string) *content.Record {
		return &content.Record{Kind: "workshops", Slug: "kartdag",
			Versions: []*content.Version{{Lang: "sv", Path: "content/workshops/kartdag.md", Title: title}},
			Other:    map[string]any{"mode": &mode}}
	}
	tests := []struct {
		name string
		a, b *content.Record
		want bool
	}{
		{"title", of("onsite", "Kartdag"), of("onsite", "Kartdagen"), true},
		{"mode", of("onsite", "Kartdag"), of("online", "Kartdag"), false},
	}
	for _, tt := range tests {
		if got := sameShape(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: sameShape %v, want %v", tt.name, got, tt.want)
		}
	}
}
