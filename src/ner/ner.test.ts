import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bilouOf, iob1Of, parseConll, SpanScorer, spansOf } from './conll.js';
import { documentContext, FeatureExtractor, firstPassOf, isHeadline, secondStageFeatures, sentenceFeatures, shapeOf, type FeatureOption } from './features.js';
import { decodeSentence, LABEL_COUNT, labelIndex, packRows, rowIndexOf } from './perceptron.js';
import { decodeWeights, encodeWeights, loadTagger, readGazetteerLists, tagDocument, tagTokens } from './tagger.js';
import { findMentions } from './mentions.js';
import { buildDoc } from '../text/index.js';
import { known, plainArticle } from '../model.js';
import { evaluate } from '../eval/ner.js';

test('spansOf follows conlleval chunk rules for IOB1, IOB2 and BILOU', () => {
  const table: [string[], string[]][] = [
    [['I-PER', 'I-PER', 'O', 'I-LOC'], ['0-2 PER', '3-4 LOC']],
    [['I-PER', 'B-PER', 'I-PER'], ['0-1 PER', '1-3 PER']],
    [['B-ORG', 'I-ORG', 'I-LOC'], ['0-2 ORG', '2-3 LOC']],
    [['U-PER', 'B-LOC', 'L-LOC', 'U-LOC'], ['0-1 PER', '1-3 LOC', '3-4 LOC']],
    [['O', 'I-MISC'], ['1-2 MISC']],
    [['B-PER', 'I-PER'], ['0-2 PER']],
  ];
  for (const [tags, expected] of table) {
    assert.deepEqual(spansOf(tags).map((s) => `${s.start}-${s.end} ${s.type}`), expected, tags.join(' '));
  }
});

test('BILOU and IOB1 encodings give back the same spans', () => {
  const spans = [
    { start: 0, end: 1, type: 'PER' },
    { start: 1, end: 3, type: 'PER' },
    { start: 4, end: 7, type: 'ORG' },
  ];
  assert.deepEqual(bilouOf(spans, 8), ['U-PER', 'B-PER', 'L-PER', 'O', 'B-ORG', 'I-ORG', 'L-ORG', 'O']);
  assert.deepEqual(iob1Of(spans, 8), ['I-PER', 'B-PER', 'I-PER', 'O', 'I-ORG', 'I-ORG', 'I-ORG', 'O']);
  assert.deepEqual(spansOf(bilouOf(spans, 8)), spans);
  assert.deepEqual(spansOf(iob1Of(spans, 8)), spans);
});

test('parseConll reads documents and names the line of bad input', () => {
  const docs = parseConll('-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nHi UH O O\n', 'x');
  assert.equal(docs.length, 2);
  assert.deepEqual(docs[0].sentences.map((s) => s.words), [['EU', 'rejects'], ['Peter']]);
  assert.deepEqual(docs[0].sentences[0].gold, ['I-ORG', 'O']);
  assert.throws(() => parseConll('EU NNP I-NP I-ORG\nrejects VBZ O\n', 'bad.txt'), /bad\.txt:2: 3 columns/);
  assert.throws(() => parseConll('EU NNP I-NP ORG\n', 'bad.txt'), /bad\.txt:1: "ORG" is not an IOB tag/);
});

test('SpanScorer counts exact spans only', () => {
  const s = new SpanScorer();
  s.add(spansOf(['I-PER', 'I-PER', 'O', 'I-LOC']), spansOf(['I-PER', 'O', 'O', 'I-LOC']));
  const all = s.score();
  assert.equal(all.p, 0.5);
  assert.equal(all.r, 0.5);
  assert.equal(s.score('LOC').f1, 1);
  assert.equal(s.score('PER').f1, 0);
});

test('shapes and headlines', () => {
  const shapes: [string, string][] = [['McDonald', 'XxXx'], ['U.S.', 'X.X.'], ['1996-08-22', 'd-d-d'], ['iPhone', 'xXx']];
  for (const [w, sh] of shapes) assert.equal(shapeOf(w), sh, w);
  assert.equal(isHeadline(['SOCCER', '-', 'JAPAN', 'WIN', '.']), true);
  assert.equal(isHeadline(['Japan', 'won', '.']), false);
});

// Names chosen for being unambiguous in 1990s Reuters text; none comes from the sample articles.
test('the trained tagger finds persons, places, organisations and demonyms', () => {
  const table: [string[], string[]][] = [
    [['Helmut', 'Kohl', 'flew', 'to', 'Bonn', 'on', 'Tuesday', '.'], ['0-2 PER', '4-5 LOC']],
    [['Shares', 'of', 'General', 'Motors', 'Corp', 'rose', '.'], ['2-5 ORG']],
    [['The', 'French', 'minister', 'said', 'so', '.'], ['1-2 MISC']],
  ];
  for (const [words, expected] of table) {
    assert.deepEqual(spansOf(tagTokens(words)).map((s) => `${s.start}-${s.end} ${s.type}`), expected, words.join(' '));
  }
  assert.deepEqual(tagTokens([]), []);
  const doc = tagDocument([['Boris', 'Yeltsin', 'spoke', '.'], ['Yeltsin', 'left', '.']]);
  assert.deepEqual(doc[1].slice(0, 1), ['U-PER']);
});

// A known error of the two-stage model: its first pass ends the name at "Bank", the second carries it over
// "board" (features key words in lower case, and "Board" ends many names: "Federal Reserve Board").
test('a lower-case noun after a name stays outside it', { todo: 'the second stage tags "World Bank board" as one ORG' }, () => {
  const words = ['The', 'World', 'Bank', 'board', 'met', 'in', 'Warsaw', '.'];
  assert.deepEqual(spansOf(tagTokens(words)).map((s) => `${s.start}-${s.end} ${s.type}`), ['1-3 ORG', '6-7 LOC']);
});


test('findMentions: spans into the article text, model types, demonyms resolved via the KB', () => {
  const text = 'Kyrgyz officials met Ukrainian envoys in Warsaw on Monday, Askar Akayev’s office said.';
  const mentions = findMentions(buildDoc(plainArticle(text, 'test-article', { language: known('en', 'test', 1) })));
  for (const m of mentions) {
    assert.equal(text.slice(m.span.start, m.span.end), m.text);
    assert.equal(m.method, 'model:ner');
    assert.ok(m.confidence > 0 && m.confidence <= 1);
  }
  const by = new Map(mentions.map((m) => [m.text, m]));
  assert.equal(by.get('Kyrgyz')?.country, 'KGZ');
  assert.equal(by.get('Kyrgyz')?.demonym, true);
  assert.equal(by.get('Ukrainian')?.country, 'UKR');
  assert.equal(by.get('Warsaw')?.type, 'GPE');
  assert.equal(by.get('Warsaw')?.country, 'POL');
  assert.equal(by.get('Askar Akayev')?.type, 'PERSON');
});

test('findMentions does not run on an article known not to be English', () => {
  assert.deepEqual(findMentions(buildDoc(plainArticle('Angela Merkel besuchte Paris.', 'test-article', { language: known('de', 'test', 1) }))), []);
});

test('eval ner scores a small file and writes predictions back with one more column', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-ner-'));
  const data = join(dir, 'small.conll');
  writeFileSync(data, '-DOCSTART- -X- O O\n\nHelmut NNP I-NP I-PER\nKohl NNP I-NP I-PER\nvisited VBD I-VP O\nBonn NNP I-NP I-LOC\n. . O O\n');
  const out = join(dir, 'pred.conll');
  const { result, table } = await evaluate({ data, predictions: out });
  assert.equal(result.task, 'ner');
  assert.equal(result.sentences, 1);
  assert.equal(result.f1, 1);
  assert.match(table, /compromise/);
  const lines = readFileSync(out, 'utf8').split('\n').filter((l) => l && !l.startsWith('-DOCSTART-'));
  assert.deepEqual(lines.map((l) => l.split(' ').at(-1)), ['I-PER', 'I-PER', 'O', 'I-LOC', 'O']);
});

test('optional feature templates add features only where they apply, and only when the model names them', () => {
  // a made-up gazetteer (one place) and cluster vocabulary (one word); "Zorblatt" is unknown to both
  const gazetteer = { phrases: new Map([['atlantis', 1 << 5]]), maxTokens: 1 };
  const clusters = new Map([['visited', '0110']]);
  const words = ['Zorblatt', 'visited', 'Atlantis'];
  const counts = (options: FeatureOption[]): number[] => {
    const s = sentenceFeatures(new FeatureExtractor(gazetteer, clusters, options), words, documentContext([words]));
    return words.map((_, i) => s.offsets[i + 1] - s.offsets[i]);
  };
  const none = counts([]);
  const table: [FeatureOption[], number[]][] = [
    // "^zorblatt$" has 8 trigrams; "atlantis" is outside the clusters too (8 trigrams); "visited" is known
    [['charNgrams'], [none[0] + 8, none[1], none[2] + 8]],
    // the gazetteer match on "Atlantis" gains a class-only and a class-with-length feature
    [['gazGrain'], [none[0], none[1], none[2] + 2]],
  ];
  for (const [options, expected] of table) assert.deepEqual(counts(options), expected, options.join());
});

test('gazetteer lists are read per class, and a bad line is named with its file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-gaz-'));
  const good = join(dir, 'good.tsv');
  writeFileSync(good, 'surname\tzorblatt\norgname\tacme widgets corp\nsurname\tquibble\n');
  assert.deepEqual([...readGazetteerLists(good)], [['surname', ['zorblatt', 'quibble']], ['orgname', ['acme widgets corp']]]);
  const bad = join(dir, 'bad.tsv');
  writeFileSync(bad, 'surname\tzorblatt\nplanet\tmars\n');
  assert.throws(() => readGazetteerLists(bad), /bad\.tsv:2: expected "class<TAB>phrase"/);
});

test('second-stage features: what the first pass said of the same word elsewhere, the token itself left out', () => {
  // a made-up document: "Zorblatt" alone in a headline, then "Peter Zorblatt" (PER) twice in the text
  const sentences = [['ZORBLATT', 'WINS'], ['Peter', 'Zorblatt', 'won', '.'], ['Peter', 'Zorblatt', 'smiled', '.']];
  const fx = new FeatureExtractor({ phrases: new Map(), maxTokens: 1 }, null);
  const ctx = documentContext(sentences);
  const features = sentences.map((w) => sentenceFeatures(fx, w, ctx));
  const [B, L, U] = [labelIndex('B-PER'), labelIndex('L-PER'), labelIndex('U-ORG')];
  const labels = [Uint8Array.of(U, 0), Uint8Array.of(B, L, 0, 0), Uint8Array.of(B, L, 0, 0)];
  const fp = firstPassOf(features, labels);
  assert.deepEqual(Array.from(fp.tokenTypes.get('zorblatt')!), [0, 2, 1, 0, 0]); // PER twice, ORG once
  assert.deepEqual(Array.from(fp.entityTypes.get('peter zorblatt')!), [0, 2, 0, 0, 0]);
  assert.equal(fp.superEntities.get('zorblatt')![2], 2); // last word of a PER name, twice
  const added = (si: number): number[] => {
    const s = secondStageFeatures(fp, si);
    return Array.from(s.offsets.slice(1), (end, i) => end - s.offsets[i] - (features[si].offsets[i + 1] - features[si].offsets[i]));
  };
  // headline "ZORBLATT": its own label (2), the other occurrences' majority + agreement + one type seen (3), and
  // the PER name it ends elsewhere (2); "WINS" was never tagged otherwise: labels only, plus its own O count
  const headline = added(0);
  assert.equal(headline[0], 2 + 3 + 2);
  // "Zorblatt" in sentence 2: the other two occurrences (PER, ORG) give two types seen; the entity
  // "peter zorblatt" occurs once more; its own place in a name is left out, the other one remains
  const second = added(1);
  assert.equal(second[1], 2 + 4 + 1 + 2);
  // lower-case words get the first pass's labels only
  assert.equal(second[2], 2);
});

test('a packed weight table keeps only rows with a weight, reads back byte for byte, and names a bad file', () => {
  const width = 3;
  const dense = Int16Array.from([0, 0, 0, 5, 0, -2, 0, 0, 0, 0, 0, 0, 0, 7, 0]);
  const packed = packRows(dense, width);
  assert.deepEqual([...packed.rows], [1, 4]);
  assert.deepEqual([...packed.weights], [5, 0, -2, 0, 7, 0]);
  const back = decodeWeights(encodeWeights(packed), 5, width, 'x.bin');
  assert.deepEqual([...back.rows], [1, 4]);
  assert.deepEqual([...back.weights], [...packed.weights]);
  assert.deepEqual([...rowIndexOf(back.rows, 5)], [-1, 0, -1, -1, 1]);
  assert.throws(() => decodeWeights(encodeWeights(packed).subarray(0, 10), 5, width, 'x.bin'), /x\.bin: 10 bytes/);
  assert.throws(() => decodeWeights(encodeWeights(packed), 3, width, 'x.bin'), /x\.bin: row 4 out of order or outside/);
});

test('decoding with the packed table gives the labels and margins of the dense table it was packed from', () => {
  const t = loadTagger();
  const stages = t.header.stages ?? 1;
  const width = LABEL_COUNT * stages;
  // the dense table of every hashed row, as the /1 format stored it
  const dense = new Int16Array((t.rowMask + 1) * width);
  t.rowIndex.forEach((r, row) => {
    if (r >= 0) dense.set(t.weights.subarray(r * width, (r + 1) * width), row * width);
  });
  const words = ['The', 'mayor', 'of', 'Lisbon', ',', 'Rita', 'Moss', ',', 'met', 'Acme', 'Corp', 'workers', 'on', 'Friday', '.'];
  const layout = { stride: width, offset: 0 };
  const decode = (packed: boolean) => {
    const doc = documentContext([words]);
    const out = new Uint8Array(words.length);
    const margins = new Float32Array(words.length);
    decodeSentence(packed ? t.weights : dense, t.rowMask, sentenceFeatures(t.extractor, words, doc), doc, out, undefined, margins, layout, packed ? t.rowIndex : undefined);
    return { out: [...out], margins: [...margins] };
  };
  const packed = decode(true);
  assert.deepEqual(packed, decode(false));
  assert.ok(packed.out.some((l) => l !== 0), 'the sentence has names');
});
