/**
 * The event coder: for one sentence, the events it reports, in PLOVER types with their CAMEO codes.
 *
 * Candidates then refiners, as chrono does: every verb the CAMEO verb dictionary knows is a candidate, coded by
 * its longest matching pattern ("- * &CURRENCY [0231]") or its default code; refiners then read the verb's
 * context (negation, future, hypothetical, modal "must"), turn intents into AGREE and conditional harm into
 * THREATEN as CAMEO does, and find the source (the nearest actor group before the verb, or the agent of a
 * passive) and the target (the first actor group after it, inside the clause).
 */
import type { DateValue, Doc, Event, EventActor, Field, PloverType, Span } from '../model.js';
import { tokenizeRange } from '../text/index.js';
import type { Token } from '../model.js';
import { eventLexicon, ploverOf, plover05Of, type VerbPattern, type VerbDictionary } from './lexicon.js';
import { findActors, kbDictionary, type ActorDictionary, type CoderToken, type FoundActor } from './actors.js';

/** An event as the coder reads it, PLOVER-style: lists of source and target actors. */
export interface CodedEvent {
  /** token range of the verb phrase */
  triggerStart: number;
  triggerEnd: number;
  cameo: string;
  /**
   * the PLOVER type; null for a statement (CAMEO 01x), which PLOVER does not code as an event, and for a code
   * the mapping does not know
   */
  type: PloverType | null;
  /**
   * PLOVER 0.5 type name (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT where they apply; STATEMENT for CAMEO 01x;
   * NONE for a code outside the CAMEO→PLOVER mapping)
   */
  type05: string;
  /** a statement (CAMEO 01x: make a statement, comment, claim responsibility, express sympathy ...) */
  statement: boolean;
  /**
   * How likely this is the sentence's main event, as PETRARCH would code it: the main clause's verb with
   * known actors ranks high; verbs in relative or participle clauses, purpose infinitives, a verb that only
   * introduces its "to"-complement, and bare reporting verbs rank low. Compare within a sentence only.
   */
  salience: number;
  /**
   * A CAMEO reading of a report rather than an act of its own (PETRARCH's "X said Y attacked Z" is X accusing
   * Y, 112; "X said they attacked Z" is X claiming responsibility, 015). The reported act is coded too; PLOVER
   * codes only that, so derived events stay out of `codeEvents`.
   */
  derived: boolean;
  mode: string | null;
  sources: FoundActor[];
  targets: FoundActor[];
  negated: boolean;
  hypothetical: boolean;
  future: boolean;
  historical: boolean;
  /** the actor of the reporting clause, when the event is reported */
  reportedBy: FoundActor | null;
  method: string;
  confidence: number;
}

/** What `codeSentence` returns: the tokens it read and the events, in the order of their verbs. */
export interface CodedSentence {
  tokens: CoderToken[];
  events: CodedEvent[];
}

export interface CodeOptions {
  /** the actor dictionary (default: the knowledge base) */
  dictionary?: ActorDictionary;
  /** ISO date the text is about, to pick actors' codes valid then (leaders change office) */
  date?: string | null;
  /** the verb dictionary (default: CAMEO 2.0 with the core verbs); a test set may bring its own */
  verbs?: VerbDictionary;
}

const NEGATION = new Set(['not', "n't", 'never', 'no', 'neither', 'nor']);
const FUTURE = new Set(['will', "'ll", 'shall', 'going', 'plans', 'plan', 'planned', 'intends', 'intend', 'expected', 'about']);
const HYPOTHETICAL = new Set(['would', 'could', 'may', 'might', 'if', 'unless', 'can']);
const OBLIGATION = new Set(['must', 'should']);
/** words that, before "to" + verb, state an intent: CAMEO codes the intent (03x), not the act */
const INTENT = new Set(['willing', 'ready', 'prepared', 'promised', 'pledged', 'offered', 'committed', 'agreed', 'vowed', 'decided', 'wants', 'want', 'wanted', 'seeking', 'seeks', 'sought']);
const BE = new Set(['was', 'were', 'been', 'is', 'are', 'be', 'being', 'am', "'s"]);
const CLAUSE_BOUNDARY = new Set([';', 'that', 'which', 'who', 'whom', 'whose', 'while', 'but', 'after', 'before', 'because', 'when', 'where', 'if', 'unless', 'although', 'though', 'since']);
const GROUP_GAP = new Set([',', 'and', 'or', 'nor', 'the', 'both', 'its', 'their', 'his', 'her', 'also', 'as', 'well']);

function toCoderTokens(text: string, tokens: readonly Token[], from: number, to: number): CoderToken[] {
  const out: CoderToken[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    const s = text.slice(t.start, t.end);
    out.push({ text: s, lower: s.toLowerCase().replace(/\u2019/g, "'"), start: t.start, end: t.end, pos: t.pos });
  }
  return out;
}

/** Tolerates the regular plural of a pattern's noun ("sanction" matches "sanctions"). */
function wordMatches(token: string, word: string): boolean {
  return token === word || token === word + 's' || token === word + 'es' || (word.endsWith('y') && token === word.slice(0, -1) + 'ies');
}

function matchPhrase(tokens: readonly CoderToken[], at: number, words: readonly string[], limit: number): boolean {
  if (at + words.length > limit) return false;
  for (let k = 0; k < words.length; k++) if (!wordMatches(tokens[at + k].lower, words[k])) return false;
  return true;
}

/** The number of words a pattern matches around the verb at [vs, ve), or -1 when it does not match. */
function scorePattern(p: VerbPattern, tokens: readonly CoderToken[], vs: number, ve: number, clauseEnd: number, reach: number): number {
  let score = 0;
  let at = ve;
  const postLimit = Math.min(clauseEnd, ve + 10);
  for (const element of p.post) {
    let found = false;
    // The pattern's first word sits close to the verb ("sent troops", "sent more heavily armed troops"); a
    // word found far away belongs to another clause.
    const limit = at === ve ? Math.min(postLimit, ve + reach) : postLimit;
    for (let j = at; j < limit && !found; j++) {
      for (const alt of element) {
        if (matchPhrase(tokens, j, alt, postLimit)) {
          found = true;
          score += alt.length;
          at = j + alt.length;
          break;
        }
      }
    }
    if (!found) return -1;
  }
  let back = vs;
  const preLimit = Math.max(0, vs - 6);
  for (let e = p.pre.length - 1; e >= 0; e--) {
    let found = false;
    for (let j = back - 1; j >= preLimit && !found; j--) {
      for (const alt of p.pre[e]) {
        if (matchPhrase(tokens, j, alt, back)) {
          found = true;
          score += alt.length;
          back = j;
          break;
        }
      }
    }
    if (!found) return -1;
  }
  return score;
}

interface VerbHit {
  start: number;
  end: number;
  code: string | null;
  statement: boolean;
  method: string;
}

function findVerbs(tokens: readonly CoderToken[], dictionary: VerbDictionary, actors: readonly FoundActor[]): VerbHit[] {
  const { forms, blocks, maxFormWords } = dictionary;
  const hits: VerbHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].pos !== 'VERB') continue;
    // "Israeli-occupied", "rebel-held": a participle glued to a hyphen is an adjective
    if (i > 0 && tokens[i - 1].text === '-' && tokens[i - 1].end === tokens[i].start) continue;
    // "according to" names a source, like "said"; the tagger calls it a verb, but nothing is agreed
    if (tokens[i].lower === 'according' && tokens[i + 1]?.lower === 'to') continue;
    for (let n = Math.min(maxFormWords, tokens.length - i); n >= 1; n--) {
      const form = n === 1 ? tokens[i].lower : tokens.slice(i, i + n).map((t) => t.lower).join(' ');
      const entry = forms.get(form);
      if (!entry) continue;
      const [blockIndex, defaultCode] = entry;
      const block = blocks[blockIndex];
      let best: string | null = null;
      let bestScore = 0;
      let clauseEnd = tokens.length;
      for (let j = i + n; j < tokens.length; j++) if (tokens[j].lower === ';' || tokens[j].lower === '.') { clauseEnd = j; break; }
      // "wants Russia to attack", "urged Iran to halt": an actor, then "to" + verb, is the verb's object and the
      // subject of its own act; the verb's patterns stop at the "to" (the act is coded at its own verb)
      const object = actors.find((a) => a.start >= i + n && a.start <= i + n + 1);
      let objectControl = false;
      if (object) {
        let k = object.end;
        // the rest of a compound object ("Russia and China to ...")
        for (const a of actors) if (a.start >= k && a.start <= k + 2 && tokens.slice(k, a.start).every((t) => GROUP_GAP.has(t.lower))) k = a.end;
        if (tokens[k]?.lower === 'to' && tokens[k + 1]?.pos === 'VERB' && k < clauseEnd) {
          clauseEnd = k;
          objectControl = true;
        }
      }
      // A statement verb ("said", "announced") takes a pattern only from its object ("announced a boycott"),
      // not from the clause it reports ("said they will release ...").
      const reach = defaultCode?.startsWith('01') ? 2 : 4;
      for (const p of block.patterns) {
        const s = scorePattern(p, tokens, i, i + n, clauseEnd, reach);
        if (s > bestScore) {
          bestScore = s;
          best = p.code;
        }
      }
      let code = best ?? defaultCode;
      let rule = '';
      // wanting someone else to act is asking them to (CAMEO 02), not one's own intent (03)
      if (objectControl && !best && defaultCode?.startsWith('03')) {
        code = '020';
        rule = '+rule:appeal';
      }
      hits.push({
        start: i,
        end: i + n,
        code,
        statement: code !== null && code.startsWith('01'),
        method: (best ? `pattern:cameo:${block.lemma}` : `verb:cameo:${block.lemma}`) + rule,
      });
      i += n - 1;
      break;
    }
  }
  return hits;
}

/** Actor groups: actors joined by "and", commas, "both" ("Jordan and Britain"). */
function groupActors(actors: readonly FoundActor[], tokens: readonly CoderToken[]): FoundActor[][] {
  const groups: FoundActor[][] = [];
  for (const a of actors) {
    const last = groups.at(-1);
    const prev = last?.at(-1);
    if (last && prev) {
      const gap = tokens.slice(prev.end, a.start);
      // adjectives before a named member ("and the new Chilean government") do not end the list; before a bare
      // agent noun they are coordinated modifiers ("political and military officials")
      const joins = gap.every((g) => GROUP_GAP.has(g.lower) || (g.pos === 'ADJ' && a.code !== null));
      if (gap.length > 0 && gap.length <= 5 && joins && gap.some((g) => g.lower === 'and' || g.lower === ',' || g.lower === 'or' || g.lower === 'nor')) {
        last.push(a);
        continue;
      }
    }
    groups.push([a]);
  }
  return groups;
}

/** Whether a comma at `i` opens a trailing reporting clause (", a senior official said"). */
function opensReport(tokens: readonly CoderToken[], i: number, statements: ReadonlySet<number>): boolean {
  for (let j = i + 1; j < Math.min(tokens.length, i + 10); j++) {
    if (statements.has(j)) return true;
    if (tokens[j].lower === ',' || tokens[j].lower === ';') return false;
  }
  return false;
}

const RELATIVE = new Set(['which', 'who', 'whom', 'whose']);
const AUXILIARY = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'will', 'would', 'could', 'can', 'may', 'might', 'shall', 'should', 'must', 'did', 'does', 'do', 'not', "n't", 'also', 'then', 'reportedly', 'already']);

/** Conjunctions that open an adverbial clause: its verb dates or explains the main event, it is not it. */
const SUBORDINATOR = new Set(['after', 'before', 'since', 'because', 'when', 'whenever', 'while', 'although', 'though', 'until', 'once', 'whereas']);

/**
 * Whether the verb at `at` stands in an adverbial clause: looking back, a subordinating conjunction comes
 * before any other verb, comma or semicolon ("after crowds burned", "since demonstrators were crushed").
 */
function inAdverbialClause(tokens: readonly CoderToken[], at: number): boolean {
  for (let j = at - 1; j >= 0; j--) {
    const t = tokens[j];
    if (SUBORDINATOR.has(t.lower)) return true;
    if (t.lower === ',' || t.lower === ';' || (t.pos === 'VERB' && !AUXILIARY.has(t.lower))) return false;
  }
  return false;
}

/**
 * The main-event score of a verb (see `CodedEvent.salience`). The clause reading uses only wink's POS tags and
 * function words: PETRARCH reads the same from a full parse.
 */
function salienceOf(tokens: readonly CoderToken[], v: VerbHit, sources: readonly FoundActor[], targets: readonly FoundActor[], statement: boolean, verbs: readonly VerbHit[]): number {
  let score = 0;
  if (sources.some((a) => a.code || a.sector)) score += 2;
  if (targets.some((a) => a.code || a.sector)) score += 1;
  // the word before the verb group (auxiliaries and adverbs skipped)
  let j = v.start - 1;
  while (j >= 0 && (AUXILIARY.has(tokens[j].lower) || tokens[j].pos === 'ADV' || tokens[j].pos === 'AUX')) j--;
  const before = j >= 0 ? tokens[j].lower : '';
  const word = tokens[v.start].lower;
  const beforePos = tokens[j]?.pos ?? '';
  if (RELATIVE.has(before)) score -= 3; // "... which have resisted", "who is attempting"
  else if (inAdverbialClause(tokens, v.start)) score -= 3; // "... five years after crowds burned its embassy"
  else if (before === ',' && word.endsWith('ing')) score -= 2; // ", killing at least eight"
  else if (before === 'to') {
    // a complement infinitive ("seeking to deepen") carries the event; a purpose one ("met to discuss") does not
    const head = verbs.find((w) => w.end === j && w.code !== null);
    if (!head) score -= 1;
  } else if (beforePos === 'ADP' && word.endsWith('ing')) score -= 2; // "by promoting", "for helping"
  else if (/^(NOUN|PROPN)$/.test(beforePos) && word.endsWith('ing')) score -= 2; // "an attack targeting ..."
  else if (beforePos === 'VERB' && word.endsWith('ing')) score -= 2; // "resisted taking": the object of a verb
  else if (beforePos === 'NOUN' && /(ed|en)$/.test(word) && tokens[v.end]?.lower === 'by') score -= 2; // "victims killed by"
  else if (/^(DET|ADP)$/.test(beforePos) && /(ed|en)$/.test(word)) score -= 2; // "the exiled leaders"
  // "seeking to deepen", "agreed to lift": a verb whose "to"-complement is itself coded hands over to it
  const next = tokens[v.end]?.lower === 'to' ? v.end + 1 : -1;
  if (next > 0 && verbs.some((w) => w.start === next && w.code !== null)) score -= 3;
  if (statement) score -= tokens[v.start] && /^010/.test(v.code ?? '') ? 4 : 1;
  return score;
}

const SUBJECT_PRONOUNS = new Set(['they', 'we', 'it', 'he', 'she', 'i']);

/**
 * The reports of hostile acts (CAMEO 15-20) in a sentence, read as PETRARCH does: the reporter accuses the
 * act's source (112), or claims responsibility (015) when a pronoun stands for the reporter as the act's subject.
 */
function reportedHostileActs(events: readonly CodedEvent[], tokens: readonly CoderToken[]): CodedEvent[] {
  const out: CodedEvent[] = [];
  for (const report of events) {
    if (report.negated || report.derived) continue;
    // a statement ("said") or an allegation ("claimed", "alleged") whose object is a clause
    if (!report.statement && !/^11[02]$/.test(report.cameo)) continue;
    if (report.sources.length === 0) continue;
    const act = events.find((e) => {
      if (e.triggerStart <= report.triggerEnd || e.negated || e.statement || e.derived) return false;
      const root = Number(e.cameo.slice(0, 2));
      if (root < 15) return false;
      // inside the reported clause: no sentence break and no other reporting verb in between
      for (let k = report.triggerEnd; k < e.triggerStart; k++) if (tokens[k].lower === ';' || tokens[k].lower === '.') return false;
      return !events.some((o) => o !== report && o.statement && o.triggerStart > report.triggerEnd && o.triggerStart < e.triggerStart);
    });
    // an act in a relative or participle clause ("victims killed by ...") is not what the report says
    if (!act || act.salience <= 0) continue;
    let subjectPronoun = false;
    for (let k = report.triggerEnd; k < act.triggerStart; k++) {
      if (SUBJECT_PRONOUNS.has(tokens[k].lower) && tokens[k].pos === 'PRON') subjectPronoun = true;
      if (act.sources.some((a) => a.start === k)) subjectPronoun = false;
    }
    const self = subjectPronoun || act.sources.some((a) => report.sources.some((r) => r.code !== null && r.code === a.code));
    out.push({
      ...report,
      triggerStart: report.triggerStart,
      triggerEnd: act.triggerEnd,
      cameo: self ? '015' : '112',
      type: self ? null : 'ACCUSE',
      type05: self ? 'STATEMENT' : 'DISAPPROVE',
      statement: self,
      mode: null,
      sources: report.sources,
      targets: self ? act.targets : act.sources,
      method: `${report.method}+rule:reported-act:${act.method}`,
      salience: Math.max(report.salience, act.salience) + 1,
      derived: true,
      confidence: 0.4,
    });
  }
  return out;
}

/** the rejection a negated cooperative act is (CAMEO 12x): refuse to meet, to cooperate, to aid, to yield */
const REFUSAL: Record<string, string> = { '04': '125', '05': '121', '06': '121', '07': '122', '08': '124' };

const ROOT_INTENT: Record<string, string> = { '04': '036', '05': '032', '06': '031', '07': '033', '08': '035', '03': '030' };

/**
 * Codes the events of one sentence given as tokens (with wink POS tags).
 *
 * @example
 * const { events } = codeTokens(tokens, text);
 * events[0]?.type // → 'ASSAULT'
 */
export function codeTokens(tokens: CoderToken[], text: string, options: CodeOptions = {}): CodedSentence {
  const dictionary = options.dictionary ?? kbDictionary;
  const actors = findActors(tokens, 0, tokens.length, text, dictionary, options.date ?? null);
  const verbs = findVerbs(tokens, options.verbs ?? eventLexicon(), actors);
  const statementAt = new Set<number>();
  for (const v of verbs) if (v.statement) for (let k = v.start; k < v.end; k++) statementAt.add(k);
  // Verbs inside an actor's name ("Liberation Front") are not events.
  const inActor = (k: number): boolean => actors.some((a) => a.start <= k && k < a.end);
  const groups = groupActors(actors, tokens);
  const events: CodedEvent[] = [];
  // "X said Y must Z": a demand whatever Z is, so an obligation makes its verb an event even when uncoded.
  for (let k = 0; k < tokens.length; k++) {
    if (!OBLIGATION.has(tokens[k].lower)) continue;
    const next = tokens.findIndex((t, j) => j > k && j <= k + 3 && t.pos === 'VERB');
    if (next < 0) continue;
    const known = verbs.find((v) => v.start <= next && next < v.end);
    if (known) {
      if (known.code === null) Object.assign(known, { code: '100', method: 'rule:obligation' });
      continue;
    }
    verbs.push({ start: next, end: next + 1, code: '100', statement: false, method: 'rule:obligation' });
  }
  verbs.sort((a, b) => a.start - b.start);

  for (const v of verbs) {
    if (v.code === null || inActor(v.start)) continue;
    // context words in the few tokens before the verb, up to the previous punctuation
    let negated = false;
    let future = false;
    let hypothetical = false;
    let obligation = false;
    let intent = false;
    let passive = false;
    for (let j = v.start - 1, seen = 0; j >= 0 && seen < 5; j--, seen++) {
      const w = tokens[j].lower;
      if (w === ',' || w === ';' || statementAt.has(j)) break;
      if (NEGATION.has(w)) negated = true;
      if (FUTURE.has(w)) future = true;
      if (HYPOTHETICAL.has(w)) hypothetical = true;
      if (OBLIGATION.has(w)) obligation = true;
      if (w === 'to' && j > 0 && INTENT.has(tokens[j - 1].lower)) intent = true;
      // "is opposed to", "is committed to": a participle before "to" is an adjective, not a passive
      const adjectival = tokens[v.end]?.lower === 'to';
      if (seen === 0 && BE.has(w) && /(ed|en|wn|ght|ld|nt)$/.test(tokens[v.start].lower) && !adjectival) passive = true;
      if (seen === 1 && BE.has(w) && tokens[j + 1].pos === 'ADV' && /(ed|en|wn|ght)$/.test(tokens[v.start].lower)) passive = true;
    }
    const precededByStatement = (() => {
      for (let j = v.start - 1; j >= Math.max(0, v.start - 25); j--) {
        if (tokens[j].lower === ';') return false;
        if (statementAt.has(j)) return true;
      }
      return false;
    })();

    let cameo = v.code;
    /** the code PLOVER reads, when it differs from CAMEO's (a future act) */
    let ploverCode: string | null = null;
    const root = cameo.slice(0, 2);
    let method = v.method;
    // "unless" makes any future act an ultimatum; "if" makes only a harmful one a threat ("would meet if ...").
    let conditional = false;
    for (let j = v.end; j < tokens.length && tokens[j].lower !== ';'; j++) {
      if (tokens[j].lower === 'unless' || (tokens[j].lower === 'if' && Number(root) >= 9)) conditional = true;
    }
    if (v.statement) {
      // A statement keeps its own code: the intent and threat readings are about acts, not words.
    } else if (negated && REFUSAL[root]) {
      // CAMEO codes a refused cooperation as a rejection ("would not provide support": 12x), not as nothing
      cameo = REFUSAL[root];
      negated = false;
      method += '+rule:refusal';
    } else if (obligation && precededByStatement) {
      cameo = '100';
      method += '+rule:obligation';
    } else if (conditional && (future || hypothetical) && root !== '03' && !negated) {
      // a future act on a condition is a threat or an ultimatum (CAMEO 13)
      cameo = '130';
      method += '+rule:conditional';
    } else if (intent && ROOT_INTENT[root] && !negated) {
      // "promised to send", "agreed to lift": CAMEO codes the stated intent (03x)
      cameo = ROOT_INTENT[root];
      method += '+rule:intent';
    } else if ((future || hypothetical) && ROOT_INTENT[root] && !negated) {
      // "will meet": CAMEO (as PETRARCH) keeps the act's code with its future flag; PLOVER reads a future
      // cooperative act as an intent (AGREE), so only the PLOVER reading changes
      ploverCode = ROOT_INTENT[root];
      method += '+plover:intent';
    } else if ((future || hypothetical) && Number(root) >= 15 && Number(root) <= 20) {
      ploverCode = Number(root) >= 18 ? '138' : '130';
      method += '+plover:threat';
    }
    const isStatement = cameo.startsWith('01');
    ploverCode ??= cameo;
    // A code the PLOVER mapping does not know (a test set's own dictionary, WEIS-style codes) is still the
    // event its dictionary names, as PETRARCH codes it; it only has no PLOVER type.
    const reading = ploverOf(ploverCode);

    // source: the nearest actor group before the verb (the speaker's group for an obligation); target: the
    // first group after it inside the clause. A passive swaps them ("were killed by ...").
    const before = groups.filter((g) => g[g.length - 1].end <= v.start);
    let clauseEnd = tokens.length;
    for (let j = v.end; j < tokens.length; j++) {
      const w = tokens[j].lower;
      if (CLAUSE_BOUNDARY.has(w) || statementAt.has(j) || (w === ',' && opensReport(tokens, j, statementAt))) {
        clauseEnd = j;
        break;
      }
    }
    const after = groups.filter((g) => g[0].start >= v.end && g[0].start < clauseEnd);
    let sources = before.at(-1) ?? [];
    // An agent without a country ("military aid", "troops") is a weaker target than a country or
    // organisation later in the same clause ("... aid to Mozambique", "... force in Liberia").
    let targets = after.find((g) => g.some((a) => a.country !== null)) ?? after[0] ?? [];
    if (cameo === '100' && method.includes('rule:obligation')) {
      // "X said (that) Y must Z": X demands of Y
      const speakerGroups = before.filter((g) => {
        const end = g[g.length - 1].end;
        for (let j = end; j < v.start; j++) if (statementAt.has(j)) return true;
        return false;
      });
      if (speakerGroups.length && before.length >= 2) {
        targets = before.at(-1)!;
        sources = speakerGroups[0] === targets ? sources : speakerGroups[0];
      }
    }
    if (passive) {
      const byIndex = tokens.findIndex((t, j) => j >= v.end && j < clauseEnd && t.lower === 'by');
      const agent = byIndex >= 0 ? groups.find((g) => g[0].start > byIndex && g[0].start <= byIndex + 4) : undefined;
      targets = sources;
      sources = agent ?? [];
    }
    let reportedBy: FoundActor | null = null;
    for (const g of groups) {
      const end = g[g.length - 1].end;
      if (g[0].start > v.end && statementAt.has(end) ) reportedBy = g[0];
    }
    events.push({
      triggerStart: v.start,
      triggerEnd: v.end,
      cameo,
      type: reading?.type ?? null,
      type05: isStatement ? 'STATEMENT' : (plover05Of(ploverCode) ?? reading?.type ?? 'NONE'),
      statement: isStatement,
      salience: salienceOf(tokens, v, sources, targets, isStatement, verbs),
      mode: reading?.mode ?? null,
      sources,
      targets,
      negated,
      hypothetical,
      future,
      historical: false,
      reportedBy,
      method,
      confidence: method.startsWith('pattern') ? 0.7 : 0.5,
      derived: false,
    });
  }
  for (const e of reportedHostileActs(events, tokens)) events.push(e); // not push(...): one argument per event can overflow the stack
  return { tokens, events };
}

/**
 * Codes a bare sentence (the evaluation sets give sentences, not articles).
 *
 * @example
 * codeSentence('Israeli troops shelled Gaza.').events[0]?.type05 // → 'FIGHT'
 */
export function codeSentence(sentence: string, options: CodeOptions = {}): CodedSentence {
  const raw: Token[] = [];
  if (sentence.trim() !== '') tokenizeRange(sentence, 0, sentence.length, raw);
  return codeTokens(toCoderTokens(sentence, raw, 0, raw.length), sentence, options);
}

function toEventActor(a: FoundActor | null, tokens: readonly CoderToken[], text: string, article: string): EventActor | null {
  if (!a) return null;
  const start = tokens[a.start].start;
  const end = tokens[a.end - 1].end;
  return { span: { article, start, end }, text: text.slice(start, end), code: a.code, country: a.country, sector: a.sector };
}

/**
 * The events of every sentence of a document, one `Event` per source and target actor (compound actors
 * give one event each; a compound subject with no target gives the reciprocal pairs).
 *
 * @example
 * const events = codeEvents(buildDoc(article));
 * events.map((e) => `${e.source?.code} ${e.type} ${e.target?.code}`);
 */
export function codeEvents(doc: Doc, options: CodeOptions = {}): Event[] {
  const text = doc.article.text;
  const article = doc.article.id;
  const out: Event[] = [];
  for (const s of doc.sentences) {
    const tokens = toCoderTokens(text, doc.tokens, s.tokenStart, s.tokenEnd);
    const { events } = codeTokens(tokens, text, options);
    for (const e of events) {
      const span = (a: number, b: number): Span => ({ article, start: tokens[a].start, end: tokens[b - 1].end });
      // PLOVER codes no statements as events; they stay in the coder's output for the stance stage
      const type = e.type;
      if (type === null || e.derived) continue;
      for (const [src, tgt] of actorPairs(e)) {
        out.push({
          type,
          cameo: e.cameo,
          mode: e.mode,
          source: toEventActor(src, tokens, text, article),
          target: toEventActor(tgt, tokens, text, article),
          negated: e.negated,
          hypothetical: e.hypothetical,
          future: e.future,
          historical: e.historical,
          reportedBy: e.reportedBy ? span(e.reportedBy.start, e.reportedBy.end) : null,
          date: { value: null, method: 'not-wired:time', confidence: 0 } as Field<DateValue>,
          location: { value: null, method: 'none', confidence: 0 } as Field<string>,
          trigger: span(e.triggerStart, e.triggerEnd),
          evidence: { article, start: s.start, end: s.end },
          method: e.method,
          confidence: e.confidence,
        });
      }
    }
  }
  return out;
}

/**
 * The (source, target) pairs of a coded event: every source with every target; a compound subject without a
 * target gives each ordered pair of its members (both sides act: "A and B agreed").
 *
 * @example
 * actorPairs(event).length // 2 for "Jordan and Britain agreed"
 */
export function actorPairs(e: CodedEvent): [FoundActor | null, FoundActor | null][] {
  const pairs: [FoundActor | null, FoundActor | null][] = [];
  if (e.targets.length === 0 && e.sources.length >= 2) {
    for (const a of e.sources) for (const b of e.sources) if (a !== b) pairs.push([a, b]);
    return pairs;
  }
  const sources = e.sources.length ? e.sources : [null];
  const targets = e.targets.length ? e.targets : [null];
  for (const a of sources) for (const b of targets) pairs.push([a, b]);
  return pairs;
}
