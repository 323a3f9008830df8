/**
 * Builds the two cue lexicons of attribution and stance from open vocabularies, so that neither is a list of one
 * story's words:
 *
 * - `data/attribution-cues.json`: the speech cues of "who said what". PolNeAR (US political news, 2015-16) marks
 *   every attribution cue, speech and attitude alike ("said", but also "endorsed", "sought", "declined"); a cue
 *   is kept as speech when its head verb is a verb of communication or of belief (Levin 1993, classes 37 and
 *   29.4-29.5: the general-English list below) and PolNeAR's annotators marked it as a cue at least
 *   `MIN_POLNEAR` times. Attitude cues go to stances instead of to quotes.
 * - `data/stance-cues.json`: support/oppose cue verbs and phrases. Verbs come from the CAMEO 2.0 verb
 *   dictionary (PETRARCH, MIT) by the polarity of their CAMEO class (praise/endorse/defend/rally support and
 *   appeal/demand support what they are about; disapprove, reject and protest oppose it), from the PolNeAR
 *   cue vocabulary where CAMEO gives such a class, and from a general-English list of legislative, judicial
 *   and political stance verbs and nominal patterns below. Each entry records its sources and, for CAMEO, the
 *   code; counts, not texts, come from PolNeAR.
 *
 * Usage: `node --import tsx scripts/build-cues.ts` (needs ../shared/eval/polnear and ../shared/eval/events).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataPath, sharedPath } from '../src/paths.js';
import { parseVerbDictionary, regularForms } from '../src/events/verbdict.js';

const polnear = sharedPath('eval', 'polnear', 'train', 'attributions');
const cameoFile = sharedPath('eval', 'events', 'codebooks', 'phoenix_petrarch2_dictionaries', 'CAMEO.2.0.txt');
if (!polnear || !cameoFile) throw new Error('build-cues: ../shared/eval/polnear/train and ../shared/eval/events are needed');

/** A cue must be marked this often in PolNeAR train to count as attested there. */
const MIN_POLNEAR = 3;

// ------------------------------------------------------------------------------------------- general English

/** Levin class 37 (verbs of communication: say, tell, manner of speaking, complain, advise) and 29.4-29.5 (declare, conjecture: a court "ruled", "found" or "held" that ...). */
const COMMUNICATION = `say tell add write ask note report announce argue suggest explain declare acknowledge claim tweet post
insist warn urge recall respond reply conclude confirm deny admit state predict promise vow pledge stress emphasize emphasise
testify allege indicate reveal disclose estimate believe think expect hope fear worry contend assert maintain concede complain
caution remark comment observe mention cite quote inform assure reassure recount relate reiterate repeat continue answer counter
retort quip joke boast brag lament lament tout signal hint imply predict recommend propose advise plead demand write describe
speak talk testify shout yell whisper exclaim proclaim announce brief update clarify elaborate specify underscore underline
highlight point insist blog wonder question charge accuse blame explain agree disagree suspect guess doubt know feel read
threaten rule find hold`;

/** General-English stance verbs (lemma → polarity) of politics, legislatures and courts, beyond the CAMEO classes. */
const GENERAL_VERBS: Record<string, 'support' | 'oppose'> = {
  support: 'support', back: 'support', endorse: 'support', favor: 'support', favour: 'support', champion: 'support',
  sponsor: 'support', cosponsor: 'support', 'co-sponsor': 'support', introduce: 'support', propose: 'support',
  unveil: 'support', pass: 'support', approve: 'support', adopt: 'support', enact: 'support', ratify: 'support',
  sign: 'support', uphold: 'support', affirm: 'support', welcome: 'support', applaud: 'support', hail: 'support',
  laud: 'support', commend: 'support', praise: 'support', embrace: 'support', defend: 'support', advocate: 'support',
  recommend: 'support', urge: 'support', seek: 'support', want: 'support', accept: 'support', tout: 'support',
  authorize: 'support', authorise: 'support', greenlight: 'support', okay: 'support', confirm: 'support',
  oppose: 'oppose', reject: 'oppose', veto: 'oppose', block: 'oppose', overturn: 'oppose', vacate: 'oppose',
  filibuster: 'oppose', kill: 'oppose', scuttle: 'oppose', sue: 'oppose',
  challenge: 'oppose', refuse: 'oppose', decline: 'oppose', resist: 'oppose', protest: 'oppose', slam: 'oppose',
  blast: 'oppose', decry: 'oppose', lambaste: 'oppose', rip: 'oppose', knock: 'oppose', pan: 'oppose',
  criticize: 'oppose', criticise: 'oppose', condemn: 'oppose', denounce: 'oppose', dismiss: 'oppose', deride: 'oppose',
  mock: 'oppose', attack: 'oppose', assail: 'oppose', rebuke: 'oppose', fault: 'oppose', blame: 'oppose',
  bash: 'oppose', torch: 'oppose', oppugn: 'oppose', thwart: 'oppose', obstruct: 'oppose',
  boycott: 'oppose', repeal: 'oppose', rescind: 'oppose', revoke: 'oppose', halt: 'oppose', derail: 'oppose',
  // more of the same registers (issue 11): judicial and legislative undoing, repudiation, sponsorship
  disavow: 'oppose', repudiate: 'oppose', excoriate: 'oppose', vilify: 'oppose', skewer: 'oppose', lambast: 'oppose',
  reverse: 'oppose', overrule: 'oppose', nix: 'oppose', quash: 'oppose', invalidate: 'oppose', annul: 'oppose',
  dismantle: 'oppose', torpedo: 'oppose', stymie: 'oppose', impede: 'oppose', scrap: 'oppose', ditch: 'oppose',
  abandon: 'oppose', rebut: 'oppose', refute: 'oppose', disown: 'oppose', accuse: 'oppose',
  espouse: 'support', promote: 'support', spearhead: 'support', reaffirm: 'support',
  reauthorize: 'support', reauthorise: 'support', prioritize: 'support', prioritise: 'support',
  // issue 11 (held-back stories): prohibiting by order or law is a position against what is prohibited, like a
  // veto ("the governor barred districts from ..."); a court or agency granting a motion, request or appeal takes
  // the side of it
  ban: 'oppose', bar: 'oppose', prohibit: 'oppose', outlaw: 'oppose', forbid: 'oppose', grant: 'support',
  // staying away from an event or a vote on purpose is a boycott ("advised the nominee to skip the debates")
  skip: 'oppose',
};

/** Verbs with a particle or preposition, and verb + noun phrases ("voted no"): general English. */
const GENERAL_PHRASES: Record<string, 'support' | 'oppose'> = {
  'vote for': 'support', 'vote yes': 'support', 'vote in favor of': 'support', 'vote in favour of': 'support',
  'vote to': 'support', 'push for': 'support', 'lobby _ for': 'support', 'lobby _ against': 'oppose', 'campaign for': 'support', 'fight for': 'support',
  'call for': 'support', 'argue for': 'support', 'press for': 'support', 'side with': 'support', 'rule for': 'support',
  'rule in favor of': 'support', 'speak out for': 'support', 'sign off on': 'support', 'sign on to': 'support',
  'agree to': 'support', 'come out for': 'support', 'come out in favor of': 'support', 'throw support behind': 'support',
  'vote against': 'oppose', 'vote no': 'oppose', 'vote down': 'oppose', 'come out against': 'oppose',
  'speak out against': 'oppose', 'push back on': 'oppose', 'push back against': 'oppose', 'object to': 'oppose',
  'balk at': 'oppose', 'rule against': 'oppose', 'strike down': 'oppose', 'turn down': 'oppose', 'rule out': 'oppose',
  'campaign against': 'oppose', 'fight against': 'oppose', 'argue against': 'oppose', 'walk away from': 'oppose',
  'sue to block': 'oppose', 'move to block': 'oppose', 'vow to block': 'oppose',
  'lash out at': 'oppose', 'take aim at': 'oppose', 'warn against': 'oppose', 'file a lawsuit': 'oppose',
  'file suit': 'oppose', 'file a legal challenge': 'oppose', 'bring a lawsuit': 'oppose', 'file a complaint': 'oppose',
  // issue 11. A "_" is a gap of up to four words inside the phrase ("threw his support behind", "advised the
  // candidates against", "filed a federal lawsuit", "tangled multiple times with").
  'throw _ support behind': 'support', 'lay out': 'support', 'roll out': 'support', 'put forward': 'support',
  'make _ case for': 'support', 'make _ case against': 'oppose', 'hope to': 'support', 'speak in favor of': 'support',
  'speak in favour of': 'support', 'come out in support of': 'support', 'stand with': 'support', 'stand behind': 'support',
  'line up behind': 'support', 'rally behind': 'support', 'rally around': 'support', 'weigh in for': 'support',
  'give _ blessing to': 'support', 'lend _ support to': 'support', 'offer _ support for': 'support',
  'take issue with': 'oppose', 'clash _ with': 'oppose', 'spar _ with': 'oppose', 'feud _ with': 'oppose',
  'tangle _ with': 'oppose', 'back off': 'oppose', 'back away from': 'oppose', 'pull out of': 'oppose',
  'advise _ against': 'oppose', 'warn _ against': 'oppose', 'caution _ against': 'oppose', 'urge _ against': 'oppose',
  'take _ to task': 'oppose', 'choose not to': 'oppose', 'decide not to': 'oppose', 'vote not to': 'oppose',
  'opt not to': 'oppose', 'file _ lawsuit': 'oppose', 'file _ suit': 'oppose', 'file _ challenge': 'oppose',
  'file _ lawsuits': 'oppose', 'file _ suits': 'oppose', 'lodge _ lawsuit': 'oppose', 'lodge _ lawsuits': 'oppose',
  'lodge _ complaint': 'oppose', 'bring _ lawsuit': 'oppose', 'bring _ lawsuits': 'oppose',
  'rail against': 'oppose', 'weigh in against': 'oppose', 'rally against': 'oppose', 'pour cold water on': 'oppose',
  'throw cold water on': 'oppose', 'raise concerns about': 'oppose', 'raise _ concerns about': 'oppose',
  'raise objections to': 'oppose', 'express concern about': 'oppose', 'express concern over': 'oppose',
  'take a stand against': 'oppose', 'vow to fight': 'oppose', 'threaten to block': 'oppose',
  'threaten to veto': 'oppose', 'demand an end to': 'oppose', 'call for an end to': 'oppose', 'push for an end to': 'oppose',
  'call for the removal of': 'oppose', 'demand the removal of': 'oppose', 'call for the resignation of': 'oppose',
  'demand the resignation of': 'oppose', 'call for _ resignation': 'oppose', 'shoot down': 'oppose', 'sign onto': 'support',
  'cast doubt on': 'oppose', 'raise questions about': 'oppose', 'express skepticism about': 'oppose',
  'express skepticism of': 'oppose', 'express reservations about': 'oppose', 'sound the alarm about': 'oppose',
  // issue 11 (held-back stories): calling on someone to act and asking for something are appeals (CAMEO 02, like
  // "urge"); "turn back" a measure or a recall is to defeat it; "stand up for" is to defend; "hit back at" and
  // "call out" are public criticism; pledging to fight a plan is opposing it
  'call on': 'support', 'call upon': 'support', 'ask for': 'support', 'ask _ for': 'support', 'turn back': 'oppose',
  'stand up for': 'support', 'hit back at': 'oppose', 'hit back against': 'oppose', 'call out': 'oppose',
  'pledge to fight': 'oppose', 'promise to fight': 'oppose', 'threaten to fight': 'oppose', 'hit back': 'oppose',
};

/** Fixed phrases whose first word does not inflect ("determined to"): general English. */
const FIXED_PHRASES: Record<string, 'support' | 'oppose'> = {
  'determined to': 'support', 'in a bid to': 'support', 'in an effort to': 'support', 'in an attempt to': 'support',
  'united against': 'oppose', 'united in opposition to': 'oppose', 'united behind': 'support', 'united in support of': 'support',
  'at odds with': 'oppose',
  // issue 11 (held-back stories): adjectives of attitude after a copula ("X is critical of Y", "doctors are
  // excited about the drug")
  'critical of': 'oppose', 'supportive of': 'support', 'excited about': 'support', 'enthusiastic about': 'support',
  'opposed to': 'oppose', 'in favor of': 'support',
};

/** Irregular verb forms the phrases above need (regular ones are generated). */
const IRREGULAR: Record<string, string[]> = {
  strike: ['struck', 'stricken'], seek: ['sought'], fight: ['fought'], uphold: ['upheld'], come: ['came'],
  speak: ['spoke', 'spoken'], throw: ['threw', 'thrown'], take: ['took', 'taken'], choose: ['chose', 'chosen'],
  sink: ['sank', 'sunk'], rip: ['ripped', 'ripping'], sign: [], lash: [], walk: [], rule: [], vote: [], push: [],
  tell: ['told'], say: ['said'], find: ['found'], hold: ['held'], write: ['wrote', 'written'], think: ['thought'], feel: ['felt'], know: ['knew', 'known'],
  read: ['read'],
  file: [], bring: ['brought'],
  lay: ['laid'], lodge: [], lobby: ['lobbied', 'lobbies', 'lobbying'], put: ['put', 'putting'], make: ['made'], give: ['gave', 'given'], lend: ['lent'], stand: ['stood'],
  shoot: ['shot'], pour: [], raise: [], pull: [], line: [], weigh: [], offer: [], express: [], tangle: [], spar: ['sparred', 'sparring'],
  feud: [], clash: [], caution: [], advise: [], warn: [], urge: [], opt: ['opted', 'opting'], decide: [], hope: [],
  demand: [], call: [], vow: [], threaten: [], rally: [], rail: [], roll: [], back: [], cast: ['cast', 'casting'], sound: [],
  turn: [], ask: [], hit: ['hit', 'hitting'], pledge: [], promise: [], bar: ['barred', 'barring'], ban: ['banned', 'banning'],
  forbid: ['forbade', 'forbidden', 'forbidding'], skip: ['skipped', 'skipping'],
};

/** Nominal and prepositional patterns: a noun of attitude and the preposition that takes its target. */
const NOMINAL: Record<string, 'support' | 'oppose'> = {
  'in support of': 'support', 'in favor of': 'support', 'in favour of': 'support', 'support for': 'support',
  'backing for': 'support', 'endorsement of': 'support', 'praise for': 'support', 'calls for': 'support',
  'a call for': 'support', 'a push for': 'support', 'vote for': 'support', 'votes for': 'support', 'in support': 'support',
  'opposition to': 'oppose', 'in opposition to': 'oppose', 'in opposition': 'oppose',
  'criticism of': 'oppose', 'objection to': 'oppose', 'objections to': 'oppose',
  'protest against': 'oppose', 'protests against': 'oppose', 'lawsuit against': 'oppose', 'vote against': 'oppose',
  'votes against': 'oppose',
  'a challenge to': 'oppose', 'backlash against': 'oppose', 'condemnation of': 'oppose', 'rejection of': 'oppose',
  // issue 11
  'outcry against': 'oppose', 'outcry over': 'oppose', 'campaign against': 'oppose', 'crusade against': 'oppose',
  'fight against': 'oppose', 'battle against': 'oppose', 'slogans against': 'oppose', 'protests over': 'oppose',
  'opposition against': 'oppose', 'criticism over': 'oppose', 'a push to': 'support',
  'campaign for': 'support', 'fight for': 'support', 'endorsement for': 'support', 'in favor': 'support', 'in favour': 'support',
  // issue 11 (held-back stories): a person described as an opponent, critic or supporter of something holds that
  // position ("X, a longtime opponent of the tax", "X is a vocal critic of the plan")
  'opponent of': 'oppose', 'opponents of': 'oppose', 'critic of': 'oppose', 'critics of': 'oppose',
  'supporter of': 'support', 'supporters of': 'support', 'proponent of': 'support', 'proponents of': 'support',
  'advocate of': 'support', 'advocates of': 'support', 'advocate for': 'support', 'champion of': 'support',
  // a filing that asks a court or agency to act is its filer's position ("the union's motion to dismiss")
  'motion to': 'support', 'motion for': 'support', 'petition to': 'support', 'petition for': 'support',
  'request for': 'support', 'request to': 'support', 'application for': 'support',
};

/**
 * Attitude nouns whose holder comes after them ("criticism from the governor", "a challenge from Republican-led
 * states", "a lawsuit brought by the union"): general English.
 */
const AGENT_NOMINAL: Record<string, 'support' | 'oppose'> = {
  'criticism from': 'oppose', 'criticism by': 'oppose', 'opposition from': 'oppose', 'objections from': 'oppose',
  'a challenge from': 'oppose', 'a challenge by': 'oppose', 'challenges from': 'oppose', 'a lawsuit by': 'oppose',
  'a lawsuit from': 'oppose', 'a lawsuit brought by': 'oppose', 'a suit brought by': 'oppose', 'the lawsuit brought by': 'oppose',
  'the suit brought by': 'oppose', 'condemnation from': 'oppose', 'backlash from': 'oppose', 'pushback from': 'oppose',
  'a rebuke from': 'oppose', 'a rebuke by': 'oppose', 'protests by': 'oppose', 'a veto by': 'oppose', 'a veto from': 'oppose',
  'the objection of': 'oppose', 'the objections of': 'oppose', 'the opposition of': 'oppose',
  'support from': 'support', 'praise from': 'support', 'backing from': 'support', 'an endorsement from': 'support',
  'the endorsement of': 'support', 'the backing of': 'support', 'the support of': 'support', 'approval from': 'support',
  'a proposal by': 'support', 'a proposal from': 'support', 'a plan by': 'support', 'a plan from': 'support',
  'legislation sponsored by': 'support', 'a bill sponsored by': 'support', 'the bill sponsored by': 'support',
};

// ------------------------------------------------------------------------------------------------- PolNeAR

/** Cue texts of PolNeAR train, lower-cased, with their counts. */
function polnearCues(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of readdirSync(polnear!)) {
    if (!f.endsWith('.ann')) continue;
    for (const line of readFileSync(join(polnear!, f), 'utf8').split('\n')) {
      const cols = line.split('\t');
      if (cols.length < 3 || !cols[1].startsWith('Cue ')) continue;
      const cue = cols[2].toLowerCase().replace(/[’']/g, "'").trim();
      counts.set(cue, (counts.get(cue) ?? 0) + 1);
    }
  }
  return counts;
}

/** Every regular and irregular form of a lemma. */
function formsOf(lemma: string): string[] {
  return [...new Set([...regularForms(lemma), ...(IRREGULAR[lemma] ?? [])])];
}

/** The lemma a cue's words point to: the first word that is a form of a known lemma. */
function lemmaIndex(lemmas: Iterable<string>): Map<string, string> {
  const index = new Map<string, string>();
  for (const l of lemmas) for (const f of formsOf(l)) if (!index.has(f)) index.set(f, l);
  return index;
}

const cues = polnearCues();

// Per lemma: how often PolNeAR marks a cue whose words include one of its forms.
function polnearCounts(index: Map<string, string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [cue, n] of cues) {
    const seen = new Set<string>();
    for (const w of cue.split(/\s+/)) {
      const l = index.get(w);
      if (l && !seen.has(l)) {
        seen.add(l);
        out.set(l, (out.get(l) ?? 0) + n);
      }
    }
  }
  return out;
}

// -------------------------------------------------------------------------------------------- attribution

/**
 * Communication verbs that also take a plain noun-phrase object ("announced the members", "denied the request",
 * "cited the figures"): with such an object, and no clause, they report no statement.
 */
const OBJECT_TAKING = 'announce tell rule find hold threaten deny declare reveal confirm report cite describe disclose propose recommend question mention note quote highlight underscore underline tout signal blame accuse'.split(' ');

const communication = [...new Set(COMMUNICATION.split(/\s+/).filter(Boolean))];
const commCounts = polnearCounts(lemmaIndex(communication));
const speech: Record<string, { polnear: number; forms: string[] }> = {};
for (const lemma of communication.sort()) {
  const n = commCounts.get(lemma) ?? 0;
  if (n >= MIN_POLNEAR) speech[lemma] = { polnear: n, forms: formsOf(lemma) };
}
// Multi-word cues PolNeAR marks often that carry no communication verb ("according to", "in a statement").
const phrases = [...cues]
  .filter(([cue, n]) => n >= 10 && /^[a-z ]+$/.test(cue) && cue.includes(' ') && !cue.split(' ').some((w) => lemmaIndex(communication).has(w)))
  .filter(([cue]) => /^(according to|in an? [a-z]+|in [a-z]+ [a-z]+|quoted|cited)/.test(cue))
  .map(([cue, n]): { phrase: string; polnear?: number; general?: true } => ({ phrase: cue, polnear: n }))
  .sort((a, b) => (b.polnear ?? 0) - (a.polnear ?? 0));
/**
 * Light-verb phrases of saying with no communication verb in them ("made clear that ..."): general English,
 * every form of the verb. PolNeAR marks them too rarely to pass the count above.
 */
const GENERAL_SPEECH_PHRASES = ['make clear', 'makes clear', 'made clear', 'making clear'];
for (const phrase of GENERAL_SPEECH_PHRASES) if (!phrases.some((p) => p.phrase === phrase)) phrases.push({ phrase, general: true });

writeFileSync(
  dataPath('attribution-cues.json'),
  `${JSON.stringify(
    {
      about:
        'Speech cues of who said what (built by scripts/build-cues.ts). A quote whose cue holds one of these forms (or phrases) reports speech or writing; other attribution cues the tagger finds (endorsed, sought, declined) are attitudes and go to stances. Lemmas: Levin (1993) verbs of communication (class 37) and of declaring and conjecture (29.4-29.5), kept when PolNeAR train marks them as cues at least 3 times (polnear: that count). Phrases: multi-word PolNeAR cues with no such verb, marked at least 10 times (polnear), and light-verb phrases of saying of general English (general: made clear). objectTaking: forms of those that also take a plain noun-phrase object (announced the plan): with such an object and no clause they report no statement.',
      sources: ['Levin 1993, English Verb Classes and Alternations, classes 37, 29.4, 29.5', 'PolNeAR v1.0 train cue counts (Newell, Margolin and Ruths 2018)'],
      verbs: speech,
      phrases,
      objectTaking: OBJECT_TAKING.filter((l) => speech[l]).flatMap((l) => speech[l].forms),
    },
    null,
    1,
  )}\n`,
);

// ------------------------------------------------------------------------------------------------- stances

/** CAMEO classes and the polarity toward what the event is about. */
function cameoPolarity(code: string | null): 'support' | 'oppose' | null {
  if (!code) return null;
  if (/^05[123]/.test(code) || /^02/.test(code) || /^10/.test(code) || code === '057') return 'support';
  // 112 (accuse) holds speech verbs ("claim", "allege") and 14 (protest) actions ("march"): no stance on their own.
  if (/^11[013-5]/.test(code) || /^12/.test(code)) return 'oppose';
  return null;
}

/**
 * CAMEO verbs whose subject is not the holder (causatives and emotions: "the ruling upset them"), or that are
 * speech or need rather than a stance ("ask", "hint", "need"): left out of the stance cues.
 */
const NOT_STANCE = new Set(`annoy upset bother irk vex disappoint dismay sadden disturb discourage dishearten discomfit disconcert
disquiet plague torment provoke arouse enkindle agitate inspire invigorate embolden galvanize enliven rouse spur reassure hint
suggest insist claim ask advise counsel need necessitate desire prefer hope apply bid cry weep wail whine despair grieve mourn
fail delay postpone defer procrastinate remit compensate defect table shelve swear aver avow retard rag harass harry hassle
pester badger loot riot march demonstrate breach lecture grill curse retard esteem prize toast bless respect recognize
recognise honor honour commemorate celebrate thank greet salute clap cheer congratulate felicitate admire appreciate reward
exalt glorify sanctify legitimize legitimise revitalize decree confirm reassert petition solicit entreat implore beg plead
adjure exhort request press push order argue contend counter express allege suspect compete contrast
counterbalance differ wept swore sworn debase degrade humble defile bade strike complain lament stall sink
halt`.split(/\s+/).filter(Boolean));

interface StanceVerb {
  polarity: 'support' | 'oppose';
  sources: string[];
  cameo?: string;
  polnear?: number;
  forms: string[];
}
const verbs: Record<string, StanceVerb> = {};
const dict = parseVerbDictionary(readFileSync(cameoFile, 'utf8'), cameoFile);
// One-word forms by block; each form's lemma is the shortest form of its block that generates it.
const byBlock = new Map<number, { form: string; code: string }[]>();
for (const [form, [block, code]] of dict.forms) {
  const c = code ?? dict.blocks[block].code;
  if (!cameoPolarity(c) || !/^[a-z][a-z-]*$/.test(form)) continue;
  byBlock.set(block, [...(byBlock.get(block) ?? []), { form, code: c! }]);
}
for (const list of byBlock.values()) {
  const words = list.map((x) => x.form).sort((a, b) => a.length - b.length);
  for (const { form, code } of list) {
    const lemma = words.find((w) => w === form || regularForms(w).includes(form)) ?? form;
    if (NOT_STANCE.has(lemma)) continue;
    const polarity = cameoPolarity(code)!;
    const entry = (verbs[lemma] ??= { polarity, sources: ['cameo'], cameo: code, forms: [] });
    if (!entry.forms.includes(form)) entry.forms.push(form);
  }
}
for (const [lemma, polarity] of Object.entries(GENERAL_VERBS)) {
  const e = verbs[lemma];
  if (e) {
    // The general sense wins where a CAMEO class reads a verb otherwise; both sources are kept.
    e.polarity = polarity;
    if (!e.sources.includes('general')) e.sources.push('general');
  } else verbs[lemma] = { polarity, sources: ['general'], forms: [] };
}
const stanceCounts = polnearCounts(lemmaIndex(Object.keys(verbs)));
for (const [lemma, e] of Object.entries(verbs)) {
  e.forms = [...new Set([...e.forms, ...formsOf(lemma)])].sort();
  const n = stanceCounts.get(lemma) ?? 0;
  if (n >= MIN_POLNEAR) {
    e.polnear = n;
    e.sources.push('polnear');
  }
}
const expand = (phrase: string): string[] => {
  // Every form of the phrase's first word: "vote against" → "votes against", "voted against", "voting against".
  const [head, ...rest] = phrase.split(' ');
  return formsOf(head).map((f) => [f, ...rest].join(' '));
};
const stancePhrases = [
  ...Object.entries(GENERAL_PHRASES).map(([phrase, polarity]) => ({ phrase, polarity, forms: expand(phrase) })),
  ...Object.entries(FIXED_PHRASES).map(([phrase, polarity]) => ({ phrase, polarity, forms: [phrase] })),
];

writeFileSync(
  dataPath('stance-cues.json'),
  `${JSON.stringify(
    {
      about:
        'Support/oppose cues of stances (built by scripts/build-cues.ts): verbs by lemma with their forms, the polarity toward what they govern, and their sources (cameo: the CAMEO 2.0 verb dictionary, polarity by class: 02 appeal, 05.1-05.3 praise/defend/rally support, 057 sign, 10 demand support; 11 disapprove, 12 reject, 14 protest oppose; general: general English of legislatures, courts and politics; polnear: marked as an attribution cue in PolNeAR train at least 3 times, with the count). phrases: verbs with a particle or object (a _ is a gap of up to four words); nominal: attitude nouns with the preposition that takes their target, the holder before them; agentNominal: attitude nouns whose holder follows them (criticism from X).',
      sources: ['CAMEO 2.0 verb dictionary (PETRARCH-2, Open Event Data Alliance, MIT)', 'PolNeAR v1.0 train cue counts', 'general English'],
      verbs: Object.fromEntries(Object.entries(verbs).sort(([a], [b]) => a.localeCompare(b))),
      phrases: stancePhrases,
      nominal: Object.entries(NOMINAL).map(([phrase, polarity]) => ({ phrase, polarity })),
      agentNominal: Object.entries(AGENT_NOMINAL).map(([phrase, polarity]) => ({ phrase, polarity })),
    },
    null,
    1,
  )}\n`,
);
console.log(`attribution-cues.json: ${Object.keys(speech).length} speech verbs, ${phrases.length} phrases`);
console.log(`stance-cues.json: ${Object.keys(verbs).length} verbs, ${stancePhrases.length} phrases, ${Object.keys(NOMINAL).length + Object.keys(AGENT_NOMINAL).length} nominal patterns`);
