import { resolveOptions, type CopyOptions } from '../copy-options.js';
import { createJobRunner } from '../fs/job-runner.js';
import { CopyProgress } from '../progress/copy-progress.js';
import { resolveRoots } from '../run/resolve-roots.js';
import { buildPlan } from './build-plan.js';
import type { CopyPlan } from './copy-plan.js';

export type PlanOptions = Pick<CopyOptions, 'source' | 'destination' | 'checksum' | 'verify' | 'mirror' | 'threads' | 'maxPathLength' | 'onProgress' | 'fileSystem'>;

/**
 * The itemized plan of a copy (what -WhatIf lists), without writing anything: every folder and
 * file that would be created, copied, replaced, skipped, deleted or kept, and every finding.
 * A real run with the same options on unchanged trees performs exactly these items.
 */
export async function planCopy(options: PlanOptions): Promise<CopyPlan> {
  const resolved = resolveOptions({ ...options, whatIf: true });
  const roots = resolveRoots(resolved);
  const runner = createJobRunner(resolved.fileSystem, resolved.threads);
  try {
    return (await buildPlan({ options: resolved, roots, runner, progress: new CopyProgress(options.onProgress) })).plan;
  } finally {
    await runner.close();
  }
}
