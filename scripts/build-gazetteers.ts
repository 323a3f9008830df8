/**
 * Gazetteers for the NER tagger beyond the knowledge base's (countries, capitals, demonyms, Phoenix/CAMEO actors):
 * lists built from data in reach, by rules that are true of news in general.
 *
 * - `firstname`, `surname`: the first and last words of the knowledge base's people (Phoenix/CAMEO leaders), and
 *   of capitalised names that follow a personal title in the unlabelled news ("Mr", "President", "coach" ...).
 * - `orgname`: runs of capitalised words that end in an organisation word ("... Corp", "... Bank", "... Party",
 *   "... United"), or that start with one and continue with "of" ("Bank of ..."), in the unlabelled news; with a
 *   legal suffix the name without it too ("General Motors" from "General Motors Corp").
 * - `media`: names and aliases of the outlet registry (data/outlets.json).
 * - `placename`: capitalised names before "-based" or after "city of", "province of" ..., or before "province",
 *   "county" ... in the unlabelled news.
 *
 * A single word from the text patterns is kept only when seen at least twice that way and written capitalised
 * mid-sentence more often than in lower case elsewhere ("Mr Young" does not make "young" a surname). Writes
 * `models/ner-gazetteers.tsv` (`class<TAB>lower-cased phrase`, sorted; `--out NAME` for another file under
 * models/). Deterministic. Run: `node --import tsx scripts/build-gazetteers.ts` (`--recent` adds the PolNeAR
 * and NeuS training texts, as for the clusters).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dataPath, modelPath } from '../src/paths.js';
import { gazetteerPhrases } from '../src/kb/index.js';
import { unlabelledTexts } from './unlabelled.js';

const { values } = parseArgs({
  options: {
    recent: { type: 'boolean', default: false },
    out: { type: 'string', default: 'ner-gazetteers.tsv' },
  },
});

// CoNLL-like tokens, as in build-clusters: words with inner dots, hyphens, apostrophes and ampersands kept whole.
const TOKEN = /[\p{L}\p{N}]+(?:[.'&-][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;
const isCap = (t: string): boolean => /^\p{Lu}/u.test(t) && /\p{L}/u.test(t.slice(1) || t);

/** Personal titles and roles written before a name. */
const TITLES = new Set(
  (
    'Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Sir Dame Lord Lady Professor Prof. President Senator Sen. Rep. Representative ' +
    'Governor Gov. Minister Chancellor Premier Chairman Chairwoman Judge Justice General Gen. Colonel Col. Captain Capt. ' +
    'Lieutenant Lt. Sergeant Sgt. Admiral Adm. King Queen Prince Princess Pope Cardinal Bishop Archbishop Rabbi Imam ' +
    'Sheikh Ayatollah Mayor Ambassador Secretary Commissioner Inspector Detective Father Brother Sister ' +
    'president senator governor minister chancellor premier chairman judge spokesman spokeswoman coach manager striker ' +
    'midfielder defender goalkeeper captain skipper batsman bowler champion driver rider player winger forward ' +
    'playmaker rookie veteran pitcher quarterback analyst economist director executive'
  ).split(' '),
);
const COURTESY = new Set(['Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Miss', 'Dr', 'Dr.']);

/** Legal suffixes of company names: the name stands without them too. */
const LEGAL = new Set(
  'Inc Inc. Corp Corp. Corporation Co Co. Cos Cos. Ltd Ltd. Plc PLC plc LLC AG SA S.A. NV N.V. GmbH SpA BV Bhd Berhad KK'.split(' '),
);
/** Words that end an organisation's name. */
const ORG_END = new Set([
  ...LEGAL,
  ...(
    'Group Holdings Industries Bank Bancorp Party Union Association Council Committee Commission Federation Institute ' +
    'University College Agency Authority Ministry Department Organisation Organization Foundation Society Airlines Airways ' +
    'Motors Petroleum Securities Trust Fund Exchange Club United Rovers Wanderers Athletic Albion FC Front Movement ' +
    'Alliance League Congress Parliament Assembly Court Board Bureau Office Service Services Systems Technologies ' +
    'Communications Electronics Railways Telecom Energy Oil Chemicals Pharmaceuticals Investments Partners Capital ' +
    'Insurance Brothers Church Army Navy Police'
  ).split(' '),
]);
/** Words that start an organisation's name continued with "of" ("Bank of ...", "University of ..."). */
const ORG_OF = new Set(
  'Bank University Ministry Department Institute Council Association Federation Union Commission Committee Chamber Society Church Court Board Office Bureau Academy College School Organisation Organization League Party Museum'.split(' '),
);
const PLACE_BEFORE = new Set(['city', 'town', 'village', 'port', 'province', 'state', 'region', 'island', 'islands', 'capital', 'suburb', 'district']);
const PLACE_AFTER = new Set(['province', 'region', 'county', 'district', 'prefecture', 'state']);
const SKIP_FIRST = new Set(['The', 'A', 'An', 'This', 'That', 'In', 'On', 'At', 'For', 'But', 'And', 'Its', 'His', 'Her', 'Their', 'Our']);

const counts = new Map<string, number>(); // `class\tphrase` → times found
const add = (cls: string, words: readonly string[]): void => {
  const phrase = words.join(' ').toLowerCase();
  if (phrase.length < 2 || !/\p{L}/u.test(phrase)) return;
  const key = `${cls}\t${phrase}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
};
const lowerMid = new Map<string, number>(); // word → times written in lower case
const capMid = new Map<string, number>(); // word → times written capitalised, not first in its sentence

let texts = 0;
for (const { text } of unlabelledTexts(values.recent, 'build-gazetteers')) {
  texts++;
  for (const para of text.split(/\n\s*\n|\n {2,}/)) {
    const toks = (para.match(TOKEN) ?? []).map((t) => (t.length > 1 && t.endsWith('.') && !/\..*\./.test(t) && !(t.length <= 5 && /^\p{Lu}/u.test(t)) ? t.slice(0, -1) : t));
    // headlines and other title-case or capitals lines capitalise common words: no evidence there
    const wordsIn = toks.filter((t) => /\p{L}/u.test(t));
    if (wordsIn.filter((t) => /^\p{Lu}/u.test(t)).length * 2 > wordsIn.length) continue;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      const sentenceStart = i === 0 || /^[.!?"]$/.test(toks[i - 1]);
      if (/^\p{Ll}/u.test(t)) lowerMid.set(t, (lowerMid.get(t) ?? 0) + 1);
      else if (!sentenceStart && isCap(t)) capMid.set(t.toLowerCase(), (capMid.get(t.toLowerCase()) ?? 0) + 1);
    }
    // runs of capitalised words: [start, end)
    let i = 0;
    while (i < toks.length) {
      if (!isCap(toks[i])) {
        i++;
        continue;
      }
      let j = i;
      while (j < toks.length && isCap(toks[j])) j++;
      const prev = i > 0 ? toks[i - 1] : '';
      const next = j < toks.length ? toks[j] : '';
      let run = toks.slice(i, j);
      const sentenceStart = i === 0 || /^[.!?"]$/.test(prev);
      // person names after a title
      let k = 0;
      while (k < run.length && TITLES.has(run[k])) k++;
      const titled = k > 0 || TITLES.has(prev);
      const name = run.slice(k);
      if (titled && name.length >= 1 && name.length <= 3 && !name.some((w) => TITLES.has(w) || LEGAL.has(w) || ORG_END.has(w))) {
        if (name.length >= 2) {
          add('firstname', [name[0]]);
          add('surname', [name[name.length - 1]]);
        } else if (COURTESY.has(k > 0 ? run[k - 1] : prev)) add('surname', name);
      }
      if (sentenceStart && SKIP_FIRST.has(run[0])) run = run.slice(1);
      // organisations ending in an organisation word
      if (run.length >= 2 && run.length <= 6 && ORG_END.has(run[run.length - 1]) && !TITLES.has(run[0])) {
        add('orgname', run);
        if (LEGAL.has(run[run.length - 1]) && run.length >= 2) add('orgname', run.slice(0, -1));
      }
      // "Bank of England", "University of Chicago"
      if (run.length >= 1 && run.length <= 3 && ORG_OF.has(run[run.length - 1]) && next === 'of' && j + 1 < toks.length && isCap(toks[j + 1])) {
        let e = j + 1;
        while (e < toks.length && e < j + 4 && isCap(toks[e])) e++;
        add('orgname', [...run, 'of', ...toks.slice(j + 1, e)]);
      }
      // places
      const last = run[run.length - 1] ?? '';
      if (last.endsWith('-based') && run.length <= 3) add('placename', [...run.slice(0, -1), last.slice(0, -6)].filter(Boolean));
      if (run.length >= 1 && run.length <= 3 && prev && PLACE_BEFORE.has(prev) && i >= 2 && toks[i - 2] === 'the' && next !== 'of') {
        if (!run.some((w) => ORG_END.has(w))) add('placename', run);
      }
      if (run.length >= 1 && run.length <= 3 && PLACE_AFTER.has(next) && !run.some((w) => ORG_END.has(w) || TITLES.has(w))) add('placename', run);
      i = j;
    }
  }
}

// the knowledge base's people, and the outlet registry
const kb = gazetteerPhrases();
for (const name of kb.get('person') ?? []) {
  const words = name.split(' ').filter((w) => /^\p{L}[\p{L}'-]+$/u.test(w));
  if (words.length < 2) continue;
  counts.set(`firstname\t${words[0]}`, (counts.get(`firstname\t${words[0]}`) ?? 0) + 2);
  counts.set(`surname\t${words[words.length - 1]}`, (counts.get(`surname\t${words[words.length - 1]}`) ?? 0) + 2);
}
const outletsFile = dataPath('outlets.json');
const outlets = (JSON.parse(readFileSync(outletsFile, 'utf8')) as { outlets: { name: string; aliases?: string[] }[] }).outlets;
for (const o of outlets) for (const n of [o.name, ...(o.aliases ?? [])]) counts.set(`media\t${n.toLowerCase()}`, 2);

const lines: string[] = [];
const perClass = new Map<string, number>();
for (const [key, n] of counts) {
  const [cls, phrase] = key.split('\t');
  const single = !phrase.includes(' ');
  if (cls !== 'media' && n < 2 && !(cls === 'orgname' && !single)) continue;
  // a single word written in lower case more often than capitalised mid-sentence is a common word
  if (single && cls !== 'media' && (lowerMid.get(phrase) ?? 0) > (capMid.get(phrase) ?? 0)) continue;
  lines.push(key);
  perClass.set(cls, (perClass.get(cls) ?? 0) + 1);
}
lines.sort();
writeFileSync(modelPath(values.out), lines.join('\n') + '\n');
console.log(`build-gazetteers: ${texts} texts; wrote models/${values.out}: ${[...perClass].sort().map(([c, n]) => `${c} ${n}`).join(', ')}`);
