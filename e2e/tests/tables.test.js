// Tables in a text, with a keyboard and a screen reader (WCAG 2.2 AA). The
// build writes every table inside a wrapper that scrolls, a region that is
// a tab stop (tabindex="0"), so that a keyboard can scroll a table wider
// than the phone without a script (2.1.1), while the table itself stays a
// table with its rows (a table that scrolls itself, display: block, is
// none to Safari with VoiceOver); with the script (site.js), a wrapper
// whose table fits is no tab stop, and one that comes to scroll when the
// window narrows is one again. Every wrapper is a region with a name a
// screen reader says when it takes focus (4.1.2): the heading before the
// table, or "Tabell"/"Table" where there is none. The sample site's
// tables fit 320 px, so a page of a variant of it holds a narrow one and
// a wide one, in both languages.

import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { describeProblems, newPage, useBrowser } from '../lib/browser.js';
import { missing, suite } from '../lib/env.js';
import { serveBuilt } from '../lib/harness.js';
import { buildVariant } from '../lib/variant.js';

const skip = missing('chromium', 'nginx', 'go');

/** page is a free page: a narrow table without a heading before it, then under heading a wide one. */
const page = (title, intro, heading) => `+++
title = "${title}"
date = 2026-11-27
+++

${intro}

| A | B |
|---|---|
| 1 | 2 |

## ${heading}

| 2023 | 2024 | 2025 | 2026 |
|---|---|---|---|
| 1234 | 2345 | 3456 | 4567 |
`;

const FILES = {
  'content/pages/tabeller.md': page('Tabeller', 'Två tabeller.', 'Mätvärden per år'),
  'content/pages/tabeller.en.md': page('Tables', 'Two tables.', 'Readings per year'),
};

const LANGS = [
  { path: '/tabeller/', label: 'Tabell', heading: 'Mätvärden per år' },
  { path: '/en/tabeller/', label: 'Table', heading: 'Readings per year' },
];

/** stops returns the tabindex of the wrappers of the text's narrow and wide table. */
function stops(page) {
  return page.evaluate(() => [...document.querySelectorAll('.prose .table-scroll')].map((t) => t.getAttribute('tabindex')));
}

/**
 * names asserts that the narrow table's wrapper is a region named label
 * and the wide one's heading, as screen readers get them, and that each
 * holds a table with its two rows (a table that is display: block is no
 * table to Safari with VoiceOver, nor has rows).
 */
async function names(page, { label, heading }) {
  for (const name of [label, heading]) {
    const region = page.getByRole('region', { name, exact: true });
    assert.equal(await region.count(), 1, `one region named "${name}"`);
    const table = region.getByRole('table');
    assert.equal(await table.count(), 1, `a table in the region "${name}"`);
    assert.equal(await table.getByRole('row').count(), 2, `two rows in the table of "${name}"`);
    assert.equal(await table.evaluate((t) => getComputedStyle(t).display), 'table', `the table of "${name}" is displayed as one`);
  }
}

suite('tables in a text: tab stops and names', skip, () => {
  let srv;
  before(async () => {
    srv = await serveBuilt(await buildVariant({ files: FILES }));
  });
  const browserOf = useBrowser(() => srv?.stop());

  /** open opens path at width, with or without JavaScript, and returns { context, page, problems }. */
  async function open(path, width, javaScriptEnabled = true) {
    const { context, page, problems } = await newPage(browserOf(), srv.origin, { viewport: { width, height: 800 }, javaScriptEnabled });
    await page.goto(`${srv.base}${path}`, { waitUntil: 'load' });
    return { context, page, problems };
  }

  for (const lang of LANGS) {
    test(`${lang.path} at 320 px: the wide table's wrapper is a tab stop, the narrow one's is not; both named`, async () => {
      const { context, page, problems } = await open(lang.path, 320);
      try {
        await page.waitForFunction(() => !document.querySelector('.prose .table-scroll').hasAttribute('tabindex'));
        assert.deepEqual(await stops(page), [null, '0']);
        await names(page, lang);
        // Tab from the top of the text reaches the wide table's wrapper
        // first, which the arrow keys then scroll, and draws its focus
        // outline; the page itself is no wider than the window.
        await page.locator('.prose').evaluate((el) => {
          el.tabIndex = -1;
          el.focus();
          el.removeAttribute('tabindex');
        });
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const t = document.activeElement;
          const style = getComputedStyle(t);
          return { wide: t === document.querySelectorAll('.prose .table-scroll')[1], outline: `${style.outlineStyle} ${style.outlineWidth}` };
        });
        assert.deepEqual(focused, { wide: true, outline: 'solid 3px' });
        await page.keyboard.press('ArrowRight');
        await page.waitForFunction(() => document.activeElement.scrollLeft > 0);
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320, 'the page scrolls not sideways');
        assert.deepEqual(describeProblems(problems), []);
      } finally {
        await context.close();
      }
    });
  }

  test('at 1280 px both fit, and are no tab stops, until the window narrows', async () => {
    const { context, page, problems } = await open('/tabeller/', 1280);
    try {
      await page.waitForFunction(() => [...document.querySelectorAll('.prose .table-scroll')].every((t) => !t.hasAttribute('tabindex')));
      await names(page, LANGS[0]);
      await page.setViewportSize({ width: 320, height: 800 });
      await page.waitForFunction(() => document.querySelectorAll('.prose .table-scroll')[1].getAttribute('tabindex') === '0');
      assert.deepEqual(await stops(page), [null, '0']);
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.waitForFunction(() => !document.querySelectorAll('.prose .table-scroll')[1].hasAttribute('tabindex'));
      assert.deepEqual(describeProblems(problems), []);
    } finally {
      await context.close();
    }
  });

  test('without JavaScript every table\'s wrapper is a tab stop (the build\'s), named', async () => {
    const { context, page } = await open('/en/tabeller/', 1280, false);
    try {
      assert.deepEqual(await stops(page), ['0', '0']);
      await names(page, LANGS[1]);
    } finally {
      await context.close();
    }
  });
});
