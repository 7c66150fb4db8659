package scaffold

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"portal/generator/internal/config"
	"portal/generator/internal/content"
	"portal/generator/internal/diag"
	"portal/generator/internal/kinds"
)

var today = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

func testConfig(t *testing.T) *config.Config {
	t.Helper()
	src, err := os.ReadFile("testdata/config.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.ParseWith(src, kinds.Default())
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// site makes a site root with the test config.
func site(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	src, _ := os.ReadFile("testdata/config.toml")
	if err := os.WriteFile(filepath.Join(root, "config.toml"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

// TestEveryKey checks that a new record has every key of its kind:
// required keys set, optional ones commented out with a hint.
func TestEveryKey(t *testing.T) {
	cfg := testConfig(t)
	for _, kind := range content.Folders(kinds.Default()) {
		text := string(Record(Options{Kind: kind, Title: "Test", Today: today, Cfg: cfg}))
		names, required := content.KeyNames(cfg.Kinds, kind)
		for _, k := range names {
			set := regexp.MustCompile(`(?m)^` + k + ` = `).MatchString(text)
			commented := regexp.MustCompile(`(?m)^# ` + k + ` = .*  # \S`).MatchString(text)
			if required[k] && !set {
				t.Errorf("%s: required key %s not set:\n%s", kind, k, text)
			}
			if !required[k] && !commented {
				t.Errorf("%s: optional key %s not commented out with a hint:\n%s", kind, k, text)
			}
			if h := hintFor(kind, k); h.text == "" || (!required[k] && h.example == "") {
				t.Errorf("%s: no hint for %s", kind, k)
			}
		}
	}
}

// TestAliasExample checks that the commented-out alias of a new record is
// an old address in the record's own section and language, as a rename
// would leave it, not a thesis's address for every kind.
func TestAliasExample(t *testing.T) {
	cfg := testConfig(t)
	for _, c := range []struct{ kind, lang, want string }{
		{"theses", "", `# aliases = ["/exjobb/old-name/"]`},
		{"lectures", "sv", `# aliases = ["/gastforelasningar/old-name/"]`},
		{"lectures", "en", `# aliases = ["/en/guest-lectures/old-name/"]`},
		{"pages", "", `# aliases = ["/old-name/"]`},
		{"pages", "en", `# aliases = ["/en/old-name/"]`},
	} {
		text := string(Record(Options{Kind: c.kind, Lang: c.lang, Title: "Test", Today: today, Cfg: cfg}))
		line := regexp.MustCompile(`(?m)^# aliases = \S+`).FindString(text)
		if line != c.want {
			t.Errorf("%s %q: %q, want %q", c.kind, c.lang, line, c.want)
		}
	}
}

// TestCheckFlagsPlaceholders writes a record of every kind and loads them
// as check does: each placeholder (of package content, which both use) is
// an error at the placeholder, and so are the body and a deadline on the
// record's date; with the placeholders replaced, the records are clean.
func TestCheckFlagsPlaceholders(t *testing.T) {
	root := site(t)
	cfg := testConfig(t)
	for _, kind := range content.Folders(kinds.Default()) {
		if _, err := Create(root, Options{Kind: kind, Title: "Ett prov", Today: today, Cfg: cfg}); err != nil {
			t.Fatal(err)
		}
	}
	_, err := content.Load(os.DirFS(root), cfg)
	list, _ := diag.AsList(err)
	var got []string
	for _, e := range list {
		got = append(got, e.Error())
	}
	want := []string{
		`content/agreements/ett-prov.md:4:10: areas still holds the placeholder "TODO-area" of portal new; replace it`,
		`content/agreements/ett-prov.md:5:8: type still holds the placeholder "TODO" of portal new; replace it`,
		`content/agreements/ett-prov.md:6:19: parties still holds the placeholder "TODO-organisation" of portal new; replace it`,
		`content/agreements/ett-prov.md:8:10: status still holds the placeholder "TODO" of portal new; replace it`,
		`content/agreements/ett-prov.md:27:1: the text still holds the placeholder "TODO: Sammanfatta avtalet: syfte, vad pa…" of portal new; replace it`,
		`content/collaborations/ett-prov.md:4:10: areas still holds the placeholder "TODO-area" of portal new; replace it`,
		`content/collaborations/ett-prov.md:5:10: status still holds the placeholder "TODO" of portal new; replace it`,
		`content/collaborations/ett-prov.md:6:13: partners still holds the placeholder "TODO-organisation" of portal new; replace it`,
		`content/collaborations/ett-prov.md:24:1: the text still holds the placeholder "TODO: Beskriv samarbetet: mål, vad parte…" of portal new; replace it`,
		`content/exchanges/ett-prov.md:4:10: areas still holds the placeholder "TODO-area" of portal new; replace it`,
		`content/exchanges/ett-prov.md:5:8: from still holds the placeholder "TODO-organisation" of portal new; replace it`,
		`content/exchanges/ett-prov.md:6:6: to still holds the placeholder "TODO-organisation" of portal new; replace it`,
		`content/exchanges/ett-prov.md:7:12: position must not be empty; write its text between the quotes`,
		`content/exchanges/ett-prov.md:22:1: the text still holds the placeholder "TODO: Beskriv utbytet: vem, var, vad per…" of portal new; replace it`,
		`content/followups/ett-prov.md:4:10: areas still holds the placeholder "TODO-area" of portal new; replace it`,
		`content/followups/ett-prov.md:20:1: the text still holds the placeholder "TODO: Sammanfatta årets uppföljning: vad…" of portal new; replace it`,
		`content/internships/ett-prov.md:4:10: areas still holds the placeholder "TODO-area" of portal new; replace it`,
		`content/internships/ett-prov.md:5:8: host still holds the placeholder "TODO-organisation" of portal new; replace it`,
		`content/internships/ett-prov.md:24:1: the text still holds the placeholder "TODO: Beskriv praktiken: arbetsuppgifter…" of portal new; replace it`,
		`content/lectures/ett-prov.md:4:10: areas still holds the placeholder "TODO-area" of portal new; replace it`,
		`content/lectures/ett-prov.md:7:9: place must not be empty; write its text between the quotes`,
		`content/lectures/ett-prov.md:8:11: speaker must not be empty; write its text between the quotes`,
		`content/lectures/ett-prov.md:24:1: the text still holds the placeholder "TODO: Beskriv föreläsningen: ämne, förel…" of portal new; replace it`,
		`content/pages/ett-prov.md:12:1: the text still holds the placeholder "TODO: Skriv sidans text här." of portal new; replace it`,
		`content/theses/ett-prov.md:4:10: areas still holds the placeholder "TODO-area" of portal new; replace it`,
		`content/theses/ett-prov.md:5:8: host still holds the placeholder "TODO-organisation" of portal new; replace it`,
		`content/theses/ett-prov.md:6:9: level still holds the placeholder "TODO" of portal new; replace it`,
		`content/theses/ett-prov.md:7:11: credits must be 15 or 30, not 0`,
		`content/theses/ett-prov.md:26:1: the text still holds the placeholder "TODO: Beskriv uppdraget: bakgrund, fråge…" of portal new; replace it`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("check says\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Filled in, every record is clean.
	fill := strings.NewReplacer(`"TODO-area"`, `"energi"`, `["kth", "TODO-organisation"]`, `["kth", "stockholms-stad"]`,
		`"TODO-organisation"`, `"trafikkontoret"`, `level = "TODO"`, `level = "master"`, `credits = 0`, `credits = 30`,
		`type = "TODO"`, `type = "mou"`, `status = "TODO"`, `status = "active"`, `= ""`, `= "Text"`,
		"deadline = 2026-03-01", "deadline = 2026-04-01", "\nTODO: ", "\n")
	for _, kind := range content.Folders(kinds.Default()) {
		p := filepath.Join(root, "content", kind, "ett-prov.md")
		b, _ := os.ReadFile(p)
		os.WriteFile(p, []byte(fill.Replace(string(b))), 0o644)
	}
	if _, err := content.Load(os.DirFS(root), cfg); err != nil {
		t.Errorf("filled in: %v", err)
	}
}

func TestCreate(t *testing.T) {
	root := site(t)
	cfg := testConfig(t)
	res, err := Create(root, Options{Kind: "theses", Title: "Energidata för flerbostadshus", Today: today, Cfg: cfg})
	if err != nil || res.Path != "content/theses/energidata-for-flerbostadshus.md" || res.Translation {
		t.Fatalf("Create: %+v %v", res, err)
	}
	b, _ := os.ReadFile(filepath.Join(root, res.Path))
	for _, want := range []string{"title = \"Energidata för flerbostadshus\"\n", "\ndate = 2026-03-01 ", "\ndeadline = 2026-03-01 "} {
		if !strings.Contains(string(b), want) {
			t.Errorf("new record lacks %q:\n%s", want, b)
		}
	}

	// Never overwrites.
	os.WriteFile(filepath.Join(root, res.Path), []byte("edited"), 0o644)
	_, err = Create(root, Options{Kind: "theses", Title: "Energidata för flerbostadshus", Today: today, Cfg: cfg})
	if err == nil || !strings.Contains(err.Error(), "content/theses/energidata-for-flerbostadshus.md already exists") {
		t.Errorf("second Create: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(root, res.Path)); string(b) != "edited" {
		t.Errorf("file overwritten")
	}

	// The English translation of an existing record: title, summary, body.
	tr, err := Create(root, Options{Kind: "theses", Title: "Energy data in \"blocks\"", Lang: "en", Name: "energidata-for-flerbostadshus", Today: today, Cfg: cfg})
	if err != nil || tr.Path != "content/theses/energidata-for-flerbostadshus.en.md" || !tr.Translation {
		t.Fatalf("translation: %+v %v", tr, err)
	}
	b, _ = os.ReadFile(filepath.Join(root, tr.Path))
	want := "+++\ntitle = \"Energy data in \\\"blocks\\\"\"\n# summary = \"\"  # one sentence for lists and feeds; without it, the first paragraph of the text\n" +
		"# Every other key comes from content/theses/energidata-for-flerbostadshus.md.\n+++\n\n" +
		"TODO: translate the text of content/theses/energidata-for-flerbostadshus.md here.\n"
	if string(b) != want {
		t.Errorf("translation:\n%s\nwant\n%s", b, want)
	}

	// English without a Swedish record: a record of its own, every key.
	own, err := Create(root, Options{Kind: "lectures", Title: "Smart maps", Lang: "en", Today: today, Cfg: cfg})
	if err != nil || own.Path != "content/lectures/smart-maps.en.md" || own.Translation {
		t.Fatalf("English record: %+v %v", own, err)
	}
	b, _ = os.ReadFile(filepath.Join(root, own.Path))
	if !strings.Contains(string(b), "\nspeaker = \"\"") || !strings.Contains(string(b), "TODO: write the text") {
		t.Errorf("English record:\n%s", b)
	}

	// A Swedish file beside it would make it a translation, with every
	// key but its title an error: refused, nothing written.
	_, err = Create(root, Options{Kind: "lectures", Title: "Smart maps", Today: today, Cfg: cfg})
	if err == nil || err.Error() != "content/lectures/smart-maps.en.md is a record of its own, in en only; a new content/lectures/smart-maps.md would make it a translation, which sets only title, summary and aliases: choose another title or -name" {
		t.Errorf("Swedish beside an English record: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "content/lectures/smart-maps.md")); err == nil {
		t.Errorf("Swedish beside an English record: written")
	}

	for _, c := range []struct {
		opt  Options
		want string
	}{
		{Options{Kind: "thesis", Title: "x"}, `unknown kind "thesis"`},
		{Options{Kind: "theses", Title: " "}, "the title must not be empty"},
		{Options{Kind: "theses", Title: "x", Lang: "de"}, `unknown language "de"`},
		{Options{Kind: "theses", Title: "!!!"}, "no letters or digits"},
		{Options{Kind: "theses", Title: "x", Name: "Bad Name"}, "must be lowercase"},
		{Options{Kind: "theses", Title: "Con"}, `name "con" is reserved on Windows, where the site must build too; choose another with -name`},
		{Options{Kind: "theses", Title: "x", Name: "lpt1"}, `name "lpt1" is reserved on Windows, where the site must build too; choose another with -name`},
	} {
		c.opt.Cfg, c.opt.Today = cfg, today
		if _, err := Create(root, c.opt); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Create(%+v): %v, want %q", c.opt, err, c.want)
		}
	}
}

// TestSwedishComments checks that an editor whose messages are Swedish
// gets the comments of a new file in Swedish, every key's hint included,
// and the file's keys and values as in English.
func TestSwedishComments(t *testing.T) {
	cfg := testConfig(t)
	for _, kind := range content.Folders(kinds.Default()) {
		names, _ := content.KeyNames(cfg.Kinds, kind)
		for _, k := range names {
			if h := hintFor(kind, k); k != "title" && h.sv == "" {
				t.Errorf("%s: no Swedish hint for %s", kind, k)
			}
		}
	}
	opt := Options{Kind: "internships", Title: "Praktik", Today: today, Cfg: cfg, Msgs: diag.Swedish}
	got := string(Record(opt))
	if !strings.Contains(got, "\n# Valfria: ta bort # för att använda en nyckel.\n") ||
		!strings.Contains(got, "# weeks = 10                # längd i veckor, 1 till 104\n") ||
		!strings.Contains(got, "TODO: värdorganisationen, en nyckel i config.toml [organisations]; t.ex. ") {
		t.Errorf("Swedish record:\n%s", got)
	}
	opt.Lang = "en"
	want := "+++\ntitle = \"Praktik\"\n" +
		"# summary = \"\"  # en mening för listor och flöden; utan den används textens första stycke\n" +
		"# Övriga nycklar hämtas från content/internships/praktik.md.\n+++\n\n" +
		"TODO: översätt texten i content/internships/praktik.md här.\n"
	if got := string(Translation(opt, "content/internships/praktik.md")); got != want {
		t.Errorf("Swedish translation:\n%s\nwant\n%s", got, want)
	}
	english := Options{Kind: "internships", Title: "Praktik", Today: today, Cfg: cfg}
	strip := regexp.MustCompile(`(?m)\s*#.*$|TODO: .*`)
	if a, b := strip.ReplaceAllString(got, ""), strip.ReplaceAllString(string(Record(english)), ""); a != b {
		t.Errorf("the keys differ from English:\n%s\n%s", a, b)
	}
}

// TestSwedishHintWords checks that the Swedish hints of a new file call
// things what the site calls them: "Skolor vid KTH", "Centrum eller labb
// vid KTH", "Särskilt avtal", "Gällande", "Uppsagt", "Befattning".
func TestSwedishHintWords(t *testing.T) {
	for key, want := range map[string]string{
		"theses.schools":          "skolor vid KTH, nycklar i config.toml [schools]",
		"collaborations.centre":   "centrum eller labb vid KTH",
		"agreements.type":         `"mou" (avsiktsförklaring) eller "agreement" (särskilt avtal)`,
		"agreements.status":       `"active" (gällande) eller "terminated" (uppsagt; ange då även terminated)`,
		"exchanges.position":      "befattningen, t.ex. adjungerad lektor",
		"lectures.status":         `"scheduled" (planerad, standard) eller "cancelled" (inställd)`,
		"collaborations.status":   `"planned" (planerat), "active" (pågående) eller "completed" (avslutat)`,
		"internships.credits":     "högskolepoäng, om praktiken ingår i en kurs (1 till 60)",
		"agreements.noticeMonths": "uppsägningstid i månader",
	} {
		kind, k, _ := strings.Cut(key, ".")
		if got := hintFor(kind, k).in(diag.Swedish); got != want {
			t.Errorf("%s: %q, want %q", key, got, want)
		}
	}
	// The text of a new lecture names its speaker as the page does.
	opt := Options{Kind: "lectures", Title: "Buller", Today: today, Cfg: testConfig(t), Msgs: diag.Swedish}
	if got, want := opt.bodyText(""), "TODO: Beskriv föreläsningen: ämne, föreläsare och vem den vänder sig till.\n"; got != want {
		t.Errorf("a new lecture's text: %q, want %q", got, want)
	}
}

// TestAgreementHint checks that the hint of the key agreement names the
// agreements the site has, each once, and a few of many.
func TestAgreementHint(t *testing.T) {
	cfg := testConfig(t)
	for _, c := range []struct {
		files []string
		want  string
	}{
		{nil, "(content/agreements/<slug>.md)\n"},
		{[]string{"mou.md", "mou.en.md", "ramavtal.md", "ramavtal.pdf", "bara-engelska.en.md"},
			"(content/agreements/<slug>.md): bara-engelska, mou, ramavtal\n"},
		{[]string{"a1.md", "a2.md", "a3.md", "a4.md", "a5.md", "a6.md", "a7.md"},
			"(content/agreements/<slug>.md); e.g. a1, a2, a3, a4, a5, a6\n"},
	} {
		root := site(t)
		for _, f := range c.files {
			full := filepath.Join(root, "content", "agreements", f)
			os.MkdirAll(filepath.Dir(full), 0o755)
			if err := os.WriteFile(full, nil, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		res, err := Create(root, Options{Kind: "exchanges", Title: "Ett utbyte", Today: today, Cfg: cfg})
		if err != nil {
			t.Fatal(err)
		}
		text, _ := os.ReadFile(filepath.Join(root, res.Path))
		line := regexp.MustCompile(`(?m)^# agreement = .*\n`).Find(text)
		if !strings.HasSuffix(string(line), c.want) {
			t.Errorf("%v: %q, want it to end %q", c.files, line, c.want)
		}
	}
}
