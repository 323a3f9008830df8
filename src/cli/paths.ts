/**
 * How a report names its inputs. A report is often shared, so it never shows the user's local absolute paths:
 * a path given relative (and inside the working folder) stays as given; any other is shown from the input it
 * was found under — the file name for a file, the folder's name and the path inside it for a folder.
 * `--show-paths` keeps the paths as given.
 */
import { basename, isAbsolute, join, normalize, relative, sep } from 'node:path';
import type { Briefing } from '../model.js';

/** How one input root is shown, or null when its paths can stay as given. */
function shownRoot(root: string): string | null {
  const n = normalize(root);
  if (!isAbsolute(n) && n !== '..' && !n.startsWith(`..${sep}`)) return null;
  return basename(n) || n;
}

/**
 * The name a report shows for `path`, found under one of the `roots` the user gave.
 *
 * @example
 * ```ts
 * displayPath('/home/ana/news/a/x.html', ['/home/ana/news']); // 'news/a/x.html'
 * displayPath('/home/ana/x.txt', ['/home/ana/x.txt']); // 'x.txt'
 * displayPath('news/x.txt', ['news']); // 'news/x.txt'
 * ```
 */
export function displayPath(path: string, roots: readonly string[]): string {
  if (path === '-') return path;
  for (const root of roots) {
    if (root === '-') continue;
    const r = normalize(root).replace(/[\\/]+$/, '') || normalize(root);
    const p = normalize(path);
    if (p !== r && !p.startsWith(r.endsWith(sep) ? r : r + sep)) continue;
    const shown = shownRoot(r);
    if (shown === null) return path;
    return p === r ? shown : join(shown, relative(r, p));
  }
  return isAbsolute(path) ? basename(path) : path;
}

/** The briefing with every input path (articles, errors, and paths quoted in error reasons) as `displayPath` shows it. */
export function displayPaths(briefing: Briefing, roots: readonly string[]): Briefing {
  const shown = (p: string) => displayPath(p, roots);
  const absolute = roots.filter((r) => r !== '-' && shownRoot(r) !== null).sort((a, b) => b.length - a.length);
  const scrub = (reason: string) => absolute.reduce((s, r) => s.split(normalize(r)).join(shownRoot(r) ?? r), reason);
  return {
    ...briefing,
    articles: briefing.articles.map((a) => ({ ...a, source: { ...a.source, path: shown(a.source.path) } })),
    errors: briefing.errors.map((e) => ({ ...e, path: shown(e.path), reason: scrub(e.reason) })),
  };
}
