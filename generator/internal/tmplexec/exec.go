// Package tmplexec executes html/template templates faster than
// html/template does, with the same output, and keeps the blocks that
// many pages repeat (Cached) under keys derived from the data they read.
//
// html/template parses a template with text/template, then, before the
// first execution, rewrites the parse tree: every action that prints gets
// escaping functions (_html_template_htmlescaper, ...) appended to its
// pipeline, chosen by where in the HTML it stands. text/template then
// executes the tree, finding every field, method and function by
// reflection at every action. That costs about a microsecond an action,
// and a site's pages run millions of them.
//
// An Executor runs the same escaped trees with the same semantics, but
// finds each field and method of a type once, calls the escaping
// functions directly and evaluates the comparisons inline. It does not
// parse or escape anything itself: it runs only trees that html/template
// has escaped (each printing action ends with an escaper; checked once
// per tree), and it hands back anything it does not know (another node,
// function or escaper, a value of an unexpected type, any error) to
// html/template, which produces the same bytes or the positioned error.
// Execute is the one entry point: it tries the fast path and falls back
// by itself, counting the fallbacks (Fallbacks). An Executor made with
// fast set to false leaves every execution to html/template.
//
// The escaping functions are copies of html/template's (escape.go);
// TestEscaperSet fails when html/template's set of escapers changes, and
// TestFastEscapers compares every copy with the original on random text.
package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"text/template/parse"
)

// Executor executes the escaped templates of one template set.
type Executor struct {
	funcs     map[string]reflect.Value                // the templates' FuncMap
	direct    map[string]any                          // those that callDirect calls
	methods   map[reflect.Type]map[int]methodCaller   // by receiver type and method index (Methods)
	fields    atomic.Pointer[map[string][]fieldEntry] // by name; copied on write
	mu        sync.Mutex                              // writers of fields and shapes
	trees     sync.Map                                // *parse.Tree → bool: escaped, all nodes known
	shapes    sync.Map                                // block name → *shapeList (cache.go)
	fast      bool                                    // false: everything is left to html/template
	fallbacks atomic.Int64                            // executions the fast path handed back
	bufs      sync.Pool                               // of *bytes.Buffer, for Cached
}

// New returns an Executor for templates using funcs. With fast false,
// Execute is html/template's Execute and Cached keeps nothing. methods
// are the method sets of the data's types to call without reflection
// (Methods).
func New(funcs template.FuncMap, fast bool, methods ...MethodSet) *Executor {
	x := &Executor{funcs: map[string]reflect.Value{}, direct: map[string]any{}, fast: fast,
		methods: map[reflect.Type]map[int]methodCaller{}}
	for _, m := range methods {
		x.methods[m.typ] = m.calls
	}
	for name, f := range funcs {
		x.funcs[name] = reflect.ValueOf(f)
		if directFunc(f) {
			x.direct[name] = f
		}
	}
	x.bufs.New = func() any { return new(bytes.Buffer) }
	return x
}

// Fast reports whether the fast path is on.
func (x *Executor) Fast() bool { return x.fast }

// Fallbacks is the number of executions the fast path handed back to
// html/template so far.
func (x *Executor) Fallbacks() int64 { return x.fallbacks.Load() }

// Execute runs tmpl, a template of set that html/template has escaped,
// with data and appends the output to w: with the fast path when it can,
// otherwise with html/template. On an error (html/template's, positioned
// in the template) w is left as it was. html/template escapes a template
// on its first execution, rewriting its tree: execute every template of
// set once before calling Execute or Cached from several goroutines.
func (x *Executor) Execute(w *bytes.Buffer, set, tmpl *template.Template, data any) error {
	if x.fast {
		if x.execute(w, set, tmpl, data, nil) == nil {
			return nil
		}
		x.fallbacks.Add(1)
	}
	n := w.Len()
	if err := tmpl.Execute(w, data); err != nil {
		w.Truncate(n)
		return err
	}
	return nil
}

// errFallback: the template is to be executed by html/template.
var errFallback = errors.New("tmplexec: left to html/template")

type fieldKey struct {
	typ  reflect.Type // after indirection
	addr bool         // the receiver can be addressed (pointer methods apply)
	name string
}

// fieldEntry is the field or method name of one receiver type. The cache
// is keyed by name (cheap to hash), then searched by type (compared as
// pointers): a name has one or two receiver types in the templates.
type fieldEntry struct {
	typ  reflect.Type
	addr bool
	info *fieldInfo
}

type fieldInfo struct {
	method int          // index in the method set of the receiver (or its pointer), or -1
	ptr    bool         // the method is on the pointer
	call   methodCaller // calls the method without reflection, or nil (Methods)
	index  []int        // of the struct field, when not a method
}

// execute runs tmpl with the fast path, recording the reads of data into
// tr when tr is not nil. On errFallback (or any error) it has written
// nothing.
func (x *Executor) execute(w *bytes.Buffer, set, tmpl *template.Template, data any, tr *trace) (err error) {
	if tmpl == nil || tmpl.Tree == nil || !x.known(tmpl.Tree) {
		return errFallback
	}
	n := w.Len()
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(execError)
			if !ok {
				panic(r)
			}
			w.Truncate(n)
			err = e.err
		}
	}()
	dot := reflect.ValueOf(data)
	// Room for the variables of the templates it calls (walkTemplate).
	vars := append(make([]variable, 0, 2), variable{"$", dot})
	s := &execState{x: x, w: w, set: set, vars: vars, tr: tr}
	if tr != nil {
		s.root = rootOf(dot)
	}
	s.walk(dot, tmpl.Tree.Root)
	return nil
}

type execError struct{ err error }

type variable struct {
	name  string
	value reflect.Value
}

type execState struct {
	x     *Executor
	w     *bytes.Buffer
	set   *template.Template
	vars  []variable
	depth int

	// Recording the reads of the data for Cached (cache.go): tr is nil
	// otherwise.
	tr   *trace
	root uintptr         // the data's pointer
	argv []reflect.Value // the arguments of the last call, while recording
}

func (s *execState) fail(format string, args ...any) {
	panic(execError{fmt.Errorf("%w: "+format, append([]any{errFallback}, args...)...)})
}

// known reports whether every node of tree is one the fast path runs and
// every action that prints ends with an escaper: whether html/template
// has escaped it.
func (x *Executor) known(tree *parse.Tree) bool {
	if ok, seen := x.trees.Load(tree); seen {
		return ok.(bool)
	}
	ok := knownNode(tree.Root)
	x.trees.Store(tree, ok)
	return ok
}

func knownNode(n parse.Node) bool {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return true
		}
		for _, c := range n.Nodes {
			if !knownNode(c) {
				return false
			}
		}
		return true
	case *parse.TextNode:
		return true
	case *parse.ActionNode:
		if len(n.Pipe.Decl) == 0 {
			last := n.Pipe.Cmds[len(n.Pipe.Cmds)-1]
			id, ok := last.Args[0].(*parse.IdentifierNode)
			if !ok || !strings.HasPrefix(id.Ident, "_html_template_") {
				return false
			}
		}
		return knownPipe(n.Pipe)
	case *parse.IfNode:
		return knownPipe(n.Pipe) && knownNode(n.List) && (n.ElseList == nil || knownNode(n.ElseList))
	case *parse.WithNode:
		return knownPipe(n.Pipe) && knownNode(n.List) && (n.ElseList == nil || knownNode(n.ElseList))
	case *parse.RangeNode:
		return knownPipe(n.Pipe) && knownNode(n.List) && (n.ElseList == nil || knownNode(n.ElseList))
	case *parse.TemplateNode:
		return n.Pipe == nil || knownPipe(n.Pipe)
	}
	return false
}

func knownPipe(p *parse.PipeNode) bool {
	if p == nil {
		return true
	}
	for _, c := range p.Cmds {
		for _, a := range c.Args {
			switch a := a.(type) {
			case *parse.FieldNode, *parse.VariableNode, *parse.DotNode,
				*parse.StringNode, *parse.NumberNode, *parse.BoolNode:
			case *parse.IdentifierNode:
				if strings.HasPrefix(a.Ident, "_") && !copied(a.Ident) {
					return false
				}
			case *parse.PipeNode:
				if !knownPipe(a) {
					return false
				}
			default:
				return false
			}
		}
	}
	return true
}
