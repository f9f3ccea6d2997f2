import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTargetPool, FIXTURE } from '../test-support/build-target-pool.js';
import { runHostInMemory } from '../test-support/run-host-in-memory.js';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-get-'));
  db = await buildTargetPool(path.join(dir, 'mgc.db'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Room {
  Identity: string;
  Name: string;
  Category: string;
  Privacy: string;
  Type: string;
  Addin: string | null;
  Disabled: boolean;
  Invitations: string;
  Members: string[];
  Managers: string[];
  Presenters: string[];
}

describe('Get-CsPersistentChatRoom', () => {
  it('returns every room with its roles, users by SIP address and groups by DN', async () => {
    const run = await runHostInMemory(['Get-CsPersistentChatRoom', '-DBInstance', db, '--json']);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const rooms = run.json<Room>();
    expect(rooms.map((r) => r.Name).sort()).toEqual([...FIXTURE.rooms].sort());
    const it = rooms.find((r) => r.Name === 'ITChatRoom')!;
    expect(it).toMatchObject({ Identity: 'ITChatRoom', Category: 'IT', Privacy: 'Closed', Type: 'Normal', Addin: FIXTURE.addin.name, Disabled: false, Invitations: 'Inherit' });
    expect(it.Members.sort()).toEqual([FIXTURE.groupDn, FIXTURE.users.ken, FIXTURE.users.pilar].sort());
    expect(it.Managers).toEqual([FIXTURE.users.ken]);
    expect(rooms.find((r) => r.Name === 'Help Desk')).toMatchObject({ Privacy: 'Open', Type: 'Auditorium', Presenters: [FIXTURE.users.pilar] });
    expect(rooms.find((r) => r.Name === 'Sales EMEA')).toMatchObject({ Privacy: 'Secret', Disabled: true, Invitations: 'False' });
  });

  it('applies the filters: category, privacy, disabled, type, add-in, member, manager, text, result size', async () => {
    const names = async (...args: string[]) => (await runHostInMemory(['Get-CsPersistentChatRoom', '-DBInstance', db, '--json', ...args])).json<Room>().map((r) => r.Name).sort();
    expect(await names('-Category', 'IT')).toEqual(['Help Desk', 'ITChatRoom']);
    expect(await names('-Category', `${FIXTURE.poolFqdn}\\Sales`, '-PersistentChatPoolFqdn', FIXTURE.poolFqdn)).toEqual(['Ops, "Night" \\ Shift – Nacht', 'Sales EMEA']);
    expect(await names('-Privacy', 'secret')).toEqual(['Sales EMEA']);
    expect(await names('-Disabled', '$false', '-Category', 'Sales')).toEqual([FIXTURE.trickyRoom]);
    expect(await names('-Type', 'Auditorium')).toEqual(['Help Desk']);
    expect(await names('-Addin', FIXTURE.addin.name)).toEqual(['ITChatRoom']);
    expect(await names('-Member', 'pilar@litwareinc.com')).toEqual(['ITChatRoom', 'Sales EMEA']);
    expect(await names('-Manager', FIXTURE.users.ken)).toEqual(['ITChatRoom']);
    expect(await names('-Filter', 'help')).toEqual(['Help Desk']);
    expect(await names('-Filter', 'help', '-SearchDescription')).toEqual(['Help Desk', 'ITChatRoom']);
    expect(await names('-Filter', 'IT*')).toEqual(['ITChatRoom']);
    expect(await names('-Invitations', 'False')).toEqual(['Sales EMEA']);
    expect(await names('-ResultSize', '0')).toEqual([]);
  });

  it('warns when -ResultSize cuts the list', async () => {
    const run = await runHostInMemory(['Get-CsPersistentChatRoom', '-DBInstance', db, '-ResultSize', '1', '--json']);
    expect(run.json()).toHaveLength(1);
    expect(run.stderr).toContain('WARNING: More chat rooms match than -ResultSize 1');
    expect(run.exitCode).toBe(0);
  });

  it('finds one room by identity (bare, pool-qualified, positional) and shows display names with -AsObject', async () => {
    for (const args of [['ITChatRoom'], ['-Identity', `${FIXTURE.poolFqdn}\\itchatroom`], [FIXTURE.trickyRoom]]) {
      const rooms = (await runHostInMemory(['Get-CsPersistentChatRoom', ...args, '-DBInstance', db, '--json'])).json<Room>();
      expect(rooms).toHaveLength(1);
    }
    const [room] = (await runHostInMemory(['Get-CsPersistentChatRoom', 'ITChatRoom', '-DBI', db, '-AsObject', '-PersistentChatPoolFqdn', FIXTURE.poolFqdn, '--json'])).json<Room>();
    expect(room!.Identity).toBe(`${FIXTURE.poolFqdn}\\ITChatRoom`);
    expect(room!.Category).toBe(`${FIXTURE.poolFqdn}\\IT`);
    expect(room!.Members.sort()).toEqual(['IT Staff', 'Ken Myer', 'Pilar Ackerman']);
  });

  it('reports an unknown identity as a non-terminating PCMIG-HOST-020 error (exit 1)', async () => {
    const run = await runHostInMemory(['Get-CsPersistentChatRoom', 'NoSuchRoom', '-DBInstance', db]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('FullyQualifiedErrorId : PCMIG-HOST-020,Get-CsPersistentChatRoom');
    expect(run.stderr).toContain('Cannot find the chat room "NoSuchRoom"');
  });

  it('refuses a database that is not a Persistent Chat pool with the engine\'s error (exit 2)', async () => {
    const missing = await runHostInMemory(['Get-CsPersistentChatRoom', '-DBInstance', path.join(dir, 'missing.db'), '--json']);
    expect(missing.exitCode).toBe(2);
    const [record] = missing.stderr.trim().split('\n').map((l) => JSON.parse(l) as { id: string; terminating: boolean; command: string });
    expect(record).toMatchObject({ id: 'PCMIG-DB-002', terminating: true, command: 'Get-CsPersistentChatRoom' });
  });

  it('emits progress records while it reads the room roles', async () => {
    const run = await runHostInMemory(['Get-CsPersistentChatRoom', '-DBInstance', db, '--records']);
    const records = run.json<{ type: string; activity?: string; completed?: boolean }>();
    const progress = records.filter((r) => r.type === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ activity: 'Get-CsPersistentChatRoom', completed: true });
    expect(records.at(-1)).toEqual({ type: 'end', exitCode: 0 });
  });
});

describe('Get-CsPersistentChatCategory', () => {
  it('returns the categories with their settings and lists (Invites as in Microsoft\'s example)', async () => {
    const run = await runHostInMemory(['Get-CsPersistentChatCategory', '-DBInstance', db, '--json']);
    expect(run.exitCode).toBe(0);
    const categories = run.json<Record<string, unknown>>();
    expect(categories.map((c) => c.Name)).toEqual(['IT', 'Sales']);
    expect(categories[0]).toMatchObject({
      Identity: 'IT',
      Description: 'Information technology',
      Invites: true,
      FileUpload: true,
      ChatHistory: true,
      DeniedMembers: [FIXTURE.users.aaron],
      Creators: [FIXTURE.users.ken],
    });
    expect((categories[0]!.AllowedMembers as string[]).sort()).toEqual([FIXTURE.groupDn, 'OU=Users,DC=litwareinc,DC=com'].sort());
    expect(categories[1]).toMatchObject({ Invites: false, ChatHistory: false, AllowedMembers: [] });
  });

  it('returns one category by identity, and refuses a pool part that is not the pool given', async () => {
    const one = await runHostInMemory(['Get-CsPersistentChatCategory', 'sales', '-DBInstance', db, '--json']);
    expect(one.json()).toHaveLength(1);
    const wrongPool = await runHostInMemory(['Get-CsPersistentChatCategory', 'other.litwareinc.com\\Sales', '-DBInstance', db, '-PersistentChatPoolFqdn', FIXTURE.poolFqdn]);
    expect(wrongPool.exitCode).toBe(1);
    expect(wrongPool.stderr).toContain('PCMIG-HOST-020');
  });
});

describe('Get-CsPersistentChatAddin', () => {
  it('returns the add-ins, in a table on a terminal', async () => {
    const json = await runHostInMemory(['Get-CsPersistentChatAddin', '-DBInstance', db, '--json']);
    expect(json.json()).toEqual([{ Identity: FIXTURE.addin.name, Name: FIXTURE.addin.name, Url: FIXTURE.addin.url, PersistentChatPoolFqdn: null }]);
    const text = await runHostInMemory(['Get-CsPersistentChatAddin', '-DBInstance', db], { tty: { stdout: true } });
    expect(text.stdout).toContain('Identity              Url');
    expect(text.stdout).toContain(`${FIXTURE.addin.name} ${FIXTURE.addin.url}`);
  });

  it('writes verbose messages with -Verbose (on stderr, never the credentials)', async () => {
    const run = await runHostInMemory(['Get-CsPersistentChatAddin', '-DBInstance', db, '-vb']);
    expect(run.stderr).toMatch(/VERBOSE: Reading .*mgc\.db \(pc2013/);
  });
});
