import fs from 'node:fs';

export type EntryKind = 'file' | 'dir' | 'symlink' | 'other';

export interface RawEntry<Name extends string | Buffer = string> {
  readonly name: Name;
  readonly kind: EntryKind;
}

export interface EntryStat {
  readonly kind: EntryKind;
  readonly size: number;
  readonly mtimeMs: number;
}

/** The synchronous, Node-shaped operations of the per-file jobs, the lock and the manifest. */
export type FileOps = Pick<
  typeof fs,
  | 'openSync'
  | 'copyFileSync'
  | 'chmodSync'
  | 'readSync'
  | 'writeSync'
  | 'futimesSync'
  | 'closeSync'
  | 'utimesSync'
  | 'renameSync'
  | 'unlinkSync'
  | 'rmdirSync'
  | 'mkdirSync'
  | 'lstatSync'
  | 'readFileSync'
  | 'writeFileSync'
  | 'constants'
>;

/**
 * Every file-system operation of the copy goes through this seam, so that tests can inject
 * failures (a write that fails once, a disk that fills up) without slowing anything down.
 * Everything is synchronous on purpose: scans make one lstat per entry, and a synchronous lstat
 * costs a fraction of an asynchronous one; file jobs run on worker threads (job-runner.ts), where
 * synchronous I/O is what robocopy /MT does. With an injected seam, jobs run in-process through
 * `ops`, with the same job code.
 */
export interface CopyFileSystem {
  readDirectory(path: string): RawEntry[];
  /** The same listing with raw names, read only when a name did not decode as UTF-8. */
  readDirectoryRaw(path: string): RawEntry<Buffer>[];
  lstat(path: string): EntryStat;
  realpath(path: string): string;
  readlink(path: string): string;
  /** Throws unless the current account may create entries in the folder. */
  checkWritable(path: string): void;
  readonly ops: FileOps;
  sleep(ms: number): Promise<void>;
}

function kindOf(entry: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryKind {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'dir';
  if (entry.isSymbolicLink()) return 'symlink';
  return 'other';
}

/** The real file system. */
export const nodeFileSystem: CopyFileSystem = {
  readDirectory: (path) => fs.readdirSync(path, { withFileTypes: true }).map((d) => ({ name: d.name, kind: kindOf(d) })),
  readDirectoryRaw: (path) => fs.readdirSync(path, { withFileTypes: true, encoding: 'buffer' }).map((d) => ({ name: d.name as Buffer, kind: kindOf(d) })),
  lstat: (path) => {
    const st = fs.lstatSync(path);
    return { kind: kindOf(st), size: st.size, mtimeMs: st.mtimeMs };
  },
  realpath: (path) => fs.realpathSync.native(path),
  readlink: (path) => fs.readlinkSync(path),
  checkWritable: (path) => fs.accessSync(path, fs.constants.W_OK),
  ops: fs,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * The mode of a file created with open(…, 0o666), as every file of the copy was before unverified
 * copies became kernel copies: 0o666 less the umask. copyFile gives the copy the source's mode,
 * and permissions are not copied (docs/file-sync.md F16), so the job sets this one back. Read from
 * /proc/self/status where there is one, because process.umask() without an argument sets the
 * umask to 0 for a moment (DEP0139): a file created meanwhile by another thread would get 0o666.
 */
export function newFileMode(status = readProcStatus()): number {
  const match = status === undefined ? null : /^Umask:\s+([0-7]+)$/m.exec(status);
  const umask = match ? parseInt(match[1] as string, 8) : process.umask();
  return 0o666 & ~umask;
}

function readProcStatus(): string | undefined {
  try {
    return fs.readFileSync('/proc/self/status', 'utf8');
  } catch {
    return undefined; // not Linux
  }
}

/** The errno code of a failed file-system call ('' when there is none). */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** An Error carrying an errno code (job results cross threads as data). */
export function errnoError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(code && !message.includes(code) ? `${code}: ${message}` : message), { code });
}
