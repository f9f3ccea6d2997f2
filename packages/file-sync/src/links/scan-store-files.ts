import { errorCode, type CopyFileSystem } from '../fs/copy-file-system.js';
import { foldNtfsCase } from '../paths/fold-case.js';
import { META_DIR, isPartialName, joinStorePath } from '../paths/store-paths.js';

/** The files and folders of a file store, by store-relative path, as NTFS would look them up. */
export interface StoreIndex {
  readonly files: ReadonlySet<string>;
  readonly folders: ReadonlySet<string>;
  /** NTFS case-folded path → the path as stored. */
  readonly folded: ReadonlyMap<string, string>;
  /** Folders that could not be listed (their files are unknown). */
  readonly unreadable: readonly { path: string; reason: string }[];
}

/** Lists a store once (links are then looked up in memory, not with one stat per link). */
export function scanStoreFiles(fs: CopyFileSystem, root: string): StoreIndex {
  const files = new Set<string>();
  const folders = new Set<string>();
  const folded = new Map<string, string>();
  const unreadable: { path: string; reason: string }[] = [];
  const walk = (rel: string) => {
    let entries;
    try {
      entries = fs.readDirectory(joinStorePath(root, rel));
    } catch (error) {
      if (rel === '') throw error;
      unreadable.push({ path: rel, reason: errorCode(error) || String(error) });
      return;
    }
    for (const entry of entries) {
      if (rel === '' && entry.name === META_DIR) continue;
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.kind === 'dir') {
        folders.add(path);
        folded.set(foldNtfsCase(path), path);
        walk(path);
      } else if (entry.kind === 'file' && !isPartialName(entry.name)) {
        files.add(path);
        folded.set(foldNtfsCase(path), path);
      }
    }
  };
  walk('');
  return { files, folders, folded, unreadable };
}
