/**
 * Who can be a speaker: a person, an organisation, or a country (a capital standing for its government
 * included); a town never; "he" only a person; "it" and "which" never a person; names in an apposition or a
 * relative clause describe the speaker rather than being it. Made-up sentences only.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, AliasKind, Quote, Span } from '../model.js';
import { known, unknown } from '../model.js';
import { canSpeak, describedAntecedents, introducesSpeaker, linkSpeakers, speakerMention } from './index.js';

const ARTICLE = 'art';

/** The span of the n-th (0-based) occurrence of `words` in `text`. */
function at(text: string, words: string, nth = 0): Span {
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(words, start + 1);
    if (start < 0) throw new Error(`"${words}" (#${nth}) not in: ${text}`);
  }
  return { article: ARTICLE, start, end: start + words.length };
}

interface ActorSpec {
  id: string;
  type: Actor['type'];
  /** the actor's mentions in the text: words, occurrence, alias kind */
  mentions: [string, number, AliasKind][];
  /** a country actor: its own code as country and knowledge-base code */
  countryCode?: string;
  /** a town: the country it lies in, with no code of its own */
  inCountry?: string;
}

function makeActor(text: string, spec: ActorSpec): Actor {
  const country = spec.countryCode ?? spec.inCountry;
  return {
    id: spec.id,
    name: spec.id,
    type: spec.type,
    aliases: spec.mentions.map(([words, nth, kind]) => ({ span: at(text, words, nth), text: words, kind, method: 'test', confidence: 1 })),
    role: unknown(),
    country: country ? known(country, 'test', 1) : unknown(),
    organisation: unknown(),
    codes: spec.countryCode ? [spec.countryCode] : [],
    method: 'test',
    confidence: 1,
  };
}

interface Case {
  name: string;
  text: string;
  /** the source mention: words and occurrence */
  source: [string, number];
  antecedent?: [string, number];
  actors: ActorSpec[];
  want: string | null;
  /** what the who-said-what view calls the speaker when no actor is linked */
  mention?: string | null;
  /** the attribution is dropped: its source is only a place or an event */
  dropped?: boolean;
}

const cases: Case[] = [
  {
    name: '"Democratic senators"-style members of a party named in the story speak for that party',
    text: 'The Greens won seats. In a letter, Green senators said the plan was final.',
    source: ['Green senators', 0],
    actors: [{ id: 'Greens', type: 'ORG', mentions: [['Greens', 0, 'name']] }],
    want: 'Greens',
  },
  {
    name: 'members described by a party acronym the linker tied to the party speak for it ("many GP members")',
    text: 'The Greens (GP) met. Many GP members said the plan was final.',
    source: ['Many GP members', 0],
    actors: [{ id: 'Greens', type: 'ORG', mentions: [['Greens', 0, 'name'], ['GP', 1, 'acronym']] }],
    want: 'Greens',
  },
  {
    name: '"she" with the antecedent "Speaker Jane Roe (D-Ore.) and other Green leaders" is the first member named',
    text: 'Speaker Jane Roe (D-Ore.) and other Green leaders met the Harbour Board. Later she said the plan was final.',
    source: ['she', 0],
    antecedent: ['Speaker Jane Roe (D-Ore.) and other Green leaders', 0],
    actors: [
      { id: 'jane-roe', type: 'PERSON', mentions: [['Jane Roe', 0, 'name']] },
      { id: 'harbour-board', type: 'ORG', mentions: [['Harbour Board', 0, 'name']] },
    ],
    want: 'jane-roe',
  },
  {
    name: 'a nationality before "officials" is no party: the description stays its own speaker',
    text: 'Ruritanians voted. Ruritanian officials said the plan was final.',
    source: ['Ruritanian officials', 0],
    actors: [{ id: 'Ruritanians', type: 'MISC', mentions: [['Ruritanians', 0, 'name']] }],
    want: null,
  },
  {
    name: '"the government" whose antecedent names no actor is not shown as that antecedent',
    text: 'The Harbour Tax Credit began. The federal government said the plan was final.',
    source: ['The federal government', 0],
    antecedent: ['Harbour Tax Credit', 0],
    actors: [],
    want: null,
    mention: 'federal government',
  },
  {
    name: '"he" after a person the linker made no actor of is that person, not the actor the pronoun was linked to',
    text: 'Mayor Ilse Varga spoke, while rival Tomas Brell attacked what he said the plan was final.',
    source: ['he', 0],
    antecedent: ['rival Tomas Brell', 0],
    actors: [{ id: 'ilse-varga', type: 'PERSON', mentions: [['Ilse Varga', 0, 'name'], ['he', 0, 'pronoun']] }],
    want: null,
    mention: 'rival Tomas Brell',
  },
  {
    name: '"she" skips the antecedent the story calls "Mr." and takes the last woman named',
    text: 'Ms. Ilse Varga met Mr. Tomas Brell on Monday. Brell left. Later she said the plan was final.',
    source: ['she', 0],
    antecedent: ['Tomas Brell', 0],
    actors: [
      { id: 'ilse-varga', type: 'PERSON', mentions: [['Ilse Varga', 0, 'name']] },
      { id: 'tomas-brell', type: 'PERSON', mentions: [['Tomas Brell', 0, 'name'], ['Brell', 1, 'surname']] },
    ],
    want: 'ilse-varga',
  },
  {
    name: '"he" keeps an antecedent whose gender the story does not give',
    text: 'Ms. Ilse Varga met Tomas Brell on Monday. Later he said the plan was final.',
    source: ['he', 0],
    antecedent: ['Tomas Brell', 0],
    actors: [
      { id: 'ilse-varga', type: 'PERSON', mentions: [['Ilse Varga', 0, 'name']] },
      { id: 'tomas-brell', type: 'PERSON', mentions: [['Tomas Brell', 0, 'name']] },
    ],
    want: 'tomas-brell',
  },
  {
    name: '"the court" is the court named before, not the antecedent the quote stage found',
    text: 'The Harbour Court heard the case. Critics were upset. The court said the plan was final.',
    source: ['The court', 0],
    antecedent: ['Critics', 0],
    actors: [{ id: 'harbour-court', type: 'ORG', mentions: [['Harbour Court', 0, 'name']] }],
    want: 'harbour-court',
  },
  {
    name: '"the agency" takes no place as its antecedent',
    text: 'Storms hit Brellport. The agency said the plan was final.',
    source: ['The agency', 0],
    antecedent: ['Brellport', 0],
    actors: [{ id: 'brellport', type: 'GPE', mentions: [['Brellport', 0, 'name']], inCountry: 'XQA' }],
    want: null,
  },
  {
    name: '"the president" takes no country as its antecedent',
    text: 'Ostravia held talks. The president said the plan was final.',
    source: ['The president', 0],
    antecedent: ['Ostravia', 0],
    actors: [{ id: 'ostravia', type: 'GPE', mentions: [['Ostravia', 0, 'name']], countryCode: 'XQA' }],
    want: null,
  },
  {
    name: 'a town as the whole mention says nothing',
    text: 'Brellport said the bridge would stay shut.',
    source: ['Brellport', 0],
    actors: [{ id: 'brellport', type: 'GPE', mentions: [['Brellport', 0, 'name']], inCountry: 'XQA' }],
    want: null,
    dropped: true,
  },
  {
    name: 'a country as the whole mention speaks',
    text: 'Ostravia said the bridge would stay shut.',
    source: ['Ostravia', 0],
    actors: [{ id: 'ostravia', type: 'GPE', mentions: [['Ostravia', 0, 'name']], countryCode: 'XQA' }],
    want: 'ostravia',
  },
  {
    name: 'a capital used for its government speaks for the country',
    text: 'Velmar said the bridge would stay shut.',
    source: ['Velmar', 0],
    actors: [{ id: 'ostravia', type: 'GPE', mentions: [['Velmar', 0, 'metonymy']], countryCode: 'XQA' }],
    want: 'ostravia',
  },
  {
    name: 'a region or a sea (LOC) says nothing',
    text: 'The Kessel Basin said the bridge would stay shut.',
    source: ['The Kessel Basin', 0],
    actors: [{ id: 'kessel-basin', type: 'LOC', mentions: [['Kessel Basin', 0, 'name']] }],
    want: null,
    dropped: true,
  },
  {
    name: '"it" never resolves to a person, even one inside the mention span',
    text: 'Mira Dosk met the board. It said the plan was final.',
    source: ['It', 0],
    actors: [{ id: 'mira-dosk', type: 'PERSON', mentions: [['Mira Dosk', 0, 'name'], ['It', 0, 'pronoun']] }],
    want: null,
    mention: null,
  },
  {
    name: '"which" with a person antecedent stays unknown',
    text: 'Mira Dosk chairs the board, which said the plan was final.',
    source: ['which', 0],
    antecedent: ['Mira Dosk', 0],
    actors: [{ id: 'mira-dosk', type: 'PERSON', mentions: [['Mira Dosk', 0, 'name']] }],
    want: null,
  },
  {
    name: '"which" with an organisation antecedent is the organisation',
    text: 'The Harbour Guild, which said the plan was final, met today.',
    source: ['which', 0],
    antecedent: ['The Harbour Guild', 0],
    actors: [{ id: 'harbour-guild', type: 'ORG', mentions: [['Harbour Guild', 0, 'name']] }],
    want: 'harbour-guild',
  },
  {
    name: '"he" with an organisation antecedent falls back to the person the pronoun was linked to',
    text: 'Olav Strand spoke to the Lindqvist Wire. He said the plan was final.',
    source: ['He', 0],
    antecedent: ['Lindqvist Wire', 0],
    actors: [
      { id: 'lindqvist-wire', type: 'ORG', mentions: [['Lindqvist Wire', 0, 'name']] },
      { id: 'olav-strand', type: 'PERSON', mentions: [['Olav Strand', 0, 'name'], ['He', 0, 'pronoun']] },
    ],
    want: 'olav-strand',
  },
  {
    name: '"he" with an organisation antecedent and no linked person stays unknown',
    text: 'Olav Strand spoke to the Lindqvist Wire. He said the plan was final.',
    source: ['He', 0],
    antecedent: ['Lindqvist Wire', 0],
    actors: [{ id: 'lindqvist-wire', type: 'ORG', mentions: [['Lindqvist Wire', 0, 'name']] }],
    want: null,
  },
  {
    name: 'a person named in an apposition is not the speaker',
    text: 'The Quay Council, a body opposed to Mayor Edda Rune, said the plan was final.',
    source: ['The Quay Council, a body opposed to Mayor Edda Rune,', 0],
    actors: [{ id: 'edda-rune', type: 'PERSON', mentions: [['Edda Rune', 0, 'name']] }],
    want: null,
    mention: 'Quay Council',
  },
  {
    name: 'the head before the apposition is the speaker',
    text: 'The Quay Council, a body opposed to Mayor Edda Rune, said the plan was final.',
    source: ['The Quay Council, a body opposed to Mayor Edda Rune,', 0],
    actors: [
      { id: 'edda-rune', type: 'PERSON', mentions: [['Edda Rune', 0, 'name']] },
      { id: 'quay-council', type: 'ORG', mentions: [['Quay Council', 0, 'name']] },
    ],
    want: 'quay-council',
  },
  {
    name: 'a person with an apposition naming an organisation is the person',
    text: 'Edda Rune, a member of the Quay Council, said the plan was final.',
    source: ['Edda Rune, a member of the Quay Council,', 0],
    actors: [
      { id: 'edda-rune', type: 'PERSON', mentions: [['Edda Rune', 0, 'name']] },
      { id: 'quay-council', type: 'ORG', mentions: [['Quay Council', 0, 'name']] },
    ],
    want: 'edda-rune',
  },
  {
    name: 'a name right after the comma renames a title',
    text: 'Ostravia\'s trade minister, Edda Rune, said the plan was final.',
    source: ['Ostravia\'s trade minister, Edda Rune,', 0],
    actors: [
      { id: 'edda-rune', type: 'PERSON', mentions: [['Edda Rune', 0, 'name']] },
      { id: 'ostravia', type: 'GPE', mentions: [['Ostravia', 0, 'name']], countryCode: 'XQA' },
    ],
    want: 'edda-rune',
  },
  {
    name: 'a title before the name keeps the person',
    text: 'Ostravian Trade Minister Edda Rune said the plan was final.',
    source: ['Ostravian Trade Minister Edda Rune', 0],
    actors: [
      { id: 'edda-rune', type: 'PERSON', mentions: [['Edda Rune', 0, 'name']] },
      { id: 'ostravia', type: 'GPE', mentions: [['Ostravian', 0, 'demonym']], countryCode: 'XQA' },
    ],
    want: 'edda-rune',
  },
  {
    name: 'a possessive pronoun before a named aide is whose aide, not who spoke',
    text: 'Mira Dosk met the board, and her senior aide Tomas Vell said the bridge would stay shut.',
    source: ['her senior aide Tomas Vell', 0],
    actors: [
      { id: 'mira-dosk', type: 'PERSON', mentions: [['Mira Dosk', 0, 'name'], ['her', 0, 'pronoun']] },
      { id: 'tomas-vell', type: 'PERSON', mentions: [['Tomas Vell', 0, 'name']] },
    ],
    want: 'tomas-vell',
  },
];

for (const c of cases) {
  test(`speaker: ${c.name}`, () => {
    const source = at(c.text, ...c.source);
    const antecedent = c.antecedent ? at(c.text, ...c.antecedent) : null;
    const content = at(c.text, c.text.includes('the plan was final') ? 'the plan was final' : 'the bridge would stay shut');
    const q: Quote = { kind: 'indirect', cue: null, content: [content], source, antecedent, speaker: null, channel: null, method: 'test', confidence: 0.7 };
    const actors = c.actors.map((s) => makeActor(c.text, s));
    const [linked] = linkSpeakers([q], actors, c.text);
    // A place or an event as the whole source says nothing: the attribution is dropped, not shown unattributed.
    if (c.dropped) return assert.equal(linked, undefined);
    assert.equal(linked.speaker, c.want);
    // Unknown stays unknown, with the mention's words kept for the reader.
    if (c.mention !== undefined) assert.equal(speakerMention({ text: c.text }, linked), c.mention);
  });
}

test('canSpeak: people, organisations and countries; not towns, regions or events', () => {
  const text = 'x';
  const table: [ActorSpec, boolean][] = [
    [{ id: 'p', type: 'PERSON', mentions: [] }, true],
    [{ id: 'o', type: 'ORG', mentions: [] }, true],
    [{ id: 'c', type: 'GPE', mentions: [], countryCode: 'XQA' }, true],
    [{ id: 't', type: 'GPE', mentions: [], inCountry: 'XQA' }, false],
    [{ id: 'g', type: 'GPE', mentions: [] }, false],
    [{ id: 'l', type: 'LOC', mentions: [] }, false],
    [{ id: 'm', type: 'MISC', mentions: [] }, false],
  ];
  for (const [spec, want] of table) assert.equal(canSpeak(makeActor(text, spec)), want, spec.id);
});

test('a description that brings in a new speaker points back to nobody; a definite one may', () => {
  const text = 'Mayor Jane Roe left. A senior city official said it. Two people familiar with the talks said so. Officials said more. The official said that. Roe’s spokesman said this.';
  assert.equal(introducesSpeaker(at(text, 'A senior city official'), text), true);
  assert.equal(introducesSpeaker(at(text, 'Two people familiar with the talks'), text), true);
  assert.equal(introducesSpeaker(at(text, 'Officials'), text), true);
  assert.equal(introducesSpeaker(at(text, 'The official'), text), false);
  assert.equal(introducesSpeaker(at(text, 'Roe’s spokesman'), text), false);
  assert.equal(introducesSpeaker(at(text, 'Mayor Jane Roe'), text), false);
});

test('"the company" falls back on the organisation that spoke last, not a body named in what it said', () => {
  const text = 'Kestrel Media said it would act. Its rules follow the Harbour Guild. The company said the plan was final.';
  const actors = [
    makeActor(text, { id: 'kestrel-media', type: 'ORG', mentions: [['Kestrel Media', 0, 'name']] }),
    makeActor(text, { id: 'harbour-guild', type: 'ORG', mentions: [['Harbour Guild', 0, 'name']] }),
  ];
  const quote = (source: Span, antecedent: Span | null, content: Span): Quote => ({ kind: 'indirect', cue: null, content: [content], source, antecedent, speaker: null, channel: null, method: 'test', confidence: 0.7 });
  const first = quote(at(text, 'Kestrel Media'), null, at(text, 'it would act'));
  const second = quote(at(text, 'The company'), at(text, 'Harbour Guild'), at(text, 'the plan was final'));
  // given out of text order: the order of the text decides who spoke last
  const [b, a] = linkSpeakers([second, first], actors, text);
  assert.equal(a.speaker, 'kestrel-media');
  assert.equal(b.speaker, 'kestrel-media');
});

test('a definite description points back to the description that brought its speaker in', () => {
  const text = 'Roe will run, two people familiar with the plan said. It starts soon, the sources said. A senior city official said more. The official said that. Mayor Jane Roe spoke. The minister said no.';
  const q = (source: string, antecedent: string | null = null): Quote => ({ kind: 'indirect', cue: null, content: [at(text, 'said')], source: at(text, source), antecedent: antecedent ? at(text, antecedent) : null, speaker: null, channel: null, method: 'test', confidence: 0.7 });
  const out = describedAntecedents([q('the sources'), q('two people familiar with the plan', 'Roe'), q('The official', 'Mayor Jane Roe'), q('A senior city official', 'Roe'), q('The minister', 'Mayor Jane Roe')], text);
  const cut = (x: Quote): string | null => (x.antecedent ? text.slice(x.antecedent.start, x.antecedent.end) : null);
  assert.equal(cut(out[0]), 'two people familiar with the plan');
  assert.equal(cut(out[1]), null);
  assert.equal(cut(out[2]), 'A senior city official');
  assert.equal(cut(out[3]), null);
  // another head: the antecedent the quote stage found stands
  assert.equal(cut(out[4]), 'Mayor Jane Roe');
});

test('"CLAUSE, the agency said": the body that is the clause\'s subject, not a body named later in it', () => {
  const text = 'Officials met. The Harbour Patrol will close two piers near the Tornby Fish Market, the agency said on Monday.';
  const content = at(text, 'The Harbour Patrol will close two piers near the Tornby Fish Market');
  const q: Quote = { kind: 'indirect', cue: at(text, 'said'), content: [content], source: at(text, 'the agency'), antecedent: at(text, 'Tornby Fish Market'), speaker: null, channel: null, method: 'test', confidence: 0.7 };
  const actors = [
    makeActor(text, { id: 'harbour-patrol', type: 'ORG', mentions: [['Harbour Patrol', 0, 'name']] }),
    makeActor(text, { id: 'tornby-fish-market', type: 'ORG', mentions: [['Tornby Fish Market', 0, 'name']] }),
  ];
  assert.equal(linkSpeakers([q], actors, text)[0].speaker, 'harbour-patrol');
});
