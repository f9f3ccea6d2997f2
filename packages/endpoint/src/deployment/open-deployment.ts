import fs from 'node:fs/promises';
import path from 'node:path';
import { directoryErrors } from '../errors/directory-errors.js';
import { deploymentErrors } from '../errors/deployment-errors.js';
import type { Directory } from '../directory/directory.js';
import { EmbeddedDirectory } from '../directory/embedded-directory.js';
import { LdapDirectory } from '../directory/ldap-directory.js';
import { EmbeddedTopology } from '../topology/embedded-topology.js';
import type { Deployment } from './deployment.js';
import { fileInDeployment } from './deployment-paths.js';
import type { DeploymentDefinition, LdapDirectoryDefinition } from './deployment-schema.js';
import { readDeploymentFile } from './read-deployment-file.js';
import { resolvePoolDatabases } from './resolve-pool-databases.js';

/** The environment variable naming the deployment folder when -Deployment is not given. */
export const DEPLOYMENT_ENV = 'PCMIG_DEPLOYMENT';
export const JOURNAL_FOLDER = 'journal';

export interface OpenDeploymentOptions {
  /** Defaults to process.env (PCMIG_DEPLOYMENT, the LDAP password variable). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Opens the deployment in `folder`, or in $PCMIG_DEPLOYMENT when no folder is given. The LDAP
 * directory binds on first use, so topology-only commands work while it is unreachable.
 */
export async function openDeployment(folder?: string, options: OpenDeploymentOptions = {}): Promise<Deployment> {
  const env = options.env ?? process.env;
  const given = folder?.trim() || env[DEPLOYMENT_ENV]?.trim();
  if (!given) {
    throw deploymentErrors.create('PCMIG-DEPL-001', { message: `No deployment folder: -Deployment was not given and ${DEPLOYMENT_ENV} is not set.` });
  }
  const root = path.resolve(given);
  const definition = await readDeploymentFile(root);
  const databases = resolvePoolDatabases(definition, root);
  const topologyFile = fileInDeployment(root, definition.topology.file, 'topology.file');
  const warnings: string[] = [];
  const directory = await openDirectory(definition, root, env, warnings);

  const topology = new EmbeddedTopology(definition, databases, topologyFile);
  // An administrator writes deployment.json by hand; the state file starts with the first use.
  if (!(await exists(topologyFile))) await EmbeddedTopology.initialise(topologyFile).catch(ignoreIfCreatedMeanwhile);
  const journalFolder = path.join(root, JOURNAL_FOLDER);
  await fs.mkdir(journalFolder, { recursive: true });

  const userSearchBases = definition.directory.kind === 'ldap' ? (definition.directory.userSearchBases ?? [definition.forestDn]) : [definition.forestDn];
  return {
    folder: root,
    definition,
    forestDn: definition.forestDn,
    sipDomains: definition.sipDomains,
    directory,
    topology,
    userSearchBases,
    journalFolder,
    warnings,
    close: () => directory.close(),
  };
}

async function openDirectory(definition: DeploymentDefinition, root: string, env: OpenDeploymentOptions['env'] & object, warnings: string[]): Promise<Directory> {
  const config = definition.directory;
  if (config.kind === 'embedded') {
    const file = fileInDeployment(root, config.file, 'directory.file');
    if (!(await exists(file))) {
      throw directoryErrors.create('PCMIG-DIR-013', { message: `The embedded directory ${file} does not exist.`, target: file });
    }
    return new EmbeddedDirectory(file);
  }
  const password = env[config.passwordEnv];
  if (password === undefined || password === '') {
    throw deploymentErrors.create('PCMIG-DEPL-007', {
      message: `The environment variable ${config.passwordEnv} (directory.passwordEnv) is not set.`,
      target: config.passwordEnv,
    });
  }
  if (sendsPasswordInClear(config)) {
    warnings.push(`The directory password is sent unencrypted to ${config.url}; use ldaps:// or directory.tls.startTls.`);
  }
  return new LdapDirectory({
    url: config.url,
    bindDn: config.bindDn,
    password,
    ...(config.tls ? { tls: config.tls } : {}),
    ...(config.timeoutMs !== undefined ? { timeoutMs: config.timeoutMs } : {}),
  });
}

function sendsPasswordInClear(config: LdapDirectoryDefinition): boolean {
  if (/^ldaps:/i.test(config.url) || config.tls?.startTls) return false;
  const host = config.url.replace(/^ldap:\/\//i, '').replace(/[:/].*$/, '');
  return !['localhost', '127.0.0.1', '[::1]'].includes(host.toLowerCase());
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

function ignoreIfCreatedMeanwhile(error: unknown): void {
  // Two commands opening a new deployment at once: the other one created the file.
  if ((error as { id?: string }).id === 'PCMIG-TOPO-010') return;
  throw error;
}
