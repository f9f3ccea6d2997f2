import path from 'node:path';
import { createDeployment, type DeploymentDefinitionInput } from '@pcmig/endpoint';
import type { DirectoryUser } from './directory-types.js';
import type { DatabaseLocation, GeneratedTopology } from './topology-types.js';

/** deployment.json's view of one database: SQLite paths relative to the deployment folder (movable), SQL Server as given. */
function databaseOf(location: DatabaseLocation, folder: string): { instance: string; name?: string } {
  if (location.engine === 'sqlite') return { instance: path.relative(folder, location.dbInstance).split(path.sep).join('/') };
  return { instance: location.dbInstance, ...(location.dbName !== null ? { name: location.dbName } : {}) };
}

const servicesOf = (services: readonly { state: string }[]): 'running' | 'stopped' => (services.every((s) => s.state === 'Stopped') ? 'stopped' : 'running');

/** The generated topology as @pcmig/endpoint's deployment.json takes it. */
export function deploymentDefinitionOf(topology: GeneratedTopology, forestDn: string, folder: string, name: string): DeploymentDefinitionInput {
  const { legacy, target } = topology;
  return {
    name,
    forestDn,
    sipDomains: [topology.sipDomain],
    pools: [
      {
        fqdn: legacy.poolFqdn,
        kind: legacy.flavour,
        database: databaseOf(legacy.database, folder),
        fileStore: legacy.fileStore.path,
        lookupSipAddress: legacy.lookupUri,
        services: servicesOf(legacy.services),
      },
      ...(target
        ? [{ fqdn: target.poolFqdn, kind: 'pc2013' as const, database: databaseOf(target.database, folder), fileStore: target.fileStore.path, services: servicesOf(target.services) }]
        : []),
    ],
    trustedApplicationPools: [
      {
        fqdn: legacy.trustedApplicationPool.identity,
        registrar: legacy.trustedApplicationPool.registrar,
        site: legacy.trustedApplicationPool.site,
        computers: [...legacy.trustedApplicationPool.computers],
        groupChatPool: legacy.poolFqdn,
      },
    ],
    trustedApplications: [{ applicationId: legacy.trustedApplication.applicationId, pool: legacy.trustedApplication.trustedApplicationPoolFqdn, port: legacy.trustedApplication.port }],
  };
}

/**
 * Makes the output folder a deployment folder (@pcmig/endpoint's createDeployment):
 * deployment.json naming both pools, the trusted application and its pool; the embedded topology
 * state; and the embedded directory with the forest's skeleton and the Lookup Server account.
 * Returns the Lookup account as the directory holds it (its objectGUID is the directory's).
 */
export async function writeDeploymentFolder(input: {
  readonly folder: string;
  readonly topology: GeneratedTopology;
  readonly forestDn: string;
  readonly name: string;
  readonly lookupAccount: DirectoryUser;
}): Promise<{ readonly deploymentFile: string; readonly lookupAccount: DirectoryUser }> {
  const definition = deploymentDefinitionOf(input.topology, input.forestDn, input.folder, input.name);
  const deployment = await createDeployment(input.folder, definition);
  try {
    const [entry] = await deployment.directory.search({ base: input.forestDn, scope: 'sub', equals: { 'msRTCSIP-PrimaryUserAddress': input.lookupAccount.sipAddress } });
    return {
      deploymentFile: path.join(input.folder, 'deployment.json'),
      lookupAccount: entry ? { ...input.lookupAccount, guid: entry.guid ?? input.lookupAccount.guid, dn: entry.dn } : input.lookupAccount,
    };
  } finally {
    await deployment.close();
  }
}
