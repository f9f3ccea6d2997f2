import type { DirectoryDomain, DirectoryGroup, DirectoryOrganizationalUnit, DirectoryUser, GeneratedDirectory } from './directory-types.js';
import type { Random } from './random.js';
import type { SizeSpec } from './sizes.js';
import { ROOM_SUBJECTS } from './vocabulary-places.js';
import { asciiOf, COMPANY, DEPARTMENTS, FIRST_NAMES, LAST_NAMES } from './vocabulary-people.js';

export const FOREST = 'contoso.com';
export const SIP_DOMAIN = 'contoso.com';
export const LOOKUP_ACCOUNT = 'ocschat';

/** A person of the organisation, with what the generator needs beyond the directory entry. */
export interface Person {
  readonly user: DirectoryUser;
  readonly departmentIndex: number;
  /** Still in the directory (false: deleted from AD after Group Chat cached them). */
  readonly inDirectory: boolean;
  /** Cached in the legacy pool's tblPrincipal (people who never used Group Chat are not). */
  readonly cachedInLegacy: boolean;
}

export interface Population {
  readonly directory: GeneratedDirectory;
  readonly people: readonly Person[];
  /** Departments in use (index into DEPARTMENTS). */
  readonly departments: readonly string[];
  /** Per department: the group of its staff. */
  readonly departmentGroups: readonly DirectoryGroup[];
  readonly projectGroups: readonly DirectoryGroup[];
  /** Per domain fqdn and department: the OU its staff live in. */
  readonly departmentOus: ReadonlyMap<string, DirectoryOrganizationalUnit>;
}

/** Escapes a relative distinguished name value (RFC 4514). */
export function escapeDnValue(value: string): string {
  return value.replace(/([,+"\\<>;=])/g, '\\$1').replace(/^([ #])/, '\\$1').replace(/ $/, '\\ ');
}

const dnOfDomain = (fqdn: string) => fqdn.split('.').map((label) => `DC=${label}`).join(',');

export function buildPopulation(random: Random, size: SizeSpec): Population {
  const domainNames = size.users >= 1_000 ? [FOREST, `emea.${FOREST}`, `apac.${FOREST}`] : [FOREST, `emea.${FOREST}`];
  const domains: DirectoryDomain[] = domainNames.map((fqdn) => ({
    fqdn,
    dn: dnOfDomain(fqdn),
    netbiosName: (fqdn === FOREST ? 'CONTOSO' : fqdn.split('.')[0]!.toUpperCase()).slice(0, 15),
    guid: random.guid(),
    forest: FOREST,
  }));
  const departmentCount = Math.min(DEPARTMENTS.length, Math.max(2, Math.ceil((size.groups * 2) / 3)));
  const departments = DEPARTMENTS.slice(0, departmentCount);

  const organizationalUnits: DirectoryOrganizationalUnit[] = [];
  const departmentOus = new Map<string, DirectoryOrganizationalUnit>();
  for (const domain of domains) {
    for (const department of departments) {
      const ou = { guid: random.guid(), name: department, dn: `OU=${escapeDnValue(department)},OU=Staff,${domain.dn}`, domain: domain.fqdn };
      organizationalUnits.push(ou);
      departmentOus.set(`${domain.fqdn}|${department}`, ou);
    }
  }

  const usedAccounts = new Set<string>([LOOKUP_ACCOUNT]);
  const uniqueAccount = (base: string) => {
    const stem = base.slice(0, 17) || 'user';
    let account = stem;
    for (let n = 2; usedAccounts.has(account); n += 1) account = `${stem}${n}`;
    usedAccounts.add(account);
    return account;
  };
  // People who left: cached by Group Chat, since deleted from AD (1 %).
  const deletedCount = Math.max(1, Math.round(size.users * 0.01));
  const people: Person[] = [];
  for (let i = 0; i < size.users + deletedCount; i += 1) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const roll = random.next();
    const domain = domains[roll < 0.6 || domains.length === 1 ? 0 : roll < 0.85 || domains.length === 2 ? 1 : 2] as DirectoryDomain;
    const departmentIndex = random.int(0, departments.length - 1);
    const department = departments[departmentIndex] as string;
    const account = uniqueAccount(`${first.ascii}.${last.ascii}`);
    const displayName = `${first.display} ${last.display}`;
    const user: DirectoryUser = {
      guid: random.guid(),
      samAccountName: account.slice(0, 20),
      userPrincipalName: `${account}@${SIP_DOMAIN}`,
      sipAddress: `sip:${account}@${SIP_DOMAIN}`,
      displayName,
      givenName: first.display,
      surname: last.display,
      email: `${account}@${SIP_DOMAIN}`,
      dn: `CN=${escapeDnValue(displayName)},${(departmentOus.get(`${domain.fqdn}|${department}`) as DirectoryOrganizationalUnit).dn}`,
      domain: domain.fqdn,
      department,
      company: COMPANY,
      sipEnabled: !random.chance(0.02),
    };
    const inDirectory = i < size.users;
    // 8 % of the staff never used Group Chat; everyone deleted since had (that is why they are cached).
    people.push({ user, departmentIndex, inDirectory, cachedInLegacy: !inDirectory || !random.chance(0.08) });
  }

  const rootDomain = domains[0] as DirectoryDomain;
  const groupOf = (name: string, members: readonly string[]): DirectoryGroup => {
    const account = uniqueAccount(asciiOf(name).slice(0, 14) || 'group');
    return {
      guid: random.guid(),
      name,
      samAccountName: account,
      dn: `CN=${escapeDnValue(name)},OU=Groups,${rootDomain.dn}`,
      email: `${account}@${SIP_DOMAIN}`,
      domain: rootDomain.fqdn,
      members,
    };
  };
  const staff = people.filter((p) => p.inDirectory);
  const departmentGroups = departments.map((department, index) =>
    groupOf(`GC ${department}`, staff.filter((p) => p.departmentIndex === index).map((p) => p.user.guid)),
  );
  const projectGroups: DirectoryGroup[] = [];
  const usedGroupNames = new Set(departmentGroups.map((g) => g.name));
  for (let i = 0; projectGroups.length < size.groups - departments.length; i += 1) {
    let name = `Team ${random.pick(ROOM_SUBJECTS)}`;
    if (usedGroupNames.has(name)) name = `${name} ${i + 2}`;
    if (usedGroupNames.has(name)) continue;
    usedGroupNames.add(name);
    const memberCount = Math.min(staff.length, Math.max(3, Math.round(random.logNormal(Math.log(25), 0.9))));
    projectGroups.push(groupOf(name, random.sample(staff, memberCount).map((p) => p.user.guid)));
  }

  const lookupAccount: DirectoryUser = {
    guid: random.guid(),
    samAccountName: LOOKUP_ACCOUNT,
    userPrincipalName: `${LOOKUP_ACCOUNT}@${SIP_DOMAIN}`,
    sipAddress: `sip:${LOOKUP_ACCOUNT}@${SIP_DOMAIN}`,
    displayName: 'Group Chat Lookup Service',
    givenName: 'Group Chat',
    surname: 'Lookup Server',
    email: `${LOOKUP_ACCOUNT}@${SIP_DOMAIN}`,
    // Where a Lync-prepared forest (and @pcmig/endpoint's embedded directory) keeps it.
    dn: `CN=${LOOKUP_ACCOUNT},CN=Users,${rootDomain.dn}`,
    domain: rootDomain.fqdn,
    department: 'IT',
    company: COMPANY,
    sipEnabled: true,
  };

  return {
    directory: {
      forest: { name: FOREST, dn: rootDomain.dn },
      sipDomain: SIP_DOMAIN,
      domains,
      organizationalUnits,
      users: staff.map((p) => p.user),
      groups: [...departmentGroups, ...projectGroups],
      lookupAccount,
    },
    people,
    departments,
    departmentGroups,
    projectGroups,
    departmentOus,
  };
}
