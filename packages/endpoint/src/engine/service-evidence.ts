import { openPool, readServiceActivity, runningEvidence } from '@pcmig/core';
import { topologyErrors } from '../errors/topology-errors.js';
import type { TopologyPool } from '../topology/topology.js';

/**
 * Cross-checks the topology's "stopped" with the pool database: a Group Chat server that pinged
 * it within the last hour (core's RUNNING_PING_WINDOW_MS) is still running, whatever the
 * topology says (PCMIG-TOPO-005). A database that cannot be opened is not proof of anything:
 * that becomes a warning, returned.
 */
export async function checkServiceEvidence(pool: TopologyPool, now: Date = new Date()): Promise<string[]> {
  let database;
  try {
    database = await openPool({ dbInstance: pool.dbInstance, ...(pool.dbName ? { dbName: pool.dbName } : {}), access: 'read' });
  } catch (error) {
    const id = (error as { id?: string }).id;
    return [`The services of ${pool.fqdn} could not be cross-checked in its database ${pool.databaseDescription}${id ? ` (${id})` : ''}: ${(error as { shortMessage?: string }).shortMessage ?? (error as Error).message}`];
  }
  try {
    const evidence = runningEvidence(await readServiceActivity(database.connection), now);
    if (evidence.servers.length > 0) {
      throw topologyErrors.create('PCMIG-TOPO-005', {
        message: `${pool.databaseDescription} shows ${evidence.servers.length} server(s) of ${pool.fqdn} active within the last hour: ${evidence.servers.map((s) => `${s.address} (last ping ${s.lastPing?.toISOString()})`).join(', ')}.`,
        target: pool.fqdn,
        reason: { servers: evidence.servers.map((s) => ({ address: s.address, lastPing: s.lastPing?.toISOString() ?? null })) },
      });
    }
    return [];
  } finally {
    await database.close();
  }
}
