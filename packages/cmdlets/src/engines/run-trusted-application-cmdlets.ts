import { getTrustedApplication, getTrustedApplicationPool, removeTrustedApplication, removeTrustedApplicationPool } from '@pcmig/endpoint';
import type { CmdletContext } from '../definition/cmdlet-context.js';
import { withCmdletDeployment } from './open-cmdlet-deployment.js';
import { reportEngineResult } from './report-engine-result.js';
import { trustedApplicationObject, trustedApplicationPoolObject } from './topology-objects.js';
import type { TrustedIdentityValues } from '../cmdlets/get-cs-trusted-application.js';
import type { RemoveTrustedValues } from '../cmdlets/remove-cs-trusted-application.js';

/** Get-CsTrustedApplication. */
export async function runGetTrustedApplication(values: TrustedIdentityValues, context: CmdletContext): Promise<void> {
  await withCmdletDeployment(values.Deployment, context, async (deployment) => {
    const applications = await getTrustedApplication({ deployment, ...(values.Identity !== undefined ? { identity: values.Identity } : {}) });
    for (const application of applications) context.writeObject(trustedApplicationObject(application));
  });
}

/** Get-CsTrustedApplicationPool. */
export async function runGetTrustedApplicationPool(values: TrustedIdentityValues, context: CmdletContext): Promise<void> {
  await withCmdletDeployment(values.Deployment, context, async (deployment) => {
    const pools = await getTrustedApplicationPool({ deployment, ...(values.Identity !== undefined ? { identity: values.Identity } : {}) });
    for (const pool of pools) context.writeObject(trustedApplicationPoolObject(pool));
  });
}

/** Remove-CsTrustedApplication: writes nothing, as Microsoft's. */
export async function runRemoveTrustedApplication(values: RemoveTrustedValues, context: CmdletContext): Promise<void> {
  await withCmdletDeployment(values.Deployment, context, async (deployment, warn) => {
    await reportEngineResult(await removeTrustedApplication({ deployment, identity: values.Identity, whatIf: context.whatIf }), context, warn);
  });
}

/** Remove-CsTrustedApplicationPool: writes nothing, as Microsoft's. */
export async function runRemoveTrustedApplicationPool(values: RemoveTrustedValues, context: CmdletContext): Promise<void> {
  await withCmdletDeployment(values.Deployment, context, async (deployment, warn) => {
    await reportEngineResult(await removeTrustedApplicationPool({ deployment, identity: values.Identity, whatIf: context.whatIf }), context, warn);
  });
}
