package tmplexec

import (
	"maps"
	"reflect"
	"strings"
	"text/template/parse"
)

// Evaluating pipelines, commands, variables, fields and methods.

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
	if s.tr != nil && s.isRoot(receiver) {
		return s.recordChain(dot, receiver, ident, args, final)
	}
	n := len(ident)
	for i := 0; i < n-1; i++ {
		receiver = s.evalField(dot, ident[i], nil, missing, receiver)
	}
	return s.evalField(dot, ident[n-1], args, final, receiver)
}

func (s *execState) evalField(dot reflect.Value, name string, args []parse.Node, final, receiver reflect.Value) reflect.Value {
	receiver, info := s.fieldOf(receiver, name)
	if info.method >= 0 {
		recv := bound(receiver, info)
		return s.evalCall(dot, recv.Method(info.method), direct{m: info.call, recv: recv}, name, args, final)
	}
	if len(args) > 1 || !isMissing(final) {
		s.fail("%s has arguments but is a field", name)
	}
	return s.structField(receiver, info, name)
}

// fieldOf finds the field or method name of receiver, after indirection.
func (s *execState) fieldOf(receiver reflect.Value, name string) (reflect.Value, *fieldInfo) {
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
	return receiver, info
}

// bound is the receiver of the method info names: receiver or its
// address.
func bound(receiver reflect.Value, info *fieldInfo) reflect.Value {
	if info.ptr {
		return receiver.Addr()
	}
	return receiver
}

// structField is the field info names of the struct receiver.
func (s *execState) structField(receiver reflect.Value, info *fieldInfo, name string) reflect.Value {
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
func (x *Executor) field(typ reflect.Type, addr bool, name string) *fieldInfo {
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
func (x *Executor) lookupField(k fieldKey) *fieldInfo {
	var info *fieldInfo
	ptr := k.typ
	if k.typ.Kind() != reflect.Interface && k.typ.Kind() != reflect.Pointer && k.addr {
		ptr = reflect.PointerTo(k.typ)
	}
	if m, ok := ptr.MethodByName(k.name); ok {
		info = &fieldInfo{method: m.Index, ptr: ptr != k.typ, call: x.methods[ptr][m.Index]}
	} else if k.typ.Kind() == reflect.Struct {
		if f, ok := k.typ.FieldByName(k.name); ok && f.IsExported() {
			info = &fieldInfo{method: -1, index: f.Index}
		}
	}
	return info
}
