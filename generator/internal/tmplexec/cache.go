package tmplexec

import (
	"bytes"
	"fmt"
	"html/template"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"text/template/parse"
)

// Blocks rendered once and reused, keyed by what they read.
//
// A block (a {{define}} of the set) that many pages repeat, such as the
// footer or the navigation, is rendered once for every different set of
// values it reads from its data, and reused by every page whose data
// gives the same values. The key is not written by the designer: the
// first time a block is rendered, the executor records every read of the
// data, a field chain from the data (.Lang, .P.Kind, $.Section "theses")
// with the arguments of its last call, and the value it gave. The list of
// reads is the block's shape; the values are its key. For the next page,
// each known shape of the block is evaluated on the page's data: when
// every read gives the values of a kept rendering, that rendering is what
// the block would write again (a template sees nothing but its data, its
// constants and the results of its functions, which must depend on their
// arguments alone), and it is reused. Shapes are tried shortest first.
//
// A value that is not plain data cannot be compared by content: a
// pointer (.P, .S), a map, a function. A block whose rendering reads one,
// or passes the data itself to a function ({{cached "x" .}}, {{f .}}),
// is rendered again on every page, never shared: slower, never wrong.

// Store keeps the rendered blocks of one site; *render.Memo is one.
type Store interface {
	// Lookup returns the rendering kept under key.
	Lookup(key []byte) (string, bool)
	// Keep keeps html under key, unless a rendering is kept under it
	// already, and returns the one kept.
	Keep(key, html string) string
}

// maxShapes bounds the shapes kept per block: a block whose reads differ
// from page to page more often than that is rendered on every page.
const maxShapes = 16

// read is one read of the data: a field chain and the arguments of its
// last call.
type read struct {
	chain []string
	args  []reflect.Value
}

// shape is the list of reads of one rendering of a block.
type shape struct {
	reads []read
	id    string // the reads, encoded: shapes are compared by id
	n     int    // the shape's number among its block's, in the keys
}

// shapeList is the shapes of one block: read without a lock, replaced
// under Executor.mu.
type shapeList struct {
	list atomic.Pointer[[]*shape]
}

// trace records the reads of one rendering.
type trace struct {
	shape  shape
	seen   map[string]bool
	values []byte // the value of each read, encoded, in order
	opaque bool   // a value that cannot be compared was read, or the data escaped
}

// Cached renders the block name of set with data, or reuses a rendering
// of it kept in store whose reads of the data give the same values
// (see above). data is normally a pointer (the page's view).
func (x *Executor) Cached(store Store, set *template.Template, name string, data any) (string, error) {
	tmpl := set.Lookup(name)
	if tmpl == nil {
		return "", fmt.Errorf("no block %q", name)
	}
	buf := x.bufs.Get().(*bytes.Buffer)
	defer x.bufs.Put(buf)
	buf.Reset()
	root := reflect.ValueOf(data)
	if !x.fast || rootOf(root) == 0 {
		err := x.Execute(buf, set, tmpl, data)
		return buf.String(), err
	}
	// The keys are made in buf's room, which the rendering overwrites.
	key := buf.AvailableBuffer()
	s := &execState{x: x}
	for _, sh := range x.shapesOf(name) {
		var ok bool
		if key, ok = s.keyOf(blockKey(key[:0], name, sh.n), sh, root); !ok {
			continue
		}
		if html, ok := store.Lookup(key); ok {
			return html, nil
		}
	}
	tr := &trace{seen: map[string]bool{}}
	if x.execute(buf, set, tmpl, data, tr) != nil {
		x.fallbacks.Add(1)
		err := x.Execute(buf, set, tmpl, data)
		return buf.String(), err
	}
	html := buf.String()
	if tr.opaque {
		return html, nil
	}
	i := x.addShape(name, &tr.shape)
	if i < 0 {
		return html, nil
	}
	return store.Keep(string(append(blockKey(nil, name, i), tr.values...)), html), nil
}

// blockKey appends the start of the keys of a block's renderings of
// shape i.
func blockKey(b []byte, name string, i int) []byte {
	b = append(append(b, name...), 0)
	return append(strconv.AppendInt(b, int64(i), 10), 0)
}

// shapesOf returns the known shapes of a block.
func (x *Executor) shapesOf(name string) []*shape {
	if l, ok := x.shapes.Load(name); ok {
		if p := l.(*shapeList).list.Load(); p != nil {
			return *p
		}
	}
	return nil
}

// addShape adds sh to the shapes of a block, unless it is known, and
// returns its number; -1 when the block has too many.
func (x *Executor) addShape(name string, sh *shape) int {
	l, _ := x.shapes.LoadOrStore(name, &shapeList{})
	sl := l.(*shapeList)
	x.mu.Lock()
	defer x.mu.Unlock()
	var list []*shape
	if p := sl.list.Load(); p != nil {
		list = *p
	}
	for _, s := range list {
		if s.id == sh.id {
			return s.n
		}
	}
	if len(list) == maxShapes {
		return -1
	}
	// A new slice, the shortest shapes first: readers hold the old one.
	sh.n = len(list)
	list = append(list[:len(list):len(list)], sh)
	slices.SortStableFunc(list, func(a, b *shape) int { return len(a.reads) - len(b.reads) })
	sl.list.Store(&list)
	return sh.n
}

// keyOf appends to b the values of the reads of sh on root: the key of
// the rendering they select, or false when a read fails or gives a value
// that cannot be compared.
func (s *execState) keyOf(b []byte, sh *shape, root reflect.Value) (key []byte, ok bool) {
	defer func() {
		if recover() != nil {
			key, ok = b, false // as text/template, which turns a panic into an error
		}
	}()
	for _, r := range sh.reads {
		v, ok := s.replay(root, r)
		if !ok {
			return b, false
		}
		if b, ok = appendValue(b, v, 0); !ok {
			return b, false
		}
	}
	return b, true
}

// replay evaluates a read on root as the template did.
func (s *execState) replay(root reflect.Value, r read) (reflect.Value, bool) {
	v := root
	for i, name := range r.chain {
		recv, info := s.fieldOf(v, name)
		if info.method < 0 {
			v = s.structField(recv, info, name)
			continue
		}
		var argv []reflect.Value
		if i == len(r.chain)-1 {
			argv = r.args
		}
		recv = bound(recv, info)
		if out, ok, _ := (direct{m: info.call, recv: recv}).call(argv); ok {
			v = out
			continue
		}
		out := recv.Method(info.method).Call(argv)
		if len(out) == 2 && !out[1].IsNil() {
			return v, false
		}
		v = out[0]
	}
	return v, true
}

// rootOf is the pointer of the data a block reads, or 0 when it is not
// a pointer: then no read can be told from the rest of the rendering.
func rootOf(v reflect.Value) uintptr {
	if v.Kind() == reflect.Pointer && !v.IsNil() {
		return v.Pointer()
	}
	return 0
}

// isRoot reports whether v is the data of the rendering being recorded.
func (s *execState) isRoot(v reflect.Value) bool {
	v = indirectInterface(v)
	return v.Kind() == reflect.Pointer && v.Pointer() == s.root
}

// escapes marks the recording opaque when v, passed to a function, is the
// data itself: the function may read anything of it.
func (s *execState) escapes(v reflect.Value) {
	if s.tr != nil && s.isRoot(v) {
		s.tr.opaque = true
	}
}

// recordChain evaluates a field chain from the data and records it with
// the arguments of its last call and its value.
func (s *execState) recordChain(dot, root reflect.Value, ident []string, args []parse.Node, final reflect.Value) reflect.Value {
	recv := root
	for _, name := range ident[:len(ident)-1] {
		recv = s.evalField(dot, name, nil, missing, recv)
	}
	s.argv = nil
	v := s.evalField(dot, ident[len(ident)-1], args, final, recv)
	s.tr.add(ident, s.argv, v)
	s.argv = nil
	return v
}

// add records a read and its value, once.
func (tr *trace) add(chain []string, args []reflect.Value, v reflect.Value) {
	if tr.opaque {
		return
	}
	key := []byte(strings.Join(chain, "."))
	for _, a := range args {
		var ok bool
		if key, ok = appendValue(append(key, 0), a, 0); !ok {
			tr.opaque = true
			return
		}
	}
	key = append(key, 1)
	if tr.seen[string(key)] {
		return
	}
	values, ok := appendValue(tr.values, v, 0)
	if !ok {
		tr.opaque = true
		return
	}
	tr.seen[string(key)] = true
	tr.values = values
	tr.shape.reads = append(tr.shape.reads, read{chain: chain, args: args})
	tr.shape.id += string(key)
}

// appendValue appends an encoding of v that tells apart every two values
// a template could print or test differently: plain data (strings,
// numbers, booleans and slices, arrays and structs of them), with its
// type. It reports false for anything else.
func appendValue(b []byte, v reflect.Value, depth int) ([]byte, bool) {
	if depth > 8 {
		return b, false
	}
	if !v.IsValid() {
		return append(b, 'z'), true
	}
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			return append(b, 'n'), true
		}
		v = v.Elem()
		b = append(b, 'i')
		b = appendString(b, v.Type().String())
	}
	switch v.Kind() {
	case reflect.String:
		return appendString(append(b, 's'), v.String()), true
	case reflect.Bool:
		return strconv.AppendBool(append(b, 'b'), v.Bool()), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.AppendInt(append(b, 'd'), v.Int(), 10), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.AppendUint(append(b, 'u'), v.Uint(), 10), true
	case reflect.Float32, reflect.Float64:
		return strconv.AppendUint(append(b, 'f'), math.Float64bits(v.Float()), 16), true
	case reflect.Slice, reflect.Array:
		b = strconv.AppendInt(append(b, 'a'), int64(v.Len()), 10)
		for i := range v.Len() {
			var ok bool
			if b, ok = appendValue(append(b, ','), v.Index(i), depth+1); !ok {
				return b, false
			}
		}
		return b, true
	case reflect.Struct:
		b = appendString(append(b, 'r'), v.Type().String())
		for i := range v.NumField() {
			var ok bool
			if b, ok = appendValue(append(b, ','), v.Field(i), depth+1); !ok {
				return b, false
			}
		}
		return b, true
	case reflect.Pointer:
		if v.IsNil() {
			return append(b, 'p'), true
		}
	}
	return b, false
}

// appendString appends s with its length, so that no two lists of
// strings encode alike.
func appendString(b []byte, s string) []byte {
	b = strconv.AppendInt(b, int64(len(s)), 10)
	b = append(b, ':')
	return append(b, s...)
}
