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
        const selects = await page.$$eval('.search-facets select', (all) => {
          const field = document.querySelector('#search-q').getBoundingClientRect().width;
          return all.map((s) => {
            const st = getComputedStyle(s);
            // The room for the text: the box less its padding and, when
            // the browser draws the select, the arrow at its end.
            const arrow = st.appearance === 'none' ? 0 : 16;
            const room = s.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight) - arrow;
            // The text of each option chosen, laid out in that room as
            // the select lays it out (wrapped or on one line): cut when
            // it is wider or taller than the select shows.
            const probe = document.createElement('div');
            for (const p of ['font', 'letterSpacing', 'wordSpacing', 'whiteSpace', 'overflowWrap', 'lineHeight']) {
              probe.style[p] = st[p];
            }
            probe.style.position = 'absolute';
            probe.style.width = `${room}px`;
            document.body.append(probe);
            const chosen = s.value;
            const cut = [];
            for (const o of s.options) {
              s.value = o.value;
              probe.textContent = o.text;
              const inner = s.clientHeight - parseFloat(st.paddingTop) - parseFloat(st.paddingBottom);
              if (probe.scrollWidth > room + 1 || probe.getBoundingClientRect().height > inner + 1) {
                cut.push(o.text);
              }
            }
            s.value = chosen;
            probe.remove();
            return { name: s.name, width: Math.round(s.getBoundingClientRect().width), field: Math.round(field), cut };
          });
        });
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
