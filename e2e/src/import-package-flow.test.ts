import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Behavior,
  PersistentChatStore,
  ROOT_NODE_ID,
  SourceWriter,
  createPool,
  newSourceCategory,
  newSourceRoom,
  exportPersistentChatData,
  findingsOf,
  importPersistentChatData,
  isoToTicks,
  openPool,
  seedPoolRoot,
  testPersistentChatMigration,
  type Message,
  type Principal,
  type RoleAssignment,
  type SourceCategory,
  type SourceRoom,
} from '@pcmig/core';
import { chromiumAvailable, inspectReport } from './support/chromium.js';

/**
 * The whole import path as an administrator runs it: Export-CsPersistentChatData writes a
 * package from a Lync 2010 pool; Import -WhatIf -Report shows the plan (opened in Chromium);
 * Import writes it; Test-CsPersistentChatMigration compares the result with the package and with
 * the legacy database.
 */

const on = isoToTicks('2011-05-01T08:00:00Z');
const audit = { addedBy: 1, addedOn: on, updatedBy: 1, updatedOn: on };
const guid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const NOW = () => new Date('2014-01-01T00:00:00Z');

function user(id: number, name: string, extra: Partial<Principal> = {}): Principal {
  return {
    id,
    guid: guid(10_000 + id),
    kind: 'user',
    uri: `sip:${name}@contoso.com`,
    name,
    displayName: name,
    email: `${name}@contoso.com`,
    companyName: 'Contoso',
    dn: `CN=${name},OU=Users,DC=contoso,DC=com`,
    upn: `${name}@contoso.com`,
    state: 'active',
    federated: false,
    homePoolId: 1,
    ...extra,
  };
}

function category(id: number, parentId: number, name: string, extra: Partial<SourceCategory> = {}): SourceCategory {
  return newSourceCategory({ id, guid: guid(id), parentId, name, audit, allowSubcategoryScopeChanges: true, scopeDefinerId: ROOT_NODE_ID, roleDefinerId: ROOT_NODE_ID, ...extra });
}

function room(id: number, categoryId: number, name: string, extra: Partial<SourceRoom> = {}): SourceRoom {
  return newSourceRoom({ id, guid: guid(id), categoryId, name, audit, topic: '', overrideMembers: true, scopeDefinerId: ROOT_NODE_ID, roleDefinerId: id, ...extra });
}

function history(roomId: number, count: number, authors: number[], startIso: string): Message[] {
  const start = isoToTicks(startIso);
  return Array.from({ length: count }, (_, i) => ({
    roomId,
    chatId: i + 1,
    timestamp: start + BigInt(i) * 6n * 36_000_000_000n,
    authorId: authors[i % authors.length] as number,
    isAlert: false,
    content: `${['Morning all', 'Build is green ✓', 'See ma-filelink:///r/1/spec.docx', '<b>not html</b> & more'][i % 4]} #${i}`,
    rtf: null,
  }));
}

const principals = [user(2, 'alice'), user(3, 'bob'), user(4, 'carol'), { ...user(5, 'partner'), uri: 'sip:partner@fabrikam.com', dn: null, upn: null, federated: true, homePoolId: null }];
const categories = [
  category(10, ROOT_NODE_ID, 'Engineering', { invitations: true }),
  category(11, 10, 'Platform'),
  category(12, 11, 'Build & Release'),
  category(20, ROOT_NODE_ID, 'Sales', { invitations: false }),
];
const rooms = [
  room(100, 10, 'general', { topic: 'All engineering' }),
  room(101, 12, 'nightly builds', { behavior: Behavior.Auditorium }),
  room(102, 11, `Platform design notes ${'—'.repeat(220)}`),
  room(103, 20, 'deals', { invitations: true, description: 'Big deals' }),
  room(104, 20, 'archive 2009', { disabled: true }),
  room(105, ROOT_NODE_ID, 'lobby', { visibility: null }),
];
const roles: RoleAssignment[] = [
  { nodeId: ROOT_NODE_ID, principalId: 2, role: 'Manager' },
  { nodeId: 100, principalId: 3, role: 'Member' },
  { nodeId: 100, principalId: 5, role: 'Member' },
  { nodeId: 101, principalId: 4, role: 'Voiced' },
  { nodeId: 103, principalId: 4, role: 'Voiced' },
  { nodeId: 103, principalId: 3, role: 'Member' },
];
const messages = [
  ...history(100, 400, [2, 3, 5], '2009-06-01T00:00:00Z'),
  ...history(101, 250, [4, 2], '2010-03-01T00:00:00Z'),
  ...history(103, 120, [3], '2011-01-01T00:00:00Z'),
  ...history(104, 60, [2], '2009-01-01T00:00:00Z'),
];

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('Export → Import -WhatIf -Report → Import → Test-CsPersistentChatMigration', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-e2e-import-'));
  const legacy = path.join(dir, 'groupchat.db');
  const target = path.join(dir, 'mgc.db');
  const zip = path.join(dir, 'export.zip');

  beforeAll(async () => {
    const pool = await createPool({ dbInstance: legacy, flavour: 'lync2010' });
    const writer = new SourceWriter(pool);
    await pool.connection.transaction(async () => {
      await seedPoolRoot(writer, { rootGuid: guid(1), systemGuid: guid(9001), on, verifiedOn: new Date('2011-06-01T00:00:00Z') });
      await writer.principals(principals, { on, verifiedOn: new Date('2011-06-01T00:00:00Z') });
      await writer.addins([{ id: guid(500), name: 'Wiki', url: 'https://wiki.contoso.com/addin' }]);
      await writer.categories(categories);
      await writer.rooms(rooms);
      await writer.tree([...categories.map((c) => ({ id: c.id, parentId: c.parentId })), ...rooms.map((r) => ({ id: r.id, parentId: r.categoryId }))]);
      await writer.roles(roles);
      await writer.scopes([{ nodeId: ROOT_NODE_ID, principalId: 2, denied: false }]);
      await writer.messages(messages);
      await writer.lastChatIds();
    });
    await pool.close();

    // A Persistent Chat pool where someone created "Sales" and "deals" before the migration.
    const mgc = await createPool({ dbInstance: target, flavour: 'pc2013' });
    const pc = new SourceWriter(mgc);
    await mgc.connection.transaction(async () => {
      await seedPoolRoot(pc, { rootGuid: guid(8001), systemGuid: guid(8002), on, verifiedOn: new Date('2013-01-01T00:00:00Z') });
      await pc.principals([{ ...user(900, 'contoso.com'), kind: 'domain', uri: `ma-grp:${guid(900)}@u.g`, dn: 'DC=contoso,DC=com', upn: null, guid: guid(900) }, { ...user(901, 'bob'), guid: guid(10_003) }], {
        on,
        verifiedOn: new Date('2013-01-01T00:00:00Z'),
      });
      await pc.addins([{ id: guid(700), name: 'wiki', url: 'https://old.contoso.com/wiki' }]);
      await pc.categories([{ ...category(50, ROOT_NODE_ID, 'Sales', { invitations: true, chatHistory: true, fileUpload: false }), scopeDefinerId: null, roleDefinerId: null, allowSubcategoryScopeChanges: false, membersCanCreateRooms: null }]);
      await pc.rooms([{ ...room(60, 50, 'deals'), topic: null, scopeDefinerId: null, roleDefinerId: null, overrideMembers: false }]);
      await pc.messages(history(60, 5, [901], '2013-06-01T00:00:00Z'));
      await pc.lastChatIds();
    });
    await mgc.close();

    const exported = await exportPersistentChatData({ dbInstance: legacy, fileName: zip, startDate: new Date('2010-01-01T00:00:00Z'), now: NOW });
    expect(exported).toBeTruthy();
    expect(fs.existsSync(zip)).toBe(true);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('-WhatIf -Report: the target is byte-identical; the report shows every conversion in Chromium', async () => {
    const before = sha(target);
    const report = path.join(dir, 'import-whatif.html');
    const result = await importPersistentChatData({ dbInstance: target, fileName: zip, whatIf: true, report, shortenLongNames: true, now: NOW });
    expect(sha(target)).toBe(before);
    expect(result.status).toBe('what-if');
    const plan = result.plan;
    expect(plan.totals.findings.error).toBe(0);
    for (const code of ['category-flattened', 'room-prefixed', 'name-shortened', 'root-manager', 'invitations-forced-off', 'federated-member', 'room-disabled-not-migrated', 'messages-before-start-date', 'room-overwritten', 'category-overwritten', 'addin-overwritten', 'presenters-dropped', 'topic-merged', 'visibility-defaulted', 'root-rooms-category'] as const) {
      expect(findingsOf(plan.findings, code).length, code).toBeGreaterThan(0);
    }
    const html = fs.readFileSync(report, 'utf8');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    if (!chromiumAvailable()) return;
    const shot = await inspectReport(report, 'import-whatif-report', async (page) => {
      expect(await page.locator('h1').textContent()).toBe('Import-CsPersistentChatData');
      expect(await page.locator('.outcome').first().textContent()).toContain('What if');
      expect(await page.locator('#renames td').allTextContents()).toContain('Engineering / Platform / Build & Release / nightly builds');
      expect(await page.locator('#conflicts tbody tr').count()).toBe(3);
      expect(await page.locator('#months svg rect').count()).toBeGreaterThan(10);
      // Rows the filters keep (collapsed info groups still count).
      const visibleRows = () => page.locator('tr[data-finding]:not([hidden])').count();
      const all = await visibleRows();
      await page.locator('[data-filter-severity="info"]').uncheck();
      const withoutInfo = await visibleRows();
      expect(withoutInfo).toBeLessThan(all);
      expect(withoutInfo).toBe(plan.totals.findings.warning + plan.totals.findings.error);
      await page.locator('[data-filter-severity="info"]').check();
      await page.locator('[data-filter-rule]').selectOption('R9');
      expect(await visibleRows()).toBe(plan.findings.filter((f) => f.rule === 'R9').length);
      await page.locator('[data-filter-rule]').selectOption('');
      await page.locator('[data-filter-text]').fill('partner@fabrikam');
      expect(await visibleRows()).toBeGreaterThan(0);
      await page.locator('[data-filter-text]').fill('');
    });
    expect(fs.existsSync(shot)).toBe(true);
  });

  it('imports the package, then verifies against the package and against the legacy database', async () => {
    const result = await importPersistentChatData({ dbInstance: target, fileName: zip, shortenLongNames: true, now: NOW, report: path.join(dir, 'import.html') });
    expect(result.status).toBe('imported');
    expect(result.backupPath && fs.existsSync(result.backupPath)).toBeTruthy();
    const pool = await openPool({ dbInstance: target, access: 'read', role: 'target' });
    const store = new PersistentChatStore(pool);
    const deals = (await store.rooms()).find((r) => r.name === 'deals');
    expect(deals?.id).toBe(60);
    expect((await store.messageCounts()).get(60)).toBe(5 + 120);
    await pool.close();

    const fromPackage = await testPersistentChatMigration({ dbInstance: target, fileName: zip, report: path.join(dir, 'verify.html'), now: NOW });
    expect(fromPackage.passed).toBe(true);
    expect(fromPackage.basis).toBe('ledger');
    const fromDatabase = await testPersistentChatMigration({ dbInstance: target, sourceDbInstance: legacy, startDate: new Date('2010-01-01T00:00:00Z'), now: NOW });
    expect(fromDatabase.passed, JSON.stringify(fromDatabase.checks.filter((c) => !c.passed).slice(0, 5))).toBe(true);
    if (chromiumAvailable()) {
      await inspectReport(path.join(dir, 'verify.html'), 'verify-report', async (page) => {
        expect(await page.locator('.tile .v').first().textContent()).toBe('Passed');
      });
    }
  });
});
