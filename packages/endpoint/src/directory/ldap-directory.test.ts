import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPersistentChatEndpoint } from '../engine/get-endpoint.js';
import { moveLookupUri } from '../engine/move-lookup-uri.js';
import { newPersistentChatEndpoint } from '../engine/new-endpoint.js';
import { expectPcmigError } from '../test-support/for-each-directory.js';
import { startSlapd, type SlapdServer } from '../test-support/slapd.js';
import { LDAP_PASSWORD_ENV, LOOKUP_URI, makeTestDeployment, PC_POOL } from '../test-support/test-deployment.js';
import { applicationContactsDn } from './lync-attributes.js';
import { LdapDirectory } from './ldap-directory.js';

let slapd: SlapdServer;
beforeAll(async () => {
  slapd = await startSlapd();
});
afterAll(async () => {
  await slapd?.dispose();
});

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('LdapDirectory against slapd', () => {
  it('reports an unreachable server (PCMIG-DIR-001)', async () => {
    const directory = new LdapDirectory({ url: `ldap://127.0.0.1:${await closedPort()}`, bindDn: slapd.adminDn, password: 'x', connectTimeoutMs: 2_000 });
    const error = await expectPcmigError(directory.read(slapd.suffix), 'PCMIG-DIR-001');
    expect(error.cause).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('reports refused credentials (PCMIG-DIR-002) without the password, through a deployment too', async () => {
    const directory = new LdapDirectory({ url: slapd.url, bindDn: slapd.adminDn, password: 'Wrong-Password-42' });
    const error = await expectPcmigError(directory.connect(), 'PCMIG-DIR-002');
    expect(JSON.stringify(error.toRecord())).not.toContain('Wrong-Password-42');

    const test = await makeTestDeployment('ldap', slapd);
    try {
      process.env[LDAP_PASSWORD_ENV] = 'Wrong-Password-42';
      await expectPcmigError(getPersistentChatEndpoint({ deployment: test.folder }), 'PCMIG-DIR-002');
    } finally {
      delete process.env[LDAP_PASSWORD_ENV];
      await test.dispose();
    }
  });

  it('reports a write refused for lack of rights (PCMIG-DIR-003), and an anonymous write (PCMIG-DIR-010)', async () => {
    const reader = new LdapDirectory({ url: slapd.url, bindDn: slapd.readerDn, password: slapd.readerPassword });
    const entry = { dn: `cn=intruder,${slapd.suffix}`, attributes: { objectClass: ['top', 'container'], cn: ['intruder'] } };
    expect(await reader.read(slapd.suffix)).not.toBeNull();
    const error = await expectPcmigError(reader.add(entry), 'PCMIG-DIR-003');
    expect(error.shortMessage).toContain('cn=intruder');
    await reader.close();
    const anonymous = new LdapDirectory({ url: slapd.url, bindDn: '', password: '' });
    const refused = await expectPcmigError(anonymous.add(entry), 'PCMIG-DIR-010');
    expect(refused.hint).toContain('bindDn');
    await anonymous.close();
  });

  it('says to run forest preparation when CN=Application Contacts is missing (PCMIG-DIR-006)', async () => {
    const test = await makeTestDeployment('ldap', slapd);
    try {
      await test.deployment.directory.delete(applicationContactsDn(test.forestDn));
      const error = await expectPcmigError(newPersistentChatEndpoint({ deployment: test.deployment, sipAddress: 'sip:pchat@contoso.com', persistentChatPoolFqdn: PC_POOL }), 'PCMIG-DIR-006');
      expect(error.hint).toContain('forest preparation');
    } finally {
      await test.dispose();
    }
  });

  it('writes an endpoint that an independent LDAP client (ldapsearch) sees as Lync would', async () => {
    const test = await makeTestDeployment('ldap', slapd);
    try {
      const result = await moveLookupUri({ deployment: test.deployment });
      const passwordFile = path.join(test.folder, 'ldap-password');
      fs.writeFileSync(passwordFile, slapd.adminPassword, { mode: 0o600 });
      const search = spawnSync(
        'ldapsearch',
        ['-LLL', '-o', 'ldif-wrap=no', '-x', '-H', slapd.url, '-D', slapd.adminDn, '-y', passwordFile, '-b', applicationContactsDn(test.forestDn), `(msRTCSIP-PrimaryUserAddress=${LOOKUP_URI})`],
        { encoding: 'utf8' },
      );
      expect(search.error, 'ldapsearch (Debian package ldap-utils) must be installed').toBeUndefined();
      expect(search.status, search.stderr).toBe(0);
      expect(search.stdout).toContain(`dn: ${result.endpoint.identity}`);
      expect(search.stdout).toMatch(/objectClass: contact/);
      expect(search.stdout).toContain('msRTCSIP-UserEnabled: TRUE');
      expect(search.stdout).toContain('msRTCSIP-OwnerUrn: urn:application:persistentchat');
      expect(search.stdout).toMatch(/cn: \{[0-9a-f-]{36}\}/);
    } finally {
      await test.dispose();
    }
  });
});
