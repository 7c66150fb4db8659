// Instant search and filters on kind lists and area pages. The index of
// the page's language is many small files in /search/ (/en/search/),
// written by the generator (generator/internal/search): a query fetches
// only what it needs. On the first touch of the form: the manifest
// (index.json) and the page's scope (s/<scope>.json, the facets of the
// records this page lists). For each word typed: one term bucket
// (t/<n>.json), chosen by the word's first two letters without
// diacritics. For the results shown, a page of 20 at a time: the result
// chunks (r/<n>.json) that hold them. Once a query is drawn, while the
// browser is idle, the buckets of the likeliest next keystrokes and the
// chunks of their first results are fetched ahead (prefetch), so that a
// keystroke that goes on with the word is drawn from what is at hand.
// A word that matches nothing on the list is looked for without its
// inflected ending, then by the words of its bucket a slip away
// ("sensro": "sensor"), with no request more. No framework, no server, no
// worker.
//
// Progressive enhancement: the form is in the page, hidden by search.css
// where scripting is off (templates/partials/search.html); the page part
// (search-page.js, loaded after this file, which hands it this part as
// window.portalSearch) hides it if the index cannot be loaded, and
// while a filter is set it shows the matches in .search-results and hides
// the paged list and the pager; "Show more" draws the next page of
// matches. Clearing the filter restores the page. The filter lives in the
// URL query (?q=energi&area=energi-och-klimat&level=master) so that a
// filtered view can be shared (written once typing pauses); the number of
// matches is announced through the form's polite live region once typing
// pauses. Open offers rank above
// closed ones, and an offer whose deadline has passed since the build is
// marked closed (a lecture that is over, past).
//
// The pure part (fold, openIndex, search, details, readQuery, ...) is
// exported for Node when loaded with require(), so the generator's tests
// can run it against a real built index.
(function (factory) {
  'use strict';
  var api = factory();
  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
  } else if (typeof window !== 'undefined') {
    window.portalSearch = api;
  }
})(function () {
  'use strict';

  // FACETS are the filters besides the text, in the order of the URL query.
  var FACETS = ['kind', 'area', 'host', 'school', 'level', 'language'];
  var OFFERS = ['theses', 'internships'];
  // PAGE is how many matches are drawn at a time.
  var PAGE = 20;
  // PREFETCH is how many likely next queries get their term buckets
  // fetched ahead, CHUNKS how many of them their first page of results.
  var PREFETCH = 3, CHUNKS = 2;

  // The letters fold drops the diacritics of: the same two strings as
  // foldFrom and foldTo in generator/internal/search/fold.go.
  var FOLD_FROM = 'àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥìíîïĩīĭįıĵķĺļľłñńņňòóôõöōŏőŕŗřśŝşšţťùúûüũūŭůűųŵýÿŷźżž';
  var FOLD_TO = 'aaaaaaaaacccccddeeeeeeeeegggghiiiiiiiiijkllllnnnnoooooooorrrssssttuuuuuuuuuuwyyyzzz';
  var FOLDS = {};
  Array.from(FOLD_FROM).forEach(function (c, i) { FOLDS[c] = FOLD_TO[i]; });

  // fold lowercases and drops diacritics, so "malardalen" finds
  // "Mälardalen" (as the generator folded the words of the index).
  function fold(s) {
    var out = '';
    for (var c of String(s).toLowerCase()) out += FOLDS[c] || c;
    return out;
  }

  // tokens are the words of s, lowercased: letters and digits.
  function tokens(s) {
    return String(s == null ? '' : s).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  // WORDS is how many words of a query are looked for: a text pasted into
  // the field (a whole offer) would otherwise fetch a term bucket for
  // each of its words, most of the index, to find nothing.
  var WORDS = 12;

  // queryWords are the first WORDS words of a query.
  function queryWords(q) {
    return tokens(q).slice(0, WORDS);
  }

  // STOP are the little words of each language (folded) that a student
  // writes in a query ("thesis on energy", "exjobb inom energi"): they
  // rank what has them higher but need not match, unless the query has
  // no other word.
  var STOP = {
    sv: ['och', 'i', 'om', 'pa', 'for', 'med', 'till', 'av', 'ett', 'inom', 'som', 'att', 'fran', 'hos', 'vid', 'eller'],
    en: ['a', 'an', 'the', 'of', 'on', 'in', 'at', 'for', 'with', 'to', 'about', 'and', 'or', 'by', 'from', 'within']
  };

  // optional tells, for each of the words of a query, whether it is a
  // little word of the language lang that need not match.
  function optional(lang, words) {
    var stop = STOP[lang] || [];
    var opt = words.map(function (w) { return stop.indexOf(fold(w)) >= 0; });
    return opt.every(Boolean) ? opt.map(function () { return false; }) : opt;
  }

  // numberUnits are the words that a number typed before a word makes
  // with it ("15 hp" → "15hp"): the word the index holds for a counted
  // fact (SearchFactTexts in generator/internal/render). A match of one
  // ranks higher; it narrows nothing, as the two words may be apart in a
  // text ("15 skolor ... 30 hp").
  function numberUnits(words) {
    var out = [];
    for (var i = 0; i + 1 < words.length; i++) {
      if (/^\p{N}+$/u.test(words[i]) && /^\p{L}/u.test(words[i + 1])) out.push(words[i] + words[i + 1]);
    }
    return out;
  }

  function prefix(s, n) {
    return Array.from(s).slice(0, n).join('');
  }

  // hash is FNV-1a (32 bits) of the UTF-8 bytes of s.
  function hash(s) {
    var h = 0x811c9dc5;
    var bytes = new TextEncoder().encode(s);
    for (var i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  // decodeSet reads a set of document numbers: "d" and base-36 gaps, or
  // "b" and a base64 bitmap; "" is the empty set.
  function decodeSet(s) {
    var out = [];
    if (!s) return out;
    if (s[0] === 'd') {
      var prev = -1;
      s.slice(1).split(',').forEach(function (g) {
        prev += parseInt(g, 36) + 1;
        out.push(prev);
      });
      return out;
    }
    var bin = atob(s.slice(1));
    for (var i = 0; i < bin.length; i++) {
      // Each set bit, lowest first.
      for (var b = bin.charCodeAt(i); b; b &= b - 1) out.push(i * 8 + 31 - Math.clz32(b & -b));
    }
    return out;
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

  // termScores resolves to the documents a query word matches, each with
  // a score: 1, and 4 more for the exact spelling (with its diacritics;
  // for a word typed without any, also the whole word with them),
  // 2 more for a match in the title, host, areas or speaker, 1 more for a
  // whole word. The scores are a Uint8Array indexed by document number,
  // 0 for the documents it does not match: typed arrays, not maps, so that
  // a short prefix that matches most documents is scored in a few
  // milliseconds on a phone.
  //
  // The scoring of a word is a job kept per word (scoreTerm): the sets of
  // the bucket's words it matches, added one after another. pace, when
  // given, runs the job in slices (see run); a job left unfinished (the
  // fetch ahead stopped by a keystroke) goes on where it stopped when the
  // word is asked for again, so a keystroke that needs a word still being
  // scored ahead does only the rest of that word. A word that matched no
  // document of the scope is then scored again by its stems, then by its
  // near spellings (widen).
  function termScores(ix, word, pace) {
    ix.terms = ix.terms || new Map();
    var job = ix.terms.get(word);
    if (!job) {
      job = scoreTerm(ix, word);
      ix.terms.set(word, job);
    }
    return job.ready.then(function () { return run(job, pace); }).then(function () {
      return widen(job, pace);
    }).then(function () { return job.scores; });
  }

  // widen, once a word's own matches are scored, takes the next of its
  // wider looks (job.wider: its stems, then its near spellings, see
  // nearSpellings) while none of what was added matches a document of the
  // scope (job.hit): a form that a record of another kind has ("sensors"
  // in a lecture) is still looked for by its stem on the thesis list. A
  // look is taken only once all before it is scored, whoever runs it (a
  // keystroke finishes what the fetch ahead left), so each is taken once.
  function widen(job, pace) {
    if (job.next < job.todo.length) return run(job, pace).then(function () { return widen(job, pace); });
    if (job.hit || !job.wider.length) return Promise.resolve();
    job.wider.shift()();
    return widen(job, pace);
  }

  // run does what is left of job (its list todo from next on, each with
  // job.one): all at once without pace, else in slices. pace resolves
  // when the next slice may run, to a function that is true once the
  // slice has taken its time; it never resolves when the caller has
  // given up (a later keystroke). Each slice does at least one item.
  function run(job, pace) {
    var slice = function (until) {
      while (job.next < job.todo.length) {
        job.one(job.todo[job.next++]);
        if (until && until()) break;
      }
      return job.next < job.todo.length && pace ? pace().then(slice) : undefined;
    };
    return Promise.resolve(pace && job.next < job.todo.length ? pace().then(slice) : slice(null));
  }

  // bucketOf is where the index keeps a word: its folded form f, its
  // length in letters, whether it is shorter than the bucket prefix, and
  // the number n of its bucket (t/<n>.json).
  function bucketOf(ix, word) {
    var m = ix.manifest, f = fold(word), len = Array.from(f).length, short = len < m.prefix;
    return { f: f, len: len, short: short, n: hash(short ? f : prefix(f, m.prefix)) & (m.buckets - 1) };
  }

  // buckets are the paths of the term buckets that the words of q need,
  // from the index's folder and manifest alone: they can be fetched
  // while the scope is still on its way.
  function buckets(dir, manifest, q) {
    var words = queryWords(q);
    return words.concat(numberUnits(words)).map(function (w) { return dir + 't/' + bucketOf({ manifest: manifest }, w).n + '.json'; });
  }

  // wordsOf are the words of bucket n (its content b), each with its
  // folded form: folded once per page, not once per query.
  function wordsOf(ix, n, b) {
    ix.words = ix.words || new Map();
    if (!ix.words.has(n)) ix.words.set(n, Object.keys(b.w).map(function (w) { return { w: w, f: fold(w), size: -1 }; }));
    return ix.words.get(n);
  }

  // scoreTerm is the job that scores word (see termScores): ready once
  // its bucket has come and the list of the sets to add is made.
  function scoreTerm(ix, word) {
    var m = ix.manifest, at = bucketOf(ix, word);
    var f = at.f, n = at.n;
    ix.sets = ix.sets || new Map();
    // sets decodes the two sets of a word of bucket n once per page.
    function sets(k, pair) {
      var id = n + ' ' + k;
      if (!ix.sets.has(id)) ix.sets.set(id, { all: Int32Array.from(decodeSet(pair[0])), strong: Int32Array.from(decodeSet(pair[1])) });
      return ix.sets.get(id);
    }
    var job = { todo: [], next: 0, scores: null, wider: [] };
    // one raises the score of the documents of a word's set to its base,
    // and of its strong ones (a subset) to base + 2; and notes whether the
    // set has a document of the scope (job.hit, for widen).
    job.one = function (x) {
      var s = sets(x[0], x[1]), base = x[2], scores = job.scores, i;
      for (i = 0; i < s.all.length; i++) scores[s.all[i]] = Math.max(scores[s.all[i]], base);
      for (i = 0; i < s.strong.length; i++) scores[s.strong[i]] = Math.max(scores[s.strong[i]], base + 2);
      for (i = 0; i < s.all.length && !job.hit; i++) job.hit = ix.listed[s.all[i]] === 1;
      // A near spelling (x[3]) that matches the scope, the nearest first:
      // the word the note "Showing results for" names (spelling).
      for (i = 0; x[3] && !job.spelled && i < s.all.length; i++) if (ix.listed[s.all[i]]) job.spelled = x[0];
    };
    job.ready = ix.get(ix.dir + 't/' + n + '.json').then(function (b) {
      job.scores = new Uint8Array(m.docs);
      var ws = wordsOf(ix, n, b);
      if (at.short) {
        if (b.u[f]) job.todo.push(['|' + f, b.u[f], 1]);
        ws.forEach(function (x) {
          if (x.f === f) job.todo.push([x.w, b.w[x.w], 2 + (x.w === word ? 4 : 0)]);
        });
        return;
      }
      // A word typed with diacritics ranks the words spelled so first; one
      // typed without them ("miljo", on a phone) may stand for a word
      // spelled with them: the whole word "miljö" gets the bonus too, so
      // that it ranks with a longer word that begins with the letters
      // typed ("miljonprogrammet"), not below it.
      var accented = word !== f;
      ws.forEach(function (x) {
        if (x.f.indexOf(f) !== 0) return;
        var spelled = x.w.indexOf(word) === 0 || (!accented && x.f === f);
        job.todo.push([x.w, b.w[x.w], 1 + (spelled ? 4 : 0) + (x.f === f ? 1 : 0)]);
      });
      job.wider.push(function () { stemmed(ix, job, f, ws, b); });
      if (fixable(ix.lang, f, at.len)) {
        job.wider.push(function () { nearSpellings(ix, job, f, ws, b, 1); });
        if (at.len >= LONG) job.wider.push(function () { nearSpellings(ix, job, f, ws, b, 2); });
      }
    });
    return job;
  }

  // SUFFIXES are the endings of inflected forms, per language, longest
  // first: a word typed that matches no document of the scope is looked
  // for again without one ("hållbarheten" finds "hållbarhet" and
  // "hållbar", "miljön" "miljö", "sensors" "sensor"). A stem keeps
  // at least STEM letters.
  var SUFFIXES = {
    sv: ['heterna', 'heten', 'arnas', 'ernas', 'ornas', 'arna', 'erna', 'orna', 'het', 'ens', 'ets', 'en', 'et', 'na', 'ar', 'er', 'or', 'a', 'e', 'n', 's'],
    en: ['ings', 'ies', 'ing', 'es', 'ed', 's']
  };
  var STEM = 4;

  // stems are the folded word f without each ending of its language
  // that leaves at least min letters, the longest ending first.
  function stems(lang, f, min) {
    var len = Array.from(f).length;
    return (SUFFIXES[lang] || []).filter(function (x) {
      return f.length > x.length && f.slice(-x.length) === x && len - Array.from(x).length >= min;
    }).map(function (x) { return f.slice(0, -x.length); });
  }

  // stemmed adds to job.todo, when a word (folded f) matched no document
  // of the scope (widen), the words of its bucket's words ws that begin
  // with the first of its stems that some word begins with, at the lowest
  // score, but not those that begin with f (scored already); and marks the
  // job (a query typed on from one stemmed may match more, not less).
  // A stem is as long as the bucket's prefix, so it is in the same bucket.
  function stemmed(ix, job, f, ws, b) {
    var cands = stems(ix.lang, f, Math.max(STEM, ix.manifest.prefix)), had = job.todo.length;
    for (var i = 0; i < cands.length && job.todo.length === had; i++) {
      var st = cands[i];
      ws.forEach(function (x) {
        if (x.f.indexOf(st) === 0 && x.f.indexOf(f) !== 0) job.todo.push([x.w, b.w[x.w], 1 + (x.f === st ? 1 : 0)]);
      });
    }
    job.stemmed = job.todo.length > had;
  }

  // TYPO is the fewest letters of a word looked for by its near spellings
  // when neither it nor its stems match the scope: one letter wrong,
  // missing, extra, or two neighbours swapped ("sensro", "enrgy"). A
  // shorter word has too many neighbours ("kth", "kto", "kt") to guess
  // one. From LONG letters on, two such slips are forgiven (a long
  // compound, "skyfallsmodelering"), if one finds nothing.
  var TYPO = 4, LONG = 8;

  // fixable tells whether a folded word f of len letters may be looked
  // for by its near spellings: long enough, letters only (a number or
  // "15hp" has no near spelling) and not a little word of lang, which
  // need not match anyway.
  function fixable(lang, f, len) {
    return len >= TYPO && /^\p{L}+$/u.test(f) && (STOP[lang] || []).indexOf(f) < 0;
  }

  // nearSpellings adds to job.todo the words of its bucket's words ws
  // that are at distance k from the folded word f, whole or the beginning
  // of a longer word (a word typed on from a slip), at the lowest score,
  // 1 more for a whole word, marked as near spellings (x[3]): whole words
  // first, then those of most documents. Only words
  // that begin with the letters of f that chose its bucket (the
  // manifest's prefix): they are in the bucket at hand, so a slip costs
  // no request, and a slip in those letters is not guessed.
  function nearSpellings(ix, job, f, ws, b, k) {
    var head = prefix(f, ix.manifest.prefix), found = [], table = [0, 1, 2].map(function () { return new Int32Array(f.length + k + 1); });
    ws.forEach(function (x) {
      if (x.f.length < f.length - k || x.f.indexOf(head) !== 0 || x.f.indexOf(f) === 0) return;
      var d = distance(f, x.f, k, table);
      if (d[0] === k) found.push({ x: x, whole: d[1] === k ? 1 : 0, size: setSize(b.w[x.w][0]) });
    });
    found.sort(function (p, q) { return q.whole - p.whole || q.size - p.size || (p.x.w < q.x.w ? -1 : 1); });
    found.forEach(function (c) { job.todo.push([c.x.w, b.w[c.x.w], 1 + c.whole, true]); });
    job.fixed = job.fixed || found.length > 0;
  }

  // distance is the Damerau–Levenshtein distance (each letter wrong,
  // missing or extra, or two neighbours swapped, counts 1) of the word a
  // from the nearest beginning of the word b, and from the whole of b;
  // k + 1 for one above k. A beginning longer than a by more than k is
  // never the nearest, so no more of b is looked at, and a row of the
  // table all above k ends it: most words of a bucket are left after two
  // or three letters. The words are compared by UTF-16 unit (a folded
  // word's letters are one each but in rare scripts), in three rows
  // (table: Int32Arrays of a.length + k + 1) kept for a whole bucket.
  function distance(a, b, k, table) {
    var n = Math.min(b.length, a.length + k), whole = b.length <= a.length + k;
    var before = table[0], prev = table[1], cur = table[2], i, j, d, low, t;
    for (j = 0; j <= n; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur[0] = low = i;
      for (j = 1; j <= n; j++) {
        d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
        cur[j] = d;
        if (d < low) low = d;
      }
      if (low > k) return [k + 1, k + 1];
      t = before; before = prev; prev = cur; cur = t;
    }
    for (low = k + 1, j = 0; j <= n; j++) low = Math.min(low, prev[j]);
    return [low, whole ? Math.min(k + 1, prev[n]) : k + 1];
  }

  // spelling is the query q as its last search (search) looked for it
  // when a word of it was looked for by a near spelling: each such word
  // replaced by the nearest of its spellings that matched the scope
  // ("skyfallsmodelering" → "skyfallsmodellering"); "" when none was.
  function spelling(ix, q) {
    var fixed = false, words = queryWords(q).map(function (w) {
      var job = ix.terms && ix.terms.get(w);
      if (!job || !job.spelled) return w;
      fixed = true;
      return job.spelled;
    });
    return fixed ? words.join(' ') : '';
  }

  // setSize is the number of documents of an encoded set, without
  // decoding it.
  function setSize(s) {
    if (!s || s[0] === 'd') return s ? s.split(',').length : 0;
    for (var bin = atob(s.slice(1)), n = 0, i = 0; i < bin.length; i++) {
      for (var b = bin.charCodeAt(i); b; b &= b - 1) n++;
    }
    return n;
  }

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
          return search(ix, Object.assign({}, s, { q: q }), now, pace).then(function (list) {
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
  // in slices (see run).
  function search(ix, s, now, pace) {
    var words = queryWords(s.q), terms = words.concat(numberUnits(words));
    ix.found = ix.found || new Map();
    var key = writeQuery(s), from = s.q ? ix.found.get(writeQuery(Object.assign({}, s, { q: s.q.slice(0, -1) }))) : null;
    return Promise.all(terms.map(function (w) { return termScores(ix, w, pace); })).then(function (per) {
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

  // ---- the markup of a result ----

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
    // A record shown in the other language links to its page in that
    // language, as the item the build wrote says (hreflang).
    if (foreign) a.hreflang = it.lang;
    h.appendChild(a);
    li.appendChild(h);
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
    stateOf: stateOf, openIndex: openIndex, search: search, spelling: spelling, setSize: setSize, likely: likely, prefetch: prefetch,
    atHand: atHand, buckets: buckets, details: details, renderItem: renderItem
  };
});
