// The filters of a list on a phone held upright: one to a row, each as
// wide as the search field, so that the value chosen is read whole. In
// two columns of 150 px seven of the nine areas were cut short ("Vatten
// och mi", "Hållbar stadsu"), and eleven of the thirteen hosts, once
// chosen: a student could not read which area or host the list showed.
// A name longer than the field (a KTH school: "School of Engineering
// Sciences in Chemistry, Biotechnology and Health", "Skolan för
// industriell teknik och management"; a long host) wraps inside the
// field, which grows to hold it, rather than being cut at its edge
// ("School of Engineering Sciences in C").

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { describeProblems, newPage, PHONE, useBrowser } from '../lib/browser.js';
import { suite } from '../lib/env.js';
import { measureFilters } from '../lib/filters.js';
import { siteUnderTest } from '../lib/harness.js';

const { skip, site, secs } = await siteUnderTest('chromium', 'nginx', 'go');

suite('the filters on a phone', skip, () => {
  const browserOf = useBrowser(() => site?.stop());

  for (const lang of ['sv', 'en']) {
    test(`${lang}: each filter of the thesis list is as wide as the search field, and every name in it reads whole`, async () => {
      const list = `${lang === 'sv' ? '' : '/en'}/${secs.theses[lang]}/`;
      const { context, page, problems } = await newPage(browserOf(), site.origin, PHONE);
      try {
        assert.equal((await page.goto(site.base + list, { waitUntil: 'load' })).status(), 200, list);
        await page.click('.search-facets-toggle');
        const selects = await measureFilters(page);
        for (const name of ['area', 'host', 'school']) {
          assert.ok(selects.some((s) => s.name === name), `${list}: no filter "${name}"`);
        }
        for (const s of selects) {
          assert.equal(s.width, s.field, `${list}: the width of the filter "${s.name}", the search field's`);
          assert.deepEqual(s.cut, [], `${list}: the names cut short in the filter "${s.name}"`);
        }
        assert.deepEqual(describeProblems(problems), []);
      } finally {
        await context.close();
      }
    });
  }
});
