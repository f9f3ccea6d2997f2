import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bytesFor, sha256, tempDirs, writeTree } from '../test-support/trees.js';
import { CANCELLED_CODE, createInProcessJobRunner, createWorkerJobRunner, type JobBatch, type JobRunner } from './job-runner.js';

const dirs = tempDirs('pcmig-jobs-');
afterEach(() => dirs.cleanup());

const runners: [string, () => JobRunner][] = [
  ['worker threads', () => createWorkerJobRunner(2)],
  ['in-process', () => createInProcessJobRunner(fs)],
];

describe.each(runners)('job runner (%s)', (_name, create) => {
  it('copies through a temporary name, sets the time, verifies and reports per path', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, { 'a/one.txt': 'one', 'a/two.txt': 'two' });
    fs.mkdirSync(path.join(destination, 'a'));
    const runner = create();
    try {
      const batch: JobBatch = {
        kind: 'copy',
        sourceBase: source,
        destinationBase: destination,
        paths: ['a/one.txt', 'a/missing.txt', 'a/two.txt'],
        mtimes: [Date.parse('2010-01-01T00:00:00.5Z'), 0, Date.parse('2011-01-01T00:00:00Z')],
        verify: true,
        partialPrefix: '.pcmig-partial-0000abcd-',
        partialStart: 1,
      };
      const result = await runner.run(batch);
      expect([...result.ok]).toEqual([1, 0, 1]);
      expect(result.sha256?.[0]).toBe(sha256('one'));
      expect(result.failures).toEqual([{ index: 1, code: 'ENOENT', message: expect.stringContaining('missing.txt') }]);
      expect(fs.readdirSync(path.join(destination, 'a')).sort()).toEqual(['one.txt', 'two.txt']);
      expect(fs.statSync(path.join(destination, 'a/one.txt')).mtimeMs).toBe(Date.parse('2010-01-01T00:00:00.5Z'));
    } finally {
      await runner.close();
    }
  });

  it('copies without verify in the kernel: same content and time, and the mode of a new file, not the source\'s', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    const big = bytesFor(7, 3 * 1024 * 1024 + 17);
    writeTree(source, { 'a/private.bin': big, 'a/read-only.txt': 'read only', 'a/empty': '' });
    fs.chmodSync(path.join(source, 'a/private.bin'), 0o700);
    fs.chmodSync(path.join(source, 'a/read-only.txt'), 0o444);
    fs.mkdirSync(path.join(destination, 'a'));
    // The mode any file created in the destination gets (0o666 less the umask).
    fs.writeFileSync(path.join(destination, 'probe'), '');
    const newFile = fs.statSync(path.join(destination, 'probe')).mode & 0o7777;
    fs.unlinkSync(path.join(destination, 'probe'));
    const times = [Date.parse('2010-01-01T00:00:00.5Z'), Date.parse('2011-02-03T04:05:06Z'), Date.parse('2012-01-01T00:00:00Z')];
    const runner = create();
    try {
      const result = await runner.run({
        kind: 'copy',
        sourceBase: source,
        destinationBase: destination,
        paths: ['a/private.bin', 'a/read-only.txt', 'a/empty'],
        mtimes: times,
        partialPrefix: '.pcmig-partial-0000abcd-',
        partialStart: 1,
      });
      expect(result.failures).toEqual([]);
      expect([...result.ok]).toEqual([1, 1, 1]);
      expect(fs.readdirSync(path.join(destination, 'a')).sort()).toEqual(['empty', 'private.bin', 'read-only.txt']);
      expect(fs.readFileSync(path.join(destination, 'a/private.bin')).equals(big)).toBe(true);
      expect(fs.readFileSync(path.join(destination, 'a/read-only.txt'), 'utf8')).toBe('read only');
      ['a/private.bin', 'a/read-only.txt', 'a/empty'].forEach((rel, i) => {
        const st = fs.statSync(path.join(destination, rel));
        expect(st.mtimeMs, rel).toBe(times[i]);
        expect((st.mode & 0o7777).toString(8), rel).toBe(newFile.toString(8));
      });
    } finally {
      await runner.close();
    }
  });

  it('creates folders (an existing one is fine), removes entries in order, hashes, and refuses escaping paths', async () => {
    const root = dirs.make('root');
    writeTree(root, { 'old/x.txt': 'x', 'h.txt': 'hash me' });
    const runner = create();
    try {
      const made = await runner.run({ kind: 'mkdir', sourceBase: root, destinationBase: root, paths: ['new', 'old', 'h.txt'] });
      expect([...made.ok]).toEqual([1, 1, 0]);
      expect(made.failures[0]).toMatchObject({ index: 2, code: 'EEXIST' });
      const removed = await runner.run({ kind: 'remove', sourceBase: root, destinationBase: root, paths: ['old/x.txt', 'old'], folders: [false, true] });
      expect([...removed.ok]).toEqual([1, 1]);
      const hashed = await runner.run({ kind: 'hash', sourceBase: root, destinationBase: root, paths: ['h.txt'] });
      expect(hashed.sha256?.[0]).toBe(sha256('hash me'));
      expect(hashed.sizes?.[0]).toBe(7);
      const escapes = await runner.run({ kind: 'touch', sourceBase: root, destinationBase: root, paths: ['../etc', 'a/../../x', 'a\\..\\..\\x', '/abs'], mtimes: [0, 0, 0, 0] });
      expect(escapes.failures.map((f) => f.code)).toEqual(['EINVAL', 'EINVAL', 'EINVAL', 'EINVAL']);
    } finally {
      await runner.close();
    }
  });
});

describe('worker job runner', () => {
  it('answers batches it has not started with ECANCELED once cancelled', async () => {
    const root = dirs.make('root');
    writeTree(root, Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, 'x'.repeat(1000)])));
    const runner = createWorkerJobRunner(1);
    try {
      const batches = Array.from({ length: 20 }, (_, i) => runner.run({ kind: 'hash', sourceBase: root, destinationBase: root, paths: [`f${i}`] }));
      runner.cancelPending();
      const results = await Promise.all(batches);
      const cancelled = results.filter((r) => r.failures[0]?.code === CANCELLED_CODE).length;
      expect(cancelled).toBeGreaterThan(0);
      expect(cancelled).toBeLessThan(20); // the batches already handed to the worker finish
    } finally {
      await runner.close();
    }
  });
});
