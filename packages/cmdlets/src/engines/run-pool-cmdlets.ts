import { getPersistentChatPool, getTopologyHistory, startPoolServices, stopPoolServices } from '@pcmig/endpoint';
import type { CmdletContext } from '../definition/cmdlet-context.js';
import { withCmdletDeployment } from './open-cmdlet-deployment.js';
import { reportEngineResult } from './report-engine-result.js';
import { poolObject, topologyEventObject } from './topology-objects.js';
import type { PoolIdentityValues } from '../cmdlets/get-cs-persistent-chat-pool.js';
import type { PoolServiceValues } from '../cmdlets/start-cs-persistent-chat-pool-service.js';

/** Get-CsPersistentChatPool. */
export async function runGetPool(values: PoolIdentityValues, context: CmdletContext): Promise<void> {
  await withCmdletDeployment(values.Deployment, context, async (deployment) => {
    const pools = await getPersistentChatPool({ deployment, ...(values.Identity !== undefined ? { identity: values.Identity } : {}) });
    for (const pool of pools) context.writeObject(poolObject(pool));
  });
}

/** Stop-/Start-CsPersistentChatPoolService: records the state; the pool with -PassThru (not under -WhatIf). */
export async function runSetPoolServices(state: 'stopped' | 'running', values: PoolServiceValues, context: CmdletContext): Promise<void> {
  await withCmdletDeployment(values.Deployment, context, async (deployment, warn) => {
    const change = state === 'stopped' ? stopPoolServices : startPoolServices;
    const result = await change({ deployment, poolFqdn: values.PoolFqdn, whatIf: context.whatIf });
    await reportEngineResult(result, context, warn);
    if (values.PassThru && !result.whatIf) context.writeObject(poolObject(result.pool));
  });
}

/** Get-CsPersistentChatTopologyHistory: the topology's audit trail, oldest first. */
export async function runGetTopologyHistory(values: { readonly Deployment?: string }, context: CmdletContext): Promise<void> {
  await withCmdletDeployment(values.Deployment, context, async (deployment) => {
    for (const event of await getTopologyHistory({ deployment })) context.writeObject(topologyEventObject(event));
  });
}
