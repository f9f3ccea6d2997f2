import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { ROOT_NODE_ID } from '../model/constants.js';
import { isoToTicks } from '../model/ticks.js';
import { importPersistentChatData } from '../import/import-persistent-chat-data.js';
import { alice, bob, carol, category, federatedUser, messages, room, sales, ScenarioFolder, type SourceSpec } from '../plan/test-support/scenario.js';
import { testPersistentChatMigration } from './test-persistent-chat-migration.js';
import { formatVerificationText } from './verification-report.js';

const NOW = () => new Date('2014-01-01T00:00:00Z');
const spec: SourceSpec = {
  principals: [alice, bob, carol, sales, federatedUser(7, 'partner@fabrikam.com')],
  categories: [category(10, ROOT_NODE_ID, 'Eng', { invitations: true }), category(11, 10, 'Platform', { roleDefinerId: 11, overrideMembers: true })],
  rooms: [room(100, 10, 'general', { topic: 'hello' }), room(101, 11, 'builds', { behavior: 5 }), room(102, ROOT_NODE_ID, 'lobby'), room(103, 11, 'old', { disabled: true })],
  roles: [
    { nodeId: ROOT_NODE_ID, principalId: 2, role: 'Manager' },
    { nodeId: 11, principalId: 5, role: 'Member' },
    { nodeId: 100, principalId: 3, role: 'Member' },
    { nodeId: 100, principalId: 7, role: 'Member' },
    { nodeId: 101, principalId: 4, role: 'Voiced' },
  ],
  scopes: [{ nodeId: ROOT_NODE_ID, principalId: 5, denied: false }],
  messages: [...messages(100, 40, [2, 3, 7], '2009-12-31T12:00:00Z'), ...messages(101, 10, [4]), ...messages(103, 5, [2])],
  startDate: isoToTicks('2010-01-01T00:00:00Z'),
};

describe('testPersistentChatMigration', () => {
  const folder = new ScenarioFolder();
  let sourcePath: string;
  let targetPath: string;
  beforeAll(async () => {
    const source = await folder.source(spec);
    sourcePath = source.path;
    const target = await folder.target({ categories: [category(50, ROOT_NODE_ID, 'Eng', {}, false)], rooms: [room(60, 50, 'general', {}, false)], messages: messages(60, 3, [1], '2013-05-01T00:00:00Z') });
    await target.pool.close();
    targetPath = target.path;
    const result = await importPersistentChatData({ dbInstance: targetPath, source: source.reader, backup: false, now: NOW });
    expect(result.status).toBe('imported');
  });
  afterAll(() => folder.dispose());

  it('passes after a faithful import, and explains every absence by a finding', async () => {
    const result = await testPersistentChatMigration({ dbInstance: targetPath, sourceDbInstance: sourcePath, startDate: new Date('2010-01-01T00:00:00Z'), now: NOW });
    expect(formatVerificationText(result)).toContain('PASSED');
    expect(result.passed).toBe(true);
    expect(result.basis).toBe('ledger');
    const names = new Set(result.checks.map((c) => c.name));
    for (const name of ['category-exists', 'category-creators', 'room-members', 'room-presenters', 'room-message-count', 'room-content-hash', 'principal', 'import-complete']) {
      expect(names.has(name as never), name).toBe(true);
    }
    expect(result.checks.filter((c) => c.explainedBy).map((c) => [c.name, c.explainedBy])).toEqual([
      ['messages-left-out', 'messages-before-start-date'],
      ['room-not-migrated', 'room-disabled-not-migrated'],
    ]);
    // The overwritten room's own 3 messages are not legacy ones: 28 legacy messages after the offset.
    expect(result.checks.find((c) => c.name === 'room-message-count' && c.path.endsWith('general'))).toMatchObject({ passed: true, expected: 28, actual: 28 });
  });

  it('fails on a lost message, an altered one, a changed role and a renamed room', async () => {
    const copy = folder.file('tampered.db');
    fs.copyFileSync(targetPath, copy);
    const db = new Database(copy);
    db.prepare("DELETE FROM tblChat WHERE chatId = (SELECT MAX(chatId) FROM tblChat WHERE channelId = 60) AND channelId = 60").run();
    db.prepare("UPDATE tblChat SET content = 'edited' WHERE chatId = (SELECT MIN(chatId) FROM tblChat c JOIN tblNode n ON n.nodeID = c.channelId WHERE n.nodeName LIKE '%builds')").run();
    const member = "(SELECT rtypeID FROM tblRoleType WHERE rtypeDesc = 'Member')";
    const removed = db.prepare(`DELETE FROM tblPrincipalRole WHERE prinRoleNodeID = 60 AND prinRoleTypeID = ${member} AND prinRolePrinID = (SELECT MIN(prinRolePrinID) FROM tblPrincipalRole WHERE prinRoleNodeID = 60 AND prinRoleTypeID = ${member})`).run();
    expect(removed.changes).toBe(1);
    db.prepare("UPDATE tblNode SET nodeName = 'lobby2' WHERE nodeName = 'lobby'").run();
    db.close();
    const result = await testPersistentChatMigration({ dbInstance: copy, sourceDbInstance: sourcePath, startDate: new Date('2010-01-01T00:00:00Z'), now: NOW });
    expect(result.passed).toBe(false);
    const failed = result.checks.filter((c) => !c.passed).map((c) => `${c.name} ${c.path.replace(/^\w+:/, '').split(' › ').at(-1)}`);
    expect(failed).toEqual(expect.arrayContaining(['room-message-count general', 'room-content-hash general', 'room-content-hash builds', 'room-members general', 'room-exists lobby']));
  });

  it('fails when the source was not imported at all, and compares by names without a ledger', async () => {
    const empty = await folder.target();
    await empty.pool.close();
    const result = await testPersistentChatMigration({ dbInstance: empty.path, sourceDbInstance: sourcePath, startDate: new Date('2010-01-01T00:00:00Z'), now: NOW });
    expect(result.basis).toBe('names');
    expect(result.passed).toBe(false);
    expect(result.checks.filter((c) => c.name === 'room-exists').every((c) => !c.passed)).toBe(true);
  });

  it('refuses an ambiguous source', async () => {
    await expect(testPersistentChatMigration({ dbInstance: targetPath })).rejects.toMatchObject({ id: 'PCMIG-VER-001' });
  });
});
