package diag

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
)

// anyArg formats as <n> for any verb, so a text can be rendered without
// knowing the types of its arguments.
type anyArg int

func (a anyArg) Format(f fmt.State, verb rune) { fmt.Fprintf(f, "<%d>", int(a)) }

var verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// argCount is the number of arguments the English text consumes: the
// highest index its verbs reach, in order or by an explicit [n].
func argCount(en string) int {
	n, next := 0, 0
	for _, v := range verbRE.FindAllStringSubmatch(en, -1) {
		if v[0] == "%%" {
			continue
		}
		if v[1] != "" {
			next, _ = strconv.Atoi(strings.Trim(v[1], "[]"))
		} else {
			next++
		}
		n = max(n, next)
	}
	return n
}

// catalogIDs returns every ID constant declared in the catalog files,
// by name.
func catalogIDs(t *testing.T) map[string]ID {
	t.Helper()
	files, err := filepath.Glob("catalog_*.go")
	if err != nil || len(files) == 0 {
		t.Fatal("no catalog files", err)
	}
	ids := map[string]ID{}
	seen := map[string]string{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(token.NewFileSet(), f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(af, func(n ast.Node) bool {
			vs, ok := n.(*ast.ValueSpec)
			if !ok || vs.Type == nil || fmt.Sprint(vs.Type) != "ID" {
				return true
			}
			for i, name := range vs.Names {
				lit := vs.Values[i].(*ast.BasicLit).Value
				value := strings.Trim(lit, `"`)
				if prev, dup := seen[value]; dup {
					t.Errorf("%s: ID %q is also %s", name.Name, value, prev)
				}
				seen[value] = name.Name
				ids[name.Name] = ID(value)
			}
			return true
		})
	}
	return ids
}

// hasWords reports whether a text has letters besides its verbs: one
// without ("%s: %s") may be the same in both languages.
func hasWords(s string) bool {
	return strings.ContainsFunc(verbRE.ReplaceAllString(s, ""), unicode.IsLetter)
}

// TestCatalogComplete fails for a message ID without an English or a
// Swedish text, a Swedish text that is just the English one, a Swedish
// text that drops or misuses an argument, and TOML words in Swedish.
func TestCatalogComplete(t *testing.T) {
	ids := catalogIDs(t)
	if len(ids) < 200 {
		t.Errorf("only %d message IDs: a catalog file was not read", len(ids))
	}
	for name, id := range ids {
		tx, ok := lookup(id)
		switch {
		case !ok:
			t.Errorf("%s (%s): in no table", name, id)
			continue
		case tx.En == "":
			t.Errorf("%s: no English text", name)
		case tx.Sv == "":
			t.Errorf("%s: no Swedish text", name)
		case tx.Sv == tx.En && hasWords(tx.En) && strings.ContainsRune(tx.En, ' '):
			t.Errorf("%s: the Swedish text is the English one: %q", name, tx.Sv)
		}
		n := argCount(tx.En)
		args := make([]any, n)
		for i := range args {
			args[i] = anyArg(i + 1)
		}
		en, sv := fmt.Sprintf(tx.En, args...), fmt.Sprintf(tx.Sv, args...)
		for _, out := range []string{en, sv} {
			if strings.Contains(out, "%!") {
				t.Errorf("%s: the verbs do not fit %d arguments: %q", name, n, out)
			}
		}
		for i := 1; i <= n; i++ {
			if a := fmt.Sprintf("<%d>", i); !strings.Contains(sv, a) {
				t.Errorf("%s: the Swedish text drops argument %d: %q", name, i, tx.Sv)
			}
		}
		for _, jargon := range []string{"TOML", "array", "inline"} {
			if strings.Contains(tx.Sv, jargon) {
				t.Errorf("%s: the Swedish text says %q: %q", name, jargon, tx.Sv)
			}
		}
	}
}

func TestMessageText(t *testing.T) {
	for _, c := range []struct {
		m      Message
		en, sv string
	}{
		{M(KeyUnknownMean, "dedline", "deadline"), `unknown key "dedline" (did you mean "deadline"?)`, `okänd nyckel "dedline" – menade du "deadline"?`},
		{M(VocabUnknown, M(WordArea), "energy", "areas"), `unknown area "energy" (not in config.toml [areas]); check the spelling`,
			`området "energy" finns inte under [areas] i config.toml – kontrollera stavningen`},
		{M(EnumOneOf, "level", M(ListOr, `"bachelor"`, `"master"`), "phd"), `level must be "bachelor" or "master", not "phd"`,
			`level: "phd" är inte tillåtet – skriv "bachelor" eller "master"`},
		{M("no.such.id", 1, "x"), "no.such.id 1 x", "no.such.id 1 x"},
		{M(IntMust, "weeks", M(WantFromTo, 1, 104), 200), `weeks must be from 1 to 104, not 200`,
			`weeks: 200 är inte tillåtet – skriv ett tal från 1 till 104`},
		{M(Declared, Text{En: "a room like Q2", Sv: "ett rum som Q2"}), "a room like Q2", "ett rum som Q2"},
		{M(EnumOneOf, "room", M(Declared, Text{En: "a room like Q2", Sv: "ett rum som Q2"}), "x"), `room must be a room like Q2, not "x"`,
			`room: "x" är inte tillåtet – skriv ett rum som Q2`},
		{M(ListNeeds, "hosts", Text{En: "two hosts", Sv: "två värdar"}), "hosts needs two hosts", "hosts: ange två värdar"},
		{M(Declared), "declared", "declared"},
		// A number with a fraction has the decimal sign of the language.
		{M(ImageTooLarge, "big.png", 5.04, 5), `image "big.png" is 5.0 MB; the limit is 5 MB: make it smaller`,
			`bilden "big.png" är 5,0 MB, men den får vara högst 5 MB – gör den mindre`},
		{M(NotNegative, "weeks"), `weeks must not be negative`, `weeks: talet får inte vara negativt`},
		{M(AttachmentType, "x.html", "HTML", "PDF"), `attachment "x.html": HTML files are not published (a browser could run them); an attachment is a document: PDF`,
			`attachment: HTML-filer som "x.html" publiceras inte (en webbläsare skulle kunna köra dem) – en bilaga är ett dokument: PDF`},
		{M(SummaryRecords, 40, 3, 1, 2, 0, 8), `records  40 published, 3 pages, 1 drafts, 2 scheduled, 0 expired, 8 closed or archived`,
			`poster   40 publicerade, 3 sidor, 1 utkast, 2 schemalagda, 0 utgångna, 8 stängda eller arkiverade`},
		// A count is grouped as the site groups its counts; a number
		// that is not one (a year, a value from a file) is not.
		{M(SummaryWrote, Count(17500), Count(1234567), 512.25, "public"), `wrote    17,500 pages, 1,234,567 files (512.2 MB) to public`,
			"skrev    17\u00a0500 sidor, 1\u00a0234\u00a0567 filer (512,2 MB) till public"},
		// A size of 1,000 MB or more is grouped as the counts beside it.
		{M(SummaryWrote, Count(175000), Count(174723), 2156.34, "public"), `wrote    175,000 pages, 174,723 files (2,156.3 MB) to public`,
			"skrev    175\u00a0000 sidor, 174\u00a0723 filer (2\u00a0156,3 MB) till public"},
		{M(ImageTooLarge, "big.png", -0.5, 5), `image "big.png" is -0.5 MB; the limit is 5 MB: make it smaller`,
			`bilden "big.png" är -0,5 MB, men den får vara högst 5 MB – gör den mindre`},
		{M(ServeRebuilt, Duration(1481*time.Millisecond), Count(40000), Count(2)), `serve: rebuilt in 1.481s: 40,000 written, 2 removed`,
			"serve: byggde om på 1,481s: 40\u00a0000 skrivna, 2 borttagna"},
		{M(ServeTurned, "2026-12-03 15:00"), `serve: the clock passed 2026-12-03 15:00, when a date in the sources takes effect; bringing the preview up to date`,
			`serve: klockan passerade 2026-12-03 15:00, då ett datum i källfilerna får verkan – förhandsvisningen uppdateras`},
		{M(ServeRetry), `serve: trying again to write the preview, which failed (the error above)`,
			`serve: försöker igen att skriva förhandsvisningen, vilket misslyckades (felet ovan)`},
		{M(IntMust, "year", M(WantFromTo, 2000, 2100), 1990), `year must be from 2000 to 2100, not 1990`,
			`year: 1990 är inte tillåtet – skriv ett tal från 2000 till 2100`},
		{M(AgreementMissing, "nope", "nope"), `agreement "nope" does not exist (no content/agreements/nope.md or record with that slug); check the spelling`,
			`agreement: avtalet "nope" finns inte (ingen content/agreements/nope.md eller post med det namnet i slug) – kontrollera stavningen`},
		{M(RecordEnd, "x.md.txt", "x.md"), `"x.md.txt" is not read as a record, since a record's file name ends in .md in lower case; rename it "x.md"`,
			`"x.md.txt" läses inte som en post, eftersom en posts filnamn slutar på .md med små bokstäver – döp om filen till "x.md"`},
		{M(SyntaxKeysOneLine, "en"), `en: each key goes on a line of its own – start a new line before en =`,
			`en: varje nyckel skrivs på en egen rad – börja en ny rad före en =`},
		{M(AttachmentMissingMean, "avtal-2024.pdf", "avtal-2025.pdf"), `attachment "avtal-2024.pdf" not found beside the record; did you mean "avtal-2025.pdf"?`,
			`attachment: filen "avtal-2024.pdf" finns inte bredvid posten – menade du "avtal-2025.pdf"?`},
		{M(CSPString, 1.5), `a source must be a string, not 1.5`, `en källa ska vara en text inom citattecken, inte 1.5`},
		// A value quoted from a file keeps to its line and its order: a
		// control character or a bidirectional override is escaped.
		{M(LinkNoPage, "/a\u202efdp.exe\r\n\u2066x"), `link to /a\u202efdp.exe\r\n\u2066x: no such page on the site; check the address`,
			`länken till /a\u202efdp.exe\r\n\u2066x: sidan finns inte på webbplatsen – kontrollera adressen`},
	} {
		if got := c.m.Text(English); got != c.en {
			t.Errorf("%s en: %q, want %q", c.m.ID, got, c.en)
		}
		if got := c.m.Text(Swedish); got != c.sv {
			t.Errorf("%s sv: %q, want %q", c.m.ID, got, c.sv)
		}
	}
}

func TestErrorIn(t *testing.T) {
	e := Warn("content/theses/x.md", 1, 1, WarnTranslation, "en", "content/theses/x.en.md")
	for lang, want := range map[Lang]string{
		English: `content/theses/x.md:1:1: warning: no en translation: create content/theses/x.en.md`,
		Swedish: `content/theses/x.md:1:1: varning: ingen översättning till språket "en" – skapa filen content/theses/x.en.md`,
	} {
		if got := e.In(lang); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	if e.Error() != e.In(English) || e.Msg != "no en translation: create content/theses/x.en.md" {
		t.Errorf("Error() %q, Msg %q", e.Error(), e.Msg)
	}
	plain := Error{Path: "templates/x.html", Line: 2, Col: 3, Msg: "template: boom"}
	if got := plain.In(Swedish); got != "templates/x.html:2:3: template: boom" {
		t.Errorf("a text outside the catalog: %q", got)
	}
}

func TestLocaleLang(t *testing.T) {
	for _, c := range []struct {
		all, messages, lang string
		want                Lang
	}{
		{"", "", "", English},
		{"", "", "sv_SE.UTF-8", Swedish},
		{"", "", "sv", Swedish},
		{"", "en_GB.UTF-8", "sv_SE.UTF-8", English},
		{"sv_FI", "en_GB.UTF-8", "", Swedish},
		{"C", "", "sv_SE.UTF-8", English},
		{"", "", "svenska", English},
	} {
		if got := LocaleLang(c.all, c.messages, c.lang); got != c.want {
			t.Errorf("LC_ALL=%q LC_MESSAGES=%q LANG=%q: %s, want %s", c.all, c.messages, c.lang, got, c.want)
		}
	}
}
