/**
 * Linking step: Short forms and the rest, article by article.
 */
import type { Doc } from '../../model.js';
import { lookupActor } from '../../kb/index.js';
import { nameKey, stateTable } from '../lexicon.js';
import { type Draft, initialsOf, isAcronym, kbRecords, personRecord, addAlias, governmentUse, type LinkContext } from '../linker.js';
import type { Candidate } from '../repair.js';

export function shortFormsStep({ L, docs, placedByDoc, table }: LinkContext): void {
  docs.forEach((doc, di) => {
    const placed = placedByDoc[di];
    const text = doc.article.text;
    const inDoc = new Set(placed.map((p) => p.actor).filter((d): d is Draft => d !== null));
    for (const p of placed) {
      if (p.actor) continue;
      const key = nameKey(p.text);
      if (p.demonym && p.country) {
        // "Americans" are a group of their own; "American" describes, and joins its country only where the
        // country is named: an adjective alone makes no actor
        if (pluralNoun(doc, p)) {
          const d = L.draft(`group:${key}`, 'MISC');
          if (!d.country.length) d.country.push({ value: p.country, method: 'kb:demonym', confidence: 0.9 });
          addAlias(d, p, 'name', 'kb:demonym', p.confidence);
        } else {
          const country = L.byKey.get(`country:${p.country}`);
          if (country && country.names.size) addAlias(country, p, 'demonym', 'kb:demonym', p.confidence);
        }
        continue;
      }
      const capital = table.byCapital.get(key);
      if (capital && (p.type === 'GPE' || p.type === 'LOC')) {
        if (governmentUse(doc, p)) addAlias(L.countryDraft(capital), p, 'metonymy', 'rule:capital-for-government', 0.8);
        else {
          const d = L.draft(`place:${key}`, 'GPE');
          if (!d.country.length) d.country.push({ value: capital, method: 'kb:capital', confidence: 1 });
          addAlias(d, p, 'name', p.method, p.confidence);
        }
        continue;
      }
      const countryCode = table.byName.get(key);
      if (countryCode) {
        addAlias(L.countryDraft(countryCode), p, isAcronym(p.text) ? 'acronym' : 'name', 'kb:country-name', p.confidence);
        continue;
      }
      // An acronym introduced in brackets right after a name is that name's.
      // a surname written in capitals ("SMITH:" before a transcript's answers) that the tagger took for a
      // person is that person's surname, not an acronym
      const capsSurname = p.type === 'PERSON' && /^\p{Lu}{2,}$/u.test(p.text) ? L.personBySurname(p.text, inDoc) : null;
      if (capsSurname && capsSurname.given.length) {
        addAlias(capsSurname, p, 'surname', 'rule:surname', Math.min(p.confidence, 0.8));
        continue;
      }
      if (isAcronym(p.text)) {
        const intro = placed.find((q) => q.actor && q.end < p.start && /^\s*\($/.test(text.slice(q.end, p.start)));
        const d = intro?.actor ?? L.orgByInitials(p.text, inDoc);
        if (d) {
          addAlias(d, p, 'acronym', intro ? 'rule:acronym-introduced' : 'rule:acronym-initials', 0.85);
          continue;
        }
        const rec = kbRecords(p.text)[0];
        // a person known by initials ("FDR"): the person of the knowledge base's full name
        const person = rec && personRecord(rec) && initialsOf(rec.name) === p.text.replace(/\./g, '') ? L.personDraft(rec.name) : null;
        if (person) {
          p.type = 'PERSON';
          addAlias(person, p, 'acronym', 'kb:acronym', p.confidence);
          continue;
        }
        const byKb = rec ? L.drafts.find((x) => x.key === `kb:${rec.name}` || [...x.codes].some((c) => rec.codes.some(([k]) => k === c) && initialsOf([...x.names.keys()][0] ?? '') === p.text.replace(/\./g, ''))) : undefined;
        const target = byKb ?? L.draft(rec ? `kb:${rec.name}` : `org:${key}`, p.type === 'PERSON' ? 'ORG' : p.type);
        if (rec) for (const [c] of rec.codes) target.codes.add(c);
        addAlias(target, p, 'acronym', byKb ? 'kb:acronym' : p.method, p.confidence);
        continue;
      }
      if (p.type === 'PERSON' || p.type === 'MISC' || p.type === 'ORG') {
        const single = p.text.split(/\s+/).length === 1;
        const person = single ? L.personBySurname(p.text, inDoc) : null;
        if (person) {
          // a surname is a person's mention whatever type the tagger gave it, so it votes for a person
          p.type = 'PERSON';
          addAlias(person, p, 'surname', 'rule:surname', Math.min(p.confidence, 0.9));
          continue;
        }
        if (p.type === 'PERSON') {
          const d = L.draft(`person:${key}`, 'PERSON');
          if (!L.bySurname.get(key)?.has(d)) {
            if (!L.persons.includes(d)) L.persons.push(d);
            L.addSurname(d, key);
          }
          addAlias(d, p, 'name', p.method, p.confidence);
          continue;
        }
      }
      if (p.type === 'GPE' || p.type === 'LOC') {
        // a lone word the tagger took for a place that is the surname of a person the story names, and no
        // place the tables or the knowledge base know ("Varga" after "Lee Varga, a radio host"), is the surname
        const person = !/\s/.test(p.text) && !p.country && !lookupActor(p.text).length && !table.byName.has(key) && !stateTable().names.has(key) ? L.personBySurname(p.text, inDoc) : null;
        if (person) {
          p.type = 'PERSON';
          addAlias(person, p, 'surname', 'rule:surname', Math.min(p.confidence, 0.8));
          continue;
        }
        const d = L.draft(`place:${key}`, p.type);
        if (p.country && !d.country.length) d.country.push({ value: p.country, method: 'kb:place', confidence: 0.8 });
        addAlias(d, p, 'name', p.method, p.confidence);
      }
    }
  });
}

/** Whether a demonym mention is a plural noun ("Americans said", "for Asian Americans"), not an adjective. */
function pluralNoun(doc: Doc, p: Candidate): boolean {
  if (!/s$/.test(p.text)) return false;
  const next = doc.tokens.find((t) => t.start >= p.end);
  return !(next && /^[ \u00a0]+$/.test(doc.article.text.slice(p.end, next.start)) && next.pos === 'NOUN');
}
