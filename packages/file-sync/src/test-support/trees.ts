import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nodeFileSystem, type CopyFileSystem, type FileOps } from '../fs/copy-file-system.js';
import { META_DIR } from '../paths/store-paths.js';

/** A fresh temporary folder; `cleanup` removes every folder made so far. */
export function tempDirs(prefix = 'pcmig-fs-'): { make(name?: string): string; cleanup(): void } {
  const made: string[] = [];
  return {
    make(name = 'tree') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}${name}-`));
      made.push(dir);
      return dir;
    },
    cleanup() {
      for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** File content by store-relative path; `null` makes an empty folder. */
export type TreeSpec = Record<string, string | Buffer | null>;

const FIXED_TIME = new Date('2012-03-04T05:06:07.891Z');

/** Writes a tree; every file and folder gets a fixed, distinctive time unless `times` says otherwise. */
export function writeTree(root: string, spec: TreeSpec, times: Record<string, Date> = {}): void {
  for (const [rel, content] of Object.entries(spec)) {
    const abs = path.join(root, ...rel.split('/'));
    if (content === null) fs.mkdirSync(abs, { recursive: true });
    else {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, content);
    }
  }
  // Times last, deepest first, so that writing children does not move a folder's time again.
  const all = listTree(root).sort((a, b) => b.length - a.length);
  for (const rel of all) {
    const clean = rel.replace(/\/$/, '');
    const time = times[clean] ?? FIXED_TIME;
    fs.utimesSync(path.join(root, ...clean.split('/')), time, time);
  }
}

/** Every entry under root (folders end with '/'), sorted, without pcmig's own folder. */
export function listTree(root: string, options: { includeMeta?: boolean } = {}): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(rel === '' ? root : path.join(root, rel), { withFileTypes: true })) {
      if (rel === '' && entry.name === META_DIR && !options.includeMeta) continue;
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        out.push(`${child}/`);
        walk(child);
      } else out.push(child);
    }
  };
  walk('');
  return out.sort();
}

export function sha256(content: string | Buffer): string {
  return crypto.createHash('sha256').update(content).digest('hex');
}

/** SHA-256 of every regular file under root, by store-relative path (pcmig's folder excluded). */
export function hashTree(root: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const rel of listTree(root)) {
    if (rel.endsWith('/')) continue;
    const abs = path.join(root, ...rel.split('/'));
    if (fs.lstatSync(abs).isFile()) hashes.set(rel, sha256(fs.readFileSync(abs)));
  }
  return hashes;
}

export function mtimeOf(root: string, rel: string): number {
  return fs.statSync(rel === '' ? root : path.join(root, ...rel.split('/'))).mtimeMs;
}

/** Deterministic pseudo-random bytes (a file's content from its index). */
export function bytesFor(index: number, size: number): Buffer {
  const out = Buffer.allocUnsafe(size);
  let state = (Math.imul(index + 1, 0x9e3779b1) >>> 0) || 1;
  for (let i = 0; i < size; i += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    out[i] = state & 0xff;
  }
  return out;
}

/**
 * The real file system with some operations replaced: `ops` are the synchronous calls of the
 * file jobs (which then run in-process, with the production job code), `rest` the scans and waits.
 */
export function withFaults(ops: Partial<FileOps>, rest: Partial<Omit<CopyFileSystem, 'ops'>> = {}): CopyFileSystem {
  return { ...nodeFileSystem, ...rest, ops: { ...fs, ...ops } };
}

export function errno(code: string, message = code): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** What goes wrong when a file is copied (see copyFaults). */
export interface CopyFault {
  /** Opening the source fails. */
  readonly openSource?: Error;
  /** Creating the temporary file fails (after `prepare` runs, if any). */
  readonly openCopy?: Error;
  /** Runs just before the temporary file is created (a folder appearing, say). */
  readonly prepare?: (copyPath: string) => void;
  /** Writing fails once this many bytes are written (they are written first: a partial file). */
  readonly failAfter?: { readonly bytes: number; readonly error: Error };
  /** One byte of what is written is flipped (size unchanged): corruption on the way. */
  readonly corrupt?: boolean;
}

/**
 * File-system operations that inject faults into the copy of chosen files: `decide` sees each
 * source path as it is opened for copying (with the attempt number) and returns the fault, if any.
 * Both ways the job code copies are covered: the kernel copy (copyFileSync, without -Verify) and
 * the copy through user space (-Verify), for which this tracks which temporary file belongs to
 * which source, as the in-process job runner opens the source and then its temporary file.
 */
export function copyFaults(decide: (source: string, attempt: number) => CopyFault | undefined): Partial<FileOps> {
  const attempts = new Map<string, number>();
  const faultFor = (source: string) => {
    const attempt = (attempts.get(source) ?? 0) + 1;
    attempts.set(source, attempt);
    const fault = decide(source, attempt);
    if (fault?.openSource) throw fault.openSource;
    return fault;
  };
  let pending: CopyFault | undefined;
  const copies = new Map<number, { fault: CopyFault; written: number }>();
  return {
    copyFileSync: (source: fs.PathLike, copyPath: fs.PathLike, mode?: number) => {
      const fault = faultFor(String(source));
      if (!fault) return fs.copyFileSync(source, copyPath, mode);
      fault.prepare?.(String(copyPath));
      if (fault.openCopy) throw fault.openCopy;
      fs.copyFileSync(source, copyPath, mode);
      if (fault.corrupt) {
        const bytes = fs.readFileSync(copyPath);
        const at = Math.floor(bytes.length / 2);
        bytes[at] = (bytes[at] ?? 0) ^ 0x55;
        fs.writeFileSync(copyPath, bytes);
      }
      const limit = fault.failAfter;
      // The first bytes stay behind, as when the copy's own clean-up fails too (the share is gone).
      if (limit && fs.statSync(copyPath).size > limit.bytes) {
        fs.truncateSync(copyPath, limit.bytes);
        throw limit.error;
      }
    },
    openSync: ((file: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
      const name = String(file);
      if (flags === 'r') {
        pending = faultFor(name);
      } else if (flags === 'wx' && pending) {
        const fault = pending;
        pending = undefined;
        fault.prepare?.(name);
        if (fault.openCopy) throw fault.openCopy;
        const fd = fs.openSync(file, flags, mode);
        copies.set(fd, { fault, written: 0 });
        return fd;
      }
      return fs.openSync(file, flags ?? 'r', mode);
    }) as FileOps['openSync'],
    writeSync: ((fd: number, data: NodeJS.ArrayBufferView, offset?: number, length?: number) => {
      const copy = copies.get(fd);
      const start = offset ?? 0;
      const count = length ?? data.byteLength - start;
      if (!copy) return fs.writeSync(fd, data, start, count);
      let bytes = Buffer.from(data.buffer, data.byteOffset + start, count);
      if (copy.fault.corrupt) {
        bytes = Buffer.from(bytes);
        const at = Math.floor(bytes.length / 2);
        bytes[at] = (bytes[at] ?? 0) ^ 0x55;
      }
      const limit = copy.fault.failAfter;
      if (limit && copy.written + bytes.length > limit.bytes) {
        const allowed = Math.max(0, limit.bytes - copy.written);
        if (allowed > 0) fs.writeSync(fd, bytes, 0, allowed);
        copy.written += allowed;
        throw limit.error;
      }
      const written = fs.writeSync(fd, bytes, 0, bytes.length);
      copy.written += written;
      return written;
    }) as FileOps['writeSync'],
    closeSync: (fd: number) => {
      copies.delete(fd);
      fs.closeSync(fd);
    },
  };
}
