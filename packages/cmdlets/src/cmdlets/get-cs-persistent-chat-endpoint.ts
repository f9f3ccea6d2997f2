import { defineCmdlet } from '../definition/define-cmdlet.js';
import type { BoundValues, ParameterSpecs } from '../definition/parameter-spec.js';
import { DEPLOYMENT } from './deployment-parameter.js';

const parameters = {
  Identity: {
    type: 'String',
    position: 0,
    notNullOrEmpty: true,
    valueFromPipeline: true,
    valueFromPipelineByPropertyName: true,
    description: 'The endpoint: its SIP address (sip:user@domain, or user@domain), its display name, or its distinguished name.',
  },
  Filter: {
    type: 'String',
    notNullOrEmpty: true,
    description:
      'Comparisons on Identity, SipAddress, DisplayName and PersistentChatPoolFqdn with -eq, -ne, -like and -notlike, joined by -and, -or and -not, e.g. {SipAddress -like "sip:ocs*"}.',
  },
  PersistentChatPoolFqdn: { type: 'String', notNullOrEmpty: true, description: 'Only the endpoints of this Persistent Chat pool.' },
  Deployment: DEPLOYMENT,
} as const satisfies ParameterSpecs;

/** The bound parameters its engine receives: derived from the definition, never declared twice. */
export type GetEndpointValues = BoundValues<typeof parameters>;

export const getCsPersistentChatEndpoint = defineCmdlet({
  name: 'Get-CsPersistentChatEndpoint',
  synopsis: 'Returns the Persistent Chat endpoints (contact objects) of the deployment\'s directory.',
  description:
    'Reads the Persistent Chat endpoint contacts in CN=Application Contacts of the deployment\'s directory, read-only. Without -Identity it returns every endpoint; -Filter and -PersistentChatPoolFqdn narrow the list. An interrupted Move-CsPersistentChatLookupUri is reported as a warning (the next command that changes endpoints repairs it), and so are endpoints whose pool is not in the topology.',
  confirmImpact: 'None',
  parameters,
  examples: [
    {
      code: 'Get-CsPersistentChatEndpoint -Deployment litwareinc',
      remarks: 'Returns every Persistent Chat endpoint of the deployment in the folder litwareinc. Get-CsPersistentChatEndpoint sip:pchat@litwareinc.com returns one, by its SIP address.',
    },
    {
      code: 'Get-CsPersistentChatEndpoint -Filter {SipAddress -like "sip:pchat*"} -Deployment litwareinc',
      remarks: 'Returns the endpoints whose SIP address starts with sip:pchat.',
    },
  ],
  inputs: 'System.String: the -Identity of an endpoint, by value or by property name.',
  outputs: {
    typeName: 'Pcmig.PersistentChat.Endpoint',
    description: 'Identity (the contact\'s distinguished name), SipAddress, DisplayName, PersistentChatPoolFqdn, Enabled and Guid of each endpoint (Microsoft: OCSPersistentChatContact).',
    view: 'list',
  },
  notes:
    'An -Identity that matches no endpoint is a non-terminating error (PCMIG-EP-004). Microsoft\'s -Credential, -DomainController, -LdapFilter, -OU and -ResultSize are not offered: the directory, its server and its credentials come from the deployment.',
  link: 'https://learn.microsoft.com/powershell/module/skypeforbusiness/get-cspersistentchatendpoint',
  async run(values, context) {
    const { runGetEndpoint } = await import('../engines/run-endpoint-cmdlets.js');
    await runGetEndpoint(values, context);
  },
});
