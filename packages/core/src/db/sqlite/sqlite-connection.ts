import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { SqlConnection, SqlParams, SqlValue, StreamOptions } from '../connection.js';
import { dbErrors } from '../errors.js';
import type { DbLocation } from '../instance.js';
import type { TableDef } from '../schema/table.js';
import { sqliteDateText } from '../values.js';
import { sqliteDialect } from './sqlite-dialect.js';

export interface SqliteOpenOptions {
  readonly readOnly: boolean;
  /** Create the file if it does not exist (only when creating a pool). */
  readonly create?: boolean;
  /** How long to wait for another process's lock before PCMIG-DB-006 (ms). */
  readonly busyTimeoutMs?: number;
}

type BindValue = null | number | bigint | string | Buffer;

/** Rows per multi-row INSERT: measured fastest for tblChat's seven columns (fewer calls; longer statements stop paying off). */
const ROWS_PER_INSERT = 50;
/** SQLite's default SQLITE_MAX_VARIABLE_NUMBER (3.32+). */
const MAX_PARAMETERS = 32766;

function bindValue(value: SqlValue | undefined): BindValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return sqliteDateText(value);
  return value;
}

function bindParams(params: SqlParams | undefined): Record<string, BindValue> | undefined {
  if (!params) return undefined;
  const bound: Record<string, BindValue> = {};
  for (const [key, value] of Object.entries(params)) bound[key] = bindValue(value);
  return Object.keys(bound).length === 0 ? undefined : bound;
}

/** Maps SQLite's error codes onto pcmig's stable ids. */
export function translateSqliteError(error: unknown, location: DbLocation, sql?: string): Error {
  const code = (error as { code?: string }).code ?? '';
  const where = location.engine === 'sqlite' ? location.path : '';
  const statement = sql ? sql.replace(/\s+/g, ' ').slice(0, 160) : undefined;
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_LOCKED_')) {
    return dbErrors.create('PCMIG-DB-006', { message: `${where} is locked by another process.`, target: where, cause: error });
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_')) {
    return dbErrors.create('PCMIG-DB-009', { message: `${where} is not a readable SQLite database.`, target: where, cause: error });
  }
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_') || code === 'SQLITE_PERM') {
    return dbErrors.create('PCMIG-DB-014', { message: `${where} cannot be written.`, target: where, cause: error });
  }
  if (code === 'SQLITE_CANTOPEN') {
    return fs.existsSync(where)
      ? dbErrors.create('PCMIG-DB-014', { message: `${where} cannot be opened.`, target: where, cause: error })
      : dbErrors.create('PCMIG-DB-002', { message: `${where} does not exist.`, target: where, cause: error });
  }
  return dbErrors.create('PCMIG-DB-011', {
    message: `A statement failed on ${where}${statement ? `: ${statement}` : ''}.`,
    target: where,
    reason: statement ? { statement } : undefined,
    cause: error,
  });
}

export class SqliteConnection implements SqlConnection {
  readonly engine = 'sqlite' as const;
  readonly dialect = sqliteDialect;
  readonly location: DbLocation;
  readonly readOnly: boolean;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private depth = 0;
  private closed = false;

  private constructor(location: DbLocation & { engine: 'sqlite' }, db: Database.Database, readOnly: boolean) {
    this.location = location;
    this.db = db;
    this.readOnly = readOnly;
  }

  static open(location: DbLocation & { engine: 'sqlite' }, options: SqliteOpenOptions): SqliteConnection {
    if (!options.create && !fs.existsSync(location.path)) {
      throw dbErrors.create('PCMIG-DB-002', { message: `${location.path} does not exist.`, target: location.path });
    }
    let db: Database.Database;
    try {
      db = new Database(location.path, {
        readonly: options.readOnly,
        fileMustExist: !options.create,
        timeout: options.busyTimeoutMs ?? 2000,
      });
      db.defaultSafeIntegers(false);
      if (!options.readOnly) db.pragma('foreign_keys = ON');
    } catch (error) {
      throw translateSqliteError(error, location);
    }
    return new SqliteConnection(location, db, options.readOnly);
  }

  /** Loads a SQLite extension (message-lines-extension.ts): it adds functions to this connection and writes nothing. */
  loadExtension(file: string): void {
    this.db.loadExtension(file);
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  private prepare(sql: string, raw = false): Database.Statement {
    // Raw statements (rows as arrays) are cached apart: raw() changes a statement for good.
    const key = raw ? `raw:${sql}` : sql;
    let statement = this.statements.get(key);
    if (!statement) {
      try {
        statement = this.db.prepare(sql);
        if (raw) statement.raw(true);
      } catch (error) {
        throw translateSqliteError(error, this.location, sql);
      }
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(key, statement);
    }
    return statement;
  }

  private run<T>(sql: string, work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof Error && error.name === 'PcmigError') throw error;
      throw translateSqliteError(error, this.location, sql);
    }
  }

  async query<T>(sql: string, params?: SqlParams): Promise<T[]> {
    const statement = this.prepare(sql);
    const bound = bindParams(params);
    return this.run(sql, () => (bound ? statement.all(bound) : statement.all()) as T[]);
  }

  async *stream<T>(sql: string, params?: SqlParams, options?: StreamOptions): AsyncIterable<T[]> {
    yield* this.streamStatement<T>(this.prepare(sql), sql, params, options);
  }

  /**
   * Like stream(), but each row is an array of its values in select-list order: no object, no
   * property names per row (the hot paths that read every message use it). SQLite only.
   */
  async *streamRows(sql: string, params?: SqlParams, options?: StreamOptions): AsyncIterable<unknown[][]> {
    yield* this.streamStatement<unknown[]>(this.prepare(sql, true), sql, params, options);
  }

  private async *streamStatement<T>(statement: Database.Statement, sql: string, params?: SqlParams, options?: StreamOptions): AsyncIterable<T[]> {
    const bound = bindParams(params);
    const size = options?.batchSize ?? 1000;
    const iterator = this.run(sql, () => (bound ? statement.iterate(bound) : statement.iterate()) as IterableIterator<T>);
    let batch: T[] = [];
    try {
      while (true) {
        const next = this.run(sql, () => iterator.next());
        if (next.done) break;
        batch.push(next.value);
        if (batch.length >= size) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    } finally {
      iterator.return?.();
    }
  }

  async execute(sql: string, params?: SqlParams): Promise<number> {
    const statement = this.prepare(sql);
    const bound = bindParams(params);
    return this.run(sql, () => (bound ? statement.run(bound) : statement.run()).changes);
  }

  async executeScript(statements: readonly string[]): Promise<void> {
    for (const sql of statements) this.run(sql, () => this.db.exec(sql));
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    const savepoint = `pcmig_sp_${this.depth}`;
    const begin = this.depth === 0 ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${savepoint}`;
    this.run(begin, () => this.db.exec(begin));
    this.depth += 1;
    try {
      const result = await fn();
      this.depth -= 1;
      const commit = this.depth === 0 ? 'COMMIT' : `RELEASE ${savepoint}`;
      this.run(commit, () => this.db.exec(commit));
      return result;
    } catch (error) {
      this.depth -= 1;
      const rollback = this.depth === 0 ? 'ROLLBACK' : `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`;
      if (this.db.inTransaction) this.db.exec(rollback);
      throw error;
    }
  }

  async insertMany(table: TableDef, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): Promise<void> {
    if (rows.length === 0) return;
    // Several rows per INSERT, positional parameters in one flat array: one call into SQLite and
    // one statement step per ROWS_PER_INSERT rows instead of per row (about half the time per
    // row for tblChat), and no array per row.
    const width = columns.length;
    const perInsert = Math.max(1, Math.min(ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / width)));
    const insert = (count: number) => {
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      const sql = `INSERT INTO ${sqliteDialect.quote(table.name)} (${columns.map(sqliteDialect.quote).join(', ')}) VALUES ${Array.from({ length: count }, () => tuple).join(', ')}`;
      return { sql, statement: this.prepare(sql) };
    };
    const full = rows.length >= perInsert ? insert(perInsert) : null;
    const values: BindValue[] = new Array<BindValue>(perInsert * width);
    const insertAll = () => {
      let at = 0;
      if (full) {
        for (; at + perInsert <= rows.length; at += perInsert) {
          for (let r = 0; r < perInsert; r += 1) {
            const row = rows[at + r] as readonly SqlValue[];
            for (let c = 0; c < width; c += 1) values[r * width + c] = bindValue(row[c]);
          }
          this.run(full.sql, () => full.statement.run(values));
        }
      }
      if (at < rows.length) {
        const rest = insert(rows.length - at);
        const last: BindValue[] = [];
        for (; at < rows.length; at += 1) for (const value of rows[at] as readonly SqlValue[]) last.push(bindValue(value));
        this.run(rest.sql, () => rest.statement.run(last));
      }
    };
    if (this.db.inTransaction) insertAll();
    else this.run('BEGIN', () => this.db.transaction(insertAll)());
  }

  async tableNames(): Promise<string[]> {
    const rows = await this.query<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    return rows.map((r) => r.name);
  }

  async columnNames(table: string): Promise<string[]> {
    const rows = await this.query<{ name: string }>('SELECT name FROM pragma_table_info(@table) ORDER BY cid', { table });
    return rows.map((r) => r.name);
  }

  async backupTo(destination: string): Promise<void> {
    const temporary = `${destination}.partial`;
    try {
      await this.db.backup(temporary);
      fs.renameSync(temporary, destination);
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      throw translateSqliteError(error, this.location, 'backup');
    }
  }

  /** Direct access for the few SQLite-only operations (e.g. PRAGMA tuning during bulk loads). */
  pragma(text: string): unknown {
    return this.run(text, () => this.db.pragma(text));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.statements.clear();
    this.db.close();
  }
}
