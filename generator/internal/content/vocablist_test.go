package content

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"portal/generator/internal/config"
	"portal/generator/internal/kinds"
)

// TestVocabUnknownList: a value of a vocabulary that is like none of its
// terms is answered, in both languages, with the terms when there are
// few (the editor need not open config.toml to find the nine areas),
// and with "check the spelling" when there are more than twelve; one
// that is the first word of a term's name is answered with that term.
func TestVocabUnknownList(t *testing.T) {
	src, err := os.ReadFile("testdata/config.toml")
	if err != nil {
		t.Fatal(err)
	}
	var more strings.Builder
	for i := range 11 { // kth, stad and these: 13
		fmt.Fprintf(&more, "[organisations.org%d]\nsv = \"Org %d\"\ntype = \"other\"\n", i, i)
	}
	const p = "content/theses/a.md"
	for _, c := range []struct {
		name, config string
		edit         [2]string
		en, sv       string
	}{
		{"few terms", string(src), [2]string{`areas = ["energi"]`, `areas = ["trafik"]`},
			p + `:4:10: unknown area "trafik" (not in config.toml [areas], which has: energi, bygg)`,
			p + `:4:10: området "trafik" finns inte under [areas] i config.toml – där finns: energi, bygg`},
		{"two terms", string(src), [2]string{`host = "kth"`, `host = "kommunen"`},
			p + `:5:8: unknown organisation "kommunen" (not in config.toml [organisations], which has: kth, stad)`,
			p + `:5:8: organisationen "kommunen" finns inte under [organisations] i config.toml – där finns: kth, stad`},
		// The first word of a term's name in a language, as of its key.
		{"first word of a name", strings.Replace(string(src), "[areas.energi]\nsv = \"Energi\"\nen = \"Energy\"", "[areas.energi-och-klimat]\nsv = \"Energi och klimat\"\nen = \"Energy and climate\"", 1),
			[2]string{`areas = ["energi"]`, `areas = ["energy"]`},
			p + `:4:10: unknown area "energy" (not in config.toml [areas]; did you mean "energi-och-klimat"?)`,
			p + `:4:10: området "energy" finns inte under [areas] i config.toml – menade du "energi-och-klimat"?`},
		{"more than twelve terms", strings.Replace(string(src), "[schools.abe]", more.String()+"[schools.abe]", 1), [2]string{`host = "kth"`, `host = "kommunen"`},
			p + `:5:8: unknown organisation "kommunen" (not in config.toml [organisations]); check the spelling`,
			p + `:5:8: organisationen "kommunen" finns inte under [organisations] i config.toml – kontrollera stavningen`},
		// A vocabulary without terms (a site with no [schools]) has none
		// to list.
		{"no terms", strings.Split(string(src), "[schools.abe]")[0], [2]string{"", `schools = ["abe"]`},
			p + `:9:12: unknown school "abe": config.toml [schools] has no terms; add it there, or remove the value`,
			p + `:9:12: skolan "abe" finns inte: [schools] i config.toml har inga termer – lägg till den där eller ta bort värdet`},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := config.ParseWith([]byte(c.config), kinds.Default())
			if err != nil {
				t.Fatal(err)
			}
			loadOneProblem(t, map[string]string{p: rec(with(thesis, c.edit[0], c.edit[1]))}, cfg, c.en, c.sv)
		})
	}
}
