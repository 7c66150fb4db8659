// A synthetic site of many records (mkcorpus.py from the shared bench
// folder) built with the fixed NOW, for the search tests and benchmarks
// at 10,000 and 100,000 records.

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { NOW, REPO, tools } from './env.js';

const run = promisify(execFile);

/** mkcorpus is the path of mkcorpus.py, or null when it is not there. */
export function mkcorpus() {
  const candidates = [
    process.env.E2E_MKCORPUS,
    path.resolve(REPO, '../shared/bench/mkcorpus.py'),
    path.resolve(REPO, '../../shared/bench/mkcorpus.py'),
  ].filter(Boolean);
  return candidates.find((p) => existsSync(p)) ?? null;
}

/**
 * buildCorpus writes n records in Swedish and English with the project's
 * config.toml and templates into a temporary site, builds it and returns
 * { tmp, out, seconds }. out is the built site.
 */
export async function buildCorpus(n) {
  const script = mkcorpus();
  if (!script) throw new Error('mkcorpus.py not found (set E2E_MKCORPUS)');
  const tmp = mkdtempSync(path.join(os.tmpdir(), `portal-corpus-${n}-`));
  // E2E_CORPUS_CACHE keeps the generated site root between runs (CI may
  // cache the folder): <cache>/<n>-<key>/, its records made once
  // (mkcorpus.py is deterministic, so they are the ones it would write
  // again; the key is a hash of mkcorpus.py and config.toml, whose
  // vocabularies the records use), the project's config.toml and
  // templates copied in every time.
  const key = createHash('sha256').update(readFileSync(script)).update(readFileSync(path.join(REPO, 'config.toml'))).digest('hex').slice(0, 12);
  const cache = process.env.E2E_CORPUS_CACHE ? path.resolve(process.env.E2E_CORPUS_CACHE, `${n}-${key}`) : null;
  const root = cache ?? path.join(tmp, 'site');
  mkdirSync(root, { recursive: true });
  cpSync(path.join(REPO, 'config.toml'), path.join(root, 'config.toml'));
  rmSync(path.join(root, 'templates'), { recursive: true, force: true });
  cpSync(path.join(REPO, 'templates'), path.join(root, 'templates'), { recursive: true });
  const done = path.join(root, 'content.done');
  if (!existsSync(done)) {
    rmSync(path.join(root, 'content'), { recursive: true, force: true });
    await run('python3', [script, path.join(root, 'content'), String(n), '--config', path.join(REPO, 'config.toml'), '--langs', 'sv,en'], {
      timeout: 30 * 60_000,
    });
    if (cache) writeFileSync(done, '');
  }
  const go = tools.go() ?? 'go';
  const bin = path.join(tmp, 'portal');
  await run(go, ['build', '-o', bin, './generator'], { cwd: REPO, timeout: 5 * 60_000 });
  const out = path.join(tmp, 'public');
  const start = Date.now();
  await run(bin, ['build', '-root', root, '-out', out, '-now', NOW], { timeout: 20 * 60_000, maxBuffer: 64 << 20 });
  return { tmp, out, seconds: (Date.now() - start) / 1000 };
}
