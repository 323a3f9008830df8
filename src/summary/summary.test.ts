import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc } from '../text/index.js';
import { plainArticle } from '../model.js';
import type { Doc } from '../model.js';
import { isAttributed, stanceOf, summarize, whyNotEligible } from './index.js';
import { attributedOpinion, furnitureLabel, hasSpeechVerb, isFurniture, isOpinion, opensInQuote, opinionBeforeAttribution, opinionCues, reportsSpeech } from './neutrality.js';
import { porterStem } from './porter.js';
import { lcsLength, rouge, rougeTokens } from './rouge.js';
import { lexRank } from './lexrank.js';

test('porterStem: the reference examples of Porter (1980)', () => {
  const table: [string, string][] = [
    ['caresses', 'caress'], ['ponies', 'poni'], ['cats', 'cat'], ['feed', 'feed'], ['agreed', 'agre'],
    ['plastered', 'plaster'], ['motoring', 'motor'], ['sing', 'sing'], ['conflated', 'conflat'], ['troubled', 'troubl'],
    ['sized', 'size'], ['hopping', 'hop'], ['filing', 'file'], ['happy', 'happi'], ['relational', 'relat'],
    ['conditional', 'condit'], ['hopefulness', 'hope'], ['formalize', 'formal'], ['electrical', 'electr'],
    ['adjustment', 'adjust'], ['adoption', 'adopt'], ['controlling', 'control'], ['rolling', 'roll'], ['run', 'run'],
  ];
  for (const [word, stem] of table) assert.equal(porterStem(word), stem, word);
});

test('rougeTokens: rouge-score tokenisation, stemming only tokens longer than three letters', () => {
  const table: [string, boolean, string[]][] = [
    ["Iran's talks, 2017!", false, ['iran', 's', 'talks', '2017']],
    ['U.S.-led  COALITION', false, ['u', 's', 'led', 'coalition']],
    ['running cats ran', true, ['run', 'cat', 'ran']],
    ['', false, []],
  ];
  for (const [text, stem, want] of table) assert.deepEqual(rougeTokens(text, stem), want, text);
});

test('rouge: n-gram and LCS F1 by hand', () => {
  const r = rouge('the cat sat', 'the cat sat down');
  assert.equal(r.rouge1.p, 1);
  assert.equal(r.rouge1.r, 0.75);
  assert.equal(r.rouge2.r, 2 / 3);
  assert.equal(r.rougeL.r, 0.75);
  assert.equal(rouge('a b', 'c d').rouge1.f1, 0);
  assert.equal(lcsLength(['a', 'x', 'b', 'c'], ['a', 'b', 'y', 'c']), 3);
  assert.ok(rouge('strikes continued', 'the strike continues', true).rouge1.f1 > rouge('strikes continued', 'the strike continues').rouge1.f1);
});

test('lexRank: central sentences outrank an outlier; scores sum to 1', () => {
  const scores = lexRank([
    'Dock workers at the harbour went on strike over pay.',
    'The harbour strike by dock workers over pay entered a second day.',
    'Pay talks between the harbour and dock workers broke down.',
    'A cat was rescued from a tree.',
  ]);
  assert.ok(Math.abs(scores.reduce((a, b) => a + b, 0) - 1) < 1e-6);
  assert.ok(scores[3] < Math.min(scores[0], scores[1], scores[2]));
  assert.deepEqual(lexRank([]), []);
});

test('whyNotEligible: what cannot stand alone in a summary', () => {
  const table: [string, string | null][] = [
    ['The harbour strike entered its third day on Friday.', null],
    ['Meanwhile, the harbour strike entered its third day on Friday.', null],
    ['Will the harbour strike end before the holidays begin?', 'a question'],
    ['The port board added a warning to the fact sheet for Harbour Holdings (HBH.', 'a fragment (split inside a parenthesis)'],
    ['N) shares fell 4% on Friday after the harbour strike began.', 'a fragment (split inside a parenthesis)'],
    ['Harbour Holdings (HBH) shares fell 4% on Friday after the strike began.', null],
    ['Harbour strike enters third day as talks stall', 'headline-like (no closing full stop)'],
    ['He said the harbour strike would go on for weeks.', 'opens on a pronoun'],
    ['But the union said the harbour strike would go on.', 'opens on a connective'],
    ['Strike goes on.', 'too short'],
    ['and the union said the harbour strike would go on for weeks.', 'a fragment (opens in lower case)'],
    ['Of that figure, $4 million is set aside for the harbour and a share to...', 'cut off (ends in an ellipsis)'],
    ['Of that figure, $4 million is set aside for the harbour docks.', 'opens on a reference to an earlier sentence'],
    ['In this week’s vote, the council approved the harbour plan.', null],
  ];
  for (const [text, want] of table) assert.equal(whyNotEligible(text, true), want, text);
  assert.equal(whyNotEligible('The harbour workers of the northern port city today.', false), 'headline-like (no verb)');
});

test('isAttributed and stanceOf: reported speech and its side', () => {
  const table: [string, boolean, 'oppose' | 'support' | null][] = [
    ['The union leader said the workers reject the new offer.', true, 'oppose'],
    ['According to the mayor, the port should reopen and the city backs the plan.', true, 'support'],
    ['The port reopened on Monday.', false, null],
    ['The minister told reporters the talks would resume.', true, null],
  ];
  for (const [text, attributed, stance] of table) {
    assert.equal(isAttributed(text), attributed, text);
    assert.equal(stanceOf(text), stance, text);
  }
});

/** A fictional three-outlet story: a strike at a harbour, a union against a deal, a mayor for it. */
function harbourStory(): Doc[] {
  const texts = [
    'Dock workers at the Varn harbour walked out on Tuesday in a dispute over pay. ' +
      'The harbour authority said talks with the union would resume on March 14. ' +
      'Union leader Tova Mellin said the workers reject the proposed deal and oppose any return to work. ' +
      'Ships queued outside the port as the strike continued into the evening.',
    'A strike by dock workers closed the Varn harbour on Tuesday after pay talks failed. ' +
      'Mayor Ilse Brandt said the city supports the deal and urged both sides to sign it. ' +
      'Negotiators for the harbour and the union are due to meet again on March 14. ' +
      'He added that the city would not take sides.',
    'Shipping at the Varn harbour came to a halt as dock workers went on strike over pay on Tuesday. ' +
      'Is this the end of cheap shipping? ' +
      'The union said its members oppose the deal and reject the harbour authority’s offer. ' +
      'Talks between the union and the harbour are set to resume on March 14, the authority said.',
  ];
  return texts.map((t, i) => buildDoc(plainArticle(t, `harbour-${i}`)));
}

test('summarize: sentences come from the articles and cite every article that says the same', () => {
  const docs = harbourStory();
  const byId = new Map(docs.map((d) => [d.article.id, d.article.text]));
  const summary = summarize(docs, { sentences: 4 });
  assert.ok(summary.sentences.length > 0 && summary.sentences.length <= 4);
  for (const s of summary.sentences) {
    const [taken] = s.audit;
    const source = (byId.get(taken.span.article) as string).slice(taken.span.start, taken.span.end);
    // Extracted words, or the same words after a dropped lead connective with its first letter capitalised.
    assert.equal(s.text.slice(1), source.slice(1), s.text);
    assert.ok(['extract', 'compress'].includes(taken.how));
    assert.equal(s.citations[0].article, taken.span.article);
    assert.equal(s.citations.length, s.audit.length);
    for (const c of s.citations) assert.ok(c.span.end <= (byId.get(c.article) as string).length);
    assert.ok(!/\?$/.test(s.text) && !/^(He|But)\b/.test(s.text), s.text);
  }
  // The strike is in all three articles: its sentence cites them all.
  const strike = summary.sentences.find((s) => /strike|walked out/.test(s.text) && /Tuesday/.test(s.text));
  assert.ok(strike, 'the strike is summarised');
  assert.equal(new Set(strike.citations.map((c) => c.article)).size, 3);
});

test('summarize: both sides of the contested deal, attributed, and the key date', () => {
  const summary = summarize(harbourStory(), { sentences: 4 });
  const oppose = summary.sentences.find((s) => stanceOf(s.text) === 'oppose');
  const support = summary.sentences.find((s) => stanceOf(s.text) === 'support');
  assert.ok(oppose?.attributed && /oppose|reject/.test(oppose.text), JSON.stringify(summary.sentences.map((s) => s.text)));
  assert.ok(support?.attributed && /supports/.test(support.text));
  assert.ok(summary.sentences.some((s) => s.text.includes('March 14')), 'the date talks resume');
  // Three articles report the strike: it is said once, citing all three, not repeated.
  assert.equal(summary.sentences.filter((s) => /strike|walked out/.test(s.text)).length, 1);
});

test('summarize: the length the user sets, in sentences or words', () => {
  const docs = harbourStory();
  assert.equal(summarize(docs, { sentences: 1 }).sentences.length, 1);
  const byWords = summarize(docs, { words: 30 });
  const words = byWords.sentences.reduce((n, s) => n + s.text.split(/\s+/).length, 0);
  assert.ok(byWords.sentences.length === 1 || words <= 30, `${words} words`);
  assert.deepEqual(summarize(docs, { words: 30 }).limit, { sentences: null, words: 30 });
  assert.throws(() => summarize(docs, { sentences: 0 }), /summary sentences: 0 is not a whole number/);
  assert.throws(() => summarize(docs, { words: 2.5 }), /summary words/);
  assert.deepEqual(summarize([]).sentences, []);
});

test('eval summary: bad data is named', async () => {
  const { readNeus } = await import('../eval/summary.js');
  assert.throws(() => readNeus('/nonexistent/neus/val'), /\/nonexistent\/neus\/val\.source: no such file/);
});

/** The opinion cues of a made-up one-sentence text, tagged as the pipeline tags it. */
function cuesOf(text: string): ReturnType<typeof opinionCues> {
  const doc = buildDoc(plainArticle(text));
  return opinionCues(text, 0, text.length, doc.tokens);
}

test('neutrality: evaluation in the outlet’s own voice is opinion; plain reporting and quoted words are not', () => {
  const opinion = [
    'The council sent its most ambitious message in years with a truly shameful compromise.',
    'We think the harbour plan is a fiasco.',
    'The mayor’s plan is an outrageous and reckless gamble with the city’s money.',
    // a degree word with an adjective of necessity; a superlative that ranks against all so far
    'The talks produced no firm and absolutely necessary promise from the two ministers.',
    'The council sent the strongest signal yet that the harbour plan will go ahead.',
    // an amplifier with an evaluative word; a loaded verb of saying in the outlet’s voice
    'The vote came amid increasingly bitter quarrels over the harbour.',
    'The opposition seized on the delays, weeks after the mayor boasted about the new docks.',
    // two leaning cues: pejorative labels of rule; the writer's reading of an event
    'The island’s regime is trying to blame its neighbours for the protests against its totalitarian rule.',
    'The mayor’s memo appears to be the latest example of the council quarrelling with the port board.',
  ];
  const plain = [
    'The council voted 7-2 on Tuesday to approve the harbour plan.',
    'Two people were killed and five injured when the bridge collapsed on Friday.',
    'The mayor called the plan “a shameful and reckless gamble” on Tuesday.',
    'The largest union in the port said it would strike from Monday.',
    // rules and forecasts use "must" and "should" as fact; a ranking that is not a verdict
    'The bill must pass the upper house by Friday, and the storm should reach the coast on Sunday.',
    'The largest crowd yet gathered in the square on Friday.',
    // one leaning cue alone is plain reporting: a word of rule, an appearance stated
    'The new sanctions regime takes effect on Monday.',
    'The fire appears to be out, the harbour master said on Friday.',
  ];
  for (const t of opinion) assert.ok(isOpinion(cuesOf(t)), `${t}: ${JSON.stringify(cuesOf(t))}`);
  for (const t of plain) assert.ok(!isOpinion(cuesOf(t)), `${t}: ${JSON.stringify(cuesOf(t))}`);
});

test('neutrality: the writer’s words around reported speech are the outlet’s; the reported words are the speaker’s', () => {
  const verbs = new Set(['said', 'calls', 'warned']);
  const before = (text: string): boolean => {
    const doc = buildDoc(plainArticle(text));
    return opinionBeforeAttribution(text, 0, text.length, doc.tokens, verbs);
  };
  // pejorative labels and an imputed motive before the verb of saying
  assert.ok(before('The island’s regime is trying to blame its neighbours for the revolt against its totalitarian rule, as it calls on supporters to march.'));
  // the evaluation is what the speaker said, after the verb or closed by a comma before it
  assert.ok(!before('The mayor said the harbour plan was an outrageous and reckless gamble.'));
  assert.ok(!before('The harbour plan is an outrageous and reckless gamble, the mayor said.'));
  // one cue of the scene the speaker spoke of is not the writer’s verdict
  assert.ok(!before('The minister warned of damaging floods along the coast.'));
});

test('neutrality: a loaded verb of saying, a minimizer before a figure and an evaluative idiom are the writer’s', () => {
  const opinion = [
    'Council members on Friday trashed the harbour report, saying it falls short.',
    'The harbour hired just 120 workers in May, a tepid gain after a weak spring.',
    'The vote followed weeks of hand-wringing between the two parties on the council.',
    'The delay will come as no surprise to the dock owners who opposed the harbour plan.',
  ];
  const plain = [
    'The harbour hired 120 workers in May, fewer than in April.',
    'Only 12 of the 40 ships were unloaded on Friday because of the strike.',
    'Council members on Friday criticised the harbour report at a public meeting.',
    'The storm slammed into the harbour on Friday, the coast guard said.',
  ];
  for (const t of opinion) assert.ok(isOpinion(cuesOf(t)), `${t}: ${JSON.stringify(cuesOf(t))}`);
  for (const t of plain) assert.ok(!isOpinion(cuesOf(t)), `${t}: ${JSON.stringify(cuesOf(t))}`);
});

test('neutrality: in a sentence that reports speech, the verb chosen for it and a clause the writer adds are the outlet’s', () => {
  const verbs = new Set(['said', 'called', 'added']);
  const writer = (text: string): boolean => {
    const doc = buildDoc(plainArticle(text));
    return attributedOpinion(text, 0, text.length, doc.tokens, verbs);
  };
  // the loaded verb of saying stands after the plain one; the added clause names no speech of its own
  assert.ok(writer('The mayor spoke at the harbour, where she said the plan would pass and slammed the union for its strike.'));
  assert.ok(writer('The mayor praised what she called a “fair deal” for the harbour, while pushing baseless and reckless claims about the union.'));
  // the paraphrase is the speaker’s; a second attribution after "while" is the other speaker’s
  assert.ok(!writer('The mayor said the harbour plan was an outrageous and reckless gamble.'));
  assert.ok(!writer('The mayor said the plan would pass, while the union leader said it was a truly outrageous gamble.'));
  // a figurative verb that also takes a bill or a lawsuit for its subject is not a way of speaking
  assert.ok(!writer('The new harbour bill takes aim at illegal dumping, the mayor said.'));
  // "added" with a figure for its object is an increase, not speech
  assert.ok(reportsSpeech('The mayor said the harbour would reopen.', verbs));
  assert.ok(!reportsSpeech('The harbour added 120 jobs in May.', verbs));
  assert.ok(!reportsSpeech('The harbour added just 120 jobs in May.', verbs));
  assert.ok(reportsSpeech('The harbour will reopen, the mayor added.', verbs));
});

test('neutrality: the writer’s reading of what the facts mean is opinion, also set off from reported speech', () => {
  const opinion = [
    // an evaluative noun frame, with words before the noun that a fixed phrase would miss
    'In a rebuke to the mayor, the council repealed the harbour tax on Tuesday.',
    'The port lost two of its five ferry routes in a week, a devastating setback for the island’s traders.',
    'The vote was a heavy blow to the dock owners who had fought the plan for years.',
    // a reading frame opening a clause set off by a comma
    'Freight traffic fell by a third in May, a sign that the strike is hurting exporters.',
    'The council delayed the vote again, raising questions about the harbour plan’s future.',
    // the writer's reading of an actor's aim or strategy, two leaning cues
    'The mayor is betting that a tougher line on the strike will win back voters in the suburbs, in a bid to hold her seat.',
    'The gamble appears to be working for the harbour board.',
    'The former mayor visits the docks on Friday as he seeks to win back attention, riding a wave of anger over the strike.',
    'The tour is part of his effort to settle scores with council members who voted against him.',
  ];
  const plain = [
    'The council repealed the harbour tax on Tuesday by seven votes to two.',
    // words of the frame nouns in a factual sense
    'The union filed a challenge to the harbour law in the district court.',
    'The council approved a boost of $3 million for the ferry service.',
    'The dock owners won the case, a 5-2 decision by the appeals court.',
    // the outcome of a vote, and a capitalised word before the noun (whose or where), are description
    'The vote could end with a narrow victory for the harbour bill on Friday.',
    'The ferry strike ended with a Senate rebuke to the port board on Friday.',
    // one leaning cue alone is plain reporting
    'The council is looking to hire two more harbour pilots by June.',
    'Freight traffic fell by a third in May, the lowest figure since 2019.',
    // a compass word is not a superlative (with it, the one leaning cue "a rare" would make two)
    'Ferries off the southwest coast made a rare stop at the Varn harbour on Monday.',
  ];
  for (const t of opinion) assert.ok(isOpinion(cuesOf(t)), `${t}: ${JSON.stringify(cuesOf(t))}`);
  for (const t of plain) assert.ok(!isOpinion(cuesOf(t)), `${t}: ${JSON.stringify(cuesOf(t))}`);
  const verbs = new Set(['said', 'called', 'reported']);
  const writer = (text: string): boolean => {
    const doc = buildDoc(plainArticle(text));
    return attributedOpinion(text, 0, text.length, doc.tokens, verbs);
  };
  // set off by a comma, the reading is the writer's even in a sentence that reports speech
  assert.ok(writer('The harbour board reported a 30% fall in freight in May, a sign that the strike is hurting exporters.'));
  assert.ok(writer('In a blow to the union, the court said the strike must end on Friday.'));
  // without the comma the frame is what the speaker said
  assert.ok(!writer('The mayor said the ruling was a setback for the harbour.'));
  assert.ok(!writer('The mayor called the vote a setback for the harbour.'));
  assert.ok(!writer('The mayor called it a sign that the strike was ending.'));
});

test('summarize: a sentence with one cue of the writer’s view yields to a plain one that tells the same', () => {
  const docs = [
    buildDoc(plainArticle('The Varn harbour board approved the embattled ferry plan on Tuesday by seven votes to two. Work on the docks starts in May.', 's-0')),
    buildDoc(plainArticle('The Varn harbour board approved the ferry plan on Tuesday. The plan adds two ferry routes.', 's-1')),
    buildDoc(plainArticle('The embattled ferry plan of the Varn harbour board passed on Tuesday, seven votes to two. Ferry fares stay the same.', 's-2')),
  ];
  const first = (weights?: { notNeutral: number }) => summarize(docs, { sentences: 1, weights }).sentences.map((x) => x.text);
  assert.deepEqual(first(), ['The Varn harbour board approved the ferry plan on Tuesday.']);
  // without the not-neutral penalty the more central sentence, with its label, would lead
  assert.deepEqual(first({ notNeutral: 0 }), ['The Varn harbour board approved the embattled ferry plan on Tuesday by seven votes to two.']);
});

test('neutrality: a reporting word read as a noun reports no speech', () => {
  const verbs = new Set(['calls', 'claims', 'reports', 'said']);
  const speech = (text: string): boolean => hasSpeechVerb(text, buildDoc(plainArticle(text)).tokens, verbs);
  assert.ok(speech('The harbour will reopen on Friday, the mayor said.'));
  assert.ok(speech('The ferry will stop at Varn from May, the Daily Post reports.'));
  assert.ok(!speech('The ruling drew new calls for a harbour law from the union.'));
  assert.ok(!speech('The court threw out the union’s first claims against the harbour board.'));
});

test('neutrality: a capitalised word inside a sentence is part of a name, not a verb of saying', () => {
  const verbs = new Set(['states', 'calls', 'said']);
  assert.ok(!reportsSpeech('The ferry carried 40 migrants from the island to the United States on Friday.', verbs));
  assert.ok(reportsSpeech('The council states that the ferry will run on Friday.', verbs));
  assert.ok(reportsSpeech('States must report their figures by Friday, the agency said.', verbs));
});

test('neutrality: quoted words whose speaker the sentence does not name never enter the summary', () => {
  const text = 'The mayor spoke at the harbour on Friday. “We are rebuilding the docks for every family in this city.\n\nThe Varn council approved the harbour plan on Tuesday by seven votes to two.';
  assert.ok(opensInQuote(text, text.indexOf('“')));
  assert.ok(!opensInQuote(text, text.indexOf('The Varn')));
  const docs = [
    buildDoc(plainArticle(text, 'q-0')),
    buildDoc(plainArticle('The Varn council approved the harbour plan on Tuesday, seven votes to two. Work on the new docks starts in May.', 'q-1')),
  ];
  const summary = summarize(docs, { sentences: 6 });
  assert.ok(summary.sentences.length > 0);
  assert.ok(summary.sentences.every((s) => !/rebuilding the docks/.test(s.text)), JSON.stringify(summary.sentences.map((s) => s.text)));
});

test('neutrality: page furniture is never a summary sentence, and a section label is dropped', () => {
  assert.ok(isFurniture('ORIGINALLY PUBLISHED ON MAY 3, 2031.'));
  assert.ok(isFurniture('The mayor spoke at the harbour. (Getty Images)'));
  assert.ok(!isFurniture('The Senate passed the bill on Tuesday after a long debate.'));
  assert.equal(furnitureLabel('Why it matters: The vote sets up a fight over the harbour.'), 'Why it matters: '.length);
  assert.equal(furnitureLabel('The vote sets up a fight: the harbour is at stake.'), 0);
  const docs = [
    buildDoc(plainArticle('Why it matters: The Varn council approved the harbour plan on Tuesday by seven votes to two. The plan is a truly outrageous and reckless gamble.', 'x-0')),
    buildDoc(plainArticle('The Varn council approved the harbour plan on Tuesday, seven votes to two. Work on the new docks starts in May.', 'x-1')),
  ];
  const summary = summarize(docs, { sentences: 4 });
  assert.ok(summary.sentences.every((s) => !/why it matters/i.test(s.text) && !/outrageous/.test(s.text)), JSON.stringify(summary.sentences.map((s) => s.text)));
  assert.equal(summary.sentences.filter((s) => /approved the harbour plan/.test(s.text)).length, 1, 'one fact, one sentence');
});
