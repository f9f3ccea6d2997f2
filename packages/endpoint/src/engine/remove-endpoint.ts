import { resolveEndpoint } from './endpoint-identity.js';
import { withEndpointOperationsLock } from './lookup-move-journal.js';
import { recoverInterruptedMove } from './recover-lookup-move.js';
import type { EngineAction, EngineResult, PersistentChatEndpoint } from './results.js';
import { withDeployment, type DeploymentRef } from './with-deployment.js';

export interface RemovePersistentChatEndpointParams {
  readonly deployment?: DeploymentRef;
  /** SIP address, display name or distinguished name of one endpoint. */
  readonly identity: string;
  readonly whatIf?: boolean;
}

export interface RemovePersistentChatEndpointResult extends EngineResult {
  readonly endpoint: PersistentChatEndpoint;
}

/** Remove-CsPersistentChatEndpoint. */
export function removePersistentChatEndpoint(params: RemovePersistentChatEndpointParams): Promise<RemovePersistentChatEndpointResult> {
  return withDeployment(params.deployment, async (deployment) => {
    const run = async (recovered: EngineResult['recovered']): Promise<RemovePersistentChatEndpointResult> => {
      const endpoint = await resolveEndpoint(deployment, params.identity);
      const pools = await deployment.topology.pools();
      const lookupOf = pools.find((pool) => pool.lookupSipAddress?.toLowerCase() === endpoint.sipAddress.toLowerCase());
      const warnings = lookupOf
        ? [`${endpoint.sipAddress} is the Lookup Server URI of ${lookupOf.product} pool ${lookupOf.fqdn}: legacy Group Chat clients will no longer reach Persistent Chat through it.`]
        : [];
      const action: EngineAction = {
        code: 'remove-endpoint',
        target: endpoint.identity,
        sipAddress: endpoint.sipAddress,
        description: `Remove the Persistent Chat endpoint ${endpoint.identity} (${endpoint.sipAddress}).`,
      };
      if (!params.whatIf) await deployment.directory.delete(endpoint.identity);
      return { whatIf: params.whatIf === true, actions: [action], warnings, recovered, endpoint };
    };
    if (params.whatIf) return run(null);
    return withEndpointOperationsLock(deployment, async () => run(await recoverInterruptedMove(deployment)));
  });
}
