/**
 * Adds lean ratings to the outlet registry `data/outlets.json` from AllSides' published media bias ratings of
 * 2019-10-18 (`../shared/eval/outlets/allsides-ratings-2019-10-18.csv`, 296 news media, 201 authors, 50 think
 * tanks). Only news media become outlets: authors and think tanks are not publishers and are left out.
 *
 * Each rated name is matched to the registry's hand-written entries (name, aliases, domains, country, ownership)
 * by name or alias, then by the name without a section label ("New York Times - News", "CNN (Web News)",
 * "Fox Online News"), then, for names that are web addresses ("NBCNews.com"), by domain. A rating of an outlet's
 * opinion section ("New York Times - Opinion", "Wall Street Journal - Editorial") goes to that section's own
 * entry, `<outlet> (Opinion)` with the outlet as its parent. Rated names the registry does not know become
 * entries of their own (no domains, country and ownership unknown), marked `"origin": "allsides-2019"`.
 *
 * Later ratings: when `../shared/eval/allsides/stories.jsonl` is there, the lean AllSides showed beside its
 * 2021 headline roundups is read for each outlet it names (matched by name only, never by domain) and, where it
 * differs from the 2019 rating or the outlet had none, recorded as a later rating with that source and the last
 * date it was shown. The registry shows an outlet's latest rating; all of them stay in `ratings`.
 *
 * Run: `node --import tsx scripts/build-outlets.ts [--ratings FILE] [--later FILE|--no-later]`. Deterministic:
 * the same inputs give the same file; it can be re-run over its own output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dataPath, sharedPath } from '../src/paths.js';
import { outletNameKey, splitSectionLabel, type SectionRules } from '../src/outlets/index.js';
import type { Lean, LeanRating } from '../src/model.js';

const RATINGS_SOURCE = 'AllSides Media Bias Ratings';
const RATINGS_DATE = '2019-10-18';
const LATER_SOURCE = 'AllSides, the lean shown beside its headline roundups';
const ORIGIN = 'allsides-2019';

/** AllSides' rating words on the five-point scale; `allsides` is its rating of sources that mix sides. */
const SCALE: Record<string, Lean> = {
  left: 'left',
  'left-center': 'lean left',
  center: 'center',
  'right-center': 'lean right',
  right: 'right',
  allsides: 'mixed',
};

/**
 * Rows that rate no outlet: AllSides' aggregate pages of "major media sources" per side, and its test record.
 * Matched by rule where one exists.
 */
function notAnOutlet(name: string): boolean {
  return /\bMajor Media Sources$/i.test(name) || /^Test Source$/i.test(name);
}

interface Entry {
  name: string;
  aliases: string[];
  domains: string[];
  country: string | null;
  ownership: string | null;
  section?: 'news' | 'opinion';
  parent?: string | null;
  ratings?: LeanRating[];
  origin?: string;
  notes?: string[];
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim()));
}

interface Rated {
  name: string;
  lean: Lean;
  type: string;
  url: string;
  votes: number;
}

function readRatings(path: string): Rated[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  const col = (n: string): number => {
    const i = header.indexOf(n);
    if (i < 0) throw new Error(`${path}: no "${n}" column`);
    return i;
  };
  const [name, rating, type, url, agree, disagree] = ['news_source', 'rating', 'type', 'url', 'agree', 'disagree'].map(col);
  return rows.map((r, i) => {
    const lean = SCALE[r[rating]?.trim()];
    if (!lean) throw new Error(`${path}: row ${i + 2} (${r[name]}): unknown rating ${JSON.stringify(r[rating])}`);
    return { name: r[name].trim(), lean, type: r[type].trim(), url: r[url].trim(), votes: (Number(r[agree]) || 0) + (Number(r[disagree]) || 0) };
  });
}

class Index {
  byName = new Map<string, Entry>();
  byDomain = new Map<string, Entry>();
  constructor(
    readonly entries: Entry[],
    readonly rules: SectionRules,
  ) {
    for (const e of entries) this.byName.set(outletNameKey(e.name), e);
    for (const e of entries) for (const a of e.aliases) if (!this.byName.has(outletNameKey(a))) this.byName.set(outletNameKey(a), e);
    for (const e of entries) for (const d of e.domains) this.byDomain.set(d, e);
  }
  add(e: Entry): void {
    this.entries.push(e);
    for (const n of [e.name, ...e.aliases]) if (!this.byName.has(outletNameKey(n))) this.byName.set(outletNameKey(n), e);
  }
  /** The entry a rated name is about, and the section its label names. */
  find(name: string, byDomain: boolean): { entry: Entry | null; section: 'news' | 'opinion' | null } {
    const exact = this.byName.get(outletNameKey(name));
    const { base, section } = splitSectionLabel(name, this.rules);
    if (exact) return { entry: exact, section: exact.section === 'opinion' ? 'opinion' : section };
    const viaBase = this.byName.get(outletNameKey(base)) ?? this.byName.get(outletNameKey(`${base} News`));
    if (viaBase && base !== name) return { entry: viaBase, section };
    if (byDomain && /^[\w-]+(\.[\w-]+)*\.[a-z]{2,}$/i.test(base)) {
      const host = base.toLowerCase().replace(/^www\./, '');
      const hit = this.byDomain.get(host);
      if (hit) return { entry: hit, section };
    }
    return { entry: null, section };
  }
  /** The opinion section's entry of an outlet, made when missing. */
  opinionOf(parent: Entry, ratedAs: string): Entry {
    const found = this.entries.find((e) => e.section === 'opinion' && e.parent === parent.name);
    if (found) {
      if (!found.aliases.includes(ratedAs) && ratedAs !== found.name) found.aliases.push(ratedAs);
      return found;
    }
    const e: Entry = { name: `${parent.name} (Opinion)`, aliases: [ratedAs], domains: [], country: parent.country, ownership: parent.ownership, section: 'opinion', parent: parent.name, origin: ORIGIN };
    this.add(e);
    return e;
  }
}

function main(): void {
  const { values } = parseArgs({ options: { ratings: { type: 'string' }, later: { type: 'string' }, 'no-later': { type: 'boolean' } } });
  const ratingsPath = values.ratings ?? sharedPath('eval', 'outlets', 'allsides-ratings-2019-10-18.csv');
  if (!ratingsPath) throw new Error('build-outlets: ../shared/eval/outlets/allsides-ratings-2019-10-18.csv is missing (or give --ratings FILE)');
  const laterPath = values['no-later'] ? null : (values.later ?? sharedPath('eval', 'allsides', 'stories.jsonl'));

  const registryPath = dataPath('outlets.json');
  const doc = JSON.parse(readFileSync(registryPath, 'utf8')) as { about: string; ratings?: string; sections: SectionRules; outlets: Entry[] } & Record<string, unknown>;
  // Start again from the hand-written entries: drop what an earlier run made, and every rating.
  const hand = doc.outlets
    .filter((e) => e.origin !== ORIGIN)
    .map((e) => {
      const { ratings: _r, notes: _n, ...rest } = e;
      return rest as Entry;
    });
  const index = new Index(hand, doc.sections);

  const rated = readRatings(ratingsPath);
  const skipped = { authors: 0, thinkTanks: 0, notOutlets: 0 };
  const chosen = new Map<Entry, Rated[]>();
  for (const r of rated) {
    if (r.type === 'Author') skipped.authors++;
    else if (r.type !== 'News Media') skipped.thinkTanks++;
    else if (notAnOutlet(r.name)) skipped.notOutlets++;
    if (r.type !== 'News Media' || notAnOutlet(r.name)) continue;
    const { entry, section } = index.find(r.name, true);
    let target: Entry;
    if (!entry) {
      target = { name: r.name, aliases: [], domains: [], country: null, ownership: null, ...(section === 'opinion' ? { section: 'opinion' as const, parent: null } : {}), origin: ORIGIN };
      index.add(target);
    } else if (section === 'opinion' && entry.section !== 'opinion') target = index.opinionOf(entry, r.name);
    else target = entry;
    chosen.set(target, [...(chosen.get(target) ?? []), r]);
  }
  for (const [entry, rows] of chosen) {
    // One outlet rated twice (under two names): the rating with more community votes is taken, the other noted.
    const sorted = [...rows].sort((a, b) => b.votes - a.votes || a.name.localeCompare(b.name));
    const r = sorted[0];
    entry.ratings = [{ value: r.lean, source: RATINGS_SOURCE, date: RATINGS_DATE, ...(r.name !== entry.name ? { ratedAs: r.name } : {}), url: r.url }];
    const others = sorted.slice(1).filter((o) => o.lean !== r.lean);
    if (others.length) entry.notes = others.map((o) => `${RATINGS_SOURCE} ${RATINGS_DATE} also rates "${o.name}" ${o.lean} (${o.url}); the rating with more votes is kept`);
  }

  let later = 0;
  const unmatchedLater = new Set<string>();
  if (laterPath) {
    const shown = new Map<Entry, Map<Lean, { date: string; ratedAs: string }>>();
    for (const line of readFileSync(laterPath, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const story = JSON.parse(line) as { date?: string; outlets?: { outlet: string; lean: string }[] };
      const date = (story.date ?? '').slice(0, 10);
      for (const o of story.outlets ?? []) {
        const lean = (Object.values(SCALE) as string[]).includes(o.lean) ? (o.lean as Lean) : SCALE[o.lean];
        if (!lean || !date) continue;
        const { entry, section } = index.find(o.outlet, false);
        if (!entry) {
          unmatchedLater.add(o.outlet);
          continue;
        }
        const target = section === 'opinion' && entry.section !== 'opinion' ? index.opinionOf(entry, o.outlet) : entry;
        const byLean = shown.get(target) ?? new Map();
        const seen = byLean.get(lean);
        if (!seen || seen.date < date) byLean.set(lean, { date, ratedAs: o.outlet });
        shown.set(target, byLean);
      }
    }
    for (const [entry, byLean] of shown) {
      const base = entry.ratings?.[0]?.value;
      for (const [lean, { date, ratedAs }] of [...byLean].sort((a, b) => a[1].date.localeCompare(b[1].date))) {
        // The same rating seen again says nothing new; a different one (or a first one) is a later rating.
        if (lean === base) continue;
        entry.ratings = [...(entry.ratings ?? []), { value: lean, source: LATER_SOURCE, date, ...(ratedAs !== entry.name ? { ratedAs } : {}) }];
        later++;
      }
    }
  }

  const outlets = index.entries.map((e) => {
    const { origin, notes, ratings, ...rest } = e;
    return { ...rest, ...(ratings?.length ? { ratings } : {}), ...(notes?.length ? { notes } : {}), ...(origin ? { origin } : {}) };
  });
  const out = {
    about: doc.about,
    ratings:
      `Lean ratings (\`ratings\`, oldest first; an outlet shows its latest) are built by scripts/build-outlets.ts from ${RATINGS_SOURCE} published ${RATINGS_DATE} ` +
      '(news media only; authors and think tanks are not outlets), on the five-point scale left, lean left, center, lean right, right, plus AllSides\' "mixed". ' +
      `A later rating with source "${LATER_SOURCE}" is the lean AllSides showed beside its 2021 headline roundups where it differs from 2019. ` +
      `Entries marked "origin": "${ORIGIN}" are rated outlets the hand-written registry lacked (no domains; country and ownership unknown). ` +
      'Lean is a US scale: for non-US outlets and wires read country and ownership. No lean is inferred from article text.',
    ...Object.fromEntries(Object.entries(doc).filter(([k]) => !['about', 'ratings', 'outlets'].includes(k))),
    outlets,
  };
  writeFileSync(registryPath, JSON.stringify(out, null, 1) + '\n');
  const withRating = outlets.filter((e) => 'ratings' in e).length;
  process.stdout.write(
    `build-outlets: ${outlets.length} outlets, ${withRating} rated (${rated.length} rows read; ${skipped.authors} authors, ${skipped.thinkTanks} think tanks and ${skipped.notOutlets} aggregate rows left out); ` +
      `${outlets.filter((e) => e.origin === ORIGIN).length} entries added from the ratings; ${later} later ratings recorded` +
      (unmatchedLater.size ? `; later ratings of names not in the registry: ${[...unmatchedLater].sort().join(', ')}` : '') +
      '\n',
  );
}

main();
