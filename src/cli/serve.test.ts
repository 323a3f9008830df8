/** `parallax serve` from the command line: misuse refused before anything starts; a real server on a free port. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

const bin = join(packageRoot, 'src', 'bin.ts');
const tsx = ['--import', 'tsx', bin];

test('serve refuses a bad port, and adding beyond loopback without a token', () => {
  for (const [args, message] of [
    [['serve', '--port', 'eighty'], /--port needs a port number/],
    [['serve', '--host', '0.0.0.0', '--allow-add'], /needs --token/],
    [['serve', '--token', 'short'], /at least 8 characters/],
  ] as const) {
    const r = spawnSync(process.execPath, [...tsx, ...args], { encoding: 'utf8', cwd: packageRoot });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, message);
  }
});

test('serve answers the API and the pages on loopback, then stops on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-serve-'));
  const child = spawn(process.execPath, [...tsx, 'serve', '--db', join(dir, 'empty.db'), '--port', '0'], { cwd: packageRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let err = '';
      child.stderr.on('data', (d) => {
        err += d;
        const m = /serving .* on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(err);
        if (m) resolve(m[1]);
      });
      child.on('exit', () => reject(new Error(`serve exited: ${err}`)));
    });
    const api = await fetch(`${url}api/v1/stories`);
    assert.equal(api.status, 200);
    assert.deepEqual((await api.json()).items, []);
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.equal((await fetch(`${url}api/v1/articles`, { method: 'POST', body: 'x' })).status, 403);
    const code = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    child.kill('SIGTERM');
    assert.equal(await code, 0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
