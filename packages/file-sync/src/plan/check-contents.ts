import { errorCode } from '../fs/copy-file-system.js';
import type { HashPool } from '../fs/hash-pool.js';
import type { CopyFinding } from './copy-finding.js';
import { itemize } from './copy-item.js';
import type { ContentCheck, PlannedItem } from './walk-trees.js';

/**
 * Decides the files that wait on content (-Checksum, or -Verify without a recorded hash):
 * equal SHA-256 → skip (or touch when only the time differs), different → replace. Items whose
 * file cannot be hashed are dropped with a finding.
 */
export async function checkContents(
  checks: readonly ContentCheck[],
  roots: { readonly source: string; readonly destination: string },
  pool: HashPool,
  hashes: Map<string, string>,
  onHashed: (bytes: number) => void,
): Promise<{ findings: CopyFinding[]; dropped: Set<PlannedItem> }> {
  const findings: CopyFinding[] = [];
  const dropped = new Set<PlannedItem>();
  const paths = checks.map((check) => check.item.path);
  const [sources, destinations] = await Promise.all([pool.hashMany(roots.source, paths), pool.hashMany(roots.destination, paths)]);
  checks.forEach((check, i) => {
    const source = sources[i] as Awaited<ReturnType<HashPool['hash']>> | Error;
    const destination = destinations[i] as Awaited<ReturnType<HashPool['hash']>> | Error;
    const { item } = check;
    if (source instanceof Error) {
      dropped.add(item);
      if (errorCode(source) === 'ENOENT') findings.push({ code: 'source-vanished', severity: 'warning', path: item.path });
      else findings.push({ code: 'unreadable', severity: 'error', path: item.path, side: 'source', reason: errorCode(source) || source.message });
      return;
    }
    if (destination instanceof Error) {
      dropped.add(item);
      findings.push({ code: 'unreadable', severity: 'error', path: item.path, side: 'destination', reason: errorCode(destination) || destination.message });
      return;
    }
    onHashed(source.size + destination.size);
    if (source.sha256 === destination.sha256) {
      hashes.set(item.path, source.sha256);
      if (check.metadata.length > 0) decide(item, 'touch', [...check.metadata]);
    } else {
      decide(item, 'replace', ['checksum', ...check.metadata]);
    }
  });
  return { findings, dropped };
}

function decide(item: PlannedItem, action: 'touch' | 'replace', changes: NonNullable<PlannedItem['changes']>): void {
  item.action = action;
  item.changes = changes;
  item.itemize = itemize(action, item.kind, changes);
}
