  // search.js, part 4 of 5 (joined in name order by the build): a word that matches nothing, looked for by its stems and its near spellings.

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

  // nearSpellings adds to job.todo the words of places (each a bucket n,
  // its content b and its words ws, and the beginning head its words are
  // looked at with) that are at distance k from the folded word f, whole
  // or the beginning of a longer word (a word typed on from a slip), at
  // the lowest score, 1 more for a whole word, marked as near spellings
  // (x[3]) with their bucket (x[4]): whole words first, then those of
  // most documents. First the word's own bucket, with the letters of f
  // that chose it (the manifest's prefix) as head: a slip there costs no
  // request; a slip in those letters is looked for by farther.
  function nearSpellings(ix, job, f, places, k) {
    var found = [], table = [0, 1, 2].map(function () { return new Int32Array(f.length + k + 1); });
    places.forEach(function (at) {
      at.ws.forEach(function (x) {
        if (x.f.length < f.length - k || x.f.indexOf(at.head) !== 0 || x.f.indexOf(f) === 0) return;
        var d = distance(f, x.f, k, table);
        if (d[0] === k) found.push({ x: x, at: at, whole: d[1] === k ? 1 : 0, size: setSize(at.b.w[x.w][0]) });
      });
    });
    found.sort(function (p, q) { return q.whole - p.whole || q.size - p.size || (p.x.w < q.x.w ? -1 : 1); });
    found.forEach(function (c) { job.todo.push([c.x.w, c.at.b.w[c.x.w], 1 + c.whole, true, c.at.n]); });
    job.fixed = job.fixed || found.length > 0;
  }

  // FAR is the fewest letters of a word looked for in other buckets than
  // its own (farther): a shorter one has too many near spellings there.
  var FAR = 5;

  // farHeads are the beginnings (of the manifest's prefix p letters) that
  // the folded word f most likely has where a slip in its first letters
  // made it: the first two letters swapped ("ksyfall": "sk"), the first
  // extra ("askyfall": "sk"), the second extra or swapped with the third
  // ("sxkyfall", "sykfall": "sk"); the same beginning once, not f's own.
  // A letter missing or wrong there cannot be placed: any letter may be
  // the one meant.
  function farHeads(f, p) {
    var c = Array.from(f), own = c.slice(0, p).join(''), out = [];
    [[c[1], c[0]].concat(c.slice(2)), c.slice(1), [c[0]].concat(c.slice(2))].forEach(function (w) {
      var head = w.slice(0, p).join('');
      if (head !== own && out.indexOf(head) < 0) out.push(head);
    });
    return out;
  }

  // farther, once a word (folded f, len letters) matches
  // nothing of the scope by itself, its stems or its near spellings in
  // its bucket, fetches the buckets of its farHeads (at most three,
  // each once: get keeps what it fetched) and looks for its near
  // spellings there, with the same limits: the looks it adds to
  // job.wider. It resolves once they are added; a bucket that cannot be
  // fetched is left out.
  function farther(ix, job, f, len) {
    var m = ix.manifest;
    var places = farHeads(f, m.prefix).map(function (head) {
      var n = hash(head) & (m.buckets - 1);
      return ix.get(ix.dir + 't/' + n + '.json').then(function (b) {
        return { head: head, n: n, ws: wordsOf(ix, n, b), b: b };
      }, function () { return null; });
    });
    return Promise.all(places).then(function (got) {
      got = got.filter(Boolean);
      if (!got.length) return;
      job.wider.push(function () { nearSpellings(ix, job, f, got, 1); });
      if (len >= LONG) job.wider.push(function () { nearSpellings(ix, job, f, got, 2); });
    });
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

