import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileStore } from './copy-file-store.js';
import { nodeFileSystem } from './fs/copy-file-system.js';
import type { CopyFinding } from './plan/copy-finding.js';
import { planCopy } from './plan/plan-copy.js';
import { hashTree, listTree, tempDirs, withFaults, writeTree } from './test-support/trees.js';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const codes = (findings: readonly CopyFinding[]) => findings.map((f) => `${f.code} ${f.path}`).sort();

describe('symbolic links', () => {
  it('never follows a link out of the source tree, and reports links inside it', async () => {
    const outside = dirs.make('secret');
    writeTree(outside, { 'passwords.txt': 'top secret', 'dir/x.txt': 'x' });
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, { 'room/real.txt': 'real file' });
    fs.symlinkSync(path.join(outside, 'passwords.txt'), path.join(source, 'room', 'leak.txt'));
    fs.symlinkSync(path.join(outside, 'dir'), path.join(source, 'room', 'leak-dir'));
    fs.symlinkSync('../../../../../../../../etc/hostname', path.join(source, 'room', 'relative-leak'));
    fs.symlinkSync('real.txt', path.join(source, 'room', 'alias.txt'));
    fs.symlinkSync('/nonexistent/target', path.join(source, 'dangling'));

    const result = await copyFileStore({ source, destination });
    expect(codes(result.findings)).toEqual([
      'symlink-not-followed room/alias.txt',
      'symlink-outside-source dangling',
      'symlink-outside-source room/leak-dir',
      'symlink-outside-source room/leak.txt',
      'symlink-outside-source room/relative-leak',
    ]);
    expect(listTree(destination)).toEqual(['room/', 'room/real.txt']);
    expect(result.status).toBe('Failed');
    expect(result.exitCode).toBe(8);
  });

  it('does not list a folder that turned into a link after it was listed', async () => {
    const outside = dirs.make('secret');
    writeTree(outside, { 'passwords.txt': 'top secret' });
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, { 'room/a.txt': 'a' });
    const swapped = path.join(fs.realpathSync(source), 'room');
    const listed: string[] = [];
    const fileSystem = withFaults(
      {},
      {
        readDirectory: (dir) => {
          listed.push(dir);
          return nodeFileSystem.readDirectory(dir);
        },
        // Between the listing and the look at the folder itself, someone swaps it for a link.
        lstat: (file) => (file === swapped ? { kind: 'symlink', size: 0, mtimeMs: 0 } : nodeFileSystem.lstat(file)),
        readlink: (file) => (file === swapped ? outside : nodeFileSystem.readlink(file)),
        realpath: (file) => (file === swapped ? outside : nodeFileSystem.realpath(file)),
      },
    );
    const plan = await planCopy({ source, destination, fileSystem });
    expect(plan.findings).toEqual([{ code: 'symlink-outside-source', severity: 'error', path: 'room', target: outside }]);
    expect(listed).not.toContain(swapped);
    expect(plan.items).toEqual([]);
  });

  it('never writes through a link in the destination', async () => {
    const elsewhere = dirs.make('elsewhere');
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, { 'room/a.txt': 'a', 'file.txt': 'f' });
    fs.symlinkSync(elsewhere, path.join(destination, 'room'));
    fs.symlinkSync(path.join(elsewhere, 'target.txt'), path.join(destination, 'file.txt'));

    const plain = await copyFileStore({ source, destination });
    expect(codes(plain.findings)).toEqual(['type-conflict file.txt', 'type-conflict room']);
    expect(fs.readdirSync(elsewhere)).toEqual([]);

    // -Mirror replaces the links themselves (never their targets) with the source's entries.
    const mirrored = await copyFileStore({ source, destination, mirror: true });
    expect(mirrored.status).toBe('Success');
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    expect(fs.lstatSync(path.join(destination, 'room')).isDirectory()).toBe(true);
    expect(hashTree(destination)).toEqual(hashTree(source));
  });
});

describe('names NTFS cannot hold', () => {
  it('reports each with its path and copies everything else unchanged', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, {
      'ok/normal name (1).txt': 'fine',
      'ok/CON.txt': 'device',
      'ok/lpt9': 'device',
      'ok/nul .tar.gz': 'device',
      'ok/console.txt': 'fine: only the whole base name is reserved',
      'ok/what?.txt': 'q',
      'ok/a<b>c|d.txt': 'chars',
      'ok/trailing.': 'dot',
      'ok/trailing ': 'space',
      'ok/tab\there.txt': 'control',
      'ok/..\\..\\escape.txt': 'escape',
      'ok/C:\\Windows\\evil.dll': 'absolute',
      [`ok/${'é'.repeat(127)}`]: 'multi-byte characters are fine',
      'AUX/inside.txt': 'a reserved folder name keeps its whole subtree out',
      'Report.doc': 'one',
      'report.DOC': 'two',
      'Straße.txt': 'NTFS does not fold ß',
      'STRASSE.txt': 'so these two do not collide',
    });
    const result = await copyFileStore({ source, destination });
    expect(codes(result.findings)).toEqual([
      'case-collision Report.doc',
      'case-collision report.DOC',
      'ntfs-invalid-character ok/a<b>c|d.txt',
      'ntfs-invalid-character ok/tab\there.txt',
      'ntfs-invalid-character ok/what?.txt',
      'ntfs-reserved-name AUX',
      'ntfs-reserved-name ok/CON.txt',
      'ntfs-reserved-name ok/lpt9',
      'ntfs-reserved-name ok/nul .tar.gz',
      'ntfs-trailing-dot-or-space ok/trailing ',
      'ntfs-trailing-dot-or-space ok/trailing.',
      'path-escape ok/..\\..\\escape.txt',
      'path-escape ok/C:\\Windows\\evil.dll',
    ]);
    expect(result.findings.find((f) => f.code === 'case-collision' && f.path === 'Report.doc')).toMatchObject({ collidesWith: ['report.DOC'] });
    expect(result.findings.find((f) => f.code === 'ntfs-invalid-character' && f.path === 'ok/a<b>c|d.txt')).toMatchObject({ characters: ['<', '>', '|'] });
    expect(listTree(destination)).toEqual(['STRASSE.txt', 'Straße.txt', 'ok/', 'ok/console.txt', 'ok/normal name (1).txt', `ok/${'é'.repeat(127)}`]);
    expect(result.status).toBe('Failed');
  });

  it('reports a name that is not valid UTF-8 instead of copying a mangled one', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, { 'good.txt': 'g' });
    fs.writeFileSync(Buffer.concat([Buffer.from(`${source}/bad-`), Buffer.from([0xff, 0xfe]), Buffer.from('.txt')]), 'latin-1 name');
    const result = await copyFileStore({ source, destination });
    expect(result.findings).toEqual([{ code: 'invalid-encoding', severity: 'error', path: 'bad-\uFFFD\uFFFD.txt' }]);
    expect(listTree(destination)).toEqual(['good.txt']);
  });

  it('does not overwrite a destination file that differs only in case', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, { 'Minutes.txt': 'new' });
    writeTree(destination, { 'minutes.txt': 'old' });
    const result = await copyFileStore({ source, destination, mirror: true });
    expect(codes(result.findings)).toEqual(['destination-case-conflict Minutes.txt']);
    expect(fs.readFileSync(path.join(destination, 'minutes.txt'), 'utf8')).toBe('old');
    expect(result.actions.delete.count).toBe(0);
  });

  it('warns about paths longer than the limit but copies them', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    const deep = `${'d'.repeat(60)}/${'e'.repeat(60)}/${'f'.repeat(60)}`;
    writeTree(source, { [`${deep}/report-with-a-long-name.docx`]: 'r' });
    const result = await copyFileStore({ source, destination });
    expect(codes(result.findings)).toEqual([`path-too-long ${deep}/report-with-a-long-name.docx`]);
    expect(result.status).toBe('CompletedWithWarnings');
    expect(result.exitCode).toBe(1);
    expect(hashTree(destination)).toEqual(hashTree(source));
  });

  it('reports pipes and other special files, and names reserved for pcmig', async () => {
    const source = dirs.make('src');
    const destination = dirs.make('dst');
    writeTree(source, { 'a.txt': 'a', 'x/.pcmig-partial-00000000-1': 'looks like ours' });
    execFileSync('mkfifo', [path.join(source, 'queue')]);
    const plan = await planCopy({ source, destination });
    expect(codes(plan.findings)).toEqual(['reserved-name x/.pcmig-partial-00000000-1', 'special-file queue']);
    expect(plan.items.map((i) => i.path)).toEqual(['a.txt', 'x']);
  });
});
