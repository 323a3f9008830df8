/**
 * Linking step: Fields the text left open: country from the knowledge base's codes, the organisation's country, and for office holders still without one, the last person of known country before them in the article.
 */
import { lookupActor } from '../../kb/index.js';
import { rolesLexicon } from '../lexicon.js';
import { type Placed, kbRecords, codeCountry, type LinkContext } from '../linker.js';

export function knownFieldsStep({ L, docs, placedByDoc }: LinkContext): void {
  for (const d of L.drafts) {
    if (d.type !== 'PERSON') continue;
    const full = [...d.names.keys()].sort((a, b) => b.split(' ').length - a.split(' ').length)[0];
    if (full && full.includes(' ')) {
      const rec = lookupActor(full).find((r) => r.type === 'PERSON');
      if (rec) for (const [c] of rec.codes) d.codes.add(c);
    }
    if (!d.country.length) {
      for (const c of d.codes) {
        const cc = codeCountry(c);
        if (cc) {
          d.country.push({ value: cc, method: 'kb:code', confidence: 0.7 });
          break;
        }
      }
    }
  }
  docs.forEach((_, di) => inheritCountries(placedByDoc[di]));
}

/** Office holders without a country take the last person of known country before them in the article. */
function inheritCountries(placed: Placed[]): void {
  const { internationalCodePrefixes } = rolesLexicon();
  let last: string | null = null;
  for (const p of placed) {
    const d = p.actor;
    if (!d || d.type !== 'PERSON') continue;
    if (d.country.length) {
      last = d.country[0].value;
      continue;
    }
    const international = d.organisation.some((o) => kbRecords(o.value).some((r) => r.codes.some(([c]) => internationalCodePrefixes.some((x) => c.startsWith(x)))));
    if (d.role.length && !international && last) d.country.push({ value: last, method: 'rule:discourse-country', confidence: 0.4 });
  }
}
