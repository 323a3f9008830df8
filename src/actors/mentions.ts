import type { Actor, ActorAlias } from '../model.js';

/** One mention of an actor: the actor and the alias (span, kind, method) that names it there. */
export interface ActorMention {
  actor: Actor;
  alias: ActorAlias;
}

const cache = new WeakMap<readonly Actor[], Map<string, ActorMention[]>>();

/**
 * Every actor mention, by article id and in text order, built once per actor list: stages that look for the
 * actor at a span look only at that article's mentions, so their cost grows with the article, not the corpus.
 *
 * @example
 * ```ts
 * for (const { actor, alias } of mentionsByArticle(briefing.actors).get(article.id) ?? []) console.log(actor.name, alias.span);
 * ```
 */
export function mentionsByArticle(actors: readonly Actor[]): ReadonlyMap<string, readonly ActorMention[]> {
  let index = cache.get(actors);
  if (!index) {
    index = new Map();
    for (const actor of actors) {
      for (const alias of actor.aliases) {
        let list = index.get(alias.span.article);
        if (!list) index.set(alias.span.article, (list = []));
        list.push({ actor, alias });
      }
    }
    for (const list of index.values()) list.sort((a, b) => a.alias.span.start - b.alias.span.start);
    cache.set(actors, index);
  }
  return index;
}
