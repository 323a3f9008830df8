/**
 * The linking steps' shared test helper: run the pipeline over made-up articles and say which actor each
 * mention was linked to, so a step's test reads as articles → mention → actor.
 */
import type { Actor, AliasKind } from '../../model.js';
import { analyze } from '../../pipeline.js';

/** The actors of made-up articles (one text each), linked across them. */
export async function actorsOf(...texts: string[]): Promise<Actor[]> {
  const b = await analyze(texts.map((data, i) => ({ path: `article-${i + 1}.txt`, data })));
  return b.actors;
}

/**
 * The name of the actor that holds a mention written `alias` (of `kind`, if given), or null when no actor
 * holds it: the form most step tests assert on.
 *
 * @example
 * ```ts
 * holderOf(await actorsOf('Mara Quell won. Quell thanked her staff.'), 'Quell', 'surname'); // 'Mara Quell'
 * ```
 */
export function holderOf(actors: Actor[], alias: string, kind?: AliasKind): string | null {
  return actors.find((a) => a.aliases.some((x) => x.text === alias && (!kind || x.kind === kind)))?.name ?? null;
}

/** `text [kind, method]` for each mention of the actor named `name` (null when there is none). */
export function mentionsOf(actors: Actor[], name: string): string[] | null {
  const actor = actors.find((a) => a.name === name);
  return actor ? actor.aliases.map((x) => `${x.text} [${x.kind}, ${x.method}]`) : null;
}

/** The actor named `name`, or undefined. */
export const actorNamed = (actors: Actor[], name: string): Actor | undefined => actors.find((a) => a.name === name);
