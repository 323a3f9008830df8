/**
 * Linking step: Alias introducers: "X, formerly the Y" — Y is X.
 */
import { rolesLexicon } from '../lexicon.js';
import { merge, type LinkContext } from '../linker.js';

export function aliasIntroducersStep({ L, docs, placedByDoc }: LinkContext): void {
  docs.forEach((doc, di) => {
    const placed = placedByDoc[di];
    const text = doc.article.text;
    const { aliasIntroducers } = rolesLexicon();
    for (let i = 0; i + 1 < placed.length; i++) {
      const a = placed[i];
      const b = placed[i + 1];
      if (!a.actor || !b.actor || a.actor === b.actor) continue;
      const gap = text.slice(a.end, b.start).toLowerCase().replace(/\s+/g, ' ');
      if (aliasIntroducers.some((w) => new RegExp(`^,? ${w} (the )?$`).test(gap))) merge(L, a.actor, b.actor, placedByDoc);
    }
  });
}
