package pipeline

import (
	"testing"

	"portal/generator/internal/feeds/feedtest"
)

// readAtom reads a feed of the built site with the strict reader.
func readAtom(t *testing.T, name string, data []byte) feedtest.Feed {
	t.Helper()
	f, err := feedtest.DecodeAtom(data)
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, data)
	}
	return f
}

// readURLSet reads a <urlset> of the built site with the strict reader.
func readURLSet(t *testing.T, name string, data []byte) []feedtest.URL {
	t.Helper()
	urls, err := feedtest.DecodeURLSet(data)
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, data)
	}
	return urls
}
