import type { CopyFileSystem } from '../fs/copy-file-system.js';
import { errnoError } from '../fs/copy-file-system.js';
import { APPLY_OPS, CANCELLED_CODE, type JobBatch, type JobFailure, type JobKind, type JobRunner } from '../fs/job-runner.js';
import type { CopyItem } from '../plan/copy-item.js';
import { destinationFatal, FatalCopyError, VerifyMismatch } from './item-failures.js';
import { classifyFailure } from './retry-policy.js';

export interface PhaseContext {
  readonly fs: CopyFileSystem;
  readonly runner: JobRunner;
  readonly sourceRoot: string;
  readonly destinationRoot: string;
  readonly threads: number;
  readonly retry: number;
  readonly waitMs: number;
  readonly verify: boolean;
  /** Reserves `count` consecutive temporary-name numbers. */
  readonly reservePartials: (count: number) => number;
  readonly partialPrefix: string;
  readonly stopping: () => boolean;
  /** Called once with the error that stops the run. */
  readonly stop: (error: FatalCopyError) => void;
}

export interface PhaseHandlers {
  done(item: CopyItem, attempts: number, sha256: string | undefined): void;
  failed(item: CopyItem, attempts: number, error: Error): void;
  /** After each batch, with the items it settled (progress). */
  settled?(items: readonly CopyItem[]): void;
}

/** At most this many jobs, or bytes, per batch; short lists are spread over every thread. */
const BATCH_JOBS = 64;
const BATCH_BYTES = 8 * 1024 * 1024;

export function makeBatches(items: readonly CopyItem[], threads: number, sequential: boolean): CopyItem[][] {
  if (sequential) return items.length > 0 ? [[...items]] : [];
  const limit = Math.min(BATCH_JOBS, Math.max(1, Math.ceil(items.length / (threads * 4))));
  const batches: CopyItem[][] = [];
  let current: CopyItem[] = [];
  let bytes = 0;
  for (const item of items) {
    if (current.length > 0 && (current.length >= limit || bytes + item.size > BATCH_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += item.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

const opOf = (item: CopyItem) => (item.action === 'create-dir' ? APPLY_OPS.mkdir : item.action === 'touch' ? APPLY_OPS.touch : APPLY_OPS.copy);

function batchOf(ctx: PhaseContext, kind: JobKind, items: readonly CopyItem[]): JobBatch {
  const copies = kind === 'copy' || kind === 'apply';
  return {
    kind,
    sourceBase: ctx.sourceRoot,
    destinationBase: ctx.destinationRoot,
    paths: items.map((item) => item.path),
    ...(copies || kind === 'touch' ? { mtimes: items.map((item) => item.mtimeMs) } : {}),
    ...(kind === 'remove' ? { folders: items.map((item) => item.kind === 'dir') } : {}),
    ...(kind === 'apply' ? { ops: items.map(opOf) } : {}),
    ...(copies ? { verify: ctx.verify, partialPrefix: ctx.partialPrefix, partialStart: ctx.reservePartials(items.length) } : {}),
  };
}

/**
 * Runs one kind of job over items ('apply': folders, copies and touches in plan order, so that
 * within a batch a folder comes before its content): in batches on the job runner, each settled
 * item reported to the handlers; failures retried one by one (-Retry more attempts, -Wait apart)
 * when they may heal. Items not started because the run is stopping are not reported. `sequential` keeps the
 * order (removals: a folder's content before the folder). Never rejects: an error that stops the
 * run goes to ctx.stop, and every batch already started is waited for.
 */
export async function runPhase(ctx: PhaseContext, kind: JobKind, items: readonly CopyItem[], handlers: PhaseHandlers, sequential = false): Promise<void> {
  const settle = async (item: CopyItem, first: JobFailure): Promise<void> => {
    let failure = first;
    for (let attempts = 1; ; attempts += 1) {
      if (failure.code === CANCELLED_CODE) return;
      const error = failure.mismatch ? new VerifyMismatch(failure.mismatch) : errnoError(failure.code, failure.message);
      const fatal = destinationFatal(error, item.path);
      if (fatal) throw new FatalCopyError(fatal);
      const retryable = failure.mismatch !== undefined || classifyFailure(error) === 'retry';
      if (!retryable || attempts > ctx.retry || ctx.stopping()) {
        handlers.failed(item, attempts, error);
        return;
      }
      await ctx.fs.sleep(ctx.waitMs);
      if (ctx.stopping()) {
        handlers.failed(item, attempts, error);
        return;
      }
      const again = await ctx.runner.run(batchOf(ctx, kind, [item]));
      if (again.ok[0] === 1) {
        handlers.done(item, attempts + 1, again.sha256?.[0]);
        return;
      }
      failure = again.failures[0] as JobFailure;
    }
  };

  await Promise.all(
    makeBatches(items, ctx.threads, sequential).map(async (batch) => {
      try {
        if (ctx.stopping()) return;
        const result = await ctx.runner.run(batchOf(ctx, kind, batch));
        const failures = new Map(result.failures.map((f) => [f.index, f]));
        const retries: Promise<void>[] = [];
        for (let i = 0; i < batch.length; i += 1) {
          const item = batch[i] as CopyItem;
          if (result.ok[i] === 1) handlers.done(item, 1, result.sha256?.[i]);
          else retries.push(settle(item, failures.get(i) as JobFailure));
        }
        const outcomes = await Promise.allSettled(retries);
        handlers.settled?.(batch);
        for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
      } catch (error) {
        if (!(error instanceof FatalCopyError)) throw error;
        ctx.stop(error);
      }
    }),
  );
}
