import { randomUUID } from 'node:crypto';
import type { Deployment } from '../deployment/deployment.js';
import { firstValue, hasObjectClass, type DirectoryEntry, type NewDirectoryEntry } from '../directory/directory.js';
import { LyncAttribute, PERSISTENT_CHAT_OWNER_URN, applicationContactsDn } from '../directory/lync-attributes.js';
import { childDn, normalizeDn } from '../ldap/distinguished-name.js';
import type { TopologyPool } from '../topology/topology.js';
import type { PersistentChatEndpoint } from './results.js';

/** A directory object holding a SIP address. */
export interface SipHolder {
  readonly dn: string;
  readonly kind: 'user' | 'contact' | 'other';
  readonly displayName: string | null;
  readonly sipAddress: string;
  /** True for a contact pcmig (or Lync) made as a Persistent Chat endpoint. */
  readonly persistentChatEndpoint: boolean;
  readonly entry: DirectoryEntry;
}

export function kindOf(entry: DirectoryEntry): SipHolder['kind'] {
  if (hasObjectClass(entry, 'contact')) return 'contact';
  if (hasObjectClass(entry, 'user') || hasObjectClass(entry, 'inetOrgPerson')) return 'user';
  return 'other';
}

export function isPersistentChatEndpoint(deployment: Deployment, entry: DirectoryEntry): boolean {
  const owner = firstValue(entry.attributes, LyncAttribute.ownerUrn);
  const container = normalizeDn(applicationContactsDn(deployment.forestDn));
  const dn = normalizeDn(entry.dn);
  return kindOf(entry) === 'contact' && owner?.toLowerCase() === PERSISTENT_CHAT_OWNER_URN && dn.endsWith(`,${container}`);
}

/**
 * Every user, contact or other object holding the SIP address, wherever it lives: users below
 * the user search bases, contacts in the Configuration partition (a separate naming context in AD).
 */
export async function findSipHolders(deployment: Deployment, sipAddress: string): Promise<SipHolder[]> {
  const bases = [...deployment.userSearchBases, `CN=Configuration,${deployment.forestDn}`];
  const found = new Map<string, DirectoryEntry>();
  for (const base of bases) {
    for (const entry of await deployment.directory.search({ base, scope: 'sub', equals: { [LyncAttribute.sipAddress]: sipAddress } })) {
      found.set(normalizeDn(entry.dn), entry);
    }
  }
  return [...found.values()].map((entry) => ({
    dn: entry.dn,
    kind: kindOf(entry),
    displayName: firstValue(entry.attributes, LyncAttribute.displayName),
    sipAddress: firstValue(entry.attributes, LyncAttribute.sipAddress) ?? sipAddress,
    persistentChatEndpoint: isPersistentChatEndpoint(deployment, entry),
    entry,
  }));
}

/** The Persistent Chat endpoint contacts of the deployment, by SIP address. */
export async function listEndpoints(deployment: Deployment): Promise<PersistentChatEndpoint[]> {
  const pools = await deployment.topology.pools();
  const entries = await deployment.directory.search({
    base: applicationContactsDn(deployment.forestDn),
    scope: 'one',
    objectClasses: ['contact'],
    equals: { [LyncAttribute.ownerUrn]: PERSISTENT_CHAT_OWNER_URN },
  });
  return entries
    .filter((entry) => firstValue(entry.attributes, LyncAttribute.sipAddress) !== null)
    .map((entry) => toEndpoint(entry, pools))
    .sort((a, b) => a.sipAddress.toLowerCase().localeCompare(b.sipAddress.toLowerCase()));
}

export function toEndpoint(entry: DirectoryEntry | NewDirectoryEntry, pools: readonly TopologyPool[]): PersistentChatEndpoint {
  const homeServer = firstValue(entry.attributes, LyncAttribute.homeServer);
  const pool = homeServer === null ? undefined : pools.find((candidate) => normalizeDn(candidate.homeServerDn) === normalizeDn(homeServer));
  return {
    identity: entry.dn,
    sipAddress: firstValue(entry.attributes, LyncAttribute.sipAddress) ?? '',
    displayName: firstValue(entry.attributes, LyncAttribute.displayName),
    persistentChatPoolFqdn: pool?.fqdn ?? null,
    guid: entry.guid ?? null,
    enabled: firstValue(entry.attributes, LyncAttribute.userEnabled)?.toUpperCase() === 'TRUE',
  };
}

/**
 * The contact New-CsPersistentChatEndpoint creates: in CN=Application Contacts with a GUID CN,
 * SIP-enabled, homed on the Persistent Chat pool, marked as a Persistent Chat endpoint.
 */
export function endpointEntry(deployment: Deployment, sipAddress: string, pool: TopologyPool, displayName: string | null): NewDirectoryEntry {
  const cn = `{${randomUUID()}}`;
  const attributes: Record<string, string[]> = {
    [LyncAttribute.objectClass]: ['top', 'contact'],
    [LyncAttribute.cn]: [cn],
    [LyncAttribute.sipAddress]: [sipAddress],
    [LyncAttribute.homeServer]: [pool.homeServerDn],
    [LyncAttribute.userEnabled]: ['TRUE'],
    [LyncAttribute.ownerUrn]: [PERSISTENT_CHAT_OWNER_URN],
  };
  if (displayName !== null) attributes[LyncAttribute.displayName] = [displayName];
  return { dn: childDn('CN', cn, applicationContactsDn(deployment.forestDn)), attributes };
}
