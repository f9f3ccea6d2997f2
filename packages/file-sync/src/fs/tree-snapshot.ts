import path from 'node:path';
import type { CopyFileSystem, EntryKind, EntryStat, RawEntry } from './copy-file-system.js';
import type { ScanResult } from './job-runner.js';

interface FolderRecord {
  readonly names: readonly string[];
  readonly kinds: Uint8Array;
  readonly sizes: Float64Array;
  readonly mtimes: Float64Array;
  readonly offset: number;
  readonly count: number;
  readonly error: string;
  index?: Map<string, number>;
}

const KINDS: readonly EntryKind[] = ['file', 'dir', 'symlink', 'other'];
/** Scan kinds 4 (gone) and 5 (unreadable): the entry is asked of the real file system again. */
const UNKNOWN = 4;

/**
 * Folder listings and lstat results gathered in parallel by the scan jobs, served to the tree walk
 * from memory. Anything the scans did not see (and links, raw names, writes) goes to the real file
 * system, so the walk behaves exactly as it would on the file system itself.
 */
export class TreeSnapshot {
  private readonly folders = new Map<string, FolderRecord>();
  private entryCount = 0;

  /** Adds the folders of a scan of `base`. */
  add(base: string, result: ScanResult): void {
    const names = result.names === '' ? [] : result.names.split('\0');
    let offset = 0;
    result.folders.forEach((rel, f) => {
      const count = result.counts[f] ?? 0;
      const abs = rel === '' ? base : base + path.sep + (path.sep === '/' ? rel : rel.split('/').join(path.sep));
      this.folders.set(abs, { names, kinds: result.kinds, sizes: result.sizes, mtimes: result.mtimes, offset, count, error: result.errors[f] ?? '' });
      offset += count;
    });
    this.entryCount += offset;
  }

  get entries(): number {
    return this.entryCount;
  }

  /** The seam the walk uses: listings and lstat from the snapshot, the rest from `real`. */
  fileSystem(real: CopyFileSystem): CopyFileSystem {
    const folders = this.folders;
    return {
      ...real,
      readDirectory(dir: string): RawEntry[] {
        const record = folders.get(dir);
        if (!record) return real.readDirectory(dir);
        if (record.error !== '') throw Object.assign(new Error(`${record.error}: cannot list ${dir}`), { code: record.error, path: dir });
        const entries: RawEntry[] = new Array(record.count);
        for (let i = 0; i < record.count; i += 1) {
          const kind = record.kinds[record.offset + i] as number;
          entries[i] = { name: record.names[record.offset + i] as string, kind: kind < UNKNOWN ? (KINDS[kind] as EntryKind) : 'file' };
        }
        return entries;
      },
      lstat(file: string): EntryStat {
        const slash = file.lastIndexOf(path.sep);
        const record = slash > 0 ? folders.get(file.slice(0, slash)) : undefined;
        if (!record || record.error !== '') return real.lstat(file);
        if (!record.index) {
          record.index = new Map();
          for (let i = 0; i < record.count; i += 1) record.index.set(record.names[record.offset + i] as string, record.offset + i);
        }
        const at = record.index.get(file.slice(slash + 1));
        const kind = at === undefined ? UNKNOWN : (record.kinds[at] as number);
        if (at === undefined || kind >= UNKNOWN) return real.lstat(file);
        return { kind: KINDS[kind] as EntryKind, size: record.sizes[at] as number, mtimeMs: record.mtimes[at] as number };
      },
    };
  }
}
