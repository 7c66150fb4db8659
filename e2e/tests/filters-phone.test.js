// The filters of a list on a phone held upright: one to a row, each as
// wide as the search field, so that the value chosen is read whole. In
// two columns of 150 px seven of the nine areas were cut short ("Vatten
// och mi", "Hållbar stadsu"), and eleven of the thirteen hosts, once
// chosen: a student could not read which area or host the list showed.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { describeProblems, newPage, PHONE, useBrowser } from '../lib/browser.js';
import { suite } from '../lib/env.js';
import { siteUnderTest } from '../lib/harness.js';

const { skip, site, secs } = await siteUnderTest('chromium', 'nginx', 'go');

suite('the filters on a phone', skip, () => {
  const browserOf = useBrowser(() => site?.stop());

  for (const lang of ['sv', 'en']) {
    test(`${lang}: each filter of the thesis list is as wide as the search field, and every area reads whole`, async () => {
      const list = `${lang === 'sv' ? '' : '/en'}/${secs.theses[lang]}/`;
      const { context, page, problems } = await newPage(browserOf(), site.origin, PHONE);
      try {
        assert.equal((await page.goto(site.base + list, { waitUntil: 'load' })).status(), 200, list);
        await page.click('.search-facets-toggle');
        const selects = await page.$$eval('.search-facets select', (all) => {
          const field = document.querySelector('#search-q').getBoundingClientRect().width;
          const ctx = document.createElement('canvas').getContext('2d');
          return all.map((s) => {
            const st = getComputedStyle(s);
            ctx.font = st.font;
            // The room for the text: the box less its padding and the
            // arrow the browser draws at its end.
            const room = s.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight) - 16;
            const cut = [...s.options].filter((o) => ctx.measureText(o.text).width > room).map((o) => o.text);
            return { name: s.name, width: Math.round(s.getBoundingClientRect().width), field: Math.round(field), cut };
          });
        });
        assert.ok(selects.some((s) => s.name === 'area'), `${list}: no filter by area`);
        for (const s of selects) {
          assert.equal(s.width, s.field, `${list}: the width of the filter "${s.name}", the search field's`);
        }
        assert.deepEqual(selects.find((s) => s.name === 'area').cut, [], `${list}: areas cut short`);
        assert.deepEqual(describeProblems(problems), []);
      } finally {
        await context.close();
      }
    });
  }
});
