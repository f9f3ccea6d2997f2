import { defineCmdlet } from '../definition/define-cmdlet.js';
import { DEPLOYMENT } from './deployment-parameter.js';

export const getCsPersistentChatTopologyHistory = defineCmdlet({
  name: 'Get-CsPersistentChatTopologyHistory',
  synopsis: 'Returns what pcmig changed in the deployment\'s topology, oldest first: the audit trail of the migration.',
  description:
    'Reads the event log of the topology store (topology.json in the deployment folder): each recorded start or stop of a pool\'s services, each removed trusted application and trusted application pool, with the time it was recorded. Read-only. The lookup URI moves have their own journals (journal/history in the deployment folder; Move-CsPersistentChatLookupUri names the file).',
  confirmImpact: 'None',
  parameters: {
    Deployment: DEPLOYMENT,
  },
  examples: [{ code: 'Get-CsPersistentChatTopologyHistory -Deployment litwareinc', remarks: 'Returns the topology changes recorded for the deployment in the folder litwareinc.' }],
  outputs: {
    typeName: 'Pcmig.Topology.Event',
    description:
      'When, Event (service-state, trusted-application-removed or trusted-application-pool-removed), Target (the pool or application), From and To (service states), and Applications (the applications removed).',
    view: 'table',
    tableColumns: ['When', 'Event', 'Target', 'From', 'To'],
  },
  notes: 'Not a Microsoft cmdlet.',
  async run(values, context) {
    const { runGetTopologyHistory } = await import('../engines/run-pool-cmdlets.js');
    await runGetTopologyHistory(values, context);
  },
});
