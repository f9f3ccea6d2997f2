import { defineCmdlet } from '../definition/define-cmdlet.js';
import type { BoundValues, ParameterSpecs } from '../definition/parameter-spec.js';
import { DEPLOYMENT } from './deployment-parameter.js';

const parameters = {
  LegacyPoolFqdn: { type: 'String', notNullOrEmpty: true, description: 'The legacy Group Chat pool whose Lookup Server URI moves (default: the only legacy pool of the topology).' },
  PersistentChatPoolFqdn: { type: 'String', notNullOrEmpty: true, description: 'The Persistent Chat pool the endpoint points to (default: the only Persistent Chat pool of the topology).' },
  Deployment: DEPLOYMENT,
} as const satisfies ParameterSpecs;

/** The bound parameters its engine receives: derived from the definition, never declared twice. */
export type LookupUriMoveValues = BoundValues<typeof parameters>;

export const moveCsPersistentChatLookupUri = defineCmdlet({
  name: 'Move-CsPersistentChatLookupUri',
  synopsis: 'Moves the legacy Group Chat Lookup Server URI onto a Persistent Chat endpoint, in one step.',
  description:
    'pcmig\'s one-step form of step 8 of Microsoft\'s migration procedure: deletes the user account the legacy pool\'s Lookup service uses (ocschat@<domain>, or lookupSipAddress in deployment.json) and creates a Persistent Chat endpoint with the identical SIP URI and display name, so that Lync 2010 and Office Communicator 2007 R2 Group Chat clients reach the new pool unchanged. The two steps are one unit: a journal is written before each, and if the endpoint cannot be created the account is restored exactly (PCMIG-EP-010); a move interrupted by a crash is repaired by the next endpoint command. Refused while the legacy pool\'s services run (PCMIG-TOPO-004). Run again after success, it changes nothing. -WhatIf shows both steps.',
  confirmImpact: 'High',
  shouldProcess: {
    action: 'Move the Lookup Server URI onto a Persistent Chat endpoint (delete the user account, create the endpoint with its SIP URI)',
    target: 'the Lookup Server URI of {LegacyPoolFqdn|the legacy Group Chat pool}',
    whatIf: 'engine',
  },
  parameters,
  examples: [
    {
      code: 'Move-CsPersistentChatLookupUri -Deployment litwareinc -WhatIf',
      remarks: 'Shows both steps — the user account that would be deleted and the endpoint that would be created — and changes nothing.',
      noOutput: true,
    },
    {
      code: 'Move-CsPersistentChatLookupUri -LegacyPoolFqdn atl-gc-001.litwareinc.com -PersistentChatPoolFqdn atl-pc-001.litwareinc.com -Deployment litwareinc -Confirm:$false',
      remarks: 'Moves sip:ocschat@litwareinc.com from its user account onto an endpoint of atl-pc-001.litwareinc.com without asking, and shows the result.',
    },
  ],
  outputs: {
    typeName: 'Pcmig.PersistentChat.LookupUriMove',
    description:
      'SipAddress, DisplayName, LegacyPoolFqdn, PersistentChatPoolFqdn, Identity (the endpoint\'s distinguished name), RemovedUser (the account deleted; null when the move was already done), AlreadyMoved, LookupSipAddressSource (topology or convention) and Journal (the archived journal of the move).',
    view: 'list',
  },
  notes:
    'Not a Microsoft cmdlet: Microsoft\'s procedure deletes the account by hand and then runs New-CsPersistentChatEndpoint. ConfirmImpact is High: without a terminal, give -Confirm:$false. Nothing is written under -WhatIf.',
  async run(values, context) {
    const { runLookupUriMove } = await import('../engines/run-lookup-uri-move.js');
    await runLookupUriMove(values, context);
  },
});
