package config

import (
	"slices"
	"strings"

	"portal/generator/internal/diag"
)

// Directive is one directive of a Content-Security-Policy: its name and
// its sources ("'self'", "https://video.example.se"); none for
// upgrade-insecure-requests.
type Directive struct {
	Name    string
	Sources []string
}

// Policy is the site's Content-Security-Policy, the [csp] table of
// config.toml in the order of the file. Every page carries it in a
// <meta http-equiv> (Meta) and deploy/nginx.conf sends it as a header
// (Header), so it holds on any host.
type Policy []Directive

// DefaultPolicy is the policy of a config.toml without a [csp] table: the
// strictest one the templates satisfy. Scripts, styles, images and fetches
// come from the site itself only, nothing runs inline, nothing is embedded,
// and no other site may frame the pages.
func DefaultPolicy() Policy {
	self := []string{"'self'"}
	none := []string{"'none'"}
	return Policy{
		{"default-src", none},
		{"script-src", self},
		{"style-src", self},
		{"img-src", self},
		{"connect-src", self},
		{"object-src", none},
		{"base-uri", self},
		{"form-action", self},
		{"frame-ancestors", none},
		{"upgrade-insecure-requests", nil},
	}
}

// headerOnly are the directives a <meta> policy may not carry: browsers
// ignore them there, with a console error.
var headerOnly = []string{"frame-ancestors", "report-uri", "sandbox"}

// cspDirectives are the directive names [csp] accepts.
var cspDirectives = []string{
	"default-src", "script-src", "script-src-elem", "script-src-attr",
	"style-src", "style-src-elem", "style-src-attr", "img-src", "font-src",
	"connect-src", "media-src", "object-src", "frame-src", "child-src",
	"worker-src", "manifest-src", "base-uri", "form-action",
	"frame-ancestors", "upgrade-insecure-requests", "sandbox", "report-uri",
}

// unsafeSources are the keywords that would let injected code run, which
// the policy exists to prevent.
var unsafeSources = []string{"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'"}

// Preview is the policy of the preview (portal serve), which is served
// over plain http: p without upgrade-insecure-requests, with which a
// browser that opens the preview from another computer
// (http://192.168.1.5:1313/) would ask for its stylesheets, scripts and
// images over https, which the preview does not answer. The built site
// keeps it.
func (p Policy) Preview() Policy {
	return slices.DeleteFunc(slices.Clone(p), func(d Directive) bool { return d.Name == "upgrade-insecure-requests" })
}

// Header is the policy as the Content-Security-Policy header sends it.
func (p Policy) Header() string { return p.join(nil) }

// Meta is the policy for <meta http-equiv="Content-Security-Policy">:
// the header without the directives a meta element cannot carry.
func (p Policy) Meta() string { return p.join(headerOnly) }

func (p Policy) join(skip []string) string {
	parts := make([]string, 0, len(p))
	for _, d := range p {
		if slices.Contains(skip, d.Name) {
			continue
		}
		parts = append(parts, strings.Join(append([]string{d.Name}, d.Sources...), " "))
	}
	return strings.Join(parts, "; ")
}

// csp reads the [csp] table: directive = [sources], in the file's order.
func (p *parser) csp(v any) {
	m, ok := v.(map[string]any)
	if !ok {
		p.errVal([]string{"csp"}, diag.CSPTable)
		return
	}
	policy := Policy{}
	for _, name := range p.inFileOrder("csp", m) {
		key := []string{"csp", name}
		if !slices.Contains(cspDirectives, name) {
			p.errKey(key, diag.CSPUnknown, name)
			continue
		}
		arr, ok := m[name].([]any)
		if !ok {
			p.errVal(key, diag.CSPList, name)
			continue
		}
		d := Directive{Name: name}
		for i, s := range arr {
			src, _ := s.(string)
			if msg := badSource(src, s); msg.ID != "" {
				p.errNth(i, key, diag.CSPSource, name, msg)
				continue
			}
			d.Sources = append(d.Sources, src)
		}
		switch {
		case name == "upgrade-insecure-requests" && len(arr) > 0:
			p.errVal(key, diag.CSPUpgrade)
		case name != "upgrade-insecure-requests" && len(arr) == 0:
			p.errVal(key, diag.CSPNone, name)
		}
		policy = append(policy, d)
	}
	p.cfg.CSP = policy
}

// badSource says what is wrong with one source of a directive; no ID
// for nothing.
func badSource(src string, v any) diag.Message {
	switch {
	case v != any(src):
		return diag.M(diag.CSPString, v)
	case slices.Contains(unsafeSources, strings.ToLower(src)):
		return diag.M(diag.CSPUnsafe, src)
	case src == "" || strings.ContainsFunc(src, func(r rune) bool {
		return r <= ' ' || r == ';' || r == ',' || r == '"' || r == '\\' || r == 0x7f
	}):
		return diag.M(diag.CSPChars, src)
	case strings.HasPrefix(src, "'") != strings.HasSuffix(src, "'") || src == "'":
		return diag.M(diag.CSPQuotes, src)
	}
	return diag.Message{}
}
