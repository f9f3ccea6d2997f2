import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withFileLock, type LockOwner } from './file-lock.js';

const dirs: string[] = [];
function lockPath(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-lock-'));
  dirs.push(dir);
  return path.join(dir, 'store.lock');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

class Busy extends Error {
  constructor(readonly owner: LockOwner | null) {
    super('busy');
  }
}
const options = (timeoutMs = 5_000) => ({ timeoutMs, busyError: (_: string, owner: LockOwner | null) => new Busy(owner) });

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('withFileLock', () => {
  it('serialises critical sections and removes the lock afterwards, also when the work throws', async () => {
    const lock = lockPath();
    const trace: string[] = [];
    const section = (name: string) =>
      withFileLock(lock, options(), async () => {
        trace.push(`${name}:in`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        trace.push(`${name}:out`);
      });
    await Promise.all([section('a'), section('b'), section('c')]);
    for (let i = 0; i < trace.length; i += 2) expect(trace[i + 1]).toBe(trace[i]!.replace(':in', ':out'));
    await expect(withFileLock(lock, options(), async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('gives up on a live holder after the timeout, naming it', async () => {
    const lock = lockPath();
    let release!: () => void;
    const holder = withFileLock(lock, options(), () => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const error = await withFileLock(lock, options(50), async () => 'never').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Busy);
    expect((error as Busy).owner).toMatchObject({ pid: process.pid, hostname: os.hostname() });
    release();
    await holder;
  });

  it('takes over a lock whose process died, and one from another host once it is stale', async () => {
    const lock = lockPath();
    fs.writeFileSync(lock, JSON.stringify({ pid: deadPid(), hostname: os.hostname(), token: 'dead', acquiredAt: new Date().toISOString() }));
    expect(await withFileLock(lock, options(200), async () => 'taken')).toBe('taken');

    fs.writeFileSync(lock, JSON.stringify({ pid: 1, hostname: 'other-host', token: 'old', acquiredAt: new Date(Date.now() - 120_000).toISOString() }));
    expect(await withFileLock(lock, options(200), async () => 'taken again')).toBe('taken again');

    fs.writeFileSync(lock, JSON.stringify({ pid: 1, hostname: 'other-host', token: 'fresh', acquiredAt: new Date().toISOString() }));
    await expect(withFileLock(lock, options(100), async () => 'no')).rejects.toBeInstanceOf(Busy);
  });

  it('does not remove a lock that another process took over meanwhile', async () => {
    const lock = lockPath();
    await withFileLock(lock, options(), async () => {
      fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, hostname: os.hostname(), token: 'someone-else', acquiredAt: new Date().toISOString() }));
    });
    expect(JSON.parse(fs.readFileSync(lock, 'utf8')).token).toBe('someone-else');
  });
});
