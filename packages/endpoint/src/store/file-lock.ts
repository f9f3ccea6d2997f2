import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';

/** What a lock file holds: enough to tell a live holder from one that crashed. */
export interface LockOwner {
  readonly pid: number;
  readonly hostname: string;
  readonly token: string;
  readonly acquiredAt: string;
}

export interface FileLockOptions {
  /** How long to wait for a busy lock before giving up. */
  readonly timeoutMs?: number;
  /** A lock held from another host counts as abandoned after this long (its pid cannot be checked). */
  readonly foreignStaleMs?: number;
  /** Builds the error thrown when the lock stays busy (each store reports in its own area). */
  readonly busyError: (lockFile: string, owner: LockOwner | null) => Error;
}

/**
 * Runs `work` while holding an exclusive lock file (created with O_EXCL, so exactly one process
 * wins). A lock left behind by a process that died is taken over: on the same host when its
 * pid no longer runs, from another host after `foreignStaleMs`.
 */
export async function withFileLock<T>(lockFile: string, options: FileLockOptions, work: () => Promise<T>): Promise<T> {
  const token = await acquire(lockFile, options);
  try {
    return await work();
  } finally {
    await release(lockFile, token);
  }
}

async function acquire(lockFile: string, options: FileLockOptions): Promise<string> {
  const owner: LockOwner = { pid: process.pid, hostname: os.hostname(), token: randomUUID(), acquiredAt: new Date().toISOString() };
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  let delay = 2;
  for (;;) {
    try {
      await fs.writeFile(lockFile, JSON.stringify(owner), { flag: 'wx', mode: 0o600 });
      return owner.token;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readOwner(lockFile);
    if (holder === 'gone') continue;
    if (holder === null || isAbandoned(holder, options.foreignStaleMs ?? 60_000)) {
      await breakLock(lockFile, holder, options);
      continue;
    }
    if (Date.now() >= deadline) throw options.busyError(lockFile, holder);
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 25);
  }
}

async function release(lockFile: string, token: string): Promise<void> {
  const holder = await readOwner(lockFile);
  // Only remove our own lock: never one that another process took over meanwhile.
  if (holder !== 'gone' && holder !== null && holder.token === token) await fs.rm(lockFile, { force: true });
}

/** The holder; null when the file is unreadable (a writer that died mid-write); 'gone' when released. */
async function readOwner(lockFile: string): Promise<LockOwner | null | 'gone'> {
  let text: string;
  try {
    text = await fs.readFile(lockFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.hostname === 'string' && typeof value.token === 'string') return value as LockOwner;
  } catch {
    // fall through: a torn write
  }
  // A lock file being written right now is momentarily empty; give the writer a moment.
  const stat = await fs.stat(lockFile).catch(() => null);
  if (stat && Date.now() - stat.mtimeMs < 1_000) return { pid: -1, hostname: '', token: '', acquiredAt: '' };
  return null;
}

function isAbandoned(owner: LockOwner, foreignStaleMs: number): boolean {
  if (owner.pid === -1) return false;
  if (owner.hostname !== os.hostname()) return Date.now() - Date.parse(owner.acquiredAt) > foreignStaleMs;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes an abandoned lock. Two processes may find the same dead lock; a short-lived breaker
 * lock makes sure only one of them removes it, and it re-reads the lock first so that it never
 * removes a lock someone else has just taken.
 */
async function breakLock(lockFile: string, seen: LockOwner | null, options: FileLockOptions): Promise<void> {
  const breaker = `${lockFile}.break`;
  try {
    await fs.writeFile(breaker, String(process.pid), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const stat = await fs.stat(breaker).catch(() => null);
    // A breaker is held for microseconds; one older than a few seconds belongs to a dead process.
    if (stat && Date.now() - stat.mtimeMs > 5_000) await fs.rm(breaker, { force: true });
    await sleep(5);
    return;
  }
  try {
    const current = await readOwner(lockFile);
    if (current === 'gone') return;
    const stillAbandoned =
      current === null ? seen === null : seen !== null && current.token === seen.token && isAbandoned(current, options.foreignStaleMs ?? 60_000);
    if (stillAbandoned) await fs.rm(lockFile, { force: true });
  } finally {
    await fs.rm(breaker, { force: true });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
