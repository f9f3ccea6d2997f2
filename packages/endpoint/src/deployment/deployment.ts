import type { Directory } from '../directory/directory.js';
import type { Topology } from '../topology/topology.js';
import type { DeploymentDefinition } from './deployment-schema.js';

/**
 * An opened deployment folder: its definition (deployment.json), directory and topology.
 * A plain object, so a caller (or a test) can hand an engine a deployment with another
 * directory in place.
 */
export interface Deployment {
  readonly folder: string;
  readonly definition: DeploymentDefinition;
  readonly forestDn: string;
  readonly sipDomains: readonly string[];
  readonly directory: Directory;
  readonly topology: Topology;
  /** Where users are searched for SIP addresses (default: the forest root). */
  readonly userSearchBases: readonly string[];
  /** Journals of operations that must survive a crash (the lookup URI move). */
  readonly journalFolder: string;
  /** Things the administrator should know (e.g. a password sent unencrypted). */
  readonly warnings: readonly string[];
  close(): Promise<void>;
}

/** A deployment's description for logs and reports (no credentials). */
export interface DeploymentSummary {
  readonly folder: string;
  readonly name: string | null;
  readonly forestDn: string;
  readonly sipDomains: readonly string[];
  readonly directory: string;
  readonly topology: string;
}

export function describeDeployment(deployment: Deployment): DeploymentSummary {
  return {
    folder: deployment.folder,
    name: deployment.definition.name ?? null,
    forestDn: deployment.forestDn,
    sipDomains: deployment.sipDomains,
    directory: deployment.directory.description,
    topology: deployment.topology.description,
  };
}
