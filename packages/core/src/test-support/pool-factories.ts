import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sql from 'mssql';
import type { SourceFlavour } from '../model/constants.js';
import { createPool, openPool, type PoolDatabase } from '../db/open-pool.js';

/** Creates and opens pool databases on one engine, and cleans up after the tests. */
export interface PoolFactory {
  readonly engine: 'sqlite' | 'mssql';
  create(flavour: SourceFlavour): Promise<PoolDatabase>;
  /** Opens the same database again (another connection). */
  reopen(pool: PoolDatabase, access: 'read' | 'write'): Promise<PoolDatabase>;
  /** A destination for backupTo on this engine. */
  backupPath(name: string): string;
  dispose(): Promise<void>;
}

export function sqliteFactory(): PoolFactory {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-core-'));
  const opened: PoolDatabase[] = [];
  let counter = 0;
  const instanceOf = (pool: PoolDatabase) => (pool.location.engine === 'sqlite' ? pool.location.path : '');
  return {
    engine: 'sqlite',
    async create(flavour) {
      const pool = await createPool({ dbInstance: path.join(dir, `${flavour}-${++counter}.db`), flavour });
      opened.push(pool);
      return pool;
    },
    async reopen(pool, access) {
      const again = await openPool({ dbInstance: instanceOf(pool), access });
      opened.push(again);
      return again;
    },
    backupPath: (name) => path.join(dir, `${name}.db`),
    async dispose() {
      for (const pool of opened) await pool.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Live SQL Server, when PCMIG_TEST_MSSQL holds a connection string (with rights to create databases). */
export function mssqlFactory(connectionString: string): PoolFactory {
  const databases: string[] = [];
  const opened: PoolDatabase[] = [];
  const credentials = { connectionString };
  const run = async (statement: string) => {
    const master = new sql.ConnectionPool(`${connectionString};Database=master`);
    await master.connect();
    try {
      await master.request().batch(statement);
    } finally {
      await master.close();
    }
  };
  return {
    engine: 'mssql',
    async create(flavour) {
      const name = `pcmig_test_${flavour}_${crypto.randomBytes(4).toString('hex')}`;
      await run(`CREATE DATABASE [${name}]`);
      databases.push(name);
      const pool = await createPool({ dbInstance: 'localhost', dbName: name, flavour, credentials });
      opened.push(pool);
      return pool;
    },
    async reopen(pool, access) {
      const name = pool.location.engine === 'mssql' ? pool.location.database : '';
      const again = await openPool({ dbInstance: 'localhost', dbName: name, access, credentials });
      opened.push(again);
      return again;
    },
    backupPath: (name) => `/var/opt/mssql/data/${name}.bak`,
    async dispose() {
      for (const pool of opened) await pool.close().catch(() => undefined);
      for (const name of databases) await run(`ALTER DATABASE [${name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [${name}]`).catch(() => undefined);
    },
  };
}
