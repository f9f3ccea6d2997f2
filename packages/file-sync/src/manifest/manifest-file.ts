import { errorCode, type CopyFileSystem } from '../fs/copy-file-system.js';
import { MANIFEST_PATH, joinStorePath } from '../paths/store-paths.js';
import { formatManifest, parseManifest, recordedHash, type ManifestEntry } from './manifest.js';

export interface LoadedManifest {
  readonly found: boolean;
  readonly entries?: Map<string, ManifestEntry>;
  /** Why an existing manifest could not be used. */
  readonly problem?: string;
}

export function manifestPath(destination: string): string {
  return joinStorePath(destination, MANIFEST_PATH);
}

export function readManifest(fs: CopyFileSystem, destination: string): LoadedManifest {
  let text: string;
  try {
    text = fs.ops.readFileSync(manifestPath(destination), 'utf8');
  } catch (error) {
    return errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR' ? { found: false } : { found: true, problem: errorCode(error) || String(error) };
  }
  try {
    return { found: true, entries: parseManifest(text) };
  } catch (error) {
    return { found: true, problem: (error as Error).message };
  }
}

/** Whether a manifest file exists (without reading it). */
export function manifestExists(fs: CopyFileSystem, destination: string): boolean {
  try {
    return fs.lstat(manifestPath(destination)).kind === 'file';
  } catch {
    return false;
  }
}

/**
 * Writes the manifest (to a temporary name, then renamed, so an audit never reads half a file).
 * Rows without a hash take the previous manifest's when it still describes the same file.
 */
export function writeManifest(fs: CopyFileSystem, destination: string, rows: ManifestEntry[], previous?: ReadonlyMap<string, ManifestEntry>): string {
  const earlier = previous ?? readManifest(fs, destination).entries;
  const complete = rows.map((row) => (row.sha256 !== null || !earlier ? row : { ...row, sha256: recordedHash(earlier.get(row.path), row.size, row.mtimeMs) }));
  complete.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const target = manifestPath(destination);
  const temporary = `${target}.tmp`;
  fs.ops.writeFileSync(temporary, formatManifest(complete));
  fs.ops.renameSync(temporary, target);
  return target;
}
