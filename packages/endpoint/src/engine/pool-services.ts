import type { ServiceState, TopologyEvent, TopologyPool } from '../topology/topology.js';
import { requirePool } from './pools.js';
import type { EngineAction, EngineResult } from './results.js';
import { withDeployment, type DeploymentRef } from './with-deployment.js';

export interface GetPersistentChatPoolParams {
  readonly deployment?: DeploymentRef;
  /** A pool FQDN; omitted: every pool. */
  readonly identity?: string;
}

/** The pools of the deployment: kind, database, file store, services, lookup URI (proposed Get-CsPersistentChatPool). */
export function getPersistentChatPool(params: GetPersistentChatPoolParams = {}): Promise<TopologyPool[]> {
  return withDeployment(params.deployment, async (deployment) =>
    params.identity === undefined ? deployment.topology.pools() : [await requirePool(deployment, params.identity)],
  );
}

export interface SetPoolServiceStateParams {
  readonly deployment?: DeploymentRef;
  readonly poolFqdn: string;
  readonly whatIf?: boolean;
}

export interface PoolServiceStateResult extends EngineResult {
  readonly pool: TopologyPool;
  readonly previous: ServiceState;
  readonly current: ServiceState;
  /** False when the services already were in that state. */
  readonly changed: boolean;
}

/** Records that a pool's services were stopped (migration steps 1 and 3; proposed Stop-CsPersistentChatPoolService). */
export function stopPoolServices(params: SetPoolServiceStateParams): Promise<PoolServiceStateResult> {
  return setServiceState(params, 'stopped');
}

/** Records that a pool's services were started (migration step 9; proposed Start-CsPersistentChatPoolService). */
export function startPoolServices(params: SetPoolServiceStateParams): Promise<PoolServiceStateResult> {
  return setServiceState(params, 'running');
}

/** The topology's log of what pcmig changed (service states, removed trusted applications and pools). */
export function getTopologyHistory(params: { readonly deployment?: DeploymentRef } = {}): Promise<TopologyEvent[]> {
  return withDeployment(params.deployment, (deployment) => deployment.topology.history());
}

function setServiceState(params: SetPoolServiceStateParams, to: ServiceState): Promise<PoolServiceStateResult> {
  return withDeployment(params.deployment, async (deployment) => {
    const before = await requirePool(deployment, params.poolFqdn);
    const verb = to === 'stopped' ? 'Stop' : 'Start';
    const actions: EngineAction[] =
      before.services === to
        ? []
        : [{ code: 'set-service-state', target: before.fqdn, from: before.services, to, description: `${verb} the services of ${before.product} pool ${before.fqdn}.` }];
    const warnings = before.services === to ? [`The services of ${before.fqdn} are already ${to}.`] : [];
    if (params.whatIf || before.services === to) {
      return { whatIf: params.whatIf === true, actions, warnings, recovered: null, pool: before, previous: before.services, current: before.services, changed: false };
    }
    const { previous, current } = await deployment.topology.setServiceState(before.fqdn, to);
    const pool = await requirePool(deployment, before.fqdn);
    return { whatIf: false, actions, warnings, recovered: null, pool, previous, current, changed: previous !== current };
  });
}
