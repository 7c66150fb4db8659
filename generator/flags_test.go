package main

import (
	"strings"
	"testing"
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
			"  -name string\n", ""},
		{[]string{"new", "-h"}, "sv_SE.UTF-8",
			"så här:\n  portal new SORT \"Titel\" [-lang en] [-name NAMN] [-root MAPP] [-now TID]\n" +
				"                                                                   skapa en ny post\n\nval:\n",
			"  -name string\n", ""},
		{[]string{"check", "-h"}, "en_GB.UTF-8",
			"usage:\n  portal check [-root DIR] [-now TIME] [-drafts] [-format text|json] [-strict] [FILE...]\n" +
				"                                                                   validate without writing; with\n" +
				"                                                                   FILEs, report only their problems\n\noptions:\n",
			"  -drafts\n    \tcheck drafts too, as if they were published\n", "publish drafts"},
		{[]string{"build", "-h"}, "en_GB.UTF-8",
			"usage:\n  portal [build] [-root DIR] [-out DIR] [-now TIME] [-drafts]      build the site into public/\n\noptions:\n",
			"  -drafts\n    \tpublish drafts too\n", ""},
		{[]string{"serve", "-help"}, "en_GB.UTF-8",
			"usage:\n  portal serve [-root DIR] [-addr 127.0.0.1:1313] [-out DIR] [-now TIME] [-open]\n",
			"  -addr string\n    \taddress to listen on, on this computer only unless another is given (default \"127.0.0.1:1313\")\n", "(loopback by default) (default"},
		{[]string{"schema", "-h"}, "en_GB.UTF-8",
			"usage:\n  portal schema [-root DIR] [-out DIR]                             JSON Schemas of the front matter\n" +
				"                                                                   of each kind, for editors' tools\n\noptions:\n",
			"  -out string\n", ""},
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
