import type { Deployment } from '../deployment/deployment.js';
import { openDeployment } from '../deployment/open-deployment.js';

/** An opened deployment, its folder, or undefined for $PCMIG_DEPLOYMENT. */
export type DeploymentRef = Deployment | string | undefined;

/** Runs `work` on the deployment; closes it afterwards only if it was opened here. */
export async function withDeployment<T>(ref: DeploymentRef, work: (deployment: Deployment) => Promise<T>): Promise<T> {
  if (ref !== undefined && typeof ref !== 'string') return work(ref);
  const deployment = await openDeployment(ref);
  try {
    return await work(deployment);
  } finally {
    await deployment.close();
  }
}
