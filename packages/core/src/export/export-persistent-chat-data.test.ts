import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPool } from '../db/open-pool.js';
import { SourceReader } from '../db/repositories/source-reader.js';
import { SourceWriter } from '../db/repositories/source-writer.js';
import { EXPORT_LEVELS, ROOT_NODE_ID, SOURCE_FLAVOURS, type ExportLevel, type SourceFlavour } from '../model/constants.js';
import { levelContents } from '../model/export-level.js';
import type { ProgressEvent } from '../model/progress.js';
import { isoToTicks, ticksToDate } from '../model/ticks.js';
import { MemorySink, openPackage, PACKAGE_LIMITS, writePackage, type MigrationPackage } from '../package/index.js';
import { collect } from '../package/sample-source.test-fixture.js';
import { exportPersistentChatData } from './export-persistent-chat-data.js';
import type { ExportOptions } from './export-options.js';
import { ExportScratch, type SampleFile } from './export.test-fixture.js';

const NOW = new Date('2013-06-01T12:00:00Z');
const now = () => NOW;

async function withPackage<T>(bytes: Uint8Array | string, use: (pkg: MigrationPackage) => Promise<T>): Promise<T> {
  const pkg = await openPackage(typeof bytes === 'string' ? { fileName: bytes } : { bytes });
  try {
    return await use(pkg);
  } finally {
    await pkg.close();
  }
}

async function sourceData(file: SampleFile) {
  const pool = await openPool({ dbInstance: file.dbInstance, access: 'read' });
  const reader = new SourceReader(pool);
  try {
    return {
      principals: await collect(reader.principals()),
      affiliations: await collect(reader.affiliations()),
      categories: await reader.categories(),
      rooms: await reader.rooms(),
      roles: await collect(reader.roles()),
      scopes: await collect(reader.scopes()),
      addins: await reader.addins(),
      messages: await collect(reader.messages()),
    };
  } finally {
    await pool.close();
  }
}

describe.each(SOURCE_FLAVOURS.map((f) => [f]))('Export-CsPersistentChatData from %s', (flavour: SourceFlavour) => {
  const scratch = new ExportScratch();
  let file: SampleFile;
  let all: Awaited<ReturnType<typeof sourceData>>;
  const legacy = flavour !== 'pc2013';
  const run = (options: Partial<ExportOptions>) => exportPersistentChatData({ dbInstance: file.dbInstance, now, ...options } as ExportOptions);

  beforeAll(async () => {
    file = await scratch.pool(flavour);
    all = await sourceData(file);
  });
  afterAll(() => scratch.dispose());

  it('exports everything at level All, exactly, and the SQLite fast path writes what the generic writer writes', async () => {
    const before = file.digest();
    const fileName = scratch.file(`all-${flavour}.zip`);
    const result = await run({ fileName });
    expect(result).toMatchObject({ fileName, bytes: null, level: 'All', disabled: null, startDate: null });
    expect(result.counts).toMatchObject({ principals: all.principals.length, rooms: 3, messages: all.messages.length, addins: 1 });
    await withPackage(fileName, async (pkg) => {
      expect(await collect(pkg.principals())).toEqual(all.principals);
      expect(await collect(pkg.affiliations())).toEqual(all.affiliations);
      expect(await pkg.categories()).toEqual(all.categories);
      expect(await pkg.rooms()).toEqual(all.rooms);
      expect(await collect(pkg.roles())).toEqual(all.roles);
      expect(await collect(pkg.scopes())).toEqual(all.scopes);
      expect(await collect(pkg.messages())).toEqual(all.messages);
      expect(pkg.manifest.contextCategoryIds).toEqual([]);
      await pkg.verify({ deep: true });
    });
    const pool = await openPool({ dbInstance: file.dbInstance, access: 'read' });
    const generic = new MemorySink();
    await writePackage(new SourceReader(pool), generic);
    await pool.close();
    expect(Buffer.from(generic.bytes()).equals(fs.readFileSync(fileName))).toBe(true);
    expect(file.digest()).toBe(before);
  });

  it('is deterministic, and -AsBytes returns the bytes -FileName writes', async () => {
    const a = await run({ fileName: scratch.file(`det-a-${flavour}.zip`) });
    const b = await run({ fileName: scratch.file(`det-b-${flavour}.zip`), now: () => new Date('2013-06-02T00:00:00Z') });
    const bytes = await run({ asBytes: true });
    expect(bytes.fileName).toBeNull();
    expect(bytes.bytes).toBeInstanceOf(Uint8Array);
    const fromFile = fs.readFileSync(a.fileName as string);
    expect(fs.readFileSync(b.fileName as string).equals(fromFile)).toBe(true);
    expect(Buffer.from(bytes.bytes as Uint8Array).equals(fromFile)).toBe(true);
    expect(bytes.size).toBe(fromFile.length);
  });

  it.each(EXPORT_LEVELS.map((l) => [l]))('exports what level %s documents', async (level: ExportLevel) => {
    const result = await run({ asBytes: true, level });
    const contents = levelContents(level);
    await withPackage(result.bytes as Uint8Array, async (pkg) => {
      const principals = await collect(pkg.principals());
      const roles = await collect(pkg.roles());
      const scopes = await collect(pkg.scopes());
      const messages = await collect(pkg.messages());
      expect((await pkg.info()).level).toBe(level);
      expect((await pkg.categories()).length).toBe(contents.categories ? all.categories.length : 0);
      expect((await pkg.rooms()).length).toBe(contents.rooms ? all.rooms.length : 0);
      expect((await pkg.addins()).length).toBe(contents.addins ? 1 : 0);
      expect(messages.length).toBe(contents.messages ? all.messages.length : 0);
      const categoryIds = new Set(all.categories.map((c) => c.id));
      const expectedRoles = all.roles.filter((r) => (categoryIds.has(r.nodeId) ? contents.categorySettings : contents.roomSettings));
      expect(roles).toEqual(expectedRoles);
      expect(scopes).toEqual(all.scopes.filter((s) => (categoryIds.has(s.nodeId) ? contents.categorySettings : contents.roomSettings)));
      if (contents.principals === 'all') {
        expect(principals).toEqual(all.principals);
      } else {
        const referenced = new Set([...roles.map((r) => r.principalId), ...scopes.map((s) => s.principalId), ...messages.map((m) => m.authorId)]);
        expect(principals).toEqual(all.principals.filter((p) => referenced.has(p.id)));
        expect(principals.length).toBeGreaterThan(0);
      }
      await pkg.verify({ deep: true });
    });
  });

  it('exports only the -Scope categories, their sub-categories and rooms, with their ancestors as context', async () => {
    const scope = legacy ? ['platform & TOOLS'] : ['Platform & Tools'];
    const result = await run({ asBytes: true, scope });
    await withPackage(result.bytes as Uint8Array, async (pkg) => {
      const categories = await pkg.categories();
      const rooms = await pkg.rooms();
      const roomIds = rooms.map((r) => r.id);
      expect(pkg.manifest.scope).toEqual(scope);
      if (legacy) {
        expect(categories.map((c) => c.id)).toEqual([ROOT_NODE_ID, 10, 11, 12]);
        expect(pkg.manifest.contextCategoryIds).toEqual([ROOT_NODE_ID, 10]);
        expect(roomIds).toEqual([101, 102]);
      } else {
        expect(categories.map((c) => c.id)).toEqual([ROOT_NODE_ID, 11]);
        expect(pkg.manifest.contextCategoryIds).toEqual([ROOT_NODE_ID]);
        expect(roomIds).toEqual([101, 102]);
      }
      const messages = await collect(pkg.messages());
      expect(messages).toEqual(all.messages.filter((m) => roomIds.includes(m.roomId)));
      // The ancestors' roles come along: the root's managers become managers of every room (R3).
      expect((await collect(pkg.roles())).some((r) => r.nodeId === ROOT_NODE_ID && r.role === 'Manager')).toBe(true);
      expect((await collect(pkg.roles())).some((r) => r.nodeId === 100)).toBe(false);
      expect(pkg.manifest.months.reduce((n, m) => n + m.kept, 0)).toBe(messages.length);
    });
    expect(result.categories.find((c) => c.id === ROOT_NODE_ID)?.context).toBe(true);
    if (legacy) {
      const byPath = await run({ asBytes: true, scope: ['Engineering\\Platform & Tools\\ש"ל <RTL>'] });
      expect(byPath.rooms.map((r) => r.id)).toEqual([101]);
    }
  });

  it('leaves out messages older than -StartDate and accounts for them per room and month', async () => {
    const startDate = new Date('2010-01-01T00:00:00Z');
    const since = isoToTicks('2010-01-01T00:00:00Z');
    const result = await run({ asBytes: true, startDate });
    const kept = all.messages.filter((m) => m.timestamp >= since);
    const cut = all.messages.filter((m) => m.timestamp < since);
    expect(result.counts.messages).toBe(kept.length);
    expect(result.cut.messages).toBe(cut.length);
    expect(result.startDate).toEqual(startDate);
    const cutByRoom = new Map<number, number>();
    for (const m of cut) cutByRoom.set(m.roomId, (cutByRoom.get(m.roomId) ?? 0) + 1);
    expect(result.cut.rooms.map((r) => [r.roomId, r.count])).toEqual([...cutByRoom].sort(([a], [b]) => a - b));
    await withPackage(result.bytes as Uint8Array, async (pkg) => {
      expect(await collect(pkg.messages())).toEqual(kept);
      const info = await pkg.info();
      expect(info.startDate).toBe(since);
      expect(info.messagesCut).toEqual(cutByRoom);
      expect(info.months.find((m) => m.month === '2009-12')).toMatchObject({ kept: 0 });
      expect(info.months.find((m) => m.month === '2010-01')?.cut).toBe(0);
      expect(ticksToDate(BigInt(pkg.manifest.startDate as string))).toEqual(startDate);
    });
  });

  it('-DisableExportedNodes disables the exported categories and rooms after a verified package, and nothing else', async () => {
    const copy = await scratch.pool(flavour);
    const scope = ['Platform & Tools'];
    const result = await exportPersistentChatData({ dbInstance: copy.dbInstance, fileName: scratch.file(`disable-${flavour}.zip`), scope, disableExportedNodes: true, now });
    const pool = await openPool({ dbInstance: copy.dbInstance, access: 'read' });
    const reader = new SourceReader(pool);
    const categories = await reader.categories();
    const rooms = await reader.rooms();
    await pool.close();
    const disabledNow = [...categories, ...rooms].filter((n) => n.disabled).map((n) => n.id).sort((a, b) => a - b);
    const expectedCategories = legacy ? [11, 12] : [11];
    expect(result.disabled).toMatchObject({ categoryIds: expectedCategories, roomIds: [101], alreadyDisabledIds: [102] });
    expect(disabledNow).toEqual([...expectedCategories, 101, 102].sort((a, b) => a - b));
    expect(categories.find((c) => c.id === ROOT_NODE_ID)?.disabled).toBe(false);
    expect(rooms.find((r) => r.id === 101)?.audit.updatedOn).toBe(isoToTicks(NOW.toISOString()));
    // The package records the state before the export disabled anything.
    await withPackage(result.fileName as string, async (pkg) => expect((await pkg.rooms()).find((r) => r.id === 101)?.disabled).toBe(false));

    const whole = await scratch.pool(flavour);
    const everything = await exportPersistentChatData({ dbInstance: whole.dbInstance, asBytes: true, disableExportedNodes: true, now });
    expect(everything.disabled?.roomIds).toEqual([100, 101]);
    expect(everything.disabled?.categoryIds).toEqual(legacy ? [10, 11, 12] : [10, 11]);
  });

  it('writes a self-contained -Report, every name escaped', async () => {
    const report = scratch.file(`report-${flavour}.html`);
    fs.writeFileSync(report, 'an older report is replaced');
    const result = await run({ asBytes: true, report, startDate: new Date('2010-01-01T00:00:00Z') });
    expect(result.reportFileName).toBe(report);
    const page = fs.readFileSync(report, 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).not.toMatch(/<(script|link|img|iframe)\b/i);
    if (legacy) expect(page).toContain('sip:partner@fabrikam.com');
    if (legacy) expect(page).toContain('ש&quot;ל &lt;RTL&gt;');
    expect(page).not.toContain('<RTL>');
    expect(page).toContain(`data-cut="${result.cut.months.find((m) => m.cut > 0)?.cut}"`);
    expect(page).toContain(result.manifest.entries[0]!.sha256);
  });

  it('reports progress up to a completed event', async () => {
    const events: ProgressEvent[] = [];
    await run({ asBytes: true, onProgress: (e) => events.push(e) });
    expect(events.length).toBeGreaterThan(3);
    expect(events.every((e) => e.activity === 'Export-CsPersistentChatData')).toBe(true);
    expect(events.at(-1)).toMatchObject({ completed: true, percentComplete: 100 });
    const percents = events.map((e) => e.percentComplete ?? 0);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
  });
});

describe('Export-CsPersistentChatData refuses bad input, leaving nothing behind and the source untouched', () => {
  const scratch = new ExportScratch();
  let file: SampleFile;
  beforeAll(async () => {
    file = await scratch.pool('lync2010');
  });
  afterAll(() => scratch.dispose());

  const cases: [string, Partial<ExportOptions>, string][] = [
    ['an illegal level', { level: 'Everything' as ExportLevel }, 'PCMIG-EXP-001'],
    ['an unparseable start date', { startDate: new Date('not a date') }, 'PCMIG-EXP-002'],
    ['a start date in the future', { startDate: new Date('2020-01-01T00:00:00Z') }, 'PCMIG-EXP-003'],
    ['a start date with a level without messages', { startDate: new Date('2010-01-01'), level: 'RoomDirectory' }, 'PCMIG-EXP-004'],
    ['an unknown scope category', { scope: ['Engineering', 'Marketing'] }, 'PCMIG-EXP-005'],
    ['an empty scope', { scope: [] }, 'PCMIG-EXP-006'],
    ['a blank scope name', { scope: ['  '] }, 'PCMIG-EXP-006'],
    ['a scope with level User', { scope: ['Engineering'], level: 'User' }, 'PCMIG-EXP-013'],
    ['both -FileName and -AsBytes', { asBytes: true }, 'PCMIG-EXP-007'],
    ['neither -FileName nor -AsBytes', { fileName: undefined }, 'PCMIG-EXP-007'],
    ['a folder that does not exist', { fileName: '/nonexistent-pcmig-folder/out.zip' }, 'PCMIG-EXP-009'],
    ['a report in a folder that does not exist', { report: '/nonexistent-pcmig-folder/report.html' }, 'PCMIG-EXP-010'],
    ['a database file that does not exist', { dbInstance: '/nonexistent-pcmig-folder/pool.db' }, 'PCMIG-DB-002'],
    ['an unreachable SQL Server', { dbInstance: '127.0.0.1,1', credentials: { user: 'u', password: 'p' } } as Partial<ExportOptions>, 'PCMIG-DB-003'],
  ];

  it.each(cases)('%s', async (_what, options, id) => {
    const before = file.digest();
    const fileName = scratch.file('out.zip');
    await expect(exportPersistentChatData({ dbInstance: file.dbInstance, fileName, now, ...options } as ExportOptions)).rejects.toMatchObject({ id });
    expect(scratch.outputs()).toEqual([]);
    expect(file.digest()).toBe(before);
  });

  it('a database of the wrong kind', async () => {
    const other = scratch.file('other.db');
    const db = await import('better-sqlite3');
    const handle = new db.default(other);
    handle.exec('CREATE TABLE invoices (id INTEGER)');
    handle.close();
    await expect(exportPersistentChatData({ dbInstance: other, fileName: scratch.file('out.zip'), now })).rejects.toMatchObject({ id: 'PCMIG-DB-004' });
    expect(scratch.outputs()).toEqual([]);
  });

  it('an existing -FileName without -Force, and with it', async () => {
    const fileName = scratch.file('exists.zip');
    fs.writeFileSync(fileName, 'keep me');
    await expect(exportPersistentChatData({ dbInstance: file.dbInstance, fileName, now })).rejects.toMatchObject({ id: 'PCMIG-EXP-008' });
    expect(fs.readFileSync(fileName, 'utf8')).toBe('keep me');
    await exportPersistentChatData({ dbInstance: file.dbInstance, fileName, force: true, now });
    await withPackage(fileName, async (pkg) => expect(pkg.manifest.counts.messages).toBe(file.sample.messages.length));
    await expect(exportPersistentChatData({ dbInstance: file.dbInstance, fileName: scratch.dir, now })).rejects.toMatchObject({ id: 'PCMIG-EXP-009' });
    await expect(exportPersistentChatData({ dbInstance: file.dbInstance, fileName: scratch.file('a.zip'), report: scratch.file('a.zip'), now })).rejects.toMatchObject({
      id: 'PCMIG-EXP-010',
    });
    fs.rmSync(fileName);
    expect(scratch.outputs()).toEqual([]);
  });

  it('a message the package format cannot carry: stable id, no partial package', async () => {
    const bad = await scratch.pool('pc2013', async (pool) => {
      await new SourceWriter(pool).messages([{ roomId: 100, chatId: 5000, timestamp: 1n, authorId: 1, isAlert: false, content: 'x', rtf: null }]);
      await pool.connection.execute('UPDATE tblChat SET userId = 0 WHERE chatId = 5000');
    });
    await expect(exportPersistentChatData({ dbInstance: bad.dbInstance, fileName: scratch.file('bad.zip'), now })).rejects.toMatchObject({ id: 'PCMIG-PKG-019' });
    expect(scratch.outputs()).toEqual([]);
    const badDate = await scratch.pool('lync2010', async (pool) => {
      await new SourceWriter(pool).messages([{ roomId: 100, chatId: 5000, timestamp: 1n, authorId: 2, isAlert: false, content: 'x', rtf: null }]);
      await pool.connection.execute('UPDATE tblChat SET chatDate = -1 WHERE chatId = 5000');
    });
    await expect(exportPersistentChatData({ dbInstance: badDate.dbInstance, fileName: scratch.file('bad.zip'), now })).rejects.toMatchObject({ id: 'PCMIG-DB-013' });
    expect(scratch.outputs()).toEqual([]);
  });
});

describe('message lines built in SQL', () => {
  const scratch = new ExportScratch();
  afterAll(() => scratch.dispose());

  it('a message longer than a package line: stable id, no partial package', async () => {
    const huge = await scratch.pool('lync2010', async (pool) => {
      const content = 'x'.repeat(PACKAGE_LIMITS.lineBytes);
      await new SourceWriter(pool).messages([{ roomId: 100, chatId: 5000, timestamp: isoToTicks('2012-01-01T00:00:00Z'), authorId: 2, isAlert: false, content, rtf: null }]);
    });
    await expect(exportPersistentChatData({ dbInstance: huge.dbInstance, fileName: scratch.file('huge.zip'), now })).rejects.toMatchObject({ id: 'PCMIG-PKG-016', reason: { roomId: 100, chatId: 5000 } });
    expect(scratch.outputs()).toEqual([]);
  });
});

describe('messages the pool cannot place or name', () => {
  const scratch = new ExportScratch();
  afterAll(() => scratch.dispose());

  it('exports messages of authors missing from tblPrincipal, reports them, and reports messages of rooms that do not exist', async () => {
    const file = await scratch.pool('lync2010', async (pool) => {
      await new SourceWriter(pool).messages([
        { roomId: 100, chatId: 9000, timestamp: isoToTicks('2012-01-01T00:00:00Z'), authorId: 777, isAlert: false, content: 'from someone unknown', rtf: null },
        { roomId: 4242, chatId: 1, timestamp: isoToTicks('2012-01-01T00:00:00Z'), authorId: 2, isAlert: false, content: 'in no room', rtf: null },
      ]);
    });
    const result = await exportPersistentChatData({ dbInstance: file.dbInstance, asBytes: true, now });
    expect(result.manifest.unknownPrincipalIds).toEqual([777]);
    expect(result.counts.messages).toBe(file.sample.messages.length + 1);
    expect(result.notices.map((n) => n.code).sort()).toEqual(['disabled-rooms-exported', 'federated-principals', 'orphan-messages', 'unknown-principals']);
    expect(result.notices.find((n) => n.code === 'orphan-messages')).toMatchObject({ channelIds: [4242], messages: 1, path: 'tblChat' });
    expect(result.federated).toEqual([{ id: 5, uri: 'sip:partner@fabrikam.com', displayName: 'fed', roomIds: [100] }]);
    await withPackage(result.bytes as Uint8Array, async (pkg) => {
      const messages = await collect(pkg.messages());
      expect(messages.find((m) => m.authorId === 777)?.content).toBe('from someone unknown');
      expect(messages.some((m) => m.roomId === 4242)).toBe(false);
    });
  });

  it('pages large, dense and sparse rooms exactly as the generic writer writes them, with and without -StartDate', async () => {
    const file = await scratch.pool('lync2010', async (pool) => {
      const writer = new SourceWriter(pool);
      const base = isoToTicks('2011-06-01T00:00:00Z');
      const dense = Array.from({ length: 5300 }, (_, i) => ({
        roomId: 100,
        chatId: 50_000 + i,
        timestamp: base + BigInt(i) * 3_600_000_000_000n,
        authorId: 2 + (i % 3),
        isAlert: i % 7 === 0,
        content: `dense ${i} ${'ma-filelink:'.repeat(i % 500 === 0 ? 1 : 0)}"${'x'.repeat(i % 300)}"`,
        rtf: null,
      }));
      const sparse = Array.from({ length: 4100 }, (_, i) => ({
        roomId: 101,
        chatId: 1_000_000 + i * 997,
        timestamp: base + BigInt(i) * 86_400_000_000_000n,
        authorId: 3,
        isAlert: false,
        content: `sparse ${i} 🎉 \u0001`,
        rtf: null,
      }));
      await pool.connection.transaction(() => writer.messages([...sparse.reverse(), ...dense]));
    });
    for (const startDate of [undefined, new Date('2011-08-01T00:00:00Z')]) {
      const result = await exportPersistentChatData({ dbInstance: file.dbInstance, asBytes: true, now, ...(startDate ? { startDate } : {}) });
      const pool = await openPool({ dbInstance: file.dbInstance, access: 'read' });
      const generic = new MemorySink();
      await writePackage(new SourceReader(pool, startDate ? { startDate: isoToTicks(startDate.toISOString()) } : {}), generic);
      await pool.close();
      expect(Buffer.from(generic.bytes()).equals(Buffer.from(result.bytes as Uint8Array))).toBe(true);
      expect(result.counts.messages).toBeGreaterThan(startDate ? 3000 : 9400);
    }
  });

  it('writes messages in chatId order even when the database stored them in another order', async () => {
    const file = await scratch.pool('pc2013', async (pool) => {
      const writer = new SourceWriter(pool);
      const messages = Array.from({ length: 4500 }, (_, i) => ({
        roomId: 102,
        chatId: 4500 - i,
        timestamp: isoToTicks('2012-02-01T00:00:00Z') + BigInt(i),
        authorId: 3,
        isAlert: i % 2 === 0,
        content: `reverse ${i} \u0001 "q" \\ </x> 🎉`,
        rtf: i % 3 === 0 ? null : `{\\rtf1 ${i}}`,
      }));
      await pool.connection.transaction(() => writer.messages(messages));
    });
    const result = await exportPersistentChatData({ dbInstance: file.dbInstance, asBytes: true, now });
    const all = await sourceData(file);
    await withPackage(result.bytes as Uint8Array, async (pkg) => {
      expect(await collect(pkg.messages())).toEqual(all.messages);
      await pkg.verify({ deep: true });
    });
  });
});
