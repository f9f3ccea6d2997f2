import { defineCmdlet } from '../definition/define-cmdlet.js';
import { DEPLOYMENT } from './deployment-parameter.js';

export const getCsTrustedApplicationPool = defineCmdlet({
  name: 'Get-CsTrustedApplicationPool',
  synopsis: 'Returns the trusted application pools of the deployment\'s topology.',
  description:
    'Reads the trusted application pools of the topology (deployment.json, with the removals pcmig recorded): their Registrar, site, computers, applications, and the legacy Group Chat pool each one runs. Read-only.',
  confirmImpact: 'None',
  parameters: {
    Identity: { type: 'String', position: 0, notNullOrEmpty: true, description: 'One pool: its FQDN, or TrustedApplicationPool:<FQDN>.' },
    Deployment: DEPLOYMENT,
  },
  examples: [{ code: 'Get-CsTrustedApplicationPool -Deployment litwareinc', remarks: 'Returns every trusted application pool of the deployment in the folder litwareinc.' }],
  outputs: {
    typeName: 'Pcmig.Topology.TrustedApplicationPool',
    description: 'Identity (TrustedApplicationPool:<FQDN>), PoolFqdn, Registrar, Site, Computers, Applications and GroupChatPoolFqdn (the legacy pool it runs; pcmig\'s addition).',
    view: 'list',
  },
  notes: 'An unknown -Identity is a terminating error (PCMIG-TOPO-007). Microsoft\'s -Filter and -LocalStore are not offered.',
  link: 'https://learn.microsoft.com/powershell/module/skypeforbusiness/get-cstrustedapplicationpool',
  async run(values, context) {
    const { runGetTrustedApplicationPool } = await import('../engines/run-trusted-application-cmdlets.js');
    await runGetTrustedApplicationPool(values, context);
  },
});
