import { APPLICATION_CONTACTS_RDNS, LyncAttribute } from './lync-attributes.js';
import { childDn, parseDn } from '../ldap/distinguished-name.js';
import { parseSipAddress } from '../sip/sip-address.js';
import type { Directory, DirectoryEntry, NewDirectoryEntry } from './directory.js';
import { EmbeddedDirectory } from './embedded-directory.js';

/** A SIP-enabled user account to create in a lab directory. */
export interface DirectoryUserSeed {
  readonly sipAddress: string;
  readonly displayName?: string;
  /** Default: the user part of the SIP address. */
  readonly cn?: string;
  readonly samAccountName?: string;
  /** msRTCSIP-PrimaryHomeServer; omit for an account homed nowhere. */
  readonly homeServerDn?: string;
  /** Default: CN=Users,<forest DN>. */
  readonly container?: string;
  /** Extra attributes, written as given. */
  readonly attributes?: Readonly<Record<string, readonly string[]>>;
}

export interface ProvisionResult {
  readonly created: readonly string[];
  readonly users: readonly DirectoryEntry[];
}

/**
 * Creates what a Lync-prepared forest holds and pcmig relies on — the forest root, CN=Users and
 * the CN=Application Contacts container — plus SIP-enabled users, skipping what exists. For the
 * embedded directory and lab OpenLDAP directories only: Active Directory has all of it after
 * Lync forest preparation, and its users are managed with its own tools.
 */
export async function provisionDirectory(directory: Directory, forestDn: string, users: readonly DirectoryUserSeed[] = []): Promise<ProvisionResult> {
  const root = parseDn(forestDn)[0]![0]!;
  const wanted: NewDirectoryEntry[] = [
    { dn: forestDn, attributes: { objectClass: ['top', 'domain'], [root.type.toLowerCase()]: [root.value] } },
    { dn: `CN=Users,${forestDn}`, attributes: { objectClass: ['top', 'container'], cn: ['Users'] } },
  ];
  const containers = [...APPLICATION_CONTACTS_RDNS].reverse();
  for (let depth = 1; depth <= containers.length; depth++) {
    const dn = [...containers.slice(0, depth)].reverse().join(',') + `,${forestDn}`;
    wanted.push({ dn, attributes: { objectClass: ['top', 'container'], cn: [containers[depth - 1]!.slice('CN='.length)] } });
  }
  const userDns = users.map((user) => {
    const entry = userEntry(user, forestDn);
    wanted.push(entry);
    return entry.dn;
  });

  let created: string[];
  if (directory instanceof EmbeddedDirectory) {
    created = (await directory.addMany(wanted, { skipExisting: true })).map((entry) => entry.dn);
  } else {
    created = [];
    for (const entry of wanted) {
      if (await directory.read(entry.dn)) continue;
      await directory.add(entry);
      created.push(entry.dn);
    }
  }
  const entries: DirectoryEntry[] = [];
  for (const dn of userDns) entries.push((await directory.read(dn))!);
  return { created, users: entries };
}

function userEntry(user: DirectoryUserSeed, forestDn: string): NewDirectoryEntry {
  const address = parseSipAddress(user.sipAddress);
  const cn = user.cn ?? address.user;
  const attributes: Record<string, string[]> = {
    objectClass: ['top', 'user'],
    cn: [cn],
    sAMAccountName: [user.samAccountName ?? address.user.slice(0, 20)],
    [LyncAttribute.sipAddress]: [address.uri],
    [LyncAttribute.userEnabled]: ['TRUE'],
    [LyncAttribute.optionFlags]: ['256'],
  };
  if (user.displayName !== undefined) attributes[LyncAttribute.displayName] = [user.displayName];
  if (user.homeServerDn !== undefined) attributes[LyncAttribute.homeServer] = [user.homeServerDn];
  for (const [name, values] of Object.entries(user.attributes ?? {})) attributes[name] = [...values];
  return { dn: childDn('CN', cn, user.container ?? `CN=Users,${forestDn}`), attributes };
}
