import sql from 'mssql';
import type { SqlConnection, SqlParams, SqlValue, StreamOptions } from '../connection.js';
import { dbErrors } from '../errors.js';
import { describeLocation, type DbLocation } from '../instance.js';
import { columnOf, type TableDef } from '../schema/table.js';
import { mssqlDialect } from './mssql-dialect.js';
import { bulkColumnType, bulkValue, parameterFor } from './mssql-types.js';
import { credentialsFromEnvironment, type MssqlCredentials } from './mssql-credentials.js';

export { credentialsFromEnvironment, type MssqlCredentials };

export function mssqlConfig(location: DbLocation & { engine: 'mssql' }, credentials: MssqlCredentials): sql.config {
  const authentication: sql.config['authentication'] = credentials.domain
    ? { type: 'ntlm', options: { domain: credentials.domain, userName: credentials.user ?? '', password: credentials.password ?? '' } }
    : undefined;
  return {
    server: location.server === '.' || location.server.toLowerCase() === '(local)' ? 'localhost' : location.server,
    ...(location.port !== undefined ? { port: location.port } : {}),
    database: location.database,
    ...(authentication ? { authentication } : { user: credentials.user, password: credentials.password }),
    connectionTimeout: credentials.connectTimeoutMs ?? 15_000,
    requestTimeout: credentials.requestTimeoutMs ?? 0,
    pool: { min: 0, max: 1 },
    options: {
      ...(location.instanceName !== undefined ? { instanceName: location.instanceName } : {}),
      encrypt: credentials.encrypt ?? true,
      trustServerCertificate: credentials.trustServerCertificate ?? false,
      enableArithAbort: true,
    },
  };
}

/** Maps SQL Server / driver failures onto pcmig's stable ids. Never includes credentials. */
export function translateMssqlError(error: unknown, location: DbLocation, statement?: string): Error {
  const where = describeLocation(location);
  const code = (error as { code?: string }).code ?? '';
  const number = (error as { number?: number }).number ?? (error as { originalError?: { info?: { number?: number } } }).originalError?.info?.number;
  if (code === 'ELOGIN' && number !== 4060) {
    return dbErrors.create('PCMIG-DB-007', { message: `SQL Server ${where} refused the login.`, target: where, cause: error });
  }
  if (number === 4060 || number === 911) {
    return dbErrors.create('PCMIG-DB-012', { message: `${where}: the database does not exist or cannot be opened.`, target: where, cause: error });
  }
  if (['ESOCKET', 'ETIMEOUT', 'EINSTLOOKUP', 'ECONNCLOSED', 'ENOTOPEN'].includes(code)) {
    return dbErrors.create('PCMIG-DB-003', { message: `SQL Server ${where} cannot be reached.`, target: where, cause: error });
  }
  if (number === 1222 || number === 1205) {
    return dbErrors.create('PCMIG-DB-006', { message: `${where} is locked by another session.`, target: where, cause: error });
  }
  if (number === 229 || number === 262 || number === 3906) {
    return dbErrors.create('PCMIG-DB-014', { message: `${where} cannot be written with this login.`, target: where, cause: error });
  }
  const text = statement?.replace(/\s+/g, ' ').slice(0, 160);
  return dbErrors.create('PCMIG-DB-011', {
    message: `A statement failed on ${where}${text ? `: ${text}` : ''}.`,
    target: where,
    reason: text ? { statement: text } : undefined,
    cause: error,
  });
}

export class MssqlConnection implements SqlConnection {
  readonly engine = 'mssql' as const;
  readonly dialect = mssqlDialect;
  readonly location: DbLocation & { engine: 'mssql' };
  readonly readOnly: boolean;
  private readonly pool: sql.ConnectionPool;
  private readonly transactions: { tx: sql.Transaction; savepoints: number }[] = [];
  private savepointCounter = 0;

  private constructor(location: DbLocation & { engine: 'mssql' }, pool: sql.ConnectionPool, readOnly: boolean) {
    this.location = location;
    this.pool = pool;
    this.readOnly = readOnly;
  }

  static async open(location: DbLocation & { engine: 'mssql' }, options: { readOnly: boolean; credentials?: MssqlCredentials }): Promise<MssqlConnection> {
    const credentials = options.credentials ?? credentialsFromEnvironment();
    const pool = credentials.connectionString
      ? new sql.ConnectionPool(withDatabase(credentials.connectionString, location.database))
      : new sql.ConnectionPool(mssqlConfig(location, credentials));
    pool.on('error', () => undefined); // surfaced through the failing request instead
    try {
      await pool.connect();
    } catch (error) {
      throw translateMssqlError(error, location);
    }
    return new MssqlConnection(location, pool, options.readOnly);
  }

  get inTransaction(): boolean {
    return this.transactions.length > 0;
  }

  private request(params?: SqlParams): sql.Request {
    const current = this.transactions.at(-1);
    const request = current ? new sql.Request(current.tx) : new sql.Request(this.pool);
    for (const [name, value] of Object.entries(params ?? {})) {
      const { type, value: bound } = parameterFor(value);
      request.input(name, type, bound);
    }
    return request;
  }

  async query<T>(statement: string, params?: SqlParams): Promise<T[]> {
    try {
      const result = await this.request(params).query(statement);
      return (result.recordset ?? []) as T[];
    } catch (error) {
      throw translateMssqlError(error, this.location, statement);
    }
  }

  async *stream<T>(statement: string, params?: SqlParams, options?: StreamOptions): AsyncIterable<T[]> {
    const size = options?.batchSize ?? 1000;
    const request = this.request(params);
    request.stream = true;
    const queue: T[] = [];
    let done = false;
    let failure: unknown;
    let wake: (() => void) | undefined;
    const notify = () => {
      wake?.();
      wake = undefined;
    };
    request.on('row', (row: T) => {
      queue.push(row);
      if (queue.length >= size * 2) request.pause(); // back-pressure: at most two batches buffered
      notify();
    });
    request.on('error', (error: unknown) => {
      failure ??= error;
      notify();
    });
    request.on('done', () => {
      done = true;
      notify();
    });
    void request.query(statement);
    try {
      while (true) {
        if (failure) throw translateMssqlError(failure, this.location, statement);
        if (queue.length >= size || (done && queue.length > 0)) {
          yield queue.splice(0, size);
          request.resume();
          continue;
        }
        if (done) break;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    } finally {
      if (!done) request.cancel();
    }
  }

  async execute(statement: string, params?: SqlParams): Promise<number> {
    try {
      const result = await this.request(params).query(statement);
      return result.rowsAffected.reduce((a, b) => a + b, 0);
    } catch (error) {
      throw translateMssqlError(error, this.location, statement);
    }
  }

  async executeScript(statements: readonly string[]): Promise<void> {
    for (const statement of statements) await this.execute(statement);
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    const current = this.transactions.at(-1);
    if (current) {
      // Nested: a savepoint inside the open transaction.
      const name = `pcmig_sp_${++this.savepointCounter}`;
      await this.execute(`SAVE TRANSACTION ${name}`);
      current.savepoints += 1;
      try {
        return await fn();
      } catch (error) {
        await this.execute(`ROLLBACK TRANSACTION ${name}`);
        throw error;
      } finally {
        current.savepoints -= 1;
      }
    }
    const tx = new sql.Transaction(this.pool);
    try {
      await tx.begin(sql.ISOLATION_LEVEL.READ_COMMITTED);
    } catch (error) {
      throw translateMssqlError(error, this.location, 'BEGIN TRANSACTION');
    }
    this.transactions.push({ tx, savepoints: 0 });
    try {
      const result = await fn();
      this.transactions.pop();
      await tx.commit();
      return result;
    } catch (error) {
      this.transactions.pop();
      try {
        await tx.rollback();
      } catch {
        // The server may already have rolled back (e.g. after a severe error).
      }
      throw error;
    }
  }

  async insertMany(table: TableDef, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): Promise<void> {
    if (rows.length === 0) return;
    const bulk = new sql.Table(`[dbo].[${table.name}]`);
    bulk.create = false;
    for (const name of columns) {
      const column = columnOf(table, name);
      bulk.columns.add(name, bulkColumnType(column.type), { nullable: column.nullable });
    }
    for (const row of rows) bulk.rows.add(...(row.map(bulkValue) as (string | number | boolean | Date | Buffer | null)[]));
    try {
      await this.request().bulk(bulk);
    } catch (error) {
      throw translateMssqlError(error, this.location, `bulk insert into ${table.name}`);
    }
  }

  async tableNames(): Promise<string[]> {
    const rows = await this.query<{ name: string }>(
      "SELECT TABLE_NAME AS name FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA = 'dbo' ORDER BY TABLE_NAME",
    );
    return rows.map((r) => r.name);
  }

  async columnNames(table: string): Promise<string[]> {
    const rows = await this.query<{ name: string }>(
      "SELECT COLUMN_NAME AS name FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'dbo' AND TABLE_NAME = @table ORDER BY ORDINAL_POSITION",
      { table },
    );
    return rows.map((r) => r.name);
  }

  async backupTo(destination: string): Promise<void> {
    // A COPY_ONLY full backup does not disturb the customer's backup chain. The path is on the server.
    await this.execute(BACKUP_STATEMENT, { database: this.location.database, path: destination });
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}

export const BACKUP_STATEMENT = 'BACKUP DATABASE @database TO DISK = @path WITH COPY_ONLY, INIT, CHECKSUM';

/** Replaces (or adds) the database of a connection string. */
export function withDatabase(connectionString: string, database: string): string {
  const parts = connectionString.split(';').filter((part) => part.trim() !== '' && !/^\s*(database|initial catalog)\s*=/i.test(part));
  return [...parts, `Database=${database}`].join(';');
}
