import type { ResolvedOptions } from '../copy-options.js';
import { fsErrors } from '../errors.js';
import { nodeFileSystem } from '../fs/copy-file-system.js';
import { hashPoolOf } from '../fs/hash-pool.js';
import { isNetworkPath } from '../fs/network-file-system.js';
import type { JobRunner } from '../fs/job-runner.js';
import { manifestExists, readManifest } from '../manifest/manifest-file.js';
import type { ManifestEntry } from '../manifest/manifest.js';
import { MANIFEST_PATH } from '../paths/store-paths.js';
import type { CopyProgress } from '../progress/copy-progress.js';
import type { Roots } from '../run/resolve-roots.js';
import { checkContents } from './check-contents.js';
import type { CopyFinding } from './copy-finding.js';
import { totalsOf, type CopyPlan } from './copy-plan.js';
import { prefetchTrees } from './prefetch-trees.js';
import { walkTrees, type WalkOutput } from './walk-trees.js';

export interface PlanContext {
  readonly options: ResolvedOptions;
  readonly roots: Roots;
  readonly runner: JobRunner;
  readonly progress: CopyProgress;
}

export interface BuiltPlan {
  readonly plan: CopyPlan;
  /** The previous manifest, when it was read (with -Verify). */
  readonly manifest?: ReadonlyMap<string, ManifestEntry>;
}

/** Scans both trees, compares contents where the options ask for it, and returns the plan. */
export async function buildPlan(ctx: PlanContext): Promise<BuiltPlan> {
  const { options, roots, runner, progress } = ctx;
  const findings: CopyFinding[] = [];
  let manifest: ReadonlyMap<string, ManifestEntry> | undefined;
  let manifestFound = false;
  if (roots.destinationExists) {
    if (options.verify) {
      const loaded = readManifest(options.fileSystem, roots.destination);
      manifestFound = loaded.entries !== undefined;
      manifest = loaded.entries;
      if (loaded.problem) findings.push({ code: 'manifest-unreadable', severity: 'warning', path: MANIFEST_PATH, reason: loaded.problem });
    } else {
      manifestFound = manifestExists(options.fileSystem, roots.destination);
    }
  }

  let seen = 0;
  let walked: WalkOutput;
  try {
    // When a tree lies on a network share, both trees are first listed in parallel on the workers
    // (many round trips in flight instead of one); on local disks a direct walk is faster (measured:
    // a thread hop costs more than an lstat). An injected seam is always walked directly.
    const trees = roots.destinationExists ? [roots.source, roots.destination] : [roots.source];
    const fs =
      options.fileSystem === nodeFileSystem && trees.some((tree) => isNetworkPath(tree))
        ? (await prefetchTrees(runner, trees, options.threads, (n) => progress.scanned(n))).fileSystem(options.fileSystem)
        : options.fileSystem;
    walked = walkTrees({
      fs,
      sourceRoot: roots.source,
      destinationRoot: roots.destination,
      destinationExists: roots.destinationExists,
      mirror: options.mirror,
      checksum: options.checksum,
      verify: options.verify,
      maxPathLength: options.maxPathLength,
      manifest,
      onEntry: () => {
        seen += 1;
        if ((seen & 1023) === 0) progress.scanned(seen);
      },
    });
  } catch (error) {
    throw fsErrors.create('PCMIG-FS-007', { message: `The source folder ${options.source} cannot be read.`, target: options.source, cause: error });
  }
  progress.scanned(seen);
  findings.push(...walked.findings);

  const toHash = walked.checks.reduce((sum, check) => sum + check.item.size * 2, 0);
  let hashed = 0;
  const checked = await checkContents(walked.checks, roots, hashPoolOf(runner), walked.hashes, (bytes) => {
    hashed += bytes;
    progress.hashed(hashed, toHash);
  });
  findings.push(...checked.findings);
  const items = checked.dropped.size === 0 ? walked.items : walked.items.filter((item) => !checked.dropped.has(item));
  const compared = walked.checks.filter((check) => !checked.dropped.has(check.item));

  const plan: CopyPlan = {
    source: roots.source,
    destination: roots.destination,
    createsDestination: !roots.destinationExists,
    checksum: options.checksum,
    verify: options.verify,
    mirror: options.mirror,
    items,
    findings,
    totals: totalsOf(items),
    directories: walked.directories,
    hashes: walked.hashes,
    contentChecks: { count: compared.length, bytes: compared.reduce((sum, check) => sum + check.item.size, 0) },
    manifestFound,
  };
  return manifest ? { plan, manifest } : { plan };
}
