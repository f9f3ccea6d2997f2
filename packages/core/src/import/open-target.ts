import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeLocation, parseDbInstance } from '../db/instance.js';
import type { MssqlCredentials } from '../db/mssql/mssql-credentials.js';
import { openPool, type PoolDatabase } from '../db/open-pool.js';

export interface OpenedTarget {
  readonly pool: PoolDatabase;
  /** The target as the administrator named it (not a temporary copy). */
  readonly description: string;
  close(): Promise<void>;
}

/**
 * Opens the import target: for writing, or read-only for -WhatIf. One case needs care: an
 * embedded target whose last writer was killed holds a hot rollback journal, which SQLite must
 * roll back before anyone reads — a write. -WhatIf must not write, so it plans against a private
 * copy of the file and its journal instead, rolled back there; the target stays byte-identical.
 */
export async function openTarget(options: { dbInstance: string; dbName?: string; credentials?: MssqlCredentials; whatIf: boolean }): Promise<OpenedTarget> {
  const location = parseDbInstance(options.dbInstance, options.dbName);
  const description = describeLocation(location);
  const common = { ...(options.dbName !== undefined ? { dbName: options.dbName } : {}), role: 'target' as const, ...(options.credentials ? { credentials: options.credentials } : {}) };
  const journal = location.engine === 'sqlite' ? `${location.path}-journal` : '';
  if (options.whatIf && location.engine === 'sqlite' && fs.existsSync(location.path) && fs.existsSync(journal) && fs.statSync(journal).size > 0) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-whatif-'));
    const copy = path.join(dir, path.basename(location.path));
    try {
      fs.copyFileSync(location.path, copy);
      fs.copyFileSync(journal, `${copy}-journal`);
      const pool = await openPool({ dbInstance: copy, access: 'write', ...common });
      return {
        pool,
        description,
        close: async () => {
          await pool.close();
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch (error) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }
  const pool = await openPool({ dbInstance: options.dbInstance, access: options.whatIf ? 'read' : 'write', ...common });
  return { pool, description, close: () => pool.close() };
}
