import fs from 'node:fs';
import path from 'node:path';
import { createDeployment, newPersistentChatEndpoint, stopPoolServices } from '@pcmig/endpoint';

/**
 * The deployment the endpoint, lookup-move and decommissioning cmdlets (and their help examples)
 * run against: the state after step 7 of the migration procedure, in a folder named litwareinc.
 * A Lync Server 2010 Group Chat pool whose services were recorded as stopped (one history event)
 * with its Lookup Server account sip:ocschat@litwareinc.com, its trusted application pool and
 * application; a Persistent Chat pool (services running) with one endpoint; SQLite pool
 * databases and the embedded directory.
 */
export const DEPLOYMENT_FIXTURE = {
  folderName: 'litwareinc',
  forestDn: 'DC=litwareinc,DC=com',
  legacyPool: 'atl-gc-001.litwareinc.com',
  pcPool: 'atl-pc-001.litwareinc.com',
  lookupUri: 'sip:ocschat@litwareinc.com',
  lookupUserDn: 'CN=ocschat,CN=Users,DC=litwareinc,DC=com',
  lookupDisplayName: 'Group Chat Lookup Service',
  endpointUri: 'sip:pchat@litwareinc.com',
  endpointDisplayName: 'Persistent Chat',
  groupChatApplication: 'atl-gc-001.litwareinc.com/urn:application:groupchat',
  trustedPool: 'TrustedApplicationPool:atl-gc-001.litwareinc.com',
  registrar: 'atl-cs-001.litwareinc.com',
  user: 'sip:kenmyer@litwareinc.com',
} as const;

/** Builds the fixture deployment in `folder` (which must not hold one yet). */
export async function buildDeployment(folder: string): Promise<string> {
  const f = DEPLOYMENT_FIXTURE;
  const deployment = await createDeployment(
    folder,
    {
      name: 'Litware rehearsal',
      forestDn: f.forestDn,
      sipDomains: ['litwareinc.com'],
      pools: [
        { fqdn: f.legacyPool, kind: 'lync2010', database: { instance: 'pools/gc.db' }, fileStore: 'filestore-legacy' },
        { fqdn: f.pcPool, kind: 'pc2013', database: { instance: 'pools/pc.db' }, fileStore: 'filestore-pc' },
      ],
      trustedApplicationPools: [{ fqdn: f.legacyPool, registrar: f.registrar, site: 'Redmond', computers: ['atl-gc-001a.litwareinc.com'] }],
      trustedApplications: [{ applicationId: 'groupchat', pool: f.legacyPool, port: 5041 }],
    },
    { createPoolDatabases: true, users: [{ sipAddress: f.user, displayName: 'Ken Myer', homePoolFqdn: f.pcPool }] },
  );
  try {
    await stopPoolServices({ deployment, poolFqdn: f.legacyPool });
    await newPersistentChatEndpoint({ deployment, sipAddress: f.endpointUri, persistentChatPoolFqdn: f.pcPool, displayName: f.endpointDisplayName });
  } finally {
    await deployment.close();
  }
  return folder;
}

/** Replaces `folder` with a fresh copy of a built fixture (every file of a deployment is relative to its folder). */
export function copyDeployment(template: string, folder: string): string {
  fs.rmSync(folder, { recursive: true, force: true });
  fs.cpSync(template, folder, { recursive: true });
  return folder;
}

/** A fixture template beside `dir`'s test folders, built once per test file. */
export async function buildDeploymentTemplate(dir: string): Promise<string> {
  return buildDeployment(path.join(dir, '.deployment-template'));
}
