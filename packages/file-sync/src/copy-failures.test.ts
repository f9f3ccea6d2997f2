import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileStore } from './copy-file-store.js';
import { nodeFileSystem, type FileOps } from './fs/copy-file-system.js';
import { LOCK_PATH } from './paths/store-paths.js';
import { planCopy } from './plan/plan-copy.js';
import { bytesFor, copyFaults, errno, hashTree, listTree, tempDirs, withFaults, writeTree } from './test-support/trees.js';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

function smallStore(count: number, size = 2048): Record<string, Buffer> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`room-${i % 3}/${i}/file-${i}.bin`, bytesFor(i, size + i)]));
}

describe('retries', () => {
  it('retries a file that fails and then succeeds, waiting -Wait seconds in between', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, { 'flaky.txt': 'eventually', 'fine.txt': 'fine' });
    const waits: number[] = [];
    const fileSystem = withFaults(
      copyFaults((source, attempt) => (source.endsWith('flaky.txt') && attempt <= 2 ? { openCopy: errno('EIO', 'i/o error on the share') } : undefined)),
      {
        sleep: async (ms) => {
          waits.push(ms);
        },
      },
    );
    const items: { path: string; attempts: number; outcome: string }[] = [];
    const result = await copyFileStore({ source, destination, retry: 3, waitSeconds: 7, fileSystem, onItem: (i) => items.push(i) });
    expect(result.status).toBe('Success');
    expect(items.find((i) => i.path === 'flaky.txt')).toMatchObject({ attempts: 3, outcome: 'done' });
    expect(waits).toEqual([7000, 7000]);
    expect(hashTree(destination)).toEqual(hashTree(source));
  });

  it('gives up after -Retry retries with PCMIG-FS-008 and the cause, and leaves no partial file', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, { 'broken.txt': 'never', 'fine.txt': 'fine' });
    let attempts = 0;
    const fileSystem = withFaults(
      copyFaults((source) => {
        if (!source.endsWith('broken.txt')) return undefined;
        attempts += 1;
        // Half the file is written before the share goes away.
        return { failAfter: { bytes: 3, error: errno('ECONNRESET', 'the share went away') } };
      }),
      { sleep: async () => undefined },
    );
    const result = await copyFileStore({ source, destination, retry: 2, fileSystem });
    expect(attempts).toBe(3);
    expect(result.status).toBe('Failed');
    expect(result.exitCode).toBe(8);
    expect(result.failed).toEqual({ count: 1, bytes: 5 });
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({ code: 'copy-failed', path: 'broken.txt', attempts: 3, error: { id: 'PCMIG-FS-008', category: 'WriteError' } });
    expect(result.failures[0]!.error.cause).toContain('ECONNRESET');
    expect(listTree(destination)).toEqual(['fine.txt']);
  });

  it('does not retry what cannot heal (access denied off Windows)', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, { 'denied.txt': 'd' });
    let attempts = 0;
    const fileSystem = withFaults(
      copyFaults(() => {
        attempts += 1;
        return { openCopy: errno('EACCES') };
      }),
    );
    const result = await copyFileStore({ source, destination, retry: 5, fileSystem });
    expect(attempts).toBe(process.platform === 'win32' ? 6 : 1);
    expect(result.failures[0]).toMatchObject({ attempts: process.platform === 'win32' ? 6 : 1 });
  });

  it('-Verify catches a corrupted copy, retries it, and fails it with PCMIG-FS-009 if it stays corrupt', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, { 'once.bin': bytesFor(1, 5000), 'always.bin': bytesFor(2, 5000) });
    const fileSystem = withFaults(
      copyFaults((source, attempt) => (source.endsWith('always.bin') || (source.endsWith('once.bin') && attempt === 1) ? { corrupt: true } : undefined)),
      { sleep: async () => undefined },
    );
    const result = await copyFileStore({ source, destination, verify: true, retry: 1, fileSystem });
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({ code: 'verify-mismatch', path: 'always.bin', attempts: 2, error: { id: 'PCMIG-FS-009' } });
    expect(listTree(destination)).toEqual(['once.bin']);
    expect(hashTree(destination).get('once.bin')).toBe(hashTree(source).get('once.bin'));
  });
});

describe('kernel copies (without -Verify)', () => {
  const partials = (root: string) => listTree(root).filter((name) => name.includes('.pcmig-partial-'));

  it('a copy that fails midway leaves neither the file nor its temporary name, and a retry copies it', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, { 'room/big.bin': bytesFor(3, 300_000), 'room/fine.txt': 'fine' });
    let bigCopies = 0;
    const userSpaceCopies: string[] = [];
    const fileSystem = withFaults(
      {
        copyFileSync: (from: fs.PathLike, to: fs.PathLike, mode?: number) => {
          if (!String(from).endsWith('big.bin') || ++bigCopies > 2) return fs.copyFileSync(from, to, mode);
          // The first 64 KB arrive, then the share goes away; the partial file stays behind.
          fs.writeFileSync(to, fs.readFileSync(from).subarray(0, 65_536), { flag: 'wx' });
          throw errno('ECONNRESET', 'the share went away');
        },
        openSync: ((file: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
          if (flags === 'wx') userSpaceCopies.push(String(file));
          return fs.openSync(file, flags ?? 'r', mode);
        }) as FileOps['openSync'],
      },
      { sleep: async () => undefined },
    );
    const failed = await copyFileStore({ source, destination, retry: 0, fileSystem });
    expect(failed.failures).toMatchObject([{ code: 'copy-failed', path: 'room/big.bin', attempts: 1, error: { id: 'PCMIG-FS-008' } }]);
    expect(failed.failures[0]!.error.cause).toContain('ECONNRESET');
    expect(listTree(destination)).toEqual(['room/', 'room/fine.txt']);
    expect(bigCopies).toBe(1);

    // Fails once more (the second temporary name), then the third attempt copies it.
    const retried = await copyFileStore({ source, destination, retry: 1, fileSystem });
    expect(retried.failures).toEqual([]);
    expect(retried.actions.copy.count).toBe(1);
    expect(bigCopies).toBe(3);
    expect(hashTree(destination)).toEqual(hashTree(source));
    expect(partials(destination)).toEqual([]);
    expect(userSpaceCopies).toEqual([]);
  });

  it.each(['chmodSync', 'utimesSync', 'renameSync'] as const)('removes the temporary file when %s fails after the kernel copy', async (step) => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, { 'room/a.bin': bytesFor(4, 50_000) });
    let failures = 0;
    const fail = (file: fs.PathLike) => {
      if (String(file).includes('.pcmig-partial-')) {
        failures += 1;
        throw errno('EIO', `${step} failed`);
      }
    };
    const ops: Partial<FileOps> = {
      chmodSync: (file, mode) => (step === 'chmodSync' && fail(file), fs.chmodSync(file, mode)),
      utimesSync: (file, atime, mtime) => (step === 'utimesSync' && fail(file), fs.utimesSync(file, atime, mtime)),
      renameSync: (from, to) => (step === 'renameSync' && fail(from), fs.renameSync(from, to)),
    };
    const result = await copyFileStore({ source, destination, retry: 0, fileSystem: withFaults(ops) });
    expect(failures).toBe(1);
    expect(result.failures).toMatchObject([{ code: 'copy-failed', path: 'room/a.bin' }]);
    expect(listTree(destination)).toEqual(['room/']);
  });

  it('accepts a file system that refuses modes (EPERM from chmod, as CIFS without noperm gives)', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, { 'a.txt': 'a' });
    let refused = 0;
    const fileSystem = withFaults({
      chmodSync: () => {
        refused += 1;
        throw errno('EPERM', 'operation not permitted');
      },
    });
    const result = await copyFileStore({ source, destination, fileSystem });
    expect(refused).toBe(1);
    expect(result.status).toBe('Success');
    expect(hashTree(destination)).toEqual(hashTree(source));
  });

  it('-Verify copies through user space (it hashes the bytes it writes), never in the kernel', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, { 'room/a.bin': bytesFor(5, 70_000) });
    fs.chmodSync(path.join(source, 'room/a.bin'), 0o700);
    const fileSystem = withFaults({
      copyFileSync: () => {
        throw new Error('no kernel copy with -Verify');
      },
    });
    const result = await copyFileStore({ source, destination, verify: true, fileSystem });
    expect(result.status).toBe('Success');
    expect(result.verified.count).toBe(1);
    expect(hashTree(destination)).toEqual(hashTree(source));
  });
});

describe('folders created by other threads', () => {
  it('copies a file whose folder appears while its copy fails for lack of it', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, { 'room/1/upload.txt': 'upload' });
    const fileSystem = withFaults(
      copyFaults((source, attempt) =>
        source.endsWith('upload.txt') && attempt === 1
          ? {
              // The folder was not there when the copy started; another worker creates it meanwhile.
              prepare: (copy) => fs.mkdirSync(path.dirname(copy), { recursive: true }),
              openCopy: errno('ENOENT', 'no such file or directory'),
            }
          : undefined,
      ),
    );
    const result = await copyFileStore({ source, destination, fileSystem, retry: 0 });
    expect(result.status).toBe('Success');
    expect(hashTree(destination)).toEqual(hashTree(source));
  });
});

describe('disk full mid-copy', () => {
  it('stops with PCMIG-FS-006, keeps only complete files, and a rerun finishes the job', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, smallStore(60));
    let budget = 20;
    const fileSystem = withFaults(
      // After 20 files the disk fills up, 100 bytes into the next one.
      copyFaults(() => (budget-- <= 0 ? { failAfter: { bytes: 100, error: errno('ENOSPC', 'no space left on device') } } : undefined)),
    );
    const error = await copyFileStore({ source, destination, threads: 4, fileSystem }).catch((e: unknown) => e);
    expect(error).toMatchObject({ id: 'PCMIG-FS-006', category: 'ResourceUnavailable' });
    expect((error as { reason: { copied: number } }).reason.copied).toBe(20);
    const sourceHashes = hashTree(source);
    const partial = hashTree(destination);
    expect(partial.size).toBe(20);
    for (const [rel, hash] of partial) expect(hash, rel).toBe(sourceHashes.get(rel));
    expect(listTree(destination).filter((n) => n.includes('.pcmig-partial-'))).toEqual([]);
    expect(fs.existsSync(path.join(destination, LOCK_PATH))).toBe(false);

    const rerun = await copyFileStore({ source, destination });
    expect(rerun.actions.copy.count).toBe(40);
    expect(rerun.actions.skip.count).toBeGreaterThanOrEqual(20);
    expect(hashTree(destination)).toEqual(sourceHashes);
  });
});

describe('bad input', () => {
  it('refuses a missing source, a file as source, and overlapping folders', async () => {
    const base = dirs.make('base');
    writeTree(base, { 'src/a.txt': 'a', 'file.txt': 'f' });
    const source = path.join(base, 'src');
    await expect(copyFileStore({ source: path.join(base, 'missing'), destination: path.join(base, 'd') })).rejects.toMatchObject({ id: 'PCMIG-FS-002', category: 'ObjectNotFound' });
    await expect(copyFileStore({ source: path.join(base, 'file.txt'), destination: path.join(base, 'd') })).rejects.toMatchObject({ id: 'PCMIG-FS-003' });
    await expect(copyFileStore({ source, destination: path.join(source, 'copy') })).rejects.toMatchObject({ id: 'PCMIG-FS-004' });
    await expect(copyFileStore({ source, destination: source })).rejects.toMatchObject({ id: 'PCMIG-FS-004' });
    await expect(copyFileStore({ source, destination: base })).rejects.toMatchObject({ id: 'PCMIG-FS-004' });
    fs.symlinkSync(source, path.join(base, 'alias'));
    await expect(copyFileStore({ source: path.join(base, 'alias'), destination: path.join(source, 'x') })).rejects.toMatchObject({ id: 'PCMIG-FS-004' });
    await expect(copyFileStore({ source, destination: path.join(base, 'file.txt', 'below') })).rejects.toMatchObject({ id: 'PCMIG-FS-003' });
    expect(listTree(base)).toEqual(['alias', 'file.txt', 'src/', 'src/a.txt']);
  });

  it('refuses out-of-range options with PCMIG-FS-001 naming the option', async () => {
    const source = dirs.make('src');
    for (const options of [{ threads: 0 }, { threads: 65 }, { retry: -1 }, { retry: 1_000_000 }, { waitSeconds: 1.5 }, { waitSeconds: 3601 }]) {
      await expect(copyFileStore({ source, destination: `${source}-x`, ...options })).rejects.toMatchObject({ id: 'PCMIG-FS-001', target: Object.keys(options)[0] });
    }
    await expect(copyFileStore({ source: '', destination: source })).rejects.toMatchObject({ id: 'PCMIG-FS-001', target: 'source' });
  });

  it('reports a destination that cannot be written (PCMIG-FS-005), in WhatIf too', async () => {
    const source = dirs.make('src');
    writeTree(source, { 'a.txt': 'a' });
    const destination = path.join(dirs.make('dst'), 'new', 'store');
    const fileSystem = withFaults(
      {
        mkdirSync: () => {
          throw errno('EACCES');
        },
      },
      {
        checkWritable: () => {
          throw errno('EACCES');
        },
      },
    );
    await expect(copyFileStore({ source, destination, fileSystem, whatIf: true })).rejects.toMatchObject({ id: 'PCMIG-FS-005', category: 'PermissionDenied' });
    const readOnlyLater = withFaults({
      mkdirSync: () => {
        throw errno('EROFS');
      },
    });
    await expect(copyFileStore({ source, destination, fileSystem: readOnlyLater })).rejects.toMatchObject({ id: 'PCMIG-FS-005' });
  });

  it('refuses a log inside either tree (PCMIG-FS-010) and an unwritable log (PCMIG-FS-014)', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    await expect(copyFileStore({ source, destination, log: path.join(destination, 'copy.log') })).rejects.toMatchObject({ id: 'PCMIG-FS-010' });
    await expect(copyFileStore({ source, destination, log: path.join(source, 'copy.log') })).rejects.toMatchObject({ id: 'PCMIG-FS-010' });
    await expect(copyFileStore({ source, destination, log: path.join(source, 'nope', 'x', 'copy.log').replace(source, `${source}-missing`) })).rejects.toMatchObject({
      id: 'PCMIG-FS-014',
    });
  });

  it('refuses to run beside another live copy into the same destination, but takes over a stale lock', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, { 'a.txt': 'a' });
    fs.mkdirSync(path.join(destination, '.pcmig'));
    const lock = path.join(destination, LOCK_PATH);
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: '2024-01-01T00:00:00Z' }));
    await expect(copyFileStore({ source, destination })).rejects.toMatchObject({ id: 'PCMIG-FS-011', category: 'ResourceBusy' });
    expect(listTree(destination)).toEqual([]);

    fs.writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), startedAt: '2024-01-01T00:00:00Z' }));
    const result = await copyFileStore({ source, destination });
    expect(result.status).toBe('Success');
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('skips an unreadable source folder with a finding and deletes nothing under it', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, { 'locked/a.txt': 'a', 'open/b.txt': 'b' });
    writeTree(destination, { 'locked/only-in-destination.txt': 'keep me' });
    const fileSystem = withFaults(
      {},
      {
        readDirectory: (dir) => {
          if (dir.endsWith(`${path.sep}locked`) && dir.startsWith(fs.realpathSync(source))) throw errno('EACCES');
          return nodeFileSystem.readDirectory(dir);
        },
      },
    );
    const plan = await planCopy({ source, destination, mirror: true, fileSystem });
    expect(plan.findings).toEqual([{ code: 'unreadable', severity: 'error', path: 'locked', side: 'source', reason: 'EACCES' }]);
    expect(plan.items.filter((i) => i.action === 'delete')).toEqual([]);
  });
});
