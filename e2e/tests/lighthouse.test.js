// Lighthouse 12, mobile preset, in Debian's chromium against the site as
// nginx serves it: every page type in both languages (lib/lighthouse.js
// picks them) scores at least 95 in accessibility, best practices and
// SEO, and in Swedish in performance too (the English page of a type
// has the same template, styles and scripts). One chromium for all the audits, one audit at a time
// (the simulated throttling reads the CPU time the page took; a page whose
// only low score is performance is audited again, four times at most, and one
// whose trace Lighthouse reports incomplete up to four times, in a new
// browser). A failure names the categories under 95 and the audits in
// them that did not pass.

import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';

import { missing, suite } from '../lib/env.js';
import { served } from '../lib/harness.js';
import { auditPage, chrome, lighthousePages, MIN_SCORE, readReport } from '../lib/lighthouse.js';

const skip = missing('chromium', 'nginx', 'go');
const site = skip ? null : await served();
const pages = skip ? [] : lighthousePages(site.dir);

suite(`Lighthouse (mobile) at least ${MIN_SCORE} in every category`, skip, () => {
  const browser = chrome();
  after(async () => {
    browser.kill();
    await site?.stop();
  });

  for (const p of pages) {
    test(`${p.name}: ${p.path}`, { timeout: 120_000 }, async () => {
      const note = (text) => process.stderr.write(`lighthouse ${p.name}: ${text}\n`);
      const { scores, failures } = await auditPage(site.base + p.path, browser, p.type, note, p.categories);
      note(Object.entries(scores).map(([k, v]) => `${k} ${v}`).join(', '));
      assert.deepEqual(failures, [], `${p.name} ${p.path}\n  ${failures.join('\n  ')}`);
    });
  }
});

// How a report is read, on made-up reports: no browser needed.
function report(seoCrawlable, tbt) {
  const audits = {
    fcp: { id: 'fcp', title: 'First Contentful Paint', score: 1, displayValue: '0.9 s' },
    tbt: { id: 'tbt', title: 'Total Blocking Time', score: tbt, displayValue: '700 ms' },
    contrast: { id: 'contrast', title: 'Contrast', score: 1 },
    manual: { id: 'manual', title: 'Manual check', score: null, scoreDisplayMode: 'manual' },
    https: { id: 'https', title: 'Uses HTTPS', score: 1 },
    'is-crawlable': { id: 'is-crawlable', title: 'Page is blocked from indexing', score: seoCrawlable },
    'meta-description': { id: 'meta-description', title: 'Meta description', score: 1 },
  };
  const mean = (refs) => refs.reduce((s, r) => s + audits[r.id].score * r.weight, 0) / refs.reduce((s, r) => s + r.weight, 0);
  const cat = (refs) => ({ score: mean(refs), auditRefs: refs });
  return {
    audits,
    categories: {
      performance: cat([{ id: 'fcp', weight: 10 }, { id: 'tbt', weight: 30 }]),
      accessibility: cat([{ id: 'contrast', weight: 7 }, { id: 'manual', weight: 0 }]),
      'best-practices': cat([{ id: 'https', weight: 5 }]),
      seo: cat([{ id: 'is-crawlable', weight: 4.6 }, { id: 'meta-description', weight: 1 }]),
    },
  };
}

describe('reading a Lighthouse report', () => {
  const cases = [
    { name: 'all pass', lhr: report(1, 1), skip: {}, scores: [100, 100, 100, 100], failures: [] },
    {
      name: 'blocking time',
      lhr: report(1, 0.4),
      skip: {},
      scores: [55, 100, 100, 100],
      failures: ['performance 55 < 95: tbt (40, 700 ms): Total Blocking Time'],
    },
    {
      name: 'noindex',
      lhr: report(0, 1),
      skip: {},
      scores: [100, 100, 100, 18],
      failures: ['seo 18 < 95: is-crawlable (0): Page is blocked from indexing'],
    },
    { name: 'noindex left out', lhr: report(0, 1), skip: { 'is-crawlable': 'noindex on purpose' }, scores: [100, 100, 100, 100], failures: [] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const got = readReport(c.lhr, c.skip);
      assert.deepEqual(Object.values(got.scores), c.scores);
      assert.deepEqual(got.failures, c.failures);
    });
  }
});
