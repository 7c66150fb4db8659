package render

import (
	"bytes"
	"testing"
	"testing/fstest"
	"time"

	"portal/generator/internal/diag"
)

// TestTemplateParseErrorsSwedish: a designer's mistakes in a template,
// as Go's parser and html/template report them, print in both
// languages at the same place; the English is Go's text.
func TestTemplateParseErrorsSwedish(t *testing.T) {
	const list = "templates/pages/list.html"
	main := func(body string) string { return "{{define \"main\"}}\n" + body }
	for _, tc := range []struct {
		name, file, src string
		en, sv          string
	}{
		{"unknown function", list, main("<p>{{nosuch 1}}</p>{{end}}"),
			`templates/pages/list.html:2:6: function "nosuch" not defined`,
			`templates/pages/list.html:2:6: funktionen "nosuch" finns inte`},
		{"unexpected token", list, main("<p>{{.Lang ^ 2}}</p>{{end}}"),
			`templates/pages/list.html:2:12: unexpected "^" in operand`,
			`templates/pages/list.html:2:12: oväntat "^" i ett värde`},
		{"missing value for if", list, main("{{if}}{{end}}{{end}}"),
			`templates/pages/list.html:2:1: missing value for if`,
			`templates/pages/list.html:2:1: värde saknas i {{if}}`},
		// A block the file ends in: at its "{{", not at the file's end.
		{"unexpected EOF", list, main("<p>{{if .Lang}}x\n\n"),
			`templates/pages/list.html:2:4: unexpected EOF: the {{if}} opened here has no {{end}}`,
			`templates/pages/list.html:2:4: filen tar slut men {{if}} som börjar här har inget {{end}}`},
		{"unexpected EOF, inner block closed", list, main("{{- range .P.Groups}}\n  {{ if .Lang }}x{{end}}\n{{/* {{end}} */}}\n{{\"{{end}}\"}}\n"),
			`templates/pages/list.html:2:1: unexpected EOF: the {{range}} opened here has no {{end}}`,
			`templates/pages/list.html:2:1: filen tar slut men {{range}} som börjar här har inget {{end}}`},
		{"unexpected EOF in define", list, main("{{if .Lang}}x{{end}}\n"),
			`templates/pages/list.html:1:1: unexpected EOF: the {{define}} opened here has no {{end}}`,
			`templates/pages/list.html:1:1: filen tar slut men {{define}} som börjar här har inget {{end}}`},
		{"end too many", list, main("{{end}}{{end}}"),
			`templates/pages/list.html:2:1: unexpected {{end}}`,
			`templates/pages/list.html:2:1: {{end}} hör inte till något {{if}}, {{range}}, {{with}}, {{block}} eller {{define}}`},
		{"undefined variable", list, main("<p>{{$x}}</p>{{end}}"),
			`templates/pages/list.html:2:6: undefined variable "$x"`,
			`templates/pages/list.html:2:6: variabeln "$x" finns inte`},
		{"action not closed", list, main("<p>Från {{.Lang</p>{{end}}"),
			`templates/pages/list.html:2:9: bad character U+003C '<', in the action opened here: is its "}}" missing?`,
			`templates/pages/list.html:2:9: tecknet U+003C '<' får inte stå i {{ som börjar här – saknas dess "}}"?`},
		{"action unclosed at the end", list, main("<p>Från {{ if .Lang"),
			`templates/pages/list.html:2:9: unclosed action, opened here: is its "}}" missing?`,
			`templates/pages/list.html:2:9: {{ som börjar här avslutas aldrig – saknas dess "}}"?`},
		{"bad character", list, main("<p>{{.Lang;}}</p>{{end}}"),
			`templates/pages/list.html:2:11: bad character U+003B ';'`,
			`templates/pages/list.html:2:11: tecknet U+003B ';' får inte stå här`},
		{"unclosed string", list, main("{{\"abc}}{{end}}"),
			`templates/pages/list.html:2:1: unterminated quoted string`,
			`templates/pages/list.html:2:1: texten saknar avslutande citattecken (")`},
		{"unclosed comment", list, main("{{/* x }}{{end}}"),
			`templates/pages/list.html:2:1: unclosed comment`,
			`templates/pages/list.html:2:1: kommentaren avslutas aldrig – avsluta den med */}}`},
		{"unclosed paren", list, main("{{(.Lang}}{{end}}"),
			`templates/pages/list.html:2:1: unclosed left paren`,
			`templates/pages/list.html:2:1: parentesen stängs aldrig – saknas en )?`},
		{"no such template", list, main("{{template \"nope\" .}}{{end}}"),
			`templates/pages/list.html:2:12: no such template "nope"`,
			`templates/pages/list.html:2:12: mallen "nope" finns inte`},
		// A {{template}}, {{define}} or {{block}} without a name in
		// quotes: at its "{{", saying the name is missing.
		{"template without a name", list, main("<p>{{template}}</p>{{end}}"),
			`templates/pages/list.html:2:4: {{template}} needs the name of a template in quotes, as in {{template "name" .}}; found "}}"`,
			`templates/pages/list.html:2:4: {{template}} ska följas av namnet på en mall inom citattecken, som i {{template "namn" .}} – här står "}}"`},
		{"template named by a field", list, main("  {{- template .Lang . }}{{end}}"),
			`templates/pages/list.html:2:3: {{template}} needs the name of a template in quotes, as in {{template "name" .}}; found ".Lang"`,
			`templates/pages/list.html:2:3: {{template}} ska följas av namnet på en mall inom citattecken, som i {{template "namn" .}} – här står ".Lang"`},
		{"define without a name", list, main("{{end}}\n  {{define}}x{{end}}"),
			`templates/pages/list.html:3:3: {{define}} needs the name of a template in quotes, as in {{define "name"}}; found "}}"`,
			`templates/pages/list.html:3:3: {{define}} ska följas av namnet på en mall inom citattecken, som i {{define "namn"}} – här står "}}"`},
		{"block without a name", list, main("<main>{{block .Lang .}}x{{end}}</main>{{end}}"),
			`templates/pages/list.html:2:7: {{block}} needs the name of a template in quotes, as in {{block "name" .}}; found ".Lang"`,
			`templates/pages/list.html:2:7: {{block}} ska följas av namnet på en mall inom citattecken, som i {{block "namn" .}} – här står ".Lang"`},
		{"define inside a template", list, main("<p>x</p> {{define \"rad\"}}y{{end}}{{end}}"),
			`templates/pages/list.html:2:10: unexpected <define> in command`,
			`templates/pages/list.html:2:10: {{define}} får inte stå inuti en annan mall – flytta det till efter den mallens {{end}}`},
		{"a value piped into a value", list, main("<p>{{ .Lang | 3 }}</p>{{end}}"),
			`templates/pages/list.html:2:4: non executable command in pipeline stage 2`,
			`templates/pages/list.html:2:4: steg 2 i kedjan är ingen funktion – efter | ska det stå en funktion som tar emot värdet`},
		{"number too large", list, main("<p>{{ 1e9999 }}</p>{{end}}"),
			`templates/pages/list.html:2:7: illegal number syntax: "1e9999"`,
			`templates/pages/list.html:2:7: "1e9999" är inget tal som går att läsa`},
		{"text in single quotes", list, main("<p>{{ eq .Lang 'sv' }}</p>{{end}}"),
			`templates/pages/list.html:2:16: malformed character constant: 'sv'`,
			`templates/pages/list.html:2:16: 'sv' är inget enskilt tecken – skriv text inom citattecken ("…")`},
		{"attribute left open in a range", list, main("{{range .P.Groups}}<a href=\"x{{.}}{{end}}\">{{end}}"),
			`templates/pages/list.html:2:9: on range loop re-entry: {{range}} branches end in different contexts: {stateURL delimDoubleQuote urlPartPreQuery jsCtxRegexp [] attrURL elementNone <nil>}, {stateAttrName delimNone urlPartNone jsCtxRegexp [] attrNone elementNone <nil>}`,
			`templates/pages/list.html:2:9: när {{range}} börjar om: grenarna i {{range}} slutar på olika ställen i HTML-koden – stängs samma taggar och attribut i alla? ({stateURL delimDoubleQuote urlPartPreQuery jsCtxRegexp [] attrURL elementNone <nil>}, {stateAttrName delimNone urlPartNone jsCtxRegexp [] attrNone elementNone <nil>})`},
		{"range that assigns", list, main("{{range $i, .P.Groups}}x{{end}}{{end}}"),
			`templates/pages/list.html:2:1: range can only initialize variables`,
			`templates/pages/list.html:2:1: i {{range}} ska variablerna följas av :=, som i {{range $i, $v := …}}`},
		// Script-escaping errors, which html/template gives no line: at
		// the text they quote.
		{"slash in a script after branches", list, main("<script>{{if .Lang}}a{{else}}({{end}}/x/</script>{{end}}"),
			`templates/pages/list.html:2:38: '/' could start a division or regexp: "/x/"`,
			`templates/pages/list.html:2:38: det går inte att avgöra om '/' i skriptet är ett divisionstecken eller början på ett reguljärt uttryck: "/x/" – skriv skriptet så att koden före / är densamma i alla grenar av {{if}} eller {{range}}`},
		{"regexp charset open in a script", list, main("<script>var r = /[{{.Lang}}]/;</script>{{end}}"),
			`templates/pages/list.html:2:18: unfinished JS regexp charset: "["`,
			`templates/pages/list.html:2:18: ett reguljärt uttryck i skriptet har en [ som inte stängs före {{: "[" – stäng den med ]`},
		{"backslash before an action in a script", list, main("<script>var s = \"å\\{{.Lang}}\";</script>{{end}}"),
			`templates/pages/list.html:2:18: unfinished escape sequence in JS string: "å\\"`,
			`templates/pages/list.html:2:18: en sträng i skriptet har ett \ som inte följs av något tecken före {{: "å\\" – skriv tecknet efter \ eller ta bort \`},
		{"backslash before an action in a style", list, main("<style>p { content: \"a\\{{.Lang}}\" }</style>{{end}}"),
			`templates/pages/list.html:2:22: unfinished escape sequence in CSS string: "a\\"`,
			`templates/pages/list.html:2:22: en sträng i stilmallen har ett \ som inte följs av något tecken före {{: "a\\" – skriv tecknet efter \ eller ta bort \`},
		{"no main", "templates/pages/area.html", "hello",
			`templates/pages/area.html:1:1: page template must {{define "main"}}`,
			`templates/pages/area.html:1:1: sidmallen måste ha {{define "main"}}`},
		{"missing page", "templates/pages/record.html", "",
			`templates/pages/record.html:1:1: missing: the template of "record" pages`,
			`templates/pages/record.html:1:1: saknas: mallen för sidor av typen "record"`},
		{"unknown UI string", "templates/pages/home.html", main("\n  {{t .Lang \"no.such\"}}{{end}}"),
			`templates/pages/home.html:3:5: unknown UI string "no.such" (not in templates/i18n/en.toml)`,
			`templates/pages/home.html:3:5: texten "no.such" saknas i templates/i18n/en.toml`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := minimal(required(""), required(""))
			if tc.src == "" {
				delete(fsys, tc.file)
			} else {
				fsys[tc.file] = &fstest.MapFile{Data: []byte(tc.src)}
			}
			errs := loadErr(t, fsys)
			if len(errs) == 0 {
				t.Fatal("no error")
			}
			if got := errs[0].In(diag.English); got != tc.en {
				t.Errorf("English:\n got %s\nwant %s", got, tc.en)
			}
			if got := errs[0].In(diag.Swedish); got != tc.sv {
				t.Errorf("Swedish:\n got %s\nwant %s", got, tc.sv)
			}
		})
	}
}

// TestTemplateRenderErrorsSwedish: an error of a page's rendering names
// the page, the template and the action in both languages.
func TestTemplateRenderErrorsSwedish(t *testing.T) {
	for _, tc := range []struct {
		name, main string
		en, sv     string
	}{
		{"no key", `{{.S.ByKind.nokind}}`,
			`templates/pages/list.html:1:22: rendering /exjobb/: executing "main" at <.S.ByKind.nokind>: map has no entry for key "nokind"`,
			`templates/pages/list.html:1:22: när sidan /exjobb/ skapades: i mallen "main" vid <.S.ByKind.nokind>: nyckeln "nokind" finns inte`},
		{"no field", `{{.Nope}}`,
			`templates/pages/list.html:1:20: rendering /exjobb/: executing "main" at <.Nope>: can't evaluate field Nope in type *render.View`,
			`templates/pages/list.html:1:20: när sidan /exjobb/ skapades: i mallen "main" vid <.Nope>: fältet Nope finns inte i typen *render.View`},
		// Columns count characters, as every position does: å is one.
		{"after å", `Från {{.Nope}}`,
			`templates/pages/list.html:1:25: rendering /exjobb/: executing "main" at <.Nope>: can't evaluate field Nope in type *render.View`,
			`templates/pages/list.html:1:25: när sidan /exjobb/ skapades: i mallen "main" vid <.Nope>: fältet Nope finns inte i typen *render.View`},
		{"wrong number of args", `{{t .Lang}}`,
			`templates/pages/list.html:1:20: rendering /exjobb/: executing "main" at <t>: wrong number of args for t: want 2 got 1`,
			`templates/pages/list.html:1:20: när sidan /exjobb/ skapades: i mallen "main" vid <t>: fel antal argument till t: ska vara 2, är 1`},
		{"function error", `{{t .Lang (printf "kind.%s.nope" .P.Kind)}}`,
			`templates/pages/list.html:1:20: rendering /exjobb/: executing "main" at <t .Lang (printf "kind.%s.nope" .P.Kind)>: error calling t: unknown UI string "kind.theses.nope" (not in templates/i18n/sv.toml)`,
			`templates/pages/list.html:1:20: när sidan /exjobb/ skapades: i mallen "main" vid <t .Lang (printf "kind.%s.nope" .P.Kind)>: funktionen t gav ett fel: texten "kind.theses.nope" saknas i templates/i18n/sv.toml`},
		{"a field given an argument", `{{.Lang "x"}}`,
			`templates/pages/list.html:1:20: rendering /exjobb/: executing "main" at <.Lang>: Lang has arguments but cannot be invoked as function`,
			`templates/pages/list.html:1:20: när sidan /exjobb/ skapades: i mallen "main" vid <.Lang>: Lang är ingen funktion och kan inte ta argument`},
		{"a key given an argument", `{{.S.ByKind.theses 1}}`,
			`templates/pages/list.html:1:22: rendering /exjobb/: executing "main" at <.S.ByKind.theses>: theses is not a method but has arguments`,
			`templates/pages/list.html:1:22: när sidan /exjobb/ skapades: i mallen "main" vid <.S.ByKind.theses>: theses är ingen funktion och kan inte ta argument`},
		{"range over a number with two variables", `{{range $i, $e := 5}}x{{end}}`,
			`templates/pages/list.html:1:36: rendering /exjobb/: executing "main" at <5>: can't use 5 to iterate over more than one variable`,
			`templates/pages/list.html:1:36: när sidan /exjobb/ skapades: i mallen "main" vid <5>: range kan inte gå igenom 5 med två variabler`},
		{"len of a number", `{{len 3}}`,
			`templates/pages/list.html:1:20: rendering /exjobb/: executing "main" at <len 3>: error calling len: len of type int`,
			`templates/pages/list.html:1:20: när sidan /exjobb/ skapades: i mallen "main" vid <len 3>: funktionen len gav ett fel: len kan inte användas på ett värde av typen int`},
		{"index of a number", `{{index 3 0}}`,
			`templates/pages/list.html:1:20: rendering /exjobb/: executing "main" at <index 3 0>: error calling index: can't index item of type int`,
			`templates/pages/list.html:1:20: när sidan /exjobb/ skapades: i mallen "main" vid <index 3 0>: funktionen index gav ett fel: index kan inte användas på ett värde av typen int`},
		{"index of a list by a word", `{{index .P.Groups "x"}}`,
			`templates/pages/list.html:1:20: rendering /exjobb/: executing "main" at <index .P.Groups "x">: error calling index: cannot index slice/array with type string`,
			`templates/pages/list.html:1:20: när sidan /exjobb/ skapades: i mallen "main" vid <index .P.Groups "x">: funktionen index gav ett fel: en lista indexeras med ett heltal, inte med ett värde av typen string`},
		{"index of a map by a number", `{{index .S.ByKind 1}}`,
			`templates/pages/list.html:1:20: rendering /exjobb/: executing "main" at <index .S.ByKind 1>: error calling index: value has type int; should be string`,
			`templates/pages/list.html:1:20: när sidan /exjobb/ skapades: i mallen "main" vid <index .S.ByKind 1>: funktionen index gav ett fel: värdet har typen int men ska ha typen string`},
		{"nil alone", `{{nil}}`,
			`templates/pages/list.html:1:20: rendering /exjobb/: executing "main" at <nil>: nil is not a command`,
			`templates/pages/list.html:1:20: när sidan /exjobb/ skapades: i mallen "main" vid <nil>: nil kan inte stå som ett eget uttryck`},
		{"call of a value", `{{call .Lang}}`,
			`templates/pages/list.html:1:20: rendering /exjobb/: executing "main" at <call .Lang>: error calling call: non-function .Lang of type string`,
			`templates/pages/list.html:1:20: när sidan /exjobb/ skapades: i mallen "main" vid <call .Lang>: funktionen call gav ett fel: .Lang är ingen funktion utan ett värde av typen string`},
		{"unknown form", `{{slice .Lang 1 0}}`,
			`templates/pages/list.html:1:20: rendering /exjobb/: executing "main" at <slice .Lang 1 0>: error calling slice: invalid slice index: 1 > 0`,
			`templates/pages/list.html:1:20: när sidan /exjobb/ skapades: i mallen "main" vid <slice .Lang 1 0>: funktionen slice gav ett fel: fel i mallen (Go:s beskrivning på engelska): invalid slice index: 1 > 0`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := minimal(required(""), required(""))
			fsys["templates/pages/list.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}` + tc.main + `{{end}}`)}
			for p, s := range tinyContent {
				fsys[p] = &fstest.MapFile{Data: []byte(s)}
			}
			s, tm := loadSite(t, fsys, func(*time.Location) time.Time { return time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC) })
			err := tm.Page(new(bytes.Buffer), new(Memo), s, pageAt(t, s, "/exjobb/"))
			l, ok := diag.AsList(err)
			if !ok || len(l) != 1 {
				t.Fatalf("got %v", err)
			}
			if got := l[0].In(diag.English); got != tc.en {
				t.Errorf("English:\n got %s\nwant %s", got, tc.en)
			}
			if got := l[0].In(diag.Swedish); got != tc.sv {
				t.Errorf("Swedish:\n got %s\nwant %s", got, tc.sv)
			}
		})
	}
}

// TestTemplateWords: each known form of Go's errors, as Go writes it,
// prints as Go wrote it in English and in the catalog's Swedish; an
// unknown one keeps Go's English in Swedish too.
func TestTemplateWords(t *testing.T) {
	for _, tc := range []struct{ msg, sv string }{
		{`unexpected "}" in operand`, `oväntat "}" i ett värde`},
		{`unexpected EOF in if`, `oväntat slut på filen i {{if}}`},
		{`unexpected EOF`, `filen tar slut mitt i ett block – saknas ett {{end}}?`},
		{`unexpected "x" in define clause`, `oväntat "x" i {{define}}`},
		{`unexpected <.> in strange place`, `oväntat <.> i strange place`},
		{`unclosed action started at list.html:3`, `{{ som börjar på list.html:3 avslutas aldrig – saknas dess "}}"?`},
		{`bad character U+0021 '!' in action started at list.html:3`, `tecknet U+0021 '!' får inte stå här, i {{ som börjar på list.html:3`},
		{`unrecognized character in action: U+0040 '@'`, `tecknet U+0040 '@' får inte stå mellan {{ och }}`},
		{`too many declarations in range`, `för många variabler i {{range}}`},
		{`bad number syntax: "1x"`, `"1x" är inget tal som går att läsa`},
		{`nil pointer evaluating *site.Entry.Title`, `*site.Entry.Title går inte att läsa: värdet är tomt (nil)`},
		{`wrong number of args for slice: got 5 want at least 1`, `fel antal argument till slice: är 5, ska vara minst 1`},
		{`"x" is not a defined function`, `funktionen "x" finns inte`},
		{`template "x" not defined`, `mallen "x" finns inte`},
		{`error calling index: index out of range: 5`, `funktionen index gav ett fel: index 5 ligger utanför listan`},
		{`error calling eq: incompatible types for comparison: string and int`, `funktionen eq gav ett fel: string och int går inte att jämföra`},
		{`arg 1: wrong type for value; expected string; got int`, `argument 1: fel typ på värdet: ska vara string, är int`},
		{`range can't iterate over 3`, `range kan inte gå igenom 3`},
		{`"=" in attribute name: "a=\"x\""`, `"=" får inte stå i ett attributnamn: "a=\"x\""`},
		{`ends in a non-text context: {stateAttr delimDoubleQuote}`, `mallen slutar inne i en tagg, ett attribut, ett skript eller liknande – stängs allt som öppnas? ({stateAttr delimDoubleQuote})`},
		{`{{if}} branches end in different contexts: {stateText}, {stateTag}`, `grenarna i {{if}} slutar på olika ställen i HTML-koden – stängs samma taggar och attribut i alla? ({stateText}, {stateTag})`},
		{`predefined escaper "html" disallowed in template`, `"html" får inte användas i mallarna: värden skyddas redan där de skrivs ut`},
		{`template: multiple definition of template "x"`, `mallen "x" definieras två gånger`},
		{`no partial "x" in templates/partials`, `delmallen "x" finns inte i templates/partials`},
		{`error calling index: index of untyped nil`, `funktionen index gav ett fel: index kan inte användas på ett tomt värde (nil)`},
		{`error calling index: index of nil pointer`, `funktionen index gav ett fel: index kan inte användas på ett tomt värde (nil)`},
		{`error calling index: cannot index slice/array with nil`, `funktionen index gav ett fel: en lista indexeras med ett heltal, inte med ett tomt värde (nil)`},
		{`error calling len: len of nil pointer`, `funktionen len gav ett fel: len kan inte användas på ett tomt värde (nil)`},
		{`error calling index: value is nil; should be of type string`, `funktionen index gav ett fel: värdet är tomt (nil) men ska ha typen string`},
		{`kind is an unexported field of struct type *site.Page`, `fältet kind i typen *site.Page kan inte användas i mallarna (det börjar med liten bokstav)`},
		{`if/with can't use <invalid Value>`, `{{if}} och {{with}} kan inte avgöra om <invalid Value> är tomt eller inte`},
		{`can't use 0x1 iterate over more than one variable`, `range kan inte gå igenom 0x1 med två variabler`},
		{`at range loop break: '/' could start a division or regexp: "/x/"`, `vid {{break}} i {{range}}: det går inte att avgöra om '/' i skriptet är ett divisionstecken eller början på ett reguljärt uttryck: "/x/" – skriv skriptet så att koden före / är densamma i alla grenar av {{if}} eller {{range}}`},
		{`at range loop continue: unfinished JS regexp charset: "["`, `vid {{continue}} i {{range}}: ett reguljärt uttryck i skriptet har en [ som inte stängs före {{: "[" – stäng den med ]`},
		{`cannot compute output context for template main`, `det går inte att avgöra var i HTML-koden mallen main slutar`},
		{`something new`, `fel i mallen (Go:s beskrivning på engelska): something new`},
	} {
		m := templateWords(tc.msg)
		if got := m.Text(diag.English); got != tc.msg {
			t.Errorf("%s: English %q", tc.msg, got)
		}
		if got := m.Text(diag.Swedish); got != tc.sv {
			t.Errorf("%s:\n got %s\nwant %s", tc.msg, got, tc.sv)
		}
	}
}
