import type { Message } from '../../model/message.js';
import { MAX_TICKS } from '../../model/ticks.js';
import { messageLine } from '../format/json-records.js';

/** Lines of message chunks for the readers' tests: what the writer writes, and what it never does. */

export const message = (chatId: number, content: string, extra: Partial<Message> = {}): Message => ({
  roomId: 100,
  chatId,
  timestamp: 634_000_000_000_000_000n + BigInt(chatId),
  authorId: 3,
  isAlert: false,
  content,
  rtf: null,
  ...extra,
});

/** Messages whose texts try every escape, script and edge the writer meets, in their writer's lines. */
export function writtenMessages(): Message[] {
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
  return messages;
}

/** Lines close to messageLine()'s shape that it never writes: each must take the schema's way. */
export function otherShapes(): { canonical: string; variants: string[] } {
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
  return { canonical, variants };
}
