/**
 * A full garbage collection between the phases of a long `add` (and inside the stories stage), where what the
 * last phase made is garbage and the next phase is about to allocate as much again.
 *
 * Why: V8 sizes the old generation after each full collection as a multiple of what survived it (up to four
 * times), and runs the next full collection only when that much is allocated. A phase that makes hundreds
 * of megabytes of short-lived garbage (the sections of a batch of stories, parsed layers, per-story working
 * sets) lets the heap grow to that limit first, and the process's peak RSS is then mostly garbage: an `add`
 * of 1,000 Reuters articles peaked at 543 MB with about 120 MB live. Collecting at the end of each batch
 * keeps the heap near what is live. One full collection of a heap of this size takes tens of milliseconds;
 * it is called once per section batch and per 500 articles analysed, and a few times per run.
 *
 * Node has no API for a collection: `--expose-gc` is set at run time and the `gc` function taken from a new
 * context (which shares the one heap). Where that is refused, nothing is collected and nothing else changes:
 * the collection frees memory and never changes a result.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

/** Run a full garbage collection (a no-op where the runtime allows none). */
export function reclaim(): void {
  if (gc === undefined) {
    const given = (globalThis as { gc?: () => void }).gc;
    if (given) gc = given;
    else {
      try {
        setFlagsFromString('--expose-gc');
        gc = runInNewContext('gc') as () => void;
      } catch {
        gc = null;
      }
    }
  }
  gc?.();
}
