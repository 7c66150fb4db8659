package content

import (
	"slices"
	"strings"
	"testing"
)

// TestTableKeys feeds Load the tables of contacts and signatories as an
// editor may write them: the wrong shape names the shape of that key, and
// a [contacts] or [[signatories]] line, TOML's other way of writing them,
// is one problem at the line that says what to write instead, not a
// missing key for every line below it that the table took.
func TestTableKeys(t *testing.T) {
	const p = "content/agreements/x.md"
	sign := `signatories = [{ name = "Anna Andersson", title = "Rektor", org = "kth" }]`
	for _, c := range []struct {
		name string
		file string
		want []string
	}{
		{"signatories a table, not a list", agreement(`signatories = { name = "Anna Andersson", title = "Rektor", org = "kth" }`),
			[]string{p + `:9:15: signatories must be a list like [{ name = "...", title = "...", org = "..." }]`}},
		{"signatories a text", agreement(`signatories = "Anna Andersson"`),
			[]string{p + `:9:15: signatories must be a list like [{ name = "...", title = "...", org = "..." }]`}},
		{"contacts a table, not a list", agreement(`contacts = { role = "Registrator", email = "reg@example.se" }`),
			[]string{p + `:9:12: contacts must be a list like [{ role = "...", email = "..." }]`}},
		{"signatories valid", agreement(sign), nil},
		{"[[contacts]] at the end", agreement("[[contacts]]\nrole = \"Registrator\"\nemail = \"reg@example.se\""),
			[]string{p + `:9:3: [[contacts]] starts a table, which takes the lines below it (email, role) – write contacts = [{ role = "...", email = "..." }] instead`}},
		{"[signatories] in the middle", rec(`title = "Avtal"`, "date = 2026-01-01", "[signatories]", `name = "Anna Andersson"`,
			`areas = ["bygg"]`, `type = "mou"`, `parties = ["kth", "stad"]`, "signed = 2026-01-01", `status = "active"`),
			[]string{p + `:4:2: [signatories] starts a table, which takes the lines below it (areas, name, parties, signed, status, type) – write signatories = [{ name = "...", title = "...", org = "..." }] instead`}},
		{"[title] of a record", rec("[title]", `sv = "Avtal"`, "date = 2026-01-01", `areas = ["bygg"]`, `type = "mou"`,
			`parties = ["kth", "stad"]`, "signed = 2026-01-01", `status = "active"`),
			[]string{p + `:2:2: [title] starts a table, which takes the lines below it (areas, date, parties, signed, status, sv, type) away from the record – remove the line`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, got := load(t, mapFS(map[string]string{p: c.file}))
			if !slices.Equal(got, c.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}
