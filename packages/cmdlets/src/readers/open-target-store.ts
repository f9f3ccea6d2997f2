import { openPool, PersistentChatStore } from '@pcmig/core';
import type { CmdletContext } from '../definition/cmdlet-context.js';

export interface TargetDatabase {
  readonly DBInstance: string;
  readonly DBName?: string;
}

/** Opens a Persistent Chat database read-only for one cmdlet run, and always closes it. */
export async function withTargetStore<T>(values: TargetDatabase, context: CmdletContext, work: (store: PersistentChatStore) => Promise<T>): Promise<T> {
  const pool = await openPool({ dbInstance: values.DBInstance, ...(values.DBName !== undefined ? { dbName: values.DBName } : {}), access: 'read', role: 'target' });
  try {
    context.writeVerbose(`Reading ${pool.description} (${pool.flavour}, schema version ${pool.schemaVersion ?? 'unknown'}), read-only.`);
    return await work(new PersistentChatStore(pool));
  } finally {
    await pool.close();
  }
}
