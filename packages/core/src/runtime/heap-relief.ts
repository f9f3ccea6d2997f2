import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Sources are streamed, so what stays live is the directory and the plan (about 100–150 MB on a
 * pool of 50,000 principals and 10,000 rooms), but V8 collects lazily and sizes its heap as a
 * multiple of what is live: left alone, the garbage of the batches (parsed XML, decoded text,
 * rows) lets the heap — and peak RSS — grow to two or three times the live set. A full
 * collection whenever the heap has grown HEAP_RELIEF_HEADROOM past what the last one left keeps
 * it near the live set, for about 50–100 ms each. Node exposes no collector without
 * --expose-gc, and a library cannot choose node's flags, so the flag is set at run time the way
 * test runners do it.
 */
let collect: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    collect = typeof gc === 'function' ? () => (gc as () => void)() : null;
  } catch {
    collect = null;
  }
  return collect;
}

/** Heap growth allowed past what the last full collection left. */
export const HEAP_RELIEF_HEADROOM = 32 * 1024 * 1024;

/** Live heap after the last full collection (or the lowest seen since). */
let floor = Number.POSITIVE_INFINITY;

/** A full collection if the heap has grown HEAP_RELIEF_HEADROOM since the last one; cheap enough to call per batch. */
export function relieveHeap(): void {
  const used = v8.getHeapStatistics().used_heap_size;
  if (used < floor) floor = used;
  if (used - floor < HEAP_RELIEF_HEADROOM) return;
  relieveHeapNow();
}

/** A full collection now: between two phases, when what the first one built is mostly garbage. */
export function relieveHeapNow(): void {
  const gc = collector();
  if (!gc) return;
  gc();
  floor = v8.getHeapStatistics().used_heap_size;
}

/** The batches of `batches`, unchanged, with relieveHeap() after each. */
export async function* withHeapRelief<T>(batches: AsyncIterable<readonly T[]>): AsyncIterable<T[]> {
  for await (const batch of batches) {
    yield batch as T[];
    relieveHeap();
  }
}
