import type { Guid, PersistentChatStore, Principal } from '@pcmig/core';

/**
 * How the Get- cmdlets show principals: users by SIP address, groups, organizational units and
 * domains by distinguished name (as Microsoft's cmdlets accept them), or by display name with
 * -AsObject. Unknown GUIDs (a role row whose principal is gone) are shown as the GUID.
 */
export class PrincipalNames {
  private constructor(private readonly byGuid: ReadonlyMap<Guid, Principal>) {}

  static async load(store: PersistentChatStore): Promise<PrincipalNames> {
    const byGuid = new Map<Guid, Principal>();
    for await (const batch of store.principals()) for (const principal of batch) byGuid.set(principal.guid, principal);
    return new PrincipalNames(byGuid);
  }

  name(guid: Guid, asObject: boolean): string {
    const principal = this.byGuid.get(guid);
    if (!principal) return guid;
    if (asObject) return principal.displayName ?? principal.name ?? principal.dn ?? principal.uri;
    return principal.kind === 'user' || principal.kind === 'system' ? principal.uri : (principal.dn ?? principal.uri);
  }

  names(guids: readonly Guid[], asObject: boolean): string[] {
    return guids.map((guid) => this.name(guid, asObject));
  }

  /** Whether a principal list holds the user with this SIP address (sip: optional, case-insensitive). */
  includesUser(guids: readonly Guid[], sipAddress: string): boolean {
    const wanted = normalizeSip(sipAddress);
    return guids.some((guid) => {
      const principal = this.byGuid.get(guid);
      return principal !== undefined && normalizeSip(principal.uri) === wanted;
    });
  }
}

function normalizeSip(uri: string): string {
  const lower = uri.trim().toLowerCase();
  return lower.startsWith('sip:') ? lower : `sip:${lower}`;
}
