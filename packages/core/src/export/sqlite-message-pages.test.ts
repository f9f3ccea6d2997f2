import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPool, type PoolDatabase } from '../db/open-pool.js';
import { SourceWriter } from '../db/repositories/source-writer.js';
import { MESSAGE_LINES_SWITCH, loadMessageLinesExtension } from '../db/sqlite/message-lines-extension.js';
import { SqliteConnection } from '../db/sqlite/sqlite-connection.js';
import type { Message } from '../model/message.js';
import { isoToTicks } from '../model/ticks.js';
import { MessageTally } from '../package/format/message-line-scan.js';
import { pageOf, type MessagePage } from '../package/write/message-pages.js';
import { ExportScratch, type SampleFile } from './export.test-fixture.js';
import { sqliteMessagePages, type RoomToExport } from './sqlite-message-pages.js';

/** Every byte JSON escapes, the characters around them, and the file link marker in its places. */
const TEXTS = [
  Array.from({ length: 32 }, (_, c) => String.fromCharCode(c)).join('') + '"\\/\'\u007f',
  'quotes "inside" and a \\ backslash at the end \\',
  '🎉 emoji, עברית RTL, \u2028 line separator, \ufeff BOM, é',
  'ma-filelink:',
  'xxma-filelink:/files/a.txt and more',
  'ma-filelink and no colon ma-filelink',
  ': colon first, then filelink: ma-filelin k:',
  'a'.repeat(1000) + '"' + 'b'.repeat(7),
  '',
  '1234567',
  '12345678',
];

function messagesOf(roomId: number, count: number, withRtf: boolean): Message[] {
  const base = isoToTicks('2011-12-30T22:00:00Z');
  return Array.from({ length: count }, (_, i) => ({
    roomId,
    chatId: 10 + i * 3,
    timestamp: base + BigInt(i) * 1_800_000_000_000n,
    authorId: 2 + (i % 5) * 1000,
    isAlert: i % 4 === 0,
    content: `${TEXTS[i % TEXTS.length]} #${i}`,
    rtf: withRtf && i % 3 !== 0 ? `{\\rtf1 ${TEXTS[(i + 1) % TEXTS.length]}}` : null,
  }));
}

interface Pass {
  readonly pages: MessagePage[];
  readonly tally: MessageTally;
  readonly fallbacks: number;
}

/** Every page of `rooms` as sqliteMessagePages gives it; the fallback only counts (these rows never need it). */
async function readPages(pool: PoolDatabase, rooms: readonly RoomToExport[], withRtf: boolean, since: bigint | null = null): Promise<Pass> {
  const tally = new MessageTally();
  let fallbacks = 0;
  const pages: MessagePage[] = [];
  const fallback = async () => {
    fallbacks += 1;
    return pageOf([]);
  };
  for await (const page of sqliteMessagePages(pool.connection, rooms, { since, withRtf, tally, fallback })) pages.push(page);
  return { pages, tally, fallbacks };
}

function withSwitch<T>(value: string | undefined, work: () => Promise<T>): Promise<T> {
  const before = process.env[MESSAGE_LINES_SWITCH];
  if (value === undefined) delete process.env[MESSAGE_LINES_SWITCH];
  else process.env[MESSAGE_LINES_SWITCH] = value;
  return work().finally(() => {
    if (before === undefined) delete process.env[MESSAGE_LINES_SWITCH];
    else process.env[MESSAGE_LINES_SWITCH] = before;
  });
}

describe.each([
  ['lync2010', false],
  ['pc2013', true],
] as const)('message pages of a %s pool: the extension and SQL functions build the same lines', (flavour, withRtf) => {
  const scratch = new ExportScratch();
  let file: SampleFile;
  const rooms: RoomToExport[] = [];

  beforeAll(async () => {
    const messages = [...messagesOf(100, 4321, withRtf), ...messagesOf(101, 17, withRtf)];
    file = await scratch.pool(flavour, async (pool) => {
      await pool.connection.execute('DELETE FROM tblChat');
      await pool.connection.transaction(() => new SourceWriter(pool).messages(messages));
    });
    rooms.push({ id: 100, expected: 4321 }, { id: 101, expected: 17 });
  });
  afterEach(() => delete process.env[MESSAGE_LINES_SWITCH]);
  afterAll(() => scratch.dispose());

  const both = async (since: bigint | null = null) => {
    const pool = await openPool({ dbInstance: file.dbInstance, access: 'read' });
    try {
      const native = await withSwitch(undefined, () => readPages(pool, rooms, withRtf, since));
      const pool2 = await openPool({ dbInstance: file.dbInstance, access: 'read' });
      try {
        const sql = await withSwitch('off', () => readPages(pool2, rooms, withRtf, since));
        return { native, sql };
      } finally {
        await pool2.close();
      }
    } finally {
      await pool.close();
    }
  };

  it('loads the extension (the core build compiles it)', async () => {
    const pool = await openPool({ dbInstance: file.dbInstance, access: 'read' });
    try {
      expect(pool.connection).toBeInstanceOf(SqliteConnection);
      expect(loadMessageLinesExtension(pool.connection as SqliteConnection)).toBe(true);
      expect(await withSwitch('off', async () => loadMessageLinesExtension(pool.connection as SqliteConnection))).toBe(false);
    } finally {
      await pool.close();
    }
  });

  it('the same bytes, counts, days and authors, with and without a start date', async () => {
    for (const since of [null, isoToTicks('2012-01-15T00:00:00Z')]) {
      const { native, sql } = await both(since);
      const bytes = (pass: Pass) => Buffer.concat(pass.pages.map((p) => p.bytes));
      expect(bytes(native).equals(bytes(sql))).toBe(true);
      expect(native.pages.map((p) => p.count)).toEqual(sql.pages.map((p) => p.count));
      expect(native.tally.messages).toBe(sql.tally.messages);
      expect([...native.tally.months()]).toEqual([...sql.tally.months()]);
      expect(native.tally.authors()).toEqual(sql.tally.authors());
      expect(native.fallbacks + sql.fallbacks).toBe(0);
      expect(native.tally.messages).toBe(since === null ? 4338 : bytes(native).toString().split('\n').length - 1);
    }
  });

  it('the lines are the domain model lines (messageLine), and each page says where its lines with a file link start', async () => {
    const { native } = await both();
    const expected = pageOf([...messagesOf(100, 4321, withRtf), ...messagesOf(101, 17, withRtf)]).bytes;
    expect(Buffer.concat(native.pages.map((p) => p.bytes)).equals(expected)).toBe(true);
    let linked = 0;
    for (const page of native.pages) {
      const starts: number[] = [];
      for (let at = 0; at < page.bytes.length; at = page.bytes.indexOf(0x0a, at) + 1) {
        const line = page.bytes.toString('utf8', at, page.bytes.indexOf(0x0a, at));
        if ((JSON.parse(line) as { content: string }).content.includes('ma-filelink:')) starts.push(at);
      }
      expect(page.fileLinkLines).toEqual(starts);
      linked += starts.length;
    }
    expect(linked).toBeGreaterThan(700);
  });

  it('a page with a row the line cannot carry is handed to the domain model, by either builder', async () => {
    const bad = await scratch.pool(flavour, async (pool) => {
      await pool.connection.execute('DELETE FROM tblChat');
      await new SourceWriter(pool).messages(messagesOf(100, 30, withRtf));
      await pool.connection.execute('UPDATE tblChat SET userId = 0 WHERE chatId = 40');
    });
    for (const value of [undefined, 'off']) {
      const pool = await openPool({ dbInstance: bad.dbInstance, access: 'read' });
      try {
        const asked: [number, number, number | null][] = [];
        const tally = new MessageTally();
        await withSwitch(value, async () => {
          const pages = sqliteMessagePages(pool.connection, [{ id: 100, expected: 30 }], {
            since: null,
            withRtf,
            tally,
            fallback: async (room, after, upto) => {
              asked.push([room, after, upto]);
              return pageOf([]);
            },
          });
          for await (const page of pages) expect(page.count).toBe(0);
        });
        expect(asked).toEqual([[100, -1, null]]);
        expect(tally.messages).toBe(0);
      } finally {
        await pool.close();
      }
    }
  });
});
