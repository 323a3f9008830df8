/**
 * Linking step: Anchors: full person names, organisations, countries, places.
 */
import { nameKey, rolesLexicon } from '../lexicon.js';
import { isAcronym, partyOfName, kbRecords, truncatedOfficialName, addAlias, compatibleGiven, personParts, personRecord, type LinkContext } from '../linker.js';

export function anchorsStep({ L, placedByDoc, table }: LinkContext): void {
  // the surnames of the story's full person names: one of them alone is that person, whatever type the tagger
  // gave it ("Vance" tagged an organisation beside "District Attorney Cyrus Vance Jr."), so it is no anchor
  const surnames = new Set<string>();
  const givenBySurname = new Map<string, string[][]>();
  for (const placed of placedByDoc) {
    for (const p of placed) {
      if (p.type !== 'PERSON' || p.text.split(/\s+/).length < 2) continue;
      const parts = personParts(p.text);
      for (const s of parts.surnames) {
        surnames.add(s);
        givenBySurname.set(s, [...(givenBySurname.get(s) ?? []), parts.given]);
      }
    }
  }
  const { orgHeads } = rolesLexicon();
  // a full name of one of the story's people tagged as a body ("the Desk of Donald J. Trump" cut to
  // "Donald J. Trump") is that person's name: person-shaped, and the surname and given names of a person's
  const personOfStory = (text: string): boolean => {
    const words = text.split(/\s+/);
    if (words.length < 2 || words.length > 4 || !words.every((w) => /^(?:\p{Lu}\p{Ll}+|\p{Lu}\.)$/u.test(w) && !orgHeads.has(w.toLowerCase()))) return false;
    const parts = personParts(text);
    return parts.surnames.some((s) => (givenBySurname.get(s) ?? []).some((g) => g.length > 0 && parts.given.length > 0 && compatibleGiven(g, parts.given)));
  };
  for (const placed of placedByDoc) {
    for (const p of placed) {
      const key = nameKey(p.text);
      if (p.demonym && p.country) continue;
      if ((p.type === 'ORG' || p.type === 'MISC') && !table.byName.has(key) && !kbRecords(p.text).length && personOfStory(p.text)) p.type = 'PERSON';
      const party = partyOfName(p.text);
      if (party) {
        p.type = 'ORG';
        addAlias(L.partyDraft(party), p, isAcronym(p.text) ? 'acronym' : 'name', 'data:party', p.confidence);
        continue;
      }
      if (p.type === 'GPE' || p.type === 'LOC') {
        const code = table.byName.get(key);
        if (code) addAlias(L.countryDraft(code), p, 'name', 'kb:country-name', p.confidence);
        continue;
      }
      if (p.type === 'PERSON' && p.text.split(/\s+/).length >= 2) {
        const d = L.personDraft(p.text);
        if (d) addAlias(d, p, 'name', p.method, p.confidence);
        continue;
      }
      if ((p.type === 'ORG' || p.type === 'MISC') && !isAcronym(p.text)) {
        const code = table.byName.get(key);
        const recs = kbRecords(p.text);
        // a name the knowledge base knows only as a person ("former Obama adviser") is a person's, left to the
        // short forms (a surname of a full name, else a person of its own)
        const words = new Set(key.split(' '));
        if (!code && !p.text.includes(' ') && recs.length && recs.every((r) => personRecord(r) && nameKey(r.name).split(' ').some((w) => words.has(w)))) {
          p.type = 'PERSON';
          continue;
        }
        if (!code && !recs.length && !p.text.includes(' ') && surnames.has(key)) continue;
        if (code && p.type === 'ORG') {
          // "the Islamic Republic" and the like: a country's official name, cut short, is the country.
          addAlias(L.countryDraft(code), p, 'name', 'kb:country-name', p.confidence);
          continue;
        }
        const official = p.text.includes(' ') && !kbRecords(p.text).length ? truncatedOfficialName(p.text, placed) : null;
        if (official) {
          addAlias(L.countryDraft(official), p, 'name', 'rule:official-name', 0.7);
          continue;
        }
        // a country's record is no body's: the knowledge base lists a country's cities and states among its
        // names ("Denver", "Ohio" under the United States), and keying every place the tagger typed MISC or
        // ORG to that record made one actor of all of them, which then took in the places of the same names
        const rec = kbRecords(p.text).find((r) => r.type !== 'GPE');
        // the tagger's MISC for a body the knowledge base knows as an organisation ("the Taliban") is its guess
        if (rec?.type === 'ORG' && p.type === 'MISC') p.type = 'ORG';
        const d = L.draft(rec ? `kb:${rec.name}` : `${p.type === 'ORG' ? 'org' : 'misc'}:${key.replace(/^the /, '')}`, p.type);
        if (rec) for (const [c] of rec.codes) d.codes.add(c);
        if (p.country) d.country.push({ value: p.country, method: 'rule:demonym-institution', confidence: 0.9 });
        addAlias(d, p, 'name', p.method, p.confidence);
      }
    }
  }
}
