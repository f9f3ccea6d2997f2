import type { Deployment } from '../deployment/deployment.js';
import { topologyErrors } from '../errors/topology-errors.js';
import type { TopologyPool } from '../topology/topology.js';

export async function requirePool(deployment: Deployment, fqdn: string): Promise<TopologyPool> {
  const pools = await deployment.topology.pools();
  const pool = pools.find((candidate) => candidate.fqdn === fqdn.trim().toLowerCase());
  if (pool) return pool;
  throw topologyErrors.create('PCMIG-TOPO-001', {
    message: `There is no pool ${fqdn} in the topology (pools: ${pools.map((p) => p.fqdn).join(', ')}).`,
    target: fqdn,
    reason: { pools: pools.map((p) => p.fqdn) },
  });
}

export async function requirePersistentChatPool(deployment: Deployment, fqdn: string): Promise<TopologyPool> {
  const pool = await requirePool(deployment, fqdn);
  if (pool.kind === 'pc2013') return pool;
  throw topologyErrors.create('PCMIG-TOPO-002', { message: `${pool.fqdn} is a ${pool.product} pool, not a Persistent Chat pool.`, target: pool.fqdn, reason: { kind: pool.kind } });
}

export async function requireLegacyPool(deployment: Deployment, fqdn: string): Promise<TopologyPool> {
  const pool = await requirePool(deployment, fqdn);
  if (pool.legacy) return pool;
  throw topologyErrors.create('PCMIG-TOPO-003', { message: `${pool.fqdn} is a ${pool.product} pool, not a legacy Group Chat pool.`, target: pool.fqdn, reason: { kind: pool.kind } });
}

/**
 * The pool a command means: the one named, or the only one of its kind. Several candidates and
 * no name is an error (PCMIG-TOPO-009), never a guess.
 */
export async function choosePool(deployment: Deployment, role: 'legacy' | 'persistent-chat', named: string | undefined): Promise<TopologyPool> {
  if (named !== undefined) return role === 'legacy' ? requireLegacyPool(deployment, named) : requirePersistentChatPool(deployment, named);
  const candidates = (await deployment.topology.pools()).filter((pool) => (role === 'legacy' ? pool.legacy : pool.kind === 'pc2013'));
  const what = role === 'legacy' ? 'legacy Group Chat pool' : 'Persistent Chat pool';
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) throw topologyErrors.create('PCMIG-TOPO-001', { message: `The topology has no ${what}.` });
  throw topologyErrors.create('PCMIG-TOPO-009', {
    message: `The topology has ${candidates.length} ${what}s (${candidates.map((p) => p.fqdn).join(', ')}); name one.`,
    reason: { candidates: candidates.map((p) => p.fqdn) },
  });
}

export function requireServicesStopped(pool: TopologyPool, doing: string): void {
  if (pool.services === 'stopped') return;
  throw topologyErrors.create('PCMIG-TOPO-004', {
    message: `The services of ${pool.product} pool ${pool.fqdn} are running; stop them before ${doing}.`,
    target: pool.fqdn,
    hint: `Stop the Group Chat services first (Stop-CsPersistentChatPoolService -PoolFqdn ${pool.fqdn}), as the migration procedure requires.`,
  });
}
