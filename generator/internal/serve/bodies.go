package serve

import (
	"hash/fnv"
	"sync"

	"portal/generator/internal/content"
	"portal/generator/internal/markdown"
	"portal/generator/internal/site"
)

// bodies caches rendered Markdown bodies by source path and file hash, so a
// rebuild renders only the bodies of files that changed. A body's HTML also
// depends on the links it resolves (the URL of another record, or an error
// when that record is gone), so each entry remembers what every link
// resolved to and is reused only when all of them still resolve the same.
//
// render is called from the site's worker goroutines at once.
type bodies struct {
	md *markdown.Renderer
	mu sync.Mutex
	m  map[string]*body // source path → its last rendering
}

type body struct {
	hash  uint64 // of the source file
	links []link
	res   markdown.Result
	sum   uint64 // of the rendering, for signatures
}

// link is one call of the resolver during a rendering.
type link struct {
	dest, url, err string
}

func newBodies(md *markdown.Renderer) *bodies {
	return &bodies{md: md, m: map[string]*body{}}
}

// render is the site's RenderBody hook.
func (c *bodies) render(v *content.Version, resolve markdown.Resolver) markdown.Result {
	c.mu.Lock()
	b := c.m[v.Path]
	c.mu.Unlock()
	if b != nil && b.hash == v.Hash && b.resolvesSame(resolve) {
		return b.res
	}
	b = &body{hash: v.Hash}
	rec := func(dest string) (string, error) {
		url, err := resolve(dest)
		l := link{dest: dest, url: url}
		if err != nil {
			l.err = err.Error()
		}
		b.links = append(b.links, l)
		return url, err
	}
	b.res = c.md.RenderImages(v.Body, v.BodyLine, rec, site.BodyImages(v))
	b.sum = sumResult(b.res)
	c.mu.Lock()
	c.m[v.Path] = b
	c.mu.Unlock()
	return b.res
}

func (b *body) resolvesSame(resolve markdown.Resolver) bool {
	for _, l := range b.links {
		url, err := resolve(l.dest)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if url != l.url || msg != l.err {
			return false
		}
	}
	return true
}

// sum returns the signature of the body rendered for a version, or 0.
func (c *bodies) sum(v *content.Version) uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	if b := c.m[v.Path]; b != nil && b.hash == v.Hash {
		return b.sum
	}
	return 0
}

// keep drops the entries of files that are no longer in the site.
func (c *bodies) keep(paths map[string]bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for p := range c.m {
		if !paths[p] {
			delete(c.m, p)
		}
	}
}

func sumResult(r markdown.Result) uint64 {
	h := fnv.New64a()
	h.Write(r.HTML)
	h.Write([]byte{0})
	h.Write([]byte(r.Summary))
	h.Write([]byte{0})
	h.Write([]byte(r.Text))
	for _, e := range r.Errors {
		h.Write([]byte{0})
		h.Write([]byte(e.Msg))
	}
	return h.Sum64()
}
