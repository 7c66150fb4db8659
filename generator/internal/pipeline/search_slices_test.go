package pipeline

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/render"
)

// runNode runs the script runner under Node with the path of
// templates/assets/search.js (its parts joined) as its argument and cases as JSON on its
// input, and decodes what it prints into out; it skips the test where
// Node is not installed.
func runNode(t *testing.T, runner string, cases, out any) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed")
	}
	// The script as the build publishes it: its parts joined.
	root := os.DirFS("../../..")
	cfg, err := config.Load(root)
	if err != nil {
		t.Fatal(err)
	}
	tm, err := render.Load(root, cfg, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var js []byte
	for p, b := range tm.Assets() {
		if ok, _ := path.Match("assets/search.??????????.js", p); ok {
			js = b
		}
	}
	if js == nil {
		t.Fatal("no search.js among the assets")
	}
	script := filepath.Join(t.TempDir(), "search.js")
	if err := os.WriteFile(script, js, 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "run.js")
	if err := os.WriteFile(file, []byte(runner), 0o644); err != nil {
		t.Fatal(err)
	}
	in, _ := json.Marshal(cases)
	cmd := exec.Command(node, file, script)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	got, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.Bytes())
	}
	if err := json.Unmarshal(got, out); err != nil {
		t.Fatalf("node output: %v\n%s", err, got)
	}
}

// sliceRunner fetches ahead for each case's query with a pace that lets
// every slice do one word's set (until is true at once), counting the
// slices; then, on a fresh index, with a pace that gives up after the
// first slice of the likeliest query's word (a keystroke came), and
// types that query without a pace, as the page does for a keystroke.
const sliceRunner = `
const api = require(process.argv[2]);
const fs = require('fs');
const cases = JSON.parse(fs.readFileSync(0, 'utf8'));
const get = (p) => Promise.resolve(JSON.parse(fs.readFileSync(p, 'utf8')));
// todo is how many sets the words of the queries qs add, and how many of
// them were added (the jobs of search.js's termScores).
const todo = (ix, qs) => qs.flatMap((q) => api.tokens(q)).reduce((n, w) => {
  const job = ix.terms.get(w);
  return job ? [n[0] + job.todo.length, n[1] + job.next] : n;
}, [0, 0]);
const urls = async (ix, s, now) => (await api.details(ix, await api.search(ix, s, now))).map((it) => it.url);
(async () => {
  const out = [];
  for (const c of cases) {
    const state = api.readQuery(c.query), now = Date.parse(c.now);
    const ix = await api.openIndex(c.index, c.scope, get);
    const next = await api.likely(ix, state.q, 3);
    let slices = 0;
    const one = () => { slices++; return new Promise((ok) => setTimeout(() => ok(() => true), 0)); };
    await api.prefetch(ix, state, now, () => true, one);
    const [sets, added] = todo(ix, next);
    const ix2 = await api.openIndex(c.index, c.scope, get);
    let asked = 0, live = true;
    // The slices of likely (before any word is scored) all come; then
    // one, of the likeliest query's word.
    const first = () => (!ix2.terms || asked++ < 1 ? Promise.resolve(() => true) : (live = false, new Promise(() => {})));
    api.prefetch(ix2, state, now, () => live, first);
    await new Promise((ok) => setTimeout(ok, 20));
    const [begun, stopped] = todo(ix2, next);
    const typed = api.readQuery('?q=' + encodeURIComponent(next[0]));
    const narrowed = await urls(ix2, typed, now);
    const fresh = await urls(await api.openIndex(c.index, c.scope, get), typed, now);
    out.push({ next, slices, sets, added, begun, stopped, narrowed, fresh });
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
`

// TestSearchSlices: the fetch ahead computes in slices (search.js, run:
// here one set of a word each), the likeliest query first, and stops
// when its pace gives up (a keystroke came), the word it was scoring
// left half done; the query then typed finishes it and finds what a
// fresh search finds, in the same order. In the browser the slices are a few
// milliseconds of idle time each, so that no fetch ahead of a broad
// prefix blocks a keystroke for tens of milliseconds.
func TestSearchSlices(t *testing.T) {
	b := buildFixture(t, fixture(t, "testdata/sites/basic"))
	sv := filepath.Join(b.out, "search") + "/"
	now := testNow.Format(time.RFC3339)
	type result struct {
		Next                []string
		Slices, Sets, Added int
		Begun, Stopped      int
		Narrowed, Fresh     []string
	}
	queries := []string{"?q=e", "?q=tra"}
	var cases []searchCase
	for _, q := range queries {
		cases = append(cases, searchCase{sv, "k-theses", q, now, false})
	}
	var res []result
	runNode(t, sliceRunner, cases, &res)
	if len(res) != len(queries) {
		t.Fatalf("%d results for %d cases", len(res), len(queries))
	}
	for i, got := range res {
		q := queries[i]
		if len(got.Next) == 0 || got.Sets <= len(got.Next) {
			t.Fatalf("%s: next %q with %d sets: the fixture no longer has a word of several sets", q, got.Next, got.Sets)
		}
		if got.Added != got.Sets || got.Slices < got.Sets {
			t.Errorf("%s: %d slices added %d of %d sets, want all, one slice each", q, got.Slices, got.Added, got.Sets)
		}
		if got.Begun < 2 || got.Stopped != 1 {
			t.Errorf("%s: stopped after %d of %d sets, want 1 (one slice)", q, got.Stopped, got.Begun)
		}
		if len(got.Fresh) == 0 || !slices.Equal(got.Narrowed, got.Fresh) {
			t.Errorf("%s: %s typed after a stopped fetch ahead found %v, want %v", q, got.Next[0], got.Narrowed, got.Fresh)
		}
	}
}
