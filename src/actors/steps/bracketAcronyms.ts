/**
 * Linking step: Acronyms introduced in brackets that the tagger missed: "the Example Group (EG)".
 */
import { type Placed, addAlias, sentenceOf, type LinkContext } from '../linker.js';

export function bracketAcronymsStep({ docs, placedByDoc }: LinkContext): void {
  docs.forEach((doc, di) => {
    const placed = placedByDoc[di];
    const text = doc.article.text;
    for (const q of [...placed]) {
      if (!q.actor || q.actor.type === 'PERSON') continue;
      const m = /^\s*\(((?:[A-Z]\.){2,}|[A-Z]{2,6})\)/.exec(text.slice(q.end, q.end + 12));
      if (!m) continue;
      const start = q.end + m.index + m[0].indexOf(m[1]);
      const end = start + m[1].length;
      if (placed.some((p) => p.start < end && start < p.end)) continue;
      const p: Placed = { start, end, text: m[1], type: q.actor.type, method: 'rule:acronym-introduced', confidence: 0.85, doc: di, article: doc.article.id, sentence: sentenceOf(doc, start), actor: null, kind: 'acronym' };
      addAlias(q.actor, p, 'acronym', 'rule:acronym-introduced', 0.85);
      placed.push(p);
    }
    placed.sort((a, b) => a.start - b.start);
  });
}
