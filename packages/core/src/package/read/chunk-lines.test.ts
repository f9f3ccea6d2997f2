import { describe, expect, it } from 'vitest';
import type { Message } from '../../model/message.js';
import { MAX_TICKS } from '../../model/ticks.js';
import { messageLine, messageLineSchema } from '../format/json-records.js';
import { parseChunkLines, parseMessageChunk, readCanonicalMessageLine } from './chunk-lines.js';

const ENTRY = 'pcmig/messages/00000001.jsonl';

const message = (chatId: number, content: string, extra: Partial<Message> = {}): Message => ({
  roomId: 100,
  chatId,
  timestamp: 634_000_000_000_000_000n + BigInt(chatId),
  authorId: 3,
  isAlert: false,
  content,
  rtf: null,
  ...extra,
});

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
    const texts = [
      'plain',
      '',
      'quotes " and \\ backslashes \\" and \\\\',
      'line\nfeeds\r\nand\ttabs',
      'control \u0001 \u001f \u0000 characters',
      'emoji 🎉👩‍👩‍👧 and RTL שלום مرحبا',
      'lone surrogates \ud800 and \udc00',
      'ends with a backslash \\',
      '"',
      '\\"',
      'ma-filelink:abc',
      'x'.repeat(5000),
      '}{"roomId":1,',
      ',"rtf":null}',
    ];
    const messages = texts.flatMap((content, i) => [
      message(2 * i + 1, content),
      message(2 * i + 2, content, { isAlert: true, rtf: i % 3 === 0 ? null : `{\\rtf1 ${content}}`, authorId: 2_147_483_647, roomId: 2_147_483_647 }),
    ]);
    messages.push(message(Number.MAX_SAFE_INTEGER, 'last', { timestamp: MAX_TICKS }), message(0, 'zero', { timestamp: 0n, roomId: 1 }));
    const text = messages.map(messageLine).join('');
    expect(fast(text)).toEqual(general(text));
    expect(parseMessageChunk(Buffer.from(text), ENTRY)).toEqual(messages);
    // …and reads every one of those lines directly, not through JSON.parse.
    for (const m of messages) expect(readCanonicalMessageLine(messageLine(m).slice(0, -1))).toEqual(m);
  });

  it('leaves every other shape to JSON.parse and the schema: same records, same errors', () => {
    const canonical = messageLine(message(7, 'hello'));
    const variants = [
      canonical.replace('"chatId":7', '"chatId":7.0'),
      canonical.replace('"chatId":7', '"chatId":7e0'),
      canonical.replace('"chatId":7', '"chatId":07'),
      canonical.replace('"chatId":7', '"chatId":-7'),
      canonical.replace('"chatId":7', '"chatId":9007199254740992'),
      canonical.replace('"chatId":7', '"chatId": 7'),
      canonical.replace('"roomId":100', '"roomId":0'),
      canonical.replace('"roomId":100', '"roomId":2147483648'),
      canonical.replace('"authorId":3', '"authorId":0'),
      canonical.replace('"timestamp":"634000000000000007"', '"timestamp":"000634000000000000007"'),
      canonical.replace('"timestamp":"634000000000000007"', '"timestamp":"0634000000000000007"'),
      canonical.replace('"timestamp":"634000000000000007"', '"timestamp":"3155378976000000000"'),
      canonical.replace('"timestamp":"634000000000000007"', '"timestamp":634000000000000007'),
      canonical.replace('"isAlert":false', '"isAlert":0'),
      canonical.replace('"content":"hello"', '"content":"hel\tlo"'),
      canonical.replace('"content":"hello"', '"content":"hel\\qlo"'),
      canonical.replace('"content":"hello"', '"content":"hel\\u00e9lo"'),
      canonical.replace('"content":"hello"', '"content":null'),
      canonical.replace('"rtf":null', '"rtf":"{\\\\rtf1}"'),
      canonical.replace('"rtf":null', '"rtf":7'),
      canonical.replace('"rtf":null}', '"rtf":null,"extra":1}'),
      canonical.replace('"rtf":null}', '"rtf":null,"rtf":"again"}'),
      canonical.replace('{"roomId":100,', '{"chatId":7,"roomId":100,').replace(',"chatId":7,"timestamp"', ',"timestamp"'),
      canonical.replace('}\n', '} \n'),
      canonical.replace('}\n', '}\r\n'),
      canonical.replace('}\n', '}x\n'),
      canonical.slice(0, 40) + '\n',
    ];
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
