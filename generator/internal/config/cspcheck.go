package config

import (
	"fmt"
	"html"
	"regexp"
	"strings"
)

var (
	tagRE  = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*/?>`)
	attrRE = regexp.MustCompile(`([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?`)
)

// Check returns what in one HTML page the policy would block or what
// keeps the policy from holding, as "name:line:col: message" in the order
// of the page: the policy meta missing, not first in <head> or not this
// policy; inline script (JSON-LD is data and allowed), <style> elements,
// style and event handler attributes, javascript: URLs, frames and
// plugins. It reads tags with a regular expression, which suffices for
// the pages html/template writes.
func (policy Policy) Check(name, page string) []string {
	var errs []string
	at := func(off int, format string, args ...any) {
		line := strings.Count(page[:off], "\n") + 1
		col := off - strings.LastIndexByte(page[:off], '\n')
		errs = append(errs, fmt.Sprintf("%s:%d:%d: %s", name, line, col, fmt.Sprintf(format, args...)))
	}
	metas, first := 0, true // first: nothing the policy governs came before it
	for _, m := range tagRE.FindAllStringSubmatchIndex(page, -1) {
		tag := strings.ToLower(page[m[2]:m[3]])
		attrs := map[string]string{}
		for _, a := range attrRE.FindAllStringSubmatch(page[m[4]:m[5]], -1) {
			name := strings.ToLower(a[1])
			attrs[name] = html.UnescapeString(strings.Trim(a[2], `"'`))
			if name == "style" || strings.HasPrefix(name, "on") {
				at(m[0], "%s attribute on <%s>: the policy blocks it", name, tag)
			}
		}
		switch {
		case tag == "meta" && strings.EqualFold(attrs["http-equiv"], "content-security-policy"):
			if metas++; metas > 1 {
				at(m[0], "a second policy meta")
			}
			if want := policy.Meta(); attrs["content"] != want {
				at(m[0], "the policy is %q, want %q", attrs["content"], want)
			}
			first = false
		case tag == "meta" || tag == "html" || tag == "head" || tag == "title":
		case tag == "style":
			at(m[0], "<style> element: the policy blocks it; style with templates/assets/*.css")
		case tag == "script" && attrs["type"] != "application/ld+json" && attrs["src"] == "":
			at(m[0], "inline <script>: the policy blocks it; put the code in templates/assets/*.js")
		case tag == "iframe" || tag == "object" || tag == "embed" || tag == "frame":
			at(m[0], "<%s>: the policy blocks it", tag)
		case first && metas == 0:
			at(m[0], "<%s> before the policy meta: the policy must come first in <head>", tag)
			first = false // report once
		}
		if strings.HasPrefix(strings.ToLower(strings.TrimSpace(attrs["href"])), "javascript:") {
			at(m[0], "javascript: URL: the policy blocks it")
		}
	}
	if metas == 0 {
		errs = append(errs, name+":1:1: no Content-Security-Policy meta")
	}
	return errs
}
