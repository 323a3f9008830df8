/**
 * Linking step: Bylines name people too; their name may also stand in the text (a sign-off), where the string pass finds it.
 */
import { isEnglish } from '../../language/index.js';
import type { LinkContext } from '../linker.js';

export function bylinesStep({ L, docs, bylines }: LinkContext): void {
  for (const doc of docs) {
    const by = doc.article.meta.byline.value;
    if (!by || !isEnglish(doc.article) || !/^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}$/u.test(by.trim())) continue;
    const d = L.personDraft(by.trim());
    if (!d) continue;
    d.names.set(by.trim(), (d.names.get(by.trim()) ?? 0) + 1);
    d.role.push({ value: 'author', method: 'meta:byline', confidence: 0.9 });
    bylines.push(d);
  }
}
