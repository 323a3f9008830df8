/**
 * wink-eng-lite-web-model's core model, read the way its own `core()` reads it (read-core-model.js and
 * load-core-model.js of version 1.8), in less time. The package `require`s a 3 MB JSON file, copies it by
 * `JSON.parse(JSON.stringify(…))` (wink grows the copy's lexicon, so every instance needs its own), and
 * decodes two base64 tables through `atob` and a loop of `charCodeAt`. Here the file is parsed once straight
 * into the fresh copy and the tables are decoded by Buffer: the same object, about a third of a one-article
 * run's wink start-up saved (and `winkModel` spares the package's own parse of the file, done when it is
 * required). `src/text/wink-core.test.ts` checks both against the package's own, so a release that changes
 * the model's layout fails the tests instead of tagging differently; and when the files are not where 1.8
 * keeps them, `null` sends the caller back to the package's loader.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type Layout = Record<string, number[]>;
interface Feature {
  list: string[];
  hash: Record<string, number>;
  intrinsicSize?: number;
  index?: number;
  maxIndex?: number;
}
/** The parts of the core model this loader touches; the rest is passed through as parsed. */
interface CoreModel {
  packing: { layout: Layout; efList?: string[] };
  features: Record<string, Feature> & { lexeme: Feature; posClusters: { list: unknown[] } };
  pos: { hash: Record<string, number> };
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
}

/** The package's dist folder, or null when the installed package is laid out otherwise than 1.8. */
function distFolder(): string | null {
  const require = createRequire(import.meta.url);
  let root: string;
  try {
    root = dirname(require.resolve('wink-eng-lite-web-model/package.json'));
  } catch {
    return null;
  }
  const dist = join(root, 'dist');
  return existsSync(join(dist, 'model.js')) && existsSync(join(dist, 'languages', 'cur', 'models', 'eng-core-web-model.json')) ? dist : null;
}

function uint32s(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, 'base64');
  // a fresh buffer of its own, as atob's copy was: Buffer's pool offset need not be a multiple of 4
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new Uint32Array(copy.buffer);
}

let dist: string | null | undefined;

/** A fresh core model, equal to the package's `core()`; null when its file is not found (use the package's). */
export function readWinkCore(): unknown {
  dist ??= distFolder();
  if (dist === null) return null;
  const model = JSON.parse(readFileSync(join(dist, 'languages', 'cur', 'models', 'eng-core-web-model.json'), 'utf8')) as CoreModel;
  // read-core-model.js
  const { packing, features, pos } = model;
  model.lexicon = uint32s(model.lexicon as string);
  model.xpansions = uint32s(model.xpansions as string);
  for (const f in packing.layout) {
    if (packing.layout[f][3] === 0) {
      features[f].hash = Object.create(null);
      for (let k = 0; k < features[f].list.length; k += 1) features[f].hash[features[f].list[k]] = k;
    }
  }
  features.lexeme.hash = Object.create(null);
  for (let k = 0; k < features.lexeme.list.length; k += 1) features.lexeme.hash[features.lexeme.list[k]] = k;
  const clusters = features.posClusters.list;
  for (let k = 0; k < clusters.length; k += 1) clusters[k] = new Set((clusters[k] as string).split('_').map((e) => pos.hash[e] || 0));
  // load-core-model.js
  packing.efList = [];
  for (const f in packing.layout) {
    if (packing.layout[f][3] === 0) {
      features[f].intrinsicSize = features[f].list.length;
      features[f].index = features[f].list.length;
      features[f].maxIndex = packing.layout[f][1] >>> packing.layout[f][2];
    }
    if (packing.layout[f][4] === 1) packing.efList.push(f);
  }
  features.lexeme.intrinsicSize = features.lexeme.list.length;
  features.lexeme.index = features.lexeme.list.length;
  return model;
}

/**
 * The model object wink-nlp is given, built as the package's `dist/model.js` builds it but with `core` from
 * `readWinkCore`. Requiring the package itself would `require` (and so parse) the 3 MB core JSON at once,
 * for its own `core()` that is never called. Null when the package is not laid out as 1.8 is.
 */
export function winkModel(): Record<string, unknown> | null {
  dist ??= distFolder();
  if (dist === null) return null;
  const require = createRequire(join(dist, 'model.js'));
  const model = Object.create(null) as Record<string, unknown>;
  model.core = readWinkCore;
  model.sbd = require('./load-sbd-model.js');
  model.pos = require('./load-pos-model.js');
  model.ner = require('./load-ner-model.js');
  model.negation = require('./load-negation-model.js');
  model.sa = require('./load-sa-model.js');
  model.metaCER = require('./load-cer-meta-model.js');
  model.featureFn = require('./feature.js');
  const addons = Object.create(null) as Record<string, unknown>;
  addons.stem = require('./porter-stemmer.js');
  addons.lemmatize = require('./lemmatize.js');
  addons.readabilityStats = require('./readability-stats.js');
  addons.wordVectors = undefined;
  model.addons = addons;
  return model;
}
