/**
 * Where a report goes: a file written atomically (a temp file in the same folder, then a rename, so a kill
 * mid-write never leaves a partial report under the real name), or standard output. Every check a user can
 * get wrong — the folder, an existing file, the format, permissions — runs before any analysis starts.
 */
import { type Stats, constants, accessSync, closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UsageError, unknownChoice } from './errors.js';
import type { CliWriter } from './io.js';

export type Format = 'html' | 'json' | 'md';
export const FORMATS: readonly Format[] = ['html', 'json', 'md'];

const BY_NAME: Record<string, Format> = { html: 'html', htm: 'html', json: 'json', md: 'md', markdown: 'md' };

/**
 * The report format: `--format` when given, else the `--out` file's extension, else HTML on standard output.
 * An extension the tool does not write (`.pdf`, none at all) is a usage error, as is a `--format` that
 * contradicts a known extension.
 *
 * @example
 * ```ts
 * formatOf('briefing.md', undefined); // 'md'
 * formatOf(undefined, 'json'); // 'json'
 * ```
 */
export function formatOf(out: string | undefined, given: string | undefined): Format {
  const named = given === undefined ? undefined : BY_NAME[given.toLowerCase()];
  if (given !== undefined && !named) throw unknownChoice('format', given, FORMATS);
  if (out === undefined) return named ?? 'html';
  const ext = basename(out).match(/\.([^.]+)$/)?.[1].toLowerCase();
  const fromExt = ext === undefined ? undefined : BY_NAME[ext];
  if (named && fromExt && named !== fromExt) throw new UsageError(`--format ${given} does not match the extension of ${out}`);
  if (named) return named;
  if (!fromExt) {
    throw new UsageError(`cannot tell the report format from "${basename(out)}": name it .html, .json or .md, or give --format`);
  }
  return fromExt;
}

function reasonOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (code === 'ENOENT') return 'no such file or folder';
  return (err as Error).message;
}

/**
 * Check that `out` can be written, before any work: its folder exists and is writable, and it is not a folder
 * itself nor (without `force`) an existing file. Throws `UsageError` with a one-line reason.
 */
export function checkOutput(out: string, force: boolean): void {
  const dir = dirname(out);
  let info: Stats;
  try {
    info = statSync(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `cannot write ${out}: the folder ${dir} does not exist` : `cannot write ${out}: ${reasonOf(err)}`);
  }
  if (!info.isDirectory()) throw new UsageError(`cannot write ${out}: ${dir} is not a folder`);
  let existing: Stats | null;
  try {
    existing = statSync(out);
  } catch {
    existing = null;
  }
  if (existing?.isDirectory()) throw new UsageError(`cannot write ${out}: it is a folder`);
  if (existing && !force) throw new UsageError(`${out} already exists; give --force to overwrite it`);
  try {
    accessSync(dir, constants.W_OK);
  } catch (err) {
    throw new UsageError(`cannot write ${out}: ${reasonOf(err)} in ${dir}`);
  }
}

/** A write that failed after the checks passed (a full disk): a one-line reason, never a stack trace. */
export class OutputError extends Error {}

/**
 * A report file written atomically: `openOutput` proves, before any work, that a file can be created beside
 * `out` (same folder, so the rename never crosses file systems); `commit` writes the chunks into a temp file
 * there, flushes it to disk and renames it over `out`. A run killed at any point leaves `out` as it was (at
 * worst a hidden temp file beside it), never a partial report under its name. No signal handler is installed:
 * one would keep Ctrl-C from stopping a long analysis.
 */
export interface AtomicFile {
  commit(chunks: Iterable<string>): void;
}

function tempBeside(out: string): string {
  return join(dirname(out), `.${basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Check that `out` can be written, before any work: its folder exists and is writable (a file is created there
 * and removed), and it is not a folder itself nor (without `force`) an existing file. Throws `UsageError` with
 * a one-line reason.
 */
export function openOutput(out: string, force: boolean): AtomicFile {
  checkOutput(out, force);
  const probe = tempBeside(out);
  try {
    closeSync(openSync(probe, 'wx', 0o644));
    unlinkSync(probe);
  } catch (err) {
    throw new UsageError(`cannot write ${out}: ${reasonOf(err)}`);
  }
  return {
    commit(chunks) {
      const temp = tempBeside(out);
      let fd: number | null = null;
      try {
        fd = openSync(temp, 'wx', 0o644);
        for (const chunk of chunks) writeSync(fd, chunk);
        fsyncSync(fd);
        closeSync(fd);
        fd = null;
        renameSync(temp, out);
      } catch (err) {
        if (fd !== null) closeSync(fd);
        try {
          unlinkSync(temp);
        } catch {
          /* never created */
        }
        throw new OutputError(`cannot write ${out}: ${reasonOf(err)}`);
      }
    },
  };
}

/**
 * Write `chunks` to standard output, waiting whenever the pipe is full, so a huge report streams. A reader
 * that goes away (`parallax analyze … | head`) ends the writing quietly; any other failure is an `OutputError`.
 */
export async function writeStdout(out: CliWriter, chunks: Iterable<string>): Promise<void> {
  let failure: NodeJS.ErrnoException | null = null;
  let wake: (() => void) | null = null;
  const onError = (err: NodeJS.ErrnoException) => {
    failure = err;
    wake?.();
  };
  out.on?.('error', onError);
  try {
    for (const chunk of chunks) {
      if (failure) break;
      if (!out.write(chunk) && out.once) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          out.once?.('drain', resolve);
        });
        wake = null;
      }
    }
    const err = failure as NodeJS.ErrnoException | null;
    if (err && err.code !== 'EPIPE') throw new OutputError(`cannot write to standard output: ${reasonOf(err)}`);
  } finally {
    if (!failure) out.removeListener?.('error', onError);
  }
}
