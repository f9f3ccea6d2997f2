import { defineCmdlet } from '../definition/define-cmdlet.js';
import type { BoundValues, ParameterSpecs } from '../definition/parameter-spec.js';
import { DEPLOYMENT } from './deployment-parameter.js';

const parameters = {
  SipAddress: {
    type: 'String',
    mandatory: true,
    notNullOrEmpty: true,
    description: 'The SIP address of the endpoint, with the sip: prefix and a SIP domain of the deployment (e.g. sip:ocschat@litwareinc.com, identical to the legacy Lookup Server URI for legacy clients).',
  },
  PersistentChatPoolFqdn: { type: 'String', mandatory: true, notNullOrEmpty: true, description: 'The FQDN of the Persistent Chat pool the endpoint points to.' },
  DisplayName: { type: 'String', description: 'The display name of the contact object (1 to 256 characters).' },
  PassThru: { type: 'SwitchParameter', description: 'Writes the endpoint created to the pipeline (by default the cmdlet writes nothing).' },
  Deployment: DEPLOYMENT,
} as const satisfies ParameterSpecs;

/** The bound parameters its engine receives: derived from the definition, never declared twice. */
export type NewEndpointValues = BoundValues<typeof parameters>;

export const newCsPersistentChatEndpoint = defineCmdlet({
  name: 'New-CsPersistentChatEndpoint',
  synopsis: 'Creates a Persistent Chat endpoint: a directory contact object that gives a Persistent Chat pool a SIP URI.',
  description:
    'Creates a contact object in CN=Application Contacts of the deployment\'s directory (embedded, or Active Directory over LDAP) that points at a Persistent Chat pool, so that clients reach the pool through its SIP address. Legacy Lync 2010 and Office Communicator 2007 R2 Group Chat clients need one with the SIP URI of the old Lookup Server account (ocschat@<domain>): that account must be deleted first, because a SIP URI belongs to one object — Move-CsPersistentChatLookupUri does both as one unit. The SIP address needs the sip: prefix and a SIP domain of the deployment; the pool must be a Persistent Chat pool of the topology; the address must not be held by any user or contact. Nothing is written without -PassThru, as with Microsoft\'s cmdlet.',
  confirmImpact: 'Medium',
  shouldProcess: { action: 'Create a Persistent Chat endpoint', target: '{SipAddress} on {PersistentChatPoolFqdn}', whatIf: 'engine' },
  parameters,
  examples: [
    {
      code: 'New-CsPersistentChatEndpoint -SipAddress sip:chatrooms@litwareinc.com -PersistentChatPoolFqdn atl-pc-001.litwareinc.com -DisplayName "Chat Rooms" -Deployment litwareinc -PassThru',
      remarks: 'Creates an endpoint with the SIP address sip:chatrooms@litwareinc.com for the pool atl-pc-001.litwareinc.com and shows it.',
    },
    {
      code: 'New-CsPersistentChatEndpoint -SipAddress sip:chatrooms@litwareinc.com -PersistentChatPoolFqdn atl-pc-001.litwareinc.com -Deployment litwareinc -WhatIf',
      remarks: 'Checks the address, the domain and the pool, and shows the contact object that would be created; creates nothing.',
      noOutput: true,
    },
  ],
  outputs: {
    typeName: 'Pcmig.PersistentChat.Endpoint',
    description: 'With -PassThru: Identity (the contact\'s distinguished name), SipAddress, DisplayName, PersistentChatPoolFqdn, Enabled and Guid (Microsoft: OCSPersistentChatContact).',
    view: 'list',
  },
  notes:
    'A SIP address already held by a user or contact is refused with PCMIG-EP-003; when the holder is the legacy Lookup Server account, the hint says so. pcmig warns when the pool already has an endpoint: one per pool is enough for legacy clients.',
  link: 'https://learn.microsoft.com/powershell/module/skypeforbusiness/new-cspersistentchatendpoint',
  async run(values, context) {
    const { runNewEndpoint } = await import('../engines/run-endpoint-cmdlets.js');
    await runNewEndpoint(values, context);
  },
});
