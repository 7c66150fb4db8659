  // search.js, part 2 of 5 (joined in name order by the build): the filter as the URL holds it, and a scope's index opened.

  // emptyState is a filter that matches everything.
  function emptyState() {
    var s = { q: '' };
    FACETS.forEach(function (k) { s[k] = ''; });
    return s;
  }

  // readQuery reads a filter from a URL query string ("?q=...&area=...").
  function readQuery(search) {
    var p = new URLSearchParams(search || '');
    var s = emptyState();
    s.q = (p.get('q') || '').trim();
    FACETS.forEach(function (k) { s[k] = (p.get(k) || '').trim(); });
    return s;
  }

  // writeQuery is the URL query of a filter, "" when nothing is set.
  function writeQuery(s) {
    var p = new URLSearchParams();
    if (s.q && s.q.trim()) p.set('q', s.q.trim());
    FACETS.forEach(function (k) { if (s[k]) p.set(k, s[k]); });
    var q = p.toString();
    return q ? '?' + q : '';
  }

  function isActive(s) {
    return writeQuery(s) !== '';
  }

  // stateOf is the mark an item gets at time now (ms): "closed" for an
  // offer whose deadline has passed, "past" for a lecture that is over,
  // else the mark it had when the site was built ("" for none). The
  // items of openIndex carry their deadline parsed (closesAt), as every
  // keystroke asks this of every item.
  function stateOf(it, now) {
    var closes = typeof it.closesAt === 'number' ? it.closesAt : it.closes ? Date.parse(it.closes) : NaN;
    var passed = !isNaN(closes) && now >= closes;
    if (OFFERS.indexOf(it.kind) >= 0 && passed) return 'closed';
    if (it.kind === 'lectures') {
      if (it.state === 'cancelled') return 'cancelled';
      if (passed) return 'past';
    }
    return it.state;
  }

  // done is 1 for an item the next build would list among the archived:
  // archived already, or an offer or lecture that closed since the build.
  function done(it, now) {
    var st = stateOf(it, now);
    return st === 'closed' || st === 'past' || it.archived ? 1 : 0;
  }

  // openIndex loads the manifest and the scope of an index through get
  // (a path → Promise of the parsed JSON, cached by the caller) and
  // returns the index's state: the scope's items in the page's order.
  function openIndex(dir, scope, get) {
    return Promise.all([get(dir + 'index.json'), get(dir + 's/' + scope + '.json')]).then(function (r) {
      var m = r[0];
      var t = r[1].t;
      var prev = -1;
      var all = function (tab, ns) { return ns.map(function (n) { return tab[n]; }); };
      var at = t.closes.map(function (c) { return c ? Date.parse(c) : NaN; });
      var items = r[1].d.map(function (row, order) {
        prev += row[0] + 1;
        return {
          id: prev, order: order, kind: t.kind[row[1]], areas: all(t.area, row[2]), host: t.host[row[3]],
          schools: all(t.school, row[4]), level: t.level[row[5]], language: all(t.language, row[6]),
          closes: t.closes[row[7]], closesAt: at[row[7]], archived: t.archived[row[8]] === '1', state: t.state[row[9]]
        };
      });
      // listed marks the documents of the scope, by number (see widen).
      var listed = new Uint8Array(m.docs);
      items.forEach(function (it) { listed[it.id] = 1; });
      return { dir: dir, get: get, manifest: m, lang: m.lang, items: items, listed: listed, states: m.states, foreign: m.foreign };
    });
  }

