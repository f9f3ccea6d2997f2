import { errorCode } from '../fs/copy-file-system.js';

/**
 * How a failed operation is treated:
 * - no-space: the destination is full; the run stops (PCMIG-FS-006), since every further file would fail too;
 * - read-only: the destination volume became read-only; the run stops (PCMIG-FS-005);
 * - permanent: retrying cannot help (a name or type problem, or rights on a non-Windows host);
 * - retry: anything else, retried -Retry times, -Wait seconds apart (network drops, locks, I/O errors).
 * On Windows, access denied is retried too: virus scanners briefly lock files that were just written.
 */
export type FailureKind = 'no-space' | 'read-only' | 'permanent' | 'retry';

const NO_SPACE = new Set(['ENOSPC', 'EDQUOT']);
const PERMANENT = new Set(['ENAMETOOLONG', 'EINVAL', 'EISDIR', 'ENOTDIR', 'ELOOP', 'EEXIST', 'EXDEV', 'ENOTEMPTY', 'ENOENT']);
const DENIED = new Set(['EACCES', 'EPERM']);

export function classifyFailure(error: unknown, platform: NodeJS.Platform = process.platform): FailureKind {
  const code = errorCode(error);
  if (NO_SPACE.has(code)) return 'no-space';
  if (code === 'EROFS') return 'read-only';
  if (PERMANENT.has(code)) return 'permanent';
  if (DENIED.has(code)) return platform === 'win32' ? 'retry' : 'permanent';
  return 'retry';
}
