import type { Ticks } from '../../model/ticks.js';
import type { SqlConnection, SqlValue } from '../connection.js';
import { toBool, toGuidOrNull, toInt, toIntOrNull, toText, toTextOrNull, toTicks } from '../values.js';
import { IMPORT_LEDGER_TABLES, importMapTable } from './import-ledger-tables.js';

export interface LedgerRun {
  readonly runKey: string;
  /** Identifies the source's content, whatever the options. */
  readonly sourceKey: string;
  readonly origin: string;
  /** The options that shape the result (separator, shortening, root-rooms category). */
  readonly options: Readonly<Record<string, unknown>>;
  /** The import's instant: every time stamp the import writes uses it, on every attempt. */
  readonly startedOn: Ticks;
  readonly completedOn: Ticks | null;
  readonly backupPath: string | null;
}

export type LedgerMapKind = 'principal' | 'node' | 'addin';

export interface LedgerMapEntry {
  readonly kind: LedgerMapKind;
  /** Source prinID / nodeID as decimal text, or the source add-in GUID. */
  readonly sourceKey: string;
  readonly targetId: number | null;
  readonly targetGuid: string | null;
  /** create / overwrite / match / keep … as the plan decided. */
  readonly action: string;
  /** For rooms: what is added to every legacy chatId (the overwritten room's highest chatId). */
  readonly chatIdOffset: number;
}

export interface LedgerStep {
  readonly step: string;
  readonly position: number;
  readonly done: boolean;
}

/**
 * Reads and writes the import ledger (import-ledger-tables.ts). Writes join the caller's
 * transaction, so that a step and the data it records commit together.
 */
export class ImportLedger {
  constructor(private readonly connection: SqlConnection) {}

  async exists(): Promise<boolean> {
    const names = new Set((await this.connection.tableNames()).map((n) => n.toLowerCase()));
    return IMPORT_LEDGER_TABLES.every((t) => names.has(t.name.toLowerCase()));
  }

  async ensureTables(): Promise<void> {
    const names = new Set((await this.connection.tableNames()).map((n) => n.toLowerCase()));
    for (const table of IMPORT_LEDGER_TABLES) {
      if (!names.has(table.name.toLowerCase())) await this.connection.executeScript(this.connection.dialect.createTable(table));
    }
  }

  async runs(): Promise<LedgerRun[]> {
    if (!(await this.exists())) return [];
    const d = this.connection.dialect;
    const rows = await this.connection.query<Record<string, unknown>>(
      `SELECT runKey, sourceKey, origin, optionsJson, ${d.bigintAsText('startedOn')} AS startedOn, ${d.bigintAsText('completedOn')} AS completedOn, backupPath ` +
        'FROM pcmigImportRun ORDER BY startedOn, runKey',
    );
    return rows.map((row) => ({
      runKey: toText(row.runKey),
      sourceKey: toText(row.sourceKey),
      origin: toText(row.origin),
      options: parseOptions(toText(row.optionsJson)),
      startedOn: toTicks(row.startedOn, 'pcmigImportRun.startedOn'),
      completedOn: row.completedOn === null || row.completedOn === undefined ? null : toTicks(row.completedOn, 'pcmigImportRun.completedOn'),
      backupPath: toTextOrNull(row.backupPath),
    }));
  }

  async maps(runKey: string): Promise<LedgerMapEntry[]> {
    if (!(await this.exists())) return [];
    const rows = await this.connection.query<Record<string, unknown>>(
      `SELECT kind, sourceKey, targetId, targetGuid, action, ${this.connection.dialect.bigintAsText('chatIdOffset')} AS chatIdOffset ` +
        'FROM pcmigImportMap WHERE runKey = @runKey ORDER BY kind, sourceKey',
      { runKey },
    );
    return rows.map((row) => ({
      kind: toText(row.kind) as LedgerMapKind,
      sourceKey: toText(row.sourceKey),
      targetId: toIntOrNull(row.targetId, 'pcmigImportMap.targetId'),
      targetGuid: toGuidOrNull(row.targetGuid, 'pcmigImportMap.targetGuid'),
      action: toText(row.action),
      chatIdOffset: toInt(row.chatIdOffset, 'pcmigImportMap.chatIdOffset'),
    }));
  }

  async steps(runKey: string): Promise<LedgerStep[]> {
    if (!(await this.exists())) return [];
    const rows = await this.connection.query<Record<string, unknown>>(
      `SELECT step, ${this.connection.dialect.bigintAsText('position')} AS position, done FROM pcmigImportStep WHERE runKey = @runKey ORDER BY step`,
      { runKey },
    );
    return rows.map((row) => ({ step: toText(row.step), position: toInt(row.position, 'pcmigImportStep.position'), done: toBool(row.done) }));
  }

  /** Records a new import and every id it allocated (call inside the import's first transaction). */
  async startRun(run: Omit<LedgerRun, 'completedOn'>, maps: Iterable<LedgerMapEntry>): Promise<void> {
    await this.connection.execute(
      'INSERT INTO pcmigImportRun (runKey, sourceKey, origin, optionsJson, startedOn, completedOn, backupPath) ' +
        'VALUES (@runKey, @sourceKey, @origin, @optionsJson, @startedOn, NULL, @backupPath)',
      {
        runKey: run.runKey,
        sourceKey: run.sourceKey,
        origin: run.origin.slice(0, 512),
        optionsJson: JSON.stringify(run.options),
        startedOn: run.startedOn,
        backupPath: run.backupPath,
      },
    );
    const columns = importMapTable.columns.map((c) => c.name);
    let rows: SqlValue[][] = [];
    for (const m of maps) {
      rows.push([run.runKey, m.kind, m.sourceKey, m.targetId, m.targetGuid, m.action, m.chatIdOffset]);
      if (rows.length >= 5000) {
        await this.connection.insertMany(importMapTable, columns, rows);
        rows = [];
      }
    }
    if (rows.length > 0) await this.connection.insertMany(importMapTable, columns, rows);
  }

  async saveStep(runKey: string, step: string, position: number, done: boolean): Promise<void> {
    await this.connection.execute(this.connection.dialect.upsert('pcmigImportStep', ['runKey', 'step'], ['runKey', 'step', 'position', 'done']), {
      runKey,
      step,
      position,
      done: done ? 1 : 0,
    });
  }

  async completeRun(runKey: string, on: Ticks): Promise<void> {
    await this.connection.execute('UPDATE pcmigImportRun SET completedOn = @on WHERE runKey = @runKey', { runKey, on });
  }
}

function parseOptions(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
