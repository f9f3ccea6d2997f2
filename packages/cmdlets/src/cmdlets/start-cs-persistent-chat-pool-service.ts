import { defineCmdlet } from '../definition/define-cmdlet.js';
import type { BoundValues, ParameterSpecs } from '../definition/parameter-spec.js';
import { DEPLOYMENT } from './deployment-parameter.js';
import { POOL_FQDN, POOL_PASS_THRU } from './pool-service-parameters.js';

const parameters = {
  PoolFqdn: POOL_FQDN,
  PassThru: POOL_PASS_THRU,
  Deployment: DEPLOYMENT,
} as const satisfies ParameterSpecs;

/** The bound parameters its engine receives: derived from the definition, never declared twice. */
export type PoolServiceValues = BoundValues<typeof parameters>;

export const startCsPersistentChatPoolService = defineCmdlet({
  name: 'Start-CsPersistentChatPoolService',
  synopsis: 'Records in the topology that a pool\'s services were started (migration step 9).',
  description:
    'Step 9 of Microsoft\'s procedure starts the Persistent Chat services once the data is imported and the lookup URI moved. pcmig does not start Windows services on remote servers: the administrator starts them, and records it with this cmdlet. Recording a legacy Group Chat pool as running again (to fall back before the lookup URI is moved) makes pcmig refuse the move and the decommissioning until it is recorded as stopped. Recording a state the pool already has changes nothing (a warning says so). Pools piped from Get-CsPersistentChatPool bind by their PoolFqdn.',
  confirmImpact: 'Medium',
  shouldProcess: { action: 'Record the pool services as started', target: '{PoolFqdn}', whatIf: 'engine' },
  parameters,
  examples: [
    {
      code: 'Start-CsPersistentChatPoolService -PoolFqdn atl-gc-001.litwareinc.com -Deployment litwareinc -PassThru',
      remarks: 'Records that the legacy Group Chat services of atl-gc-001.litwareinc.com run again (falling back), and shows the pool; after step 9, the same command with the Persistent Chat pool records its start.',
    },
  ],
  inputs: 'System.String: -PoolFqdn, by property name (the objects of Get-CsPersistentChatPool).',
  outputs: { typeName: 'Pcmig.PersistentChat.Pool', description: 'With -PassThru: the pool, as Get-CsPersistentChatPool shows it.', view: 'list' },
  notes: 'Not a Microsoft cmdlet. Each change is kept in the topology\'s history (Get-CsPersistentChatTopologyHistory).',
  async run(values, context) {
    const { runSetPoolServices } = await import('../engines/run-pool-cmdlets.js');
    await runSetPoolServices('running', values, context);
  },
});
