import os from 'node:os';
import path from 'node:path';
import { fsErrors } from '../errors.js';
import { errorCode, type CopyFileSystem } from '../fs/copy-file-system.js';
import { LOCK_PATH, META_DIR, joinStorePath } from '../paths/store-paths.js';

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
}

export interface DestinationLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/**
 * Takes `<destination>/.pcmig/lock`, so that two copies never run into the same destination at
 * once (each removes the other's unfinished temporary files). A lock left by a process of this
 * host that no longer runs (a killed copy) is taken over; a lock of another host is respected.
 */
export function acquireLock(fs: CopyFileSystem, destination: string): DestinationLock {
  const metaDir = joinStorePath(destination, META_DIR);
  const lockFile = joinStorePath(destination, LOCK_PATH);
  try {
    fs.ops.mkdirSync(metaDir);
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
  }
  const me: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; ; attempt += 1) {
    try {
      fs.ops.writeFileSync(lockFile, JSON.stringify(me), { flag: 'wx' });
      return {
        release: () => {
          try {
            fs.ops.unlinkSync(lockFile);
          } catch {
            // Already gone (or the share is): the next run treats it as stale.
          }
        },
      };
    } catch (error) {
      if (errorCode(error) !== 'EEXIST' || attempt > 0) throw error;
    }
    let owner: Partial<LockOwner> = {};
    try {
      owner = JSON.parse(fs.ops.readFileSync(lockFile, 'utf8')) as Partial<LockOwner>;
    } catch {
      // An empty or torn lock file (the writer was killed while writing it) is stale.
    }
    const stale = owner.host === undefined || (owner.host === me.host && (typeof owner.pid !== 'number' || !isAlive(owner.pid)));
    if (!stale) {
      throw fsErrors.create('PCMIG-FS-011', {
        message: `${path.normalize(lockFile)} is held by process ${String(owner.pid)} on ${String(owner.host)} since ${String(owner.startedAt)}.`,
        target: lockFile,
        reason: { pid: owner.pid, host: owner.host, startedAt: owner.startedAt },
      });
    }
    try {
      fs.ops.unlinkSync(lockFile);
    } catch {
      // Removed meanwhile by its owner: the exclusive create decides.
    }
  }
}
