package serve

import "testing"

// TestBrowseLinksMatchBuild checks that the links of a kind's list that
// stand in for its filters without JavaScript follow where the kind's
// section starts on each area's pages: a new thesis in an area moves its
// internships to the area's next page (two records a page here), and the
// internships' list, none of whose records changed, links that page.
func TestBrowseLinksMatchBuild(t *testing.T) {
	for _, store := range bothStores() {
		t.Run(store.name, func(t *testing.T) {
			root := fixture(t)
			e := builtEngine(t, root, store.new(t))
			for i, name := range []string{"ny1", "ny2"} {
				rec := "content/theses/" + name + ".md"
				write(t, root, rec, "+++\ntitle = \"Ny\"\ndate = 2026-08-01\nareas = [\"energi\"]\nhost = \"kth\"\n"+
					"level = \"master\"\ncredits = 30\ndeadline = 2026-12-20\n+++\n\nText.\n")
				if res := mustUpdate(t, e, rec); len(res.Errs) > 0 {
					t.Fatalf("thesis %d: %v", i+1, res.Errs)
				}
				matchesBuild(t, e, root, "thesis "+name)
			}
		})
	}
}
