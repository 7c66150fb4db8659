// What the end-to-end tests need from the machine, and what to do when it is
// missing: locally a test skips with a message that says how to get the tool;
// in CI (CI=true) a missing tool is a failure, never a silent skip.

import { accessSync, constants, existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO = path.resolve(E2E_DIR, '..');
export const SCREENSHOTS = path.join(REPO, 'screenshots');

/** The build's fixed notion of now, so open/closed and upcoming/past are stable. */
export const NOW = '2026-11-27';

export const CI = /^(1|true|yes)$/i.test(process.env.CI ?? '');

/** Debian's chromium package; no browser is ever downloaded. */
export const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';

function onPath(name, extra = []) {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).concat(extra);
  for (const dir of dirs) {
    if (!dir) continue;
    const p = path.join(dir, name);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return null;
}

export const tools = {
  chromium: () => (existsSync(CHROMIUM) ? CHROMIUM : null),
  nginx: () => onPath('nginx', ['/usr/sbin', '/usr/local/sbin']),
  java: () => onPath('java'),
  go: () => onPath('go', ['/usr/local/go/bin']),
};

const install = {
  chromium: `Debian's browser at ${CHROMIUM} (apt-get install chromium)`,
  nginx: 'nginx (apt-get install nginx)',
  java: 'java for the Nu HTML Checker (apt-get install default-jre-headless)',
  go: 'the Go toolchain to build the site',
};

/**
 * missing(...names) returns a message naming the tools that are not
 * installed, or null when all are there.
 */
export function missing(...names) {
  const gone = names.filter((n) => !tools[n]());
  if (gone.length === 0) return null;
  return `missing ${gone.map((n) => install[n]).join(', ')}; run .ci/run (or install them) to run these tests`;
}

/**
 * suite declares a group of tests that needs the tools named in `why`
 * (the result of missing()): with everything there it is describe(name, fn);
 * otherwise one test stands in for the group, skipped with the reason
 * locally and failing with it in CI.
 */
export function suite(name, why, fn) {
  if (!why) return describe(name, fn);
  if (CI) {
    return test(name, () => {
      throw new Error(`CI=true and ${why}: in CI a missing tool is a failure, not a skip`);
    });
  }
  process.stderr.write(`e2e: skipping "${name}": ${why}\n`);
  return test(name, { skip: `skipped locally: ${why}` }, () => {});
}
