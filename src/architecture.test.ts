/**
 * The import graph of src/: stages talk to each other only through their folder's index.ts, no module imports
 * itself round a cycle, and renderers import no analysis. Read from the source files, so a new import that
 * breaks a rule fails here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = dirname(fileURLToPath(import.meta.url));

/** Folders of src/ that are not stages: the reports, the evaluations, the store, the command line. */
const NOT_STAGES = new Set(['render', 'eval', 'store', 'cli']);

/**
 * Analysis the renderers still import: sections that compute their view at render time instead of reading it
 * from the briefing (`Briefing.view`, src/view). None is left; a new entry is not allowed.
 */
const RENDER_DEBT = new Set<string>([]);

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

/**
 * Every file's relative imports, resolved to files (paths relative to src/); `runtime` leaves out the
 * statements that import only types (erased when compiled: they load nothing).
 */
function importGraph(runtime = false): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(src)) {
    const from = relative(src, file);
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    const targets: string[] = [];
    for (const m of text.matchAll(IMPORT)) {
      if (runtime && m[1]) continue;
      const spec = m[2] ?? m[3];
      if (!spec?.startsWith('.')) continue;
      const target = normalize(join(dirname(file), spec.replace(/\.js$/, '.ts')));
      if (existsSync(target)) targets.push(relative(src, target));
    }
    graph.set(from, targets);
  }
  return graph;
}

const graph = importGraph();
const runtimeGraph = importGraph(true);
const stageOf = (path: string): string | null => {
  const parts = path.split('/');
  return parts.length > 1 && !NOT_STAGES.has(parts[0]) ? parts[0] : null;
};

test('the import graph is read (it finds the pipeline importing the stage list)', () => {
  assert.ok(graph.size > 100);
  assert.ok(graph.get('pipeline.ts')?.includes('stages.ts'));
});

test("a stage imports another stage only through that stage's index.ts", () => {
  const bad: string[] = [];
  for (const [from, targets] of graph) {
    const a = stageOf(from);
    if (!a) continue;
    for (const t of targets) {
      const b = stageOf(t);
      if (b && b !== a && !t.endsWith('/index.ts')) bad.push(`${from} -> ${t}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('no module loads itself round a cycle (imports of types only load nothing)', () => {
  const graph = runtimeGraph;
  // Tarjan's strongly connected components: any component of more than one file is a cycle
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  assert.deepEqual(cycles, []);
});

test('renderers import no analysis beyond the listed debt, and the debt list holds only what is still true', () => {
  const found = new Set<string>();
  for (const [from, targets] of graph) {
    if (!from.startsWith('render/')) continue;
    for (const t of targets) if (stageOf(t)) found.add(`${from} -> ${t}`);
  }
  assert.deepEqual([...found].filter((e) => !RENDER_DEBT.has(e)), [], 'new analysis imported by a renderer');
  assert.deepEqual([...RENDER_DEBT].filter((e) => !found.has(e)), [], 'paid debt: remove it from RENDER_DEBT');
});

test('eval depends on stages, never the reverse', () => {
  const bad: string[] = [];
  for (const [from, targets] of graph) {
    if (!stageOf(from) && !from.startsWith('render/') && !from.startsWith('store/')) continue;
    for (const t of targets) if (t.startsWith('eval/')) bad.push(`${from} -> ${t}`);
  }
  assert.deepEqual(bad, []);
});
