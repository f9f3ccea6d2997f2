import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { SourceWriter } from '../db/repositories/source-writer.js';
import { isoToTicks } from '../model/ticks.js';
import { messageLine } from '../package/format/json-records.js';
import { MessageTally } from '../package/format/message-line-scan.js';
import { FINAL_BLOCK } from '../package/zip/deflate-part.js';
import type { EncodedChunk } from '../package/write/message-chunk-encoder.js';
import { ExportScratch } from './export.test-fixture.js';
import { MessageChunkThread, type FallbackReader } from './message-chunk-thread.js';

const scratch = new ExportScratch();
afterAll(() => scratch.dispose());

const message = (chatId: number, authorId: number) => ({ roomId: 100, chatId, timestamp: isoToTicks('2012-03-04T05:06:07Z'), authorId, isAlert: false, content: `c${chatId}`, rtf: null });

const text = (chunk: EncodedChunk) => zlib.inflateRawSync(Buffer.concat([...chunk.parts, FINAL_BLOCK])).toString('utf8');

describe('MessageChunkThread', () => {
  it('asks for rows it cannot check when their turn comes, encodes the answer in their place, and tallies it', async () => {
    const file = await scratch.pool('lync2010', async (pool) => {
      await pool.connection.execute('DELETE FROM tblChat');
      await new SourceWriter(pool).messages([message(1, 2), message(2, 0), message(3, 2)]);
    });
    const asked: unknown[] = [];
    // Stands in for the domain model: the row with author 0 comes back with author 3.
    const fallback: FallbackReader = async (room, after, upto) => {
      asked.push({ room, after, upto });
      const bytes = Buffer.from([message(1, 2), message(2, 3), message(3, 2)].filter((m) => m.chatId > after).map(messageLine).join(''));
      return { bytes, count: 3 };
    };
    const thread = MessageChunkThread.start({ database: file.dbInstance, rooms: [{ id: 100, expected: 3 }], since: null, withRtf: false, level: 6, aheadBytes: 1 }, fallback);
    try {
      const chunks: [string, number, string][] = [];
      for await (const chunk of thread) {
        chunks.push([chunk.name, chunk.records, text(chunk)]);
        // Hands the chunk's buffer back to the producer: its bytes are gone from here.
        thread.written(chunk);
        expect(chunk.parts[0]?.length).toBe(0);
      }
      expect(asked).toEqual([{ room: 100, after: -1, upto: null }]);
      expect(chunks).toEqual([['pcmig/messages/00000001.jsonl', 3, [message(1, 2), message(2, 3), message(3, 2)].map(messageLine).join('')]]);
      expect(thread.totals()).toMatchObject({ messages: 3, fileReferences: 0 });
      expect(MessageTally.fromSnapshot(thread.tally()).authors()).toEqual([2, 3]);
    } finally {
      await thread.close();
    }
  });

  it('carries the producer\'s stable errors across, and stops when closed early', async () => {
    const file = await scratch.pool('lync2010');
    const failing = MessageChunkThread.start({ database: scratch.file('missing.db'), rooms: [{ id: 100, expected: 1 }], since: null, withRtf: false, level: 6, aheadBytes: 1 }, async () => {
      throw new Error('not asked');
    });
    await expect((async () => {
      for await (const chunk of failing) failing.written(chunk);
    })()).rejects.toMatchObject({ id: 'PCMIG-DB-002' });
    await failing.close();

    const early = MessageChunkThread.start({ database: file.dbInstance, rooms: file.sample.rooms.map((r) => ({ id: r.id, expected: 0 })), since: null, withRtf: false, level: 6, aheadBytes: 1 }, async () => {
      throw new Error('not asked');
    });
    await early.close();
    await early.close();
    expect(() => early.totals()).toThrow();
  });
});
