import { defineCmdlet } from '../definition/define-cmdlet.js';
import type { BoundValues, ParameterSpecs } from '../definition/parameter-spec.js';
import { DEPLOYMENT } from './deployment-parameter.js';

const parameters = {
  Identity: {
    type: 'String',
    position: 0,
    notNullOrEmpty: true,
    description: 'One application: <pool FQDN>/<application id>, e.g. atl-gc-001.litwareinc.com/urn:application:groupchat (the urn:application: prefix is optional).',
  },
  Deployment: DEPLOYMENT,
} as const satisfies ParameterSpecs;

/** The bound parameters its engine receives: derived from the definition, never declared twice. */
export type TrustedIdentityValues = BoundValues<typeof parameters>;

export const getCsTrustedApplication = defineCmdlet({
  name: 'Get-CsTrustedApplication',
  synopsis: 'Returns the trusted applications of the deployment\'s topology.',
  description:
    'Reads the trusted applications of the topology (deployment.json, with the removals pcmig recorded): the legacy Group Chat pool runs as trusted applications such as urn:application:groupchat, which step 12 of the migration procedure deletes. Read-only.',
  confirmImpact: 'None',
  parameters,
  examples: [
    {
      code: 'Get-CsTrustedApplication -Deployment litwareinc',
      remarks: 'Returns every trusted application of the deployment in the folder litwareinc. Get-CsTrustedApplication atl-gc-001.litwareinc.com/groupchat returns one.',
    },
  ],
  outputs: {
    typeName: 'Pcmig.Topology.TrustedApplication',
    description: 'Identity (<pool FQDN>/urn:application:<id>), ApplicationId, TrustedApplicationPoolFqdn and Port (Microsoft: DisplayTrustedApplication).',
    view: 'list',
  },
  notes: 'An unknown -Identity is a terminating error (PCMIG-TOPO-006). Microsoft\'s -Filter and -LocalStore are not offered.',
  link: 'https://learn.microsoft.com/powershell/module/skypeforbusiness/get-cstrustedapplication',
  async run(values, context) {
    const { runGetTrustedApplication } = await import('../engines/run-trusted-application-cmdlets.js');
    await runGetTrustedApplication(values, context);
  },
});
