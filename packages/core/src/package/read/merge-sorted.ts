/**
 * Merges two streams of batches, each ascending by `key`, into one ascending stream of batches
 * (principals are split across AdUsers.xml and AdGroups.xml but are read back in id order).
 */
export async function* mergeSorted<T>(a: AsyncIterable<T[]>, b: AsyncIterable<T[]>, key: (item: T) => number, batchSize = 2000): AsyncIterable<T[]> {
  const left = cursor(a);
  const right = cursor(b);
  let out: T[] = [];
  for (;;) {
    const x = await left.peek();
    const y = await right.peek();
    if (x === undefined && y === undefined) break;
    if (y === undefined || (x !== undefined && key(x) <= key(y))) {
      out.push(x as T);
      left.skip();
    } else {
      out.push(y);
      right.skip();
    }
    if (out.length >= batchSize) {
      yield out;
      out = [];
    }
  }
  if (out.length > 0) yield out;
}

interface Cursor<T> {
  peek(): Promise<T | undefined>;
  skip(): void;
}

function cursor<T>(source: AsyncIterable<T[]>): Cursor<T> {
  const iterator = source[Symbol.asyncIterator]();
  let batch: T[] = [];
  let at = 0;
  let done = false;
  return {
    async peek() {
      while (at >= batch.length) {
        if (done) return undefined;
        const next = await iterator.next();
        if (next.done) {
          done = true;
          return undefined;
        }
        batch = next.value;
        at = 0;
      }
      return batch[at];
    },
    skip() {
      at += 1;
    },
  };
}
