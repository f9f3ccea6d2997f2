import path from 'node:path';
import { DEPLOYMENT_ENV, describeDeployment, openDeployment, type Deployment } from '@pcmig/endpoint';
import type { CmdletContext } from '../definition/cmdlet-context.js';

/** Writes a warning once per command, however many times the engine repeats it. */
export type WarnOnce = (message: string) => void;

/**
 * Opens the deployment of -Deployment (or $PCMIG_DEPLOYMENT, from the host's environment),
 * relative to the host's current directory, runs `work` on it and closes it. The deployment's
 * own warnings (a password sent unencrypted) are written first; what it is goes to verbose.
 */
export async function withCmdletDeployment<T>(folder: string | undefined, context: CmdletContext, work: (deployment: Deployment, warn: WarnOnce) => Promise<T>): Promise<T> {
  const given = folder ?? context.env[DEPLOYMENT_ENV];
  const deployment = await openDeployment(given?.trim() ? path.resolve(context.cwd, given.trim()) : undefined, { env: context.env });
  const written = new Set<string>();
  const warn: WarnOnce = (message) => {
    if (written.has(message)) return;
    written.add(message);
    context.writeWarning(message);
  };
  try {
    const summary = describeDeployment(deployment);
    context.writeVerbose(`Deployment ${summary.folder}${summary.name ? ` (${summary.name})` : ''}: directory ${summary.directory}; topology ${summary.topology}.`);
    for (const warning of deployment.warnings) warn(warning);
    return await work(deployment, warn);
  } finally {
    await deployment.close();
  }
}
