package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"maps"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"text/template/parse"
)

// A faster executor of the escaped templates.
//
// html/template parses a template with text/template, then, before the
// first execution, rewrites the parse tree: every action that prints gets
// escaping functions (_html_template_htmlescaper, ...) appended to its
// pipeline, chosen by where in the HTML it stands. text/template then
// executes the tree, finding every field, method and function by
// reflection at every action. That costs about a microsecond an action,
// and a site's pages run millions of them: most of a build's time.
//
// fastExec executes the same escaped trees with the same semantics, but
// finds each field and method of a type once, calls the escaping
// functions directly and evaluates the comparisons inline. It does
// not parse or escape anything itself: it runs only trees that
// html/template has escaped (each printing action ends with an escaper;
// checked once per tree), and it gives up on anything it does not know
// (another node, function or escaper, a value of an unexpected type, any
// error): the caller then executes the template with html/template, which
// produces the same bytes or the positioned error. exec_test.go renders
// every page of the fixture sites and of a generated corpus both ways and
// compares the bytes; the escaping functions are checked against
// html/template on random text.
type fastExec struct {
	funcs  map[string]reflect.Value                // the templates' FuncMap
	fields atomic.Pointer[map[string][]fieldEntry] // by name; copied on write
	mu     sync.Mutex                              // writers of fields
	trees  sync.Map                                // *parse.Tree → bool: escaped, all nodes known
	off    bool                                    // tests: leave everything to html/template
	missed atomic.Int64                            // executions left to html/template, for tests
}

// errFallback: the template is to be executed by html/template.
var errFallback = errors.New("render: left to html/template")

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
	method int   // index in the method set of the receiver (or its pointer), or -1
	ptr    bool  // the method is on the pointer
	index  []int // of the struct field, when not a method
}

func newFastExec(funcs map[string]any) *fastExec {
	x := &fastExec{funcs: map[string]reflect.Value{}}
	for name, f := range funcs {
		x.funcs[name] = reflect.ValueOf(f)
	}
	return x
}

// execute runs the escaped template tmpl of set with data into w. On
// errFallback (or any error) it has written nothing.
func (x *fastExec) execute(w *bytes.Buffer, set *template.Template, tmpl *template.Template, data any) (err error) {
	if x.off || tmpl == nil || tmpl.Tree == nil || !x.known(tmpl.Tree) {
		x.missed.Add(1)
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
			x.missed.Add(1)
		}
	}()
	dot := reflect.ValueOf(data)
	s := &execState{x: x, w: w, set: set, vars: []variable{{"$", dot}}}
	s.walk(dot, tmpl.Tree.Root)
	return nil
}

type execError struct{ err error }

type variable struct {
	name  string
	value reflect.Value
}

type execState struct {
	x     *fastExec
	w     *bytes.Buffer
	set   *template.Template
	vars  []variable
	depth int
}

func (s *execState) fail(format string, args ...any) {
	panic(execError{fmt.Errorf("%w: "+format, append([]any{errFallback}, args...)...)})
}

// known reports whether every node of tree is one fastExec runs and every
// action that prints ends with an escaper: whether html/template has
// escaped it.
func (x *fastExec) known(tree *parse.Tree) bool {
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
			case *parse.FieldNode, *parse.IdentifierNode, *parse.VariableNode, *parse.DotNode,
				*parse.StringNode, *parse.NumberNode, *parse.BoolNode:
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
	ns.vars = []variable{{"$", dot}}
	ns.walk(dot, tmpl.Tree.Root)
}

// missing is the final value of a pipeline's first command.
var missing = reflect.ValueOf(missingType{})

type missingType struct{}

func isMissing(v reflect.Value) bool { return v.IsValid() && v.Type() == missing.Type() }

func (s *execState) evalPipeline(dot reflect.Value, pipe *parse.PipeNode) reflect.Value {
	if pipe == nil {
		return reflect.Value{}
	}
	value := missing
	for _, cmd := range pipe.Cmds {
		value = s.evalCommand(dot, cmd, value)
		if value.Kind() == reflect.Interface && value.Type().NumMethod() == 0 {
			value = value.Elem()
		}
	}
	for _, v := range pipe.Decl {
		if pipe.IsAssign {
			s.setVar(v.Ident[0], value)
		} else {
			s.push(v.Ident[0], value)
		}
	}
	return value
}

func (s *execState) notAFunction(args []parse.Node, final reflect.Value) {
	if len(args) > 1 || !isMissing(final) {
		s.fail("arguments to a non-function")
	}
}

func (s *execState) evalCommand(dot reflect.Value, cmd *parse.CommandNode, final reflect.Value) reflect.Value {
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		return s.evalFieldChain(dot, dot, n.Ident, cmd.Args, final)
	case *parse.IdentifierNode:
		return s.evalFunction(dot, n.Ident, cmd.Args, final)
	case *parse.PipeNode:
		s.notAFunction(cmd.Args, final)
		return s.evalPipeline(dot, n)
	case *parse.VariableNode:
		return s.evalVariable(dot, n, cmd.Args, final)
	}
	s.notAFunction(cmd.Args, final)
	switch n := cmd.Args[0].(type) {
	case *parse.BoolNode:
		return reflect.ValueOf(n.True)
	case *parse.DotNode:
		return dot
	case *parse.NumberNode:
		return idealConstant(s, n)
	case *parse.StringNode:
		return reflect.ValueOf(n.Text)
	}
	s.fail("command %s", cmd)
	return reflect.Value{}
}

func idealConstant(s *execState, n *parse.NumberNode) reflect.Value {
	if n.IsInt && !n.IsComplex && !strings.ContainsAny(n.Text, ".eEpPxX'") && int64(int(n.Int64)) == n.Int64 {
		return reflect.ValueOf(int(n.Int64))
	}
	s.fail("number %s", n.Text)
	return reflect.Value{}
}

func (s *execState) evalVariable(dot reflect.Value, v *parse.VariableNode, args []parse.Node, final reflect.Value) reflect.Value {
	value := s.varValue(v.Ident[0])
	if len(v.Ident) == 1 {
		s.notAFunction(args, final)
		return value
	}
	return s.evalFieldChain(dot, value, v.Ident[1:], args, final)
}

func (s *execState) evalFieldChain(dot, receiver reflect.Value, ident []string, args []parse.Node, final reflect.Value) reflect.Value {
	n := len(ident)
	for i := 0; i < n-1; i++ {
		receiver = s.evalField(dot, ident[i], nil, missing, receiver)
	}
	return s.evalField(dot, ident[n-1], args, final, receiver)
}

func (s *execState) evalField(dot reflect.Value, name string, args []parse.Node, final, receiver reflect.Value) reflect.Value {
	if !receiver.IsValid() {
		s.fail("nil data")
	}
	receiver, isNil := indirect(receiver)
	if isNil {
		s.fail("nil pointer evaluating .%s", name)
	}
	info := s.x.field(receiver.Type(), receiver.CanAddr(), name)
	if info == nil {
		s.fail("field %s of %s", name, receiver.Type())
	}
	if info.method >= 0 {
		m := receiver
		if info.ptr {
			m = receiver.Addr()
		}
		return s.evalCall(dot, m.Method(info.method), name, args, final)
	}
	if len(args) > 1 || !isMissing(final) {
		s.fail("%s has arguments but is a field", name)
	}
	v := receiver
	for i, x := range info.index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				s.fail("nil pointer to embedded struct evaluating .%s", name)
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

// field finds a field or method of a type once.
func (x *fastExec) field(typ reflect.Type, addr bool, name string) *fieldInfo {
	if m := x.fields.Load(); m != nil {
		for _, e := range (*m)[name] {
			if e.typ == typ && e.addr == addr {
				return e.info
			}
		}
	}
	info := x.lookupField(fieldKey{typ, addr, name})
	if info == nil {
		return nil
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	next := map[string][]fieldEntry{}
	if m := x.fields.Load(); m != nil {
		next = maps.Clone(*m)
	}
	old := next[name]
	for _, e := range old {
		if e.typ == typ && e.addr == addr {
			return e.info // another goroutine was first
		}
	}
	next[name] = append(old[:len(old):len(old)], fieldEntry{typ, addr, info})
	x.fields.Store(&next)
	return info
}

// lookupField finds a field or method by reflection.
func (x *fastExec) lookupField(k fieldKey) *fieldInfo {
	var info *fieldInfo
	ptr := k.typ
	if k.typ.Kind() != reflect.Interface && k.typ.Kind() != reflect.Pointer && k.addr {
		ptr = reflect.PointerTo(k.typ)
	}
	if m, ok := ptr.MethodByName(k.name); ok {
		info = &fieldInfo{method: m.Index, ptr: ptr != k.typ}
	} else if k.typ.Kind() == reflect.Struct {
		if f, ok := k.typ.FieldByName(k.name); ok && f.IsExported() {
			info = &fieldInfo{method: -1, index: f.Index}
		}
	}
	return info
}

// evalFunction calls a function of the FuncMap, a builtin or an escaper.
func (s *execState) evalFunction(dot reflect.Value, name string, args []parse.Node, final reflect.Value) reflect.Value {
	if strings.HasPrefix(name, "_html_template_") {
		if len(args) != 1 || isMissing(final) {
			s.fail("escaper %s with arguments", name)
		}
		return reflect.ValueOf(s.escape(name, final))
	}
	switch name {
	case "eq", "ne", "lt", "le", "gt", "ge":
		vals := s.evalArgs(dot, args, final)
		if len(vals) != 2 && !(name == "eq" && len(vals) > 2) {
			s.fail("%s with %d arguments", name, len(vals))
		}
		return reflect.ValueOf(s.compare(name, vals))
	case "and", "or":
		var v reflect.Value
		for _, a := range args[1:] {
			v = indirectInterface(s.evalAny(dot, a))
			if truth(v) == (name == "or") {
				return v
			}
		}
		if !isMissing(final) {
			v = indirectInterface(final)
		}
		return v
	case "not":
		vals := s.evalArgs(dot, args, final)
		if len(vals) != 1 {
			s.fail("not with %d arguments", len(vals))
		}
		return reflect.ValueOf(!truth(indirectInterface(vals[0])))
	case "len":
		vals := s.evalArgs(dot, args, final)
		if len(vals) != 1 {
			s.fail("len with %d arguments", len(vals))
		}
		v, isNil := indirect(vals[0])
		switch v.Kind() {
		case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
			if !isNil {
				return reflect.ValueOf(v.Len())
			}
		}
		s.fail("len of %s", v.Kind())
	case "index":
		vals := s.evalArgs(dot, args, final)
		if len(vals) != 2 {
			s.fail("index with %d arguments", len(vals))
		}
		item, isNil := indirect(indirectInterface(vals[0]))
		i := indirectInterface(vals[1])
		if !isNil && (item.Kind() == reflect.Slice || item.Kind() == reflect.Array) && i.Kind() == reflect.Int {
			if n := int(i.Int()); n >= 0 && n < item.Len() {
				return item.Index(n)
			}
		}
		s.fail("index")
	case "printf":
		vals := s.evalArgs(dot, args, final)
		if len(vals) == 0 || !vals[0].IsValid() || vals[0].Type() != reflect.TypeFor[string]() {
			s.fail("printf")
		}
		as := make([]any, len(vals)-1)
		for i, v := range vals[1:] {
			if !v.IsValid() {
				s.fail("printf of nil")
			}
			as[i] = v.Interface()
		}
		return reflect.ValueOf(fmt.Sprintf(vals[0].String(), as...))
	}
	f, ok := s.x.funcs[name]
	if !ok {
		s.fail("function %s", name)
	}
	return s.evalCall(dot, f, name, args, final)
}

// evalArgs evaluates the arguments of a builtin, the pipeline's value last.
func (s *execState) evalArgs(dot reflect.Value, args []parse.Node, final reflect.Value) []reflect.Value {
	vals := make([]reflect.Value, 0, len(args))
	for _, a := range args[1:] {
		vals = append(vals, s.evalAny(dot, a))
	}
	if !isMissing(final) {
		vals = append(vals, final)
	}
	return vals
}

// evalAny evaluates an argument for an empty-interface parameter.
func (s *execState) evalAny(dot reflect.Value, n parse.Node) reflect.Value {
	switch n := n.(type) {
	case *parse.BoolNode:
		return reflect.ValueOf(n.True)
	case *parse.DotNode:
		return dot
	case *parse.FieldNode:
		return s.evalFieldChain(dot, dot, n.Ident, nil, missing)
	case *parse.IdentifierNode:
		return s.evalFunction(dot, n.Ident, []parse.Node{n}, missing)
	case *parse.NumberNode:
		return idealConstant(s, n)
	case *parse.StringNode:
		return reflect.ValueOf(n.Text)
	case *parse.VariableNode:
		return s.evalVariable(dot, n, nil, missing)
	case *parse.PipeNode:
		return s.evalPipeline(dot, n)
	}
	s.fail("argument %s", n)
	return reflect.Value{}
}

// evalCall calls a function or a bound method as text/template does.
func (s *execState) evalCall(dot, fun reflect.Value, name string, args []parse.Node, final reflect.Value) reflect.Value {
	if args != nil {
		args = args[1:]
	}
	typ := fun.Type()
	numIn := len(args)
	if !isMissing(final) {
		numIn++
	}
	numFixed := len(args)
	if typ.IsVariadic() {
		numFixed = typ.NumIn() - 1
		if numIn < numFixed {
			s.fail("arguments of %s", name)
		}
	} else if numIn != typ.NumIn() {
		s.fail("arguments of %s", name)
	}
	switch {
	case typ.NumOut() == 1:
	case typ.NumOut() == 2 && typ.Out(1) == errorType:
	default:
		s.fail("results of %s", name)
	}
	argv := make([]reflect.Value, numIn)
	i := 0
	for ; i < numFixed && i < len(args); i++ {
		argv[i] = s.evalArg(dot, typ.In(i), args[i])
	}
	if typ.IsVariadic() {
		at := typ.In(typ.NumIn() - 1).Elem()
		for ; i < len(args); i++ {
			argv[i] = s.evalArg(dot, at, args[i])
		}
	}
	if !isMissing(final) {
		t := typ.In(typ.NumIn() - 1)
		if typ.IsVariadic() {
			if numIn-1 < numFixed {
				t = typ.In(numIn - 1)
			} else {
				t = t.Elem()
			}
		}
		argv[i] = s.validateType(final, t)
	}
	out := fun.Call(argv)
	if len(out) == 2 && !out[1].IsNil() {
		s.fail("%s: %v", name, out[1].Interface())
	}
	return out[0]
}

var errorType = reflect.TypeFor[error]()

func (s *execState) evalArg(dot reflect.Value, typ reflect.Type, n parse.Node) reflect.Value {
	switch arg := n.(type) {
	case *parse.DotNode:
		return s.validateType(dot, typ)
	case *parse.FieldNode:
		return s.validateType(s.evalFieldChain(dot, dot, arg.Ident, []parse.Node{n}, missing), typ)
	case *parse.VariableNode:
		return s.validateType(s.evalVariable(dot, arg, nil, missing), typ)
	case *parse.PipeNode:
		return s.validateType(s.evalPipeline(dot, arg), typ)
	case *parse.IdentifierNode:
		return s.validateType(s.evalFunction(dot, arg.Ident, []parse.Node{n}, missing), typ)
	}
	switch typ.Kind() {
	case reflect.Bool:
		if b, ok := n.(*parse.BoolNode); ok {
			v := reflect.New(typ).Elem()
			v.SetBool(b.True)
			return v
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if c, ok := n.(*parse.NumberNode); ok && c.IsInt {
			v := reflect.New(typ).Elem()
			v.SetInt(c.Int64)
			return v
		}
	case reflect.String:
		if c, ok := n.(*parse.StringNode); ok {
			v := reflect.New(typ).Elem()
			v.SetString(c.Text)
			return v
		}
	case reflect.Interface:
		if typ.NumMethod() == 0 {
			return s.evalAny(dot, n)
		}
	}
	s.fail("argument %s for %s", n, typ)
	return reflect.Value{}
}

func (s *execState) validateType(value reflect.Value, typ reflect.Type) reflect.Value {
	if !value.IsValid() {
		switch typ.Kind() {
		case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
			return reflect.Zero(typ)
		}
		s.fail("invalid value for %s", typ)
	}
	if !value.Type().AssignableTo(typ) {
		if value.Kind() == reflect.Interface && !value.IsNil() {
			value = value.Elem()
			if value.Type().AssignableTo(typ) {
				return value
			}
		}
		switch {
		case value.Kind() == reflect.Pointer && value.Type().Elem().AssignableTo(typ):
			if value.IsNil() {
				s.fail("nil pointer for %s", typ)
			}
			value = value.Elem()
		case reflect.PointerTo(value.Type()).AssignableTo(typ) && value.CanAddr():
			value = value.Addr()
		default:
			s.fail("%s for %s", value.Type(), typ)
		}
	}
	return value
}

// compare is eq, ne, lt, le, gt and ge for booleans, integers and strings.
func (s *execState) compare(op string, vals []reflect.Value) bool {
	a := indirectInterface(vals[0])
	for _, v := range vals[1:] {
		b := indirectInterface(v)
		var c int // -1, 0, 1
		switch {
		case isInt(a) && isInt(b):
			c = cmpInt(a.Int(), b.Int())
		case a.Kind() == reflect.String && b.Kind() == reflect.String:
			c = strings.Compare(a.String(), b.String())
		case a.Kind() == reflect.Bool && b.Kind() == reflect.Bool && (op == "eq" || op == "ne"):
			if a.Bool() != b.Bool() {
				c = 1
			}
		default:
			s.fail("comparing %s and %s", a.Kind(), b.Kind())
		}
		switch op {
		case "eq":
			if c == 0 {
				return true
			}
			continue
		case "ne":
			return c != 0
		case "lt":
			return c < 0
		case "le":
			return c <= 0
		case "gt":
			return c > 0
		case "ge":
			return c >= 0
		}
	}
	return false
}

func isInt(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return true
	}
	return false
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func indirect(v reflect.Value) (reflect.Value, bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

// isTrue is text/template's truth of a value.
func isTrue(val reflect.Value) (truth, ok bool) {
	if !val.IsValid() {
		return false, true
	}
	switch val.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		truth = val.Len() > 0
	case reflect.Bool:
		truth = val.Bool()
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		truth = !val.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		truth = val.Int() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		truth = val.Uint() != 0
	case reflect.Float32, reflect.Float64:
		truth = val.Float() != 0
	case reflect.Struct:
		truth = true
	default:
		return false, false
	}
	return truth, true
}

func truth(v reflect.Value) bool {
	t, _ := isTrue(v)
	return t
}
