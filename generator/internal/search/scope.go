package search

import "strconv"

// scopeCols are the columns of a scope file's rows after the first (the
// gap to the previous document's number, as in encodeSet, which may be
// negative when a page's order is not the index's). Each value is a number
// into the table of its column in "t", whose first value is "".
var scopeCols = [...]string{"kind", "area", "host", "school", "level", "language", "closes", "archived", "state"}

// scopeFile is the scope file of the documents ids: the rows "d", one per
// document, and the tables "t" they refer to, as json.Marshal writes
// {"d": rows, "t": tables}. The rows are numbers and lists of numbers,
// written here with strconv: through encoding/json, as a [][]any, they
// were the largest cost of a structural edit's index files
// (BenchmarkUpdateMove10k, BENCHMARKS.md).
func scopeFile(docs []Doc, ids []int) ([]byte, error) {
	var t scopeTables
	for i := range t.tabs {
		t.tabs[i], t.at[i] = []string{""}, map[string]int{"": 0}
	}
	b := make([]byte, 0, 64+len(ids)*24)
	b = append(b, `{"d":[`...)
	prev := -1
	for k, id := range ids {
		if k > 0 {
			b = append(b, ',')
		}
		d := &docs[id]
		arch := ""
		if d.Archived {
			arch = "1"
		}
		b = strconv.AppendInt(append(b, '['), int64(id-prev-1), 10)
		b = t.ref(b, 0, d.Kind)
		b = t.refs(b, 1, d.Areas)
		b = t.ref(b, 2, d.Host)
		b = t.refs(b, 3, d.Schools)
		b = t.ref(b, 4, d.Level)
		b = t.refs(b, 5, d.Languages)
		b = t.ref(b, 6, d.Closes)
		b = t.ref(b, 7, arch)
		b = append(t.ref(b, 8, d.State), ']')
		prev = id
	}
	tables := make(map[string][]string, len(scopeCols))
	for i, c := range scopeCols {
		tables[c] = t.tabs[i]
	}
	tb, err := marshal(tables) // ends in a newline
	if err != nil {
		return nil, err
	}
	b = append(append(b, `],"t":`...), tb[:len(tb)-1]...)
	return append(b, "}\n"...), nil
}

// scopeTables are the values of each column of a scope file, in the order
// its rows first name them, and the number of each.
type scopeTables struct {
	tabs [len(scopeCols)][]string
	at   [len(scopeCols)]map[string]int
}

// num is the number of v in column col.
func (t *scopeTables) num(col int, v string) int64 {
	n, ok := t.at[col][v]
	if !ok {
		n = len(t.tabs[col])
		t.at[col][v] = n
		t.tabs[col] = append(t.tabs[col], v)
	}
	return int64(n)
}

// ref appends a comma and the number of v in column col.
func (t *scopeTables) ref(b []byte, col int, v string) []byte {
	return strconv.AppendInt(append(b, ','), t.num(col, v), 10)
}

// refs appends a comma and the list of the numbers of vs in column col.
func (t *scopeTables) refs(b []byte, col int, vs []string) []byte {
	b = append(b, ",["...)
	for i, v := range vs {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, t.num(col, v), 10)
	}
	return append(b, ']')
}
