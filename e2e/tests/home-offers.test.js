// The home page read on a phone days after the build: it shows three
// offers, then the links to the whole lists, and an offer whose deadline
// has passed since is hidden (site.js). The next offer takes its place:
// the phone's three are the first three still open, not the first three
// of the build, which left nothing to show once their deadlines passed
// though later offers in the page were open. With every offer of the
// page gone, the build's text says so and points to the lists.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { describeProblems, newPage, PHONE, useBrowser } from '../lib/browser.js';
import { suite } from '../lib/env.js';
import { siteUnderTest } from '../lib/harness.js';

const { skip, site } = await siteUnderTest('chromium', 'nginx', 'go');

// homeOffers are the offers of the home page's first list as built:
// [{ href, deadline }] (deadline in ms), in the page's order.
function homeOffers(prefix) {
  const html = readFileSync(path.join(site.dir, prefix, 'index.html'), 'utf8');
  const list = /<section class="home-section" aria-labelledby="home-offers">([\s\S]*?)<\/section>/.exec(html)[1];
  const re = /<li class="item item-(?:theses|internships)"(?: lang="[^"]+")? data-deadline="([^"]+)"[^>]*>\s*<h3 class="item-title"><a href="([^"]+)"/g;
  return [...list.matchAll(re)].map((m) => ({ deadline: Date.parse(m[1]), href: m[2] }));
}

suite('the home page after deadlines, on a phone', skip, () => {
  const browserOf = useBrowser(() => site?.stop());

  for (const [lang, prefix, gone] of [
    ['sv', '/', 'Sista ansökningsdagen har passerat för de erbjudanden som stod här. Alla som går att söka finns i listorna över exjobb och praktik.'],
    ['en', '/en/', 'The deadlines of the offers listed here have passed. All offers open for applications are in the lists of degree projects and internships.'],
  ]) {
    test(`${lang}: the first three offers still open are shown, then the text of none left`, async () => {
      const offers = homeOffers(prefix);
      assert.ok(offers.length >= 4, `${prefix}: ${offers.length} offers on the home page, want 4 or more`);
      const deadlines = [...new Set(offers.map((o) => o.deadline))].sort((a, b) => a - b);
      // A minute after the third soonest deadline, and after the last.
      for (const clock of [deadlines[Math.min(2, deadlines.length - 2)] + 60_000, deadlines.at(-1) + 60_000]) {
        const open = offers.filter((o) => o.deadline > clock).map((o) => o.href);
        const { context, page, problems } = await newPage(browserOf(), site.origin, { ...PHONE, clock });
        try {
          assert.equal((await page.goto(site.base + prefix, { waitUntil: 'load' })).status(), 200, prefix);
          const shown = await page.$$eval('#home-offers ~ .items > li', (lis) => lis
            .filter((li) => li.getClientRects().length > 0)
            .map((li) => li.querySelector('a').getAttribute('href')));
          const when = `${prefix} at ${new Date(clock).toISOString()}`;
          assert.deepEqual(shown, open.slice(0, 3), `${when}: the offers shown`);
          const text = await page.$eval('#home-offers ~ [data-when-empty]', (p) => (p.getClientRects().length > 0 ? p.textContent : null));
          assert.equal(text, open.length === 0 ? gone : null, `${when}: the text of no offer left`);
          assert.deepEqual(describeProblems(problems), []);
        } finally {
          await context.close();
        }
      }
    });
  }
});
