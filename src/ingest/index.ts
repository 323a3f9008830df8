/**
 * Ingest: sources (files, folders, stdin, bytes) → decoded articles with the metadata their containers state.
 * One bad input gives one `InputError` and the rest are still read.
 */
import type { Stats } from 'node:fs';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { AnalyzeOptions, InputError, RawArticle, SourceFormat, SourceInput } from '../model.js';
import { type DeclarationKind, decodeBytes, IngestError, isGzip } from './decode.js';
import { feedKind, type Outcome, parseFeed, parseHtmlPage, parseJson, parseJsonl, parseMarkdown, parseText } from './formats.js';

export { IngestError } from './decode.js';

/** A single-article file larger than this is rejected before it is read: no news article is 16 MB of text. */
export const MAX_ARTICLE_BYTES = 16 * 1024 * 1024;
/** Files holding many records (JSONL, JSON arrays, feeds) may be larger, up to this. */
export const MAX_COLLECTION_BYTES = 512 * 1024 * 1024;

type Container = 'text' | 'markdown' | 'html' | 'json' | 'jsonl' | 'feed';

const EXTENSIONS: Record<string, Container> = {
  txt: 'text', text: 'text',
  md: 'markdown', markdown: 'markdown',
  html: 'html', htm: 'html', xhtml: 'html', shtml: 'html',
  json: 'json',
  jsonl: 'jsonl', ndjson: 'jsonl',
  xml: 'feed', rss: 'feed', atom: 'feed',
};

function extensionOf(name: string): string {
  const m = basename(name).toLowerCase().match(/\.([a-z0-9]+)$/);
  return m ? m[1] : '';
}

/** The container a file's name says it is, with a trailing `.gz` looked through; null when it says nothing. */
export function containerOfName(name: string): Container | null {
  const lower = name.toLowerCase();
  const inner = lower.endsWith('.gz') ? lower.slice(0, -3) : lower;
  return EXTENSIONS[extensionOf(inner)] ?? null;
}

/** The container the text looks like, for stdin and files whose name says nothing. */
export function sniffContainer(text: string): Container {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (feedKind(head)) return 'feed';
  if (/^(?:<!doctype\s+html|<html\b|<head\b|<body\b|<!--)/i.test(head) || /<(?:p|div|article)\b[^>]*>[\s\S]*<\/(?:p|div|article)>/i.test(head.slice(0, 2048))) return 'html';
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) {
    // One object per line is JSONL; a single (possibly pretty-printed) object is JSON.
    const firstLine = head.split('\n', 1)[0].trim();
    if (firstLine.endsWith('}')) {
      try {
        JSON.parse(firstLine);
        return 'jsonl';
      } catch {
        /* not one object on the first line */
      }
    }
    return 'json';
  }
  if (/^---[ \t]*\n/.test(head.replace(/\r\n/g, '\n'))) return 'markdown';
  return 'text';
}

function declarationKindOf(container: Container | null): DeclarationKind {
  if (container === 'html') return 'html';
  if (container === 'feed') return 'xml';
  if (container === 'json' || container === 'jsonl') return 'none';
  return 'html'; // unknown: a page or feed may declare its charset, and plain text never looks like one
}

function gunzip(bytes: Uint8Array): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_COLLECTION_BYTES });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'Z_BUF_ERROR' || /unexpected end/i.test((err as Error).message)) throw new IngestError('truncated gzip file (unexpected end of data)');
    if (code === 'ERR_BUFFER_TOO_LARGE' || /Cannot create a Buffer larger/i.test((err as Error).message)) {
      throw new IngestError(`gzip file expands beyond ${MAX_COLLECTION_BYTES / 1048576} MB`);
    }
    throw new IngestError(`corrupt gzip file (${(err as Error).message})`);
  }
}

/**
 * Read one file's bytes as articles.
 *
 * @param name the name whose extension selects the format (for stdin: none)
 */
function readContainer(name: string | null, input: Uint8Array): { format: SourceFormat; encoding?: string; encodingMethod?: string; outcomes: Outcome[] } {
  let bytes = input;
  const named = name ? containerOfName(name) : null;
  if (isGzip(bytes)) bytes = gunzip(bytes);
  else if (name?.toLowerCase().endsWith('.gz')) throw new IngestError('named .gz but not gzip data');
  const limit = named === 'jsonl' || named === 'json' || named === 'feed' ? MAX_COLLECTION_BYTES : named ? MAX_ARTICLE_BYTES : MAX_COLLECTION_BYTES;
  if (bytes.length > limit) throw new IngestError(`too large (${(bytes.length / 1048576).toFixed(1)} MB; limit ${limit / 1048576} MB)`);
  const decoded = decodeBytes(bytes, declarationKindOf(named), named === 'json' || named === 'jsonl');
  const container = named ?? sniffContainer(decoded.text);
  if (!named && container !== 'json' && container !== 'jsonl' && container !== 'feed' && bytes.length > MAX_ARTICLE_BYTES) {
    throw new IngestError(`too large (${(bytes.length / 1048576).toFixed(1)} MB; limit ${MAX_ARTICLE_BYTES / 1048576} MB)`);
  }
  const enc = { encoding: decoded.encoding, encodingMethod: decoded.encodingMethod };
  const text = decoded.text;
  switch (container) {
    case 'text':
      return { format: 'text', ...enc, outcomes: parseText(text) };
    case 'markdown':
      return { format: 'markdown', ...enc, outcomes: parseMarkdown(text) };
    case 'html':
      return { format: 'html', ...enc, outcomes: parseHtmlPage(text) };
    case 'json':
      return { format: 'json', ...enc, outcomes: parseJson(text) };
    case 'jsonl':
      return { format: 'jsonl', ...enc, outcomes: parseJsonl(text) };
    case 'feed': {
      const kind = feedKind(text);
      if (!kind) throw new IngestError(`named ${extensionOf(name ?? '')} but neither an RSS nor an Atom feed`);
      return { format: kind, ...enc, outcomes: parseFeed(text, kind) };
    }
  }
}

/** A file found under the sources, or the reason a source could not be listed. */
type Entry = { path: string; data?: Uint8Array } | { path: string; error: string };

function reasonOf(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return e.message ?? String(err);
  }
}

/**
 * parallax works offline on saved files: a web address is refused with the way to save the page, rather than
 * fetched (a fetch would make a run depend on the network, the page's current version and its paywall).
 */
const WEB_ADDRESS = 'a web address, not a file: parallax reads saved pages only; save it first (for example curl -o page.html <address>) and give the file';

function isWebAddress(path: string): boolean {
  return /^(?:https?|ftp):\/\//i.test(path) || /^www\.[^/\s]+\.[a-z]{2,}(?:\/|$)/i.test(path);
}

async function listSource(path: string, out: Entry[], seenDirs: Set<string>): Promise<void> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (err) {
    const link = await lstat(path).catch(() => null);
    if (!link && isWebAddress(path)) out.push({ path, error: WEB_ADDRESS });
    else if (link?.isSymbolicLink() && (err as NodeJS.ErrnoException).code === 'ENOENT') out.push({ path, error: 'cannot read: dangling symbolic link (its target does not exist)' });
    else out.push({ path, error: reasonOf(err) });
    return;
  }
  if (info.isDirectory()) {
    const real = await realpath(path);
    if (seenDirs.has(real)) return; // a symlink cycle: the folder is already being read
    seenDirs.add(real);
    let names: string[];
    try {
      names = await readdir(path);
    } catch (err) {
      out.push({ path, error: `cannot list folder: ${reasonOf(err)}` });
      return;
    }
    // Code-unit order, not locale order: the same folder reads the same way on every machine.
    const visible = names.filter((n) => !n.startsWith('.')).sort();
    const before = out.length;
    for (const name of visible) await listSource(join(path, name), out, seenDirs);
    if (out.length === before) out.push({ path, error: 'folder holds no files to read' });
    return;
  }
  if (!info.isFile()) {
    out.push({ path, error: 'not a regular file' });
    return;
  }
  out.push({ path });
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_COLLECTION_BYTES) throw new IngestError(`too large (over ${MAX_COLLECTION_BYTES / 1048576} MB)`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

async function readEntry(path: string): Promise<Uint8Array> {
  const info = await stat(path);
  const limit = containerOfName(path) === 'jsonl' || containerOfName(path) === 'json' || containerOfName(path) === 'feed' || path.toLowerCase().endsWith('.gz') ? MAX_COLLECTION_BYTES : MAX_ARTICLE_BYTES;
  // Checked before reading, so a huge file costs nothing.
  if (info.size > limit) throw new IngestError(`too large (${(info.size / 1048576).toFixed(1)} MB; limit ${limit / 1048576} MB)`);
  return readFile(path);
}

/**
 * The inputs a list of sources names, in the order `ingest` reads them: files of folders (recursively, hidden
 * ones skipped), `-` for standard input; an input that cannot be listed carries its error. With
 * `readInputBytes` and `ingest([{ path, data }])`, a caller reads one input at a time (the store hashes each
 * input's bytes before analysing it).
 */
export async function listInputs(sources: string[]): Promise<{ path: string; error?: string }[]> {
  const entries: Entry[] = [];
  const seenDirs = new Set<string>();
  for (const source of sources) {
    if (source === '-') entries.push({ path: '-' });
    else await listSource(source, entries, seenDirs);
  }
  return entries.map((e) => ('error' in e ? { path: e.path, error: e.error } : { path: e.path }));
}

/** The bytes of one input (`-`: standard input), with ingest's size limits; an `IngestError` says why not. */
export async function readInputBytes(path: string): Promise<Uint8Array> {
  try {
    return path === '-' ? await readStdin() : await readEntry(path);
  } catch (err) {
    throw err instanceof IngestError ? err : new IngestError(reasonOf(err));
  }
}

/**
 * Read sources into articles. Folders are read recursively in a fixed order (hidden files and folders skipped),
 * `-` is standard input, and `{path, data}` reads given bytes or text under that name. Formats come from the
 * file extension (`.txt .md .html .htm .json .jsonl .xml .rss .atom`, each optionally `.gz`) or, failing that,
 * from the content.
 *
 * @returns the articles, one error per input (or record) that could not be read, and `inputs`: the number of
 *   files and records attempted
 *
 * @example
 * ```ts
 * const { articles, errors, inputs } = await ingest(['articles/', { path: 'note.txt', data: 'Text.' }], {});
 * for (const e of errors) console.error(`${e.path}: ${e.reason}`);
 * ```
 */
export async function ingest(
  sources: SourceInput[],
  options: AnalyzeOptions,
): Promise<{ articles: RawArticle[]; errors: InputError[]; inputs: number }> {
  void options; // progress is reported per analysed article by the pipeline
  const entries: Entry[] = [];
  const seenDirs = new Set<string>();
  for (const source of sources) {
    if (typeof source === 'string') {
      if (source === '-') entries.push({ path: '-' });
      else await listSource(source, entries, seenDirs);
    } else {
      entries.push({ path: source.path, data: typeof source.data === 'string' ? Buffer.from(source.data, 'utf8') : source.data });
    }
  }
  const articles: RawArticle[] = [];
  const errors: InputError[] = [];
  let inputs = 0;
  for (const entry of entries) {
    if ('error' in entry) {
      inputs++;
      errors.push({ path: entry.path, reason: entry.error });
      continue;
    }
    try {
      const bytes = entry.data ?? (entry.path === '-' ? await readStdin() : await readEntry(entry.path));
      const name = entry.path === '-' ? null : entry.path;
      const { format, encoding, encodingMethod, outcomes } = readContainer(name, bytes);
      inputs += outcomes.length;
      for (const o of outcomes) {
        if (!o.ok) {
          errors.push(o.record === undefined ? { path: entry.path, reason: o.reason } : { path: entry.path, record: o.record, reason: o.reason });
          continue;
        }
        articles.push({
          source: {
            path: entry.path,
            ...(o.record !== undefined ? { record: o.record } : {}),
            format: o.format ?? format,
            ...(encoding ? { encoding, encodingMethod } : {}),
          },
          raw: o.raw,
          meta: o.meta,
          ...(o.notes.length > 0 ? { notes: o.notes } : {}),
        });
      }
    } catch (err) {
      inputs++;
      errors.push({ path: entry.path, reason: err instanceof IngestError ? err.message : reasonOf(err) });
    }
  }
  return { articles, errors, inputs };
}
