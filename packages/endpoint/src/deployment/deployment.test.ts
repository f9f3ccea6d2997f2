import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { detectPoolSchema, openPool } from '@pcmig/core';
import { afterEach, describe, expect, it } from 'vitest';
import { expectPcmigError } from '../test-support/for-each-directory.js';
import { getPersistentChatEndpoint } from '../engine/get-endpoint.js';
import { getPersistentChatPool } from '../engine/pool-services.js';
import { createDeployment, SEEDED_LOOKUP_DISPLAY_NAME } from './create-deployment.js';
import type { DeploymentDefinitionInput } from './deployment-schema.js';
import { DEPLOYMENT_ENV, openDeployment } from './open-deployment.js';

const folders: string[] = [];
function tempFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-depl-'));
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

const minimal: DeploymentDefinitionInput = {
  forestDn: 'DC=contoso,DC=com',
  sipDomains: ['contoso.com'],
  pools: [
    { fqdn: 'gc.contoso.com', kind: 'ocs2007r2', database: { instance: 'db/gc.db' } },
    { fqdn: 'pchat.contoso.com', kind: 'pc2013', database: { instance: 'sql01.contoso.com\\rtc', name: 'mgc' } },
  ],
};

function writeDefinition(folder: string, content: unknown): void {
  fs.writeFileSync(path.join(folder, 'deployment.json'), typeof content === 'string' ? content : JSON.stringify(content));
}

describe('createDeployment', () => {
  it('writes deployment.json with its defaults, the embedded directory with the Lookup accounts, and the topology state', async () => {
    const folder = path.join(tempFolder(), 'new-deployment');
    const deployment = await createDeployment(folder, minimal);
    const written = JSON.parse(fs.readFileSync(path.join(folder, 'deployment.json'), 'utf8'));
    expect(written).toMatchObject({
      version: 1,
      directory: { kind: 'embedded', file: 'directory.json' },
      topology: { kind: 'embedded', file: 'topology.json' },
      trustedApplicationPools: [],
      pools: [{ services: 'running' }, { services: 'running' }],
    });
    expect(fs.existsSync(path.join(folder, 'directory.json'))).toBe(true);
    expect(fs.existsSync(path.join(folder, 'topology.json'))).toBe(true);
    const lookup = await deployment.directory.search({ base: 'DC=contoso,DC=com', scope: 'sub', equals: { 'msRTCSIP-PrimaryUserAddress': 'sip:ocschat@contoso.com' } });
    expect(lookup.map((entry) => [entry.dn, entry.attributes.displayName])).toEqual([['CN=ocschat,CN=Users,DC=contoso,DC=com', [SEEDED_LOOKUP_DISPLAY_NAME]]]);
    const pools = await getPersistentChatPool({ deployment });
    expect(pools[0]!.dbInstance).toBe(path.join(folder, 'db/gc.db'));
    expect(pools[1]).toMatchObject({ dbInstance: 'sql01.contoso.com\\rtc', dbName: 'mgc', databaseDescription: 'mssql:sql01.contoso.com\\rtc/mgc' });
    await expectPcmigError(createDeployment(folder, minimal), 'PCMIG-DEPL-009');
  });

  it('creates the SQLite pool databases with the schema of each pool\'s kind when asked', async () => {
    const folder = tempFolder();
    const deployment = await createDeployment(folder, { ...minimal, pools: [minimal.pools[0]!, { fqdn: 'pchat.contoso.com', kind: 'pc2013', database: { instance: 'pchat.db' } }] }, { createPoolDatabases: true });
    for (const [pool, flavour] of [
      ['gc.contoso.com', 'ocs2007r2'],
      ['pchat.contoso.com', 'pc2013'],
    ] as const) {
      const [described] = await getPersistentChatPool({ deployment, identity: pool });
      const database = await openPool({ dbInstance: described!.dbInstance, access: 'read' });
      expect((await detectPoolSchema(database.connection)).flavour).toBe(flavour);
      await database.close();
    }
  });

  it('seeds many users in one write, homed on the named pools', async () => {
    const folder = tempFolder();
    const users = Array.from({ length: 400 }, (_, i) => ({ sipAddress: `sip:user${i}@contoso.com`, displayName: `User ${i}`, homePoolFqdn: 'pchat.contoso.com' }));
    const deployment = await createDeployment(folder, minimal, { users });
    const found = await deployment.directory.search({ base: 'CN=Users,DC=contoso,DC=com', scope: 'one', objectClasses: ['user'] });
    expect(found).toHaveLength(401);
    const [pchat] = await getPersistentChatPool({ deployment, identity: 'pchat.contoso.com' });
    expect(found.find((entry) => entry.attributes.cn?.[0] === 'user7')?.attributes['msRTCSIP-PrimaryHomeServer']).toEqual([pchat!.homeServerDn]);
    await expectPcmigError(createDeployment(tempFolder(), minimal, { users: [{ sipAddress: 'sip:x@contoso.com', homePoolFqdn: 'nowhere.contoso.com' }] }), 'PCMIG-DEPL-005');
  });

  it('refuses an invalid definition and leaves no deployment behind', async () => {
    const folder = tempFolder();
    const error = await expectPcmigError(
      createDeployment(folder, { ...minimal, sipDomains: [], pools: [{ fqdn: 'pc', kind: 'pc2013', database: { instance: 'x.db' }, lookupSipAddress: 'sip:a@contoso.com' }] }),
      'PCMIG-DEPL-005',
    );
    expect((error.reason as { issues: { path: string }[] }).issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(['sipDomains', 'pools.0.fqdn']));
    expect(fs.readdirSync(folder)).toEqual([]);
  });
});

describe('openDeployment', () => {
  it('falls back to PCMIG_DEPLOYMENT and explains when neither is given (PCMIG-DEPL-001)', async () => {
    const folder = tempFolder();
    await createDeployment(folder, minimal);
    const deployment = await openDeployment(undefined, { env: { [DEPLOYMENT_ENV]: folder } });
    expect(deployment.folder).toBe(path.resolve(folder));
    await expectPcmigError(openDeployment(undefined, { env: {} }), 'PCMIG-DEPL-001');
    await expectPcmigError(openDeployment('  ', { env: {} }), 'PCMIG-DEPL-001');
  });

  it('reports a missing folder (002), a missing deployment.json (003) and invalid JSON with its position (004)', async () => {
    const folder = tempFolder();
    await expectPcmigError(openDeployment(path.join(folder, 'nope')), 'PCMIG-DEPL-002');
    await expectPcmigError(openDeployment(folder), 'PCMIG-DEPL-003');
    writeDefinition(folder, '{ "forestDn": "DC=x", }');
    const error = await expectPcmigError(openDeployment(folder), 'PCMIG-DEPL-004');
    expect(error.shortMessage).toMatch(/position|column/i);
  });

  it('lists every schema problem with its path (PCMIG-DEPL-005)', async () => {
    const folder = tempFolder();
    writeDefinition(folder, {
      ...minimal,
      forestDn: 'not a dn',
      sipDomains: ['contoso.com'],
      pools: [
        { fqdn: 'gc.contoso.com', kind: 'lync2010', database: { instance: 'gc.db' }, lookupSipAddress: 'sip:ocschat@fabrikam.com' },
        { fqdn: 'gc.contoso.com', kind: 'pc2014', database: { instance: 'x.db' } },
      ],
      trustedApplications: [{ applicationId: 'groupchat', pool: 'tap.contoso.com' }],
      surprise: true,
    });
    const error = await expectPcmigError(openDeployment(folder), 'PCMIG-DEPL-005');
    const paths = (error.reason as { issues: { path: string }[] }).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['forestDn', 'pools.1.kind', '(root)']));
  });

  it('reports cross-field problems: duplicate pools, lookup URIs outside the SIP domains, unknown trusted pools', async () => {
    const folder = tempFolder();
    writeDefinition(folder, {
      ...minimal,
      pools: [
        { fqdn: 'gc.contoso.com', kind: 'lync2010', database: { instance: 'gc.db' }, lookupSipAddress: 'sip:ocschat@fabrikam.com' },
        { fqdn: 'GC.contoso.com', kind: 'pc2013', database: { instance: 'x.db' }, lookupSipAddress: 'sip:x@contoso.com' },
      ],
      trustedApplications: [{ applicationId: 'groupchat', pool: 'tap.contoso.com' }],
    });
    const error = await expectPcmigError(openDeployment(folder), 'PCMIG-DEPL-005');
    expect(error.shortMessage).toContain('listed twice');
    expect(error.shortMessage).toContain('fabrikam.com is not one of sipDomains');
    expect(error.shortMessage).toContain('Only legacy Group Chat pools');
    expect(error.shortMessage).toContain('tap.contoso.com is not a trusted application pool');
  });

  it('refuses a password in deployment.json (PCMIG-DEPL-006) without echoing it', async () => {
    const folder = tempFolder();
    writeDefinition(folder, { ...minimal, directory: { kind: 'ldap', url: 'ldap://dc1', bindDn: 'CN=svc', passwordEnv: 'P', password: 'Secret-123' } });
    const error = await expectPcmigError(openDeployment(folder), 'PCMIG-DEPL-006');
    expect(JSON.stringify(error.toRecord())).not.toContain('Secret-123');
    expect(error.reason).toEqual({ paths: ['directory.password'] });
  });

  it('needs the password variable set (PCMIG-DEPL-007) and warns when LDAP would send it unencrypted', async () => {
    const folder = tempFolder();
    writeDefinition(folder, { ...minimal, directory: { kind: 'ldap', url: 'ldap://dc1.contoso.com', bindDn: 'CN=svc,DC=contoso,DC=com', passwordEnv: 'PCMIG_LDAP_PASSWORD' } });
    await expectPcmigError(openDeployment(folder, { env: {} }), 'PCMIG-DEPL-007');
    const deployment = await openDeployment(folder, { env: { PCMIG_LDAP_PASSWORD: 'Secret-123' } });
    expect(deployment.warnings.join(' ')).toContain('unencrypted');
    expect(JSON.stringify(deployment.definition)).not.toContain('Secret-123');
    expect(deployment.directory.description).not.toContain('Secret-123');
    await deployment.close();
  });

  it.each(['../outside.json', '/etc/passwd', 'C:\\Windows\\x.json', 'a/../../b.json'])('refuses directory.file %s outside the folder (PCMIG-DEPL-008)', async (file) => {
    const folder = tempFolder();
    writeDefinition(folder, { ...minimal, directory: { kind: 'embedded', file } });
    await expectPcmigError(openDeployment(folder), 'PCMIG-DEPL-008');
  });

  it('refuses an unparseable pool database (PCMIG-DEPL-010) and a missing embedded directory (PCMIG-DIR-013)', async () => {
    const folder = tempFolder();
    writeDefinition(folder, { ...minimal, pools: [{ fqdn: 'pchat.contoso.com', kind: 'pc2013', database: { instance: 'host\\bad instance!' } }] });
    const error = await expectPcmigError(openDeployment(folder), 'PCMIG-DEPL-010');
    expect(error.cause).toMatchObject({ id: 'PCMIG-DB-001' });
    writeDefinition(folder, minimal);
    await expectPcmigError(openDeployment(folder), 'PCMIG-DIR-013');
  });

  it('starts the topology state of a hand-written deployment on first use', async () => {
    const folder = tempFolder();
    await createDeployment(folder, minimal);
    fs.rmSync(path.join(folder, 'topology.json'));
    const deployment = await openDeployment(folder);
    expect(fs.existsSync(path.join(folder, 'topology.json'))).toBe(true);
    expect((await getPersistentChatEndpoint({ deployment })).endpoints).toEqual([]);
  });
});
