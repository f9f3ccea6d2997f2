import { SYSTEM_PRINCIPAL_ID, type Affiliation, type Principal } from '@pcmig/core';
import type { DirectoryDomain, DirectoryGroup, DirectoryOrganizationalUnit, DirectoryUser } from './directory-types.js';

/** The group URI form of the Persistent Chat SDK: ma-grp:<objectGUID>@u.g. */
export const groupUri = (guid: string) => `ma-grp:${guid}@u.g`;

/**
 * Principals of one pool as they are cached (tblPrincipal) and their memberships
 * (tblPrincipalAffiliations), with prinIDs handed out in order. prinID 1 is the system user.
 */
export class PrincipalTable {
  readonly principals: Principal[] = [];
  readonly affiliations: Affiliation[] = [];
  private readonly byGuid = new Map<string, Principal>();
  private nextId = SYSTEM_PRINCIPAL_ID + 1;

  add(principal: Omit<Principal, 'id'>): Principal {
    const stored: Principal = { ...principal, id: this.nextId };
    this.nextId += 1;
    this.principals.push(stored);
    this.byGuid.set(stored.guid, stored);
    // Every non-system principal is affiliated to itself (index -1).
    this.affiliations.push({ principalId: stored.id, affiliationId: stored.id, index: -1 });
    return stored;
  }

  affiliate(principal: Principal, to: Principal | undefined): void {
    if (to && to.id !== principal.id) this.affiliations.push({ principalId: principal.id, affiliationId: to.id, index: 1 });
  }

  get(guid: string): Principal | undefined {
    return this.byGuid.get(guid);
  }

  get maxId(): number {
    return this.nextId - 1;
  }

  addDomain(domain: DirectoryDomain): Principal {
    return this.add(nonUser('domain', domain.guid, domain.dn));
  }

  addOrganizationalUnit(ou: DirectoryOrganizationalUnit): Principal {
    return this.add(nonUser('folder', ou.guid, ou.dn));
  }

  addGroup(group: DirectoryGroup): Principal {
    return this.add(nonUser('group', group.guid, group.dn));
  }

  addUser(user: DirectoryUser, state: Principal['state']): Principal {
    return this.add({
      guid: user.guid,
      kind: 'user',
      uri: user.sipAddress,
      name: user.displayName,
      displayName: user.displayName,
      email: user.email,
      companyName: user.company,
      dn: user.dn,
      upn: user.userPrincipalName,
      state,
      federated: false,
      homePoolId: state === 'active' ? 1 : null,
    });
  }
}

function nonUser(kind: 'domain' | 'folder' | 'group', guid: string, dn: string): Omit<Principal, 'id'> {
  return {
    guid,
    kind,
    uri: groupUri(guid),
    name: null,
    displayName: null,
    email: null,
    companyName: null,
    dn,
    upn: null,
    state: 'active',
    federated: false,
    homePoolId: null,
  };
}
