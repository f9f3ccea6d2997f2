import type { EngineAction, EngineResult, RecoveryReport } from '@pcmig/endpoint';
import type { CmdletContext } from '../definition/cmdlet-context.js';
import type { WarnOnce } from './open-cmdlet-deployment.js';

/** The operation of an engine action, as PowerShell's ShouldProcess caption. */
function operationOf(action: EngineAction): string {
  switch (action.code) {
    case 'remove-user':
      return 'Delete the Lookup Server user account';
    case 'create-endpoint':
      return 'Create a Persistent Chat endpoint';
    case 'remove-endpoint':
      return 'Remove a Persistent Chat endpoint';
    case 'restore-user':
      return 'Restore a user account';
    case 'remove-trusted-application':
      return 'Remove a trusted application';
    case 'remove-trusted-application-pool':
      return 'Remove a trusted application pool';
    case 'set-service-state':
      return action.to === 'stopped' ? 'Record the pool services as stopped' : 'Record the pool services as started';
  }
}

/**
 * Reports what an endpoint or topology engine did. Under -WhatIf each planned action is a What if
 * line with the engine's sentence ("What if: Delete the Lookup Server user account …"); otherwise
 * each action done is a verbose line. A repaired interrupted move and the engine's warnings are
 * warnings.
 */
export async function reportEngineResult(result: EngineResult, context: CmdletContext, warn: WarnOnce): Promise<void> {
  if (result.recovered) reportRecovery(result.recovered, context, warn);
  for (const action of result.actions) {
    if (result.whatIf) await context.shouldProcess(action.target, operationOf(action), action.description);
    else context.writeVerbose(`Done: ${action.description}`);
  }
  for (const warning of result.warnings) warn(warning);
}

function reportRecovery(recovered: RecoveryReport, context: CmdletContext, warn: WarnOnce): void {
  const outcome =
    recovered.outcome === 'user-restored'
      ? `the user account was restored${recovered.identityPreserved === false ? ' (as a new object: its objectGUID changed)' : ''}`
      : recovered.outcome === 'completed'
        ? 'the endpoint had been created; the journal was closed'
        : 'the directory was unchanged; the journal was closed';
  warn(`A lookup URI move of ${recovered.sipAddress} started ${recovered.startedAt} had been interrupted and was repaired first: ${outcome} (journal ${recovered.journal}).`);
  for (const action of recovered.actions) context.writeVerbose(`Repaired: ${action.description}`);
}
