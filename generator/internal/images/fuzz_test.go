package images

import (
	"errors"
	"testing"
	"testing/fstest"
	"time"

	"portal/generator/internal/diag"
)

// FuzzInspect feeds Inspect any bytes under each extension an image may
// have: it must return within a second without a panic, refuse with a
// message of the catalog, and accept only an image of the extension's
// format within the limits.
func FuzzInspect(f *testing.F) {
	f.Add([]byte(pngOf(2, 2)))
	f.Add([]byte(jpegOf(8, 8)))
	f.Add([]byte(webp1x1))
	f.Add([]byte(webpWide))
	f.Add([]byte(pngHeader(100000, 100000)))
	f.Add(progressiveJPEG(16, 3, nil))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, name := range []string{"a.png", "a.jpg", "a.webp"} {
			want, _ := Format(name)
			var info Info
			var err error
			done := make(chan struct{})
			go func() {
				defer close(done)
				info, err = Inspect(fstest.MapFS{name: {Data: b}}, name, name)
			}()
			select {
			case <-done:
			case <-time.After(time.Second):
				t.Fatalf("Inspect(%s) did not return in a second", name)
			}
			if err != nil {
				var m diag.Message
				if !errors.As(err, &m) || m.ID == "" || info != (Info{}) {
					t.Fatalf("Inspect(%s) = %+v, %v", name, info, err)
				}
				continue
			}
			if info.Format != want || info.Width < 1 || info.Height < 1 || info.Width > MaxSide || info.Height > MaxSide {
				t.Fatalf("Inspect(%s) accepted %+v", name, info)
			}
		}
	})
}
