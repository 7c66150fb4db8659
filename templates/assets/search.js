// Instant search and filters on kind lists and area pages, over the whole
// search index of the page's language (/search.json, /en/search.json),
// which the generator writes at build time. No framework, no server.
//
// Progressive enhancement: the form is in the page with the hidden
// attribute (templates/partials/search.html); this script shows it, and
// while a filter is set it shows the matching records as list items in
// .search-results and hides the paged list and the pager. Clearing the
// filter restores the page. The filter lives in the URL query
// (?q=energi&area=energi-och-klimat&level=master) so that a filtered view
// can be shared; the number of matches is announced through the form's
// aria-live region. Offers whose deadline has passed since the build are
// marked closed, and lectures that are over are marked past.
//
// The pure part (parseIndex, filter, readQuery, writeQuery, ...) is
// exported for Node when loaded with require(), so the generator's tests
// can run it against a real built index.
(function (factory) {
  'use strict';
  var api = factory();
  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
  } else if (typeof document !== 'undefined') {
    api.start(document, window);
  }
})(function () {
  'use strict';

  // FACETS are the filters besides the text, in the order of the URL query.
  var FACETS = ['kind', 'area', 'host', 'school', 'level', 'language'];
  var OFFERS = ['theses', 'internships'];

  // normalize lowercases and drops diacritics, so "Energi" matches
  // "energi" and "malardalen" matches "Mälardalen".
  function normalize(s) {
    return String(s == null ? '' : s)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  }

  function key(table, i) {
    return i === null || i === undefined || !table[i] ? '' : table[i][0];
  }

  function name(table, i) {
    return i === null || i === undefined || !table[i] ? '' : table[i][1];
  }

  function pairs(table) {
    var m = {};
    (table || []).forEach(function (p) { m[p[0]] = p[1]; });
    return m;
  }

  // parseIndex turns the compact index (arrays, numbers into header
  // tables) into objects, each with a normalized text to match against.
  function parseIndex(ix) {
    var f = {};
    ix.fields.forEach(function (n, i) { f[n] = i; });
    var items = ix.items.map(function (r, order) {
      var areas = r[f.areas] || [];
      var schools = r[f.schools] || [];
      var languages = r[f.language] || [];
      var it = {
        order: order,
        url: r[f.url],
        title: r[f.title],
        kind: key(ix.kinds, r[f.kind]),
        areas: areas.map(function (i) { return key(ix.areas, i); }),
        host: key(ix.orgs, r[f.host]),
        schools: schools.map(function (i) { return key(ix.schools, i); }),
        level: key(ix.levels, r[f.level]),
        language: languages.map(function (i) { return key(ix.languages, i); }),
        closes: r[f.closes] || '',
        lang: r[f.lang] || ix.lang,
        state: key(ix.states, r[f.state]),
        archived: r[f.archived] === 1,
        excerpt: r[f.excerpt] || '',
        text: r[f.text] || '',
        facts: (r[f.facts] || []).map(function (p) { return [ix.labels[p[0]], p[1]]; })
      };
      var words = [it.title, it.excerpt, it.text, name(ix.kinds, r[f.kind]), name(ix.orgs, r[f.host]), name(ix.levels, r[f.level])];
      areas.forEach(function (i) { words.push(name(ix.areas, i)); });
      schools.forEach(function (i) { words.push(name(ix.schools, i)); });
      it.haystack = normalize(words.join(' \u0001 '));
      return it;
    });
    return { lang: ix.lang, items: items, states: pairs(ix.states), foreign: pairs(ix.foreign) };
  }

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
  // else the mark it had when the site was built ("" for none).
  function stateOf(it, now) {
    var closes = it.closes ? Date.parse(it.closes) : NaN;
    var passed = !isNaN(closes) && now >= closes;
    if (OFFERS.indexOf(it.kind) >= 0 && passed) return 'closed';
    if (it.kind === 'lectures') {
      if (it.state === 'cancelled') return 'cancelled';
      if (passed) return 'past';
    }
    return it.state;
  }

  function has(list, v) {
    return list.indexOf(v) >= 0;
  }

  // filter returns the items of index in scope that match the filter s at
  // time now (ms), in index order (the order of the site's lists). scope is
  // { kind, current, area }: a kind list searches that kind's current
  // records, an area page every record of its area. On a list of current
  // records an offer or lecture that closed after the build goes last, as
  // the next build moves it to the archive.
  function filter(index, scope, s, now) {
    var terms = normalize(s.q).split(/\s+/).filter(Boolean);
    var out = index.items.filter(function (it) {
      if (scope.kind && it.kind !== scope.kind) return false;
      if (scope.current && it.archived) return false;
      if (scope.area && !has(it.areas, scope.area)) return false;
      if (s.kind && it.kind !== s.kind) return false;
      if (s.area && !has(it.areas, s.area)) return false;
      if (s.host && it.host !== s.host) return false;
      if (s.school && !has(it.schools, s.school)) return false;
      if (s.level && it.level !== s.level) return false;
      if (s.language && !has(it.language, s.language)) return false;
      return terms.every(function (t) { return it.haystack.indexOf(t) >= 0; });
    });
    if (scope.current) {
      var done = function (it) {
        var st = stateOf(it, now);
        return st === 'closed' || st === 'past' ? 1 : 0;
      };
      out.sort(function (a, b) { return done(a) - done(b) || a.order - b.order; });
    }
    return out;
  }

  // ---- the page ----

  function el(doc, tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // renderItem builds the markup of the "item" partial for a result.
  function renderItem(doc, it, ctx) {
    var li = el(doc, 'li', 'item item-' + it.kind);
    var foreign = it.lang && it.lang !== ctx.lang;
    if (foreign) li.lang = it.lang;
    if (it.closes) li.setAttribute(it.kind === 'lectures' ? 'data-end' : 'data-deadline', it.closes);
    var h = el(doc, 'h2', 'item-title');
    var a = el(doc, 'a', '', it.title);
    a.href = it.url;
    h.appendChild(a);
    li.appendChild(h);
    var st = stateOf(it, ctx.now);
    if (st || foreign) {
      var marks = el(doc, 'p', 'marks');
      if (foreign) marks.lang = ctx.lang;
      if (st) {
        li.className += ' is-marked';
        marks.appendChild(el(doc, 'span', 'mark mark-' + st, ctx.stateLabel(st)));
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
        div.appendChild(el(doc, 'dd', '', f[1]));
        dl.appendChild(div);
      });
      li.appendChild(dl);
    }
    if (it.excerpt) li.appendChild(el(doc, 'p', 'excerpt', it.excerpt));
    return li;
  }

  function start(doc, win) {
    var box = doc.querySelector('.search[data-index]');
    if (!box || !win.fetch || !win.URLSearchParams || !win.history || !win.history.replaceState) return;
    var form = box.querySelector('form');
    var status = box.querySelector('.search-status');
    var results = box.querySelector('.search-results');
    if (!form || !status || !results) return;
    var data = function (n) { return box.getAttribute('data-' + n) || ''; };
    var scope = { kind: data('kind'), current: box.hasAttribute('data-current'), area: data('area') };
    var lang = doc.documentElement.lang || '';

    // What a filter hides: the rest of the list (items, empty note, pager,
    // kind groups) and an area page's table of contents.
    var others = [];
    for (var n = box.nextElementSibling; n; n = n.nextElementSibling) others.push(n);
    var toc = box.parentNode.querySelector('.toc');
    if (toc) others.push(toc);
    var wasHidden = others.map(function (o) { return o.hidden; });

    var controls = {};
    ['q'].concat(FACETS).forEach(function (k) {
      var c = form.elements.namedItem(k);
      if (c) controls[k] = c;
    });

    var state = readQuery(win.location.search);
    // A value the page does not offer is dropped rather than silently
    // matching nothing.
    FACETS.forEach(function (k) {
      var c = controls[k];
      if (!c || !state[k]) return;
      var ok = Array.prototype.some.call(c.options, function (o) { return o.value === state[k]; });
      if (ok) c.value = state[k];
      else state[k] = '';
    });
    if (controls.q) controls.q.value = state.q;

    var index = null;
    var timer = 0;

    function readControls() {
      Object.keys(controls).forEach(function (k) { state[k] = controls[k].value; });
    }

    function countText(n) {
      if (n === 0) return data('count-none');
      return data(n === 1 ? 'count-one' : 'count-other').replace('{n}', String(n));
    }

    function say(text, now) {
      win.clearTimeout(timer);
      if (now) status.textContent = text;
      else timer = win.setTimeout(function () { status.textContent = text; }, 600);
    }

    function update(announceNow) {
      var q = writeQuery(state);
      var url = win.location.pathname + q + win.location.hash;
      if (url !== win.location.pathname + win.location.search + win.location.hash) {
        win.history.replaceState(win.history.state, '', url);
      }
      if (!index) return;
      while (results.firstChild) results.removeChild(results.firstChild);
      if (!isActive(state)) {
        results.hidden = true;
        others.forEach(function (o, i) { o.hidden = wasHidden[i]; });
        say('', true);
        return;
      }
      var now = Date.now();
      var ctx = {
        lang: index.lang || lang,
        now: now,
        foreign: index.foreign,
        stateLabel: function (st) {
          if (st === 'closed' && data('closed-label')) return data('closed-label');
          if (st === 'past' && data('past-label')) return data('past-label');
          return index.states[st] || st;
        }
      };
      var found = filter(index, scope, state, now);
      found.forEach(function (it) { results.appendChild(renderItem(doc, it, ctx)); });
      results.hidden = found.length === 0;
      others.forEach(function (o) { o.hidden = true; });
      say(countText(found.length), announceNow);
    }

    // Every handler makes sure the index is on its way: a control can
    // change without having had focus (form restore on Back, assistive
    // technology), and load() is idempotent.
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      load();
      readControls();
      update(true);
    });
    form.addEventListener('input', function (ev) {
      load();
      if (ev.target === controls.q) {
        readControls();
        update(false);
      }
    });
    form.addEventListener('change', function (ev) {
      load();
      if (ev.target !== controls.q) {
        readControls();
        update(true);
      }
    });
    form.addEventListener('reset', function () {
      // The controls take their default values after this event.
      win.setTimeout(function () {
        state = emptyState();
        readControls();
        update(true);
      }, 0);
    });

    // The index is fetched when it is first needed: at once for a
    // filtered link, else when the visitor first touches the form.
    var loading = false;
    function load() {
      if (loading) return;
      loading = true;
      win.fetch(box.getAttribute('data-index'), { credentials: 'same-origin' })
        .then(function (r) {
          if (!r.ok) throw new Error(r.status + ' ' + r.statusText);
          return r.json();
        })
        .then(function (ix) {
          index = parseIndex(ix);
          readControls();
          update(true);
        })
        .catch(function () {
          // Without the index the page stays the plain list.
          box.hidden = true;
        });
    }
    form.addEventListener('focusin', load);
    form.addEventListener('pointerdown', load);

    box.hidden = false;
    if (isActive(state)) load();
  }

  return {
    FACETS: FACETS,
    normalize: normalize,
    parseIndex: parseIndex,
    emptyState: emptyState,
    readQuery: readQuery,
    writeQuery: writeQuery,
    isActive: isActive,
    stateOf: stateOf,
    filter: filter,
    renderItem: renderItem,
    start: start
  };
});
