// The pages the browser tests visit: every page type in both languages,
// chosen from what the build actually wrote.

import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { sections } from './site.js';

export const LANGS = {
  sv: { prefix: '/', areas: 'omraden', organisations: 'organisationer', schools: 'skolor', archive: 'arkiv', page: 'sida', level: 'niva', missing: 'finns-inte/' },
  en: { prefix: '/en/', areas: 'areas', organisations: 'organisations', schools: 'schools', archive: 'archive', page: 'page', level: 'level', missing: 'no-such-page/' },
};

/** Free-standing pages (content/pages/) with a fixed, shared slug. */
export const STATEMENT = 'tillganglighet';

/** Records that a flow or a reviewer cares about are always sampled. */
const ALWAYS = {
  agreements: ['mou-2014'], // attachment, signatories, a table in the body
  lectures: ['installd-framtidens-avloppsrening'], // a cancelled lecture
};

function isPage(dir, urlPath) {
  return existsSync(path.join(dir, urlPath, 'index.html'));
}

function subdirs(dir, urlPath) {
  const full = path.join(dir, urlPath);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((n) => statSync(path.join(full, n)).isDirectory() && existsSync(path.join(full, n, 'index.html')))
    .sort();
}

/**
 * samplePages returns [{ name, lang, type, path, status }]. Required page
 * types that the build did not write are still listed (the visit then
 * fails with a 404), so a missing page type is an error, not a gap.
 */
export function samplePages(dir) {
  const secs = sections();
  const out = [];
  const add = (lang, type, p, status = 200) => out.push({ name: `${lang} ${type}`, lang, type, path: p, status });
  for (const [lang, L] of Object.entries(LANGS)) {
    const P = L.prefix;
    add(lang, 'home', P);
    for (const [kind, seg] of Object.entries(secs)) {
      const base = `${P}${seg[lang]}/`;
      add(lang, `list ${kind}`, base);
      // The thesis list once more with a filter set, so the script's
      // results (and the filter form) are checked as well.
      if (kind === 'theses') add(lang, `list ${kind} filtered`, `${base}?area=energi-och-klimat&level=master`);
      if (isPage(dir, `${base}${L.page}/2/`)) add(lang, `list ${kind} page 2`, `${base}${L.page}/2/`);
      if (isPage(dir, `${base}${L.archive}/`)) add(lang, `archive ${kind}`, `${base}${L.archive}/`);
      // The theses' lists by level, which the list links to without JavaScript.
      if (kind === 'theses') for (const level of ['bachelor', 'master']) add(lang, `level ${level}`, `${base}${L.level}/${level}/`);
      const records = subdirs(dir, base).filter((n) => n !== L.archive && n !== L.page);
      const picks = new Set((ALWAYS[kind] ?? []).filter((r) => records.includes(r)));
      if (records.length > 0) picks.add(records[0]);
      if (records.length === 0) add(lang, `record ${kind}`, `${base}(no record page found)/`);
      for (const r of picks) add(lang, `record ${kind} ${r}`, `${base}${r}/`);
    }
    for (const index of ['areas', 'organisations', 'schools']) {
      const base = `${P}${L[index]}/`;
      // The areas overview is a page type of its own; organisations and
      // schools overviews are visited when the build writes them.
      if (index === 'areas' || isPage(dir, base)) add(lang, `${index} index`, base);
      const keys = subdirs(dir, base);
      add(lang, `${index} page`, `${base}${keys[0] ?? '(none found)'}/`);
    }
    add(lang, 'accessibility statement', `${P}${STATEMENT}/`);
    for (const free of ['kontakt', 'om']) if (isPage(dir, `${P}${free}/`)) add(lang, `page ${free}`, `${P}${free}/`);
    add(lang, '404', `${P}${L.missing}`, 404);
  }
  return out;
}

/** fileName makes a screenshot file name from a page's name. */
export function fileName(page, width) {
  return `${page.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()}-${width}.png`;
}
