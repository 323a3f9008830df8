/**
 * Name mentions of an article's text layer: the trained tagger over each sentence's tokens, in document order,
 * with its CoNLL types mapped onto the model's (PER → PERSON, LOC → GPE for countries, capitals and other
 * political places the knowledge base knows, else LOC) and demonyms ("Iranian", "Kazakh") resolved to their
 * country through the knowledge base.
 */
import type { Doc, EntityType, Mention } from '../model.js';
import { countryOf, demonymToCountry } from '../kb/index.js';
import { documentContext } from './features.js';
import { spansOf } from './conll.js';
import { tagTokens } from './tagger.js';

/** The tagger was trained on ASCII quotes and dashes (CoNLL-2003); curly ones are the same words. */
export function normaliseToken(word: string): string {
  return word
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, '-');
}

/** Is this article one the English tagger may run on? Unknown language counts as English, known other not. */
export function isEnglish(doc: Doc): boolean {
  const lang = doc.article.meta?.language?.value;
  return lang === null || lang === undefined || lang === 'en';
}

/** Maps a CoNLL type and the mention text onto the model's type, with the country a demonym or place names. */
function classify(conllType: string, text: string): { type: EntityType; country?: string; demonym?: boolean } {
  if (conllType === 'PER') return { type: 'PERSON' };
  if (conllType === 'ORG') return { type: 'ORG' };
  if (conllType === 'MISC') {
    const c = demonymToCountry(text);
    return c ? { type: 'MISC', country: c.code, demonym: true } : { type: 'MISC' };
  }
  // LOC: a country, a capital or a place the knowledge base files under a country is a GPE
  const c = countryOf(text);
  return c ? { type: 'GPE', country: c.code } : { type: 'LOC' };
}

/**
 * Finds the names in a document's sentences with the trained tagger. Returns no mentions for articles known
 * not to be English (the tagger is English-only).
 *
 * @example
 * const mentions = findMentions(buildDoc(article));
 * mentions[0] // → { span: {article, start, end}, text: 'Kazakh', type: 'MISC', country: 'KAZ', demonym: true, method: 'model:ner', confidence: 0.97 }
 */
export function findMentions(doc: Doc): Mention[] {
  if (!isEnglish(doc)) return [];
  const { text, id } = doc.article;
  const sentenceWords = doc.sentences.map((s) => {
    const words: string[] = [];
    for (let t = s.tokenStart; t < s.tokenEnd; t++) words.push(normaliseToken(text.slice(doc.tokens[t].start, doc.tokens[t].end)));
    return words;
  });
  const context = documentContext(sentenceWords);
  const mentions: Mention[] = [];
  doc.sentences.forEach((s, si) => {
    const words = sentenceWords[si];
    const margins = new Float32Array(words.length);
    const tags = tagTokens(words, context, margins);
    for (const span of spansOf(tags)) {
      const start = doc.tokens[s.tokenStart + span.start].start;
      const end = doc.tokens[s.tokenStart + span.end - 1].end;
      const mentionText = text.slice(start, end);
      let minMargin = Infinity;
      for (let i = span.start; i < span.end; i++) minMargin = Math.min(minMargin, margins[i]);
      // the margin between the best and the next tag, squashed into (0.5, 1): a rough, monotone confidence
      const confidence = Number((1 / (1 + Math.exp(-minMargin / 10))).toFixed(3));
      mentions.push({
        span: { article: id, start, end },
        text: mentionText,
        ...classify(span.type, mentionText),
        method: 'model:ner',
        confidence,
      });
    }
  });
  return mentions;
}
