/**
 * Bytes → text. Order of trust: a byte-order mark, then what the document declares (`<meta charset>`,
 * `http-equiv` Content-Type, the XML declaration), then strict UTF-8, then statistical detection (chardet).
 * A file that is recognisably UTF-8 but holds invalid sequences is an error, not a guess: decoding it with a
 * replacement character or a legacy charset would put text in front of the reader that nobody wrote.
 */
import chardet from 'chardet';

/** An input that cannot be read as an article; `message` is the short reason shown to the user. */
export class IngestError extends Error {}

/** What the bytes were decoded with, and how that charset was chosen. */
export interface Decoded {
  text: string;
  /** WHATWG encoding label as TextDecoder reports it (`utf-8`, `windows-1252`, `utf-16le` ...) */
  encoding: string;
  /** `bom`, `meta`, `http-equiv`, `xml-declaration`, `utf-8`, `detected` */
  encodingMethod: string;
}

/** Which declarations to look for: HTML meta tags, the XML declaration, or none (plain text, JSON). */
export type DeclarationKind = 'html' | 'xml' | 'none';

/** Magic numbers of common non-text files, so a PDF or an image gets a reason that names what it is. */
const BINARY_MAGIC: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or an Office document)'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable (ELF)'],
  [[0x42, 0x5a, 0x68], 'a bzip2 archive'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'an xz archive'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'a zstd archive'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office document'],
];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** True when the bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x1f, 0x8b]);
}

function bomOf(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', length: 3 };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', length: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 without a BOM shows as NUL bytes in every other position; anything else with NULs is binary.
 * Returns the UTF-16 variant, or null.
 */
function sniffBomlessUtf16(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.6 && evenNul === 0) return 'utf-16le';
  if (evenNul > pairs * 0.6 && oddNul === 0) return 'utf-16be';
  return null;
}

const DECLARATION_WINDOW = 4096;

/** The charset a document declares, with the method that found it, from its first 4 KB. */
export function declaredCharset(bytes: Uint8Array, kind: DeclarationKind): { label: string; method: string } | null {
  if (kind === 'none') return null;
  // Declarations are ASCII, so latin1 decoding of the head is safe whatever the real charset is.
  const head = Buffer.from(bytes.subarray(0, DECLARATION_WINDOW)).toString('latin1');
  const xml = head.match(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i);
  if (xml) return { label: xml[1], method: 'xml-declaration' };
  if (kind !== 'html') return null;
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = tag.match(/\bcharset\s*=\s*["']?\s*([\w.:-]+)/i);
    if (!direct) continue;
    const isHttpEquiv = /\bhttp-equiv\s*=\s*["']?\s*content-type/i.test(tag);
    return { label: direct[1], method: isHttpEquiv ? 'http-equiv' : 'meta' };
  }
  return null;
}

/** What windows-1252 puts at 0x80–0x9F (WHATWG table); the five undefined bytes map to their C1 code points. */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Node 20's TextDecoder decodes `windows-1252` as ISO-8859-1, turning curly quotes and dashes into invisible C1
 * controls; this decoder fixes the 0x80–0x9F row and otherwise behaves like TextDecoder.
 */
class Windows1252Decoder {
  readonly encoding = 'windows-1252';
  decode(bytes: Uint8Array): string {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      .toString('latin1')
      .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]);
  }
}

function decoderFor(label: string, fatal: boolean): Pick<TextDecoder, 'encoding' | 'decode'> | null {
  try {
    const decoder = new TextDecoder(label, { fatal });
    return decoder.encoding === 'windows-1252' ? new Windows1252Decoder() : decoder;
  } catch {
    return null;
  }
}

/** Position and byte of the first invalid UTF-8 sequence, for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): { offset: number; byte: number } | null {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return { offset: i, byte: b };
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return { offset: i, byte: b };
    }
    i += len;
  }
  return null;
}

/** True when the bytes hold at least one well-formed multi-byte UTF-8 sequence. */
function hasUtf8Multibyte(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1 << 20);
  for (let i = 0; i + 1 < n; i++) {
    const b = bytes[i];
    if (b >= 0xc2 && b <= 0xdf && (bytes[i + 1] & 0xc0) === 0x80) return true;
    if (b >= 0xe0 && b <= 0xef && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80) return true;
  }
  return false;
}

function invalidUtf8Reason(bytes: Uint8Array, why: string): string {
  const bad = firstInvalidUtf8(bytes);
  const where = bad ? ` (byte 0x${bad.byte.toString(16).padStart(2, '0')} at offset ${bad.offset})` : '';
  return `invalid UTF-8${where} in a file that ${why}`;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Rejects what is not text: empty input, known binary formats, NUL bytes.
 * @throws IngestError with the reason
 */
export function assertText(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new IngestError('empty file');
  for (const [magic, what] of BINARY_MAGIC) {
    if (startsWith(bytes, magic)) throw new IngestError(`binary file (${what}), not text`);
  }
}

/**
 * Decode bytes to text, choosing the charset by BOM, declaration, strict UTF-8, then detection.
 *
 * @param kind which in-document declarations to honour
 * @param requireUtf8 the format itself mandates UTF-8 (JSON, JSONL): anything else is an error
 * @throws IngestError for empty or binary input and for invalid UTF-8 that cannot be decoded credibly
 *
 * @example
 * ```ts
 * decodeBytes(Buffer.from('<meta charset="windows-1252">caf\xe9', 'latin1'), 'html');
 * // → { text: '<meta charset="windows-1252">café', encoding: 'windows-1252', encodingMethod: 'meta' }
 * ```
 */
export function decodeBytes(bytes: Uint8Array, kind: DeclarationKind, requireUtf8 = false): Decoded {
  assertText(bytes);
  const bom = bomOf(bytes);
  if (bom) {
    const decoder = decoderFor(bom.encoding, true)!;
    try {
      return { text: stripBom(decoder.decode(bytes)), encoding: bom.encoding, encodingMethod: 'bom' };
    } catch {
      throw new IngestError(`invalid ${bom.encoding.toUpperCase()} in a file that starts with a ${bom.encoding} byte-order mark`);
    }
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    const utf16 = sniffBomlessUtf16(bytes);
    if (!utf16) throw new IngestError('binary file (NUL bytes), not text');
    const text = decoderFor(utf16, false)!.decode(bytes);
    return { text, encoding: utf16, encodingMethod: 'detected' };
  }
  const declared = declaredCharset(bytes, kind);
  if (declared) {
    const decoder = decoderFor(declared.label, true);
    if (decoder && decoder.encoding !== 'utf-16le' && decoder.encoding !== 'utf-16be') {
      try {
        return { text: stripBom(decoder.decode(bytes)), encoding: decoder.encoding, encodingMethod: declared.method };
      } catch {
        if (decoder.encoding === 'utf-8') {
          throw new IngestError(invalidUtf8Reason(bytes, `declares UTF-8 (${declared.method})`));
        }
        // Single-byte legacy decoders never fail, so only multi-byte ones (Shift_JIS, GBK ...) land here:
        // fall through to detection rather than trusting a declaration the bytes contradict.
      }
    }
    // An unknown label (or a UTF-16 label on bytes that have no NULs) tells us nothing usable.
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', encodingMethod: 'utf-8' };
  } catch {
    if (requireUtf8) throw new IngestError(invalidUtf8Reason(bytes, 'must be UTF-8 (JSON)'));
    if (hasUtf8Multibyte(bytes)) throw new IngestError(invalidUtf8Reason(bytes, 'is otherwise UTF-8'));
  }
  const guess = chardet.detect(bytes);
  const decoder = guess ? decoderFor(guess, false) : null;
  if (!decoder || decoder.encoding === 'utf-8') {
    throw new IngestError(invalidUtf8Reason(bytes, 'declares no charset, and no other charset fits'));
  }
  // ISO-8859-1 resolves to windows-1252 (WHATWG): bytes 0x80–0x9F are C1 controls nobody types.
  return { text: decoder.decode(bytes), encoding: decoder.encoding, encodingMethod: 'detected' };
}
