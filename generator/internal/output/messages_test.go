package output

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"portal/generator/internal/diag"
	"portal/generator/internal/linktest"
)

// inLang is the text of err as the program prints it in lang: the
// catalog's message it holds in lang, the rest as it is.
func inLang(err error, lang diag.Lang) string {
	m, ok := errors.AsType[diag.Message](err)
	if !ok {
		return err.Error()
	}
	return strings.Replace(err.Error(), m.Error(), m.Text(lang), 1)
}

// TestMessagesSwedish: the errors of the output folder are the catalog's
// messages, in English and in Swedish, followed by the system's cause.
func TestMessagesSwedish(t *testing.T) {
	for _, tc := range []struct {
		name   string
		err    func(t *testing.T, dir string) error
		en, sv string
	}{
		{"link to nowhere", func(t *testing.T, dir string) error {
			out := filepath.Join(dir, "public")
			linktest.Symlink(t, filepath.Join(dir, "gone"), out)
			_, err := Begin(out)
			return err
		}, "D/public is a symbolic link to a folder that cannot be reached: ",
			"D/public är en symbolisk länk till en mapp som inte går att nå: "},
		{"-out a link to nowhere", func(t *testing.T, dir string) error {
			out := filepath.Join(dir, "public")
			linktest.Symlink(t, filepath.Join(dir, "gone", "x"), out)
			return CheckOut(filepath.Join(dir, "site"), out)
		}, "D/public is a symbolic link to a folder that cannot be reached",
			"D/public är en symbolisk länk till en mapp som inte går att nå"},
		{"staging folder not set aside", func(t *testing.T, dir string) error {
			s := &Stage{out: filepath.Join(dir, "public"), dir: filepath.Join(dir, ".public.staging-1"), sweepErr: errors.New("remove x: permission denied")}
			return s.setAside() // no such staging folder to set aside
		}, "the recycled staging folder D/.public.staging-1 could not be cleaned: remove x: permission denied",
			"den återanvända byggmappen D/.public.staging-1 gick inte att tömma: remove x: permission denied"},
		{"staging folder set aside", func(t *testing.T, dir string) error {
			s := &Stage{out: filepath.Join(dir, "public"), dir: filepath.Join(dir, ".public.staging-1"), sweepErr: errors.New("remove x: permission denied")}
			if err := os.Mkdir(s.dir, 0o755); err != nil {
				t.Fatal(err)
			}
			return s.setAside()
		}, "the recycled staging folder D/.public.staging-1 could not be cleaned and is set aside as D/.public.unremovable-N, which builds leave alone (remove it); build again: remove x: permission denied",
			"den återanvända byggmappen D/.public.staging-1 gick inte att tömma och har flyttats undan till D/.public.unremovable-N, som byggen lämnar orörd (ta bort den) – bygg igen: remove x: permission denied"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			err := tc.err(t, dir)
			if err == nil {
				t.Fatal("no error")
			}
			for _, c := range []struct {
				lang diag.Lang
				want string
			}{{diag.English, tc.en}, {diag.Swedish, tc.sv}} {
				got := strings.ReplaceAll(inLang(err, c.lang), filepath.ToSlash(dir), "D")
				got = regexp.MustCompile(`unremovable-\d+`).ReplaceAllString(got, "unremovable-N")
				exact := !strings.HasSuffix(c.want, ": ") // else the system's words follow
				if exact && got != c.want || !exact && !strings.HasPrefix(got, c.want) {
					t.Errorf("%s:\n got %s\nwant %s", c.lang, got, c.want)
				}
			}
		})
	}
}
