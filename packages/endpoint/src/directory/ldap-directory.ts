import fs from 'node:fs';
import { Attribute, Change, Client, Control, type Entry } from 'ldapts';
import { directoryErrors } from '../errors/directory-errors.js';
import { isWithinDn, normalizeDn } from '../ldap/distinguished-name.js';
import { andFilter, equalityFilter, orFilter } from '../ldap/filter-escape.js';
import { adGuidToBytes, adGuidToString, escapeBinaryFilterValue } from './ad-guid.js';
import { attributeValues, diffAttributes, type AttributeMap, type Directory, type DirectoryEntry, type DirectorySearch, type NewDirectoryEntry, type RestoreOutcome } from './directory.js';
import { LDAP_ATTRIBUTE_OR_VALUE_EXISTS, LDAP_NO_SUCH_OBJECT, ldapResultCode, toDirectoryError, type LdapFailureContext } from './ldap-error.js';
import { BINARY_ATTRIBUTES, LyncAttribute, SERVER_ASSIGNED_ATTRIBUTES } from './lync-attributes.js';

export interface LdapDirectoryOptions {
  /** ldap://host[:port] or ldaps://host[:port]. */
  readonly url: string;
  readonly bindDn: string;
  /** Held in memory only; never logged or reported. */
  readonly password: string;
  readonly tls?: { readonly caFile?: string; readonly rejectUnauthorized?: boolean; readonly startTls?: boolean };
  readonly connectTimeoutMs?: number;
  readonly timeoutMs?: number;
  readonly pageSize?: number;
}

/** Active Directory announces itself with this capability in the root DSE (LDAP_CAP_ACTIVE_DIRECTORY_OID). */
const AD_CAPABILITY = '1.2.840.113556.1.4.800';
/** LDAP_SERVER_SHOW_DELETED_OID: lets a search and a modify see tombstones. */
const SHOW_DELETED_CONTROL = '1.2.840.113556.1.4.417';
const READ_ATTRIBUTES = ['*', LyncAttribute.memberOf, 'entryUUID', 'objectGUID'];

/**
 * The directory over LDAP: Active Directory in production, OpenLDAP with
 * ldap-schema/pcmig-lync.schema in labs and tests. Binds lazily on first use; all values in
 * filters and DNs are escaped (RFC 4515 / RFC 4514).
 */
export class LdapDirectory implements Directory {
  readonly kind = 'ldap';
  readonly description: string;
  private client: Client | null = null;
  private connecting: Promise<Client> | null = null;
  private rootDse: { activeDirectory: boolean; namingContexts: string[] } | null = null;

  constructor(private readonly options: LdapDirectoryOptions) {
    this.description = `ldap:${options.url} (bind ${options.bindDn})`;
  }

  /** Connects and binds now (otherwise the first operation does): surfaces unreachable servers and refused credentials. */
  async connect(): Promise<void> {
    await this.connection();
  }

  async read(dn: string): Promise<DirectoryEntry | null> {
    const client = await this.connection();
    try {
      const result = await client.search(dn, {
        scope: 'base',
        filter: '(objectClass=*)',
        attributes: READ_ATTRIBUTES,
        explicitBufferAttributes: [...BINARY_ATTRIBUTES],
      });
      const entry = result.searchEntries[0];
      return entry ? toDirectoryEntry(entry) : null;
    } catch (error) {
      if (ldapResultCode(error) === LDAP_NO_SUCH_OBJECT) return null;
      throw this.fail(error, 'read', dn);
    }
  }

  async search(query: DirectorySearch): Promise<DirectoryEntry[]> {
    const client = await this.connection();
    const parts: string[] = [];
    if (query.objectClasses?.length) parts.push(orFilter(query.objectClasses.map((oc) => equalityFilter('objectClass', oc))));
    for (const [name, value] of Object.entries(query.equals ?? {})) parts.push(equalityFilter(name, value));
    const filter = parts.length === 0 ? '(objectClass=*)' : andFilter(parts);
    try {
      const result = await client.search(query.base, {
        scope: query.scope,
        filter,
        attributes: READ_ATTRIBUTES,
        explicitBufferAttributes: [...BINARY_ATTRIBUTES],
        paged: { pageSize: this.options.pageSize ?? 500 },
      });
      return result.searchEntries.map(toDirectoryEntry);
    } catch (error) {
      // A base that does not exist holds nothing (e.g. no Application Contacts container yet).
      if (ldapResultCode(error) === LDAP_NO_SUCH_OBJECT) return [];
      throw this.fail(error, 'search', query.base);
    }
  }

  async add(entry: NewDirectoryEntry): Promise<DirectoryEntry> {
    const client = await this.connection();
    try {
      await client.add(entry.dn, toLdapAttributes(entry));
    } catch (error) {
      throw this.fail(error, 'add', entry.dn);
    }
    // memberOf is a back link: membership is written on each group's member attribute. A group
    // that refuses is not fatal here: the entry exists, and a restore's verification reports the
    // missing membership (PCMIG-EP-012) instead of leaving the account half-restored and unreported.
    await this.addToGroups(entry.dn, attributeValues(entry.attributes, LyncAttribute.memberOf)).catch(() => undefined);
    const stored = await this.read(entry.dn);
    if (!stored) throw directoryErrors.create('PCMIG-DIR-004', { message: `${entry.dn} was added but cannot be read back.`, target: entry.dn });
    return stored;
  }

  async delete(dn: string): Promise<void> {
    const client = await this.connection();
    try {
      await client.del(dn);
    } catch (error) {
      throw this.fail(error, 'delete', dn);
    }
  }

  async restore(snapshot: DirectoryEntry): Promise<RestoreOutcome> {
    await this.connection();
    if (this.rootDse?.activeDirectory && snapshot.guid) {
      const reanimated = await this.reanimate(snapshot);
      if (reanimated) return { identityPreserved: reanimated.guid === snapshot.guid, method: 'reanimated', entry: reanimated };
    }
    // Without tombstones (OpenLDAP) or once AD has purged it: add it again, every attribute as it was.
    const entry = await this.add(snapshot);
    return { identityPreserved: snapshot.guid !== null && entry.guid === snapshot.guid, method: 're-added', entry };
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.connecting = null;
    if (client) await client.unbind().catch(() => undefined);
  }

  private async connection(): Promise<Client> {
    if (this.client?.isConnected) return this.client;
    if (this.client) return this.client; // ldapts reconnects (and rebinds) on the next request
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async open(): Promise<Client> {
    const tls = this.options.tls;
    const tlsOptions = {
      ...(tls?.caFile ? { ca: fs.readFileSync(tls.caFile) } : {}),
      rejectUnauthorized: tls?.rejectUnauthorized ?? true,
    };
    let client: Client;
    try {
      client = new Client({
        url: this.options.url,
        connectTimeout: this.options.connectTimeoutMs ?? 5_000,
        timeout: this.options.timeoutMs ?? 30_000,
        // ldapts switches to TLS whenever tlsOptions are given: only for ldaps:// URLs.
        ...(/^ldaps:/i.test(this.options.url) ? { tlsOptions } : {}),
        autoRebind: true,
        strictDN: false,
      });
    } catch (error) {
      throw directoryErrors.create('PCMIG-DIR-001', { message: `'${this.options.url}' is not an LDAP URL.`, target: this.options.url, cause: error });
    }
    try {
      if (tls?.startTls) await client.startTLS(tlsOptions);
      await client.bind(this.options.bindDn, this.options.password);
    } catch (error) {
      await client.unbind().catch(() => undefined);
      throw this.fail(error, 'bind');
    }
    try {
      const result = await client.search('', { scope: 'base', filter: '(objectClass=*)', attributes: ['supportedCapabilities', 'namingContexts'] });
      const dse = result.searchEntries[0];
      this.rootDse = {
        activeDirectory: asStrings(dse?.supportedCapabilities).includes(AD_CAPABILITY),
        namingContexts: asStrings(dse?.namingContexts),
      };
    } catch {
      // A server that hides its root DSE is treated as generic LDAP.
      this.rootDse = { activeDirectory: false, namingContexts: [] };
    }
    this.client = client;
    return client;
  }

  /**
   * Active Directory keeps a deleted object as a tombstone; reanimating it (isDeleted removed,
   * the old DN written back, under the Show Deleted control) restores its objectGUID, objectSid
   * and password. Attributes the tombstone dropped are then written back from the snapshot.
   */
  private async reanimate(snapshot: DirectoryEntry): Promise<DirectoryEntry | null> {
    const client = await this.connection();
    const showDeleted = new Control(SHOW_DELETED_CONTROL, { critical: true });
    const namingContext = (this.rootDse?.namingContexts ?? [])
      .filter((nc) => isWithinDn(snapshot.dn, nc))
      .sort((a, b) => normalizeDn(b).length - normalizeDn(a).length)[0];
    if (!namingContext) return null;
    let tombstoneDn: string | undefined;
    try {
      const found = await client.search(
        namingContext,
        { scope: 'sub', filter: `(&(isDeleted=TRUE)(objectGUID=${escapeBinaryFilterValue(adGuidToBytes(snapshot.guid!))}))`, attributes: ['distinguishedName'] },
        showDeleted,
      );
      tombstoneDn = found.searchEntries[0]?.dn;
    } catch (error) {
      throw this.fail(error, 'restore', snapshot.dn);
    }
    if (!tombstoneDn) return null;
    try {
      await client.modify(
        tombstoneDn,
        [
          new Change({ operation: 'delete', modification: new Attribute({ type: 'isDeleted' }) }),
          new Change({ operation: 'replace', modification: new Attribute({ type: 'distinguishedName', values: [snapshot.dn] }) }),
        ],
        showDeleted,
      );
    } catch (error) {
      throw this.fail(error, 'restore', snapshot.dn);
    }
    const current = await this.read(snapshot.dn);
    if (!current) return null;
    const changes: Change[] = [];
    const wanted = withoutBackLinks(snapshot.attributes);
    for (const difference of diffAttributes(wanted, withoutBackLinks(current.attributes))) {
      if (difference.attribute.toLowerCase() === 'objectclass' || difference.attribute.toLowerCase() === 'cn') continue;
      changes.push(
        difference.expected.length === 0
          ? new Change({ operation: 'delete', modification: new Attribute({ type: difference.attribute }) })
          : new Change({ operation: 'replace', modification: new Attribute({ type: difference.attribute, values: difference.expected }) }),
      );
    }
    if (changes.length > 0) {
      try {
        await client.modify(snapshot.dn, changes);
      } catch (error) {
        throw this.fail(error, 'restore', snapshot.dn);
      }
    }
    const missingGroups = attributeValues(snapshot.attributes, LyncAttribute.memberOf).filter(
      (group) => !attributeValues(current.attributes, LyncAttribute.memberOf).some((have) => normalizeDn(have) === normalizeDn(group)),
    );
    await this.addToGroups(snapshot.dn, missingGroups);
    return this.read(snapshot.dn);
  }

  private async addToGroups(dn: string, groups: readonly string[]): Promise<void> {
    const client = await this.connection();
    for (const group of groups) {
      try {
        await client.modify(group, new Change({ operation: 'add', modification: new Attribute({ type: LyncAttribute.member, values: [dn] }) }));
      } catch (error) {
        if (ldapResultCode(error) !== LDAP_ATTRIBUTE_OR_VALUE_EXISTS) throw this.fail(error, 'modify', group);
      }
    }
  }

  private fail(error: unknown, operation: LdapFailureContext['operation'], dn?: string): Error {
    return toDirectoryError(error, { operation, server: this.options.url, ...(dn !== undefined ? { dn } : {}) });
  }
}

function asStrings(value: Entry[string] | undefined): string[] {
  if (value === undefined) return [];
  const values = Array.isArray(value) ? value : [value];
  return values.map((v) => (Buffer.isBuffer(v) ? v.toString('utf8') : String(v)));
}

function toDirectoryEntry(entry: Entry): DirectoryEntry {
  const attributes: Record<string, string[]> = {};
  const binaryAttributes: Record<string, string[]> = {};
  let guid: string | null = null;
  const binary = new Set(BINARY_ATTRIBUTES.map((name) => name.toLowerCase()));
  for (const [name, raw] of Object.entries(entry)) {
    if (name === 'dn') continue;
    const values = (Array.isArray(raw) ? raw : [raw]) as (Buffer | string)[];
    const lower = name.toLowerCase();
    if (lower === 'objectguid' && Buffer.isBuffer(values[0]) && values[0].length === 16) guid = adGuidToString(values[0]);
    else if (lower === 'entryuuid' && guid === null) guid = String(values[0]);
    if (SERVER_ASSIGNED_ATTRIBUTES.has(lower) || values.length === 0) continue;
    if (binary.has(lower)) binaryAttributes[name] = values.map((v) => (Buffer.isBuffer(v) ? v : Buffer.from(v, 'utf8')).toString('base64'));
    else attributes[name] = values.map((v) => (Buffer.isBuffer(v) ? v.toString('utf8') : v));
  }
  return { dn: entry.dn, guid, attributes, ...(Object.keys(binaryAttributes).length > 0 ? { binaryAttributes } : {}) };
}

function toLdapAttributes(entry: NewDirectoryEntry): Attribute[] {
  const attributes: Attribute[] = [];
  for (const [name, values] of Object.entries(entry.attributes)) {
    const lower = name.toLowerCase();
    if (SERVER_ASSIGNED_ATTRIBUTES.has(lower) || lower === LyncAttribute.memberOf.toLowerCase() || values.length === 0) continue;
    attributes.push(new Attribute({ type: name, values: [...values] }));
  }
  for (const [name, values] of Object.entries(entry.binaryAttributes ?? {})) {
    if (SERVER_ASSIGNED_ATTRIBUTES.has(name.toLowerCase()) || values.length === 0) continue;
    attributes.push(new Attribute({ type: name, values: values.map((value) => Buffer.from(value, 'base64')) }));
  }
  return attributes;
}

function withoutBackLinks(map: AttributeMap): AttributeMap {
  return Object.fromEntries(Object.entries(map).filter(([name]) => name.toLowerCase() !== LyncAttribute.memberOf.toLowerCase()));
}
