// A variant of the sample site: the project's config.toml, content/ and
// templates/ copied into a temporary root, changed by the test (records
// added, config.toml edited), and built with the fixed NOW. For content the
// sample site does not have: very long words, names and addresses.

import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { NOW, REPO, tools } from './env.js';

const run = promisify(execFile);

/**
 * buildVariant copies the project into a temporary root, passes
 * config.toml's text through config, writes files (root-relative path →
 * text), builds the site and returns { tmp, out }: the temporary folder
 * (remove it when done) and the built site in it.
 */
export async function buildVariant({ config = (text) => text, files = {} } = {}) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'portal-variant-'));
  const root = path.join(tmp, 'site');
  for (const name of ['content', 'templates']) cpSync(path.join(REPO, name), path.join(root, name), { recursive: true });
  writeFileSync(path.join(root, 'config.toml'), config(readFileSync(path.join(REPO, 'config.toml'), 'utf8')));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  const out = path.join(tmp, 'public');
  const go = tools.go() ?? 'go';
  try {
    await run(go, ['run', './generator', 'build', '-root', root, '-out', out, '-now', NOW], { cwd: REPO, timeout: 5 * 60_000, maxBuffer: 64 << 20 });
  } catch (err) {
    throw new Error(`variant build failed:\n${err.stderr || err.message}`);
  }
  return { tmp, out };
}
