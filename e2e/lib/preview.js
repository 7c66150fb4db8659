// Runs `generator serve` (the live preview) on a copy of the repository's
// site (config.toml, content/, templates/), so that a test may edit the
// sources. The generator is built once into the temporary folder; serve
// runs as a child of this process and is stopped by its pid.

import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { NOW, REPO, tools } from './env.js';
import { freePort, sleep, stopProcess } from './nginx.js';

/**
 * startPreview returns { base, root, out, stop, log }: root is the copied
 * site root the test may edit, out the folder serve writes (for
 * samplePages), base "http://127.0.0.1:<port>".
 */
export async function startPreview() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-serve-'));
  const root = path.join(dir, 'site');
  const out = path.join(dir, 'out');
  for (const p of ['config.toml', 'content', 'templates']) cpSync(path.join(REPO, p), path.join(root, p), { recursive: true });
  const bin = path.join(dir, 'generator');
  const go = tools.go() ?? 'go';
  try {
    await promisify(execFile)(go, ['build', '-o', bin, './generator'], { cwd: REPO, timeout: 5 * 60_000 });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`go build ./generator failed:\n${err.stderr || err.message}`);
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(bin, ['serve', '-root', root, '-out', out, '-addr', `127.0.0.1:${port}`, '-now', NOW], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => (log += d));
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const stop = async () => {
    await stopProcess(child, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && exited === null) {
    try {
      await fetch(`${base}/`, { signal: AbortSignal.timeout(1000), redirect: 'manual' });
      return { base, root, out, stop, log: () => log };
    } catch {
      await sleep(200);
    }
  }
  await stop();
  throw new Error(`generator serve did not answer on ${base}${exited ? ` (exited ${JSON.stringify(exited)})` : ''}:\n${log}`);
}
