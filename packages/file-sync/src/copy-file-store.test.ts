import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileStore } from './copy-file-store.js';
import type { CopyItemResult } from './plan/copy-item.js';
import { planCopy } from './plan/plan-copy.js';
import { MANIFEST_PATH } from './paths/store-paths.js';
import { parseManifest } from './manifest/manifest.js';
import { hashTree, listTree, mtimeOf, sha256, tempDirs, writeTree } from './test-support/trees.js';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const STORE = {
  'room-a/1/report.docx': 'quarterly numbers',
  'room-a/2/Q3 plan – données.xlsx': 'unicode name',
  'room-b/1/big.bin': Buffer.alloc(3 * 1024 * 1024 + 17, 7),
  'room-b/1/empty.txt': '',
  'room-c/': null,
  'room-d/nested/deeper/': null,
};

describe('copyFileStore', () => {
  it('copies the whole tree with empty folders and modification times, then skips everything on a re-run', async () => {
    const source = dirs.make('src');
    const destination = path.join(dirs.make('dst'), 'store');
    writeTree(source, STORE, { 'room-a/1/report.docx': new Date('2010-01-02T03:04:05.678Z') });

    const first = await copyFileStore({ source, destination, waitSeconds: 0 });
    expect(first.status).toBe('Success');
    expect(first.exitCode).toBe(0);
    expect(listTree(destination)).toEqual(listTree(source));
    expect(hashTree(destination)).toEqual(hashTree(source));
    for (const rel of listTree(source)) {
      expect(Math.abs(mtimeOf(destination, rel.replace(/\/$/, '')) - mtimeOf(source, rel.replace(/\/$/, ''))), rel).toBeLessThan(1);
    }
    expect(first.actions.copy).toEqual({ count: 4, bytes: 17 + 12 + 3 * 1024 * 1024 + 17 });
    expect(first.actions['create-dir'].count).toBe(9);
    expect(fs.readdirSync(destination).filter((n) => n.includes('partial'))).toEqual([]);

    const second = await copyFileStore({ source, destination, waitSeconds: 0 });
    expect(second.status).toBe('Success');
    expect(second.actions.copy.count + second.actions.replace.count + second.actions['create-dir'].count).toBe(0);
    expect(second.actions.skip.count).toBe(4 + 9);
  });

  it('creates folders and files on several threads at once without tripping over each other', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    // One folder per upload (docs/legacy-schema.md D2): files often reach a worker before their folder.
    writeTree(source, Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`room-${i % 30}/${i}/upload.txt`, `upload ${i}`])));
    const result = await copyFileStore({ source, destination, threads: 4 });
    expect(result.status).toBe('Success');
    expect(result.actions.copy.count).toBe(3000);
    expect(result.actions['create-dir'].count).toBe(3030);
    expect(hashTree(destination)).toEqual(hashTree(source));
  });

  it('performs exactly the items that -WhatIf lists, and -WhatIf writes nothing', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, { ...STORE, 'changed.txt': 'new content', 'same.txt': 'same', 'kept/keep.txt': 'k' });
    writeTree(destination, {
      'changed.txt': 'old',
      'same.txt': 'same',
      'gone.txt': 'not in the source',
      'gone-dir/inner/x.txt': 'x',
      'room-c': 'a file where the source has a folder',
      'kept/.pcmig-partial-0badf00d-3': 'left by a killed run',
    });
    const before = listTree(destination, { includeMeta: true });
    const key = (i: { action: string; path: string; itemize: string }) => `${i.itemize} ${i.action} ${i.path}`;

    const plan = await planCopy({ source, destination, mirror: true });
    const whatIf: CopyItemResult[] = [];
    const dry = await copyFileStore({ source, destination, mirror: true, whatIf: true, onItem: (i) => whatIf.push(i) });
    expect(listTree(destination, { includeMeta: true })).toEqual(before);
    expect(dry.whatIf).toBe(true);
    expect(whatIf.every((i) => i.outcome === 'planned')).toBe(true);
    expect(whatIf.map(key)).toEqual(plan.items.map(key));

    const performed: CopyItemResult[] = [];
    const real = await copyFileStore({ source, destination, mirror: true, waitSeconds: 0, onItem: (i) => performed.push(i) });
    expect(performed.every((i) => i.outcome === 'done')).toBe(true);
    expect(performed.map(key).sort()).toEqual(plan.items.map(key).sort());
    expect(real.actions).toEqual(dry.actions);
    expect(hashTree(destination)).toEqual(hashTree(source));
    expect(listTree(destination)).toEqual(listTree(source));

    const byPath = new Map(plan.items.map((i) => [i.path, i]));
    expect(byPath.get('changed.txt')).toMatchObject({ action: 'replace', itemize: '>f.s.......' });
    expect(byPath.get('same.txt')).toMatchObject({ action: 'skip', itemize: '.f         ' });
    expect(byPath.get('gone-dir/inner/x.txt')).toMatchObject({ action: 'delete', itemize: '*deleting  ' });
    expect(byPath.get('kept/.pcmig-partial-0badf00d-3')).toMatchObject({ action: 'remove-partial' });
    expect(byPath.get('room-b/1/big.bin')).toMatchObject({ action: 'copy', itemize: '>f+++++++++' });
    // Deletions of a folder's content come before the folder itself.
    const order = plan.items.map((i) => i.path);
    expect(order.indexOf('gone-dir/inner/x.txt')).toBeLessThan(order.indexOf('gone-dir/inner'));
    expect(order.indexOf('gone-dir/inner')).toBeLessThan(order.indexOf('gone-dir'));
  });

  it('keeps extra destination entries without -Mirror and lists them', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, { 'a.txt': 'a' });
    writeTree(destination, { 'extra.txt': 'e', 'extra-dir/f.txt': 'f' });
    const result = await copyFileStore({ source, destination });
    expect(result.actions.extra).toEqual({ count: 2, bytes: 1 });
    expect(result.status).toBe('Success');
    expect(listTree(destination)).toEqual(['a.txt', 'extra-dir/', 'extra-dir/f.txt', 'extra.txt']);
  });

  it('-Mirror removes what the source lacks but never the manifest folder', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, { 'a.txt': 'a', 'sub/b.txt': 'b' });
    await copyFileStore({ source, destination, verify: true });
    fs.rmSync(path.join(source, 'sub'), { recursive: true });
    const result = await copyFileStore({ source, destination, mirror: true, verify: true });
    expect(result.actions.delete.count).toBe(2);
    expect(listTree(destination)).toEqual(['a.txt']);
    const manifest = parseManifest(fs.readFileSync(path.join(destination, MANIFEST_PATH), 'utf8'));
    expect([...manifest.keys()]).toEqual(['a.txt']);
  });

  it('-Verify hashes every copied file, reports it, and writes the manifest with the hashes', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, STORE);
    const items: CopyItemResult[] = [];
    const result = await copyFileStore({ source, destination, verify: true, onItem: (i) => items.push(i) });
    const expected = hashTree(source);
    for (const item of items.filter((i) => i.action === 'copy')) expect(item.sha256).toBe(expected.get(item.path));
    expect(result.verified.count).toBe(4);
    expect(result.manifest).toBe(path.join(destination, '.pcmig', 'manifest.csv'));
    const manifest = parseManifest(fs.readFileSync(result.manifest!, 'utf8'));
    expect(new Map([...manifest].map(([p, e]) => [p, e.sha256]))).toEqual(expected);
    expect(manifest.get('room-b/1/big.bin')?.size).toBe(3 * 1024 * 1024 + 17);

    // A re-run trusts the manifest's hashes (same size and time) and hashes nothing again.
    const again = await copyFileStore({ source, destination, verify: true });
    expect(again.verified.count).toBe(0);
    expect(again.actions.skip.count).toBe(4 + 9);
  });

  it('-Verify over an existing copy without a manifest compares contents and replaces a corrupt file', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, { 'a.txt': 'good content', 'b.txt': 'fine' });
    writeTree(destination, { 'a.txt': 'bad!content!', 'b.txt': 'fine' }); // same sizes and times: an XCOPY gone wrong
    const plan = await planCopy({ source, destination, verify: true });
    expect(plan.items.find((i) => i.path === 'a.txt')).toMatchObject({ action: 'replace', changes: ['checksum'], itemize: '>fc........' });
    expect(plan.items.find((i) => i.path === 'b.txt')).toMatchObject({ action: 'skip' });
    const result = await copyFileStore({ source, destination, verify: true });
    expect(result.verified.count).toBe(2 + 1);
    expect(hashTree(destination)).toEqual(hashTree(source));
  });

  it('-Checksum decides by content: equal content with another time is only touched', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, { 'same.txt': 'identical', 'diff.txt': 'abc' }, { 'same.txt': new Date('2011-01-01T00:00:00Z') });
    writeTree(destination, { 'same.txt': 'identical', 'diff.txt': 'xyz' });
    const plan = await planCopy({ source, destination, checksum: true });
    const byPath = new Map(plan.items.map((i) => [i.path, i]));
    expect(byPath.get('same.txt')).toMatchObject({ action: 'touch', itemize: '.f..t......' });
    expect(byPath.get('diff.txt')).toMatchObject({ action: 'replace', itemize: '>fc........' });
    await copyFileStore({ source, destination, checksum: true });
    expect(hashTree(destination)).toEqual(hashTree(source));
    expect(mtimeOf(destination, 'same.txt')).toBe(new Date('2011-01-01T00:00:00Z').getTime());
  });

  it('writes a log with the options, the items and the summary', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    const log = path.join(dirs.make('log'), 'copy.log');
    writeTree(source, { 'a.txt': 'a', 'CON.txt': 'reserved' });
    const result = await copyFileStore({ source, destination, log, verify: true });
    const text = fs.readFileSync(log, 'utf8');
    expect(result.log).toBe(log);
    expect(text).toContain('Copy-CsPersistentChatFileStore');
    expect(text).toContain(`Source:      ${source}`);
    expect(text).toContain('Verify=True');
    expect(text).toContain(`>f+++++++++ a.txt  [sha256 ${sha256('a')}]`);
    expect(text).toContain('! ERROR   ntfs-reserved-name: CON.txt: CON is a reserved device name');
    expect(text).toContain('Status:      Failed (exit code 8)');
  });

  it('stops between files when the caller aborts (PCMIG-FS-013) and leaves no partial file', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`f${i}.txt`, `content ${i}`])));
    const controller = new AbortController();
    let seen = 0;
    await expect(
      copyFileStore({
        source,
        destination,
        threads: 2,
        signal: controller.signal,
        onItem: () => {
          if (++seen === 5) controller.abort();
        },
      }),
    ).rejects.toMatchObject({ id: 'PCMIG-FS-013' });
    const copied = listTree(destination);
    expect(copied.length).toBeGreaterThanOrEqual(5);
    expect(copied.length).toBeLessThan(1000);
    expect(copied.filter((n) => n.includes('partial'))).toEqual([]);
    const sourceHashes = hashTree(source);
    for (const [rel, hash] of hashTree(destination)) expect(hash).toBe(sourceHashes.get(rel));
  });
});
