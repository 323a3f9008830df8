/**
 * What the queue's tests and benchmark share: Reuters-21578 articles written as JSONL batches (in a temp
 * directory, never the repository), worker processes, and the comparison of a PostgreSQL store filled by
 * workers with a SQLite store filled by `add`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot, sharedPath } from '../paths.js';
import type { Store } from './types.js';

export const REUTERS = ['eval', 'unlabelled', 'reuters21578.jsonl'] as const;

/** The first `n` Reuters articles as JSONL files of `per` records each in `dir`; returns the file paths. */
export function writeReutersBatches(dir: string, n: number, per: number): string[] {
  const file = sharedPath(...REUTERS);
  if (!file) throw new Error(`needs ../shared/${REUTERS.join('/')}`);
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).slice(0, n);
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (let i = 0; i < lines.length; i += per) {
    const p = join(dir, `batch-${String(i / per).padStart(5, '0')}.jsonl`);
    writeFileSync(p, `${lines.slice(i, i + per).join('\n')}\n`);
    paths.push(p);
  }
  return paths;
}

/** A `parallax worker` process on the store at `url`, leaving when the queue is drained. */
export function spawnWorker(url: string, args: string[] = []): { child: ChildProcess; exited: Promise<{ code: number | null; signal: string | null; stderr: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(packageRoot, 'src', 'bin.ts'), 'worker', '--db', url, '--exit-when-idle', '--debounce', '1', ...args], {
    cwd: packageRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
  return { child, exited };
}

/** What must be equal between two stores: the articles, their layers' versions, the stories and every story's sections. */
export async function corpusState(store: Store): Promise<{ articles: string[]; layers: unknown; stories: unknown[]; sections: Record<string, unknown> }> {
  const stories = (await store.stories({ limit: 1_000_000 })).items;
  const sections: Record<string, unknown> = {};
  for (const s of stories) sections[s.id] = await store.sections(s.id);
  return {
    articles: (await store.articleIds()).sort(),
    layers: await store.layerVersions(),
    stories: stories.map(({ id, title, size, from, to, outlets, coverage, story }) => ({ id, title, size, from, to, outlets, coverage, story })),
    sections,
  };
}
