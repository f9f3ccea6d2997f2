import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_NODE_ID } from '../model/constants.js';
import { openPool } from '../db/open-pool.js';
import { PersistentChatStore } from '../db/repositories/persistent-chat-store.js';
import { alice, bob, carol, category, messages, room, sales, ScenarioFolder, type SourceSpec } from '../plan/test-support/scenario.js';
import { importPersistentChatData } from './import-persistent-chat-data.js';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const NOW = () => new Date('2014-01-01T00:00:00Z');

const spec: SourceSpec = {
  principals: [alice, bob, carol, sales],
  categories: [category(10, ROOT_NODE_ID, 'Engineering', { invitations: true }), category(11, 10, 'Platform', { roleDefinerId: 11, overrideMembers: true })],
  rooms: [room(100, 10, 'general', { topic: 'all hands' }), room(101, 11, 'builds', { behavior: 5 }), room(102, ROOT_NODE_ID, 'lobby'), room(103, 11, 'old', { disabled: true })],
  roles: [
    { nodeId: ROOT_NODE_ID, principalId: 2, role: 'Manager' },
    { nodeId: 11, principalId: 5, role: 'Member' },
    { nodeId: 100, principalId: 3, role: 'Member' },
    { nodeId: 101, principalId: 4, role: 'Voiced' },
  ],
  scopes: [{ nodeId: ROOT_NODE_ID, principalId: 5, denied: false }],
  messages: [...messages(100, 30, [2, 3]), ...messages(101, 10, [4]), ...messages(103, 5, [2])],
};

describe('importPersistentChatData', () => {
  const folder = new ScenarioFolder();
  afterAll(() => folder.dispose());

  it('-WhatIf leaves the target byte-identical and writes the report', async () => {
    const { reader } = await folder.source(spec);
    const target = await folder.target();
    await target.pool.close();
    const before = sha(target.path);
    const report = folder.file('whatif.html');
    const result = await importPersistentChatData({ dbInstance: target.path, source: reader, whatIf: true, report, now: NOW });
    expect(result.status).toBe('what-if');
    expect(sha(target.path)).toBe(before);
    expect(fs.readFileSync(report, 'utf8')).toContain('Engineering / Platform / builds');
    expect(fs.readdirSync(folder.dir).filter((f) => f.includes('pre-import'))).toEqual([]);
  });

  it('imports, backs up first, and a second run changes nothing', async () => {
    const { reader } = await folder.source(spec);
    const target = await folder.target();
    await target.pool.close();
    const backup = folder.file('backup-1.db');
    const result = await importPersistentChatData({ dbInstance: target.path, source: reader, backup, now: NOW });
    expect(result.status).toBe('imported');
    expect(result.backupPath).toBe(backup);
    expect(result.written).toMatchObject({ categories: 3, rooms: 3, messages: 40 });
    const pool = await openPool({ dbInstance: target.path, access: 'read', role: 'target' });
    const store = new PersistentChatStore(pool);
    const rooms = await store.rooms();
    expect(rooms.map((r) => [r.name, r.category, r.type])).toEqual([
      ['general', 'Engineering', 'Normal'],
      ['Engineering / Platform / builds', 'Engineering / Platform', 'Auditorium'],
      ['lobby', 'General', 'Normal'],
    ]);
    expect(rooms[0]?.description).toBe('all hands');
    expect(Object.fromEntries(await store.messageCounts())).toEqual({ [rooms[0]!.id]: 30, [rooms[1]!.id]: 10 });
    expect(await store.hasMessageKey()).toBe(true);
    await pool.close();
    const after = sha(target.path);
    const again = await importPersistentChatData({ dbInstance: target.path, source: reader, backup: false, now: NOW });
    expect(again.status).toBe('already-imported');
    expect(sha(target.path)).toBe(after);
  });

  it('asks for confirmation with a description of the change, and changes nothing when declined', async () => {
    const { reader } = await folder.source(spec);
    const target = await folder.target();
    await target.pool.close();
    const before = sha(target.path);
    let asked = '';
    const result = await importPersistentChatData({
      dbInstance: target.path,
      source: reader,
      now: NOW,
      confirm: (_plan, description) => {
        asked = description;
        return false;
      },
    });
    expect(result.status).toBe('declined');
    expect(asked).toMatch(/create 3 categories; create 3 rooms; add 40 message\(s\)/);
    expect(sha(target.path)).toBe(before);
    expect(fs.readdirSync(folder.dir).filter((f) => f.includes('pre-import'))).toEqual([]);
  });

  it('refuses a plan with errors (writing the report first) and never overwrites a backup', async () => {
    const { reader } = await folder.source({ ...spec, rooms: [...spec.rooms!, room(104, 11, 'x'.repeat(240))] });
    const target = await folder.target();
    await target.pool.close();
    const before = sha(target.path);
    const report = folder.file('refused.html');
    const error = await importPersistentChatData({ dbInstance: target.path, source: reader, report, now: NOW }).catch((e: unknown) => e);
    expect(error).toMatchObject({ id: 'PCMIG-IMP-002', reason: { errorCount: 1, errors: [{ code: 'name-too-long' }] } });
    expect(fs.readFileSync(report, 'utf8')).toContain('Refused');
    expect(sha(target.path)).toBe(before);

    const taken = folder.file('taken.db');
    fs.writeFileSync(taken, 'keep me');
    await expect(importPersistentChatData({ dbInstance: target.path, source: reader, backup: taken, shortenLongNames: true, now: NOW })).rejects.toMatchObject({
      id: 'PCMIG-IMP-003',
    });
    expect(fs.readFileSync(taken, 'utf8')).toBe('keep me');
    expect(sha(target.path)).toBe(before);
  });

  it('takes a default backup next to the target, which holds the target as it was', async () => {
    const { reader } = await folder.source(spec);
    const target = await folder.target();
    await target.pool.close();
    const result = await importPersistentChatData({ dbInstance: target.path, source: reader, now: NOW });
    expect(result.backupPath).toMatch(/target-\d+\.pre-import-20140101-000000\.db$/);
    const copy = await openPool({ dbInstance: result.backupPath!, access: 'read', role: 'target' });
    expect(await new PersistentChatStore(copy).rooms()).toEqual([]);
    await copy.close();
  });

  it('rejects ambiguous sources and unusable options', async () => {
    const { reader } = await folder.source(spec);
    await expect(importPersistentChatData({ dbInstance: folder.file('x.db') })).rejects.toMatchObject({ id: 'PCMIG-IMP-001' });
    await expect(importPersistentChatData({ dbInstance: folder.file('x.db'), source: reader, bytes: new Uint8Array(1) })).rejects.toMatchObject({ id: 'PCMIG-IMP-001' });
    await expect(importPersistentChatData({ dbInstance: folder.file('x.db'), source: reader, messagesPerTransaction: 0 })).rejects.toMatchObject({ id: 'PCMIG-IMP-005' });
  });
});

