// Writes schema/briefing.schema.json, the JSON Schema of `parallax analyze --format json`, from the types in
// src/model.ts (`Briefing` and everything it reaches), so the schema and the types cannot drift apart: the
// constraints a type alone cannot say (integers, ranges, date patterns) are JSDoc tags on those types.
// Generated with ts-json-schema-generator (draft-07 `definitions`), then moved to draft 2020-12 `$defs`,
// the dialect the schema has always declared.
//
// Run: npx tsx scripts/build-schema.ts           (writes the file)
//      npx tsx scripts/build-schema.ts --check   (exit 1 when the committed file is not what the types give;
//                                                 src/render/schema.test.ts runs this)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';
import { BRIEFING_SCHEMA_VERSION } from '../src/model.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(root, 'schema', 'briefing.schema.json');

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** `#/definitions/Field%3Cstring%3E` → `#/$defs/Field%3Cstring%3E`, everywhere in the tree. */
function moveRefs(node: Json): Json {
  if (Array.isArray(node)) return node.map(moveRefs);
  if (node && typeof node === 'object') {
    const out: { [k: string]: Json } = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] = k === '$ref' && typeof v === 'string' ? v.replace(/^#\/definitions\//, '#/$defs/') : moveRefs(v);
    }
    return out;
  }
  return node;
}

/** The schema the types give, as the committed file should read. */
export function buildSchema(): string {
  const generator = createGenerator({
    path: join(root, 'src', 'model.ts'),
    tsconfig: join(root, 'tsconfig.json'),
    type: 'Briefing',
    expose: 'export',
    topRef: false,
    jsDoc: 'extended',
    sortProps: true,
    strictTuples: true,
    additionalProperties: false,
    // the repository's own `npm run typecheck` checks the types; the generator only reads them
    skipTypeCheck: true,
  });
  const generated = generator.createSchema('Briefing') as { [k: string]: Json };
  const { $schema: _draft07, definitions, ...briefing } = generated;
  const schema: { [k: string]: Json } = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://parallax.invalid/schema/briefing/${BRIEFING_SCHEMA_VERSION}`,
    title: 'parallax briefing',
    ...(moveRefs(briefing) as { [k: string]: Json }),
    description:
      'The output of `parallax analyze --format json`: a sourced briefing of one story from many articles. Every span is a pair of UTF-16 code-unit offsets into the `text` of the article named by `article`. Unknown values are null, never defaulted. Generated from the types of src/model.ts by scripts/build-schema.ts: every section is described, and properties the types do not have are rejected.',
    $defs: moveRefs(definitions ?? {}),
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = buildSchema();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(OUT, 'utf8');
    if (committed !== text) {
      console.error(`${OUT} is not what the types of src/model.ts give: run npx tsx scripts/build-schema.ts`);
      process.exit(1);
    }
    console.log(`${OUT} matches the types`);
  } else {
    writeFileSync(OUT, text);
    console.log(`wrote ${OUT} (${text.length} bytes)`);
  }
}
