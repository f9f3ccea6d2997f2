import zlib from 'node:zlib';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Message } from '../model/message.js';
import type { SourceData } from '../model/source-data.js';
import { isoToTicks } from '../model/ticks.js';
import { SourceReader } from '../db/repositories/source-reader.js';
import { SourceWriter } from '../db/repositories/source-writer.js';
import { openPackage } from '../package/read/open-package.js';
import { writePackage } from '../package/write/write-package.js';
import { MemorySink } from '../package/zip/zip-sink.js';
import { planMigration } from './plan-migration.js';
import { RoomFingerprint, scanMessages, type MessageScan } from './scan-messages.js';
import { readTargetSnapshot } from './target-snapshot.js';
import { alice, bob, category, messages, room, ScenarioFolder, type SourceSpec } from './test-support/scenario.js';

/** The same source, seen only through messages(): the scan's general way. */
function throughMessages(reader: SourceData): SourceData {
  return {
    info: () => reader.info(),
    principals: () => reader.principals(),
    affiliations: () => reader.affiliations(),
    categories: () => reader.categories(),
    rooms: () => reader.rooms(),
    roles: () => reader.roles(),
    scopes: () => reader.scopes(),
    addins: () => reader.addins(),
    messages: () => reader.messages(),
  };
}

const plain = (scan: MessageScan) => ({
  ...scan,
  rooms: [...scan.rooms],
  unknownRooms: [...scan.unknownRooms],
  unknownAuthors: [...scan.unknownAuthors].map(([room, authors]) => [room, [...authors]]),
  impossibleTimestamps: [...scan.impossibleTimestamps],
  authors: [...scan.authors].map(([room, ids]) => [room, [...ids]]),
  months: [...scan.months],
});

async function bothWays(reader: SourceData) {
  const rooms = new Set((await reader.rooms()).map((r) => r.id));
  const context = {
    knownRooms: rooms,
    migrates: (id: number) => id !== 103,
    knownAuthor: (id: number) => id === 2 || id === 3,
    authorGuid: () => undefined,
    now: new Date('2014-01-01T00:00:00Z'),
    activity: 'test',
  };
  return { fast: plain(await scanMessages(reader, context)), general: plain(await scanMessages(throughMessages(reader), context)) };
}

function odd(roomId: number, chatId: number, iso: string, authorId: number, content: string, rtf: string | null = null): Message {
  return { roomId, chatId, timestamp: isoToTicks(iso), authorId, isAlert: chatId % 2 === 0, content, rtf };
}

describe('scanMessages reads a SQLite source from digests exactly as it reads messages()', () => {
  const folder = new ScenarioFolder();
  afterAll(() => folder.dispose());

  const spec = (flavour: 'lync2010' | 'pc2013'): SourceSpec => {
    const legacy = flavour !== 'pc2013';
    return {
      flavour,
      principals: [alice, bob],
      categories: [category(10, 1, 'Engineering', {}, legacy)],
      rooms: [room(100, 10, 'dense', {}, legacy), room(101, 10, 'sparse', {}, legacy), room(102, 10, 'odd', {}, legacy), room(103, 10, 'disabled', { disabled: true }, legacy)],
      messages: [
        ...messages(100, 4600, [2, 3, 9]),
        ...Array.from({ length: 2300 }, (_, i) => odd(101, 10 + i * 4099, '2012-03-04T05:06:07.0000001Z', 3, `sparse ${i}`)),
        odd(102, -7, '1999-12-31T23:59:59.9999999Z', 2, 'negative chatId, just before 2000'),
        odd(102, 0, '2000-01-01T00:00:00Z', 2, 'exactly 2000'),
        odd(102, 1, '2014-01-02T00:00:00.0000001Z', 2, 'a tick past tomorrow'),
        odd(102, 2, '2014-01-02T00:00:00Z', 2, 'tomorrow exactly'),
        odd(102, 3, '0001-01-01T00:00:00Z', 77, 'the first day', legacy ? null : '{\\rtf1 x}'),
        odd(102, 4, '9999-12-31T23:59:59.9999999Z', 77, 'astral 🎉👩‍👩‍👧 and BMP ü ✓ and "quotes" \\ \n', legacy ? null : '{\\rtf1 🎉}'),
        odd(102, 5, '2011-01-31T23:59:59.9999999Z', 2, ''),
        odd(102, 6, '2011-02-01T00:00:00Z', 2, 'x'.repeat(3000), legacy ? null : ''),
        ...messages(103, 30, [2]),
      ],
    };
  };

  /** A source with messages in a channel that is no room (tblLastChatId could not name it). */
  const source = async (flavour: 'lync2010' | 'pc2013') => {
    const made = await folder.source(spec(flavour));
    await made.pool.connection.transaction(() => new SourceWriter(made.pool).messages(messages(4242, 12, [2], '2005-05-05T00:00:00Z')));
    return made;
  };

  it.each([['lync2010'], ['pc2013']] as const)('from %s', async (flavour) => {
    const { reader } = await source(flavour);
    // Every page is read as a digest: none falls back to reading messages.
    const fallbacks = vi.spyOn(SourceReader.prototype as unknown as { pageMessages: () => Promise<Message[]> }, 'pageMessages');
    const { fast, general } = await bothWays(reader);
    expect(fallbacks).not.toHaveBeenCalled();
    fallbacks.mockRestore();
    expect(fast).toEqual(general);
    expect(fast.total).toBe(4600 + 2300 + 8 + 30 + 12);
    expect(fast.impossibleTimestamps.length).toBe(1);
    expect(fast.unknownRooms).toEqual([[4242, 12]]);
  });

  it('and plans a database exactly as it plans the same database read through messages()', async () => {
    for (const startDate of [undefined, isoToTicks('2011-03-01T00:00:00Z')]) {
      const { pool } = await source('lync2010');
      const reader = new SourceReader(pool, startDate === undefined ? {} : { startDate });
      const { store } = await folder.target();
      const snapshot = await readTargetSnapshot(store);
      const options = { now: new Date('2014-01-01T00:00:00Z'), shortenLongNames: true, force: true };
      const fast = await planMigration(reader, snapshot, options);
      const general = await planMigration(throughMessages(reader), snapshot, options);
      expect(fast).toEqual(general);
      // A month with messages only in a channel that is no room is listed (empty), as before.
      expect(fast.months.find((m) => m.month === '2005-05')).toEqual({ month: '2005-05', migrated: 0, cut: startDate === undefined ? 0 : 12, notMigrated: 0 });
    }
  });

  it('reads and plans an export package from its digests exactly as through messages(), with the database\'s source key', async () => {
    const { pool } = await folder.source({ ...spec('lync2010'), messages: (spec('lync2010').messages ?? []).filter((m) => m.chatId >= 0) });
    const reader = new SourceReader(pool);
    const sink = new MemorySink();
    await writePackage(reader, sink);
    const pkg = await openPackage({ bytes: sink.bytes() });
    try {
      const digests = vi.spyOn(pkg, 'messageDigests');
      const { fast, general } = await bothWays(pkg);
      expect(digests).toHaveBeenCalledTimes(1);
      expect(fast).toEqual(general);
      expect(fast.total).toBe(4600 + 2300 + 7 + 30);
      const { store } = await folder.target();
      const snapshot = await readTargetSnapshot(store);
      const options = { now: new Date('2014-01-01T00:00:00Z'), shortenLongNames: true, force: true };
      const plan = await planMigration(pkg, snapshot, options);
      expect(plan).toEqual(await planMigration(throughMessages(pkg), snapshot, options));
      // The same source, exported or not, is the same source for the ledger (and verification).
      expect(plan.sourceKey).toBe((await planMigration(reader, snapshot, options)).sourceKey);
    } finally {
      await pkg.close();
    }
  });

  it('with a start date', async () => {
    const { pool } = await source('lync2010');
    const reader = new SourceReader(pool, { startDate: isoToTicks('2011-03-01T00:00:00Z') });
    const { fast, general } = await bothWays(reader);
    expect(fast).toEqual(general);
    expect(fast.total).toBeLessThan(4600 + 2300 + 8 + 30 + 12);
  });
});

describe('RoomFingerprint', () => {
  it('gives the CRC of every text one by one, however it batches them (lone surrogates included)', () => {
    const texts = ['plain', '', 'ends high \ud800', '\udc00 starts low', 'pair 🎉', '\ud83d', '\ude00', 'x'.repeat(70_000), 'é', null];
    const reference = { crc: 0 };
    const fingerprint = new RoomFingerprint();
    texts.forEach((content, i) => {
      const rtf = i % 3 === 0 ? texts[(i + 1) % texts.length] ?? null : null;
      reference.crc = zlib.crc32(content ?? 'null', reference.crc);
      if (rtf !== null) reference.crc = zlib.crc32(rtf, reference.crc);
      fingerprint.add(i, 634_000_000_000_000_000n, 2, false, content ?? 'null', rtf);
    });
    expect(fingerprint.digest().slice(0, 8)).toBe((reference.crc >>> 0).toString(16).padStart(8, '0'));
  });
});
