/**
 * The user's outlet registry (`parallax analyze --outlets FILE`): its entries label outlets the built-in list
 * does not know, replace built-in entries by name, and a bad file is refused with its path and the reason.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import { loadOutletRegistry, matchOutlet, outletNameKey } from './index.js';
import type { Briefing } from '../model.js';

const BIN = join(packageRoot, 'src', 'bin.ts');

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', BIN, ...args], { cwd: packageRoot, encoding: 'utf8', timeout: 120_000, env: { ...process.env, PARALLAX_OUTLETS: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'parallax-outlets-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const userFile = join(dir, 'outlets.json');
writeFileSync(
  userFile,
  JSON.stringify({
    outlets: [
      { name: 'Kessa Herald', aliases: ['The Herald of Kessa'], domains: ['kessaherald.example'], country: 'NOR', ownership: 'private' },
      { name: 'Reuters', aliases: [], domains: ['reuters.com'], country: 'CAN', ownership: 'private' },
    ],
  }),
);

test('a user registry adds outlets and replaces built-in entries by name', () => {
  const registry = loadOutletRegistry(userFile);
  const cases: [string | null, string | null, string, string | null, string][] = [
    ['Kessa Herald', null, 'Kessa Herald', 'NOR', 'registry:name'],
    ['The Herald of Kessa', null, 'Kessa Herald', 'NOR', 'registry:alias'],
    [null, 'https://www.kessaherald.example/2030/talks', 'Kessa Herald', 'NOR', 'registry:domain'],
    ['Reuters', null, 'Reuters', 'CAN', 'registry:name'],
  ];
  for (const [outlet, url, key, country, method] of cases) {
    const p = matchOutlet({ id: 'x', outlet, url }, registry);
    assert.deepEqual([p.key, p.country, p.method], [key, country, method], `${outlet ?? url}`);
  }
  assert.equal(registry.entries.filter((e) => outletNameKey(e.name) === 'reuters').length, 1);
});

test('bad registry files are refused with the path and the reason', () => {
  const cases: [string, string, RegExp][] = [
    ['notjson.json', '{oops', /is not JSON/],
    ['noarray.json', '{"sources": []}', /needs an "outlets" array/],
    ['country.json', '[{"name": "X", "country": "Norway"}]', /outlets\[0\] \(X\): "country" must be an ISO 3166-1 alpha-3 code/],
    ['ownership.json', '[{"name": "X", "ownership": "owned"}]', /"ownership" must be one of/],
  ];
  for (const [file, content, reason] of cases) {
    const path = join(dir, file);
    writeFileSync(path, content);
    assert.throws(() => loadOutletRegistry(path), (err: Error) => err.message.startsWith(path) && reason.test(err.message), file);
  }
  assert.throws(() => loadOutletRegistry(join(dir, 'missing.json')), /missing\.json: outlet registry file not found/);
});

test('parallax analyze --outlets FILE labels outlets from the file; a bad file is a usage error naming it', () => {
  const story = join(dir, 'story.jsonl');
  writeFileSync(
    story,
    [
      { title: 'Talks open', outlet: 'Kessa Herald', text: 'Talks between the two sides open on Monday in the port city, officials said on Friday.' },
      { title: 'Talks to open', outlet: 'Reuters', text: 'Delegations will meet in the port city on Monday for the first talks in a year, officials said.' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  const ok = run(['analyze', story, '--outlets', userFile, '--format', 'json', '--quiet']);
  assert.equal(ok.code, 0, ok.stderr);
  const briefing = JSON.parse(ok.stdout) as Briefing;
  const byKey = new Map((briefing.outletProfiles ?? []).map((p) => [p.key, p]));
  assert.equal(byKey.get('Kessa Herald')?.country, 'NOR');
  assert.equal(byKey.get('Reuters')?.country, 'CAN');

  const without = JSON.parse(run(['analyze', story, '--format', 'json', '--quiet']).stdout) as Briefing;
  assert.equal(without.outletProfiles?.find((p) => p.key === 'Kessa Herald')?.method, 'meta:outlet');

  const bad = run(['analyze', story, '--outlets', join(dir, 'missing.json')]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--outlets: .*missing\.json: outlet registry file not found/);
});
