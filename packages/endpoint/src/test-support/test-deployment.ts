import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDeployment } from '../deployment/create-deployment.js';
import type { Deployment } from '../deployment/deployment.js';
import type { DeploymentDefinitionInput } from '../deployment/deployment-schema.js';
import { provisionDirectory } from '../directory/provision-directory.js';
import { defaultHomeServerDn } from '../directory/lync-attributes.js';
import type { SlapdServer } from './slapd.js';

export type DirectoryKind = 'embedded' | 'ldap';
export const LDAP_PASSWORD_ENV = 'PCMIG_TEST_LDAP_PASSWORD';

export const LEGACY_POOL = 'gc.contoso.com';
export const PC_POOL = 'pchat.contoso.com';
export const LOOKUP_URI = 'sip:ocschat@contoso.com';
export const LOOKUP_DISPLAY_NAME = 'Group Chat Lookup';
export const LOOKUP_GROUP = 'Chat Service Accounts';

export interface TestDeployment {
  readonly deployment: Deployment;
  readonly folder: string;
  readonly forestDn: string;
  readonly lookupUserDn: string;
  readonly env: Record<string, string>;
  dispose(): Promise<void>;
}

let forestCounter = 0;

/**
 * A deployment with a Lync 2010 Group Chat pool (services stopped), a Persistent Chat pool, the
 * Group Chat trusted application pool and applications, and the Lookup Server account
 * ocschat@contoso.com with a full set of attributes and a group membership — on the embedded
 * directory, or on its own forest below the test slapd's suffix.
 */
export async function makeTestDeployment(
  kind: DirectoryKind,
  slapd: SlapdServer | undefined,
  adjust: (definition: DeploymentDefinitionInput) => DeploymentDefinitionInput = (d) => d,
  options: { createPoolDatabases?: boolean } = {},
): Promise<TestDeployment> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-deployment-'));
  forestCounter++;
  const forestDn = kind === 'ldap' ? `DC=f${forestCounter}-${process.pid},${slapd!.suffix}` : 'DC=contoso,DC=com';
  const env: Record<string, string> = kind === 'ldap' ? { [LDAP_PASSWORD_ENV]: slapd!.adminPassword } : {};
  const definition = adjust({
    name: 'Contoso rehearsal',
    forestDn,
    sipDomains: ['contoso.com', 'contoso.org'],
    pools: [
      { fqdn: LEGACY_POOL, kind: 'lync2010', database: { instance: 'gc.db' }, fileStore: '\\\\fs.contoso.com\\gcfiles', services: 'stopped' },
      { fqdn: PC_POOL, kind: 'pc2013', database: { instance: 'pchat.db' }, fileStore: '\\\\fs.contoso.com\\pcfiles' },
    ],
    trustedApplicationPools: [{ fqdn: LEGACY_POOL, registrar: 'fe.contoso.com', site: 'Redmond', computers: ['gc1.contoso.com'] }],
    trustedApplications: [
      { applicationId: 'urn:application:groupchat', pool: LEGACY_POOL, port: 5041 },
      { applicationId: 'groupchatcompliance', pool: LEGACY_POOL, port: 5042 },
    ],
    directory: kind === 'ldap' ? { kind: 'ldap', url: slapd!.url, bindDn: slapd!.adminDn, passwordEnv: LDAP_PASSWORD_ENV } : { kind: 'embedded' },
  });
  const deployment = await createDeployment(folder, definition, { env, seedLookupAccounts: false, ...(options.createPoolDatabases ? { createPoolDatabases: true } : {}) });
  const usersDn = `CN=Users,${forestDn}`;
  const lookupUserDn = `CN=ocschat,${usersDn}`;
  await provisionDirectory(deployment.directory, forestDn);
  const groupDn = `CN=${LOOKUP_GROUP},${usersDn}`;
  if (kind === 'ldap') await deployment.directory.add({ dn: groupDn, attributes: { objectClass: ['top', 'group'], cn: [LOOKUP_GROUP] } });
  await provisionDirectory(deployment.directory, forestDn, [
    {
      sipAddress: LOOKUP_URI,
      displayName: LOOKUP_DISPLAY_NAME,
      samAccountName: 'ocschat',
      homeServerDn: defaultHomeServerDn(LEGACY_POOL, forestDn),
      attributes: {
        description: ['Lookup Server account of the Group Chat pool'],
        mail: ['ocschat@contoso.com'],
        telephoneNumber: ['+1 425 555 0100'],
        userPrincipalName: ['ocschat@contoso.com'],
        // The embedded directory has no back links: it keeps memberOf as written.
        ...(kind === 'embedded' ? { memberOf: [groupDn] } : {}),
      },
    },
    { sipAddress: 'sip:alice@contoso.com', displayName: 'Alice Ciccu', homeServerDn: defaultHomeServerDn('fe.contoso.com', forestDn) },
  ]);
  if (kind === 'ldap') {
    const { Change, Attribute, Client } = await import('ldapts');
    const client = new Client({ url: slapd!.url });
    await client.bind(slapd!.adminDn, slapd!.adminPassword);
    await client.modify(groupDn, new Change({ operation: 'add', modification: new Attribute({ type: 'member', values: [lookupUserDn] }) }));
    await client.unbind();
  }
  return {
    deployment,
    folder,
    forestDn,
    lookupUserDn,
    env,
    dispose: async () => {
      await deployment.close();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
