import type { Deployment } from '../deployment/deployment.js';
import { normalizeApplicationId } from '../deployment/deployment-schema.js';
import { topologyErrors } from '../errors/topology-errors.js';
import { sameSipAddress } from '../sip/sip-address.js';
import type { TrustedApplication, TrustedApplicationPool } from '../topology/topology.js';
import { findSipHolders } from './directory-objects.js';
import { requireServicesStopped } from './pools.js';
import type { EngineAction, EngineResult } from './results.js';
import { checkServiceEvidence } from './service-evidence.js';
import { withDeployment, type DeploymentRef } from './with-deployment.js';

export interface GetTrustedApplicationPoolParams {
  readonly deployment?: DeploymentRef;
  readonly identity?: string;
}

/** Get-CsTrustedApplicationPool. */
export function getTrustedApplicationPool(params: GetTrustedApplicationPoolParams = {}): Promise<TrustedApplicationPool[]> {
  return withDeployment(params.deployment, async (deployment) => {
    const pools = await deployment.topology.trustedApplicationPools();
    return params.identity === undefined ? pools : [await resolveTrustedPool(deployment, params.identity)];
  });
}

export interface GetTrustedApplicationParams {
  readonly deployment?: DeploymentRef;
  readonly identity?: string;
}

/** Get-CsTrustedApplication. */
export function getTrustedApplication(params: GetTrustedApplicationParams = {}): Promise<TrustedApplication[]> {
  return withDeployment(params.deployment, async (deployment) => {
    const applications = await deployment.topology.trustedApplications();
    return params.identity === undefined ? applications : [await resolveTrustedApplication(deployment, params.identity)];
  });
}

export interface RemoveTrustedApplicationParams {
  readonly deployment?: DeploymentRef;
  /** <pool FQDN>/<application id>; the urn:application: prefix is optional. */
  readonly identity: string;
  readonly whatIf?: boolean;
}

export interface RemoveTrustedApplicationResult extends EngineResult {
  readonly application: TrustedApplication;
}

/**
 * Remove-CsTrustedApplication (decommissioning, step 12): refused while the legacy Group Chat
 * pool the application belongs to runs — by the topology, or by its database's evidence.
 */
export function removeTrustedApplication(params: RemoveTrustedApplicationParams): Promise<RemoveTrustedApplicationResult> {
  return withDeployment(params.deployment, async (deployment) => {
    const application = await resolveTrustedApplication(deployment, params.identity);
    const pool = (await deployment.topology.trustedApplicationPools()).find((candidate) => candidate.poolFqdn === application.trustedApplicationPoolFqdn)!;
    const warnings = await assertLegacyPoolStopped(deployment, pool, `removing the trusted application ${application.identity}`);
    const action: EngineAction = {
      code: 'remove-trusted-application',
      target: application.identity,
      description: `Remove the trusted application ${application.identity} from trusted application pool ${pool.poolFqdn}.`,
    };
    if (!params.whatIf) await deployment.topology.removeTrustedApplication(application.identity);
    return { whatIf: params.whatIf === true, actions: [action], warnings, recovered: null, application };
  });
}

export interface RemoveTrustedApplicationPoolParams {
  readonly deployment?: DeploymentRef;
  /** The pool FQDN, or TrustedApplicationPool:<FQDN>. */
  readonly identity: string;
  readonly whatIf?: boolean;
}

export interface RemoveTrustedApplicationPoolResult extends EngineResult {
  readonly pool: TrustedApplicationPool;
}

/**
 * Remove-CsTrustedApplicationPool: removes the pool and, as Lync does, its applications.
 * Refused without a Registrar (as Lync refuses) and while its legacy Group Chat pool runs.
 */
export function removeTrustedApplicationPool(params: RemoveTrustedApplicationPoolParams): Promise<RemoveTrustedApplicationPoolResult> {
  return withDeployment(params.deployment, async (deployment) => {
    const pool = await resolveTrustedPool(deployment, params.identity);
    if (pool.registrar === null) {
      throw topologyErrors.create('PCMIG-TOPO-008', { message: `Trusted application pool ${pool.poolFqdn} has no Registrar.`, target: pool.identity });
    }
    const warnings = await assertLegacyPoolStopped(deployment, pool, `removing the trusted application pool ${pool.poolFqdn}`);
    const actions: EngineAction[] = [
      ...pool.applications.map(
        (identity): EngineAction => ({
          code: 'remove-trusted-application',
          target: identity,
          description: `Remove the trusted application ${identity} with its pool.`,
        }),
      ),
      {
        code: 'remove-trusted-application-pool',
        target: pool.identity,
        applications: pool.applications,
        description: `Remove the trusted application pool ${pool.poolFqdn}${pool.applications.length > 0 ? ` and its ${pool.applications.length} application(s)` : ''}.`,
      },
    ];
    if (!params.whatIf) await deployment.topology.removeTrustedApplicationPool(pool.poolFqdn);
    return { whatIf: params.whatIf === true, actions, warnings, recovered: null, pool };
  });
}

async function resolveTrustedPool(deployment: Deployment, identity: string): Promise<TrustedApplicationPool> {
  const fqdn = identity.trim().replace(/^TrustedApplicationPool:/i, '').toLowerCase();
  const pool = (await deployment.topology.trustedApplicationPools()).find((candidate) => candidate.poolFqdn === fqdn);
  if (!pool) throw topologyErrors.create('PCMIG-TOPO-007', { message: `There is no trusted application pool '${identity}'.`, target: identity });
  return pool;
}

async function resolveTrustedApplication(deployment: Deployment, identity: string): Promise<TrustedApplication> {
  const slash = identity.indexOf('/');
  const wanted = slash > 0 ? `${identity.slice(0, slash).trim().toLowerCase()}/${normalizeApplicationId(identity.slice(slash + 1))}`.toLowerCase() : null;
  const application = wanted === null ? undefined : (await deployment.topology.trustedApplications()).find((candidate) => candidate.identity.toLowerCase() === wanted);
  if (!application) throw topologyErrors.create('PCMIG-TOPO-006', { message: `There is no trusted application '${identity}'.`, target: identity });
  return application;
}

/**
 * The decommissioning guard: the legacy Group Chat pool a trusted application pool runs must be
 * stopped. Returns warnings (evidence that could not be checked; the Lookup account still there).
 */
async function assertLegacyPoolStopped(deployment: Deployment, trustedPool: TrustedApplicationPool, doing: string): Promise<string[]> {
  if (trustedPool.groupChatPoolFqdn === null) return [];
  const legacy = (await deployment.topology.pools()).find((pool) => pool.fqdn === trustedPool.groupChatPoolFqdn)!;
  requireServicesStopped(legacy, doing);
  const warnings = await checkServiceEvidence(legacy);
  if (legacy.lookupSipAddress) {
    const holders = await findSipHolders(deployment, legacy.lookupSipAddress).catch(() => null);
    if (holders?.some((holder) => holder.kind === 'user' && sameSipAddress(holder.sipAddress, legacy.lookupSipAddress!))) {
      warnings.push(`The Lookup Server account ${legacy.lookupSipAddress} of ${legacy.fqdn} still exists: legacy clients cannot reach Persistent Chat until it is moved (Move-CsPersistentChatLookupUri).`);
    }
  }
  return warnings;
}
