/**
 * Voices: who is quoted in each outlet, for which side (country), with what share of the quoted words, and
 * who gets the last word.
 */
import type { Actor, Span, Voice } from '../model.js';
import { outletNameKey, outletRegistry, type OutletRegistry } from '../outlets/index.js';
import { entitiesOf, wordsOf } from './text.js';
import type { CompareUnit } from './units.js';
import { speakerActor } from '../saidwhen/index.js';

/** The name part of a source phrase: an appositive after a comma is dropped ("Ann Lee, a spokesman," → "Ann Lee"). */
function speakerName(phrase: string): string {
  return phrase.split(/,\s/)[0].replace(/[,\s]+$/, '').trim();
}

/** The key speakers are merged by within an article: the last capitalised word ("Okafor"), else the phrase. */
function speakerKey(name: string): string {
  const caps = wordsOf(name).filter((w) => /^\p{Lu}/u.test(w.text));
  return (caps.length ? caps[caps.length - 1].lower : name.toLowerCase()).replace(/'s$/, '');
}

/**
 * The voices of each article: one entry per speaker, with quote and word counts, share of the article's quoted
 * words, the side (country) the speaker's description names, and the last word flag.
 *
 * @example
 * ```ts
 * buildVoices(units).filter((v) => v.lastWord).map((v) => v.speaker); // the last speaker of each article
 * ```
 */
export function buildVoices(units: CompareUnit[], actors: Actor[] = [], registry: OutletRegistry = outletRegistry()): Voice[] {
  const out: Voice[] = [];
  const actorById = new Map<string, Actor>();
  for (const a of actors) if (!actorById.has(a.id)) actorById.set(a.id, a);
  for (const u of units) {
    if (u.duplicateOf) continue;
    const text = u.doc.article.text;
    const bySpeaker = new Map<string, Voice>();
    let totalWords = 0;
    let last: { voice: Voice; at: number } | null = null;
    for (const q of u.quotes) {
      const source = q.antecedent ?? q.source;
      const phrase = source ? text.slice(source.start, source.end) : null;
      // A news agency as the source is the channel, not a voice.
      if (phrase && registry.byName.has(outletNameKey(phrase.replace(/\s+(news agency|agency|newspaper|television|tv)$/i, '')))) continue;
      const words = q.content.reduce((n, c) => n + wordsOf(text, c.start, c.end).filter((w) => /\p{L}/u.test(w.text)).length, 0);
      if (words === 0) continue;
      totalWords += words;
      // Only the name part of the phrase, before an appositive, can name the speaker ("X, a critic of Y": X).
      // The speaker linked for who said what (src/saidwhen) is the voice's actor: one linker for both views.
      const actor = q.speaker ? actorById.get(q.speaker) ?? null : speakerActor(q, actors, text);
      // A person the phrase mentions names the speaker better than the phrase, which may carry a channel or a
      // title glued to the name; for an organisation or country the phrase says who in it spoke.
      const name = actor?.type === 'PERSON' ? actor.name : phrase ? speakerName(phrase) : null;
      const key = actor?.type === 'PERSON' ? `actor:${actor.id}` : name ? speakerKey(name) : '(unattributed)';
      let voice = bySpeaker.get(key);
      if (!voice) {
        voice = { outlet: u.outlet.key, article: u.doc.article.id, speaker: name, actor: actor?.id ?? null, country: actor?.country.value ?? null, quotes: 0, words: 0, share: 0, lastWord: false, spans: [] };
        bySpeaker.set(key, voice);
      }
      // The longest form names the speaker best ("Iranian Defense Minister Ali Veli" over "Veli").
      if (name && actor?.type !== 'PERSON' && (voice.speaker === null || name.length > voice.speaker.length)) voice.speaker = name;
      if (!voice.country && phrase) voice.country = entitiesOf(wordsOf(phrase)).find((e) => /^[A-Z]{3}$/.test(e.key))?.key ?? null;
      voice.quotes++;
      voice.words += words;
      voice.spans.push(...q.content);
      const at = Math.max(...q.content.map((c) => c.end));
      if (!last || at > last.at) last = { voice, at };
    }
    for (const v of bySpeaker.values()) v.share = totalWords ? Math.round((v.words / totalWords) * 1000) / 1000 : 0;
    if (last) last.voice.lastWord = true;
    out.push(...[...bySpeaker.values()].sort((a, b) => b.words - a.words));
  }
  return out;
}
