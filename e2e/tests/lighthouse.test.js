// Lighthouse 12, mobile preset, in Debian's chromium against the site as
// nginx serves it: every page type in both languages (lib/lighthouse.js
// picks them) scores at least 95 in performance, accessibility, best
// practices and SEO. One chromium for all the audits, one audit at a time
// (the simulated throttling reads the CPU time the page took; a page whose
// only low score is performance is audited again, twice at most). A
// failure names the categories under 95 and the audits in them that did
// not pass.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { missing, suite } from '../lib/env.js';
import { served } from '../lib/harness.js';
import { auditPage, lighthousePages, MIN_SCORE, startChrome } from '../lib/lighthouse.js';

const skip = missing('chromium', 'nginx', 'go');
const site = skip ? null : await served();
const pages = skip ? [] : lighthousePages(site.dir);

suite(`Lighthouse (mobile) at least ${MIN_SCORE} in every category`, skip, () => {
  let chrome;
  before(async () => {
    chrome = await startChrome();
  });
  after(async () => {
    chrome?.kill();
    await site?.stop();
  });

  for (const p of pages) {
    test(`${p.name}: ${p.path}`, { timeout: 120_000 }, async () => {
      const note = (text) => process.stderr.write(`lighthouse ${p.name}: ${text}\n`);
      const { scores, failures } = await auditPage(site.base + p.path, chrome.port, p.type, note);
      note(Object.entries(scores).map(([k, v]) => `${k} ${v}`).join(', '));
      assert.deepEqual(failures, [], `${p.name} ${p.path}\n  ${failures.join('\n  ')}`);
    });
  }
});
