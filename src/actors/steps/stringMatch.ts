/**
 * Linking step: Missed occurrences of known names: the string pass (whole words, case as written).
 */
import { isEnglish } from '../../language/index.js';
import { rolesLexicon } from '../lexicon.js';
import type { AliasKind } from '../../model.js';
import { type Draft, type Placed, initialsOf, isAcronym, addAlias, sentenceOf, type LinkContext } from '../linker.js';

/**
 * The last word of a person's name, offered to the string pass as their surname; null when it is not written
 * as a name. A name the tagger cut short ("Gang of" from "Gang of Eight") would otherwise offer "of", and the
 * case-sensitive pass would then link every lower-case "of" in the corpus to that person.
 */
export function surnameOf(name: string): string | null {
  const last = name.split(/\s+/).pop() ?? '';
  return /^\p{Lu}/u.test(last) && !rolesLexicon().personPronouns.has(last.toLowerCase()) ? last : null;
}

export function stringMatchStep({ L, docs, placedByDoc, bylines }: LinkContext): void {
  const surfaces = new Map<string, Draft>();
  const ambiguous = new Set<string>();
  const offer = (s: string, d: Draft): void => {
    // a pronoun the tagger once took for a name ("He" opening a sentence) would link every "He" of the corpus
    // nor a form with no capital or digit ("of"): it is no name, and would match every such word
    if (s.length < 2 || ambiguous.has(s) || !/[\p{Lu}\p{N}]/u.test(s) || rolesLexicon().personPronouns.has(s.toLowerCase())) return;
    const had = surfaces.get(s);
    if (had && had !== d) {
      surfaces.delete(s);
      ambiguous.add(s);
    } else surfaces.set(s, d);
  };
  for (const d of L.drafts) {
    for (const a of d.aliases) if (a.kind === 'name' || a.kind === 'surname' || a.kind === 'acronym') offer(a.text, d);
    if (d.type === 'PERSON') for (const a of d.aliases) if (a.kind === 'name') offer(surnameOf(a.text) ?? '', d);
    // an organisation's acronym, which the tagger often misses: its initials, also without a last "and ..."
    // ("Centers for Disease Control and Prevention" → "CDC"), three letters at least
    if (d.type === 'ORG') {
      for (const n of d.names.keys()) {
        for (const form of [n, n.replace(/\s+and\s+(?!.*\s+and\s+).*$/, '')]) {
          const initials = initialsOf(form);
          if (initials.length >= 3 && /^[A-Z]+$/.test(initials)) offer(initials, d);
        }
      }
    }
  }
  for (const d of bylines) for (const n of d.names.keys()) offer(n, d);
  const forms = [...surfaces.keys()].sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (forms.length) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
    docs.forEach((doc, di) => {
      if (!isEnglish(doc.article)) return;
      const placed = placedByDoc[di];
      const added: Placed[] = [];
      for (const m of doc.article.text.matchAll(re)) {
        const start = m.index;
        const end = start + m[0].length;
        if (placed.some((p) => p.start < end && start < p.end)) continue;
        const d = surfaces.get(m[0]);
        if (!d) continue;
        const p: Placed = { start, end, text: m[0], type: d.type, method: 'rule:string-match', confidence: 0.7, doc: di, article: doc.article.id, sentence: sentenceOf(doc, start), actor: null, kind: 'name' };
        const kind: AliasKind = d.type === 'PERSON' && !m[0].includes(' ') ? 'surname' : isAcronym(m[0]) ? 'acronym' : 'name';
        addAlias(d, p, kind, 'rule:string-match', 0.7);
        added.push(p);
      }
      for (const p of added) placed.push(p); // not push(...): one argument per match can overflow the stack on a huge article
      placed.sort((a, b) => a.start - b.start);
    });
  }
}
