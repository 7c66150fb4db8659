package serve

import (
	"strings"
	"testing"
)

// TestInjectUnicodeTitle checks that the stylesheet, overlay and script
// go where they belong in a page whose head holds letters that change
// length in lower case: "Ⱥ" (2 bytes, 3 in lower case) made the handler
// panic, "İ" (2 bytes, 1) put the additions inside the body's text.
func TestInjectUnicodeTitle(t *testing.T) {
	sv := newServer(nil)
	for _, letter := range []string{"Ⱥ", "İ"} {
		title := strings.Repeat(letter, 40)
		page := "<HTML><head><title>" + title + "</title></HEAD><Body class=\"x\"><p>" + strings.Repeat("text ", 20) + "</p></BODY></html>"
		want := "<HTML><head><title>" + title + "</title>" + liveStyle + "</HEAD><Body class=\"x\"><p>" + strings.Repeat("text ", 20) + "</p>" + liveTag("") + "</BODY></html>"
		if got := string(sv.inject([]byte(page), "/", &view{})); got != want {
			t.Errorf("%s:\ngot  %s\nwant %s", letter, got, want)
		}
	}
}
