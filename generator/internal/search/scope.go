package search

import "strconv"

// scopeCols are the columns of a scope file's rows after the first (the
// gap to the previous document's number, as in encodeSet, which may be
// negative when a page's order is not the index's). Each value is a number
// into the table of its column in "t", whose first value is "".
var scopeCols = [...]string{"kind", "area", "host", "school", "level", "language", "closes", "archived", "state"}

// facetTables number the values of each column of the scope files once
// for all the files of an index: the build numbers every document's
// (allRefs) before it writes the files; the kept index (Incremental)
// numbers a document's when it is new or changed (facetRefs), for all
// its updates, so that a scope file, written again whenever a document
// that moves renumbers those of its scope, looks its values up by slice.
// (Numbered again at every update, the numbering cost what the lookups
// saved: BENCHMARKS.md.) A value is never forgotten.
type facetTables struct {
	at [len(scopeCols)]map[string]int32
	// quoted are the values by number, as JSON strings (appendJSONString);
	// each column's first is "".
	quoted [len(scopeCols)][]string
}

func newFacetTables() *facetTables {
	ft := &facetTables{}
	for c := range ft.at {
		ft.at[c], ft.quoted[c] = map[string]int32{"": 0}, []string{`""`}
	}
	return ft
}

// num is the number of v in column col, a new one when it has none.
func (ft *facetTables) num(col int, v string) int32 {
	n, ok := ft.at[col][v]
	if !ok {
		n = int32(len(ft.quoted[col]))
		ft.at[col][v] = n
		ft.quoted[col] = append(ft.quoted[col], string(appendJSONString(nil, v)))
	}
	return n
}

// refsLen is the length of the numbers of d's values (facetRefs).
func refsLen(d *Doc) int {
	return len(scopeCols) + len(d.Areas) + len(d.Schools) + len(d.Languages)
}

// facetRefs appends to out the numbers of d's values, column by column, a
// list column's (area, school, language) after its length.
func (ft *facetTables) facetRefs(out []int32, d *Doc) []int32 {
	list := func(col int, vs []string) {
		out = append(out, int32(len(vs)))
		for _, v := range vs {
			out = append(out, ft.num(col, v))
		}
	}
	arch := ""
	if d.Archived {
		arch = "1"
	}
	out = append(out, ft.num(0, d.Kind))
	list(1, d.Areas)
	out = append(out, ft.num(2, d.Host))
	list(3, d.Schools)
	out = append(out, ft.num(4, d.Level))
	list(5, d.Languages)
	return append(out, ft.num(6, d.Closes), ft.num(7, arch), ft.num(8, d.State))
}

// allRefs are the numbers of the values of docs (facetRefs), in one
// array in the documents' order, which a scope file reads in its order.
func (ft *facetTables) allRefs(docs []Doc) [][]int32 {
	size := 0
	for i := range docs {
		size += refsLen(&docs[i])
	}
	all := make([]int32, 0, size)
	refs := make([][]int32, len(docs))
	for i := range docs {
		k := len(all)
		all = ft.facetRefs(all, &docs[i])
		refs[i] = all[k:len(all):len(all)]
	}
	return refs
}

// scopeList tells the list columns of scopeCols.
var scopeList = [len(scopeCols)]bool{1: true, 3: true, 5: true}

// file is the scope file of the documents ids, whose values are numbered
// in refs (facetRefs, by document): the rows "d", one per document, and
// the tables "t" they refer to, as json.Marshal writes {"d": rows, "t":
// tables}. Its tables list the values in the order its rows first name
// them: tabs by their numbers in ft, and loc gives each value's number in
// them, plus one (0: none yet). It reads ft and refs only, so the files
// of an index are written in parallel.
func (ft *facetTables) file(refs [][]int32, ids []int) ([]byte, error) {
	var loc, tabs [len(scopeCols)][]int32
	size := 0
	for c := range ft.quoted {
		size += len(ft.quoted[c])
	}
	all := make([]int32, size)
	for c := range loc {
		loc[c], all = all[:len(ft.quoted[c])], all[len(ft.quoted[c]):]
		tabs[c] = []int32{0}
	}
	num := func(c int, g int32) int64 {
		if g == 0 {
			return 0
		}
		n := loc[c][g]
		if n == 0 {
			tabs[c] = append(tabs[c], g)
			n = int32(len(tabs[c]))
			loc[c][g] = n
		}
		return int64(n - 1)
	}
	b := make([]byte, 0, 64+len(ids)*24)
	b = append(b, `{"d":[`...)
	prev := -1
	for k, id := range ids {
		if k > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(append(b, '['), int64(id-prev-1), 10)
		r := refs[id]
		for c := range scopeCols {
			if !scopeList[c] {
				b = strconv.AppendInt(append(b, ','), num(c, r[0]), 10)
				r = r[1:]
				continue
			}
			n := int(r[0])
			b = append(b, ",["...)
			for i, g := range r[1 : 1+n] {
				if i > 0 {
					b = append(b, ',')
				}
				b = strconv.AppendInt(b, num(c, g), 10)
			}
			b, r = append(b, ']'), r[1+n:]
		}
		b = append(b, ']')
		prev = id
	}
	// The tables, as json.Marshal writes a map: by column name in byte order.
	b = append(b, `],"t":{`...)
	for k, c := range scopeSorted {
		if k > 0 {
			b = append(b, ',')
		}
		b = append(append(b, '"'), scopeCols[c]...)
		b = append(b, '"', ':', '[')
		for i, g := range tabs[c] {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, ft.quoted[c][g]...)
		}
		b = append(b, ']')
	}
	return append(b, "}}\n"...), nil
}

// scopeSorted are the columns of scopeCols in the order of their names.
var scopeSorted = [len(scopeCols)]int{7, 1, 6, 2, 0, 5, 4, 3, 8}
