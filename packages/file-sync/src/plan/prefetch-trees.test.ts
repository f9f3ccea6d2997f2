import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../fs/copy-file-system.js';
import { createWorkerJobRunner } from '../fs/job-runner.js';
import { tempDirs, withFaults, writeTree } from '../test-support/trees.js';
import { prefetchTrees } from './prefetch-trees.js';
import { walkTrees } from './walk-trees.js';

const dirs = tempDirs('pcmig-prefetch-');
afterEach(() => dirs.cleanup());

describe('prefetchTrees', () => {
  it('gives the walk exactly what the file system itself gives', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    const spec: Record<string, string | null> = { 'empty/': null, 'CON.txt': 'x', 'a/b/c/d/e.txt': 'deep', 'same.txt': 'same', 'changed.txt': 'new' };
    for (let i = 0; i < 60; i += 1) spec[`room-${i}/${i % 7}/file-${i}.txt`] = `content ${i}`;
    writeTree(source, spec);
    writeTree(destination, { 'same.txt': 'same', 'changed.txt': 'old', 'extra/x.txt': 'x', 'room-3/.pcmig-partial-0badf00d-1': 'partial', 'a/b': 'file where a folder is' });
    fs.symlinkSync('/etc/hostname', path.join(source, 'room-1', 'leak'));
    execFileSync('mkfifo', [path.join(source, 'room-2', 'pipe')]);
    fs.writeFileSync(Buffer.concat([Buffer.from(`${source}/room-4/bad-`), Buffer.from([0xff]), Buffer.from('.txt')]), 'latin-1');

    const realSource = fs.realpathSync(source);
    const realDestination = fs.realpathSync(destination);
    const runner = createWorkerJobRunner(3);
    try {
      const snapshot = await prefetchTrees(runner, [realSource, realDestination], 3, () => undefined);
      for (const options of [{ mirror: false, checksum: false, verify: false }, { mirror: true, checksum: true, verify: true }]) {
        const input = { sourceRoot: realSource, destinationRoot: realDestination, destinationExists: true, maxPathLength: 200, manifest: undefined, onEntry: () => undefined, ...options };
        const prefetched = walkTrees({ ...input, fs: snapshot.fileSystem(nodeFileSystem) });
        const walked = walkTrees({ ...input, fs: nodeFileSystem });
        expect(prefetched.items).toEqual(walked.items);
        expect(prefetched.findings).toEqual(walked.findings);
        expect(prefetched.directories).toEqual(walked.directories);
        expect(prefetched.checks.map((c) => c.item.path)).toEqual(walked.checks.map((c) => c.item.path));
        expect(prefetched.items.length).toBeGreaterThan(120);
        expect(prefetched.findings.map((f) => f.code).sort()).toEqual(['invalid-encoding', 'ntfs-reserved-name', 'special-file', 'symlink-outside-source', ...(options.mirror ? [] : ['type-conflict'])].sort());
      }
    } finally {
      await runner.close();
    }
  });

  it('spreads the scan over the threads and sees every entry once', async () => {
    const root = dirs.make('tree');
    const spec: Record<string, string> = {};
    for (let i = 0; i < 200; i += 1) spec[`r${i % 20}/${i}/f.txt`] = 'x';
    writeTree(root, spec);
    const runner = createWorkerJobRunner(2);
    try {
      const seen: number[] = [];
      const snapshot = await prefetchTrees(runner, [root], 2, (n) => seen.push(n));
      expect(snapshot.entries).toBe(20 + 200 + 200);
      expect(seen.length).toBeGreaterThan(2);
      const view = snapshot.fileSystem(withFaults({}));
      expect(view.readDirectory(path.join(root, 'r3')).map((e) => e.name).sort()).toEqual(['103', '123', '143', '163', '183', '23', '3', '43', '63', '83']);
      expect(view.lstat(path.join(root, 'r3', '23', 'f.txt'))).toMatchObject({ kind: 'file', size: 1 });
    } finally {
      await runner.close();
    }
  });
});
