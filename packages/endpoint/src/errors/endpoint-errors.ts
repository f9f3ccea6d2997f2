import { defineErrorCatalog } from '@pcmig/core';

/** Errors of Persistent Chat endpoints and the lookup URI move. Documented in docs/errors/endpoint.md. */
export const endpointErrors = defineErrorCatalog('EP', {
  'PCMIG-EP-001': {
    category: 'InvalidArgument',
    title: 'The SIP address is malformed.',
    hint: 'Write it as sip:user@domain; the sip: prefix is required (e.g. sip:ocschat@contoso.com).',
  },
  'PCMIG-EP-002': {
    category: 'InvalidArgument',
    title: 'The SIP address is not in a SIP domain of the deployment.',
    hint: 'Use one of the SIP domains listed in sipDomains of deployment.json.',
  },
  'PCMIG-EP-003': {
    category: 'ResourceExists',
    title: 'The SIP address is already held by a user or contact.',
    hint: 'The classic cause: the legacy Lookup Server user account (ocschat@) was not deleted first. Delete it first, or run Move-CsPersistentChatLookupUri, which deletes it and creates the endpoint as one unit.',
  },
  'PCMIG-EP-004': {
    category: 'ObjectNotFound',
    title: 'No Persistent Chat endpoint matches the identity.',
    hint: 'Give the SIP address (sip:...), the display name or the distinguished name; Get-CsPersistentChatEndpoint lists the endpoints.',
  },
  'PCMIG-EP-005': {
    category: 'InvalidArgument',
    title: 'The identity matches several Persistent Chat endpoints.',
    hint: 'Give the SIP address or the distinguished name, which are unique.',
  },
  'PCMIG-EP-006': {
    category: 'InvalidArgument',
    title: 'The display name is invalid.',
    hint: 'Use 1 to 256 characters without control characters.',
  },
  'PCMIG-EP-007': {
    category: 'SyntaxError',
    title: 'The -Filter expression cannot be parsed.',
    hint: 'Write comparisons like {SipAddress -like "sip:ocs*"} joined by -and / -or; properties: Identity, SipAddress, DisplayName, PersistentChatPoolFqdn; operators: -eq -ne -like -notlike.',
  },
  'PCMIG-EP-008': {
    category: 'ObjectNotFound',
    title: 'The legacy Lookup Server user account was not found.',
    hint: 'Check lookupSipAddress of the legacy pool in deployment.json. If the account is already gone, create the endpoint with New-CsPersistentChatEndpoint.',
  },
  'PCMIG-EP-009': {
    category: 'InvalidData',
    title: 'Several user accounts hold the lookup SIP address.',
    hint: 'The directory is inconsistent: a SIP address belongs to one account. Remove the duplicate SIP address, then run the move again.',
  },
  'PCMIG-EP-010': {
    category: 'OperationStopped',
    title: 'The endpoint could not be created; the Lookup Server user account was restored.',
    hint: 'The directory is as it was before the command. The cause says why the endpoint could not be created; correct it and run the move again.',
  },
  'PCMIG-EP-011': {
    category: 'OperationStopped',
    title: 'The lookup URI move was interrupted and the user account is not restored yet.',
    hint: 'The journal named in the message holds the account as it was. Run the move again once the directory is reachable: it restores the account first.',
  },
  'PCMIG-EP-012': {
    category: 'InvalidData',
    title: 'The restored user account differs from the account that was deleted.',
    hint: 'The reason lists the attributes that differ; the journal keeps the original for comparison. Correct them by hand.',
  },
  'PCMIG-EP-013': {
    category: 'InvalidData',
    title: 'The lookup move journal is damaged.',
    hint: 'Check the directory by hand (Get-CsPersistentChatEndpoint, the Lookup Server account), then move the journal file named in the message aside.',
  },
  'PCMIG-EP-014': {
    category: 'InvalidOperation',
    title: 'After an interrupted move both the user account and the endpoint exist.',
    hint: 'Something other than pcmig changed the directory. Remove one of them by hand (normally the user account), then move the journal file named in the message aside.',
  },
  'PCMIG-EP-015': {
    category: 'ResourceBusy',
    title: 'Another endpoint command is changing the directory of this deployment.',
    hint: 'Wait for it to finish. If no pcmig process runs, delete the lock file named in the message and run the command again.',
  },
  'PCMIG-EP-016': {
    category: 'InvalidArgument',
    title: 'The directory entry is not a Persistent Chat endpoint.',
    hint: 'Remove-CsPersistentChatEndpoint only removes endpoint contacts in CN=Application Contacts; users are removed with the directory tools.',
  },
});
