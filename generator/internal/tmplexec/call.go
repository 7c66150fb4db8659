package tmplexec

import (
	"cmp"
	"fmt"
	"reflect"
	"strings"
	"text/template/parse"
)

// Calling functions, methods and the builtins; comparisons and truth.

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
			s.escapes(v)
			as[i] = v.Interface()
		}
		return reflect.ValueOf(fmt.Sprintf(vals[0].String(), as...))
	}
	f, ok := s.x.funcs[name]
	if !ok {
		s.fail("function %s", name)
	}
	return s.evalCall(dot, f, direct{f: s.x.direct[name]}, name, args, final)
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

// evalCall calls a function or a bound method as text/template does,
// without reflect.Value.Call when d has a direct way (direct.go).
func (s *execState) evalCall(dot, fun reflect.Value, d direct, name string, args []parse.Node, final reflect.Value) reflect.Value {
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
	if s.tr != nil {
		s.argv = argv
		for _, a := range argv {
			s.escapes(a)
		}
	}
	if v, ok, err := d.call(argv); ok {
		if err != nil {
			s.fail("%s: %v", name, err)
		}
		return v
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
		if c, ok := n.(*parse.StringNode); ok && typ == stringType {
			// The constant itself, not a copy: the argument of a string
			// parameter is copied into the call.
			return reflect.ValueOf(&c.Text).Elem()
		} else if ok {
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
			c = cmp.Compare(a.Int(), b.Int())
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
