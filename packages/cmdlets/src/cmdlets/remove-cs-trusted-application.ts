import { defineCmdlet } from '../definition/define-cmdlet.js';
import type { BoundValues, ParameterSpecs } from '../definition/parameter-spec.js';
import { DEPLOYMENT } from './deployment-parameter.js';
import { removalForce, removedIdentity } from './identity-parameters.js';

const parameters = {
  Identity: removedIdentity('The application: <pool FQDN>/<application id>, e.g. atl-gc-001.litwareinc.com/groupchat (the urn:application: prefix is optional).'),
  Force: removalForce('the application'),
  Deployment: DEPLOYMENT,
} as const satisfies ParameterSpecs;

/** The bound parameters its engine receives: derived from the definition, never declared twice. */
export type RemoveTrustedValues = BoundValues<typeof parameters>;

export const removeCsTrustedApplication = defineCmdlet({
  name: 'Remove-CsTrustedApplication',
  synopsis: 'Removes a trusted application from the deployment\'s topology (decommissioning, step 12).',
  description:
    'Removes one trusted application from its trusted application pool in the topology and records the removal in the topology\'s history. Refused while the legacy Group Chat pool the application belongs to runs — by the recorded service state (PCMIG-TOPO-004) or because a Group Chat server pinged the pool database within the last hour (PCMIG-TOPO-005). Warns while the legacy Lookup Server account has not been moved yet. Applications piped from Get-CsTrustedApplication bind by their Identity.',
  confirmImpact: 'High',
  shouldProcess: { action: 'Remove the trusted application', target: '{Identity}', whatIf: 'engine' },
  parameters,
  examples: [
    {
      code: 'Remove-CsTrustedApplication -Identity atl-gc-001.litwareinc.com/groupchat -Deployment litwareinc -WhatIf',
      remarks: 'Checks that the legacy pool is stopped and shows what would be removed; removes nothing.',
      noOutput: true,
    },
    {
      code: 'Remove-CsTrustedApplication atl-gc-001.litwareinc.com/groupchat -Deployment litwareinc -Force',
      remarks: 'Removes the Group Chat trusted application of atl-gc-001.litwareinc.com without asking.',
      noOutput: true,
    },
  ],
  inputs: 'System.String: the -Identity of an application, by value or by property name (the objects of Get-CsTrustedApplication).',
  notes: 'ConfirmImpact is High (-Force or -Confirm:$false to go on without a question). The cmdlet writes nothing, as Microsoft\'s.',
  link: 'https://learn.microsoft.com/powershell/module/skypeforbusiness/remove-cstrustedapplication',
  async run(values, context) {
    const { runRemoveTrustedApplication } = await import('../engines/run-trusted-application-cmdlets.js');
    await runRemoveTrustedApplication(values, context);
  },
});
