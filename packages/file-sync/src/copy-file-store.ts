import type { PcmigError } from '@pcmig/core';
import { resolveOptions, type CopyOptions } from './copy-options.js';
import { fsErrors, type FsErrorId } from './errors.js';
import { createJobRunner } from './fs/job-runner.js';
import { CopyLog } from './log/copy-log.js';
import { isWithin } from './paths/store-paths.js';
import { buildPlan } from './plan/build-plan.js';
import { CopyProgress } from './progress/copy-progress.js';
import { formatCount } from './progress/format-units.js';
import { EXIT_CODES, statusOf, type CopyResult } from './result/copy-result.js';
import { executePlan, type ExecuteOutcome } from './run/execute-plan.js';
import { resolveRoots } from './run/resolve-roots.js';
import { RunRecorder } from './run/run-recorder.js';

/**
 * Copy-CsPersistentChatFileStore: copies the legacy file store into the Persistent Chat file
 * store, verified and restartable. Plans first (the WhatIf list), then performs exactly that plan.
 * Throws PcmigError (PCMIG-FS-*) when it cannot start or must stop (destination full, stopped);
 * failures of single items are in the result.
 */
export async function copyFileStore(options: CopyOptions): Promise<CopyResult> {
  const startedAt = new Date();
  const started = performance.now();
  const resolved = resolveOptions(options);
  if (resolved.log !== undefined && (isWithin(resolved.log, resolved.source) || isWithin(resolved.log, resolved.destination))) {
    throw fsErrors.create('PCMIG-FS-010', { message: `The log file ${resolved.log} is inside the source or destination folder.`, target: resolved.log });
  }
  const log = resolved.log === undefined ? undefined : CopyLog.open(resolved.log);
  log?.header(resolved, startedAt);
  const progress = new CopyProgress(options.onProgress);
  const recorder = new RunRecorder(options.onItem, log);
  const runner = createJobRunner(resolved.fileSystem, resolved.threads);
  try {
    const roots = resolveRoots(resolved);
    const { plan, manifest } = await buildPlan({ options: resolved, roots, runner, progress });
    let outcome: ExecuteOutcome = {};
    if (resolved.whatIf) {
      for (const item of plan.items) recorder.record({ ...item, outcome: 'planned', attempts: 0 });
    } else {
      outcome = await executePlan({
        options: resolved,
        roots,
        plan,
        ...(manifest ? { manifest } : {}),
        runner,
        progress,
        recorder,
        ...(options.signal ? { signal: options.signal } : {}),
      });
    }
    const findings = [...plan.findings, ...recorder.findings];
    const status = outcome.fatal ? 'Failed' : statusOf(recorder.failures, findings);
    const result: CopyResult = {
      source: plan.source,
      destination: plan.destination,
      whatIf: resolved.whatIf,
      status,
      exitCode: EXIT_CODES[status],
      actions: recorder.actions,
      failed: recorder.failed,
      failures: recorder.failures,
      findings,
      verified: {
        count: recorder.verified.count + plan.contentChecks.count,
        bytes: recorder.verified.bytes + plan.contentChecks.bytes,
      },
      ...(outcome.manifest ? { manifest: outcome.manifest } : {}),
      ...(log ? { log: log.path } : {}),
      startedAt: startedAt.toISOString(),
      elapsedMs: performance.now() - started,
    };
    const a = result.actions;
    progress.finish(
      `${status}: ${formatCount(a.copy.count)} copied, ${formatCount(a.replace.count)} replaced, ${formatCount(a.skip.count)} unchanged, ` +
        `${formatCount(a.delete.count)} deleted, ${formatCount(result.failed.count)} failed${resolved.whatIf ? ' (WhatIf)' : ''}`,
    );
    log?.summary(result);
    if (outcome.fatal) throw withProgress(outcome.fatal, result);
    return result;
  } catch (error) {
    log?.error(error);
    throw error;
  } finally {
    await runner.close();
    log?.close();
  }
}

/** The stopping error, with what the run completed before it stopped. */
function withProgress(error: PcmigError, result: CopyResult): PcmigError {
  const a = result.actions;
  return fsErrors.create(error.id as FsErrorId, {
    message: `${error.shortMessage} Before stopping: ${a.copy.count} copied, ${a.replace.count} replaced, ${result.failed.count} failed.`,
    ...(error.target !== undefined ? { target: error.target } : {}),
    reason: { ...error.reason, copied: a.copy.count, replaced: a.replace.count, failed: result.failed.count, manifest: result.manifest ?? null },
    cause: (error as Error).cause ?? error,
  });
}
