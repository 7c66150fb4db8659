// What a slip in the first two letters of a search word costs
// (templates/assets/search.js, farther): on a site built before (public/
// of a mkcorpus.py site), for the words of five letters or more of the
// most documents in each language's index, each typed with a slip of each
// kind (the first two letters swapped, a letter put before, the second
// and third swapped) on the thesis list, the term buckets fetched besides
// the word's own and their bytes gzipped as deploy/nginx.conf serves them
// (level 1), and how often the word meant was found. Also what looking
// under the first letter's neighbours on a Swedish phone keyboard would
// fetch, which search.js does not do.
//
//   node bench/search-slips.js /tmp/built/public [words]

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const out = process.argv[2];
const WORDS = Number(process.argv[3] || 300);
const assets = path.join(out, 'assets');
const api = createRequire(import.meta.url)(path.join(assets, readdirSync(assets).find((f) => /^search\.[0-9a-f]+\.js$/.test(f))));

// NEAR are the keys beside each letter on a Swedish QWERTY phone keyboard
// (the same row and the rows above and below), folded as the index folds.
const ROWS = ['qwertyuiopå', 'asdfghjklöä', 'zxcvbnm'];
function near(c) {
  const out = new Set();
  ROWS.forEach((row, r) => {
    const i = row.indexOf(c);
    if (i < 0) return;
    [[r, i - 1], [r, i + 1], [r - 1, i], [r - 1, i + 1], [r + 1, i - 1], [r + 1, i]].forEach(([rr, ii]) => {
      const k = ROWS[rr]?.[ii];
      if (k) out.add(api.fold(k));
    });
  });
  out.delete(c);
  return [...out];
}

const gz = new Map();
function gzipped(file) {
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(file), { level: 1 }).length);
  return gz.get(file);
}

const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };

for (const [lang, dir] of [['sv', path.join(out, 'search') + '/'], ['en', path.join(out, 'en', 'search') + '/']]) {
  const m = JSON.parse(readFileSync(dir + 'index.json', 'utf8'));
  const buckets = readdirSync(dir + 't').map((f) => dir + 't/' + f);
  const sizes = buckets.map(gzipped);
  // The words of most documents, of five letters or more, letters only.
  const words = [];
  for (const f of buckets) {
    const b = JSON.parse(readFileSync(f, 'utf8'));
    for (const w of Object.keys(b.w)) if (/^\p{L}{5,}$/u.test(w) && w === api.fold(w)) words.push([w, api.setSize(b.w[w][0])]);
  }
  words.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kinds = {
    swapped: (w) => w[1] + w[0] + w.slice(2),
    extra: (w) => (w[0] === 'a' ? 'e' : 'a') + w,
    second: (w) => w[0] + w[2] + w[1] + w.slice(3),
  };
  console.log(`${lang}: ${buckets.length} buckets, gzipped median ${quantile(sizes, 0.5)} B, 90% ${quantile(sizes, 0.9)} B, max ${Math.max(...sizes)} B; ${Math.min(WORDS, words.length)} words`);
  for (const [kind, slip] of Object.entries(kinds)) {
    const extra = [], counts = [];
    let meant = 0, tried = 0, ms = 0;
    for (const [w] of words.slice(0, WORDS)) {
      const typo = slip(w);
      if (typo === w) continue;
      const cache = new Map(), asked = [];
      const get = (p) => {
        if (!cache.has(p)) {
          cache.set(p, Promise.resolve(JSON.parse(readFileSync(p, 'utf8'))));
          if (p.startsWith(dir + 't/')) asked.push(p);
        }
        return cache.get(p);
      };
      const ix = await api.openIndex(dir, 'k-theses', get);
      const t0 = performance.now();
      await api.search(ix, api.readQuery('?q=' + typo), Date.parse('2026-11-27'));
      ms += performance.now() - t0;
      tried++;
      const more = asked.slice(1);
      counts.push(more.length);
      extra.push(more.reduce((n, p) => n + gzipped(p), 0));
      if (api.spelling(ix, typo) === w) meant++;
    }
    console.log(`  ${kind}: ${tried} slips, ${meant} found the word meant; buckets besides its own: median ${quantile(counts, 0.5)}, max ${Math.max(...counts)}; bytes gzipped: median ${quantile(extra, 0.5)}, 90% ${quantile(extra, 0.9)}, max ${Math.max(...extra)}; search ${(ms / tried).toFixed(1)} ms a slip (node, unthrottled)`);
  }
  // The first letter wrong: the buckets of its neighbours' beginnings.
  const nb = words.slice(0, WORDS).map(([w]) => {
    const ns = new Set(near(w[0]).map((c) => dir + 't/' + (api.hash(c + w[1]) & (m.buckets - 1)) + '.json'));
    return [ns.size, [...ns].reduce((n, p) => n + gzipped(p), 0)];
  });
  console.log(`  first letter wrong (not done): buckets of its keyboard neighbours: median ${quantile(nb.map((x) => x[0]), 0.5)}, bytes gzipped median ${quantile(nb.map((x) => x[1]), 0.5)}, 90% ${quantile(nb.map((x) => x[1]), 0.9)}`);
}
