package tmplexec

import (
	"html/template"
	"reflect"
)

// Calls without reflect.Value.Call, which costs more than most of the
// functions and methods the templates call: for the common signatures,
// the function is called as itself. argv has been checked against the
// signature by then (evalCall).

// direct is the way to call a function or method without reflection:
// f, a function of the FuncMap that callDirect knows, or m, a method of
// recv's type (Methods).
type direct struct {
	f    any
	m    methodCaller
	recv reflect.Value
}

// call calls the function or method directly; ok is false when it has no
// direct way.
func (d direct) call(argv []reflect.Value) (v reflect.Value, ok bool, err error) {
	switch {
	case d.m != nil && d.recv.CanInterface():
		return d.m(d.recv, argv), true, nil
	case d.f != nil:
		v, err = callDirect(d.f, argv)
		return v, true, err
	}
	return v, false, nil
}

// directFunc reports whether callDirect knows the signature of f.
func directFunc(f any) bool {
	switch f.(type) {
	case func(string, string) (string, error), func(string, string, int) (string, error),
		func(string, string) string, func(string) string, func(string) (string, error),
		func(string, any) (template.HTML, error):
		return true
	}
	return false
}

// callDirect calls a function of the FuncMap with one of the signatures
// the site's templates call most (the UI strings above all).
func callDirect(f any, argv []reflect.Value) (reflect.Value, error) {
	var r string
	var err error
	switch f := f.(type) {
	case func(string, string) (string, error):
		r, err = f(argv[0].String(), argv[1].String())
	case func(string, string, int) (string, error):
		r, err = f(argv[0].String(), argv[1].String(), int(argv[2].Int()))
	case func(string, string) string:
		r = f(argv[0].String(), argv[1].String())
	case func(string) string:
		r = f(argv[0].String())
	case func(string) (string, error):
		r, err = f(argv[0].String())
	case func(string, any) (template.HTML, error):
		h, err := f(argv[0].String(), argv[1].Interface())
		return reflect.ValueOf(h), err
	}
	return reflect.ValueOf(r), err
}

// methodCaller calls a method of a receiver with the arguments argv.
type methodCaller func(recv reflect.Value, argv []reflect.Value) reflect.Value

// A MethodSet has direct callers of the methods of one type (Methods).
type MethodSet struct {
	typ   reflect.Type
	calls map[int]methodCaller // by method index
}

// Methods finds the methods of T (the type of the templates' data, such
// as a pointer to a view) with one of the signatures below: an Executor
// made with the set calls them as themselves, not through
// reflect.Value.Call.
func Methods[T any]() MethodSet {
	t := reflect.TypeFor[T]()
	ms := MethodSet{typ: t, calls: map[int]methodCaller{}}
	for i := range t.NumMethod() {
		if c := callerOf[T](t.Method(i).Func.Interface()); c != nil {
			ms.calls[i] = c
		}
	}
	return ms
}

// callerOf returns a direct caller of the method expression f of T, or
// nil for another signature.
func callerOf[T any](f any) methodCaller {
	switch f := f.(type) {
	case func(T) string:
		return func(r reflect.Value, _ []reflect.Value) reflect.Value {
			return reflect.ValueOf(f(r.Interface().(T)))
		}
	case func(T, string) string:
		return func(r reflect.Value, a []reflect.Value) reflect.Value {
			return reflect.ValueOf(f(r.Interface().(T), a[0].String()))
		}
	case func(T) bool:
		return func(r reflect.Value, _ []reflect.Value) reflect.Value {
			return reflect.ValueOf(f(r.Interface().(T)))
		}
	case func(T, string) bool:
		return func(r reflect.Value, a []reflect.Value) reflect.Value {
			return reflect.ValueOf(f(r.Interface().(T), a[0].String()))
		}
	case func(T) int:
		return func(r reflect.Value, _ []reflect.Value) reflect.Value {
			return reflect.ValueOf(f(r.Interface().(T)))
		}
	}
	return nil
}
