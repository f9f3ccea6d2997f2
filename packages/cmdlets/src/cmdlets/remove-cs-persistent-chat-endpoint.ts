import { defineCmdlet } from '../definition/define-cmdlet.js';
import type { BoundValues, ParameterSpecs } from '../definition/parameter-spec.js';
import { DEPLOYMENT } from './deployment-parameter.js';
import { removalForce, removedIdentity } from './identity-parameters.js';

const parameters = {
  Identity: removedIdentity('The endpoint: its SIP address, its display name (when unique), or its distinguished name.'),
  Force: removalForce('the endpoint'),
  Deployment: DEPLOYMENT,
} as const satisfies ParameterSpecs;

/** The bound parameters its engine receives: derived from the definition, never declared twice. */
export type RemoveEndpointValues = BoundValues<typeof parameters>;

export const removeCsPersistentChatEndpoint = defineCmdlet({
  name: 'Remove-CsPersistentChatEndpoint',
  synopsis: 'Removes a Persistent Chat endpoint (contact object) from the deployment\'s directory.',
  description:
    'Deletes one Persistent Chat endpoint contact from CN=Application Contacts. Only endpoint contacts are removed: a user account given as -Identity is refused (PCMIG-EP-016). Removing the endpoint that carries the legacy Lookup Server URI is allowed, with a warning: legacy Group Chat clients then no longer reach Persistent Chat. Endpoints piped from Get-CsPersistentChatEndpoint bind by their Identity.',
  confirmImpact: 'High',
  shouldProcess: { action: 'Remove the Persistent Chat endpoint', target: '{Identity}', whatIf: 'engine' },
  parameters,
  examples: [
    {
      code: 'Remove-CsPersistentChatEndpoint -Identity sip:pchat@litwareinc.com -Deployment litwareinc -Force',
      remarks: 'Removes the endpoint with the SIP address sip:pchat@litwareinc.com without asking.',
      noOutput: true,
    },
    {
      code: 'Get-CsPersistentChatEndpoint -PersistentChatPoolFqdn atl-pc-001.litwareinc.com -Deployment litwareinc | Remove-CsPersistentChatEndpoint -Deployment litwareinc -Confirm:$false',
      remarks: 'Removes every endpoint of the pool atl-pc-001.litwareinc.com; each one binds by its Identity.',
      noOutput: true,
    },
  ],
  inputs: 'System.String: the -Identity of an endpoint, by value or by property name (the objects of Get-CsPersistentChatEndpoint).',
  notes:
    'ConfirmImpact is High, so the cmdlet asks before it removes (-Force or -Confirm:$false to go on without a question; pcmig refuses without a terminal). Microsoft describes -Force as suppressing non-fatal errors; pcmig has none to suppress here, and warnings are still shown.',
  link: 'https://learn.microsoft.com/powershell/module/skypeforbusiness/remove-cspersistentchatendpoint',
  async run(values, context) {
    const { runRemoveEndpoint } = await import('../engines/run-endpoint-cmdlets.js');
    await runRemoveEndpoint(values, context);
  },
});
