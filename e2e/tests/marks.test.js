// The mark an offer gets once its deadline passes after the build agrees
// with its kind's noun, as the next build writes it: on an area's page,
// which lists degree projects and internships side by side, a degree
// project (ett exjobb) is marked "Stängt" and an internship (en
// praktikplats) "Stängd", in its group (site.js, the item's
// data-mark-label before the list's data-closed-label) and in the search
// results (search-page.js, the index's "theses.closed" before "closed");
// in English both are "Closed".

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { describeProblems, newPage, useBrowser } from '../lib/browser.js';
import { suite } from '../lib/env.js';
import { siteUnderTest } from '../lib/harness.js';
import { walk } from '../lib/site.js';

const { skip, site } = await siteUnderTest('chromium', 'nginx', 'go');

// openOffers are the offers of a built page open at the build, by kind:
// [{ kind, href, deadline }], in the page's order.
function openOffers(html) {
  const re = /<li class="item item-(theses|internships)"(?: lang="[^"]+")? data-deadline="([^"]+)"[^>]*>\s*<h3 class="item-title"><a href="([^"]+)"(?: hreflang="[^"]+")?>/g;
  return [...html.matchAll(re)].map((m) => ({ kind: m[1], deadline: m[2], href: m[3] }));
}

// mixedArea is the first area page of the build (Swedish) that lists an
// open degree project and an open internship, with one of each and its
// English page.
function mixedArea() {
  for (const f of walk(site.dir).filter((p) => /^omraden\/[^/]+\/index\.html$/.test(p))) {
    const html = readFileSync(path.join(site.dir, f), 'utf8');
    const offers = openOffers(html);
    const thesis = offers.find((o) => o.kind === 'theses');
    const internship = offers.find((o) => o.kind === 'internships');
    if (thesis && internship) {
      const en = new URL(/<link rel="alternate" hreflang="en" href="([^"]+)"/.exec(html)[1]).pathname;
      const enHTML = readFileSync(path.join(site.dir, en, 'index.html'), 'utf8');
      const enOffers = openOffers(enHTML);
      return { sv: `/${f.replace(/index\.html$/, '')}`, en, thesis, internship, enOffers };
    }
  }
  return null;
}

suite('marks that agree with the kind', skip, () => {
  const browserOf = useBrowser(() => site?.stop());

  async function open(url, clock) {
    const { context, page, problems } = await newPage(browserOf(), site.origin, { clock });
    const res = await page.goto(site.base + url, { waitUntil: 'load' });
    assert.equal(res.status(), 200, url);
    return { context, page, problems };
  }

  const markOf = (page, sel, href) => page.$eval(`${sel} a[href="${href}"]`, (a) => a.closest('li').querySelector('.mark-closed')?.textContent ?? '');

  test('a degree project closed since the build is "Stängt", an internship "Stängd", on one area page and in its search results', async () => {
    const area = mixedArea();
    assert.ok(area, 'an area page of the sample site lists an open degree project and an open internship');
    const { thesis, internship } = area;
    const later = new Date(Math.max(Date.parse(thesis.deadline), Date.parse(internship.deadline)) + 60_000).toISOString();
    // The build marked neither: the scripts do.
    const built = readFileSync(path.join(site.dir, area.sv, 'index.html'), 'utf8');
    assert.match(built, new RegExp(`data-mark-label="Stängt"[^>]*>\\s*<h3 class="item-title"><a href="${thesis.href}"(?: hreflang="[^"]+")?>`));
    {
      const { context, page, problems } = await open(area.sv, later);
      try {
        assert.equal(await markOf(page, 'section.group ul.items', thesis.href), 'Stängt');
        assert.equal(await markOf(page, 'section.group ul.items', internship.href), 'Stängd');
      } finally {
        await context.close();
      }
      assert.deepEqual(describeProblems(problems), []);
    }
    for (const o of [{ ...thesis, want: 'Stängt' }, { ...internship, want: 'Stängd' }]) {
      const { context, page, problems } = await open(`${area.sv}?kind=${o.kind}`, later);
      try {
        await page.waitForSelector(`.search-results:not([hidden]) a[href="${o.href}"]`);
        assert.equal(await markOf(page, '.search-results', o.href), o.want, `${o.kind} in the search results`);
      } finally {
        await context.close();
      }
      assert.deepEqual(describeProblems(problems), []);
    }
    {
      // English: "Closed" for both, in the groups and in the results.
      const en = area.enOffers;
      const latest = new Date(Math.max(...en.map((o) => Date.parse(o.deadline))) + 60_000).toISOString();
      const { context, page, problems } = await open(area.en, latest);
      try {
        for (const o of en) assert.equal(await markOf(page, 'section.group ul.items', o.href), 'Closed', o.href);
      } finally {
        await context.close();
      }
      assert.deepEqual(describeProblems(problems), []);
    }
    {
      const first = area.enOffers.find((o) => o.kind === 'theses');
      const { context, page, problems } = await open(`${area.en}?kind=theses`, new Date(Date.parse(first.deadline) + 60_000).toISOString());
      try {
        await page.waitForSelector(`.search-results:not([hidden]) a[href="${first.href}"]`);
        assert.equal(await markOf(page, '.search-results', first.href), 'Closed');
      } finally {
        await context.close();
      }
      assert.deepEqual(describeProblems(problems), []);
    }
  });
});
