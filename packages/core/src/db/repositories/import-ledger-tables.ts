import { bigint, col, guid, int, nullableCol, nvarchar, type TableDef } from '../schema/table.js';

/**
 * The import ledger: three tables pcmig adds to the target Persistent Chat database so that an
 * interrupted import resumes exactly where it stopped and a finished one is never applied twice
 * (docs/conversions.md, "The import ledger"). They are not part of Microsoft's schema; the
 * Persistent Chat services ignore them.
 */

/** One row per import: which source, with which options, when, and whether it finished. */
export const importRunTable: TableDef = {
  name: 'pcmigImportRun',
  columns: [
    col('runKey', nvarchar(64)),
    col('sourceKey', nvarchar(64)),
    col('origin', nvarchar(512)),
    col('optionsJson', nvarchar('max')),
    col('startedOn', bigint),
    nullableCol('completedOn', bigint),
    nullableCol('backupPath', nvarchar(1024)),
  ],
  primaryKey: ['runKey'],
};

/** The ids an import allocated, decided once when it starts: source key → target id. */
export const importMapTable: TableDef = {
  name: 'pcmigImportMap',
  columns: [
    col('runKey', nvarchar(64)),
    col('kind', nvarchar(16)),
    col('sourceKey', nvarchar(64)),
    nullableCol('targetId', int),
    nullableCol('targetGuid', guid),
    col('action', nvarchar(16)),
    col('chatIdOffset', bigint),
  ],
  primaryKey: ['runKey', 'kind', 'sourceKey'],
};

/** What is applied: one row per step; message steps hold the last source chatId committed. */
export const importStepTable: TableDef = {
  name: 'pcmigImportStep',
  columns: [col('runKey', nvarchar(64)), col('step', nvarchar(64)), col('position', bigint), col('done', int)],
  primaryKey: ['runKey', 'step'],
};

export const IMPORT_LEDGER_TABLES: readonly TableDef[] = [importRunTable, importMapTable, importStepTable];
