import type { CopyFinding } from './copy-finding.js';
import { COPY_ACTIONS, type CopyAction, type CopyItem } from './copy-item.js';

export interface ActionTally {
  count: number;
  bytes: number;
}

export type ActionTotals = Record<CopyAction, ActionTally>;

export function emptyTotals(): ActionTotals {
  return Object.fromEntries(COPY_ACTIONS.map((action) => [action, { count: 0, bytes: 0 }])) as ActionTotals;
}

export function totalsOf(items: readonly CopyItem[]): ActionTotals {
  const totals = emptyTotals();
  for (const item of items) {
    totals[item.action].count += 1;
    totals[item.action].bytes += item.size;
  }
  return totals;
}

/** A folder of the source, whose modification time the run restores after filling it. */
export interface PlannedDirectory {
  readonly path: string;
  readonly mtimeMs: number;
  /** The destination folder's time when planned; null when the run creates it. */
  readonly destinationMtimeMs: number | null;
}

/**
 * Everything the run will do, decided before it starts: WhatIf prints `items` and `findings`,
 * and the real run performs exactly these items.
 */
export interface CopyPlan {
  /** The source root, resolved through links. */
  readonly source: string;
  /** The destination root, resolved through links (it may not exist yet). */
  readonly destination: string;
  readonly createsDestination: boolean;
  readonly checksum: boolean;
  readonly verify: boolean;
  readonly mirror: boolean;
  /** In walk order: folders before their content, deletions of a folder's content before the folder. */
  readonly items: readonly CopyItem[];
  readonly findings: readonly CopyFinding[];
  readonly totals: ActionTotals;
  /** Source folders (the root is '') in walk order. */
  readonly directories: readonly PlannedDirectory[];
  /** SHA-256 of files whose content is known to be equal on both sides (hashed while planning or recorded in the manifest). */
  readonly hashes: ReadonlyMap<string, string>;
  /** Files whose skip/replace decision was made by comparing SHA-256 of both sides, and their bytes (one side). */
  readonly contentChecks: ActionTally;
  /** Whether the destination already holds a readable manifest. */
  readonly manifestFound: boolean;
}
