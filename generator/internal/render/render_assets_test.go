package render

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"
	"testing"
)

func TestFingerprint(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{"site.css", "body{}", `^site\.[0-9a-f]{10}\.css$`},
		{"js/app.js", "x", `^js/app\.[0-9a-f]{10}\.js$`},
		{"LICENSE", "x", `^LICENSE\.[0-9a-f]{10}$`},
	}
	for _, tt := range tests {
		got := Fingerprint(tt.name, []byte(tt.data))
		if !regexp.MustCompile(tt.want).MatchString(got) {
			t.Errorf("Fingerprint(%q) = %q, want %s", tt.name, got, tt.want)
		}
		if again := Fingerprint(tt.name, []byte(tt.data)); again != got {
			t.Errorf("not deterministic: %q, %q", got, again)
		}
	}
	sum := sha256.Sum256([]byte("body{}"))
	if got, want := Fingerprint("site.css", []byte("body{}")), "site."+hex.EncodeToString(sum[:5])+".css"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if Fingerprint("a.css", []byte("1")) == Fingerprint("a.css", []byte("2")) {
		t.Error("different content, same name")
	}
}

func TestAssets(t *testing.T) {
	_, tm := tinySite(t)
	assets := tm.Assets()
	var css string
	for name := range assets {
		if strings.HasPrefix(name, "assets/site.") && strings.HasSuffix(name, ".css") {
			css = name
		}
	}
	if css == "" {
		t.Fatalf("no site.css among %v", assets)
	}
	if u := tm.assetURL["site.css"]; u != "/"+css {
		t.Errorf("asset URL %q, output %q", u, css)
	}
	if want := Fingerprint("site.css", assets[css]); "assets/"+want != css {
		t.Errorf("output %q, want assets/%s", css, want)
	}
}
