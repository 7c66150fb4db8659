package content

import (
	"os"
	"slices"
	"testing"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/kinds"
)

// TestOtherKeys checks that a kind another site declares keeps the
// values of its keys that no field of Record holds (Record.Other), of
// every type, so that its facts, orders and facets can read them as the
// portal's kinds' are read; an absent key reads as its zero value.
func TestOtherKeys(t *testing.T) {
	reg := kinds.Default().With(&kinds.Kind{Name: "workshops", Keys: []kinds.Key{
		{Name: "mode", Type: kinds.String, Enum: []string{"onsite", "online"}},
		{Name: "seats", Type: kinds.Int},
		{Name: "opens", Type: kinds.DateTime},
		{Name: "free", Type: kinds.Bool},
		{Name: "tools", Type: kinds.Strings},
		{Name: "room", Type: kinds.String},
	}})
	src, err := os.ReadFile("testdata/config.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.ParseWith(append(src, "\n[sections.workshops]\nsv = \"workshoppar\"\nen = \"workshops\"\n"...), reg)
	if err != nil {
		t.Fatal(err)
	}
	fsys := mapFS(map[string]string{"content/workshops/kartdag.md": rec(`title = "Kartdag"`, `date = 2026-01-10`, `areas = ["bygg"]`,
		`mode = "online"`, `seats = 12`, `opens = 2026-03-12T15:15:00`, `free = true`, `tools = ["qgis", "papper"]`)})
	set, err := Load(fsys, cfg)
	if err != nil {
		t.Fatal(err)
	}
	r := set.Records[0]
	opens := time.Date(2026, 3, 12, 15, 15, 0, 0, cfg.TimeZone)
	if got := r.String("mode"); got != "online" {
		t.Errorf("mode %q", got)
	}
	if got := r.Int("seats"); got != 12 {
		t.Errorf("seats %d", got)
	}
	if got := r.Time("opens"); !got.Equal(opens) {
		t.Errorf("opens %v, want %v", got, opens)
	}
	if got := r.Flag("free"); got == nil || !*got {
		t.Errorf("free %v", got)
	}
	if got := r.Strings("tools"); !slices.Equal(got, []string{"qgis", "papper"}) {
		t.Errorf("tools %q", got)
	}
	if got := r.String("room"); got != "" {
		t.Errorf("room %q, want none", got)
	}
	if got := r.Int("mode"); got != 0 {
		t.Errorf("mode as a number %d, want 0", got)
	}
}
