/**
 * What a corpus grown by some articles changes in the actors of the stories it does not touch, as the corpus
 * linker sees them: the corpus stages over the articles of store A, and over those of store B (A and more);
 * for each story of B with the same id and articles in A, its actors as its articles see them (`scopeActors`)
 * are compared: the same, the mentions grouped otherwise, or the same groups with other fields (which ones).
 * Prints the counts and a few regrouped examples (docs/performance.md, "Sections on the story's own linking").
 * Usage: npx tsx scripts/diagnose-store-actors.ts A.db B.db
 */
import { SqliteStore } from '../src/store/sqlite.js';
import { loadCorpus, actorsByArticle, scopeActors } from '../src/store/update.js';
import { runCorpus } from '../src/pipeline.js';
import { CORPUS_STAGES } from '../src/stages.js';
import type { Actor } from '../src/model.js';

const [trainDb, bothDb] = process.argv.slice(2);
async function corpus(file: string) {
  const s = new SqliteStore(file);
  const ids = await s.articleIds();
  const { docs, mentions } = await loadCorpus(s, ids, {}, { said: false });
  await s.close();
  const w = runCorpus({ options: {}, docs, said: new Map(), mentions, parts: {} }, CORPUS_STAGES);
  return { actors: w.actors!, stories: w.stories! };
}
const A = await corpus(trainDb);
const B = await corpus(bothDb);
const ia = actorsByArticle(A.actors), ib = actorsByArticle(B.actors);
const sa = new Map(A.stories.map((s) => [s.id, s]));
const cats: Record<string, number> = {};
const strip = (a: Actor, f: (keyof Actor)[]) => { const o: Partial<Actor> = { ...a }; for (const k of f) delete o[k]; return o; };
const aliasKey = (a: Actor) => a.aliases.map((x) => `${x.span.article}:${x.span.start}`).join(',');
const examples: string[] = [];
for (const s of B.stories) {
  const old = sa.get(s.id);
  if (!old || JSON.stringify(old.articles) !== JSON.stringify(s.articles)) continue;
  const ids = new Set(s.articles);
  const x = scopeActors(A.actors, ids, ia), y = scopeActors(B.actors, ids, ib);
  if (JSON.stringify(x) === JSON.stringify(y)) { cats.same = (cats.same ?? 0) + 1; continue; }
  let cat: string;
  const norm = (l: Actor[], f: (keyof Actor)[]) => JSON.stringify(l.map((a) => strip(a, f)));
  if (norm(x, ['id']) === norm(y, ['id'])) cat = 'id only';
  else if (norm(x, ['id', 'name']) === norm(y, ['id', 'name'])) cat = 'id+name only';
  else if (JSON.stringify(x.map(aliasKey).sort()) === JSON.stringify(y.map(aliasKey).sort())) {
    // same grouping of mentions; which fields differ?
    const fx = new Map(x.map((a) => [aliasKey(a), a])); const diffs = new Set<string>();
    for (const b of y) { const a = fx.get(aliasKey(b))!; for (const k of Object.keys({ ...a, ...b }) as (keyof Actor)[]) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) diffs.add(k); }
    cat = `same grouping, fields: ${[...diffs].sort().join('+')}`;
  } else {
    cat = 'grouping changed';
    if (examples.length < 5) {
      const setsX = new Set(x.map(aliasKey)), setsY = new Set(y.map(aliasKey));
      examples.push(`${s.id}: before ${x.filter((a) => !setsY.has(aliasKey(a))).map((a) => `${a.name}(${a.aliases.length})`).join('; ')} | after ${y.filter((a) => !setsX.has(aliasKey(a))).map((a) => `${a.name}(${a.aliases.length})`).join('; ')}`);
    }
  }
  cats[cat] = (cats[cat] ?? 0) + 1;
}
console.log(cats);
console.log(examples.join('\n'));
