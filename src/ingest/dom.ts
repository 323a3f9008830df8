/**
 * linkedom and Readability, loaded on first use. Reading a plain-text or Markdown article needs neither, and
 * linkedom is some 200 modules whose loading took a fifth of a one-article run's start-up. The parsers that
 * use them are synchronous, and Node 20 cannot load an ES module synchronously, so both come through
 * `require`: linkedom's CommonJS build is its ES build converted line for line (the same code, the same
 * output), and Readability ships CommonJS only.
 */
import { createRequire } from 'node:module';

type Linkedom = typeof import('linkedom');
type ReadabilityModule = typeof import('@mozilla/readability');

let linkedom: Linkedom | null = null;
let readability: ReadabilityModule | null = null;
const require = createRequire(import.meta.url);

/** A fresh linkedom DOMParser. */
export function newDomParser(): InstanceType<Linkedom['DOMParser']> {
  linkedom ??= require('linkedom') as Linkedom;
  return new linkedom.DOMParser();
}

/** Readability's class. */
export function readabilityClass(): ReadabilityModule['Readability'] {
  readability ??= require('@mozilla/readability') as ReadabilityModule;
  return readability.Readability;
}
