import { defineCmdlet } from '../definition/define-cmdlet.js';
import type { BoundValues, ParameterSpecs } from '../definition/parameter-spec.js';
import { DEPLOYMENT } from './deployment-parameter.js';

const parameters = {
  Identity: { type: 'String', position: 0, notNullOrEmpty: true, description: 'One pool, by its FQDN.' },
  Deployment: DEPLOYMENT,
} as const satisfies ParameterSpecs;

/** The bound parameters its engine receives: derived from the definition, never declared twice. */
export type PoolIdentityValues = BoundValues<typeof parameters>;

export const getCsPersistentChatPool = defineCmdlet({
  name: 'Get-CsPersistentChatPool',
  synopsis: 'Returns the pools of the deployment: legacy Group Chat and Persistent Chat, with their database, file store, services and Lookup Server URI.',
  description:
    'pcmig\'s view of the part of the topology the migration touches: each pool\'s kind (ocs2007r2, lync2010 or pc2013), product, database instance and name (as -DBInstance/-DBName of Export-/Import-CsPersistentChatData take them), file store, the recorded state of its services, and — for legacy pools — the SIP URI of its Lookup service and whether deployment.json names it or the ocschat@ convention applies. Read-only.',
  confirmImpact: 'None',
  parameters,
  examples: [
    {
      code: 'Get-CsPersistentChatPool atl-gc-001.litwareinc.com -Deployment litwareinc',
      remarks: 'Returns the legacy Group Chat pool atl-gc-001.litwareinc.com with its database, file store, recorded service state and Lookup Server URI; without the FQDN, every pool.',
    },
  ],
  outputs: {
    typeName: 'Pcmig.PersistentChat.Pool',
    description:
      'Identity and PoolFqdn (the FQDN), Kind, Product, Legacy, Services (running or stopped), ServicesChangedAt, DBInstance, DBName, Database, FileStore, LookupSipAddress, LookupSipAddressSource (topology or convention) and HomeServerDn.',
    view: 'list',
  },
  notes: 'Not a Microsoft cmdlet (Microsoft lists pools with Get-CsPool and Get-CsService). An unknown -Identity is a terminating error (PCMIG-TOPO-001).',
  async run(values, context) {
    const { runGetPool } = await import('../engines/run-pool-cmdlets.js');
    await runGetPool(values, context);
  },
});
