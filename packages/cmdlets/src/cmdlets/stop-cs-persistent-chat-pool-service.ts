import { defineCmdlet } from '../definition/define-cmdlet.js';
import { DEPLOYMENT } from './deployment-parameter.js';
import { POOL_FQDN, POOL_PASS_THRU } from './pool-service-parameters.js';

export const stopCsPersistentChatPoolService = defineCmdlet({
  name: 'Stop-CsPersistentChatPoolService',
  synopsis: 'Records in the topology that a pool\'s services were stopped (migration steps 1 and 3).',
  description:
    'Microsoft\'s procedure stops all legacy Group Chat services before the export (step 1) and the Persistent Chat services before the import (step 3). pcmig does not stop Windows services on remote servers: the administrator stops them, and records it with this cmdlet. The lookup URI move and the removal of trusted applications are refused until the legacy pool is recorded as stopped; decommissioning also checks the pool database for servers still active. Recording a state the pool already has changes nothing (a warning says so). Pools piped from Get-CsPersistentChatPool bind by their PoolFqdn.',
  confirmImpact: 'Medium',
  shouldProcess: { action: 'Record the pool services as stopped', target: '{PoolFqdn}', whatIf: 'engine' },
  parameters: {
    PoolFqdn: POOL_FQDN,
    PassThru: POOL_PASS_THRU,
    Deployment: DEPLOYMENT,
  },
  examples: [
    {
      code: 'Stop-CsPersistentChatPoolService -PoolFqdn atl-pc-001.litwareinc.com -Deployment litwareinc -PassThru',
      remarks: 'Records that the services of the Persistent Chat pool atl-pc-001.litwareinc.com were stopped before the import (step 3), and shows the pool.',
    },
  ],
  inputs: 'System.String: -PoolFqdn, by property name (the objects of Get-CsPersistentChatPool).',
  outputs: { typeName: 'Pcmig.PersistentChat.Pool', description: 'With -PassThru: the pool, as Get-CsPersistentChatPool shows it.', view: 'list' },
  notes: 'Not a Microsoft cmdlet. Each change is kept in the topology\'s history (Get-CsPersistentChatTopologyHistory).',
  async run(values, context) {
    const { runSetPoolServices } = await import('../engines/run-pool-cmdlets.js');
    await runSetPoolServices('stopped', values, context);
  },
});
