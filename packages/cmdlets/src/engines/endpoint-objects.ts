import type { MoveLookupUriResult, PersistentChatEndpoint } from '@pcmig/endpoint';

/** A Persistent Chat endpoint as the cmdlets show it (Microsoft: OCSPersistentChatContact). */
export function endpointObject(endpoint: PersistentChatEndpoint) {
  return {
    Identity: endpoint.identity,
    SipAddress: endpoint.sipAddress,
    DisplayName: endpoint.displayName,
    PersistentChatPoolFqdn: endpoint.persistentChatPoolFqdn,
    Enabled: endpoint.enabled,
    Guid: endpoint.guid,
  };
}

/** What Move-CsPersistentChatLookupUri did; Identity is the endpoint's, so the object pipes into Get-CsPersistentChatEndpoint. */
export function lookupUriMoveObject(result: MoveLookupUriResult) {
  return {
    SipAddress: result.sipAddress,
    DisplayName: result.endpoint.displayName,
    LegacyPoolFqdn: result.legacyPoolFqdn,
    PersistentChatPoolFqdn: result.persistentChatPoolFqdn,
    Identity: result.endpoint.identity,
    RemovedUser: result.removedUser?.dn ?? null,
    AlreadyMoved: result.alreadyMoved,
    LookupSipAddressSource: result.lookupSipAddressSource,
    Journal: result.journal,
  };
}
