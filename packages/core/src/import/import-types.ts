import type { MssqlCredentials } from '../db/mssql/mssql-credentials.js';
import type { ProgressListener } from '../model/progress.js';
import type { SourceData } from '../model/source-data.js';
import type { MigrationPlan } from '../plan/plan-types.js';

/**
 * Import-CsPersistentChatData. Microsoft's parameters: -DBInstance, -FileName, -ByteInput,
 * -WhatIf, -Confirm, -Report (and -Force); pcmig's: -DBName, -BackupPath / -NoBackup,
 * -CategorySeparator, -ShortenLongNames, -RootRoomsCategory.
 */
export interface ImportOptions {
  /** -DBInstance: the target Persistent Chat database (SQL Server instance, or an embedded .db file). */
  readonly dbInstance: string;
  /** -DBName (SQL Server; default mgc). */
  readonly dbName?: string;
  readonly credentials?: MssqlCredentials;
  /** -FileName: a package written by Export-CsPersistentChatData. */
  readonly fileName?: string;
  /** -ByteInput: the same package as bytes (Export -AsBytes). */
  readonly bytes?: Uint8Array;
  /** A source read directly (a legacy pool database through SourceReader, or any SourceData). */
  readonly source?: SourceData;
  /** -WhatIf: plan, report, change nothing (the target is opened read-only). */
  readonly whatIf?: boolean;
  /** -Force: import although the services look active (R11/R13). */
  readonly force?: boolean;
  /** -Report: path of the HTML report (an existing file is overwritten, as Microsoft's -Report does). */
  readonly report?: string;
  /** -BackupPath (string) / -NoBackup (false). Default: a new file next to the target, or a .bak in SQL Server's backup folder. */
  readonly backup?: string | false;
  /** -CategorySeparator (default " / "). */
  readonly categorySeparator?: string;
  /** -ShortenLongNames. */
  readonly shortenLongNames?: boolean;
  /** -RootRoomsCategory (default "General"). */
  readonly rootRoomsCategory?: string;
  /** Messages per transaction (default 50,000; tuning and tests). */
  readonly messagesPerTransaction?: number;
  /**
   * -Confirm (ConfirmImpact High): called with the plan and a description of what will change,
   * after planning and before anything is written. Returning false changes nothing.
   */
  readonly confirm?: (plan: MigrationPlan, description: string) => boolean | Promise<boolean>;
  readonly onProgress?: ProgressListener;
  readonly now?: () => Date;
}

export type ImportStatus = 'what-if' | 'imported' | 'resumed' | 'already-imported' | 'declined';

/** What one run wrote (a resumed run counts only what it wrote itself). */
export interface WrittenCounts {
  readonly principals: number;
  readonly addins: number;
  readonly categories: number;
  readonly rooms: number;
  readonly messages: number;
}

export interface ImportResult {
  readonly status: ImportStatus;
  readonly plan: MigrationPlan;
  /** What the import changes (the -Confirm text). */
  readonly description: string;
  readonly backupPath: string | null;
  readonly reportPath: string | null;
  readonly written: WrittenCounts;
}
