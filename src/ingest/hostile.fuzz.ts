/**
 * Generators for the property-based fuzz suites over ingest and render (fast-check): hostile inputs of every
 * kind a user's folder can hold. How many inputs a suite draws comes from `PARALLAX_FUZZ_RUNS` (the CI tier
 * sets thousands; `npm test` keeps a few hundred), always from a fixed seed so a failure can be replayed.
 */
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';

/** The seed every suite uses, unless PARALLAX_FUZZ_SEED gives another (to explore, or to replay). */
export const FUZZ_SEED = Number(process.env.PARALLAX_FUZZ_SEED ?? 18);

/** This suite's share of the run count: `share` of PARALLAX_FUZZ_RUNS, else `fallback`. */
export function fuzzRuns(share: number, fallback: number): number {
  const total = Number(process.env.PARALLAX_FUZZ_RUNS ?? 0);
  return total > 0 ? Math.max(1, Math.round(total * share)) : fallback;
}

/** Markup a hostile article carries; `MARK` is what must never reach a report as a live tag or link. */
export const MARK = 'x-fuzz-mark';
const HOSTILE = [
  `<${MARK}>`,
  `<script>document.title="${MARK}"</script>`,
  `<img src=x onerror="${MARK}()">`,
  `[${MARK}](javascript:alert(1))`,
  `![${MARK}](http://tracker.example/p.png)`,
  `<a href="javascript:${MARK}">x</a>`,
  '</p></div></body>',
  '**bold** _em_ `code` | cell | ~~gone~~ $math$',
  '# heading\n- list\n1. item\n> quote',
  '&lt;already&gt; &amp; &#60;',
  ']]>',
  '<!--',
  '{{template}}',
];

/** Characters that confuse text handling: controls, bidi overrides and isolates, zero-width, odd spaces. */
const ODD = ['\u0000', '\u0007', '\u001b[31m', '\u007f', '\u202e', '\u202d', '\u2066', '\u2069', '\u200b', '\u200f', '\ufeff', '\u00a0', '\u2028', '\u2029', '\r', '\r\n', '\t', '\ud800', '\udfff', '\uffff'];

const WORDS = ['the', 'minister', 'said', 'on', 'Monday', 'that', 'talks', 'would', 'resume', 'port', 'union', 'strike', 'ended', '"We', 'agree,"', 'Reuters', 'Paris', '2024', '3.5%', 'café', 'Zürich', 'Москва', '北京', 'مرحبا'];

/** Text mixing news-like words, hostile markup and odd characters. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...WORDS) }, { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) }, { weight: 1, arbitrary: fc.constantFrom(...ODD) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: fc.constantFrom('.', '. ', '\n\n', '\n', ', ') }), { maxLength: 120 })
  .map((parts) => parts.join(' '));

const bytesOf = (s: string) => Buffer.from(s, 'utf8');

/** One file's name and bytes, of every kind ingest reads and many it must refuse. */
export const hostileFile: fc.Arbitrary<{ name: string; data: Uint8Array }> = fc.oneof(
  // random bytes under any name
  fc.record({ name: fc.constantFrom('a.txt', 'a.html', 'a.json', 'a.jsonl', 'a.xml', 'a.md', 'a', 'a.gz', 'a.txt.gz'), data: fc.uint8Array({ maxLength: 2048 }) }),
  // plain text and Markdown, with or without front matter (closed or not, malformed or not)
  fc.record({
    name: fc.constantFrom('a.txt', 'a.md', 'noext'),
    data: fc.tuple(fc.option(fc.tuple(fc.string({ maxLength: 80 }), fc.boolean())), hostileText).map(([front, text]) =>
      bytesOf(`${front ? `---\n${front[0]}\ntitle: ${front[0]}\n${front[1] ? '---\n' : ''}` : ''}${text}`),
    ),
  }),
  // HTML pages, some nested deep (closed or not)
  fc.record({
    name: fc.constantFrom('a.html', 'a.htm', 'noext'),
    data: fc.tuple(hostileText, fc.nat({ max: 3000 }), fc.boolean(), fc.constantFrom('div', 'span', 'p', 'b', 'table', 'li')).map(([text, depth, close, tag]) =>
      bytesOf(`<!doctype html><html lang="en"><head><title>${text.slice(0, 40)}</title></head><body>${`<${tag}>`.repeat(depth)}<article><p>${text}</p></article>${close ? `</${tag}>`.repeat(depth) : ''}</body></html>`),
    ),
  }),
  // JSON and JSONL, well-formed or cut anywhere
  fc.record({
    name: fc.constantFrom('a.json', 'a.jsonl'),
    data: fc.tuple(fc.array(fc.record({ title: fc.option(hostileText), text: fc.oneof(hostileText, fc.jsonValue()), outlet: fc.option(fc.string()), published: fc.option(fc.string()) }), { maxLength: 5 }), fc.boolean(), fc.nat()).map(([records, lines, cut]) => {
      const s = lines ? records.map((r) => JSON.stringify(r)).join('\n') : JSON.stringify(records);
      return bytesOf(cut % 3 === 0 ? s.slice(0, cut % (s.length + 1)) : s);
    }),
  }),
  // RSS and Atom feeds, well-formed or cut anywhere
  fc.record({
    name: fc.constantFrom('a.xml', 'a.rss', 'a.atom'),
    data: fc.tuple(fc.array(hostileText, { maxLength: 4 }), fc.boolean(), fc.nat()).map(([items, atom, cut]) => {
      const s = atom
        ? `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${items[0] ?? ''}</title>${items.map((t) => `<entry><title>t</title><content type="html">${t}</content></entry>`).join('')}</feed>`
        : `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>${items.map((t) => `<item><title>${t}</title><description><![CDATA[${t}]]></description></item>`).join('')}</channel></rss>`;
      return bytesOf(cut % 3 === 0 ? s.slice(0, cut % (s.length + 1)) : s);
    }),
  }),
  // gzip, whole or truncated
  fc.record({
    name: fc.constantFrom('a.txt.gz', 'a.html.gz', 'a.gz'),
    data: fc.tuple(hostileText, fc.nat()).map(([text, cut]) => {
      const z = gzipSync(Buffer.from(text));
      return cut % 2 ? z : z.subarray(0, cut % z.length);
    }),
  }),
  // invalid UTF-8 and UTF-16 (with or without a byte-order mark, odd length)
  fc.record({
    name: fc.constantFrom('a.txt', 'a.html', 'a.md'),
    data: fc.tuple(hostileText, fc.uint8Array({ minLength: 1, maxLength: 8 }), fc.constantFrom('utf8-bad', 'utf16le', 'utf16be', 'utf16-odd')).map(([text, junk, kind]) => {
      if (kind === 'utf8-bad') return Buffer.concat([Buffer.from(text), Buffer.from(junk.map((b) => b | 0x80)), Buffer.from(text)]);
      const le = Buffer.from(text, 'utf16le');
      if (kind === 'utf16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
      if (kind === 'utf16be') return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
      return Buffer.concat([Buffer.from([0xff, 0xfe]), le, Buffer.from([0x41])]);
    }),
  }),
  // huge lines
  fc.record({
    name: fc.constantFrom('a.txt', 'a.md', 'a.html', 'a.jsonl'),
    data: fc.tuple(fc.constantFrom('a', 'word ', '<b>', '"', '\u202e', 'é'), fc.integer({ min: 10_000, max: 300_000 })).map(([unit, n]) => bytesOf(unit.repeat(Math.ceil(n / unit.length)))),
  }),
);
