// A list of several kinds says each item's kind, in the page's language,
// on a phone (375 px), with and without JavaScript: the home page's
// offers (degree projects and internships side by side) say
// "Examensarbete" or "Praktikplats" after the title, read with the item;
// the search results of an area page, which may be of any kind, say it
// as the build writes it (search-page.js, the index's kinds); the kind
// groups of the area page and the results of a kind's list, all of one
// kind, do not.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { axe, describeProblems, formatViolations, newPage, PHONE, useBrowser } from '../lib/browser.js';
import { suite } from '../lib/env.js';
import { siteUnderTest } from '../lib/harness.js';
import { walk } from '../lib/site.js';

const { skip, site, secs } = await siteUnderTest('chromium', 'nginx', 'go');

const NAMES = {
  sv: { theses: 'Examensarbete', internships: 'Praktikplats' },
  en: { theses: 'Degree project', internships: 'Internship' },
};

// mixedArea is the first Swedish area page of the build whose kind
// groups hold both degree projects and internships.
function mixedArea() {
  for (const f of walk(site.dir).filter((p) => /^omraden\/[^/]+\/index\.html$/.test(p))) {
    const html = readFileSync(path.join(site.dir, f), 'utf8');
    if (html.includes('id="kind-theses"') && html.includes('id="kind-internships"')) return `/${f.replace(/index\.html$/, '')}`;
  }
  return null;
}

suite('the kind of an item in a list of several kinds', skip, () => {
  const browserOf = useBrowser(() => site?.stop());

  async function open(url, js = true) {
    const { context, page, problems } = await newPage(browserOf(), site.origin, { ...PHONE, javaScriptEnabled: js });
    assert.equal((await page.goto(site.base + url, { waitUntil: 'load' })).status(), 200, url);
    return { context, page, problems };
  }

  // kindsOf are the items of the list sel: their kind, the text of the
  // label after their title (null without one), and whether the label is
  // in view within the page's width when the item is shown (a phone
  // shows three of the home page's offers).
  const kindsOf = (page, sel) => page.$$eval(`${sel} > li`, (lis) => lis.map((li) => {
    const p = li.querySelector(':scope > .item-title + .item-kind');
    const r = p?.getBoundingClientRect();
    return {
      kind: /\bitem-([a-z]+)/.exec(li.className)[1],
      label: p ? p.textContent : null,
      fits: !r || li.getClientRects().length === 0 || (r.width > 0 && r.left >= 0 && r.right <= document.documentElement.clientWidth),
    };
  }));

  // kindsIn are the home page's offers as the browser got them, read
  // without running script in the page (scripts off): their kind and the
  // label after their title.
  function kindsIn(html) {
    const list = /<section class="home-section" aria-labelledby="home-offers">([\s\S]*?)<\/section>/.exec(html)[1];
    const re = /<li class="item item-([a-z]+)[^>]*>\s*<h3 class="item-title">.*?<\/h3>\s*(?:<p class="item-kind"[^>]*>([^<]*)<\/p>)?/g;
    return [...list.matchAll(re)].map((m) => ({ kind: m[1], label: m[2] ?? null, fits: true }));
  }

  for (const [lang, prefix] of [['sv', '/'], ['en', '/en/']]) {
    for (const js of [true, false]) {
      test(`${lang}, ${js ? 'with' : 'without'} JavaScript: the home page's offers say their kind`, async () => {
        const { context, page, problems } = await open(prefix, js);
        try {
          const items = js ? await kindsOf(page, '#home-offers ~ .items') : kindsIn(await page.content());
          assert.ok(items.some((i) => i.kind === 'theses') && items.some((i) => i.kind === 'internships'), `${prefix}: degree projects and internships among the offers`);
          for (const i of items) {
            assert.equal(i.label, NAMES[lang][i.kind], `${prefix}: an item of ${i.kind}`);
            assert.ok(i.fits, `${prefix}: the label of an item of ${i.kind} is in view`);
          }
          if (js) {
            assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), true, `${prefix}: no sideways scrolling`);
            const violations = await axe(page);
            assert.equal(violations.length, 0, formatViolations(violations));
          }
        } finally {
          await context.close();
        }
        assert.deepEqual(describeProblems(problems), []);
      });
    }
  }

  test('an area page\'s search results say their kind, its groups and a kind list\'s results do not', async () => {
    const area = mixedArea();
    assert.ok(area, 'an area page of the sample site lists degree projects and internships');
    {
      const { context, page, problems } = await open(area);
      try {
        const grouped = await kindsOf(page, 'section.group ul.items');
        assert.ok(grouped.length > 0, `${area}: items in groups`);
        assert.deepEqual(grouped.filter((i) => i.label !== null), [], `${area}: no kind in the groups`);
      } finally {
        await context.close();
      }
      assert.deepEqual(describeProblems(problems), []);
    }
    const built = readFileSync(path.join(site.dir, 'index.html'), 'utf8');
    for (const kind of ['theses', 'internships']) {
      const { context, page, problems } = await open(`${area}?kind=${kind}`);
      try {
        await page.waitForSelector('.search-results:not([hidden]) > li');
        const items = await kindsOf(page, '.search-results');
        assert.ok(items.length > 0);
        for (const i of items) {
          assert.equal(i.label, NAMES.sv[kind], `${area}?kind=${kind}`);
          assert.ok(i.fits, `${area}?kind=${kind}: the label is in view`);
        }
        // The markup the build writes on the home page's offers.
        const drawn = await page.$eval('.search-results > li:not([lang]) > .item-kind', (p) => p.outerHTML);
        assert.ok(built.includes(`</h3>\n${drawn}\n`), `${drawn} as on the home page`);
        const violations = await axe(page);
        assert.equal(violations.length, 0, formatViolations(violations));
      } finally {
        await context.close();
      }
      assert.deepEqual(describeProblems(problems), []);
    }
    {
      const list = `/${secs.theses.sv}/`;
      const { context, page, problems } = await open(`${list}?level=master`);
      try {
        await page.waitForSelector('.search-results:not([hidden]) > li');
        const items = await kindsOf(page, '.search-results');
        assert.ok(items.length > 0, `${list}?level=master: results`);
        assert.deepEqual(items.filter((i) => i.label !== null), [], `${list}: no kind in the results of one kind`);
      } finally {
        await context.close();
      }
      assert.deepEqual(describeProblems(problems), []);
    }
  });
});
