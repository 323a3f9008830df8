/**
 * Scores linked actors against the seeds' gold actors (gold.json `actors`, rule in `about_actors`):
 * - found: each gold actor has a system actor with the right type (the system actor most of its alias
 *   occurrences are linked to; each system actor answers for one gold actor at most);
 * - links: each occurrence of a gold alias in the clean text (whole token, case as written, the longest alias
 *   wins) lies in a mention linked to that actor; a capital listed under `metonymy` may also be linked to a
 *   place actor of the same country;
 * - roles and countries of the people that have them: every word of the gold role and organisation (lower
 *   case, without "of" and "the") in the actor's role or organisation; the country, as an ISO alpha-3 code.
 */
import type { Actor, BriefingArticle } from '../model.js';
import { countryOf } from '../kb/index.js';

/** One actor of gold.json. */
export interface GoldActor {
  id: string;
  name: string;
  type: string;
  country?: string | null;
  role?: string | null;
  org?: string | null;
  aliases: string[];
  metonymy?: string[];
}

/** The four scores, each with its misses. */
export interface ActorScores {
  found: { found: number; total: number; misses: string[] };
  links: { found: number; total: number; misses: string[] };
  roles: { found: number; total: number; misses: string[] };
  countries: { found: number; total: number; misses: string[] };
}

interface Occurrence {
  gold: GoldActor;
  article: string;
  file: string;
  start: number;
  end: number;
  text: string;
  metonymy: boolean;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (s: string): string[] =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && w !== 'of' && w !== 'the');

/** Gold alias occurrences in one article's clean text: longest alias first, no overlaps. */
function occurrences(gold: GoldActor[], article: BriefingArticle, file: string): Occurrence[] {
  const forms: { text: string; gold: GoldActor; metonymy: boolean }[] = [];
  for (const g of gold) {
    for (const a of g.aliases) forms.push({ text: a, gold: g, metonymy: false });
    for (const a of g.metonymy ?? []) forms.push({ text: a, gold: g, metonymy: true });
  }
  forms.sort((a, b) => b.text.length - a.text.length);
  const taken: Occurrence[] = [];
  for (const f of forms) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(f.text)}(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of article.text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some((o) => o.start < end && start < o.end)) continue;
      taken.push({ gold: f.gold, article: article.id, file, start, end, text: m[0], metonymy: f.metonymy });
    }
  }
  return taken;
}

/** The actor whose mention covers most of an occurrence, or null. */
function actorAt(index: Map<string, { start: number; end: number; actor: Actor }[]>, o: Occurrence): Actor | null {
  let best: Actor | null = null;
  let bestOverlap = 0;
  for (const m of index.get(o.article) ?? []) {
    const overlap = Math.min(m.end, o.end) - Math.max(m.start, o.start);
    if (overlap > bestOverlap && m.start <= o.start + 1 && m.end >= o.end - 1) {
      best = m.actor;
      bestOverlap = overlap;
    }
  }
  return best;
}

/**
 * Scores the actors of a briefing against gold actors.
 *
 * @example
 * const s = scoreActors(gold.actors, briefing.articles.map((a) => [file, a]), briefing.actors);
 * s.links.found / s.links.total // → 0.95
 */
export function scoreActors(gold: GoldActor[], articles: [file: string, article: BriefingArticle][], actors: Actor[]): ActorScores {
  const index = new Map<string, { start: number; end: number; actor: Actor }[]>();
  for (const a of actors) {
    for (const al of a.aliases) {
      const list = index.get(al.span.article) ?? [];
      list.push({ start: al.span.start, end: al.span.end, actor: a });
      index.set(al.span.article, list);
    }
  }
  const occ = articles.flatMap(([file, art]) => occurrences(gold, art, file));
  // gold actor → system actor: by most linked occurrences, most-supported pairs first, one each
  const votes = new Map<GoldActor, Map<Actor, number>>();
  for (const o of occ) {
    if (o.metonymy) continue;
    const a = actorAt(index, o);
    if (!a) continue;
    const v = votes.get(o.gold) ?? new Map<Actor, number>();
    v.set(a, (v.get(a) ?? 0) + 1);
    votes.set(o.gold, v);
  }
  const pairs = [...votes].flatMap(([g, v]) => [...v].map(([a, n]) => ({ g, a, n }))).sort((x, y) => y.n - x.n);
  const mapped = new Map<GoldActor, Actor>();
  const used = new Set<Actor>();
  for (const { g, a } of pairs) {
    if (mapped.has(g) || used.has(a)) continue;
    mapped.set(g, a);
    used.add(a);
  }
  const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  for (const g of gold) {
    if (mapped.has(g)) continue;
    const byName = actors.find((a) => !used.has(a) && norm(a.name) === norm(g.name));
    if (byName) {
      mapped.set(g, byName);
      used.add(byName);
    }
  }

  const s: ActorScores = {
    found: { found: 0, total: 0, misses: [] },
    links: { found: 0, total: 0, misses: [] },
    roles: { found: 0, total: 0, misses: [] },
    countries: { found: 0, total: 0, misses: [] },
  };
  for (const g of gold) {
    s.found.total++;
    const a = mapped.get(g);
    if (a && a.type === g.type) s.found.found++;
    else s.found.misses.push(`${g.id}: ${a ? `found as ${a.type} "${a.name}", gold ${g.type}` : 'not found'}`);
  }
  for (const o of occ) {
    s.links.total++;
    const got = actorAt(index, o);
    const want = mapped.get(o.gold);
    const code = want?.country.value ?? null;
    const right = got !== null && (got === want || (o.metonymy && code !== null && got.type === 'GPE' && got.country.value === code));
    if (right) s.links.found++;
    else s.links.misses.push(`${o.file}@${o.start}: "${o.text}" (${o.gold.id}) ${got ? `linked to "${got.name}"` : 'not linked'}`);
  }
  for (const g of gold) {
    if (g.type !== 'PERSON') continue;
    const a = mapped.get(g);
    if (g.role) {
      s.roles.total++;
      const have = new Set(words(`${a?.role.value ?? ''} ${a?.organisation.value ?? ''}`));
      const need = words(`${g.role} ${g.org ?? ''}`);
      if (a && need.every((w) => have.has(w))) s.roles.found++;
      else s.roles.misses.push(`${g.id}: role ${JSON.stringify(a?.role.value ?? null)} org ${JSON.stringify(a?.organisation.value ?? null)}, gold ${JSON.stringify(`${g.role}${g.org ? ` / ${g.org}` : ''}`)}`);
    }
    if (g.country) {
      s.countries.total++;
      const want = countryOf(g.country)?.code ?? null;
      if (a && want !== null && a.country.value === want) s.countries.found++;
      else s.countries.misses.push(`${g.id}: country ${a?.country.value ?? 'null'} (${a?.country.method ?? '-'}), gold ${g.country} (${want})`);
    }
  }
  return s;
}
