import { isPcmigError } from '@pcmig/core';
import type { TopologyPool } from '../topology/topology.js';
import { listEndpoints } from './directory-objects.js';
import { parseEndpointFilter } from './endpoint-filter.js';
import { matchEndpoints } from './endpoint-identity.js';
import { requirePersistentChatPool } from './pools.js';
import { inspectInterruptedMove, type InterruptedMove } from './recover-lookup-move.js';
import type { PersistentChatEndpoint } from './results.js';
import { withDeployment, type DeploymentRef } from './with-deployment.js';

export interface GetPersistentChatEndpointParams {
  readonly deployment?: DeploymentRef;
  /** SIP address, display name or distinguished name; omitted: every endpoint. */
  readonly identity?: string;
  /** e.g. {SipAddress -like "sip:ocs*"} (see parseEndpointFilter). */
  readonly filter?: string;
  readonly persistentChatPoolFqdn?: string;
}

export interface GetPersistentChatEndpointResult {
  readonly endpoints: readonly PersistentChatEndpoint[];
  /** A lookup URI move that was interrupted and not yet repaired (the next endpoint command repairs it). */
  readonly interruptedMove: InterruptedMove | null;
  readonly warnings: readonly string[];
}

/** Get-CsPersistentChatEndpoint. Reads only: an interrupted move is reported, not repaired. */
export function getPersistentChatEndpoint(params: GetPersistentChatEndpointParams = {}): Promise<GetPersistentChatEndpointResult> {
  return withDeployment(params.deployment, async (deployment) => {
    const predicate = params.filter !== undefined ? parseEndpointFilter(params.filter) : () => true;
    let pool: TopologyPool | null = null;
    if (params.persistentChatPoolFqdn !== undefined) pool = await requirePersistentChatPool(deployment, params.persistentChatPoolFqdn);
    const candidates = params.identity !== undefined ? await matchEndpoints(deployment, params.identity) : await listEndpoints(deployment);
    const endpoints = candidates.filter((endpoint) => predicate(endpoint) && (pool === null || endpoint.persistentChatPoolFqdn === pool.fqdn));
    const warnings = [...deployment.warnings];
    let interruptedMove: InterruptedMove | null = null;
    try {
      interruptedMove = await inspectInterruptedMove(deployment);
    } catch (error) {
      // Reading endpoints does not depend on the journal: report it, do not fail the listing.
      if (!isPcmigError(error) || error.id !== 'PCMIG-EP-013') throw error;
      warnings.push(`${error.id}: ${error.shortMessage}`);
    }
    if (interruptedMove) {
      warnings.push(`A lookup URI move of ${interruptedMove.sipAddress} started ${interruptedMove.startedAt} was interrupted (${interruptedMove.state}); the next endpoint command repairs it.`);
    }
    const orphans = endpoints.filter((endpoint) => endpoint.persistentChatPoolFqdn === null);
    if (orphans.length > 0) warnings.push(`${orphans.length} endpoint(s) point to no pool of the topology: ${orphans.map((e) => e.sipAddress).join(', ')}.`);
    return { endpoints, interruptedMove, warnings };
  });
}
