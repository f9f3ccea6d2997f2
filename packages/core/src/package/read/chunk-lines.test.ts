import { describe, expect, it } from 'vitest';
import { messageLine, messageLineSchema } from '../format/json-records.js';
import { parseChunkLines, parseMessageChunk, readCanonicalMessageLine } from './chunk-lines.js';
import { message, otherShapes, writtenMessages } from './message-lines.test-fixture.js';

const ENTRY = 'pcmig/messages/00000001.jsonl';

/** What the general way (JSON.parse and the schema) makes of a chunk: its records, or its error. */
function general(text: string): unknown {
  try {
    return parseChunkLines(Buffer.from(text, 'utf8'), ENTRY, messageLineSchema);
  } catch (error) {
    return { id: (error as { id?: string }).id, message: (error as Error).message };
  }
}

function fast(text: string): unknown {
  try {
    return parseMessageChunk(Buffer.from(text, 'utf8'), ENTRY);
  } catch (error) {
    return { id: (error as { id?: string }).id, message: (error as Error).message };
  }
}

describe('parseMessageChunk', () => {
  it('reads what the writer writes exactly as the schema does, whatever the text', () => {
    const messages = writtenMessages();
    const text = messages.map(messageLine).join('');
    expect(fast(text)).toEqual(general(text));
    expect(parseMessageChunk(Buffer.from(text), ENTRY)).toEqual(messages);
    // …and reads every one of those lines directly, not through JSON.parse.
    for (const m of messages) expect(readCanonicalMessageLine(messageLine(m).slice(0, -1))).toEqual(m);
  });

  it('leaves every other shape to JSON.parse and the schema: same records, same errors', () => {
    const { canonical, variants } = otherShapes();
    expect(readCanonicalMessageLine(canonical.slice(0, -1))).toEqual(message(7, 'hello'));
    for (const variant of variants) {
      expect(variant).not.toBe(canonical);
      const text = messageLine(message(1, 'first')) + variant;
      expect(fast(text), variant).toEqual(general(text));
    }
  });

  it('checks UTF-8, the final line feed and the line limit first, as before', () => {
    const line = messageLine(message(1, 'a'));
    expect(fast(line.slice(0, -1))).toMatchObject({ id: 'PCMIG-PKG-010' });
    const invalid = Buffer.concat([Buffer.from(line.slice(0, 60)), Buffer.from([0xff]), Buffer.from(line.slice(60))]);
    expect(() => parseMessageChunk(invalid, ENTRY)).toThrow(expect.objectContaining({ id: 'PCMIG-PKG-010' }));
  });
});
