// splitWords (lib/layout.js), which pages.test.js runs on every page, on
// headings made for it: a word hyphenated by the browser is not a broken
// word. Headings have `hyphens: auto`; Debian's Chromium has no Swedish
// hyphenation rules and never hyphenates them, but a browser that does
// draws "Regnvatten-" / "hantering", and the check counted that as a word
// broken across two lines. A soft hyphen is hyphenated by every browser,
// so it stands in for the rules here. A word broken by `overflow-wrap`
// where no hyphen is drawn is still reported, also when it has a soft
// hyphen but breaks elsewhere too.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { useBrowser } from '../lib/browser.js';
import { missing, suite } from '../lib/env.js';
import { splitWords } from '../lib/layout.js';

const skip = missing('chromium');

// Every letter as wide as "0" (monospace), so that 11ch holds 11 letters.
const STYLE = 'font: 20px/1.4 monospace; width: 11ch; margin: 0; overflow-wrap: anywhere';

const cases = [
  {
    name: 'hyphenated at its soft hyphen',
    html: 'Regnvatten&shy;hantering',
    want: [],
  },
  {
    name: 'broken where no hyphen is drawn',
    html: 'Regnvattenhantering',
    want: ['h2: "Regnvattenhantering" is broken across 2 lines in "Regnvattenhantering"'],
  },
  {
    name: 'hyphenated at its soft hyphen and broken after it',
    html: 'Regnvatten&shy;hanteringsplanerna',
    want: ['h2: "Regnvattenhanteringsplanerna" is broken across 3 lines in "Regnvattenhanteringsplanerna"'],
  },
  {
    name: 'whole, each word on a line of its own',
    html: 'Regnvatten hantering',
    want: [],
  },
];

suite('words broken inside, or hyphenated', skip, () => {
  const browserOf = useBrowser();

  for (const c of cases) {
    test(`a heading's word ${c.name}`, async () => {
      const page = await browserOf().newPage();
      try {
        await page.setContent(`<!doctype html><html lang="sv"><body><h2 style="${STYLE}">${c.html}</h2></body></html>`);
        assert.deepEqual(await splitWords(page), c.want);
      } finally {
        await page.close();
      }
    });
  }
});
