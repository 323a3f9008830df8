import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFraming, findFramingTerms, logOddsContrast, newsPrior, storyPrior, wordingContrasts } from './framing.js';
import { framingLexicon, quotationRegions, stem } from './text.js';
import { matchOutlet, outletRegistry } from '../outlets/index.js';
import { known, plainArticle } from '../model.js';
import { buildDoc } from '../text/index.js';
import { alignedSentences, buildClaims, fanOutCap } from './claims.js';
import { buildUnits } from './units.js';

test('outlet registry has at least 100 outlets and matches names, aliases and domains', () => {
  assert.ok(outletRegistry().entries.length >= 100);
  const cases: [string | null, string | null, string, string][] = [
    ['Reuters', null, 'Reuters', 'registry:name'],
    [null, 'https://www.bbc.co.uk/news/x', 'BBC', 'registry:domain'],
    ['AFP', null, 'Agence France-Presse', 'registry:alias'],
    ['Harbour Gazette', null, 'Harbour Gazette', 'meta:outlet'],
  ];
  for (const [outlet, url, key, method] of cases) {
    const p = matchOutlet({ id: 'x', outlet, url });
    assert.equal(p.key, key);
    assert.equal(p.method, method);
  }
});

test('framing terms keep their modifiers; capitalised name parts are not labels', () => {
  const cases: [string, string[]][] = [
    ['Talks with foreign-backed rebel groups began.', ['foreign-backed rebel groups']],
    ['A body of armed and political opponents met.', ['armed and political opponents']],
    ['He joined the Free Harbour Front yesterday.', []],
    ['Her opposition to the plan grew.', []],
  ];
  for (const [text, labels] of cases) assert.deepEqual(findFramingTerms('a', text, 0, text.length).map((h) => h.label), labels, text);
});

test('quotation regions and stems', () => {
  assert.deepEqual(quotationRegions('He said "no way" today.'), [[8, 16]]);
  assert.equal(stem('invited'), stem('invitation'));
});

test('log-odds contrast favours each outlet\'s own words', () => {
  const [a, b] = logOddsContrast([new Map([['regime', 6], ['talks', 3]]), new Map([['government', 6], ['talks', 3]])], 50);
  assert.ok((a.get('regime') ?? 0) > 0 && (b.get('government') ?? 0) > 0);
});

test('the log-odds prior scales with the story: a small story shows its few distinctive words', () => {
  // Two outlets of ~200 own-voice words each, one word used six times by one only.
  const shared = (): Map<string, number> => new Map(Array.from({ length: 50 }, (_, i) => [`word${i}`, 4]));
  const a = shared().set('regime', 6);
  const b = shared().set('government', 6);
  const prior = storyPrior([a, b], 500, 0.1);
  assert.ok(prior > 1 && prior < 500, `prior ${prior}`);
  assert.equal(storyPrior([new Map([['x', 100_000]])], 500, 0.1), 500, 'large stories keep the configured strength');
  const scaled = logOddsContrast([a, b], prior)[0].get('regime') ?? 0;
  const fixed = logOddsContrast([a, b], 500)[0].get('regime') ?? 0;
  assert.ok(scaled > fixed, `scaled ${scaled} vs fixed ${fixed}`);
  assert.ok(scaled >= framingLexicon().contrast.minZ, `z ${scaled} below the threshold`);
  assert.ok((logOddsContrast([a, b], prior)[0].get('word1') ?? 0) < 0.5, 'a word both use is not distinctive');
});

// --- claims and contrasts on made-up three-outlet stories -------------------------------------------------

function story(texts: [string, string][]): ReturnType<typeof buildUnits> {
  const docs = texts.map(([outlet, text], i) =>
    buildDoc(plainArticle(text, `a${i}`, { outlet: known(outlet, 'test', 1), published: known({ value: '2030-03-08', from: null, to: null } as never, 'test', 1) })),
  );
  return buildUnits(docs, { duplicates: [] });
}

test('claims: the fact all outlets tell comes first, as one outlet sentence, citing each', () => {
  const units = story([
    ['Harbour Gazette', 'The Velmar assembly passed the fisheries bill 61-38 on Tuesday after a long debate. Opponents in the port towns vowed to keep fighting the quota rules.'],
    ['Coast Daily', 'Lawmakers in Velmar approved the fisheries bill 61-38 on Tuesday, sending it to the governor. The measure caps trawler catches for five years.'],
    ['Northern Ledger', 'The fisheries bill cleared the Velmar assembly by a 61-38 vote on Tuesday. Governor Ansel Roy is expected to sign it.'],
  ]);
  const claims = buildClaims(units);
  const first = claims.find((c) => c.kind === 'agree');
  assert.ok(first, JSON.stringify(claims.map((c) => c.statement)));
  assert.equal(first.articles.length, 3);
  assert.match(first.statement, /fisheries bill/);
  assert.ok(!first.statement.includes(' · '), 'a sentence, not a list of keywords');
  assert.equal(claims.filter((c) => c.kind === 'conflict').length, 0);
});

test('claims: two tallies of one vote conflict, each side with its words; rounded figures do not', () => {
  const conflict = buildClaims(
    story([
      ['Harbour Gazette', 'The Velmar assembly passed the fisheries bill 61-38 on Tuesday after a long debate.'],
      ['Coast Daily', 'The Velmar assembly passed the fisheries bill 59-40 on Tuesday after a long debate.'],
    ]),
  ).filter((c) => c.kind === 'conflict');
  assert.equal(conflict.length, 1);
  assert.deepEqual(conflict[0].conflicting.map((x) => x.value).sort(), ['59-40', '61-38']);
  const rounded = buildClaims(
    story([
      ['Harbour Gazette', 'The Velmar council unveiled a harbour plan that would spend $928 billion on new docks over ten years.'],
      ['Coast Daily', 'The Velmar council unveiled a harbour plan that would spend nearly $1 trillion on new docks over ten years.'],
    ]),
  ).filter((c) => c.kind === 'conflict');
  assert.equal(rounded.length, 0, JSON.stringify(rounded.map((c) => c.statement)));
});

test('claims: a weekday this tool resolved never makes a conflict', () => {
  const claims = buildClaims(
    story([
      ['Harbour Gazette', 'The Velmar council approved the harbour expansion plan on Monday after months of talks.'],
      ['Coast Daily', 'The Velmar council approved the harbour expansion plan on Tuesday after months of talks.'],
    ]),
  );
  assert.equal(claims.filter((c) => c.kind === 'conflict').length, 0);
  assert.equal(claims.filter((c) => c.kind === 'agree').length, 1);
});

test('framing: the words two outlets put in the same place of one fact are a contrast', () => {
  const units = story([
    ['Harbour Gazette', 'The Velmar high court on Monday rejected the harbour board appeal over the quota rules.'],
    ['Coast Daily', 'The Velmar high court on Monday declined to take up the harbour board appeal over the quota rules.'],
  ]);
  const pairs = alignedSentences(units);
  assert.equal(pairs.length, 1);
  const found = wordingContrasts(pairs[0], new Set(framingLexicon().stopwords));
  assert.deepEqual(found.map((c) => c.sides.map((s) => s.label)), [['rejected', 'declined to take up']]);
  const table = buildFraming(units);
  assert.ok(table.contrasts?.some((c) => c.terms.length === 2 && c.terms.some((t) => t.label === 'rejected')));
});

test('framing: a lexicon contrast needs two outlets naming one thing with different, loaded terms', () => {
  const units = story([
    ['Harbour Gazette', 'Hundreds stormed the assembly building in Velmar during the riot on Sunday night, officials said.'],
    ['Coast Daily', 'The insurrection at the Velmar assembly building on Sunday night left the chamber damaged.'],
    ['Northern Ledger', 'Velmar police counted the damage to the assembly building on Monday.'],
  ]);
  const contrast = buildFraming(units).contrasts?.find((c) => c.method === 'lexicon');
  assert.ok(contrast, 'riot / insurrection');
  assert.deepEqual([...new Set(contrast.terms.map((t) => t.outlet))].sort(), ['Coast Daily', 'Harbour Gazette']);
  // Inside quotation marks the words are someone else's: no contrast of the outlets' own.
  const quoted = story([
    ['Harbour Gazette', 'A senator called it “a riot” as the Velmar assembly building was cleared on Sunday night.'],
    ['Coast Daily', 'A senator called it “an insurrection” as the Velmar assembly building was cleared on Sunday night.'],
  ]);
  assert.equal(buildFraming(quoted).contrasts?.length ?? 0, 0);
});

test('framing: how one actor’s criticism is characterised is a lexicon contrast; a neutral verb alone is none', () => {
  const units = story([
    ['Harbour Gazette', 'The port board chair blasted the Velmar council in a letter on Tuesday over its fees.'],
    ['Coast Daily', 'The port board chair criticized the Velmar council in a letter on Tuesday over its fees.'],
  ]);
  const contrast = buildFraming(units).contrasts?.find((c) => c.method === 'lexicon');
  assert.ok(contrast?.terms.some((t) => t.label === 'blasted') && contrast.terms.some((t) => t.label === 'criticized'), JSON.stringify(contrast));
  const neutral = story([
    ['Harbour Gazette', 'The port board chair criticized the Velmar council in a letter on Tuesday over its fees.'],
    ['Coast Daily', 'The Velmar council drew criticism from the port board chair in a letter on Tuesday.'],
  ]);
  assert.ok(!(buildFraming(neutral).contrasts ?? []).some((c) => c.method === 'lexicon'));
});

test('framing: an outlet may name a shared referent in two wordings; the same words twice count once', () => {
  const units = story([
    ['Harbour Gazette', 'The crippling ransomware attacks shut the Velmar docks. The costly ransomware attacks went on for days. The crippling ransomware attacks went on.'],
    ['Coast Daily', 'The port reported isolated ransomware attacks, its spokeswoman said in a statement from the harbour office.'],
  ]);
  const contrast = buildFraming(units).contrasts?.find((c) => c.method === 'phrase' && c.terms.some((t) => /attacks/.test(t.label)));
  assert.ok(contrast, JSON.stringify(buildFraming(units).contrasts));
  const gazette = contrast.terms.filter((t) => t.outlet === 'Harbour Gazette').map((t) => t.label);
  assert.equal(gazette.length, 2, gazette.join('; '));
  assert.equal(new Set(gazette).size, 2, gazette.join('; '));
});

test('log-odds with a general-news prior: a word news rarely uses stands out more than a common one', () => {
  const counts = [new Map([['insurrection', 3], ['said', 3]]), new Map([['riot', 3], ['said', 3]])];
  const z = logOddsContrast(counts, 10, newsPrior(['insurrection', 'said', 'riot']));
  assert.ok((z[0].get('insurrection') ?? 0) > 0 && (z[1].get('riot') ?? 0) > 0);
  assert.ok(Math.abs(z[0].get('said') ?? 0) < 0.5, 'a word both use equally is not distinctive');
});

test('framing: one sum given with different rounding by two outlets is a contrast of emphasis', () => {
  const units = story([
    ['Harbour Gazette', 'The Velmar council on Monday unveiled a harbour plan that would cost roughly $928 million over ten years.'],
    ['Coast Daily', 'Velmar councillors unveiled their nearly $1 billion harbour plan on Monday.'],
  ]);
  const figure = buildFraming(units).contrasts?.find((c) => c.method === 'figure');
  assert.deepEqual(figure?.terms.map((t) => t.label), ['roughly $928 million', 'nearly $1 billion']);
});

test('aligning: articles of different stories never align, and each story finds the pairs it finds alone', () => {
  const texts: [string, string][] = [
    ['Harbour Gazette', 'The Velmar assembly passed the fisheries bill 61-38 on Tuesday after a long debate.'],
    ['Coast Daily', 'Lawmakers in Velmar approved the fisheries bill 61-38 on Tuesday, sending it to the governor.'],
    ['Northern Ledger', 'The fisheries bill cleared the Velmar assembly by a 61-38 vote on Tuesday.'],
    ['Harbour Gazette', 'The Velmar assembly passed the fisheries bill on Tuesday after a long debate.'],
    ['Coast Daily', 'Lawmakers in Velmar approved the fisheries bill on Tuesday after the debate.'],
  ];
  const docs = texts.map(([outlet, text], i) =>
    buildDoc(plainArticle(text, `a${i}`, { outlet: known(outlet, 'test', 1), published: known({ value: '2030-03-08', from: null, to: null } as never, 'test', 1) })),
  );
  const storyOf = new Map([['a0', 's1'], ['a1', 's1'], ['a2', 's1'], ['a3', 's2'], ['a4', 's2']]);
  const key = (p: ReturnType<typeof alignedSentences>[number]): string => `${p.a.span.article}:${p.a.span.start}|${p.b.span.article}:${p.b.span.start}|${p.score}`;
  const together = alignedSentences(buildUnits(docs, { duplicates: [], storyOf }));
  assert.ok(together.length >= 3, `${together.length} pairs`);
  for (const p of together) assert.equal(storyOf.get(p.a.span.article), storyOf.get(p.b.span.article), key(p));
  const alone = ['s1', 's2'].flatMap((s) => alignedSentences(buildUnits(docs.filter((d) => storyOf.get(d.article.id) === s), { duplicates: [], storyOf })));
  assert.deepEqual(together.map(key).sort(), alone.map(key).sort());
});

test('aligning: the fan-out cap is the largest under which the tellings keep the budget', () => {
  assert.equal(fanOutCap(Int32Array.of(1, 2, 3, 100), 10), 4);
  assert.equal(fanOutCap(Int32Array.of(5, 5, 5, 5), 100), 5, 'under the budget nothing is cut');
  assert.equal(fanOutCap(Int32Array.of(50, 40, 0, 30), 60), 20, '0 + 3 × 20');
  assert.equal(fanOutCap(Int32Array.of(9, 9, 9), 2), 1, 'at least one each');
});
