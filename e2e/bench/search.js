// Search benchmark (issue #12 "Targets"): builds mkcorpus.py sites of the
// given sizes, serves each with deploy/nginx.conf and measures, on the
// throttled phone profile (lib/measure.js), what the first keystroke on
// /exjobb/ and /en/theses/ transfers until the first result is drawn and
// how long later keystrokes take; with Pagefind 1.x (PAGEFIND=path to its
// binary; development only, the site never needs it) the same on the same
// built site. Pagefind compiles WebAssembly, which the site's
// Content-Security-Policy (script-src 'self') forbids: its pages are
// served by a second nginx whose policy adds 'wasm-unsafe-eval' (the
// site itself is measured, and shipped, with the policy as it is).
// Writes the table into ../BENCHMARKS.md between the markers
// <!-- search-bench --> and <!-- /search-bench -->.
//
//   node bench/search.js 10000 100000
//   node bench/search.js 100000=/tmp/built   (a site built before, kept)

import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import { launch } from '../lib/browser.js';
import { buildCorpus } from '../lib/corpus.js';
import { REPO } from '../lib/env.js';
import { measureSearch } from '../lib/measure.js';
import { startNginx } from '../lib/nginx.js';

const run = promisify(execFile);
// Each argument is a number of records, or n=dir: the site of n records
// built before into dir (E2E_KEEP keeps the bench's), measured as it is.
const sizes = process.argv.slice(2).map((a) => a.split('=')).map(([n, dir]) => ({ n: Number(n), dir })).filter((x) => x.n);
const QUERIES = [['/exjobb/', 'energi', 'sv'], ['/en/theses/', 'energy', 'en']];

// A development-only page that searches with Pagefind's JS API the way
// search.js does: on each input, the first 20 results' data.
const PF_HTML = (lang) => `<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>pagefind</title>
<input id="q" type="search"><ul id="r"></ul><script type="module" src="/pf-bench/pf.js"></script></html>`;
const PF_JS = `const pf = await import('/pagefind/pagefind.js');
const q = document.getElementById('q'), r = document.getElementById('r');
let seq = 0;
q.addEventListener('input', async () => {
  const my = ++seq;
  const s = await pf.search(q.value);
  const data = await Promise.all(s.results.slice(0, 20).map((x) => x.data()));
  if (my !== seq) return;
  r.replaceChildren(...data.map((d) => { const li = document.createElement('li'); li.textContent = d.meta.title; return li; }));
});
q.addEventListener('focus', () => pf.init(), { once: true });`;

// pagefind indexes the built site out with Pagefind, unless reuse and
// the site has its index already, and adds the bench pages.
async function pagefind(out, reuse) {
  const bin = process.env.PAGEFIND;
  if (!bin || !existsSync(bin)) return false;
  if (!reuse || !existsSync(path.join(out, 'pagefind', 'pagefind.js'))) {
    await run(bin, ['--site', out], { timeout: 60 * 60_000, maxBuffer: 64 << 20 });
  }
  for (const lang of ['sv', 'en']) {
    mkdirSync(path.join(out, 'pf-bench', lang), { recursive: true });
    writeFileSync(path.join(out, 'pf-bench', lang, 'index.html'), PF_HTML(lang));
  }
  writeFileSync(path.join(out, 'pf-bench', 'pf.js'), PF_JS);
  return true;
}

// wasm is the site's server block with 'wasm-unsafe-eval' added to the
// script-src of its Content-Security-Policy, for Pagefind only.
function wasm(block) {
  const out = block.replace(/(set \$csp "[^"]*script-src 'self')/, "$1 'wasm-unsafe-eval'");
  if (out === block) throw new Error("deploy/nginx.conf: no script-src 'self' in set $csp");
  return out;
}

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
// ms is the slowest later keystroke and each of them, with * where the
// keystroke had to fetch a file before its results were drawn.
const ms = (m) => (m.later.length ? `${Math.max(...m.later)} ms (${m.later.map((t, i) => t + (m.fetched[i] ? '*' : '')).join(', ')})` : '–');
const row = (n, who, what, m) =>
  `| ${n.toLocaleString('en')} | ${who} | ${what} | ${kb(m.bytes + m.code)} (${kb(m.code)} code) | ${m.first} ms | ${kb(m.ahead)} | ${ms(m)} | ${m.long ? m.long + ' ms' : 'none'} |`;

const rows = [];
const browser = await launch();
try {
  for (const { n, dir } of sizes) {
    const corpus = dir ? { out: path.resolve(dir), tmp: null } : await buildCorpus(n);
    if (!dir) console.log(`${n} records: built in ${corpus.seconds.toFixed(1)} s`);
    const srv = await startNginx(corpus.out);
    try {
      for (const [url, q] of QUERIES) {
        const m = await measureSearch(browser, srv.base + url, q);
        rows.push(row(n, 'portal', `${url} “${q}”`, m));
        console.log(rows.at(-1));
      }
      if (await pagefind(corpus.out, Boolean(dir))) {
        const pf = await startNginx(corpus.out, { edit: wasm });
        try {
          for (const [, q, lang] of QUERIES) {
            const m = await measureSearch(browser, `${pf.base}/pf-bench/${lang}/`, q, { input: '#q', results: '#r', item: '#r li', codeRe: /\/pagefind\/(pagefind\.js|wasm\.[a-z]+\.pagefind)$/ });
            rows.push(row(n, 'Pagefind', `all pages “${q}”`, m));
            console.log(rows.at(-1));
          }
        } finally {
          await pf.stop();
        }
      }
    } finally {
      await srv.stop();
      if (corpus.tmp && !process.env.E2E_KEEP) rmSync(corpus.tmp, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
}

const table = [
  '| records | search | page, query | first keystroke → first result: transferred | time | then fetched ahead | later keystrokes: slowest (each; * fetched a file) | longest task after the first result |',
  '|---|---|---|---|---|---|---|---|',
  ...rows,
].join('\n');
const file = path.join(REPO, 'BENCHMARKS.md');
const text = readFileSync(file, 'utf8');
const re = /<!-- search-bench -->[\s\S]*<!-- \/search-bench -->/;
if (re.test(text)) {
  writeFileSync(file, text.replace(re, `<!-- search-bench -->\n${table}\n<!-- /search-bench -->`));
} else {
  console.log(table);
}
