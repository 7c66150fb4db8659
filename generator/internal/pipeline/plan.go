package pipeline

import (
	"maps"
	"slices"
)

// rest is what Plan sorts into batches: the outputs of the new site and
// of the last one, with the batch each goes in (batches). Plan works out
// the first batch (first), so that the pages of the records edited are
// written at once; the second and third are worked out when the first of
// them is written (sort), from every output and file. Together they are
// what one pass over all of them gives: one file per path, written by
// the first output that claims it, in that output's batch; and every
// file on disk that no output claims removed, in the batch of the first
// output of the last site that claimed it (the third when none did).
type rest struct {
	outs, old    []Output
	byNew, byOld []uint8
	sorted       bool
	b            [3]Batch // sorted: the outputs and files of the second and third
	ahead        *ahead   // the versions of the third batch, asked for while the second is written
	// claims are the outputs that claim their path first, in order, once
	// sorted; settled, the files on disk are their paths. An edit that
	// changes no output's path (a status, a deadline) takes them from the
	// last rest (sameClaims) instead of hashing every path again.
	claims  []int
	settled []int // the last rest's claims, when it was settled and its outputs had the paths of outs
}

// sameClaims passes the last rest's claims on to r when the last Plan
// was settled (its files are its claims' paths, no more) and its
// outputs had the paths of r's, in the same order.
func (r *rest) sameClaims(last *rest, settled bool) {
	if !settled || last == nil || !last.sorted || len(last.outs) != len(r.outs) {
		return
	}
	for i := range r.outs {
		if r.outs[i].Path != last.outs[i].Path {
			return
		}
	}
	r.settled = last.claims
}

// ahead are the versions (Output.version) of the outputs of the third
// batch that have one, asked for by a goroutine of their own while the
// second batch is written. Working a version out is most of the third
// batch's time (the search index is updated then) and mostly one
// goroutine's work, while writing the pages of the second leaves a
// processor idle at times: done the two at once, the last file is
// written sooner. A version reads the site, its bodies, the signer's
// stamps and the cache's search index and sitemap, none of which the
// pages written meanwhile change.
type ahead struct {
	done     chan struct{}
	versions map[int]uint64 // by output; a version that failed is not there
}

// askAhead starts asking for the versions of the third batch's outputs.
// The batches must be sorted.
func (r *rest) askAhead() {
	a := &ahead{done: make(chan struct{}), versions: map[int]uint64{}}
	r.ahead = a
	outs := r.outs
	go func() {
		defer close(a.done)
		for _, i := range r.b[2].outs {
			if o := &outs[i]; o.version != nil {
				if v, err := o.version(); err == nil {
					a.versions[i] = v
				} // else the third batch asks again, and reports it
			}
		}
	}()
}

// version is the version of o, output i: the one asked for ahead, else
// asked for now (a nil ahead has none).
func (a *ahead) version(i int, o *Output) (uint64, error) {
	if a != nil {
		if v, ok := a.versions[i]; ok {
			return v, nil
		}
	}
	return o.version()
}

// takeAhead waits for the versions askAhead asked for, if any, and
// returns them (nil: none), once.
func (r *rest) takeAhead() *ahead {
	if r == nil || r.ahead == nil {
		return nil
	}
	a := r.ahead
	r.ahead = nil
	<-a.done
	return a
}

// first returns the outputs and the files to remove of the first batch,
// files being what is on disk.
func (r *rest) first(files map[string]file) (outs []int, gone []string) {
	var paths []string // of the outputs of the first batch
	for i, o := range r.outs {
		if r.byNew[i] == 0 {
			paths = append(paths, o.Path)
		}
	}
	claimer := firstOf(r.outs, paths)
	for _, i := range claimer {
		if r.byNew[i] == 0 {
			outs = append(outs, i)
		}
	}
	slices.Sort(outs)
	// The files on disk that no output claims, and that an output of the
	// last site in the first batch claimed first.
	paths = paths[:0]
	for i, o := range r.old {
		if r.byOld[i] != 0 {
			continue // its batch's, not the first's
		}
		if _, on := files[o.Path]; on {
			paths = append(paths, o.Path)
		}
	}
	was, now := firstOf(r.old, paths), firstOf(r.outs, paths)
	for p, i := range was {
		if _, claimed := now[p]; !claimed && r.byOld[i] == 0 {
			gone = append(gone, p)
		}
	}
	slices.Sort(gone)
	return outs, gone
}

// firstOf returns the index of the first output of outs with each of
// paths that one has. The paths are few (those of the first batch): while
// there are no more than a few, the path of each output is compared with
// them one by one, not hashed.
func firstOf(outs []Output, paths []string) map[string]int {
	at := make(map[string]int, len(paths))
	if len(paths) == 0 {
		return at
	}
	in := func(p string) bool { return slices.Contains(paths, p) }
	if len(paths) > 8 {
		set := make(map[string]bool, len(paths))
		for _, p := range paths {
			set[p] = true
		}
		in = func(p string) bool { return set[p] }
	}
	for i := range outs {
		if p := outs[i].Path; in(p) {
			if _, seen := at[p]; !seen {
				at[p] = i
			}
		}
	}
	return at
}

// sort returns the outputs and the files to remove of batch k, the second
// or the third, files being what is on disk. The first call sorts both:
// the files the first batch removes, or will, are left to it.
func (r *rest) sort(files map[string]file, k int) (outs []int, gone []string) {
	if !r.sorted && r.settled != nil {
		r.sorted, r.claims = true, r.settled
		for _, i := range r.claims { // every file on disk is claimed: none gone
			if k := r.byNew[i]; k > 0 {
				r.b[k].outs = append(r.b[k].outs, i)
			}
		}
	}
	if !r.sorted {
		r.sorted = true
		claimed := make(map[string]bool, len(r.outs))
		for i, o := range r.outs {
			if !claimed[o.Path] {
				claimed[o.Path] = true
				r.claims = append(r.claims, i)
				if k := r.byNew[i]; k > 0 {
					r.b[k].outs = append(r.b[k].outs, i)
				}
			}
		}
		left := map[string]bool{}
		for p := range files {
			if !claimed[p] {
				left[p] = true
			}
		}
		for i, o := range r.old {
			if left[o.Path] {
				delete(left, o.Path)
				if k := r.byOld[i]; k > 0 {
					r.b[k].gone = append(r.b[k].gone, o.Path)
				}
			}
		}
		r.b[2].gone = append(r.b[2].gone, slices.Collect(maps.Keys(left))...) // none: every file was an output
		slices.Sort(r.b[1].gone)
		slices.Sort(r.b[2].gone)
	}
	return r.b[k].outs, r.b[k].gone
}
