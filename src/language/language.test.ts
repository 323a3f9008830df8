import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../model.js';
import { unknown, plainArticle } from '../model.js';
import { detectLanguage, identifyLanguage, isEnglish, STAGES_NOTE, toIso6391 } from './index.js';

const article = (text: string, language = unknown<string>('not-detected')): Article => plainArticle(text, 'x', { language });

// Made-up news sentences in several languages (Russian needs two: on one short sentence franc says Bulgarian).
const TEXTS: [string, string][] = [
  ['en', 'The port authority said on Tuesday that the strike had ended and that ships would be unloaded again from Wednesday morning.'],
  ['de', 'Die Hafenbehörde teilte am Dienstag mit, dass der Streik beendet sei und die Schiffe ab Mittwochmorgen wieder entladen würden.'],
  ['fr', 'L’autorité portuaire a annoncé mardi que la grève était terminée et que les navires seraient de nouveau déchargés dès mercredi matin.'],
  ['es', 'La autoridad portuaria dijo el martes que la huelga había terminado y que los barcos volverían a ser descargados desde el miércoles.'],
  ['ru', 'Администрация порта заявила во вторник, что забастовка закончилась и что суда снова будут разгружать начиная со среды. Переговоры о пенсиях продолжатся в следующем месяце, сообщили обе стороны.'],
];

test('identifyLanguage: ISO 639-1 codes for made-up news sentences', () => {
  for (const [code, text] of TEXTS) {
    const found = identifyLanguage(text);
    assert.equal(found?.code, code, text);
    assert.ok(found && found.confidence > 0 && found.confidence <= 1);
  }
});

test('identifyLanguage: very short texts stay unknown', () => {
  assert.equal(identifyLanguage('Strike ends.'), null);
  assert.equal(identifyLanguage(''), null);
  const a = detectLanguage(article('Strike ends.'));
  assert.equal(a.meta.language.value, null);
  assert.equal(a.meta.language.method, 'too-short:language');
  assert.equal(isEnglish(a), true);
});

test('detectLanguage: English passes; other languages are kept with a note', () => {
  const en = detectLanguage(article(TEXTS[0][1]));
  assert.equal(en.meta.language.value, 'en');
  assert.equal(en.meta.language.method, 'model:franc');
  assert.deepEqual(en.notes, []);
  assert.equal(isEnglish(en), true);
  const de = detectLanguage(article(TEXTS[1][1]));
  assert.equal(de.meta.language.value, 'de');
  assert.deepEqual(de.notes, [`not English (de): ${STAGES_NOTE}`]);
  assert.match(STAGES_NOTE, /English-only stages \(.*who said what.*\) skipped/);
  assert.equal(isEnglish(de), false);
  assert.equal(de.text, TEXTS[1][1], 'the article is kept whole');
});

test('detectLanguage: a language given by ingest wins', () => {
  const a = detectLanguage(article(TEXTS[1][1], { value: 'en-GB', method: 'meta:html-lang', confidence: 0.9 }));
  assert.equal(a.meta.language.value, 'en-GB');
  assert.equal(isEnglish(a), true);
});

test('toIso6391', () => {
  const cases: [string, string][] = [['eng', 'en'], ['deu', 'de'], ['arb', 'ar'], ['pes', 'fa'], ['cmn', 'zh'], ['ceb', 'ceb']];
  for (const [three, one] of cases) assert.equal(toIso6391(three), one);
});
