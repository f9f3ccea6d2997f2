import { describe, expect, it } from 'vitest';
import { isoToTicks } from '../../model/ticks.js';
import { messageLine } from './json-records.js';
import { MessageTally, scanMessageLines } from './message-line-scan.js';

const line = (chatId: number, iso: string, authorId: number) =>
  messageLine({ roomId: 7, chatId, timestamp: isoToTicks(iso), authorId, isAlert: chatId % 2 === 0, content: `m${chatId} "q" ü`, rtf: null });

describe('scanMessageLines and MessageTally', () => {
  it('tallies accepted pages per month and author, and counts nothing of a page it refuses', () => {
    const tally = new MessageTally();
    const page = Buffer.from(line(1, '2012-01-31T23:59:59Z', 3) + line(2, '2012-02-01T00:00:00Z', 3) + line(5, '2012-02-09T10:00:00Z', 20_000_000));
    expect(scanMessageLines(page, 7, 0, tally)).toEqual({ lines: 3, lastChatId: 5 });
    // Not room 7, and chatIds not rising: refused, and nothing counted.
    expect(scanMessageLines(page, 8, 0, tally)).toBeNull();
    expect(scanMessageLines(page, 7, 1, tally)).toBeNull();
    expect({ months: [...tally.months()], authors: tally.authors(), messages: tally.messages }).toEqual({ months: [['2012-01', 1], ['2012-02', 2]], authors: [3, 20_000_000], messages: 3 });
  });
});
