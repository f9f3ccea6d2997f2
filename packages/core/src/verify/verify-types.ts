import type { MssqlCredentials } from '../db/mssql/mssql-credentials.js';
import type { ProgressListener } from '../model/progress.js';
import type { SourceData } from '../model/source-data.js';
import type { MigrationPlan } from '../plan/plan-types.js';

/**
 * Test-CsPersistentChatMigration (pcmig's own cmdlet): -DBInstance / -DBName for the target,
 * and one source: -SourceDBInstance / -SourceDBName (the legacy database; -StartDate as given
 * to the export), -FileName or -ByteInput (the package). -Report writes an HTML report.
 */
export interface VerifyOptions {
  readonly dbInstance: string;
  readonly dbName?: string;
  readonly credentials?: MssqlCredentials;
  readonly source?: SourceData;
  readonly sourceDbInstance?: string;
  readonly sourceDbName?: string;
  readonly sourceCredentials?: MssqlCredentials;
  /** With -SourceDBInstance: the export's -StartDate, so that the messages it left out are not expected. */
  readonly startDate?: Date;
  readonly fileName?: string;
  readonly bytes?: Uint8Array;
  /** Used only when the target's ledger does not record the import (e.g. data imported by another tool). */
  readonly categorySeparator?: string;
  readonly shortenLongNames?: boolean;
  readonly rootRoomsCategory?: string;
  readonly report?: string;
  readonly onProgress?: ProgressListener;
  readonly now?: () => Date;
}

export const CHECK_NAMES = [
  'import-complete',
  'category-exists',
  'category-settings',
  'category-allowed-members',
  'category-denied-members',
  'category-creators',
  'room-exists',
  'room-settings',
  'room-members',
  'room-managers',
  'room-presenters',
  'room-message-count',
  'room-content-hash',
  'room-not-migrated',
  'messages-left-out',
  'addin',
  'principal',
  'source-node-accounted',
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

/** One comparison. A check that passes because a finding of the plan explains a difference names it. */
export interface VerificationCheck {
  readonly name: CheckName;
  readonly passed: boolean;
  readonly path: string;
  readonly expected: unknown;
  readonly actual: unknown;
  /** The finding code that explains an expected absence (R7, R8, …). */
  readonly explainedBy?: string;
}

export interface VerificationResult {
  /** True when every check passed. */
  readonly passed: boolean;
  readonly checks: readonly VerificationCheck[];
  readonly summary: { readonly passed: number; readonly failed: number; readonly explained: number };
  /**
   * ledger: the target's import ledger records this source's import (exact ids and offsets);
   * names: it does not, and items were matched by their converted names.
   */
  readonly basis: 'ledger' | 'names';
  /** The plan the target was compared with (the expected conversion of the source). */
  readonly plan: MigrationPlan;
  readonly reportPath: string | null;
}
