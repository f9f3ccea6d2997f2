import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_LEVELS } from '@pcmig/core';
import { EXPORT_LEVEL_NAMES } from '../cmdlets/export-cs-persistent-chat-data.js';
import { buildEmptyTargetPool, buildTargetPool, FIXTURE } from '../test-support/build-target-pool.js';
import { runHostInMemory } from '../test-support/run-host-in-memory.js';

let dir: string;
let source: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-migrate-'));
  source = await buildTargetPool(path.join(dir, 'source.db'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Export, Import and Test-CsPersistentChatMigration through the host', () => {
  it('keeps the -Level ValidateSet equal to the engine\'s export levels', () => {
    expect([...EXPORT_LEVEL_NAMES]).toEqual([...EXPORT_LEVELS]);
  });

  it('exports, plans with -WhatIf (nothing written), imports, verifies, and reads the result back', async () => {
    const pkg = path.join(dir, 'export.zip');
    const exported = await runHostInMemory(['Export-CsPersistentChatData', '-DBInstance', source, '-FileName', pkg, '--json']);
    expect(exported.exitCode, exported.stderr).toBe(0);
    expect(exported.json()[0]).toMatchObject({ FileName: pkg, Level: 'All', Categories: 3, Rooms: 4, Messages: 36 });
    expect(fs.existsSync(pkg)).toBe(true);

    const target = await buildEmptyTargetPool(path.join(dir, 'target.db'));
    const before = fs.readFileSync(target);
    const whatIf = await runHostInMemory(['Import-CsPersistentChatData', '-DBInstance', target, '-FileName', pkg, '-WhatIf', '--json']);
    expect(whatIf.exitCode, whatIf.stderr).toBe(0);
    expect(whatIf.stderr).toMatch(/What if: Performing the operation ".+" on target ".*target\.db"/);
    const [plan] = whatIf.json<Record<string, unknown>>();
    expect(plan).toMatchObject({ Status: 'what-if', Categories: 2, Rooms: 4, Messages: 36, Errors: 0 });
    expect(fs.readFileSync(target).equals(before)).toBe(true);

    const refused = await runHostInMemory(['Import-CsPersistentChatData', '-DBInstance', target, '-FileName', pkg]);
    expect(refused.exitCode).toBe(3);
    expect(refused.stderr).toContain('PCMIG-HOST-011');

    const imported = await runHostInMemory(['Import-CsPersistentChatData', '-DBInstance', target, '-FileName', pkg, '-Confirm:$false', '-NoBackup', '--json']);
    expect(imported.exitCode, imported.stderr).toBe(0);
    expect(imported.json()[0]).toMatchObject({ Status: 'imported', Categories: 2, Rooms: 4, Messages: 36, BackupPath: null });

    const verified = await runHostInMemory(['Test-CsPersistentChatMigration', '-DBInstance', target, '-FileName', pkg, '--json']);
    expect(verified.exitCode, verified.stderr).toBe(0);
    expect(verified.json()[0]).toMatchObject({ Passed: true, FailedChecks: 0, Basis: 'ledger' });

    const again = await runHostInMemory(['Import-CsPersistentChatData', '-DBInstance', target, '-FileName', pkg, '-Force', '-NoBackup', '--json']);
    expect(again.json()[0]).toMatchObject({ Status: 'already-imported' });
    const rooms = await runHostInMemory(['Get-CsPersistentChatRoom', '-DBInstance', target, '--json']);
    expect(rooms.json<{ Name: string }>().map((r) => r.Name).sort()).toEqual([...FIXTURE.rooms].sort());
  });

  it('checks the cross-parameter rule -NoBackup with -BackupPath before anything runs', async () => {
    const result = await runHostInMemory(['Import-CsPersistentChatData', '-DBInstance', 'x.db', '-FileName', 'y.zip', '-NoBackup', '-BackupPath', 'b.db', '-Confirm:$false']);
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toContain("Cannot validate argument on parameter 'NoBackup'. -NoBackup and -BackupPath cannot be used together.");
  });

  it('writes the export as raw bytes to a pipe, and reads them back from standard input', async () => {
    const bytes = await runHostInMemory(['Export-CsPersistentChatData', '-DBInstance', source, '-AsBytes', '-Level', 'roomdirectory']);
    expect(bytes.exitCode, bytes.stderr).toBe(0);
    expect(bytes.stdoutBytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const target = await buildEmptyTargetPool(path.join(dir, 'target-bytes.db'));
    const plan = await runHostInMemory(['Import-CsPersistentChatData', '-DBInstance', target, '-ByteInput', '-', '-WhatIf', '--json'], { input: bytes.stdoutBytes });
    expect(plan.exitCode, plan.stderr).toBe(0);
    expect(plan.json()[0]).toMatchObject({ Status: 'what-if', Messages: 0 });
  });

  it('reports the engine\'s parameter errors with their ids', async () => {
    const result = await runHostInMemory(['Export-CsPersistentChatData', '-DBInstance', source, '-FileName', path.join(dir, 'x.zip'), '-Level', 'Category', '-StartDate', '2012-01-01', '--json']);
    expect(result.exitCode).toBe(2);
    expect(JSON.parse(result.stderr)).toMatchObject({ id: 'PCMIG-EXP-004', terminating: true });
  });
});

describe('Copy-CsPersistentChatFileStore through the host', () => {
  it('lists the plan under -WhatIf, copies, reports names NTFS cannot hold, and skips everything the second time', async () => {
    const { buildLegacyFileStore } = await import('../test-support/build-target-pool.js');
    const legacy = buildLegacyFileStore(path.join(dir, 'legacy-store'), { withBadName: true });
    const store = path.join(dir, 'pc-store');
    const whatIf = await runHostInMemory(['Copy-CsPersistentChatFileStore', legacy, store, '-WhatIf', '--json']);
    expect(whatIf.stderr).toContain('What if: Performing the operation "copy" on target');
    expect(whatIf.stderr).toContain('0001/2/überblick.txt');
    expect(whatIf.stderr).toContain('WARNING: ntfs-invalid-character');
    expect(whatIf.json()[0]).toMatchObject({ WhatIf: true, Copied: 5, Status: 'Failed' });
    expect(fs.existsSync(store)).toBe(false);

    const copied = await runHostInMemory(['Copy-CsPersistentChatFileStore', '-Source', legacy, '-Destination', store, '-Verify', '--json']);
    // The file NTFS cannot name stays behind: the copy is Failed (robocopy-style 8) and the host says so.
    expect(copied.exitCode, copied.stderr).toBe(1);
    expect(copied.stderr).toContain('PCMIG-FS-015');
    expect(copied.json()[0]).toMatchObject({ WhatIf: false, Copied: 5, Verified: 5, Status: 'Failed', ExitCode: 8 });
    expect(whatIf.exitCode, whatIf.stderr).toBe(0);
    expect(fs.readFileSync(path.join(store, '0001/2/überblick.txt'), 'utf8')).toBe('Überblick — ünïcode');
    expect(fs.existsSync(path.join(store, '0003/what?.txt'))).toBe(false);

    const again = await runHostInMemory(['Copy-CsPersistentChatFileStore', legacy, store, '--json']);
    expect(again.json()[0]).toMatchObject({ Copied: 0, Replaced: 0, Folders: 0 });
    expect((again.json()[0] as { Skipped: number }).Skipped).toBeGreaterThanOrEqual(5);
  });

  it('exits 0 with status Success when every file is copied', async () => {
    const { buildLegacyFileStore } = await import('../test-support/build-target-pool.js');
    const legacy = buildLegacyFileStore(path.join(dir, 'clean-store'));
    const copied = await runHostInMemory(['Copy-CsPersistentChatFileStore', legacy, path.join(dir, 'clean-copy'), '--json']);
    expect(copied.exitCode, copied.stderr).toBe(0);
    expect(copied.json()[0]).toMatchObject({ Status: 'Success', ExitCode: 0, Copied: 5 });
  });

  it('checks the file links of the messages against the store with Test-CsPersistentChatFileLink', async () => {
    const { buildLegacyFileStore } = await import('../test-support/build-target-pool.js');
    const store = path.join(dir, 'link-store');
    buildLegacyFileStore(store);
    fs.rmSync(path.join(store, '0004/1/minutes.txt'));
    const checked = await runHostInMemory(['Test-CsPersistentChatFileLink', store, '-DBInstance', source, '--json']);
    expect(checked.exitCode).toBe(1);
    expect(checked.stderr).toContain('PCMIG-FS-016');
    expect(checked.stderr).toContain('missing-file: 0004/1/minutes.txt');
    expect(checked.json()[0]).toMatchObject({
      Status: 'Failed',
      ExitCode: 8,
      Messages: 36,
      MessagesWithLinks: 3,
      Links: 3,
      Resolved: 2,
      UnreferencedFiles: 2,
      Problems: [{ Code: 'missing-file', Path: '0004/1/minutes.txt', ChatId: 3 }],
    });

    fs.writeFileSync(path.join(store, '0004/1/minutes.txt'), 'found again');
    const clean = await runHostInMemory(['Test-CsPersistentChatFileLink', '-Destination', store, '-DBInstance', source, '--json']);
    expect(clean.exitCode, clean.stderr).toBe(0);
    expect(clean.json()[0]).toMatchObject({ Status: 'Success', ExitCode: 0, Resolved: 3, Problems: [] });
  });

  it('refuses bad limits in the binder, before the engine runs', async () => {
    const result = await runHostInMemory(['Copy-CsPersistentChatFileStore', 'a', 'b', '-Threads', '65']);
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toContain('The 65 argument is greater than the maximum allowed range of 64.');
  });
});
