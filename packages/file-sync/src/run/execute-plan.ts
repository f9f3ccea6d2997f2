import path from 'node:path';
import type { PcmigError } from '@pcmig/core';
import type { ResolvedOptions } from '../copy-options.js';
import { fsErrors } from '../errors.js';
import { errorCode, type CopyFileSystem } from '../fs/copy-file-system.js';
import type { JobRunner } from '../fs/job-runner.js';
import { writeManifest } from '../manifest/manifest-file.js';
import type { ManifestEntry } from '../manifest/manifest.js';
import { joinStorePath, parentOf, partialPrefix } from '../paths/store-paths.js';
import { sameTime } from '../plan/compare-files.js';
import type { CopyItem } from '../plan/copy-item.js';
import type { CopyPlan, PlannedDirectory } from '../plan/copy-plan.js';
import type { CopyProgress } from '../progress/copy-progress.js';
import { acquireLock } from './destination-lock.js';
import { destinationFatal, itemFailure, type FatalCopyError } from './item-failures.js';
import type { Roots } from './resolve-roots.js';
import { runPhase, type PhaseContext, type PhaseHandlers } from './run-phase.js';
import type { RunRecorder } from './run-recorder.js';

export interface ExecuteContext {
  readonly options: ResolvedOptions;
  readonly roots: Roots;
  readonly plan: CopyPlan;
  /** The previous manifest, if planning read it. */
  readonly manifest?: ReadonlyMap<string, ManifestEntry>;
  readonly runner: JobRunner;
  readonly progress: CopyProgress;
  readonly recorder: RunRecorder;
  readonly signal?: AbortSignal;
}

export interface ExecuteOutcome {
  readonly manifest?: string;
  /** Set when the run stopped early (destination full or read-only, or stopped by the caller). */
  readonly fatal?: PcmigError;
}

/** Creates the destination folder and its missing parents. */
function ensureDestination(fs: CopyFileSystem, roots: Roots): void {
  if (roots.destinationExists) return;
  let current = roots.existingAncestor;
  for (const segment of path.relative(roots.existingAncestor, roots.destination).split(path.sep)) {
    current = path.join(current, segment);
    try {
      fs.ops.mkdirSync(current);
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw destinationError(error, current);
    }
  }
}

function destinationError(error: unknown, target: string): PcmigError {
  return destinationFatal(error as Error, target) ?? fsErrors.create('PCMIG-FS-005', { message: `${target} cannot be written.`, target, cause: error });
}



/**
 * Performs a plan under the destination lock: removals (in plan order: a folder's content before
 * the folder), folders (shallow first, each depth in parallel), files on -Threads workers, then
 * folder times and the manifest.
 */
export async function executePlan(ctx: ExecuteContext): Promise<ExecuteOutcome> {
  const { options, plan, recorder, runner, progress } = ctx;
  const fs = options.fileSystem;
  ensureDestination(fs, ctx.roots);
  let lock;
  try {
    lock = acquireLock(fs, plan.destination);
  } catch (error) {
    if (errorCode(error) === '') throw error;
    throw destinationError(error, plan.destination);
  }

  let fatal: PcmigError | undefined;
  const onAbort = () => runner.cancelPending();
  ctx.signal?.addEventListener('abort', onAbort);
  let partials = 0;
  const phase: PhaseContext = {
    fs,
    runner,
    sourceRoot: plan.source,
    destinationRoot: plan.destination,
    threads: options.threads,
    retry: options.retry,
    waitMs: options.waitSeconds * 1000,
    verify: options.verify,
    partialPrefix: partialPrefix(),
    reservePartials: (count) => {
      const start = partials + 1;
      partials += count;
      return start;
    },
    stopping: () => fatal !== undefined || ctx.signal?.aborted === true,
    stop: (error: FatalCopyError) => {
      fatal ??= error.error;
      runner.cancelPending();
    },
  };
  const touched = new Set<string>(['']);
  const rows: ManifestEntry[] = [];
  // The manifest is rewritten only when something changed or was newly hashed.
  const writesManifest = !plan.manifestFound || plan.contentChecks.count > 0 || plan.items.some((item) => item.action !== 'skip' && item.action !== 'extra');

  const failed = (item: CopyItem, attempts: number, error: Error) => {
    touched.add(parentOf(item.path));
    if (errorCode(error) === 'ENOENT' && (item.action === 'copy' || item.action === 'replace') && sourceVanished(fs, joinStorePath(plan.source, item.path))) {
      recorder.record({ ...item, outcome: 'vanished', attempts });
      return;
    }
    recorder.record({ ...item, outcome: 'failed', attempts, error: itemFailure(item, attempts, error).toRecord() });
  };
  const simple: PhaseHandlers = {
    done: (item, attempts) => {
      touched.add(parentOf(item.path));
      recorder.recordDone(item, attempts, undefined);
    },
    failed,
  };

  try {
    // Removals first: they free space, and a type change needs the old entry gone.
    await runPhase(phase, 'remove', plan.items.filter((item) => item.action === 'delete' || item.action === 'remove-partial'), simple, true);

    for (const item of plan.items) {
      if (item.action !== 'skip' && item.action !== 'extra') continue;
      const sha256 = plan.hashes.get(item.path);
      if (writesManifest && item.action === 'skip' && item.kind === 'file') {
        rows.push({ path: item.path, size: item.size, mtimeMs: item.destinationMtimeMs ?? item.mtimeMs, sha256: sha256 ?? null });
      }
      recorder.recordUnchanged(item, sha256);
    }

    // Folders and files in one pass, in plan order: no barrier between folder levels, and a file
    // whose folder another thread has not created yet creates it (job-source.ts).
    const work = plan.items.filter((item) => item.action === 'create-dir' || item.action === 'copy' || item.action === 'replace' || item.action === 'touch');
    const files = work.filter((item) => item.action !== 'create-dir');
    progress.startCopy(files.length, files.reduce((sum, item) => sum + (item.action === 'touch' ? 0 : item.size), 0));
    await runPhase(phase, 'apply', work, {
      done: (item, attempts, sha256) => {
        touched.add(parentOf(item.path));
        if (writesManifest && item.action !== 'create-dir') {
          rows.push({ path: item.path, size: item.size, mtimeMs: item.mtimeMs, sha256: sha256 ?? plan.hashes.get(item.path) ?? null });
        }
        recorder.recordDone(item, attempts, sha256);
      },
      failed,
      settled: (items) => {
        let count = 0;
        let bytes = 0;
        for (const item of items) {
          if (item.action === 'create-dir') continue;
          count += 1;
          if (item.action !== 'touch') bytes += item.size;
        }
        progress.filesDone(count, bytes);
      },
    });

    if (!fatal && ctx.signal?.aborted) {
      fatal = fsErrors.create('PCMIG-FS-013', { message: 'The copy was stopped before it finished.', target: plan.destination });
    }
    if (!fatal) await restoreFolderTimes(ctx, phase, touched);

    let manifest: string | undefined;
    if (writesManifest) {
      try {
        manifest = writeManifest(fs, plan.destination, rows, ctx.manifest);
      } catch (error) {
        const failure = fsErrors.create('PCMIG-FS-012', { message: `The manifest of ${plan.destination} could not be written.`, target: plan.destination, cause: error });
        recorder.failures.push({ code: 'manifest-failed', path: '', action: 'manifest', attempts: 1, error: failure.toRecord() });
      }
    }
    return { ...(manifest ? { manifest } : {}), ...(fatal ? { fatal } : {}) };
  } finally {
    ctx.signal?.removeEventListener('abort', onAbort);
    lock.release();
  }
}

function sourceVanished(fs: CopyFileSystem, source: string): boolean {
  try {
    fs.lstat(source);
    return false;
  } catch (error) {
    return errorCode(error) === 'ENOENT';
  }
}

/** Restores folder times where the run changed the folder or the times differ (any order: a folder's time does not depend on its parent's). */
async function restoreFolderTimes(ctx: ExecuteContext, phase: PhaseContext, touched: ReadonlySet<string>): Promise<void> {
  const needed = (folder: PlannedDirectory) => folder.destinationMtimeMs === null || touched.has(folder.path) || !sameTime(folder.mtimeMs, folder.destinationMtimeMs);
  const folders: CopyItem[] = ctx.plan.directories.filter(needed).map((folder) => ({ action: 'touch', kind: 'dir', path: folder.path, size: 0, mtimeMs: folder.mtimeMs, itemize: '' }));
  await runPhase({ ...phase, retry: 0 }, 'touch', folders, {
    done: () => undefined,
    failed: (item, _attempts, error) => ctx.recorder.findings.push({ code: 'folder-time-not-set', severity: 'warning', path: item.path, reason: errorCode(error) || error.message }),
  });
}
