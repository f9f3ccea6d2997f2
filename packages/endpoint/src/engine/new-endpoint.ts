import type { Deployment } from '../deployment/deployment.js';
import { assertSipDomain, parseSipAddress } from '../sip/sip-address.js';
import { endpointEntry, findSipHolders, listEndpoints, toEndpoint } from './directory-objects.js';
import { validateDisplayName } from './display-name.js';
import { withEndpointOperationsLock } from './lookup-move-journal.js';
import { requirePersistentChatPool } from './pools.js';
import { inspectInterruptedMove, recoverInterruptedMove } from './recover-lookup-move.js';
import type { EngineResult, PersistentChatEndpoint } from './results.js';
import { describeHolders, sipAddressInUse } from './sip-in-use.js';
import { withDeployment, type DeploymentRef } from './with-deployment.js';

export interface NewPersistentChatEndpointParams {
  readonly deployment?: DeploymentRef;
  /** sip:user@domain in a SIP domain of the deployment. */
  readonly sipAddress: string;
  readonly persistentChatPoolFqdn: string;
  readonly displayName?: string;
  readonly whatIf?: boolean;
}

export interface NewPersistentChatEndpointResult extends EngineResult {
  /** The endpoint created (under -WhatIf: the one that would be). */
  readonly endpoint: PersistentChatEndpoint;
}

/** New-CsPersistentChatEndpoint: a contact object that gives a Persistent Chat pool a SIP URI. */
export function newPersistentChatEndpoint(params: NewPersistentChatEndpointParams): Promise<NewPersistentChatEndpointResult> {
  return withDeployment(params.deployment, async (deployment) => {
    const address = parseSipAddress(params.sipAddress);
    assertSipDomain(address, deployment.sipDomains);
    const displayName = validateDisplayName(params.displayName);
    const pool = await requirePersistentChatPool(deployment, params.persistentChatPoolFqdn);

    const run = async (recovered: EngineResult['recovered']): Promise<NewPersistentChatEndpointResult> => {
      await assertSipAddressFree(deployment, address.uri);
      const entry = endpointEntry(deployment, address.uri, pool, displayName);
      const pools = await deployment.topology.pools();
      const existing = (await listEndpoints(deployment)).filter((endpoint) => endpoint.persistentChatPoolFqdn === pool.fqdn);
      const warnings = existing.length > 0 ? [`Pool ${pool.fqdn} already has ${existing.length} endpoint(s) (${existing.map((e) => e.sipAddress).join(', ')}); one per pool is enough for legacy clients.`] : [];
      const action = {
        code: 'create-endpoint',
        target: entry.dn,
        sipAddress: address.uri,
        displayName,
        persistentChatPoolFqdn: pool.fqdn,
        description: `Create the Persistent Chat endpoint ${entry.dn} with SIP address ${address.uri}${displayName ? ` and display name "${displayName}"` : ''} on pool ${pool.fqdn}.`,
      } as const;
      if (params.whatIf) {
        const interrupted = await inspectInterruptedMove(deployment);
        if (interrupted) warnings.push(`An interrupted lookup URI move (${interrupted.journal}, ${interrupted.state}) will be repaired first.`);
        return { whatIf: true, actions: [action], warnings, recovered, endpoint: toEndpoint(entry, pools) };
      }
      const created = await deployment.directory.add(entry);
      return { whatIf: false, actions: [action], warnings, recovered, endpoint: toEndpoint(created, pools) };
    };
    if (params.whatIf) return run(null);
    return withEndpointOperationsLock(deployment, async () => run(await recoverInterruptedMove(deployment)));
  });
}

/** PCMIG-EP-003 unless no user, contact or other object holds the SIP address. */
async function assertSipAddressFree(deployment: Deployment, sipAddress: string): Promise<void> {
  const holders = await findSipHolders(deployment, sipAddress);
  if (holders.length === 0) return;
  const pools = await deployment.topology.pools();
  const lookupOf = pools.find((pool) => pool.lookupSipAddress?.toLowerCase() === sipAddress.toLowerCase());
  const user = holders.find((holder) => holder.kind === 'user');
  let hint: string | undefined;
  if (user && lookupOf) {
    hint = `${user.dn} is the Lookup Server account of ${lookupOf.product} pool ${lookupOf.fqdn}: the classic cause is that it was not deleted first. Delete it first, or run Move-CsPersistentChatLookupUri, which deletes it and creates the endpoint as one unit.`;
  } else if (!user && holders.some((holder) => holder.persistentChatEndpoint)) {
    hint = `An endpoint already has this SIP address (${describeHolders(holders)}): see Get-CsPersistentChatEndpoint -Identity ${sipAddress}.`;
  }
  throw sipAddressInUse(sipAddress, holders, hint);
}
