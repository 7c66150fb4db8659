// Valid HTML: every HTML file of the built site through the Nu HTML Checker
// (vnu.jar from the vnu-jar package, run with the system's java), once, with
// zero errors allowed. Every page type is among them, in both languages.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, test } from 'node:test';

import { E2E_DIR, missing, suite, tools } from '../lib/env.js';
import { walk } from '../lib/site.js';

const skip = missing('java', 'go');
// The checker reads files, so a build without nginx is enough; under run.js
// the runner's build (E2E_SITE_DIR) is checked.
const site = skip ? null : process.env.E2E_SITE_DIR ? { dir: process.env.E2E_SITE_DIR, stop: async () => {} } : await buildOnly();

async function buildOnly() {
  const { buildSite } = await import('../lib/site.js');
  const { rmSync } = await import('node:fs');
  const dir = await buildSite();
  return { dir, stop: async () => rmSync(dir, { recursive: true, force: true }) };
}

const require = createRequire(path.join(E2E_DIR, 'package.json'));

function vnu(files) {
  const jar = require.resolve('vnu-jar/build/dist/vnu.jar');
  return new Promise((resolve, reject) => {
    execFile(
      tools.java(),
      ['-Xss8m', '-jar', jar, '--errors-only', '--format', 'json', ...files],
      { timeout: 5 * 60_000, maxBuffer: 256 << 20 },
      (err, stdout, stderr) => {
        // vnu exits 1 when it found errors; its JSON report is on stderr.
        let report;
        try {
          report = JSON.parse(stderr || stdout || '{"messages":[]}');
        } catch {
          return reject(new Error(`vnu.jar did not print JSON (${err?.message ?? 'exit 0'}):\n${stderr}${stdout}`));
        }
        resolve(report);
      },
    );
  });
}

suite('valid HTML (Nu HTML Checker)', skip, () => {
  after(async () => {
    await site?.stop();
  });

  test('every HTML file has zero errors', { timeout: 6 * 60_000 }, async (t) => {
    const files = walk(site.dir).filter((f) => f.endsWith('.html'));
    assert.ok(files.length > 0, 'the build wrote HTML files');
    const report = await vnu(files.map((f) => path.join(site.dir, f)));
    const errors = report.messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
    const byFile = new Map();
    for (const m of errors) {
      const f = path.relative(site.dir, decodeURIComponent((m.url ?? '').replace(/^file:/, '')));
      if (!byFile.has(f)) byFile.set(f, []);
      byFile.get(f).push(`    ${f}:${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}: ${m.message}${m.extract ? `\n      ${m.extract.replace(/\s+/g, ' ').trim()}` : ''}`);
    }
    // One line per distinct message first, so a template bug that repeats
    // on every page reads as one problem.
    const distinct = new Map();
    for (const m of errors) distinct.set(m.message, (distinct.get(m.message) ?? 0) + 1);
    const summary = [...distinct].map(([msg, n]) => `  ${n}× ${msg}`).join('\n');
    const detail = [...byFile.values()].flat().slice(0, 60).join('\n');
    t.diagnostic(`vnu checked ${files.length} HTML files: ${errors.length} error(s)`);
    assert.equal(errors.length, 0, `${errors.length} HTML error(s) in ${byFile.size} of ${files.length} files:\n${summary}\n  first ones:\n${detail}`);
  });
});
