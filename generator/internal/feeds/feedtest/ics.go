package feedtest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Property is one content line: NAME;PARAM=value:VALUE, name and parameter
// names upper-cased.
type Property struct {
	Name   string
	Params map[string]string
	Value  string
}

// Component is a BEGIN/END block with its properties and nested components.
type Component struct {
	Name  string
	Props []Property
	Comps []*Component
}

// All returns the properties called name, in order.
func (c *Component) All(name string) []Property {
	var out []Property
	for _, p := range c.Props {
		if p.Name == name {
			out = append(out, p)
		}
	}
	return out
}

// One returns the only property called name; more than one is an error, none
// is an error when required.
func (c *Component) One(name string, required bool) (Property, bool, error) {
	ps := c.All(name)
	switch {
	case len(ps) > 1:
		return Property{}, false, fmt.Errorf("%s: %d %s properties", c.Name, len(ps), name)
	case len(ps) == 0 && required:
		return Property{}, false, fmt.Errorf("%s: no %s", c.Name, name)
	case len(ps) == 0:
		return Property{}, false, nil
	}
	return ps[0], true, nil
}

// ParseICS checks the physical layout (CRLF only, lines of at most 75
// octets, each valid UTF-8, so folding never cut a sequence), unfolds, parses
// content lines and nests BEGIN/END.
func ParseICS(data []byte) (*Component, error) {
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		return nil, fmt.Errorf("does not end with CRLF")
	}
	var logical []string
	for i, l := range strings.Split(string(data[:len(data)-2]), "\r\n") {
		n := i + 1
		switch {
		case strings.ContainsAny(l, "\r\n"):
			return nil, fmt.Errorf("line %d: bare CR or LF", n)
		case len(l) > 75:
			return nil, fmt.Errorf("line %d: %d octets, more than 75", n, len(l))
		case !utf8.ValidString(l):
			return nil, fmt.Errorf("line %d: not valid UTF-8 (a fold split a sequence?)", n)
		case l == "":
			return nil, fmt.Errorf("line %d: empty", n)
		case strings.ContainsFunc(l, func(r rune) bool { return r < 0x20 && r != '\t' || r == 0x7F }):
			return nil, fmt.Errorf("line %d: control character", n)
		}
		if l[0] == ' ' || l[0] == '\t' {
			if len(logical) == 0 {
				return nil, fmt.Errorf("line %d: continuation without a line", n)
			}
			logical[len(logical)-1] += l[1:]
			continue
		}
		logical = append(logical, l)
	}

	var root *Component
	var stack []*Component
	for i, l := range logical {
		p, err := parseContentLine(l)
		if err != nil {
			return nil, fmt.Errorf("content line %d: %v: %q", i+1, err, l)
		}
		switch p.Name {
		case "BEGIN":
			c := &Component{Name: p.Value}
			if len(stack) == 0 {
				if root != nil {
					return nil, fmt.Errorf("content line %d: second top-level component", i+1)
				}
				root = c
			} else {
				top := stack[len(stack)-1]
				top.Comps = append(top.Comps, c)
			}
			stack = append(stack, c)
		case "END":
			if len(stack) == 0 || stack[len(stack)-1].Name != p.Value {
				return nil, fmt.Errorf("content line %d: END:%s does not close the open component", i+1, p.Value)
			}
			stack = stack[:len(stack)-1]
		default:
			if len(stack) == 0 {
				return nil, fmt.Errorf("content line %d: property outside a component", i+1)
			}
			top := stack[len(stack)-1]
			top.Props = append(top.Props, p)
		}
	}
	if len(stack) != 0 || root == nil {
		return nil, fmt.Errorf("unbalanced BEGIN/END (%d open)", len(stack))
	}
	return root, nil
}

func isNameChar(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-'
}

// parseContentLine parses name *(";" param) ":" value.
func parseContentLine(l string) (Property, error) {
	i := 0
	for i < len(l) && isNameChar(l[i]) {
		i++
	}
	if i == 0 {
		return Property{}, fmt.Errorf("no name")
	}
	p := Property{Name: strings.ToUpper(l[:i]), Params: map[string]string{}}
	for i < len(l) && l[i] == ';' {
		i++
		j := i
		for i < len(l) && isNameChar(l[i]) {
			i++
		}
		if i == j || i >= len(l) || l[i] != '=' {
			return Property{}, fmt.Errorf("bad parameter")
		}
		name := strings.ToUpper(l[j:i])
		i++
		var val string
		if i < len(l) && l[i] == '"' {
			k := strings.IndexByte(l[i+1:], '"')
			if k < 0 {
				return Property{}, fmt.Errorf("unclosed quote")
			}
			val = l[i+1 : i+1+k]
			i += k + 2
		} else {
			j := i
			for i < len(l) && !strings.ContainsRune(";:,\"", rune(l[i])) {
				i++
			}
			val = l[j:i]
		}
		if _, dup := p.Params[name]; dup {
			return Property{}, fmt.Errorf("parameter %s twice", name)
		}
		p.Params[name] = val
	}
	if i >= len(l) || l[i] != ':' {
		return Property{}, fmt.Errorf("no ':' after name and parameters")
	}
	p.Value = l[i+1:]
	return p, nil
}

// UnescapeText reads a single TEXT value strictly: an unescaped ';' or ','
// or an unknown escape is an error.
func UnescapeText(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			if i+1 == len(s) {
				return "", fmt.Errorf("trailing backslash in %q", s)
			}
			i++
			switch s[i] {
			case '\\', ';', ',':
				b.WriteByte(s[i])
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				return "", fmt.Errorf("unknown escape \\%c in %q", s[i], s)
			}
		case ';', ',':
			return "", fmt.Errorf("unescaped %c in %q", c, s)
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

// SplitText splits a multi-valued TEXT at unescaped commas and unescapes.
func SplitText(s string) ([]string, error) {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] == '\\' {
			i++
			continue
		}
		if i == len(s) || s[i] == ',' {
			v, err := UnescapeText(s[start:i])
			if err != nil {
				return nil, err
			}
			out = append(out, v)
			start = i + 1
		}
	}
	return out, nil
}
