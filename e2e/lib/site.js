// Builds the site into a temporary folder with the fixed NOW, once per run.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { NOW, REPO, tools } from './env.js';

const run = promisify(execFile);

/** buildSite writes the site into a new temporary folder and returns it. */
export async function buildSite() {
  const out = mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-site-'));
  const go = tools.go() ?? 'go';
  try {
    await run(go, ['run', './generator', 'build', '-now', NOW, '-out', out], {
      cwd: REPO,
      timeout: 5 * 60_000,
      maxBuffer: 64 << 20,
    });
  } catch (err) {
    throw new Error(`site build failed (go run ./generator build -now ${NOW} -out ${out}):\n${err.stderr || err.message}`);
  }
  return out;
}

/** walk lists every file under dir as a slash path relative to it, sorted. */
export function walk(dir, rel = '') {
  const out = [];
  for (const name of readdirSync(path.join(dir, rel)).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(path.join(dir, r)).isDirectory()) out.push(...walk(dir, r));
    else out.push(r);
  }
  return out;
}

/**
 * sections reads [sections.<kind>] sv/en from config.toml: the URL segment
 * of every kind in each language.
 */
export function sections() {
  const text = readFileSync(path.join(REPO, 'config.toml'), 'utf8');
  const out = {};
  const re = /^\[sections\.([a-z]+)\]\s*\n((?:[ \t]*[a-z]+[ \t]*=.*\n?)+)/gm;
  for (const m of text.matchAll(re)) {
    const segs = {};
    for (const line of m[2].split('\n')) {
      const kv = /^\s*([a-z]+)\s*=\s*"([^"]*)"/.exec(line);
      if (kv) segs[kv[1]] = kv[2];
    }
    out[m[1]] = segs;
  }
  if (Object.keys(out).length === 0) throw new Error('config.toml: no [sections.<kind>] tables found');
  return out;
}
