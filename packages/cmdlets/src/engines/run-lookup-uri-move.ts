import { moveLookupUri } from '@pcmig/endpoint';
import type { CmdletContext } from '../definition/cmdlet-context.js';
import { lookupUriMoveObject } from './endpoint-objects.js';
import { withCmdletDeployment } from './open-cmdlet-deployment.js';
import { reportEngineResult } from './report-engine-result.js';
import type { LookupUriMoveValues } from '../cmdlets/move-cs-persistent-chat-lookup-uri.js';

/**
 * Move-CsPersistentChatLookupUri. Under -WhatIf both steps are What if lines and nothing is
 * written; otherwise the engine's progress is the progress bar and the move is one object.
 */
export async function runLookupUriMove(values: LookupUriMoveValues, context: CmdletContext): Promise<void> {
  await withCmdletDeployment(values.Deployment, context, async (deployment, warn) => {
    const result = await moveLookupUri({
      deployment,
      ...(values.LegacyPoolFqdn !== undefined ? { legacyPoolFqdn: values.LegacyPoolFqdn } : {}),
      ...(values.PersistentChatPoolFqdn !== undefined ? { persistentChatPoolFqdn: values.PersistentChatPoolFqdn } : {}),
      whatIf: context.whatIf,
      onProgress: (event) => context.writeProgress(event),
    });
    if (result.lookupSipAddressSource === 'convention') {
      context.writeVerbose(`deployment.json names no lookupSipAddress for ${result.legacyPoolFqdn}: the Lookup Server URI is ${result.sipAddress} by the ocschat@ convention.`);
    }
    await reportEngineResult(result, context, warn);
    if (!result.whatIf) context.writeObject(lookupUriMoveObject(result));
  });
}
