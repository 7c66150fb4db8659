package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLinkToShownImage checks that a body's link to an image the body
// shows (a picture that opens at full size when clicked) is no error:
// the image is published beside the page, where the link leads.
func TestLinkToShownImage(t *testing.T) {
	dir, agreements := basicWithMap(t)
	f, _ := os.OpenFile(filepath.Join(agreements, "mou.md"), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("\n[![Karta](karta.png)](karta.png) och [hela kartan](./karta.png#x)\n")
	f.Close()
	b := buildFixture(t, fixture(t, dir))
	page := string(b.files["avtal/mou/index.html"])
	for _, want := range []string{`<a href="/avtal/mou/karta.png"><img`, `<a href="/avtal/mou/karta.png#x">hela kartan</a>`} {
		if !strings.Contains(page, want) {
			t.Errorf("avtal/mou/index.html has no %s", want)
		}
	}
}
