package pipeline

import (
	"os"
	"slices"
	"testing"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
	"portal/generator/internal/kinds"
	"portal/generator/internal/site"
)

// TestParentNames: an offer is indexed under the names of the
// organisations its host or schools belong to: KTH for a school's offer,
// the city for one hosted by an administration or a company of the
// city's, and nothing more for the city's own, KTH's or another's.
func TestParentNames(t *testing.T) {
	src, err := os.ReadFile("testdata/sites/basic/config.toml")
	if err != nil {
		t.Fatal(err)
	}
	src = append(src, `
[organisations.stockholmshem]
sv = "Stockholmshem"
en = "Stockholmshem"
type = "city-company"

[organisations.ericsson]
sv = "Ericsson"
en = "Ericsson"
type = "other"
`...)
	cfg, err := config.ParseWith(src, kinds.Default())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		host    string
		schools []string
		sv, en  []string
	}{
		{"trafikkontoret", nil, []string{"Stockholms stad"}, []string{"City of Stockholm"}},
		{"stockholmshem", nil, []string{"Stockholms stad"}, []string{"City of Stockholm"}},
		{"stockholms-stad", nil, nil, nil},
		{"ericsson", nil, nil, nil},
		{"kth", nil, nil, nil},
		{"kth", []string{"abe"}, []string{"KTH"}, []string{"KTH Royal Institute of Technology"}},
		{"stockholmshem", []string{"abe"}, []string{"KTH", "Stockholms stad"}, []string{"KTH Royal Institute of Technology", "City of Stockholm"}},
	}
	for _, tc := range tests {
		e := &site.Entry{Record: &content.Record{Host: tc.host, Schools: tc.schools}}
		for lang, want := range map[string][]string{"sv": tc.sv, "en": tc.en} {
			if got := parentNames(cfg, e, lang); !slices.Equal(got, want) {
				t.Errorf("%s %v, %s: %q, want %q", tc.host, tc.schools, lang, got, want)
			}
		}
	}
}
