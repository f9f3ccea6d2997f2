import type { ErrorRecordData } from '@pcmig/core';
import type { CopyFinding } from '../plan/copy-finding.js';
import type { CopyAction } from '../plan/copy-item.js';
import type { ActionTally, ActionTotals } from '../plan/copy-plan.js';

/**
 * The outcome of a run, mapped to an exit code that scripts can test like robocopy's
 * (`if ($LASTEXITCODE -ge 8)` means failure):
 * - Success (0): every source file and folder is in the destination, nothing to report;
 * - CompletedWithWarnings (1): everything is in the destination, but there are warnings
 *   (links not followed, long paths, files that vanished from the source during the run);
 * - Failed (8): something in the source is NOT in the destination: an item failed after its
 *   retries, or an error finding (a name NTFS cannot hold, a case collision, a type conflict, an
 *   unreadable folder) kept it out. Do not decommission the old store on this status.
 * For WhatIf the status is the one the run would end with, as far as planning can tell.
 */
export type CopyStatus = 'Success' | 'CompletedWithWarnings' | 'Failed';

export const EXIT_CODES: Readonly<Record<CopyStatus, number>> = { Success: 0, CompletedWithWarnings: 1, Failed: 8 };

export interface CopyFailure {
  readonly code: 'copy-failed' | 'verify-mismatch' | 'remove-failed' | 'folder-failed' | 'times-failed' | 'manifest-failed';
  readonly path: string;
  readonly action: CopyAction | 'manifest' | 'folder-times';
  readonly attempts: number;
  readonly error: ErrorRecordData;
}

export interface CopyResult {
  readonly source: string;
  readonly destination: string;
  readonly whatIf: boolean;
  readonly status: CopyStatus;
  readonly exitCode: number;
  /** Per action, what was done (WhatIf: what would be done); counts and bytes. */
  readonly actions: ActionTotals;
  /** Items that failed (their counts are not in `actions`). */
  readonly failed: ActionTally;
  readonly failures: readonly CopyFailure[];
  readonly findings: readonly CopyFinding[];
  /** Files whose copy was compared with the source by SHA-256, and their bytes. */
  readonly verified: ActionTally;
  /** The manifest written, when one was. */
  readonly manifest?: string;
  readonly log?: string;
  readonly startedAt: string;
  readonly elapsedMs: number;
}

export function statusOf(failures: readonly CopyFailure[], findings: readonly CopyFinding[]): CopyStatus {
  if (failures.length > 0 || findings.some((f) => f.severity === 'error')) return 'Failed';
  return findings.length > 0 ? 'CompletedWithWarnings' : 'Success';
}
