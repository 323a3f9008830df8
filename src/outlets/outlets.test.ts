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
import { isOpinionUrl, loadOutletRegistry, matchOutlet, outletNameKey, splitSectionLabel } from './index.js';
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

test('a user registry sets or overrides lean, keeping the fields it does not give; a bad lean names the file', () => {
  const file = join(dir, 'lean.json');
  writeFileSync(
    file,
    JSON.stringify({
      outlets: [
        { name: 'Reuters', lean: 'lean left' },
        { name: 'Kessa Herald', domains: ['kessaherald.example'], lean: { value: 'right', source: 'Kessa Media Watch', date: '2030-02' } },
        { name: 'Quiet Courier', lean: null },
      ],
    }),
  );
  const registry = loadOutletRegistry(file);
  const reuters = matchOutlet({ id: 'r', outlet: null, url: 'https://www.reuters.com/world/x' }, registry);
  assert.equal(reuters.ownership, 'wire', 'fields the user entry does not give are kept');
  assert.deepEqual(reuters.lean, { value: 'lean left', source: `user registry ${file}`, date: null });
  assert.deepEqual(matchOutlet({ id: 'k', outlet: 'Kessa Herald', url: null }, registry).lean, { value: 'right', source: 'Kessa Media Watch', date: '2030-02' });
  assert.equal(matchOutlet({ id: 'q', outlet: 'Quiet Courier', url: null }, registry).lean, null);
  assert.equal(matchOutlet({ id: 'u', outlet: 'Never Heard Of', url: null }, registry).lean, null, 'unknown stays unknown');
  const bad: [string, unknown, RegExp][] = [
    ['lean-word.json', [{ name: 'X', lean: 'far left' }], /outlets\[0\] \(X\): "lean" must be one of "left", "lean left", "center", "lean right", "right", "mixed" or null, got "far left"/],
    ['lean-object.json', [{ name: 'X', lean: { value: 'centre' } }], /"lean" value must be one of/],
    ['lean-date.json', [{ name: 'X', lean: { value: 'left', date: 'May 2030' } }], /"lean" date must be an ISO date/],
    ['section.json', [{ name: 'X', section: 'sports' }], /"section" must be "news" or "opinion"/],
  ];
  for (const [name, content, reason] of bad) {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(content));
    assert.throws(() => loadOutletRegistry(path), (err: Error) => err.message.startsWith(path) && reason.test(err.message), name);
  }
});

test('news and opinion sections: by label and by URL path; an opinion section has its own entry and rating, else the whole outlet\'s', () => {
  const file = join(dir, 'sections.json');
  writeFileSync(
    file,
    JSON.stringify({
      outlets: [
        { name: 'Kessa Herald', domains: ['kessaherald.example'], lean: 'center' },
        { name: 'Kessa Herald (Opinion)', section: 'opinion', parent: 'Kessa Herald', lean: 'lean right' },
        { name: 'Vantor Times', domains: ['vantortimes.example'], lean: 'lean left' },
        { name: 'Selje Post', domains: ['seljepost.example'], ratings: [{ value: 'center', source: 'Kessa Media Watch', date: '2030-01', ratedAs: 'Selje Post (News)' }] },
      ],
    }),
  );
  const registry = loadOutletRegistry(file);
  const cases: [string | null, string | null, string, string | null, string][] = [
    ['Kessa Herald', 'https://kessaherald.example/2030/05/talks', 'Kessa Herald', 'center', 'news'],
    ['Kessa Herald (News)', null, 'Kessa Herald', 'center', 'news'],
    ['Kessa Herald - Opinion', null, 'Kessa Herald (Opinion)', 'lean right', 'opinion'],
    ['Kessa Herald Editorial', null, 'Kessa Herald (Opinion)', 'lean right', 'opinion'],
    [null, 'https://www.kessaherald.example/opinion/2030/05/talks', 'Kessa Herald (Opinion)', 'lean right', 'opinion'],
    ['Kessa Herald (News)', 'https://www.kessaherald.example/opinion/2030/05/talks', 'Kessa Herald', 'center', 'news'],
    // No entry for the section: the whole outlet's rating carries over, a rating of its news section alone does not.
    ['Vantor Times', 'https://vantortimes.example/opinions/2030/talks', 'Vantor Times (Opinion)', 'lean left', 'opinion'],
    ['Selje Post', 'https://seljepost.example/2030/talks', 'Selje Post', 'center', 'news'],
    ['Selje Post', 'https://seljepost.example/opinion/2030/talks', 'Selje Post (Opinion)', null, 'opinion'],
    ['Unlisted Gazette', 'https://unlisted.example/commentisfree/2030/talks', 'Unlisted Gazette', null, 'opinion'],
    ['Vantor Times', 'https://vantortimes.example/2030/opinion-polls-close', 'Vantor Times', 'lean left', 'news'],
  ];
  for (const [outlet, url, key, lean, section] of cases) {
    const p = matchOutlet({ id: 'x', outlet, url }, registry);
    assert.deepEqual([p.key, p.lean?.value ?? null, p.section], [key, lean, section], `${outlet} ${url}`);
  }
  assert.deepEqual(splitSectionLabel('Vantor Times Online News', registry.sections), { base: 'Vantor Times', section: 'news' });
  assert.equal(isOpinionUrl('https://vantortimes.example/opinion', registry.sections), false, 'a section front is not a piece');
});

test('the built-in registry: every rating has a source and a date; opinion sections name an outlet that exists', () => {
  const registry = loadOutletRegistry();
  const names = new Set(registry.entries.map((e) => e.name));
  for (const e of registry.entries) {
    for (const r of e.ratings) assert.ok(r.source && r.date, `${e.name}: rating without source or date`);
    if (e.section === 'opinion' && e.parent) assert.ok(names.has(e.parent), `${e.name}: parent ${e.parent} missing`);
  }
});
