// Public API of @pcmig/file-sync: Copy-CsPersistentChatFileStore and the file-link check.

export { fsErrors, type FsErrorId } from './errors.js';

// The copy
export { copyFileStore } from './copy-file-store.js';
export { planCopy, type PlanOptions } from './plan/plan-copy.js';
export { DEFAULT_RETRY, DEFAULT_THREADS, DEFAULT_WAIT_SECONDS, LIMITS, type CopyOptions } from './copy-options.js';
export { COPY_ACTIONS, formatItem, itemize, type Change, type CopyAction, type CopyItem, type CopyItemResult, type ItemOutcome } from './plan/copy-item.js';
export { describeFinding, type CopyFinding, type FindingCode } from './plan/copy-finding.js';
export type { ActionTally, ActionTotals, CopyPlan, PlannedDirectory } from './plan/copy-plan.js';
export { MTIME_WINDOW_MS } from './plan/compare-files.js';
export { EXIT_CODES, statusOf, type CopyFailure, type CopyResult, type CopyStatus } from './result/copy-result.js';

// Names and paths
export { DEFAULT_MAX_PATH_LENGTH, NTFS_NAME_LIMIT, checkNtfsName, type NameProblem } from './paths/ntfs-names.js';
export { foldNtfsCase } from './paths/fold-case.js';
export { LOCK_PATH, MANIFEST_PATH, META_DIR } from './paths/store-paths.js';

// Manifest
export { MANIFEST_HEADER, formatManifest, parseManifest, type ManifestEntry } from './manifest/manifest.js';

// Progress
export { COPY_ACTIVITY } from './progress/copy-progress.js';
export { createTtyProgress, renderProgressLine, type ProgressStream } from './progress/tty-progress.js';
export { formatBytes, formatDuration } from './progress/format-units.js';

// File-system seam and hashing
export { nodeFileSystem, type CopyFileSystem, type EntryKind, type EntryStat, type FileOps, type RawEntry } from './fs/copy-file-system.js';
export { createHashPool, type FileHash, type HashPool } from './fs/hash-pool.js';

// Link check (Test-CsPersistentChatFileLink)
export { LINK_CHECK_ACTIVITY, checkFileLinks, type LinkCheckOptions, type LinkCheckResult, type LinkProblem } from './links/check-file-links.js';
