import { endpointErrors, getPersistentChatEndpoint, newPersistentChatEndpoint, removePersistentChatEndpoint } from '@pcmig/endpoint';
import type { CmdletContext } from '../definition/cmdlet-context.js';
import { endpointObject } from './endpoint-objects.js';
import { withCmdletDeployment } from './open-cmdlet-deployment.js';
import { reportEngineResult } from './report-engine-result.js';
import type { NewEndpointValues } from '../cmdlets/new-cs-persistent-chat-endpoint.js';
import type { GetEndpointValues } from '../cmdlets/get-cs-persistent-chat-endpoint.js';
import type { RemoveEndpointValues } from '../cmdlets/remove-cs-persistent-chat-endpoint.js';

/** New-CsPersistentChatEndpoint: the endpoint is written only with -PassThru, and never under -WhatIf. */
export async function runNewEndpoint(values: NewEndpointValues, context: CmdletContext): Promise<void> {
  await withCmdletDeployment(values.Deployment, context, async (deployment, warn) => {
    const result = await newPersistentChatEndpoint({
      deployment,
      sipAddress: values.SipAddress,
      persistentChatPoolFqdn: values.PersistentChatPoolFqdn,
      ...(values.DisplayName !== undefined ? { displayName: values.DisplayName } : {}),
      whatIf: context.whatIf,
    });
    await reportEngineResult(result, context, warn);
    if (values.PassThru && !result.whatIf) context.writeObject(endpointObject(result.endpoint));
  });
}

/** Get-CsPersistentChatEndpoint: an -Identity that matches nothing is a non-terminating PCMIG-EP-004. */
export async function runGetEndpoint(values: GetEndpointValues, context: CmdletContext): Promise<void> {
  await withCmdletDeployment(values.Deployment, context, async (deployment, warn) => {
    const result = await getPersistentChatEndpoint({
      deployment,
      ...(values.Identity !== undefined ? { identity: values.Identity } : {}),
      ...(values.Filter !== undefined ? { filter: values.Filter } : {}),
      ...(values.PersistentChatPoolFqdn !== undefined ? { persistentChatPoolFqdn: values.PersistentChatPoolFqdn } : {}),
    });
    for (const warning of result.warnings) warn(warning);
    for (const endpoint of result.endpoints) context.writeObject(endpointObject(endpoint));
    if (values.Identity !== undefined && result.endpoints.length === 0) {
      context.writeError(
        endpointErrors.create('PCMIG-EP-004', {
          message: `No Persistent Chat endpoint matches '${values.Identity}'${values.Filter !== undefined || values.PersistentChatPoolFqdn !== undefined ? ' with the -Filter and -PersistentChatPoolFqdn given' : ''}.`,
          target: values.Identity,
        }),
      );
    }
  });
}

/** Remove-CsPersistentChatEndpoint: writes nothing, as Microsoft's. */
export async function runRemoveEndpoint(values: RemoveEndpointValues, context: CmdletContext): Promise<void> {
  await withCmdletDeployment(values.Deployment, context, async (deployment, warn) => {
    const result = await removePersistentChatEndpoint({ deployment, identity: values.Identity, whatIf: context.whatIf });
    await reportEngineResult(result, context, warn);
  });
}
