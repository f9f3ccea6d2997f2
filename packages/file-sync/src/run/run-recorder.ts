import type { CopyLog } from '../log/copy-log.js';
import type { CopyFinding } from '../plan/copy-finding.js';
import type { CopyItem, CopyItemResult } from '../plan/copy-item.js';
import { emptyTotals, type ActionTally } from '../plan/copy-plan.js';
import type { CopyFailure } from '../result/copy-result.js';

const FAILURE_CODE: Record<CopyItemResult['action'], CopyFailure['code']> = {
  'create-dir': 'folder-failed',
  copy: 'copy-failed',
  replace: 'copy-failed',
  touch: 'times-failed',
  skip: 'copy-failed',
  delete: 'remove-failed',
  extra: 'remove-failed',
  'remove-partial': 'remove-failed',
};

/** Tallies item outcomes for the result and passes each item to the caller and the log. */
export class RunRecorder {
  readonly actions = emptyTotals();
  readonly failed: ActionTally = { count: 0, bytes: 0 };
  readonly verified: ActionTally = { count: 0, bytes: 0 };
  readonly failures: CopyFailure[] = [];
  readonly findings: CopyFinding[] = [];

  constructor(
    private readonly onItem: ((item: CopyItemResult) => void) | undefined,
    private readonly log: CopyLog | undefined,
  ) {}

  /** A skipped or kept item: tallied, and passed on only if someone listens (the log does not list them). */
  recordUnchanged(item: CopyItem, sha256: string | undefined): void {
    if (this.onItem) {
      this.record({ ...item, outcome: 'done', attempts: 0, ...(sha256 ? { sha256 } : {}) });
      return;
    }
    this.actions[item.action].count += 1;
    this.actions[item.action].bytes += item.size;
  }

  /** A performed item: tallied, and turned into a result object only for the listener and the log. */
  recordDone(item: CopyItem, attempts: number, sha256: string | undefined): void {
    if (this.onItem || this.log) {
      this.record({ ...item, outcome: 'done', attempts, ...(sha256 ? { sha256 } : {}) });
      return;
    }
    this.actions[item.action].count += 1;
    this.actions[item.action].bytes += item.size;
    if (sha256 && (item.action === 'copy' || item.action === 'replace')) {
      this.verified.count += 1;
      this.verified.bytes += item.size;
    }
  }

  record(item: CopyItemResult): void {
    if (item.outcome === 'planned' || item.outcome === 'done') {
      this.actions[item.action].count += 1;
      this.actions[item.action].bytes += item.size;
      if (item.outcome === 'done' && item.sha256 && (item.action === 'copy' || item.action === 'replace')) {
        this.verified.count += 1;
        this.verified.bytes += item.size;
      }
    } else if (item.outcome === 'failed') {
      this.failed.count += 1;
      this.failed.bytes += item.size;
      if (item.error) this.failures.push({ code: item.error.id === 'PCMIG-FS-009' ? 'verify-mismatch' : FAILURE_CODE[item.action], path: item.path, action: item.action, attempts: item.attempts, error: item.error });
    } else if (item.outcome === 'vanished') {
      this.findings.push({ code: 'source-vanished', severity: 'warning', path: item.path });
    }
    this.onItem?.(item);
    this.log?.item(item);
  }
}
