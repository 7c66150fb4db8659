package main

import "testing"

// TestNewWroteSwedish: what new says it wrote, in Swedish, names a
// language as a language ("på språket en", not "bara på en", which reads
// "only on one"), and the record a translation takes its keys from.
func TestNewWroteSwedish(t *testing.T) {
	root := checkSite(t, nil)
	env := map[string]string{"LANG": "sv_SE.UTF-8"}
	for _, c := range []struct {
		args   []string
		stdout string
	}{
		{[]string{"theses", "Solceller på skolor"},
			"skrev content/theses/solceller-pa-skolor.md: ersätt varje TODO; check visar vad som återstår\n"},
		{[]string{"theses", "Solar panels", "-lang", "en", "-name", "solceller-pa-skolor"},
			"skrev content/theses/solceller-pa-skolor.en.md: översätt titeln och texten; alla andra nycklar hämtas från posten på språket sv\n"},
		{[]string{"lectures", "Smart maps", "-lang", "en"},
			"skrev content/lectures/smart-maps.en.md: en egen post, bara på språket en, eftersom det inte finns någon content/lectures/smart-maps.md att översätta; ersätt varje TODO; check visar vad som återstår\n"},
	} {
		args := append([]string{"new", "-root", root, "-now", "2026-03-01"}, c.args...)
		code, stdout, stderr := runCmdEnv(t, env, args...)
		if code != exitOK || stdout != c.stdout || stderr != "" {
			t.Errorf("new %q: exit %d, stdout %q, stderr %q; want 0, %q", c.args, code, stdout, stderr, c.stdout)
		}
	}
}
