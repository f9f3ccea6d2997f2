import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoToTicks, ticksToMonth } from '../model/ticks.js';
import { LEGACY_SCHEMA_VERSIONS } from '../db/schema/legacy-tables.js';
import { SourceReader } from '../db/repositories/source-reader.js';
import { SourceWriter, disableNodes } from '../db/repositories/source-writer.js';
import { PersistentChatStore } from '../db/repositories/persistent-chat-store.js';
import { runningEvidence } from '../db/repositories/service-activity.js';
import { detectPoolSchema } from '../db/schema/pool-schema.js';
import { SOURCE_FLAVOURS, type SourceFlavour } from '../model/constants.js';
import type { Message } from '../model/message.js';
import { writeSamplePool, type SamplePool } from './sample-pool.js';
import type { PoolFactory } from './pool-factories.js';
import type { PoolDatabase } from '../db/open-pool.js';

async function collect<T>(source: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const batch of source) all.push(...batch);
  return all;
}

/** The behaviour every engine must show. Runs against SQLite always, SQL Server when configured. */
export function describeRepositoryContract(makeFactory: () => PoolFactory): void {
  let factory: PoolFactory;
  beforeAll(() => {
    factory = makeFactory();
  });
  afterAll(async () => {
    await factory?.dispose();
  });

  describe.each(SOURCE_FLAVOURS.map((f) => [f]))('%s source', (flavour: SourceFlavour) => {
    let pool: PoolDatabase;
    let sample: SamplePool;
    let reader: SourceReader;
    beforeAll(async () => {
      pool = await factory.create(flavour);
      sample = await writeSamplePool(pool);
      reader = new SourceReader(await factory.reopen(pool, 'read'));
    });

    it('is recognised with its flavour and version', async () => {
      const detected = await detectPoolSchema(pool.connection);
      expect(detected.flavour).toBe(flavour);
      expect(detected.version).toBe(flavour === 'pc2013' ? null : LEGACY_SCHEMA_VERSIONS[flavour]);
    });

    it('reads back every principal and affiliation exactly', async () => {
      const principals = (await collect(reader.principals(3))).filter((p) => p.kind !== 'system');
      expect(principals).toEqual(sample.principals);
      expect(await collect(reader.affiliations(2))).toEqual(
        [...sample.affiliations].sort((a, b) => a.principalId - b.principalId || a.affiliationId - b.affiliationId || a.index - b.index),
      );
    });

    it('reads back categories (with the root) and rooms exactly', async () => {
      const categories = await reader.categories();
      expect(categories[0]?.id).toBe(1);
      expect(categories[0]?.parentId).toBeNull();
      expect(categories.slice(1)).toEqual(sample.categories);
      expect(await reader.rooms()).toEqual(sample.rooms);
      expect((await reader.rooms()).find((r) => r.id === 101)?.name).toHaveLength(256);
    });

    it('reads roles by name, scopes and add-ins', async () => {
      const key = (r: { nodeId: number; principalId: number; role: string }) => `${r.nodeId}/${r.principalId}/${r.role}`;
      expect((await collect(reader.roles(2))).map(key)).toEqual(sample.roles.map(key).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
      expect(await collect(reader.scopes())).toEqual([...sample.scopes].sort((a, b) => a.nodeId - b.nodeId || a.principalId - b.principalId));
      expect(await reader.addins()).toEqual(sample.addins);
    });

    it('streams every message exactly, in key order, in bounded batches', async () => {
      let batches = 0;
      let largest = 0;
      const read: Message[] = [];
      for await (const batch of reader.messages({ batchSize: 400 })) {
        batches += 1;
        largest = Math.max(largest, batch.length);
        read.push(...batch);
      }
      expect(read).toEqual(sample.messages);
      expect(largest).toBeLessThanOrEqual(400);
      expect(batches).toBeGreaterThanOrEqual(Math.ceil(sample.messages.length / 400));
    });

    it('filters by start date, per room and overall', async () => {
      const since = isoToTicks('2010-01-01T00:00:00Z');
      const expected = sample.messages.filter((m) => m.timestamp >= since);
      expect(await collect(reader.messages({ since }))).toEqual(expected);
      expect(await collect(reader.roomMessages(101, { since }))).toEqual(expected.filter((m) => m.roomId === 101));
      expect(await collect(reader.roomMessages(999))).toEqual([]);
    });

    it('describes itself, and accounts exactly for what a start date leaves out', async () => {
      const whole = await reader.info();
      expect(whole).toMatchObject({ flavour, level: 'All', scope: null, startDate: null });
      expect(whole.messagesCut.size).toBe(0);
      expect(whole.months.reduce((n, m) => n + m.kept, 0)).toBe(sample.messages.length);

      const since = isoToTicks('2010-01-01T00:00:00Z');
      const cutReader = new SourceReader(await factory.reopen(pool, 'read'), { startDate: since });
      const info = await cutReader.info();
      const cut = sample.messages.filter((m) => m.timestamp < since);
      const cutByRoom = new Map<number, number>();
      for (const m of cut) cutByRoom.set(m.roomId, (cutByRoom.get(m.roomId) ?? 0) + 1);
      expect(info.messagesCut).toEqual(cutByRoom);
      expect(info.months.reduce((n, m) => n + m.cut, 0)).toBe(cut.length);
      expect(info.months.reduce((n, m) => n + m.kept, 0)).toBe(sample.messages.length - cut.length);
      expect(info.months.find((m) => m.month === '2009-12')?.cut).toBeGreaterThan(0);
      expect(await collect(cutReader.messages())).toEqual(sample.messages.filter((m) => m.timestamp >= since));
    });

    it('counts messages per room and UTC month', async () => {
      const expected = new Map<string, number>();
      for (const m of sample.messages) {
        const key = `${m.roomId}|${ticksToMonth(m.timestamp)}`;
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
      const counts = await reader.monthlyCounts();
      expect(new Map(counts.map((c) => [`${c.roomId}|${c.month}`, c.count]))).toEqual(expected);
    });

    it('shows running services through server pings and admin locks', async () => {
      const now = new Date();
      await new SourceWriter(pool).serverIdentity({ serverId: 7, address: 'net.tcp://gc01:8011', lastPing: new Date(now.getTime() - 60_000) });
      const activity = await reader.serviceActivity();
      expect(activity.servers).toHaveLength(1);
      expect(runningEvidence(activity, now).servers).toHaveLength(1);
      expect(runningEvidence(activity, new Date(now.getTime() + 2 * 3600_000)).servers).toHaveLength(0);
      await pool.connection.execute('DELETE FROM tblServerIdentity');
    });

    it('disables exactly the given nodes, in one transaction', async () => {
      const writable = await factory.reopen(pool, 'write');
      const changed = await disableNodes(writable, [10, 100, 102], { id: 1, on: isoToTicks('2012-01-01T00:00:00Z') });
      expect(changed).toBe(2); // 102 was already disabled
      const rooms = await new SourceReader(writable).rooms();
      expect(rooms.filter((r) => r.disabled).map((r) => r.id)).toEqual([100, 102]);
      expect((await new SourceReader(writable).categories()).find((c) => c.id === 10)?.disabled).toBe(true);
    });
  });

  describe('transactions', () => {
    it('roll back everything on failure, and savepoints roll back only their part', async () => {
      const pool = await factory.create('pc2013');
      const db = pool.connection;
      const insert = "INSERT INTO tblServerIdentity (serverID, serverAddress) VALUES (@id, 'x')";
      await expect(
        db.transaction(async () => {
          await db.execute(insert, { id: 1 });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await db.query('SELECT * FROM tblServerIdentity')).toHaveLength(0);
      await db.transaction(async () => {
        await db.execute(insert, { id: 2 });
        await db.transaction(async () => {
          await db.execute(insert, { id: 3 });
          throw new Error('inner');
        }).catch(() => undefined);
      });
      expect((await db.query<{ serverID: number }>('SELECT serverID FROM tblServerIdentity')).map((r) => Number(r.serverID))).toEqual([2]);
    });
  });

  describe('Persistent Chat store', () => {
    it('writes categories, rooms, roles, scopes, add-ins and messages, and reads them back', async () => {
      const pool = await factory.create('pc2013');
      const sample = await writeSamplePool(pool);
      const store = new PersistentChatStore(pool);
      const on = isoToTicks('2013-02-01T00:00:00Z');
      const audit = { addedBy: 1, addedOn: on, updatedBy: 1, updatedOn: on };
      const ids = await store.maxIds();
      expect(ids).toEqual({ node: 102, principal: 8 });
      await pool.connection.transaction(async () => {
        await store.upsertAddin({ id: '00000000-0000-4000-8000-000000000777', name: 'Board', url: 'https://board' });
        await store.upsertCategory({ id: 200, guid: '00000000-0000-4000-8000-000000000200', name: 'Legacy ▸ Sales', description: 'd', invitations: true, fileUpload: true, chatHistory: false, audit });
        await store.replaceScope(200, [{ principalId: 7, denied: false }, { principalId: 4, denied: true }]);
        await store.replaceRoles(200, [{ principalId: 2, role: 'Creator' }]);
        await store.upsertRoom({ id: 201, guid: '00000000-0000-4000-8000-000000000201', categoryId: 200, name: 'deals', description: '', privacy: 'Open', type: 'Auditorium', invitations: 'False', disabled: false, addinId: '00000000-0000-4000-8000-000000000777', audit });
        await store.replaceRoles(201, [{ principalId: 2, role: 'Manager' }, { principalId: 3, role: 'Member' }, { principalId: 3, role: 'Voiced' }]);
        await store.insertMessages([{ roomId: 201, chatId: 1, timestamp: on, authorId: 2, isAlert: false, content: 'x', rtf: null }]);
        await store.setLastChatId(201, 1);
      });
      const category = (await store.categories()).find((c) => c.id === 200);
      expect(category).toMatchObject({ name: 'Legacy ▸ Sales', invitations: true, fileUpload: true, chatHistory: false, creators: [sample.principals[0]!.guid] });
      expect(category?.allowedMembers).toEqual([sample.principals[5]!.guid]);
      expect(category?.deniedMembers).toEqual([sample.principals[2]!.guid]);
      const room = (await store.rooms()).find((r) => r.id === 201);
      expect(room).toMatchObject({ category: 'Legacy ▸ Sales', privacy: 'Open', type: 'Auditorium', invitations: 'False', addin: 'Board' });
      expect(await store.roomRoles(201)).toEqual({ members: [sample.principals[1]!.guid], managers: [sample.principals[0]!.guid], presenters: [sample.principals[1]!.guid] });
      // Upsert replaces settings in place.
      await store.upsertRoom({ id: 201, guid: '00000000-0000-4000-8000-000000000201', categoryId: 200, name: 'deals', description: 'new', privacy: 'Secret', type: 'Normal', invitations: 'Inherit', disabled: true, addinId: null, audit });
      expect((await store.rooms()).find((r) => r.id === 201)).toMatchObject({ description: 'new', privacy: 'Secret', type: 'Normal', invitations: 'Inherit', disabled: true, addin: null });
      expect((await store.messageCounts()).get(201)).toBe(1);
      expect(await store.deleteRoomMessages(201)).toBe(1);
    });

    it('enforces the message key again after a bulk load without it', async () => {
      const pool = await factory.create('pc2013');
      await writeSamplePool(pool);
      const store = new PersistentChatStore(pool);
      const message = { roomId: 100, chatId: 1, timestamp: 1n, authorId: 2, isAlert: false, content: 'dup', rtf: null };
      await store.dropMessageKey();
      await store.rebuildMessageKey();
      await expect(store.insertMessages([message])).rejects.toMatchObject({ id: 'PCMIG-DB-011' });
    });

    it('backs up to a copy that opens with the same content', async () => {
      const pool = await factory.create('pc2013');
      const sample = await writeSamplePool(pool);
      const destination = factory.backupPath(`backup-${Date.now()}`);
      await new PersistentChatStore(pool).backupTo(destination);
      if (factory.engine === 'sqlite') {
        const { openPool } = await import('../db/open-pool.js');
        const copy = await openPool({ dbInstance: destination, access: 'read', role: 'target' });
        expect(await collect(new SourceReader(copy).messages())).toEqual(sample.messages);
        await copy.close();
      }
    });
  });
}
