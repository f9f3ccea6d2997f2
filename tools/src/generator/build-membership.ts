import { Behavior, type Principal, type RoleAssignment, type RoleNameValue, type ScopeEntry } from '@pcmig/core';
import type { Population } from './build-directory.js';
import { escapeDnValue } from './build-directory.js';
import type { DirectoryDomain, DirectoryGroup, DirectoryOrganizationalUnit } from './directory-types.js';
import { memberListDefiner } from './effective-settings.js';
import { generatorErrors } from './errors.js';
import type { PlannedCategory, PlannedRoom } from './legacy-plan.js';
import type { PlantOptions } from './options.js';
import { PrincipalTable } from './principal-table.js';
import type { Random } from './random.js';
import type { Tree } from './build-tree.js';
import { FEDERATED_DOMAINS, FIRST_NAMES, LAST_NAMES } from './vocabulary-people.js';

/** The forest that planted foreign principals come from (not the deployment's forest). */
export const FOREIGN_FOREST = 'fabrikam.com';

export interface Membership {
  readonly principals: PrincipalTable;
  readonly roles: RoleAssignment[];
  readonly scopes: ScopeEntry[];
  readonly rootManagers: Principal[];
  readonly federated: Principal[];
  readonly foreign: Principal[];
  readonly unknownAuthors: number[];
}

/**
 * Who is who in the legacy pool: the cached principals and their memberships, scopes (allow
 * lists), roles on categories and rooms, the people who post in each room, and the planted
 * principals (root managers, federated users, a foreign forest, authors missing from tblPrincipal).
 */
export function buildMembership(random: Random, tree: Tree, population: Population, plant: PlantOptions): Membership {
  const table = new PrincipalTable();
  const { directory } = population;
  const domainPrincipals = new Map<string, Principal>();
  for (const domain of directory.domains) domainPrincipals.set(domain.fqdn, table.addDomain(domain));
  const ouPrincipals = new Map<string, Principal>();
  for (const ou of directory.organizationalUnits) {
    const principal = table.addOrganizationalUnit(ou);
    table.affiliate(principal, domainPrincipals.get(ou.domain));
    ouPrincipals.set(ou.dn, principal);
  }
  const groupPrincipals = new Map<string, Principal>();
  const groupsOfUser = new Map<string, DirectoryGroup[]>();
  for (const group of directory.groups) {
    const principal = table.addGroup(group);
    table.affiliate(principal, domainPrincipals.get(group.domain));
    groupPrincipals.set(group.guid, principal);
    for (const member of group.members) {
      const list = groupsOfUser.get(member) ?? [];
      list.push(group);
      groupsOfUser.set(member, list);
    }
  }

  const byDepartment: number[][] = population.departments.map(() => []);
  const activeByDepartment: number[][] = population.departments.map(() => []);
  const allUsers: number[] = [];
  const activeUsers: number[] = [];
  const userIdByGuid = new Map<string, number>();
  for (const person of population.people) {
    if (!person.cachedInLegacy) continue;
    const state: Principal['state'] = !person.inDirectory ? 'deleted' : person.user.sipEnabled ? 'active' : 'sip-disabled';
    const principal = table.addUser(person.user, state);
    const groups = person.inDirectory ? (groupsOfUser.get(person.user.guid) ?? []) : [population.departmentGroups[person.departmentIndex] as DirectoryGroup];
    for (const group of groups) table.affiliate(principal, groupPrincipals.get(group.guid));
    const ou = population.departmentOus.get(`${person.user.domain}|${person.user.department}`) as DirectoryOrganizationalUnit;
    table.affiliate(principal, ouPrincipals.get(ou.dn));
    table.affiliate(principal, domainPrincipals.get(person.user.domain));
    userIdByGuid.set(person.user.guid, principal.id);
    allUsers.push(principal.id);
    (byDepartment[person.departmentIndex] as number[]).push(principal.id);
    if (state === 'active') {
      activeUsers.push(principal.id);
      (activeByDepartment[person.departmentIndex] as number[]).push(principal.id);
    }
  }
  const groupMemberIds = (group: DirectoryGroup): number[] =>
    group.members.map((guid) => userIdByGuid.get(guid)).filter((id): id is number => id !== undefined);

  const roles: RoleAssignment[] = [];
  const roleKeys = new Set<string>();
  const grant = (nodeId: number, principalId: number, role: RoleNameValue) => {
    const key = `${nodeId}|${principalId}|${role}`;
    if (roleKeys.has(key)) return;
    roleKeys.add(key);
    roles.push({ nodeId, principalId, role });
  };
  const scopes: ScopeEntry[] = [];
  const departmentPick = (category: PlannedCategory, active: boolean): number => {
    const pool = (active ? activeByDepartment : byDepartment)[category.departmentIndex] as number[];
    return pool.length > 0 ? random.pick(pool) : random.pick(active ? activeUsers : allUsers);
  };

  // The root: the forest's domains are in scope; planted managers manage everything (R3).
  for (const principal of domainPrincipals.values()) scopes.push({ nodeId: tree.root.id, principalId: principal.id, denied: false });
  if (plant.rootManagers > activeUsers.length) {
    throw generatorErrors.create('PCMIG-GEN-004', { message: `rootManagers asks for ${plant.rootManagers} users; ${activeUsers.length} are active.`, target: 'rootManagers', reason: { knob: 'rootManagers', limit: activeUsers.length } });
  }
  const rootManagerIds = random.sample(activeUsers, plant.rootManagers);
  for (const id of rootManagerIds) grant(tree.root.id, id, 'Manager');

  // Categories: scopes narrow down the tree, managers at the top, member lists where overridden.
  const categoryMembers = new Map<PlannedCategory, { users: number[]; groups: DirectoryGroup[] }>();
  for (const category of tree.categories) {
    const departmentGroup = population.departmentGroups[category.departmentIndex] as DirectoryGroup;
    if (category.ownScope) {
      const scopeGroup = category.depth === 1 ? departmentGroup : random.pick(population.projectGroups.length > 0 ? population.projectGroups : population.departmentGroups);
      scopes.push({ nodeId: category.id, principalId: (groupPrincipals.get(scopeGroup.guid) as Principal).id, denied: false });
    }
    const managers = category.depth === 1 ? random.int(1, 2) : random.chance(0.2) ? 1 : 0;
    for (let i = 0; i < managers; i += 1) grant(category.id, departmentPick(category, true), 'Manager');
    if (category.overrideMembers) {
      const users: number[] = [];
      for (let i = random.int(0, 3); i > 0; i -= 1) users.push(departmentPick(category, false));
      grant(category.id, (groupPrincipals.get(departmentGroup.guid) as Principal).id, 'Member');
      for (const id of users) grant(category.id, id, 'Member');
      categoryMembers.set(category, { users, groups: [departmentGroup] });
    }
  }

  // Rooms: their own member list (most) or an ancestor's; managers; presenters in auditoriums.
  for (const room of tree.rooms) {
    const home = room.category;
    const authors = new Set<number>();
    const fromGroups = (groups: readonly DirectoryGroup[], count: number) => {
      for (const group of groups) for (const id of random.sample(groupMemberIds(group), count)) authors.add(id);
    };
    if (room.overrideMembers) {
      const groups: DirectoryGroup[] = [];
      if (random.chance(0.5) && home.depth > 0) groups.push(population.departmentGroups[home.departmentIndex] as DirectoryGroup);
      if (random.chance(0.25) && population.projectGroups.length > 0) groups.push(random.pick(population.projectGroups));
      for (const group of groups) grant(room.id, (groupPrincipals.get(group.guid) as Principal).id, 'Member');
      const userCount = Math.min(400, allUsers.length, Math.max(2, Math.round(random.logNormal(Math.log(8), 1))));
      for (let i = 0; i < userCount; i += 1) {
        const id = home.depth > 0 && random.chance(0.7) ? departmentPick(home, false) : random.pick(allUsers);
        grant(room.id, id, 'Member');
        authors.add(id);
      }
      fromGroups(groups, 15);
    } else {
      const definer = memberListDefiner(home);
      const inherited = categoryMembers.get(definer);
      if (inherited) {
        for (const id of inherited.users) authors.add(id);
        fromGroups(inherited.groups, 20);
      }
    }
    const managerCount = room.overrideMembers ? random.int(1, 2) : random.chance(0.5) ? 1 : 0;
    for (let i = 0; i < managerCount; i += 1) {
      const id = home.depth > 0 ? departmentPick(home, true) : random.pick(activeUsers);
      grant(room.id, id, 'Manager');
      authors.add(id);
    }
    if (room.behavior === Behavior.Auditorium) {
      for (let i = random.int(1, 3); i > 0; i -= 1) {
        const id = home.depth > 0 ? departmentPick(home, true) : random.pick(activeUsers);
        grant(room.id, id, 'Voiced');
        authors.add(id);
      }
    }
    // Nobody defined a member list above this room: the people of its department talk there.
    while (authors.size < 3) authors.add(home.depth > 0 ? departmentPick(home, false) : random.pick(allUsers));
    const list = [...authors];
    room.authors = list.length > 60 ? random.sample(list, 60) : list;
  }

  // Planted principals post in rooms that have room for them.
  const hosts = (needed: number, ownList: boolean) =>
    tree.rooms.filter((room) => room.exclusive === null && !room.disabled && (!ownList || room.overrideMembers) && room.messages >= 10 + room.forcedAuthors.length + needed);
  const place = (knob: string, principal: { id: number }, rooms: number, ownList: boolean, messagesPerRoom: () => number, member: boolean): number[] => {
    const placed: number[] = [];
    for (let i = 0; i < rooms; i += 1) {
      const count = messagesPerRoom();
      const candidates = hosts(count, ownList).filter((room) => !placed.includes(room.id));
      if (candidates.length === 0) {
        throw generatorErrors.create('PCMIG-GEN-004', { message: `${knob}: no room has enough messages to host another planted author.`, target: knob, reason: { knob } });
      }
      const room = random.pick(candidates);
      if (member) grant(room.id, principal.id, 'Member');
      for (let k = 0; k < count; k += 1) room.forcedAuthors.push(principal.id);
      placed.push(room.id);
    }
    return placed;
  };

  // R6: federated users (type 6), members of and authors in one to three rooms.
  const federated: Principal[] = [];
  for (let i = 0; i < plant.federatedUsers; i += 1) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const domain = FEDERATED_DOMAINS[i % FEDERATED_DOMAINS.length] as string;
    const address = `${first.ascii}.${last.ascii}${i + 1}@${domain}`;
    const principal = table.add({
      guid: random.guid(),
      kind: 'user',
      uri: `sip:${address}`,
      name: `${first.display} ${last.display}`,
      displayName: `${first.display} ${last.display} (${domain})`,
      email: address,
      companyName: domain,
      dn: null,
      upn: null,
      state: 'active',
      federated: true,
      homePoolId: null,
    });
    federated.push(principal);
    place('federatedUsers', principal, random.int(1, 3), true, () => random.int(1, 2), true);
  }

  // P3: principals of another forest, cached with their domain.
  const foreign: Principal[] = [];
  if (plant.foreignForestPrincipals > 0) {
    const domain: DirectoryDomain = { fqdn: FOREIGN_FOREST, dn: 'DC=fabrikam,DC=com', netbiosName: 'FABRIKAM', guid: random.guid(), forest: FOREIGN_FOREST };
    const domainPrincipal = table.addDomain(domain);
    foreign.push(domainPrincipal);
    for (let i = 0; i < plant.foreignForestPrincipals; i += 1) {
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      const account = `${first.ascii}.${last.ascii}${i + 1}`;
      const displayName = `${first.display} ${last.display}`;
      const principal = table.add({
        guid: random.guid(),
        kind: 'user',
        uri: `sip:${account}@${FOREIGN_FOREST}`,
        name: displayName,
        displayName,
        email: `${account}@${FOREIGN_FOREST}`,
        companyName: 'Fabrikam, Inc.',
        dn: `CN=${escapeDnValue(displayName)},OU=Staff,${domain.dn}`,
        upn: `${account}@${FOREIGN_FOREST}`,
        state: 'active',
        federated: false,
        homePoolId: 1,
      });
      table.affiliate(principal, domainPrincipal);
      foreign.push(principal);
      place('foreignForestPrincipals', principal, 1, true, () => random.int(1, 2), true);
    }
  }

  // Authors that tblPrincipal does not hold (rows lost or never synchronised).
  const unknownAuthors: number[] = [];
  for (let i = 0; i < plant.unknownAuthors; i += 1) {
    const id = table.maxId + 1000 + i;
    unknownAuthors.push(id);
    place('unknownAuthors', { id }, 1, false, () => 3, false);
  }

  const rootManagers = rootManagerIds.map((id) => table.principals.find((p) => p.id === id) as Principal);
  return { principals: table, roles, scopes, rootManagers, federated, foreign, unknownAuthors };
}

/** Ids for the planned nodes: the root keeps 1, categories follow (parents first), then rooms. */
export function assignNodeIds(tree: Tree): void {
  let next = tree.root.id + 1;
  for (const category of tree.categories) category.id = next++;
  for (const room of tree.rooms as PlannedRoom[]) room.id = next++;
}
