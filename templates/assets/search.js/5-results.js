  // search.js, part 5 of 5 (joined in name order by the build): the likely next queries fetched ahead, the search itself, the lists of other kinds a query names, and the markup of a result.

  // likely resolves to the queries the next keystroke most likely makes
  // of q, at most k, the likeliest first: q and one more letter of its
  // last word, taken from the index. A word shorter than the bucket
  // prefix goes on as its bucket lists (field "n", most frequent first);
  // a longer one as the words of its bucket that start with it, weighted
  // by their documents (counted in slices with pace, as termScores
  // scores). Nothing after a space.
  function likely(ix, q, k, pace) {
    var words = tokens(q);
    if (!words.length || words.length > WORDS || /[^\p{L}\p{N}]$/u.test(q)) return Promise.resolve([]);
    var at = bucketOf(ix, words[words.length - 1]);
    var f = at.f, len = at.len;
    var first = function (next) { return next.slice(0, k).map(function (c) { return q + c; }); };
    return ix.get(ix.dir + 't/' + at.n + '.json').then(function (b) {
      if (at.short) return first(((b.n && b.n[f]) || []).map(function (p) { return Array.from(p)[len]; }));
      var weight = new Map();
      var job = { todo: wordsOf(ix, at.n, b), next: 0 };
      job.one = function (x) {
        if (x.f.indexOf(f) !== 0) return;
        var c = Array.from(x.f)[len];
        if (c === undefined) return;
        if (x.size < 0) x.size = setSize(b.w[x.w][0]);
        weight.set(c, (weight.get(c) || 0) + x.size);
      };
      return run(job, pace).then(function () {
        return first(Array.from(weight.keys()).sort(function (x, y) {
          return weight.get(y) - weight.get(x) || (x < y ? -1 : x > y ? 1 : 0);
        }));
      });
    });
  }

  // prefetch fetches what the likely next queries of the filter s need:
  // the term buckets of the first PREFETCH, all at once (one round trip,
  // not one per query: a keystroke typed meanwhile would wait for them),
  // and the result chunks of the first page of the first CHUNKS, each
  // asked for as soon as its query is scored; while live() is true. With
  // pace (see run), what it computes, the likely queries, their scores,
  // their matches and the requests of their chunks, is done in slices,
  // the likeliest query first, so that a keystroke is not kept waiting
  // behind it and the chunks most likely needed are on their way first.
  function prefetch(ix, s, now, live, pace) {
    return likely(ix, s.q, PREFETCH, pace).then(function (qs) {
      var asked = [];
      qs.forEach(function (q) {
        buckets(ix.dir, ix.manifest, q).forEach(function (p) { ix.get(p).catch(function () {}); });
      });
      return qs.reduce(function (before, q, i) {
        return before.then(function () {
          if (!live()) return;
          return search(ix, Object.assign({}, s, { q: q }), now, pace, true).then(function (list) {
            if (i >= CHUNKS || !live()) return;
            var get = function () { return details(ix, list.slice(0, PAGE)); };
            asked.push(pace ? pace().then(get) : get());
          });
        });
      }, Promise.resolve()).then(function () { return Promise.all(asked); });
    });
  }

  function has(list, v) {
    return list.indexOf(v) >= 0;
  }

  // SEARCHES is how many queries' matches search keeps, to narrow down
  // from (typing on, the visitor's and the fetch ahead's).
  var SEARCHES = 16;

  // search resolves to the items of the index that match the filter s at
  // time now (ms): open before closed, then by score, then in the page's
  // order. Each item gets its score, raised where it has a number and the
  // word after it as one word (numberUnits). A query that is a kept one and one
  // more character (a letter more of its last word, or a new word)
  // matches a subset of what the kept one matched, so only those are
  // looked at, not every item of the scope: what keeps a keystroke short
  // on a list of many thousand records. pace, if given, scores the words
  // in slices (see run). ahead is true for the fetch ahead (prefetch),
  // which fetches no bucket for a slip (widen).
  function search(ix, s, now, pace, ahead) {
    var words = queryWords(s.q), terms = words.concat(numberUnits(words));
    ix.found = ix.found || new Map();
    var key = writeQuery(s), from = s.q ? ix.found.get(writeQuery(Object.assign({}, s, { q: s.q.slice(0, -1) }))) : null;
    return Promise.all(terms.map(function (w) { return termScores(ix, w, pace, ahead); })).then(function (per) {
      // The matching and sorting is a slice of its own: what is done when
      // the last word is scored comes in the same task as its last slice.
      return pace ? pace().then(function () { return per; }) : per;
    }).then(function (per) {
      var out = [];
      // A word looked for by its stem or a near spelling, or a little word that need not
      // match, may match what the query before it did not: then the
      // whole scope is looked at.
      var opt = optional(ix.lang, words);
      if (opt.some(Boolean) || terms.some(function (w) { return ix.terms.get(w).stemmed || ix.terms.get(w).fixed; })) from = null;
      (from || ix.items).forEach(function (it) {
        if (s.kind && it.kind !== s.kind) return;
        if (s.area && !has(it.areas, s.area)) return;
        if (s.host && it.host !== s.host) return;
        if (s.school && !has(it.schools, s.school)) return;
        if (s.level && it.level !== s.level) return;
        if (s.language && !has(it.language, s.language)) return;
        var score = 0;
        for (var i = 0; i < per.length; i++) {
          var sc = per[i][it.id];
          if (!sc && i < words.length && !opt[i]) return;
          score += sc;
        }
        out.push({ it: it, score: score, done: done(it, now) });
      });
      out.sort(function (a, b) { return a.done - b.done || b.score - a.score || a.it.order - b.it.order; });
      var list = out.map(function (r) { r.it.score = r.score; return r.it; });
      ix.found.delete(key);
      ix.found.set(key, list);
      if (ix.found.size > SEARCHES) ix.found.delete(ix.found.keys().next().value);
      return list;
    });
  }

  // chunkOf is the path of the result chunk that holds an item.
  function chunkOf(ix, it) {
    return ix.dir + 'r/' + Math.floor(it.id / ix.manifest.chunk) + '.json';
  }

  // atHand is how many of the items, from the first on, have their result
  // chunk at hand (get.has, when the caller's get can tell): the ones
  // that can be drawn before anything more arrives.
  function atHand(ix, items) {
    var n = 0;
    while (ix.get.has && n < items.length && ix.get.has(chunkOf(ix, items[n]))) n++;
    return n;
  }

  // details resolves to the items with what their list items show (url,
  // title, lang, excerpt, facts), from the result chunks that hold them.
  function details(ix, items) {
    var c = ix.manifest.chunk;
    return Promise.all(items.map(function (it) {
      return ix.get(chunkOf(ix, it)).then(function (rows) {
        var r = rows[it.id % c];
        return Object.assign({}, it, { url: r[0], title: r[1], lang: r[2], excerpt: r[3], facts: r[4] });
      });
    }));
  }

  // NAMED is the fewest letters of the beginning of a word that names a
  // list (elsewhere): "prak" names the internships, "pra" nothing.
  var NAMED = 4;

  // names tells whether the folded query word f names list: it is one of
  // the list's words (List.Words in generator/internal/search, folded
  // and separated by spaces) or the beginning of one, of NAMED letters
  // or more.
  function names(list, f) {
    var len = Array.from(f).length;
    return String(list.words || '').split(' ').some(function (w) { return w && (w === f || len >= NAMED && w.indexOf(f) === 0); });
  }

  // elsewhere is what the list of kind offers besides its results for
  // the query q: the lists of the other kinds (the manifest's lists, in
  // the index's language) that a word of q names ("praktik" or
  // "internship" on the thesis list), in the order of the words, each as
  // { kind, ask, title, url }: the question, the list's name and its URL
  // with the words of q that name no list ("praktik energi":
  // "/praktik/?q=energi"). A word that names the page's own kind too
  // offers nothing, nor does a little word of either language.
  function elsewhere(ix, q, kind) {
    // A little word of either language names nothing: a Swedish query
    // on an English page ("inte") is not the beginning of "internships".
    var lists = ix.manifest.lists || [], stop = [].concat(STOP.sv, STOP.en), out = [];
    var words = queryWords(q);
    var named = words.map(function (w) {
      var f = fold(w);
      return stop.indexOf(f) >= 0 ? [] : lists.filter(function (l) { return names(l, f); });
    });
    var rest = words.filter(function (w, i) { return !named[i].length; }).join(' ');
    named.forEach(function (ls) {
      if (ls.some(function (l) { return l.kind === kind; })) return;
      ls.forEach(function (l) {
        if (out.some(function (o) { return o.kind === l.kind; })) return;
        out.push({ kind: l.kind, ask: l.ask, title: l.title, url: l.url + (rest ? '?' + new URLSearchParams({ q: rest }) : '') });
      });
    });
    return out;
  }

  // ---- the markup of a result ----

  function el(doc, tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // kindNames is what a result of the scope of ix says its kind by, by
  // kind ("Examensarbete", the manifest's kinds), when the scope holds
  // records of several kinds (an area's page), as the build's lists of
  // several kinds say it (the partial item-kind); null when it holds one
  // kind (a kind's list), whose results need not say it.
  function kindNames(ix) {
    var first = ix.items.length ? ix.items[0].kind : '';
    var several = ix.items.some(function (it) { return it.kind !== first; });
    return several && ix.manifest.kinds ? ix.manifest.kinds : null;
  }

  // renderItem builds the markup of the "item" partial for a result: with
  // ctx.kinds (kindNames), its kind after its title, as the partial
  // item-kind writes it.
  function renderItem(doc, it, ctx) {
    var li = el(doc, 'li', 'item item-' + it.kind);
    var foreign = it.lang && it.lang !== ctx.lang;
    if (foreign) li.lang = it.lang;
    if (it.closes) li.setAttribute(it.kind === 'lectures' ? 'data-end' : 'data-deadline', it.closes);
    var h = el(doc, 'h2', 'item-title');
    var a = el(doc, 'a', '', it.title);
    a.href = it.url;
    // A record shown in the other language links to its page in that
    // language, as the item the build wrote says (hreflang).
    if (foreign) a.hreflang = it.lang;
    h.appendChild(a);
    li.appendChild(h);
    if (ctx.kinds && ctx.kinds[it.kind]) {
      var kind = el(doc, 'p', 'item-kind', ctx.kinds[it.kind]);
      if (foreign) kind.lang = ctx.lang;
      li.appendChild(kind);
    }
    var st = stateOf(it, ctx.now);
    if (st || foreign) {
      var marks = el(doc, 'p', 'marks');
      if (foreign) marks.lang = ctx.lang;
      if (st) {
        li.className += ' is-marked';
        marks.appendChild(el(doc, 'span', 'mark mark-' + st, ctx.stateLabel(st, it.kind)));
      }
      if (foreign && ctx.foreign[it.lang]) {
        marks.appendChild(el(doc, 'span', 'mark mark-lang', ctx.foreign[it.lang]));
      }
      li.appendChild(marks);
    }
    if (it.facts.length) {
      var dl = el(doc, 'dl', 'meta');
      if (foreign) dl.lang = ctx.lang;
      it.facts.forEach(function (f) {
        var div = el(doc, 'div');
        div.appendChild(el(doc, 'dt', '', f[0]));
        var dd = el(doc, 'dd', '', f[1]);
        // A value in the record's own language (a place not translated):
        // its lang, as on the item the build wrote.
        if (f[2]) dd.lang = f[2];
        div.appendChild(dd);
        dl.appendChild(div);
      });
      li.appendChild(dl);
    }
    if (it.excerpt) li.appendChild(el(doc, 'p', 'excerpt', it.excerpt));
    return li;
  }

  return {
    FACETS: FACETS, PAGE: PAGE, WORDS: WORDS, FOLD_FROM: FOLD_FROM, FOLD_TO: FOLD_TO, fold: fold, tokens: tokens, hash: hash,
    decodeSet: decodeSet, emptyState: emptyState, readQuery: readQuery, writeQuery: writeQuery, isActive: isActive,
    stateOf: stateOf, openIndex: openIndex, search: search, spelling: spelling, elsewhere: elsewhere, setSize: setSize, likely: likely, prefetch: prefetch,
    atHand: atHand, buckets: buckets, details: details, kindNames: kindNames, renderItem: renderItem
  };
});
