package markdown

import "testing"

// TestNamedTables checks that every table is written inside a wrapper
// that scrolls, a region that is a tab stop with a name: the nearest
// heading before it, else the label of the body's language. The table
// itself has no attributes, so that it stays a table to screen readers.
func TestNamedTables(t *testing.T) {
	const table = "| Vad | När |\n|---|---|\n| Ansökan | 1 mars |\n"
	const body = "<thead>\n<tr>\n<th>Vad</th>\n<th>När</th>\n</tr>\n</thead>\n" +
		"<tbody>\n<tr>\n<td>Ansökan</td>\n<td>1 mars</td>\n</tr>\n</tbody>\n</table>\n</div>\n"
	const wrap = "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\""
	r := New().Reserve([]string{"main"}).Labels(map[string]Labels{"sv": {Table: "Tabell"}, "en": {Table: "Table"}})
	tests := []struct{ name, lang, src, want string }{
		{"no heading, Swedish", "sv", table,
			wrap + " aria-label=\"Tabell\">\n<table>\n" + body},
		{"no heading, English", "en", table,
			wrap + " aria-label=\"Table\">\n<table>\n" + body},
		{"no heading, a language without labels", "de", table,
			wrap + ">\n<table>\n" + body},
		{"the heading before it", "sv", "## Viktiga datum\n\n" + table,
			"<h2 id=\"viktiga-datum\">Viktiga datum</h2>\n" + wrap + " aria-labelledby=\"viktiga-datum\">\n<table>\n" + body},
		{"the nearest of two headings, a paragraph between", "sv", "## Om\n\nText.\n\n### Datum\n\nFler.\n\n" + table,
			"<h2 id=\"om\">Om</h2>\n<p>Text.</p>\n<h3 id=\"datum\">Datum</h3>\n<p>Fler.</p>\n" + wrap + " aria-labelledby=\"datum\">\n<table>\n" + body},
		{"a heading after it names it not", "en", table + "\n## Efter\n",
			wrap + " aria-label=\"Table\">\n<table>\n" + body + "<h2 id=\"efter\">Efter</h2>\n"},
		{"a heading whose id the page reserves", "sv", "## Main\n\n" + table,
			"<h2 id=\"main-1\">Main</h2>\n" + wrap + " aria-labelledby=\"main-1\">\n<table>\n" + body},
		{"in a quote, after a heading outside it", "sv", "## Tider\n\n> " + "| a |\n> |---|\n> | b |\n",
			"<h2 id=\"tider\">Tider</h2>\n<blockquote>\n" + wrap + " aria-labelledby=\"tider\">\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n" +
				"<tbody>\n<tr>\n<td>b</td>\n</tr>\n</tbody>\n</table>\n</div>\n</blockquote>\n"},
		{"two tables under one heading", "sv", "## Tider\n\n" + table + "\n" + table,
			"<h2 id=\"tider\">Tider</h2>\n" + wrap + " aria-labelledby=\"tider\">\n<table>\n" + body + wrap + " aria-labelledby=\"tider\">\n<table>\n" + body},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := r.RenderImages([]byte(tt.src), 1, tt.lang, nil, nil).HTML; got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
