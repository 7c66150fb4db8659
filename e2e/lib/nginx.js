// Serves a built site through nginx with the shipped deploy/nginx.conf.
//
// deploy/nginx.conf is a plain `server {}` block for deployers. Here its
// `listen` lines become one loopback port and its `root` line the built
// folder; every other line is used exactly as shipped, inside a minimal
// http block like Debian's (mime.types, default_type). nginx runs in the
// foreground as a child of this process and is stopped by its pid.

import { spawn, execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { REPO, tools } from './env.js';

export const SHIPPED = path.join(REPO, 'deploy', 'nginx.conf');

const MIME_TYPES = ['/etc/nginx/mime.types', '/usr/local/nginx/conf/mime.types', '/usr/local/etc/nginx/mime.types'];

/**
 * serverBlocks splits nginx configuration text into its top-level
 * `server { … }` blocks (braces inside quotes and comments do not count).
 */
export function serverBlocks(text) {
  const blocks = [];
  let depth = 0;
  let start = -1;
  let quote = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '{') {
      if (depth === 0) start = text.lastIndexOf('\n', i) + 1;
      depth++;
    } else if (c === '}' && --depth === 0) {
      blocks.push(text.slice(start, i + 1));
    }
  }
  return blocks;
}

/**
 * serverBlock returns the shipped site's server block (the first one) with
 * root and port filled in, over plain HTTP: its listen lines become one
 * loopback port without ssl, its ssl_certificate lines are dropped.
 */
export function serverBlock(root, port) {
  const [site] = serverBlocks(readFileSync(SHIPPED, 'utf8'));
  let listens = 0;
  let roots = 0;
  const out = (site ?? '')
    .split('\n')
    .map((line) => {
      if (/^\s*listen\s+[^;]+;/.test(line)) {
        listens++;
        return listens === 1 ? `    listen 127.0.0.1:${port};` : '    # (listen line dropped by the tests)';
      }
      if (/^\s*ssl_certificate(_key)?\s+[^;]+;/.test(line)) {
        return '    # (certificate line dropped by the tests: they use plain HTTP)';
      }
      if (/^\s*root\s+[^;]+;/.test(line)) {
        roots++;
        return `    root ${JSON.stringify(root)};`;
      }
      return line;
    })
    .join('\n');
  if (listens === 0 || roots !== 1) {
    throw new Error(`${SHIPPED}: the tests need the first server block's listen line(s) and exactly one root line (found ${listens} listen, ${roots} root)`);
  }
  return out;
}

/**
 * redirectBlock returns the shipped plain-HTTP server block (the second
 * one) listening on a loopback port.
 */
export function redirectBlock(port) {
  const [, http] = serverBlocks(readFileSync(SHIPPED, 'utf8'));
  if (!http) throw new Error(`${SHIPPED}: no second server block (plain HTTP to HTTPS)`);
  let listens = 0;
  return http
    .split('\n')
    .map((line) => {
      if (!/^\s*listen\s+[^;]+;/.test(line)) return line;
      return listens++ === 0 ? `    listen 127.0.0.1:${port};` : '    # (listen line dropped by the tests)';
    })
    .join('\n');
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * stopProcess sends signal to a child process and waits up to 5 s for it
 * to exit, then kills it.
 */
export async function stopProcess(child, signal) {
  const running = () => child.exitCode === null && child.signalCode === null;
  if (!running()) return;
  child.kill(signal);
  for (let i = 0; i < 50 && running(); i++) await sleep(100);
  if (running()) child.kill('SIGKILL');
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * startNginx serves root on a free loopback port, and the plain-HTTP
 * redirect block on another. It returns { base, port, dir, stop, redirect };
 * base is "http://127.0.0.1:<port>", redirect the other block's address.
 * edit, for development tools only (the Pagefind comparison of
 * bench/search.js), rewrites the site's server block first.
 */
export async function startNginx(root, { edit = (block) => block } = {}) {
  const nginx = tools.nginx();
  if (!nginx) throw new Error('nginx is not installed (apt-get install nginx)');
  const mime = MIME_TYPES.find((p) => existsSync(p));
  if (!mime) throw new Error(`no nginx mime.types in ${MIME_TYPES.join(', ')}`);
  let lastErr;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    try {
      return await startOn(nginx, mime, root, port, edit);
    } catch (err) {
      lastErr = err;
      if (!/in use/i.test(err.message)) break;
    }
  }
  throw lastErr;
}

async function startOn(nginx, mime, root, port, edit) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-nginx-'));
  const user = process.getuid?.() === 0 ? 'user root root;\n' : '';
  const httpPort = await freePort();
  writeFileSync(path.join(dir, 'server.conf'), `${edit(serverBlock(root, port))}\n\n${redirectBlock(httpPort)}\n`);
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `# Written by e2e/lib/nginx.js around ${SHIPPED}.
${user}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
    include ${mime};
    default_type application/octet-stream;
    sendfile on;
    access_log ${dir}/access.log;
    client_body_temp_path ${dir}/client_body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    include ${dir}/server.conf;
}
`,
  );
  const args = ['-p', dir, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`];
  try {
    await promisify(execFile)(nginx, [...args, '-t', '-q'], { timeout: 30_000 });
  } catch (err) {
    throw new Error(`nginx -t rejected the configuration built from ${SHIPPED}:\n${err.stderr || err.message}`);
  }
  const child = spawn(nginx, [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const base = `http://127.0.0.1:${port}`;
  const log = () => {
    try {
      return readFileSync(`${dir}/error.log`, 'utf8');
    } catch {
      return '';
    }
  };
  const stop = async () => {
    await stopProcess(child, 'SIGQUIT');
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (exited !== null) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`nginx exited (${JSON.stringify(exited)}) on port ${port}:\n${stderr}${log()}`);
    }
    try {
      await fetch(`${base}/`, { signal: AbortSignal.timeout(1000), redirect: 'manual' });
      return { base, port, dir, stop, log, redirect: `http://127.0.0.1:${httpPort}` };
    } catch {
      await sleep(100);
    }
  }
  await stop();
  throw new Error(`nginx did not answer on ${base} within 15 s:\n${stderr}${log()}`);
}
