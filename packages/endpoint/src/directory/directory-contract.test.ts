import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isPcmigError } from '@pcmig/core';
import { normalizeDn } from '../ldap/distinguished-name.js';
import { startSlapd, type SlapdServer } from '../test-support/slapd.js';
import { diffAttributes, type Directory } from './directory.js';
import { EmbeddedDirectory } from './embedded-directory.js';
import { LdapDirectory } from './ldap-directory.js';
import { provisionDirectory } from './provision-directory.js';

async function expectError(promise: Promise<unknown>, id: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    expect(isPcmigError(error) ? error.id : String(error)).toBe(id);
    return;
  }
  throw new Error(`expected ${id}`);
}

let slapd: SlapdServer;
let forest = 0;
beforeAll(async () => {
  slapd = await startSlapd();
});
afterAll(async () => {
  await slapd?.dispose();
});

describe.each(['embedded', 'ldap'] as const)('Directory contract: %s', (kind) => {
  let directory: Directory;
  let forestDn: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    forest++;
    if (kind === 'embedded') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-dir-'));
      directory = await EmbeddedDirectory.create(path.join(dir, 'directory.json'));
      forestDn = 'DC=contoso,DC=com';
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    } else {
      directory = new LdapDirectory({ url: slapd.url, bindDn: slapd.adminDn, password: slapd.adminPassword });
      forestDn = `DC=c${forest},${slapd.suffix}`;
      cleanup = () => directory.close();
    }
    await provisionDirectory(directory, forestDn);
  });
  afterEach(async () => cleanup());

  const user = (cn: string, sip: string, extra: Record<string, string[]> = {}) => ({
    dn: `CN=${cn},CN=Users,${forestDn}`,
    attributes: { objectClass: ['top', 'user'], cn: [cn], displayName: [`${cn} display`], 'msRTCSIP-PrimaryUserAddress': [sip], 'msRTCSIP-UserEnabled': ['TRUE'], ...extra },
  });

  it('adds, reads back every attribute with an identity, and reads a missing entry as null', async () => {
    const added = await directory.add(user('alice', 'sip:alice@contoso.com', { mail: ['alice@contoso.com'], description: ['line 1', 'line 2'] }));
    expect(added.guid).toMatch(/^[0-9a-f-]{36}$/);
    const read = await directory.read(`cn=ALICE,cn=users,${forestDn.toLowerCase()}`);
    expect(read?.guid).toBe(added.guid);
    expect(diffAttributes(user('alice', 'sip:alice@contoso.com', { mail: ['alice@contoso.com'], description: ['line 1', 'line 2'] }).attributes, read!.attributes)).toEqual([]);
    expect(await directory.read(`CN=nobody,CN=Users,${forestDn}`)).toBeNull();
  });

  it('refuses a duplicate DN (PCMIG-DIR-005) and a missing parent (PCMIG-DIR-006)', async () => {
    await directory.add(user('bob', 'sip:bob@contoso.com'));
    await expectError(directory.add(user('bob', 'sip:bob2@contoso.com')), 'PCMIG-DIR-005');
    await expectError(
      directory.add({ dn: `CN=x,CN=Nowhere,${forestDn}`, attributes: { objectClass: ['top', 'contact'], cn: ['x'] } }),
      'PCMIG-DIR-006',
    );
  });

  it('deletes leaves only (PCMIG-DIR-011) and reports a missing entry (PCMIG-DIR-004)', async () => {
    await expectError(directory.delete(`CN=Configuration,${forestDn}`), 'PCMIG-DIR-011');
    await expectError(directory.delete(`CN=ghost,CN=Users,${forestDn}`), 'PCMIG-DIR-004');
    await directory.add(user('carol', 'sip:carol@contoso.com'));
    await directory.delete(`CN=carol,CN=Users,${forestDn}`);
    expect(await directory.read(`CN=carol,CN=Users,${forestDn}`)).toBeNull();
  });

  it('searches by equality case-insensitively, by scope and object class, and never lets a value widen the filter', async () => {
    await directory.add(user('dave', 'sip:Dave@Contoso.com'));
    await directory.add(user('erin', 'sip:erin@contoso.com'));
    await directory.add({
      dn: `CN={0b1c},CN=Application Contacts,CN=RTC Service,CN=Services,CN=Configuration,${forestDn}`,
      attributes: { objectClass: ['top', 'contact'], cn: ['{0b1c}'], 'msRTCSIP-PrimaryUserAddress': ['sip:dave@contoso.com'] },
    });
    const byAddress = await directory.search({ base: forestDn, scope: 'sub', equals: { 'msRTCSIP-PrimaryUserAddress': 'SIP:DAVE@contoso.COM' } });
    expect(byAddress.map((e) => e.dn.toLowerCase()).sort()).toEqual(
      [`cn={0b1c},cn=application contacts,cn=rtc service,cn=services,cn=configuration,${forestDn}`, `cn=dave,cn=users,${forestDn}`].map((dn) => dn.toLowerCase()).sort(),
    );
    expect(await directory.search({ base: forestDn, scope: 'sub', objectClasses: ['contact'], equals: { 'msRTCSIP-PrimaryUserAddress': 'sip:dave@contoso.com' } })).toHaveLength(1);
    expect(await directory.search({ base: `CN=Users,${forestDn}`, scope: 'one', objectClasses: ['user'] })).toHaveLength(2);
    expect(await directory.search({ base: forestDn, scope: 'one', objectClasses: ['user'] })).toHaveLength(0);
    expect(await directory.search({ base: `CN=Users,${forestDn}`, scope: 'base' })).toHaveLength(1);
    for (const hostile of ['*', 'sip:*', '*)(objectClass=*', 'sip:dave@contoso.com)(|(cn=*']) {
      expect(await directory.search({ base: forestDn, scope: 'sub', equals: { 'msRTCSIP-PrimaryUserAddress': hostile } })).toEqual([]);
    }
    expect(await directory.search({ base: `CN=Missing,${forestDn}`, scope: 'sub' })).toEqual([]);
  });

  it('handles RFC 4514 special characters in names', async () => {
    const cn = 'Smith, John + "Jr" <ops>; #1 ';
    const dn = `CN=${cn.replace(/([,+"<>;\\])/g, '\\$1').replace(/ $/, '\\ ')},CN=Users,${forestDn}`;
    await directory.add({ dn, attributes: { objectClass: ['top', 'user'], cn: [cn], 'msRTCSIP-PrimaryUserAddress': ['sip:john@contoso.com'] } });
    const found = await directory.search({ base: forestDn, scope: 'sub', equals: { 'msRTCSIP-PrimaryUserAddress': 'sip:john@contoso.com' } });
    expect(found).toHaveLength(1);
    const read = await directory.read(found[0]!.dn);
    expect(read?.attributes.cn).toEqual([cn]);
    await directory.delete(found[0]!.dn);
    expect(await directory.read(dn)).toBeNull();
  });

  it('restores a deleted entry with every attribute and its group membership', async () => {
    const groupDn = `CN=Service Accounts,CN=Users,${forestDn}`;
    const userDn = `CN=svc,CN=Users,${forestDn}`;
    if (kind === 'ldap') await directory.add({ dn: groupDn, attributes: { objectClass: ['top', 'group'], cn: ['Service Accounts'] } });
    await directory.add(user('svc', 'sip:svc@contoso.com', { mail: ['svc@contoso.com'], 'msRTCSIP-OptionFlags': ['257'], ...(kind === 'embedded' ? { memberOf: [groupDn] } : {}) }));
    if (kind === 'ldap') {
      const { Client, Change, Attribute } = await import('ldapts');
      const client = new Client({ url: slapd.url });
      await client.bind(slapd.adminDn, slapd.adminPassword);
      await client.modify(groupDn, new Change({ operation: 'add', modification: new Attribute({ type: 'member', values: [userDn] }) }));
      await client.unbind();
    }
    const snapshot = (await directory.read(userDn))!;
    expect(snapshot.attributes.memberOf ?? snapshot.attributes.memberof).toHaveLength(1);
    await directory.delete(userDn);
    if (kind === 'ldap') expect((await directory.read(groupDn))!.attributes.member).toBeUndefined();

    const outcome = await directory.restore(snapshot);
    expect(diffAttributes(snapshot.attributes, outcome.entry.attributes)).toEqual([]);
    expect(diffAttributes(snapshot.attributes, (await directory.read(userDn))!.attributes)).toEqual([]);
    if (kind === 'embedded') {
      expect(outcome).toMatchObject({ identityPreserved: true, method: 'embedded' });
      expect(outcome.entry.guid).toBe(snapshot.guid);
    } else {
      // OpenLDAP keeps no tombstones: the entry is re-added, with a new entryUUID.
      expect(outcome).toMatchObject({ identityPreserved: false, method: 're-added' });
      expect((await directory.read(groupDn))!.attributes.member?.map(normalizeDn)).toEqual([normalizeDn(userDn)]);
    }
  });
});
