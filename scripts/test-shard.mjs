// One shard of a test tier: imports the given test files into this one process, so that what they share
// (the tagger and quote models, lexicons, the knowledge base) is loaded once per shard rather than once per
// file. Run with Node's test reporter flags by scripts/test.mjs; tests run one after another, file by file.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

for (const file of process.argv.slice(2)) await import(pathToFileURL(resolve(file)).href);
