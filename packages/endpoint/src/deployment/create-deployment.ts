import fs from 'node:fs/promises';
import path from 'node:path';
import { createPool } from '@pcmig/core';
import { EmbeddedDirectory } from '../directory/embedded-directory.js';
import { provisionDirectory, type DirectoryUserSeed } from '../directory/provision-directory.js';
import { defaultHomeServerDn } from '../directory/lync-attributes.js';
import { deploymentErrors } from '../errors/deployment-errors.js';
import { EmbeddedTopology } from '../topology/embedded-topology.js';
import { lookupSipAddressOf } from '../topology/lookup-sip-address.js';
import { writeFileAtomic } from '../store/write-file-atomic.js';
import type { Deployment } from './deployment.js';
import { fileInDeployment } from './deployment-paths.js';
import type { DeploymentDefinition, DeploymentDefinitionInput } from './deployment-schema.js';
import { openDeployment, type OpenDeploymentOptions } from './open-deployment.js';
import { DEPLOYMENT_FILE, validateDefinition } from './read-deployment-file.js';
import { resolvePoolDatabases } from './resolve-pool-databases.js';

export interface CreateDeploymentOptions extends OpenDeploymentOptions {
  /**
   * Embedded directory only: create the Lookup Server user account of every legacy pool
   * (its lookup SIP address, display name "Group Chat Lookup Service", homed on that pool), as
   * a Group Chat deployment has it. Default true.
   */
  readonly seedLookupAccounts?: boolean;
  /** Embedded directory only: further SIP-enabled users to create (in one write, however many). */
  readonly users?: readonly DeploymentUserSeed[];
  /** Create empty pool databases (schema of each pool's kind) for SQLite pools whose file does not exist yet. Default false. */
  readonly createPoolDatabases?: boolean;
}

/** A user for createDeployment: `homePoolFqdn` homes it on a pool of the definition. */
export interface DeploymentUserSeed extends DirectoryUserSeed {
  readonly homePoolFqdn?: string;
}

/** The display name createDeployment gives a seeded Lookup Server account. */
export const SEEDED_LOOKUP_DISPLAY_NAME = 'Group Chat Lookup Service';

/**
 * Creates a deployment folder: deployment.json (with every default written out), the embedded
 * directory (provisioned) and topology state, optionally the SQLite pool databases. Refuses a
 * folder that already holds a deployment; removes what it wrote if it fails half-way.
 */
export async function createDeployment(folder: string, input: DeploymentDefinitionInput, options: CreateDeploymentOptions = {}): Promise<Deployment> {
  const root = path.resolve(folder);
  const definitionFile = path.join(root, DEPLOYMENT_FILE);
  const definition = validateDefinition(input, 'the deployment definition');
  const databases = resolvePoolDatabases(definition, root);
  const topologyFile = fileInDeployment(root, definition.topology.file, 'topology.file');
  const directoryFile = definition.directory.kind === 'embedded' ? fileInDeployment(root, definition.directory.file, 'directory.file') : null;

  try {
    await fs.mkdir(root, { recursive: true });
  } catch (error) {
    throw deploymentErrors.create('PCMIG-DEPL-011', { message: `${root} cannot be created.`, target: root, cause: error });
  }
  for (const file of [definitionFile, topologyFile, ...(directoryFile ? [directoryFile] : [])]) {
    if (await exists(file)) throw deploymentErrors.create('PCMIG-DEPL-009', { message: `${root} already holds ${path.basename(file)}.`, target: file });
  }

  const written: string[] = [];
  try {
    if (options.createPoolDatabases) {
      for (const pool of definition.pools) {
        const database = databases.get(pool.fqdn)!;
        const file = database.dbInstance.replace(/^sqlite:/i, '');
        if (database.dbName !== null || (await exists(file))) continue;
        await fs.mkdir(path.dirname(file), { recursive: true });
        const created = await createPool({ dbInstance: database.dbInstance, flavour: pool.kind });
        written.push(file);
        await created.close();
      }
    }
    if (directoryFile) {
      await fs.mkdir(path.dirname(directoryFile), { recursive: true });
      const directory = await EmbeddedDirectory.create(directoryFile);
      written.push(directoryFile);
      await provisionDirectory(directory, definition.forestDn, [...lookupAccounts(definition, options), ...(options.users ?? []).map((user) => homed(user, definition))]);
    }
    await fs.mkdir(path.dirname(topologyFile), { recursive: true });
    await EmbeddedTopology.initialise(topologyFile);
    written.push(topologyFile);
    // deployment.json last: a folder without it is not a deployment, whatever else failed.
    await writeFileAtomic(definitionFile, `${JSON.stringify(definition, null, 2)}\n`);
    written.push(definitionFile);
  } catch (error) {
    await Promise.all(written.map((file) => fs.rm(file, { force: true })));
    if ((error as { id?: string }).id) throw error;
    throw deploymentErrors.create('PCMIG-DEPL-011', { message: `The deployment in ${root} cannot be written.`, target: root, cause: error });
  }
  return openDeployment(root, options);
}

function lookupAccounts(definition: DeploymentDefinition, options: CreateDeploymentOptions): DirectoryUserSeed[] {
  if (options.seedLookupAccounts === false) return [];
  const seeds = new Map<string, DirectoryUserSeed>();
  for (const pool of definition.pools) {
    const sipAddress = lookupSipAddressOf(pool, definition)?.address;
    if (sipAddress === undefined || seeds.has(sipAddress.toLowerCase())) continue;
    seeds.set(sipAddress.toLowerCase(), {
      sipAddress,
      displayName: SEEDED_LOOKUP_DISPLAY_NAME,
      homeServerDn: pool.homeServerDn ?? defaultHomeServerDn(pool.fqdn, definition.forestDn),
    });
  }
  return [...seeds.values()];
}

function homed(user: DeploymentUserSeed, definition: DeploymentDefinition): DirectoryUserSeed {
  const { homePoolFqdn, ...seed } = user;
  if (homePoolFqdn === undefined || seed.homeServerDn !== undefined) return seed;
  const pool = definition.pools.find((candidate) => candidate.fqdn === homePoolFqdn.toLowerCase());
  if (!pool) {
    throw deploymentErrors.create('PCMIG-DEPL-005', {
      message: `User ${user.sipAddress} is to be homed on ${homePoolFqdn}, which is not a pool of the definition.`,
      target: homePoolFqdn,
      reason: { issues: [{ path: 'users.homePoolFqdn', message: `${homePoolFqdn} is not a pool` }] },
    });
  }
  return { ...seed, homeServerDn: pool.homeServerDn ?? defaultHomeServerDn(pool.fqdn, definition.forestDn) };
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
