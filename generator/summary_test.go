package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"portal/generator/internal/diag"
	"portal/generator/internal/pipeline"
	"portal/generator/internal/site"
)

// The summary of a large build groups its counts as the site does, per
// language: a no-break space in Swedish, a comma in English; the size and
// the times have the decimal sign of the language.
func TestSummaryGroupsCounts(t *testing.T) {
	rep := &pipeline.Report{
		Read:    map[string]map[string]int{"theses": {"en": 1200, "sv": 4321}},
		Stats:   site.Stats{Published: map[string]int{"theses": 4321}, Archived: 1500},
		Sources: 5521, Records: 4321, Pages: 17500, Files: 20480, Bytes: 351_250_000,
		FastTemplates: true,
		Phases:        []pipeline.Phase{{Name: diag.PhaseLoad, Time: 1481 * time.Millisecond}},
	}
	for _, c := range []struct {
		lang diag.Lang
		want []string
	}{
		{diag.English, []string{
			"read     5,521 files in 4,321 records: theses 1,200 en+4,321 sv\n",
			"records  4,321 published, 0 pages, 0 drafts, 0 scheduled, 0 expired, 1,500 closed or archived\n",
			"wrote    17,500 pages, 20,480 files (351.2 MB) to public\n",
			"time     load 1.481s, total 2.5s\n",
		}},
		{diag.Swedish, []string{
			"läste    5\u00a0521 filer i 4\u00a0321 poster: theses 1\u00a0200 en+4\u00a0321 sv\n",
			"poster   4\u00a0321 publicerade, 0 sidor, 0 utkast, 0 schemalagda, 0 utgångna, 1\u00a0500 stängda eller arkiverade\n",
			"skrev    17\u00a0500 sidor, 20\u00a0480 filer (351,2 MB) till public\n",
			"tid      inläsning 1,481s, totalt 2,5s\n",
		}},
	} {
		var b bytes.Buffer
		printSummary(&b, c.lang, rep, "public", 2500*time.Millisecond)
		for _, w := range c.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("summary in %v has no line %q:\n%s", c.lang, w, b.String())
			}
		}
	}
}
