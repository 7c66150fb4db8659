// The search form on kind lists and area pages (partials/search.html):
// the page part of search.js, which it needs loaded before it (both
// deferred, in this order: head-extra.html) and which hands it its pure
// part as window.portalSearch. It reads the filter from the URL and the
// form, fetches through search.js what a query needs, draws the results
// and keeps the URL and the live region up to date (see search.js for
// the whole of it).
//
// Each keystroke's work is kept small and off the keystroke's own task:
// the scoring and the drawing run in tasks of their own (later), the
// scoring, the keystroke's and the fetch ahead's, in slices of a few
// milliseconds (paced) that stop when another key is typed, results
// drawn for the previous query keep their nodes, a page of results that
// did not change is left alone, the URL is written once typing pauses
// (two seconds),
// and the results below the first screen are not laid out
// (content-visibility in search.css).
(function (api) {
  'use strict';
  if (!api || typeof document === 'undefined') return;
  var FACETS = api.FACETS, PAGE = api.PAGE;
  var readQuery = api.readQuery, writeQuery = api.writeQuery, isActive = api.isActive, emptyState = api.emptyState;
  var stateOf = api.stateOf, openIndex = api.openIndex, search = api.search, details = api.details;
  var prefetch = api.prefetch, renderItem = api.renderItem;

  // fetcher returns get for openIndex: each file fetched once; get.has
  // tells whether a file has arrived.
  function fetcher(win) {
    var cache = {}, arrived = {};
    var get = function (path) {
      if (!cache[path]) {
        cache[path] = win.fetch(path, { credentials: 'same-origin' }).then(function (r) {
          if (!r.ok) throw new Error(r.status + ' ' + r.statusText);
          return r.json();
        });
        cache[path].then(function () { arrived[path] = true; }, function () { delete cache[path]; });
      }
      return cache[path];
    };
    get.has = function (path) { return arrived[path] === true; };
    return get;
  }

  // browseInstead puts the links that stand in for the filters without
  // JavaScript (a list's areas, hosts, schools) where the form was, once
  // the form is gone (the index could not be loaded, a dropped
  // connection): a browser that runs scripts keeps them as the text of
  // their <noscript>, which is parsed, not written as HTML.
  function browseInstead(doc, win) {
    var ns = doc.querySelector('noscript[data-browse]');
    if (!ns || !win.DOMParser) return;
    var nav = new win.DOMParser().parseFromString(ns.textContent, 'text/html').querySelector('nav.browse');
    if (nav) ns.replaceWith(doc.importNode(nav, true));
  }

  function start(doc, win) {
    var box = doc.querySelector('.search[data-index]');
    if (!box) return;
    var form = box.querySelector('form');
    var status = box.querySelector('.search-status');
    var results = box.querySelector('.search-results');
    var more = box.querySelector('.search-more');
    // The link to the kind's archive, shown when nothing matches (a
    // list searches its current records only); not on every page.
    var archive = box.querySelector('.search-archive');
    // The note that a word was looked for by a near spelling (a slip);
    // not in a site's own older partial.
    var corrected = box.querySelector('.search-corrected');
    // The links to the lists of other kinds that a word of the query
    // names (offer); on a kind's list only, not in a site's own older
    // partial.
    var offers = box.getAttribute('data-kind') ? box.querySelector('.search-elsewhere') : null;
    // A browser this script cannot run in gets the plain list, as without
    // scripts: a form that does nothing must not be shown.
    if (!form || !status || !results || !more || !results.replaceChildren || !win.fetch ||
        !win.URLSearchParams || !win.history || !win.history.replaceState || !win.Map) {
      box.hidden = true;
      browseInstead(doc, win);
      return;
    }
    var data = function (n) { return box.getAttribute('data-' + n) || ''; };
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

    // On a phone the filters are behind the button "Filter", closed at
    // first (search.css): it opens and closes them, and says how many
    // are set, "Filter (2)", so that a filter is not forgotten while
    // they are out of sight.
    var toggle = form.querySelector('.search-facets-toggle');
    var facetCount = toggle && toggle.querySelector('.search-facets-count');
    function countFacets() {
      if (!facetCount) return;
      var n = FACETS.filter(function (k) { return controls[k] && controls[k].value; }).length;
      var text = n ? '\u00a0(' + n + ')' : '';
      if (facetCount.textContent !== text) facetCount.textContent = text;
    }
    if (toggle) {
      toggle.addEventListener('click', function () {
        var open = toggle.getAttribute('aria-expanded') !== 'true';
        toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
        form.classList.toggle('facets-closed', !open);
      });
    }

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
    if (controls.q && state.q) controls.q.value = state.q;
    // What the visitor chose or typed before this script ran (a slow
    // phone draws the form first) counts, as does what the browser put
    // back on Back: it is read as if chosen now, and applied once the
    // index is in (load, below).
    readControls();

    var index = null;
    var kinds = null; // kindNames of the index, once loaded
    var timer = 0;
    var seq = 0; // of the last query: older answers are dropped
    var found = [];
    var shown = 0;
    var nodes = new Map();

    function readControls() {
      Object.keys(controls).forEach(function (k) { state[k] = controls[k].value; });
      countFacets();
    }


    // countText is the count of the results, grouped as the build writes
    // counts in the page's language ("1 234 träffar", "1,234 results")
    // with the separator it gives in data-group: not with toLocaleString,
    // whose first call readies the browser's locale data (30-120 ms of a
    // phone's main thread, on a page opened with a filter in its URL).
    function countText(n) {
      if (n === 0) return data('count-none');
      var sep = box.getAttribute('data-group');
      var digits = sep === null ? n.toLocaleString(lang || undefined)
        : n < 1000 ? String(n) : String(n).replace(/\B(?=(\d{3})+$)/g, sep);
      return data(n === 1 ? 'count-one' : 'count-other').replace('{n}', digits);
    }

    // correct shows the note that the query was looked for as spelled
    // (search.js, spelling: "" when it was looked for as typed), with
    // the spelling in bold: "Visar träffar för <b>hållbarhet</b>". It
    // returns the note's text, which the live region says after the
    // count, for screen readers ("3 träffar. Visar träffar för …").
    function correct(spelled) {
      var parts = data('corrected').split('{q}');
      if (!corrected || !spelled || parts.length !== 2) {
        if (corrected && !corrected.hidden) corrected.replaceChildren();
        if (corrected) show(corrected, false);
        return '';
      }
      var b = doc.createElement('strong');
      b.textContent = spelled;
      corrected.replaceChildren(parts[0], b, parts[1]);
      show(corrected, true);
      return corrected.textContent;
    }

    // offer shows, below the count, a link to each list of another kind
    // that a word of the query q names (search.js, elsewhere): "Letar du
    // efter praktik? Lediga praktikplatser", with matches or without. It
    // is not said in the live region, which says the count only. The
    // links are made anew only when they change, not at every keystroke.
    var offered = '';
    function offer(q) {
      if (!offers) return;
      var lists = q ? api.elsewhere(index, q, data('kind')) : [];
      var key = JSON.stringify(lists);
      if (key === offered) return;
      offered = key;
      offers.replaceChildren.apply(offers, lists.map(function (l) {
        var p = doc.createElement('p'), a = doc.createElement('a');
        a.href = l.url;
        a.textContent = l.title;
        p.append(l.ask + ' ', a);
        return p;
      }));
      show(offers, lists.length > 0);
    }

    // say announces text in the live region: at once (now: a filter
    // chosen, the form sent) or once typing pauses. While typing the
    // region is written only when its text changes; a choice is always
    // said, also one that keeps the count (another area with as many
    // offers), which screen readers would otherwise pass over in silence:
    // its text is written anew with a no-break space added or taken away.
    // unseen is said after text but not shown: the note that the words
    // were looked for as spelled, which the page shows below already.
    function say(text, now, unseen) {
      unseen = unseen || '';
      var put = function (nb) {
        var tail = doc.createElement('span');
        tail.className = 'visually-hidden';
        tail.textContent = unseen;
        if (unseen) status.replaceChildren(text + nb, tail);
        else status.textContent = text + nb;
      };
      var said = function () { return status.textContent; };
      win.clearTimeout(timer);
      if (!now) timer = win.setTimeout(function () { if (said() !== text + unseen && said() !== text + '\u00a0' + unseen) put(''); }, 600);
      else put(text && said() === text + unseen ? '\u00a0' : '');
    }

    function context() {
      return {
        lang: index.lang || lang,
        now: Date.now(),
        foreign: index.foreign,
        // The kinds of the results, said on a page of several kinds.
        kinds: kinds,
        // The mark st on an item of kind: the kind's own word for it
        // where it differs ("theses.closed": ett exjobb is "Stängt"), else
        // the page's (a mark no item had when the index was built) or the
        // index's.
        stateLabel: function (st, kind) {
          if (index.states[kind + '.' + st]) return index.states[kind + '.' + st];
          if (st === 'closed' && data('closed-label')) return data('closed-label');
          if (st === 'past' && data('past-label')) return data('past-label');
          return index.states[st] || st;
        }
      };
    }

    // draw appends the next page of matches (the first replaces what the
    // last query showed). The first page is drawn as its result chunks
    // arrive: at once the results from the first on whose chunks are at
    // hand, then more as the others come (appended, so that nothing
    // drawn moves), so that a keystroke whose chunks are still on their
    // way, fetched ahead or not, shows what is known. The list's
    // data-query then says which query (q) it shows, once the page is
    // complete.
    function draw(my, q) {
      var from = shown, page = found.slice(from, from + PAGE), lead = 0, complete = false;
      // step draws the first results whose chunks are at hand, when
      // there are more of them than drawn and not yet all of them.
      var step = function () {
        var k = api.atHand(index, page);
        if (my !== seq || complete || k <= lead || k >= page.length) return;
        lead = k;
        details(index, page.slice(0, k)).then(function (items) {
          if (my === seq && !complete && items.length === lead) put(items, from, false);
        });
      };
      if (from === 0) {
        step();
        page.forEach(function (it) { details(index, [it]).then(step, function () {}); });
      }
      return details(index, page).then(function (items) {
        if (my !== seq) return;
        complete = true;
        put(items, from, true);
        shown = from + items.length;
        show(more, shown < found.length);
        if (results.getAttribute('data-query') !== q) results.setAttribute('data-query', q);
      });
    }

    // put draws items as the results from number from on, the whole page
    // (final) or its first part. A result that was drawn for the last
    // query keeps its node (nodes: id → [state, li]; kept until the page
    // is complete), and the first page changes the list only where it
    // differs (place): what the browser has laid out is not laid out
    // again.
    function put(items, from, final) {
      var ctx = context();
      var lis = items.map(function (it) {
        var st = stateOf(it, ctx.now), old = nodes.get(it.id);
        return old && old[0] === st ? old[1] : renderItem(doc, it, ctx);
      });
      if (from === 0) {
        place(results, lis);
        if (final) nodes = new Map();
        others.forEach(function (o) { show(o, false); });
      } else {
        results.append.apply(results, lis);
      }
      items.forEach(function (it, i) { nodes.set(it.id, [stateOf(it, ctx.now), lis[i]]); });
      show(results, from + items.length > 0);
    }

    // place makes lis the children of list, touching only what changes:
    // the children not among them are removed, the longest run of those
    // left that is already in the new order stays, and the others are
    // inserted where they go. A node that stays keeps its style and
    // layout; one removed and put back (every one of them, with
    // replaceChildren) has both computed anew, the larger part of drawing
    // a keystroke's results on a phone.
    function place(list, lis) {
      var keep = new Set(lis), at = new Map();
      Array.prototype.slice.call(list.children).forEach(function (c) {
        if (!keep.has(c)) c.remove();
      });
      Array.prototype.forEach.call(list.children, function (c, i) { at.set(c, i); });
      var stay = rising(lis.map(function (li) { return at.has(li) ? at.get(li) : -1; }));
      for (var i = lis.length - 1, next = null; i >= 0; i--) {
        if (!stay.has(i)) list.insertBefore(lis[i], next);
        next = lis[i];
      }
    }

    // rising is the indexes of a longest increasing run (not necessarily
    // contiguous) of the numbers of a that are not negative.
    function rising(a) {
      var len = [], prev = [], best = -1, out = new Set();
      a.forEach(function (x, i) {
        len[i] = x < 0 ? 0 : 1;
        prev[i] = -1;
        for (var j = 0; j < i && x >= 0; j++) {
          if (a[j] >= 0 && a[j] < x && len[j] + 1 > len[i]) {
            len[i] = len[j] + 1;
            prev[i] = j;
          }
        }
        if (x >= 0 && (best < 0 || len[i] > len[best])) best = i;
      });
      for (var k = best; k >= 0; k = prev[k]) out.add(k);
      return out;
    }

    // show shows or hides e, touching it only when that changes.
    function show(e, on) {
      if (e.hidden === on) e.hidden = !on;
    }

    // later resolves to fn() run in a task of its own, after what the
    // browser does for the keystroke (the field's layout and paint), so
    // that a keystroke's work comes in parts the browser can draw between.
    function later(fn) {
      if (win.scheduler && win.scheduler.postTask) return win.scheduler.postTask(fn, { priority: 'user-visible' });
      return new Promise(function (resolve) { win.setTimeout(resolve, 0); }).then(fn);
    }

    // address writes the query q into the page's URL: at once (now), or
    // while typing once it has paused for ADDRESS ms, and at the latest
    // when the page is left or a result is followed (flush).
    // history.replaceState costs a throttled phone 50-100 ms on a large
    // site: a shorter pause let it fall on the next keystroke of someone
    // who types slowly.
    var ADDRESS = 2000;
    var addressTimer = 0, pending = null;
    function address(q, now) {
      win.clearTimeout(addressTimer);
      pending = q;
      if (now) flush();
      else addressTimer = win.setTimeout(flush, ADDRESS);
    }
    function flush() {
      win.clearTimeout(addressTimer);
      if (pending === null) return;
      var url = win.location.pathname + pending + win.location.hash;
      pending = null;
      if (url !== win.location.pathname + win.location.search + win.location.hash) {
        win.history.replaceState(win.history.state, '', url);
        carry();
      }
    }

    // carry gives the language switch the filter of the URL: the page in
    // the other language is the same list (or area), whose form reads the
    // same filter (the keys of areas, hosts, levels are the same in both
    // languages), so a reader who switches, or opens a shared link in the
    // other language, does not set it again.
    var switches = Array.prototype.map.call(doc.querySelectorAll('.lang-switch a[href]'), function (a) {
      return [a, a.getAttribute('href').split(/[?#]/)[0]];
    });
    function carry() {
      switches.forEach(function (s) {
        var href = s[1] + win.location.search;
        if (s[0].getAttribute('href') !== href) s[0].setAttribute('href', href);
      });
    }
    carry();
    win.addEventListener('pagehide', flush);
    results.addEventListener('click', flush);
    form.addEventListener('focusout', flush);

    // update shows the matches of state: the URL (address), then the
    // scoring and the drawing in a task each, the drawing only for the last query
    // typed (a keystroke that comes meanwhile takes over).
    function update(announceNow) {
      var q = writeQuery(state);
      address(q, announceNow);
      if (!index) return;
      var my = ++seq;
      if (!isActive(state)) {
        results.replaceChildren();
        nodes = new Map();
        show(results, false);
        show(more, false);
        if (archive) show(archive, false);
        correct('');
        offer('');
        results.removeAttribute('data-query');
        others.forEach(function (o, i) { o.hidden = wasHidden[i]; });
        say('', true);
        reveal = false;
        return;
      }
      var s = Object.assign({}, state);
      later(function () {
        return my === seq ? search(index, s, Date.now(), paced(my, false)) : null;
      }).then(function (list) {
        return list && later(function () {
          if (my !== seq) return undefined;
          found = list;
          shown = 0;
          return draw(my, q).then(function () {
            if (my !== seq) return;
            if (archive) show(archive, found.length === 0);
            var note = correct(found.length ? api.spelling(index, s.q) : '');
            offer(s.q);
            say(countText(found.length), announceNow, note ? '. ' + note : '');
            revealResults();
            ahead(my, s);
          });
        });
      }).catch(fail);
    }

    // reveal: the form was sent (Enter, the phone keyboard's search key)
    // and asks to see its results. On a phone they are below the filters,
    // out of sight, and the keyboard covers what is left: once they are
    // drawn, when their count is out of view (below what the keyboard
    // leaves), the focus moves to it (the live region, focusable for
    // this), which closes the keyboard, and it comes to the top of the
    // window, as on a page of results. Where the count is in view (a wide
    // screen) the focus stays in the form. Typing or choosing again
    // meanwhile cancels it.
    var reveal = false;
    function revealResults() {
      if (!reveal) return;
      reveal = false;
      var vv = win.visualViewport;
      var bottom = vv ? vv.offsetTop + vv.height : win.innerHeight;
      if (status.getBoundingClientRect().bottom <= bottom) return;
      status.tabIndex = -1;
      status.focus({ preventScroll: true });
      status.scrollIntoView({ block: 'start' });
    }

    // ahead prefetches what the likely next keystrokes need once the
    // browser is idle, computing in slices (paced); a failed prefetch is
    // fetched again when needed.
    function ahead(my, s) {
      var go = function () {
        if (my === seq) prefetch(index, s, Date.now(), function () { return my === seq; }, paced(my, true)).catch(function () {});
      };
      if (win.requestIdleCallback) win.requestIdleCallback(go, { timeout: 300 });
      else win.setTimeout(go, 50);
    }

    // paced is the pace (search.js, run) of the work for query my:
    // slices of at most TYPED ms in tasks of their own (later) for the
    // query typed, of at most AHEAD ms in background tasks for the fetch
    // ahead (which starts once the browser is idle: ahead). Background
    // tasks, not idle callbacks: a busy phone has few idle periods, and a
    // fetch ahead that waits for them has not asked for its chunks when
    // the next key comes. Work asked for while the slice has time left
    // goes on in it, the first slice being the task that asks (a
    // keystroke's scoring task, the idle callback of ahead), so that a
    // query whose scoring is short is done in one task, with no task
    // between for the browser to draw a frame in. Once another query is
    // typed, the next slice never comes: what is left is done when needed.
    var TYPED = 20, AHEAD = 16;
    function paced(my, background) {
      var t0 = win.performance.now(), budget = background ? AHEAD : TYPED;
      var until = function () { return win.performance.now() - t0 >= budget; };
      return function () {
        if (my === seq && !until()) return Promise.resolve(until);
        return new Promise(function (resolve) {
          var go = function () {
            if (my !== seq) return;
            t0 = win.performance.now();
            resolve(until);
          };
          if (!background) later(go);
          else if (win.scheduler && win.scheduler.postTask) win.scheduler.postTask(go, { priority: 'background' });
          else win.setTimeout(go, 0);
        });
      };
    }

    function fail() {
      // Without the index the page stays the plain list.
      box.hidden = true;
      others.forEach(function (o, i) { o.hidden = wasHidden[i]; });
      browseInstead(doc, win);
    }

    more.querySelector('button').addEventListener('click', function () {
      var first = shown;
      draw(seq, results.getAttribute('data-query')).then(function () {
        var next = results.children[first];
        var a = next && next.querySelector('a');
        if (a) a.focus();
      }).catch(fail);
    });

    // Every handler makes sure the index is on its way: a control can
    // change without having had focus (form restore on Back, assistive
    // technology), and load() is idempotent.
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      load();
      readControls();
      reveal = true;
      update(true);
    });
    form.addEventListener('input', function (ev) {
      load();
      warm();
      reveal = false;
      if (ev.target === controls.q) {
        readControls();
        update(false);
      }
    });
    form.addEventListener('change', function (ev) {
      load();
      if (ev.target !== controls.q) {
        reveal = false;
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

    // The manifest and the scope are fetched when first needed: at once
    // for a filtered link, else when the visitor first touches the form.
    // The term buckets of the words typed meanwhile are fetched as soon
    // as the manifest says which they are (warm), while the scope, the
    // larger file, is still on its way.
    var loading = false, get = null, manifest = null;
    function warm() {
      if (!manifest || index || !controls.q) return;
      api.buckets(data('index'), manifest, controls.q.value).forEach(function (p) { get(p).catch(function () {}); });
    }
    function load() {
      if (loading) return;
      loading = true;
      get = fetcher(win);
      get(data('index') + 'index.json').then(function (m) { manifest = m; warm(); }, function () {});
      openIndex(data('index'), data('scope'), get)
        .then(function (ix) {
          index = ix;
          kinds = api.kindNames ? api.kindNames(ix) : null;
          readControls();
          update(true);
        })
        .catch(fail);
    }
    form.addEventListener('focusin', load);
    form.addEventListener('pointerdown', load);

    box.hidden = false;
    if (isActive(state)) load();
  }

  start(document, window);
})(typeof window !== 'undefined' ? window.portalSearch : null);
