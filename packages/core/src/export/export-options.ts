import path from 'node:path';
import { EXPORT_LEVELS, type ExportLevel } from '../model/constants.js';
import { levelContents } from '../model/export-level.js';
import type { ProgressListener } from '../model/progress.js';
import { dateToTicks, type Ticks } from '../model/ticks.js';
import type { MssqlCredentials } from '../db/mssql/mssql-credentials.js';
import { expErrors } from './errors.js';

/** Export-CsPersistentChatData's parameters (docs/package-format.md explains each). */
export interface ExportOptions {
  readonly dbInstance: string;
  readonly dbName?: string;
  readonly credentials?: MssqlCredentials;
  /** Path of the .zip to write (with -AsBytes absent). */
  readonly fileName?: string;
  /** Return the package as bytes instead of writing a file. */
  readonly asBytes?: boolean;
  readonly level?: ExportLevel;
  /** Category names (or Parent\Child paths): only those categories, their sub-categories and rooms. */
  readonly scope?: readonly string[];
  /** Messages older than this instant are not exported. */
  readonly startDate?: Date;
  /** After a complete, verified package: disable every exported category and room in the source. */
  readonly disableExportedNodes?: boolean;
  /** Path of an HTML report to write (replaced if it exists). */
  readonly report?: string;
  /** Replace an existing -FileName. */
  readonly force?: boolean;
  readonly onProgress?: ProgressListener;
  /** The clock (tests); default the system clock. */
  readonly now?: () => Date;
}

/** The options after validation: one shape, everything resolved. */
export interface ExportParameters {
  readonly level: ExportLevel;
  readonly scope: readonly string[] | null;
  readonly startDate: Ticks | null;
  readonly startDateAsDate: Date | null;
  /** Absolute path, or null with -AsBytes. */
  readonly fileName: string | null;
  readonly report: string | null;
  readonly force: boolean;
  readonly disableExportedNodes: boolean;
}

/** Checks every parameter before anything is opened (PCMIG-EXP-001…007). */
export function validateExportOptions(options: ExportOptions, now: Date): ExportParameters {
  const levelText = options.level ?? 'All';
  const level = EXPORT_LEVELS.find((l) => typeof levelText === 'string' && l.toLowerCase() === levelText.toLowerCase());
  if (!level) {
    throw expErrors.create('PCMIG-EXP-001', { message: `-Level '${String(levelText)}' is not one of ${EXPORT_LEVELS.join(', ')}.`, target: String(levelText) });
  }

  let startDate: Ticks | null = null;
  let startDateAsDate: Date | null = null;
  if (options.startDate !== undefined && options.startDate !== null) {
    const value: unknown = options.startDate;
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
      throw expErrors.create('PCMIG-EXP-002', { message: `-StartDate '${String(value)}' is not a valid date.`, target: String(value) });
    }
    try {
      startDate = dateToTicks(value);
    } catch (cause) {
      throw expErrors.create('PCMIG-EXP-002', { message: `-StartDate ${String(value)} is outside 0001-01-01..9999-12-31.`, cause });
    }
    if (value.getTime() > now.getTime()) {
      throw expErrors.create('PCMIG-EXP-003', {
        message: `-StartDate ${value.toISOString()} is after now (${now.toISOString()}).`,
        target: value.toISOString(),
        reason: { startDate: value.toISOString(), now: now.toISOString() },
      });
    }
    if (!levelContents(level).messages) {
      throw expErrors.create('PCMIG-EXP-004', { message: `-StartDate was given with -Level ${level}, which exports no messages.`, reason: { level } });
    }
    startDateAsDate = value;
  }

  let scope: string[] | null = null;
  if (options.scope !== undefined && options.scope !== null) {
    const names = [...options.scope];
    if (names.length === 0 || names.some((name) => typeof name !== 'string' || name.trim() === '')) {
      throw expErrors.create('PCMIG-EXP-006', { message: names.length === 0 ? '-Scope holds no category name.' : '-Scope holds a blank name.' });
    }
    // Case-insensitive duplicates name the same categories (as SQL Server compares names).
    scope = names.filter((name, i) => names.findIndex((other) => other.toLowerCase() === name.toLowerCase()) === i);
    if (!levelContents(level).categories) {
      throw expErrors.create('PCMIG-EXP-013', { message: `-Scope was given with -Level ${level}, which exports no categories or rooms.`, reason: { level } });
    }
  }

  const asBytes = options.asBytes === true;
  const hasFile = options.fileName !== undefined && options.fileName !== null && options.fileName !== '';
  if (asBytes === hasFile) {
    throw expErrors.create('PCMIG-EXP-007', { message: asBytes ? '-FileName and -AsBytes were both given.' : 'Neither -FileName nor -AsBytes was given.' });
  }
  const fileName = hasFile ? path.resolve(options.fileName as string) : null;
  const report = options.report ? path.resolve(options.report) : null;
  if (report !== null && fileName !== null && report === fileName) {
    throw expErrors.create('PCMIG-EXP-010', { message: `-Report names the package file itself (${report}).`, target: report });
  }
  return { level, scope, startDate, startDateAsDate, fileName, report, force: options.force === true, disableExportedNodes: options.disableExportedNodes === true };
}
