package tmplexec

import (
	"reflect"
	"strings"
	"text/template/parse"
)

// Walking the escaped tree: text, actions, if, with, range and template.

func (s *execState) walk(dot reflect.Value, node parse.Node) {
	switch node := node.(type) {
	case *parse.ActionNode:
		cmds := node.Pipe.Cmds
		k := len(cmds)
		for k > 0 && isEscaper(cmds[k-1]) {
			k--
		}
		if len(node.Pipe.Decl) > 0 || k == 0 || k == len(cmds) {
			val := s.evalPipeline(dot, node.Pipe)
			if len(node.Pipe.Decl) == 0 {
				s.print(val)
			}
			break
		}
		// The common case: a value, then the escapers html/template
		// added. Escape it straight to the output.
		val := missing
		for _, cmd := range cmds[:k] {
			val = s.evalCommand(dot, cmd, val)
			if val.Kind() == reflect.Interface && val.Type().NumMethod() == 0 {
				val = val.Elem()
			}
		}
		str, typ := s.text(val)
		for _, cmd := range cmds[k:] {
			str = s.escapeText(cmd.Args[0].(*parse.IdentifierNode).Ident, str, typ)
			typ = ""
		}
		s.w.WriteString(str)
	case *parse.IfNode:
		s.walkIfOrWith(false, dot, node.Pipe, node.List, node.ElseList)
	case *parse.ListNode:
		for _, n := range node.Nodes {
			s.walk(dot, n)
		}
	case *parse.RangeNode:
		s.walkRange(dot, node)
	case *parse.TemplateNode:
		s.walkTemplate(dot, node)
	case *parse.TextNode:
		s.w.Write(node.Text)
	case *parse.WithNode:
		s.walkIfOrWith(true, dot, node.Pipe, node.List, node.ElseList)
	default:
		s.fail("node %s", node)
	}
}

// isEscaper reports whether cmd is a bare call of an html/template
// escaping function, as html/template appends them to pipelines.
func isEscaper(cmd *parse.CommandNode) bool {
	id, ok := cmd.Args[0].(*parse.IdentifierNode)
	return ok && len(cmd.Args) == 1 && strings.HasPrefix(id.Ident, "_html_template_")
}

func (s *execState) print(v reflect.Value) {
	if v.Kind() == reflect.String {
		s.w.WriteString(v.String())
		return
	}
	s.fail("printing a %s", v.Kind())
}

func (s *execState) mark() int { return len(s.vars) }
func (s *execState) pop(m int) { s.vars = s.vars[:m] }
func (s *execState) push(n string, v reflect.Value) {
	s.vars = append(s.vars, variable{n, v})
}

func (s *execState) setVar(name string, v reflect.Value) {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = v
			return
		}
	}
	s.fail("undefined variable %s", name)
}

func (s *execState) varValue(name string) reflect.Value {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value
		}
	}
	s.fail("undefined variable %s", name)
	return reflect.Value{}
}

func (s *execState) walkIfOrWith(with bool, dot reflect.Value, pipe *parse.PipeNode, list, elseList *parse.ListNode) {
	defer s.pop(s.mark())
	val := s.evalPipeline(dot, pipe)
	truth, ok := isTrue(indirectInterface(val))
	if !ok {
		s.fail("if/with can't use %v", val)
	}
	if truth {
		if with {
			s.walk(val, list)
		} else {
			s.walk(dot, list)
		}
	} else if elseList != nil {
		s.walk(dot, elseList)
	}
}

func (s *execState) walkRange(dot reflect.Value, r *parse.RangeNode) {
	defer s.pop(s.mark())
	val, _ := indirect(s.evalPipeline(dot, r.Pipe))
	mark := s.mark()
	one := func(index, elem reflect.Value) {
		if len(r.Pipe.Decl) > 0 {
			if r.Pipe.IsAssign {
				if len(r.Pipe.Decl) > 1 {
					s.setVar(r.Pipe.Decl[0].Ident[0], index)
				} else {
					s.setVar(r.Pipe.Decl[0].Ident[0], elem)
				}
			} else {
				s.vars[len(s.vars)-1].value = elem
			}
		}
		if len(r.Pipe.Decl) > 1 {
			if r.Pipe.IsAssign {
				s.setVar(r.Pipe.Decl[1].Ident[0], elem)
			} else {
				s.vars[len(s.vars)-2].value = index
			}
		}
		s.walk(elem, r.List)
		s.pop(mark)
	}
	switch val.Kind() {
	case reflect.Array, reflect.Slice:
		if val.Len() > 0 {
			for i := 0; i < val.Len(); i++ {
				one(reflect.ValueOf(i), val.Index(i))
			}
			return
		}
	case reflect.Invalid:
	default:
		s.fail("range over %s", val.Kind())
	}
	if r.ElseList != nil {
		s.walk(dot, r.ElseList)
	}
}

func (s *execState) walkTemplate(dot reflect.Value, t *parse.TemplateNode) {
	tmpl := s.set.Lookup(t.Name)
	if tmpl == nil || tmpl.Tree == nil || !s.x.known(tmpl.Tree) || s.depth > 100 {
		s.fail("template %q", t.Name)
	}
	dot = s.evalPipeline(dot, t.Pipe)
	ns := *s
	ns.depth++
	// The called template's variables go after the caller's, which it
	// cannot see.
	ns.vars = append(s.vars[len(s.vars):], variable{"$", dot})
	ns.walk(dot, tmpl.Tree.Root)
}
