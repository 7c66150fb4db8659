// The filters of every list and area page at 1280 px, in both languages:
// every name in a filter, once chosen, reads whole in its select (wrapped
// between words where it is long), and the button "clear the search" keeps
// its label on one line. In the grid of columns 9rem wide, a chosen school
// or host was cut at the select's edge ("School of Engineering Sciences in
// C", "Environment and He") and "Rensa sökningen" wrapped onto two lines.
// The fields line up in columns from one row to the next, at 1280 px and
// in a narrower window (800 px): in rows that wrapped, each field took its
// share of its own row, and no two rows had the same edges.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { describeProblems, newPage, useBrowser } from '../lib/browser.js';
import { suite } from '../lib/env.js';
import { columnFaults, measureFilters } from '../lib/filters.js';
import { siteUnderTest } from '../lib/harness.js';
import { walk } from '../lib/site.js';

const { skip, site } = await siteUnderTest('chromium', 'nginx', 'go');

/**
 * searchable returns the URL of every page of the build with the search
 * form (the lists and area pages), leaving out a list's later pages (the
 * same form as its first).
 */
function searchable(dir) {
  return walk(dir)
    .filter((f) => f.endsWith('/index.html') || f === 'index.html')
    .filter((f) => !/\/(sida|page)\/\d+\//.test(f))
    .filter((f) => readFileSync(path.join(dir, f), 'utf8').includes('<form class="search-form'))
    .map((f) => `/${f.slice(0, -'index.html'.length)}`);
}

suite('the filters at 1280 px', skip, () => {
  const browserOf = useBrowser(() => site?.stop());

  test('on every list and area page every name chosen reads whole, "clear" is one line, and the fields line up in columns', async () => {
    const pages = searchable(site.dir);
    for (const want of ['/exjobb/', '/en/theses/', '/omraden/digitalisering/']) {
      assert.ok(pages.includes(want), `no search form on ${want} (pages with one: ${pages.join(', ')})`);
    }
    const { context, page, problems } = await newPage(browserOf(), site.origin);
    try {
      const names = new Set();
      const faults = [];
      for (const url of pages) {
        assert.equal((await page.goto(site.base + url, { waitUntil: 'load' })).status(), 200, url);
        for (const s of await measureFilters(page)) {
          names.add(s.name);
          if (s.cut.length > 0) faults.push(`${url}: cut short in the filter "${s.name}": ${s.cut.join(' | ')}`);
        }
        const clear = await page.$eval('.search-clear', (b) => {
          const range = document.createRange();
          range.selectNodeContents(b);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          return { text: b.textContent.trim(), lines: tops.size };
        });
        if (clear.lines !== 1) faults.push(`${url}: the button "${clear.text}" on ${clear.lines} lines`);
        for (const width of [1280, 800]) {
          await page.setViewportSize({ width, height: 900 });
          for (const f of await columnFaults(page)) faults.push(`${url} at ${width} px: ${f}`);
        }
        await page.setViewportSize({ width: 1280, height: 900 });
      }
      assert.deepEqual(faults, []);
      assert.deepEqual([...names].sort(), ['area', 'host', 'kind', 'language', 'level', 'school']);
      assert.deepEqual(describeProblems(problems), []);
    } finally {
      await context.close();
    }
  });
});
