import fs from 'node:fs';
import type { SourceFlavour } from '../model/constants.js';
import type { SqlConnection } from './connection.js';
import { dbErrors } from './errors.js';
import { describeLocation, parseDbInstance, type DbLocation } from './instance.js';
import type { MssqlCredentials } from './mssql/mssql-credentials.js';
import { createPoolSchema, detectPoolSchema } from './schema/pool-schema.js';
import { SqliteConnection } from './sqlite/sqlite-connection.js';

export interface OpenPoolOptions {
  readonly dbInstance: string;
  readonly dbName?: string;
  /** 'read' opens the database read-only: a source is never written (the one exception is -DisableExportedNodes). */
  readonly access: 'read' | 'write';
  /** 'source' accepts any pool database; 'target' accepts only Persistent Chat. */
  readonly role?: 'source' | 'target';
  readonly credentials?: MssqlCredentials;
  readonly busyTimeoutMs?: number;
}

/** An open pool database whose schema has been recognised. */
export interface PoolDatabase {
  readonly connection: SqlConnection;
  readonly flavour: SourceFlavour;
  readonly schemaVersion: string | null;
  readonly location: DbLocation;
  /** Safe for logs and reports. */
  readonly description: string;
  close(): Promise<void>;
}

export async function openConnection(
  location: DbLocation,
  options: { readOnly: boolean; create?: boolean; credentials?: MssqlCredentials; busyTimeoutMs?: number },
): Promise<SqlConnection> {
  if (location.engine === 'sqlite') {
    return SqliteConnection.open(location, {
      readOnly: options.readOnly,
      ...(options.create !== undefined ? { create: options.create } : {}),
      ...(options.busyTimeoutMs !== undefined ? { busyTimeoutMs: options.busyTimeoutMs } : {}),
    });
  }
  // Loaded on first use: the driver costs a few hundred milliseconds at start, and the embedded default never needs it.
  const { MssqlConnection } = await import('./mssql/mssql-connection.js');
  return MssqlConnection.open(location, { readOnly: options.readOnly, ...(options.credentials ? { credentials: options.credentials } : {}) });
}

/** Opens a pool database named by -DBInstance/-DBName and recognises its schema. */
export async function openPool(options: OpenPoolOptions): Promise<PoolDatabase> {
  const location = parseDbInstance(options.dbInstance, options.dbName);
  const connection = await openConnection(location, {
    readOnly: options.access === 'read',
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.busyTimeoutMs !== undefined ? { busyTimeoutMs: options.busyTimeoutMs } : {}),
  });
  try {
    const schema = await detectPoolSchema(connection);
    if (options.role === 'target' && schema.flavour !== 'pc2013') {
      throw dbErrors.create('PCMIG-DB-008', {
        message: `${describeLocation(location)} is a ${schema.flavour} Group Chat database; the import target must be a Persistent Chat (mgc) database.`,
        reason: { flavour: schema.flavour },
      });
    }
    return poolDatabase(connection, schema.flavour, schema.version);
  } catch (error) {
    await connection.close();
    throw error;
  }
}

/**
 * Creates a new pool database with an empty schema: a new SQLite file, or an existing empty
 * SQL Server database. Used by the data generator, the rehearsal and tests.
 */
export async function createPool(options: {
  readonly dbInstance: string;
  readonly dbName?: string;
  readonly flavour: SourceFlavour;
  readonly credentials?: MssqlCredentials;
}): Promise<PoolDatabase> {
  const location = parseDbInstance(options.dbInstance, options.dbName);
  if (location.engine === 'sqlite' && fs.existsSync(location.path) && fs.statSync(location.path).size > 0) {
    throw dbErrors.create('PCMIG-DB-010', { message: `${location.path} already exists.`, target: location.path });
  }
  const connection = await openConnection(location, {
    readOnly: false,
    create: true,
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  try {
    await createPoolSchema(connection, options.flavour);
    const schema = await detectPoolSchema(connection);
    return poolDatabase(connection, schema.flavour, schema.version);
  } catch (error) {
    await connection.close();
    throw error;
  }
}

function poolDatabase(connection: SqlConnection, flavour: SourceFlavour, schemaVersion: string | null): PoolDatabase {
  return {
    connection,
    flavour,
    schemaVersion,
    location: connection.location,
    description: describeLocation(connection.location),
    close: () => connection.close(),
  };
}
