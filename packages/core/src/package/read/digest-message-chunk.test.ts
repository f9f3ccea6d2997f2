import { describe, expect, it } from 'vitest';
import type { Message } from '../../model/message.js';
import { digestOfMessages, type MessageDigest } from '../../model/message-digest.js';
import { messageLine } from '../format/json-records.js';
import { parseMessageChunk } from './chunk-lines.js';
import { ChunkDigester } from './digest-message-chunk.js';
import { message, otherShapes, writtenMessages } from './message-lines.test-fixture.js';

const ENTRY = 'pcmig/messages/00000001.jsonl';

const plain = (d: MessageDigest) => ({
  roomId: d.roomId,
  count: d.count,
  chatIds: [...d.chatIds],
  days: [...d.days],
  ticksOfDay: [...d.ticksOfDay],
  authorIds: [...d.authorIds],
  alerts: [...d.alerts],
  hasRtf: [...d.hasRtf],
  contentLengths: [...d.contentLengths],
  text: d.text.toString('hex'),
});

const failure = (error: unknown) => ({ id: (error as { id?: string }).id, message: (error as Error).message });

/** The digests of the messages parseMessageChunk reads, one per run of a room: the reference. */
function reference(text: string): unknown {
  try {
    const runs: Message[][] = [];
    for (const m of parseMessageChunk(Buffer.from(text, 'utf8'), ENTRY)) {
      const run = runs.at(-1);
      if (run && (run[0] as Message).roomId === m.roomId) run.push(m);
      else runs.push([m]);
    }
    return runs.map((run) => plain(digestOfMessages((run[0] as Message).roomId, run)));
  } catch (error) {
    return failure(error);
  }
}

function digested(text: string, digester = new ChunkDigester(), capacity = text.split('\n').length - 1): unknown {
  try {
    const { digests, lines } = digester.digest(Buffer.from(text, 'utf8'), ENTRY, capacity);
    expect(lines).toBe(capacity);
    return digests.map(plain);
  } catch (error) {
    return failure(error);
  }
}

describe('ChunkDigester', () => {
  it('digests what the writer writes exactly as the messages parseMessageChunk reads', () => {
    const text = writtenMessages().map(messageLine).join('');
    const expected = reference(text);
    expect(Array.isArray(expected)).toBe(true);
    expect(digested(text)).toEqual(expected);
  });

  it('reads every other shape the way parseMessageChunk does: same digests, same errors', () => {
    const { variants } = otherShapes();
    const digester = new ChunkDigester();
    for (const variant of variants) {
      const text = messageLine(message(1, 'first')) + variant;
      expect(digested(text, digester), variant).toEqual(reference(text));
    }
  });

  it('reuses its columns: a smaller chunk after a larger one gives its own digests only', () => {
    const digester = new ChunkDigester();
    const large = writtenMessages().map(messageLine).join('');
    const small = [message(1, 'one'), message(2, 'two', { roomId: 101 })].map(messageLine).join('');
    expect(digested(large, digester)).toEqual(reference(large));
    expect(digested(small, digester)).toEqual(reference(small));
  });

  it('counts the lines beyond the announced ones, and checks UTF-8 and the final line feed first', () => {
    const text = [1, 2, 3].map((i) => messageLine(message(i, `m${i}`))).join('');
    expect(new ChunkDigester().digest(Buffer.from(text), ENTRY, 2).lines).toBe(3);
    expect(digested(text.slice(0, -1), new ChunkDigester(), 3)).toMatchObject({ id: 'PCMIG-PKG-010' });
    const line = messageLine(message(1, 'a'));
    const invalid = Buffer.concat([Buffer.from(line.slice(0, 60)), Buffer.from([0xff]), Buffer.from(line.slice(60))]);
    expect(() => new ChunkDigester().digest(invalid, ENTRY, 1)).toThrow(expect.objectContaining({ id: 'PCMIG-PKG-010' }));
  });
});
