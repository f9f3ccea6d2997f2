import type { JobRunner, ScanResult } from '../fs/job-runner.js';
import { TreeSnapshot } from '../fs/tree-snapshot.js';

/** Folders to hand out before recursive scans start: enough for every thread to have several. */
const FRONTIER_PER_THREAD = 8;
const MAX_SHALLOW_DEPTH = 3;

function subfolders(result: ScanResult): string[] {
  const names = result.names === '' ? [] : result.names.split('\0');
  const out: string[] = [];
  let offset = 0;
  result.folders.forEach((folder, f) => {
    const count = result.counts[f] ?? 0;
    for (let i = offset; i < offset + count; i += 1) {
      if (result.kinds[i] === 1) out.push(folder === '' ? (names[i] as string) : `${folder}/${names[i] as string}`);
    }
    offset += count;
  });
  return out;
}

/**
 * Lists the source and destination trees on the worker threads, both at once and each spread over
 * the threads: the top folders shallowly until there are enough to share, then one recursive scan
 * per group of folders. On a network share this turns one round trip per entry into many in
 * flight; on a local disk the two trees are scanned on two cores, as rsync's two processes do.
 */
export async function prefetchTrees(runner: JobRunner, roots: readonly string[], threads: number, onEntries: (entries: number) => void): Promise<TreeSnapshot> {
  const snapshot = new TreeSnapshot();
  const added = (base: string, result: ScanResult) => {
    snapshot.add(base, result);
    onEntries(snapshot.entries);
  };
  await Promise.all(
    roots.map(async (base) => {
      let frontier = [''];
      for (let depth = 0; depth < MAX_SHALLOW_DEPTH && frontier.length > 0 && frontier.length < threads * FRONTIER_PER_THREAD; depth += 1) {
        const level = await runner.scan(base, frontier, true);
        added(base, level);
        frontier = subfolders(level);
      }
      const size = Math.max(1, Math.ceil(frontier.length / (threads * 4)));
      const groups: string[][] = [];
      for (let i = 0; i < frontier.length; i += size) groups.push(frontier.slice(i, i + size));
      await Promise.all(groups.map(async (group) => added(base, await runner.scan(base, group, false))));
    }),
  );
  return snapshot;
}
