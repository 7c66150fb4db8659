package main

import (
	"regexp"
	"strings"
	"testing"

	"portal/generator/internal/diag"
)

// TestCommandHelp checks that -h after a command answers what was asked:
// exit 0, the command's lines of the help first (with its arguments, the
// KIND "Title" of new and the FILE... of check, which its options do not
// show), in the editor's language, then its options.
func TestCommandHelp(t *testing.T) {
	for _, c := range []struct {
		args       []string
		lang       string
		head       string // how stderr begins
		option     string // a line of the options
		notOptions string // a text the options must not hold
	}{
		{[]string{"new", "-h"}, "en_GB.UTF-8",
			"usage:\n  portal new KIND \"Title\" [-lang en] [-name NAME] [-root DIR] [-now TIME]\n" +
				"                                                                   create a new record\n\noptions:\n",
			"  -name NAME\n", ""},
		{[]string{"new", "-h"}, "sv_SE.UTF-8",
			"så här:\n  portal new SORT \"Titel\" [-lang en] [-name NAMN] [-root MAPP] [-now TID]\n" +
				"                                                                   skapa en ny post\n\nval:\n",
			"  -name NAMN\n    \tfilnamnet utan .md (annars bildat av titeln)\n", "file name"},
		{[]string{"check", "-h"}, "en_GB.UTF-8",
			"usage:\n  portal check [-root DIR] [-now TIME] [-drafts] [-format text|json] [-strict] [FILE...]\n" +
				"                                                                   validate without writing; with\n" +
				"                                                                   FILEs, report only their problems\n\noptions:\n",
			"  -drafts\n    \tcheck drafts too, as if they were published\n", "publish drafts"},
		// The options in the language of the help: -lang before -h
		// chooses it, as it does for the messages.
		{[]string{"check", "-lang", "sv", "-h"}, "en_GB.UTF-8",
			"så här:\n  portal check [-root MAPP]",
			"  -strict\n    \träkna varningar som fel\n", "treat warnings"},
		{[]string{"check", "-h"}, "sv_SE.UTF-8",
			"så här:\n  portal check [-root MAPP]",
			"  -format text|json\n    \tutdataformat: text eller json (standard \"text\")\n", "default"},
		{[]string{"serve", "-h"}, "sv_SE.UTF-8",
			"så här:\n  portal serve [-root MAPP]",
			"  -addr VÄRD:PORT\n    \tadressen som förhandsvisningen lyssnar på, bara på den här datorn om ingen annan anges (standard \"127.0.0.1:1313\")\n", "address to"},
		{[]string{"build", "-lang", "en", "-h"}, "sv_SE.UTF-8",
			"usage:\n  portal [build]",
			"  -root DIR\n    \tsite root: config.toml, content/, templates/ (default \".\")\n", "webbplatsens"},
		{[]string{"build", "-h"}, "en_GB.UTF-8",
			"usage:\n  portal [build] [-root DIR] [-out DIR] [-now TIME] [-drafts]      build the site into public/\n\noptions:\n",
			"  -drafts\n    \tpublish drafts too\n", ""},
		{[]string{"serve", "-help"}, "en_GB.UTF-8",
			"usage:\n  portal serve [-root DIR] [-addr 127.0.0.1:1313] [-out DIR] [-now TIME] [-open]\n",
			"  -addr HOST:PORT\n    \taddress to listen on, on this computer only unless another is given (default \"127.0.0.1:1313\")\n", "(loopback by default) (default"},
		{[]string{"schema", "-h"}, "en_GB.UTF-8",
			"usage:\n  portal schema [-root DIR] [-out DIR]                             JSON Schemas of the front matter\n" +
				"                                                                   of each kind, for editors' tools\n\noptions:\n",
			"  -out DIR\n", ""},
	} {
		t.Run(strings.Join(c.args, " ")+" "+c.lang, func(t *testing.T) {
			code, stdout, stderr := runCmdEnv(t, map[string]string{"LANG": c.lang}, c.args...)
			if code != exitOK || stdout != "" || !strings.HasPrefix(stderr, c.head) || !strings.Contains(stderr, c.option) ||
				(c.notOptions != "" && strings.Contains(stderr, c.notOptions)) {
				t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant exit 0, stderr beginning\n%s\nwith %q", code, stdout, stderr, c.head, c.option)
			}
		})
	}
	// version has no options: its -h is its line of the help.
	code, stdout, stderr := runCmdEnv(t, map[string]string{"LANG": "en_GB.UTF-8"}, "version", "-h")
	if want := "usage:\n  portal version                                                   the release and commit of this program\n"; code != exitOK || stdout != "" || stderr != want {
		t.Errorf("version -h: exit %d, stdout %q, stderr %q; want exit 0, stderr %q", code, stdout, stderr, want)
	}
	// A misspelt option is still a mistake, followed by the same help.
	code, _, stderr = runCmdEnv(t, map[string]string{"LANG": "en_GB.UTF-8"}, "new", "-nmae", "x")
	if want := "flag provided but not defined: -nmae\nusage:\n  portal new KIND"; code != exitUsage || !strings.HasPrefix(stderr, want) {
		t.Errorf("exit %d, stderr %q; want exit %d, stderr beginning %q", code, stderr, exitUsage, want)
	}
}

// TestOptionsInSwedish checks that every option of every command has its
// text in Swedish: no line of the options of -h in Swedish is the one in
// English.
func TestOptionsInSwedish(t *testing.T) {
	for _, cmd := range []string{"build", "check", "serve", "new", "schema"} {
		_, _, en := runCmdEnv(t, map[string]string{"LANG": "en_GB.UTF-8"}, cmd, "-h")
		_, _, sv := runCmdEnv(t, map[string]string{"LANG": "sv_SE.UTF-8"}, cmd, "-h")
		enLines := strings.Split(en[strings.Index(en, "\noptions:\n"):], "\n")
		svLines := strings.Split(sv[strings.Index(sv, "\nval:\n"):], "\n")
		if len(enLines) != len(svLines) {
			t.Fatalf("%s -h: %d lines of options in English, %d in Swedish", cmd, len(enLines), len(svLines))
		}
		for i, line := range svLines {
			if strings.HasPrefix(line, "    \t") && line == enLines[i] {
				t.Errorf("%s -h: an option's text is in English in the Swedish help: %s", cmd, line)
			}
		}
	}
}

// TestOptionTextsMatch checks that the catalog has the text of every
// option of every command, and that its English is the one the option's
// definition gives, which -h prints in English: an option's text changed
// in one place only leaves the Swedish help telling of the option as it
// was (or, with no text in the catalog, the English help in Swedish).
func TestOptionTextsMatch(t *testing.T) {
	defaults := regexp.MustCompile(` \(default (true|".*")\)$`)
	for _, cmd := range []string{"build", "check", "serve", "new", "schema"} {
		_, _, help := runCmdEnv(t, map[string]string{"LANG": "en_GB.UTF-8"}, cmd, "-h")
		_, options, ok := strings.Cut(help, "\noptions:\n")
		if !ok {
			t.Fatalf("%s -h: no options in %q", cmd, help)
		}
		texts := map[string]string{} // the options' texts, by name
		var name string
		for _, line := range strings.Split(strings.TrimSuffix(options, "\n"), "\n") {
			if text, ok := strings.CutPrefix(line, "    \t"); ok {
				texts[name] += text + "\n"
				continue
			}
			name = strings.TrimPrefix(strings.Fields(line)[0], "-")
		}
		if len(texts) == 0 {
			t.Errorf("%s -h: no options read from %q", cmd, options)
		}
		for name, text := range texts {
			text = defaults.ReplaceAllString(strings.TrimSuffix(text, "\n"), "")
			if got, ok := diag.FlagText(cmd, name, diag.English); !ok || got != text {
				t.Errorf("%s -%s: the catalog's English is %q (%v), the definition's %q", cmd, name, got, ok, text)
			}
		}
	}
}

// TestOptionValues checks that every option that takes a value names it
// in the help of both languages as the command's line of the help does
// ("-root DIR", "-root MAPP"), not with flag's type ("string"), which
// tells an editor nothing.
func TestOptionValues(t *testing.T) {
	inUsage := regexp.MustCompile(`\[-([a-z]+) ([A-ZÅÄÖ]+|[a-z]+\|[a-z]+)\]`)
	option := regexp.MustCompile(`(?m)^  -([a-z-]+)(?: (\S+))?$`)
	for _, lang := range []string{"en_GB.UTF-8", "sv_SE.UTF-8"} {
		for _, cmd := range []string{"build", "check", "serve", "new", "schema"} {
			_, _, help := runCmdEnv(t, map[string]string{"LANG": lang}, cmd, "-h")
			usage, options, _ := strings.Cut(help, "\n\n")
			want := map[string]string{}
			for _, m := range inUsage.FindAllStringSubmatch(usage, -1) {
				want[m[1]] = m[2]
			}
			values := 0
			for _, m := range option.FindAllStringSubmatch(options, -1) {
				name, value := m[1], m[2]
				if value == "" {
					continue
				}
				values++
				if value == "string" || value == "text" || want[name] != "" && value != want[name] {
					t.Errorf("%s %s -h: -%s %s; want the value named as in %q", lang, cmd, name, value, usage)
				}
			}
			if values == 0 {
				t.Errorf("%s %s -h: no option with a value in %q", lang, cmd, options)
			}
		}
	}
}
