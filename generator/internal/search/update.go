package search

import (
	"errors"
	"maps"
	"slices"
	"strings"

	"portal/generator/internal/workers"
)

// Incremental is the index of one language kept from one build of a site
// to the next (the preview server's): besides the files, it keeps the
// documents and the postings of every word, so that Update writes again
// only the files an edit changes: the term buckets of the words that
// entered or left a document, the result chunk of each changed document,
// the scopes whose rows changed and index.json. The files are those Build
// makes of the same documents, byte for byte.
type Incremental struct {
	x      *Index
	lang   string
	docs   []Doc
	scopes []Scope
	names  Names
	fold   *Folder
	words  map[string]*posted // by spelling
	unions map[string]*posted // by folded prefix
	// inBucket lists the words and unions of each term bucket.
	inBucket []termList
	unionsIn []termList
	// counts are the counts of next prefixes that Build makes, kept as
	// the words' numbers of documents change.
	counts prefixCounts
	// facets number the scope files' values; refs are those of each
	// document (facetTables.facetRefs), kept in the documents' order.
	facets *facetTables
	refs   [][]int32
	// updates counts the calls of Update; written is the last that
	// wrote each file again (0: none, since NewIncremental).
	updates uint64
	written map[string]uint64
}

// posted is the postings of a word or union, and its term bucket.
type posted struct {
	postings
	bucket int
	fold   string // of a word
	// shorts are the buckets of the word's shorter prefixes, whose lists
	// of next prefixes ("n", appendBucket) count it.
	shorts []int
	// enc is the postings as a term bucket writes them (all, strong),
	// each when fresh: a document that moves renumbers those it passes,
	// which rewrites nearly every bucket, but most words are in none of
	// those documents, and most in none of them as strong text.
	enc   [2]string
	fresh [2]bool
}

// encoded returns the postings as a term bucket writes them (encodeSet
// of all and strong), encoding each set again only when it changed since
// the last call.
func (p *posted) encoded() [2]string {
	for k, s := range [2][]int32{p.all, p.strong} {
		if !p.fresh[k] {
			p.enc[k], p.fresh[k] = encodeSet(s), true
		}
	}
	return p.enc
}

// term flags: a term occurs in a document, in its strong text.
const (
	inDoc = 1 << iota
	inStrong
)

// NewIncremental builds the index of lang as Build does, keeping what
// Update and Edit need. docs is kept, and Edit changes it: the caller must
// neither change it nor read it after an Edit (Docs returns it).
func NewIncremental(lang string, docs []Doc, scopes []Scope, names Names) (*Incremental, error) {
	x := &Index{Layout: LayoutOf(len(docs), scopes), files: map[string][]byte{}}
	in := &Incremental{x: x, lang: lang, docs: docs, scopes: scopes, names: names, fold: NewFolder(),
		words: map[string]*posted{}, unions: map[string]*posted{}, written: map[string]uint64{}}
	in.inBucket = make([]termList, x.Layout.Buckets)
	in.unionsIn = make([]termList, x.Layout.Buckets)
	t := collect(docs) // as Build does
	in.counts = prefixCounts{}
	for w, wd := range t.words {
		in.newWord(w, wd.fold).postings = wd.p
		in.counts.add(wd.fold, len(wd.p.all))
	}
	for k, u := range t.unions {
		in.union(k).postings = *u
	}
	in.facets = newFacetTables()
	in.refs = in.facets.allRefs(docs)
	all := map[string]bool{}
	for _, p := range x.Layout.Paths() {
		all[p] = true
	}
	if _, err := in.write(all); err != nil {
		return nil, err
	}
	in.updates, in.written = 0, map[string]uint64{} // versions count from here
	return in, nil
}

// Index returns the index as last built or updated.
func (in *Incremental) Index() *Index { return in.x }

// Docs returns the documents of the index as last built or updated; the
// caller must not change them.
func (in *Incremental) Docs() []Doc { return in.docs }

// Names returns the names of the index as last built or updated.
func (in *Incremental) Names() Names { return in.names }

// Version returns a number that changes whenever Update writes the file at
// path again; it is 0 until then. (Update may write a file again with the
// same bytes.)
func (in *Incremental) Version(path string) uint64 { return in.written[path] }

// Update makes the index that of docs, scopes and names, writing again
// only the files that change, and returns their paths (all of them when
// the layout changed: other scopes, another number of term buckets or
// another size of result chunks).
// from gives the number each document had in the previous documents, -1
// for a new one; a document moved in the order keeps its postings, under
// its new number. nil means that every document kept its number. changed
// lists the documents that may differ from their previous ones (a new one
// need not be listed); every other document must be equal to its previous
// one.
func (in *Incremental) Update(docs []Doc, from, changed []int, scopes []Scope, names Names) ([]string, error) {
	l := LayoutOf(len(docs), scopes)
	if from == nil && len(docs) != len(in.docs) || l.Buckets != in.x.Layout.Buckets ||
		l.Chunk != in.x.Layout.Chunk || !slices.Equal(l.Scopes, in.x.Layout.Scopes) {
		return in.anew(docs, scopes, names)
	}
	// prev is the previous document numbered i now, if there was one.
	prev := func(i int) (Doc, bool) {
		if from == nil {
			return in.docs[i], true
		}
		if from[i] < 0 {
			return Doc{}, false
		}
		return in.docs[from[i]], true
	}
	dirty := map[string]bool{}
	buckets := map[int]bool{}
	if from != nil {
		for i, j := range from {
			if j < 0 {
				changed = append(changed, i)
			}
		}
		in.renumber(from, dirty, buckets)
		refs := make([][]int32, len(docs))
		for i, j := range from {
			if j >= 0 {
				refs[i] = in.refs[j]
			}
		}
		in.refs = refs
	}
	return in.apply(change{l, docs, prev, changed, scopes, names}, dirty, buckets)
}

// Edit is Update for an edit that keeps every document in its place and
// the scopes as they are: edits gives the new document of each number
// that may have changed; names are the names of the documents as edited.
// It costs what the edited documents' terms cost, not what the index's
// documents do (Update takes a new list of every document). The
// documents are changed in place (Docs).
func (in *Incremental) Edit(edits map[int]Doc, names Names) ([]string, error) {
	changed := slices.Sorted(maps.Keys(edits))
	old := make(map[int]Doc, len(edits))
	for _, i := range changed {
		old[i], in.docs[i] = in.docs[i], edits[i]
	}
	prev := func(i int) (Doc, bool) {
		if d, ok := old[i]; ok {
			return d, true
		}
		return in.docs[i], true
	}
	return in.apply(change{in.x.Layout, in.docs, prev, changed, in.scopes, names}, map[string]bool{}, map[int]bool{})
}

// change is what Update and Edit make the index of: the layout, the
// documents, the previous document of each number (prev), those that
// may differ from it (changed), the scopes and the names.
type change struct {
	l       Layout
	docs    []Doc
	prev    func(i int) (Doc, bool)
	changed []int
	scopes  []Scope
	names   Names
}

// apply makes the index that of c, writing again the files that change:
// those at the dirty paths and in the term buckets given so far, and those
// the changed documents change.
func (in *Incremental) apply(c change, dirty map[string]bool, buckets map[int]bool) ([]string, error) {
	l, docs, prev, changed, scopes, names := c.l, c.docs, c.prev, c.changed, c.scopes, c.names
	facets := false
	for _, i := range changed {
		old, had := prev(i)
		d := docs[i]
		facets = facets || !had || !sameFacets(old, d)
		ow, ou := map[string]uint8{}, map[string]uint8{}
		if had {
			ow, ou = in.terms(old)
		}
		nw, nu := in.terms(d)
		for _, w := range differ(ow, nw) {
			p := in.word(w)
			buckets[in.setWord(p, i, nw[w])] = true
			if ow[w]&inDoc != nw[w]&inDoc {
				in.nextChanged(p, buckets)
			}
			in.drop(in.words, in.inBucket, w)
		}
		for _, k := range differ(ou, nu) {
			buckets[in.union(k).set(i, nu[k])] = true
			in.drop(in.unions, in.unionsIn, k)
		}
		dirty[chunkPath(i/l.Chunk)] = true
		in.refs[i] = in.facets.facetRefs(make([]int32, 0, refsLen(&d)), &d)
	}
	for b := range buckets {
		dirty[bucketPath(b)] = true
	}
	for j, s := range scopes {
		if !sameInts(s.Docs, in.scopes[j].Docs) || facets && scopeChanged(s, changed, docs, prev) {
			dirty[scopePath(s.Name)] = true
		}
	}
	if len(docs) != len(in.docs) {
		dirty["index.json"] = true
		if len(docs) > 0 {
			dirty[chunkPath((len(docs)-1)/l.Chunk)] = true // the last, shorter or longer
		}
		for c := l.chunks(); c < in.x.Layout.chunks(); c++ {
			delete(in.x.files, chunkPath(c))
		}
	}
	if !maps.Equal(names.States, in.names.States) || !maps.Equal(names.Foreign, in.names.Foreign) ||
		!maps.Equal(names.Kinds, in.names.Kinds) || !slices.Equal(names.Lists, in.names.Lists) {
		dirty["index.json"] = true
	}
	in.x.Layout = l
	in.docs, in.scopes, in.names = docs, scopes, names
	return in.write(dirty)
}

// anew makes the index again from docs, as NewIncremental does; every file
// counts as written again.
func (in *Incremental) anew(docs []Doc, scopes []Scope, names Names) ([]string, error) {
	next, err := NewIncremental(in.lang, docs, scopes, names)
	if err != nil {
		return nil, err
	}
	updates := in.updates + 1
	*in = *next
	in.updates = updates
	for _, p := range in.x.Layout.Paths() {
		in.written[p] = updates
	}
	return in.x.Layout.Paths(), nil
}

// renumber takes the previous documents that from does not list out of
// the postings and gives the others their numbers in from, marking the
// term buckets and result chunks that change.
func (in *Incremental) renumber(from []int, dirty map[string]bool, buckets map[int]bool) {
	to := make([]int32, len(in.docs))
	for j := range to {
		to[j] = -1
	}
	for i, j := range from {
		if j >= 0 {
			to[j] = int32(i)
		}
		if j != i {
			dirty[chunkPath(i/in.x.Layout.Chunk)] = true
		}
	}
	for j, i := range to {
		if i >= 0 {
			continue
		}
		ow, ou := in.terms(in.docs[j]) // a deleted document's terms leave
		for w := range ow {
			p := in.words[w]
			buckets[in.setWord(p, j, 0)] = true
			in.nextChanged(p, buckets)
			in.drop(in.words, in.inBucket, w)
		}
		for k := range ou {
			buckets[in.unions[k].set(j, 0)] = true
			in.drop(in.unions, in.unionsIn, k)
		}
	}
	lo, hi := changedRange(to)
	if lo > hi {
		return
	}
	for _, lists := range [][]termList{in.inBucket, in.unionsIn} {
		for _, l := range lists {
			for _, t := range l.terms {
				p := t.p
				a, s := moveSet(p.all, to, lo, hi), moveSet(p.strong, to, lo, hi)
				if a || s {
					buckets[p.bucket] = true
					p.fresh[0], p.fresh[1] = p.fresh[0] && !a, p.fresh[1] && !s
				}
			}
		}
	}
}

// changedRange returns the least and the greatest number that to changes
// (lo > hi when it changes none).
func changedRange(to []int32) (lo, hi int32) {
	lo, hi = int32(len(to)), -1
	for j, i := range to {
		if i != int32(j) {
			lo, hi = min(lo, int32(j)), int32(j)
		}
	}
	return lo, hi
}

// moveSet gives the numbers of s their new numbers in to, keeping s
// ascending (a moved document changes places with those it passes), and
// reports whether any changed. Only the numbers from lo to hi change
// (changedRange): they are found by a binary search, so that the numbers
// before and after them cost nothing (a move renumbers the documents
// between its two places alone; most sets have a few of those or none).
// The new numbers of those are above lo, as the numbers below lo keep
// their places, but they may pass a number above hi (a document moved to
// the end while one is added).
func moveSet(s []int32, to []int32, lo, hi int32) bool {
	i, _ := slices.BinarySearch(s, lo)
	moved, k := false, i
	for ; k < len(s) && s[k] <= hi; k++ {
		if m := to[s[k]]; m != s[k] {
			s[k], moved = m, true
		}
	}
	if !moved {
		return false
	}
	if !slices.IsSorted(s[i:k]) {
		slices.Sort(s[i:k])
	}
	if k < len(s) && s[k-1] > s[k] {
		slices.Sort(s[i:])
	}
	return true
}

// write makes the files at the dirty paths again. They are encoded in
// parallel: a document that moves renumbers those it passes, and with
// them nearly every term bucket.
func (in *Incremental) write(dirty map[string]bool) ([]string, error) {
	paths := slices.Sorted(maps.Keys(dirty))
	in.updates++
	for _, p := range paths {
		in.written[p] = in.updates
	}
	l := in.x.Layout
	var jobs []job // what each file is made of
	for b := range l.Buckets {
		if dirty[bucketPath(b)] {
			jobs = append(jobs, job{bucketPath(b), func() ([]byte, error) { return in.bucketFile(b), nil }})
		}
	}
	for c := range l.chunks() {
		if dirty[chunkPath(c)] {
			jobs = append(jobs, job{chunkPath(c), func() ([]byte, error) { return chunkFile(l.chunk(in.docs, c)), nil }})
		}
	}
	for _, s := range in.scopes {
		if p := scopePath(s.Name); dirty[p] {
			jobs = append(jobs, job{p, func() ([]byte, error) { return in.facets.file(in.refs, s.Docs) }})
		}
	}
	if dirty["index.json"] {
		jobs = append(jobs, job{"index.json", func() ([]byte, error) { return marshal(head(in.lang, len(in.docs), l, in.names)) }})
	}
	files := make([][]byte, len(jobs))
	errs := make([]error, len(jobs))
	workers.For(len(jobs), func(i int) { files[i], errs[i] = jobs[i].make() })
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	for i, j := range jobs {
		in.x.files[j.path] = files[i]
	}
	return paths, nil
}

// job is a file of the index to make again: its path, and what makes its
// bytes.
type job struct {
	path string
	make func() ([]byte, error)
}

// nextChanged marks the buckets whose lists of next prefixes ("n")
// count the word of p, whose number of documents changed.
func (in *Incremental) nextChanged(p *posted, buckets map[int]bool) {
	for _, b := range p.shorts {
		buckets[b] = true
	}
}

// setWord is posted.set for the postings p of a word, keeping the counts
// of next prefixes.
func (in *Incremental) setWord(p *posted, doc int, f uint8) int {
	n := len(p.all)
	b := p.set(doc, f)
	if d := len(p.all) - n; d != 0 {
		in.counts.add(p.fold, d)
	}
	return b
}

// scopeChanged reports whether a changed document of s has other facets
// than its previous one (prev).
func scopeChanged(s Scope, changed []int, docs []Doc, prev func(int) (Doc, bool)) bool {
	for _, i := range changed {
		if !slices.Contains(s.Docs, i) {
			continue
		}
		if old, had := prev(i); !had || !sameFacets(old, docs[i]) {
			return true
		}
	}
	return false
}

// sameInts reports whether a and b hold the same numbers, without reading
// them when they are one slice (an Edit's scopes).
func sameInts(a, b []int) bool {
	if len(a) > 0 && len(b) == len(a) && &a[0] == &b[0] {
		return true
	}
	return slices.Equal(a, b)
}

// sameFacets reports whether two documents have the same row in a scope.
func sameFacets(a, b Doc) bool {
	return a.Kind == b.Kind && a.Host == b.Host && a.Level == b.Level && a.Closes == b.Closes &&
		a.Archived == b.Archived && a.State == b.State && slices.Equal(a.Areas, b.Areas) &&
		slices.Equal(a.Schools, b.Schools) && slices.Equal(a.Languages, b.Languages)
}

// terms returns the words of d and the prefixes of their unions, each
// with its flags, as Build counts them.
func (in *Incremental) terms(d Doc) (words, unions map[string]uint8) {
	words, unions = map[string]uint8{}, map[string]uint8{}
	add := func(texts []string, f uint8) {
		for _, t := range texts {
			eachWord(t, func(w string) {
				if words[w]&f == f {
					return
				}
				words[w] |= f
				var fold string
				if p := in.words[w]; p != nil {
					fold = p.fold
				} else {
					fold = in.fold.Fold(w)
				}
				for n := 1; n < Prefix && n <= runes(fold); n++ {
					unions[prefix(fold, n)] |= f
				}
			})
		}
	}
	add(d.Strong, inDoc|inStrong)
	add(d.Text, inDoc)
	return words, unions
}

// differ lists the keys whose flags differ between a and b.
func differ(a, b map[string]uint8) []string {
	var out []string
	for k, f := range a {
		if b[k] != f {
			out = append(out, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, k)
		}
	}
	return out
}

// word returns the postings of w, new ones when it has none.
func (in *Incremental) word(w string) *posted {
	p := in.words[w]
	if p == nil {
		w = string([]byte(w)) // not a slice of a document's text
		p = in.newWord(w, in.fold.Fold(w))
	}
	return p
}

// newWord adds the word w, folded as fold, with no postings.
func (in *Incremental) newWord(w, fold string) *posted {
	p := &posted{bucket: in.x.Layout.bucket(prefix(fold, Prefix)), fold: fold}
	for n := 1; n < Prefix && n < runes(fold); n++ {
		p.shorts = append(p.shorts, in.x.Layout.bucket(prefix(fold, n)))
	}
	in.words[w] = p
	in.inBucket[p.bucket].add(w, p)
	return p
}

// union returns the postings of the prefix k, new ones when it has none.
func (in *Incremental) union(k string) *posted {
	p := in.unions[k]
	if p == nil {
		k = strings.Clone(k) // not a slice of a document's text
		p = &posted{bucket: in.x.Layout.bucket(k)}
		in.unions[k] = p
		in.unionsIn[p.bucket].add(k, p)
	}
	return p
}

// drop forgets the term k when no document has it any more.
func (in *Incremental) drop(m map[string]*posted, by []termList, k string) {
	if p := m[k]; p != nil && len(p.all) == 0 {
		delete(m, k)
		by[p.bucket].remove(k)
	}
}

// set gives doc the flags f (0: not in the document) and returns the
// term's bucket.
func (p *posted) set(doc int, f uint8) int {
	a, s := len(p.all), len(p.strong)
	p.all = setIn(p.all, int32(doc), f&inDoc != 0)
	p.strong = setIn(p.strong, int32(doc), f&inStrong != 0)
	p.fresh[0], p.fresh[1] = p.fresh[0] && a == len(p.all), p.fresh[1] && s == len(p.strong)
	return p.bucket
}

// setIn adds n to or removes it from the ascending set s.
func setIn(s []int32, n int32, in bool) []int32 {
	i, found := slices.BinarySearch(s, n)
	switch {
	case in && !found:
		return slices.Insert(s, i, n)
	case !in && found:
		return slices.Delete(s, i, i+1)
	}
	return s
}
