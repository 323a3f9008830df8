/**
 * wink-eng-lite-web-model's core model, read the way its own `core()` reads it (read-core-model.js and
 * load-core-model.js of version 1.8), in less time. The package `require`s a 3 MB JSON file, copies it by
 * `JSON.parse(JSON.stringify(…))` (wink grows the copy's lexicon, so every instance needs its own), and
 * decodes two base64 tables through `atob` and a loop of `charCodeAt`. Here the file is parsed once straight
 * into the fresh copy and the tables are decoded by Buffer: the same object, about a third of a one-article
 * run's wink start-up saved. `src/text/wink-core.test.ts` checks it against the package's own `core()`, so
 * a release that changes the model's layout fails the tests instead of tagging differently; and when the
 * file is not where 1.8 keeps it, `null` sends the caller back to the package's loader.
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

/** The model file, or null when the installed package keeps it elsewhere. */
function modelFile(): string | null {
  const require = createRequire(import.meta.url);
  let root: string;
  try {
    root = dirname(require.resolve('wink-eng-lite-web-model/package.json'));
  } catch {
    return null;
  }
  const file = join(root, 'dist', 'languages', 'cur', 'models', 'eng-core-web-model.json');
  return existsSync(file) ? file : null;
}

function uint32s(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, 'base64');
  // a fresh buffer of its own, as atob's copy was: Buffer's pool offset need not be a multiple of 4
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new Uint32Array(copy.buffer);
}

let file: string | null | undefined;

/** A fresh core model, equal to the package's `core()`; null when its file is not found (use the package's). */
export function readWinkCore(): unknown {
  file ??= modelFile();
  if (file === null) return null;
  const model = JSON.parse(readFileSync(file, 'utf8')) as CoreModel;
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
