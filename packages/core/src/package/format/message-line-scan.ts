import { TickDigits, TICKS_PER_DAY, ticksToMonth } from '../../model/ticks.js';

/**
 * Reads the head of message lines exactly as messageLine() (or the exporter's SQL, which writes
 * the same bytes) writes them — `{"roomId":R,"chatId":C,"timestamp":"T","authorId":A,"isAlert":B,"content":"…`
 * — without decoding the text: the exporter checks each page it is handed with it and tallies the
 * messages per UTC day and author in the same pass, instead of scanning tblChat again for them.
 */

const COMMA = 0x2c;
const QUOTE = 0x22;
const OPEN_BRACE = 0x7b;
const LF = 0x0a;
const LOWER_T = 0x74;
const LOWER_F = 0x66;
/** Byte lengths of the fixed parts between the values. */
const ROOM_KEY = 10; // {"roomId":
const CHAT_KEY = 10; // ,"chatId":
const TIME_KEY = 14; // ,"timestamp":"
const AUTHOR_KEY = 13; // ","authorId":
const ALERT_KEY = 11; // ,"isAlert":
const CONTENT_KEY = 11; // ,"content":
const MAX_ID = 2_147_483_647;
/** Author ids below this are kept in a bitmap (2 MiB at most); larger ones in a set. */
const BITMAP_IDS = 1 << 24;

/** Messages per UTC day and the distinct authors of the pages a MessageTally has accepted. */
export class MessageTally {
  private readonly days = new Map<number, number>();
  private bitmap = new Uint8Array(1 << 13);
  private readonly largeAuthors = new Set<number>();
  private total = 0;

  /** Messages accepted so far. */
  get messages(): number {
    return this.total;
  }

  /** Counts `count` messages on `day` (days since 0001-01-01, UTC). */
  addDay(day: number, count: number): void {
    this.days.set(day, (this.days.get(day) ?? 0) + count);
    this.total += count;
  }

  addAuthor(id: number): void {
    if (id >= BITMAP_IDS) {
      this.largeAuthors.add(id);
      return;
    }
    const at = id >>> 3;
    if (at >= this.bitmap.length) {
      const grown = new Uint8Array(Math.min(BITMAP_IDS >>> 3, Math.max(at + 1, this.bitmap.length * 2)));
      grown.set(this.bitmap);
      this.bitmap = grown;
    }
    this.bitmap[at] = (this.bitmap[at] as number) | (1 << (id & 7));
  }

  /** Messages per UTC month ('YYYY-MM'), by month. */
  months(): Map<string, number> {
    const months = new Map<string, number>();
    for (const [day, count] of [...this.days].sort((a, b) => a[0] - b[0])) {
      const month = ticksToMonth(BigInt(day) * TICKS_PER_DAY);
      months.set(month, (months.get(month) ?? 0) + count);
    }
    return months;
  }

  /** The distinct authors, ascending. */
  authors(): number[] {
    const ids: number[] = [];
    for (let at = 0; at < this.bitmap.length; at += 1) {
      const bits = this.bitmap[at] as number;
      if (bits === 0) continue;
      for (let bit = 0; bit < 8; bit += 1) if (bits & (1 << bit)) ids.push(at * 8 + bit);
    }
    ids.push(...[...this.largeAuthors].sort((a, b) => a - b));
    return ids;
  }
}

/** What scanMessageLines found in a page whose every line is acceptable. */
export interface ScannedPage {
  readonly lines: number;
  readonly lastChatId: number;
}

/**
 * Checks every line of `bytes` (whole lines, each ending with '\n'): the room is `roomId`, chatIds
 * rise strictly above `afterChatId` and stay ≤ 2^53 − 1, the time stamp is 0 … MAX_TICKS, the author
 * 1 … 2^31 − 1, the alert flag a boolean and the content a string. Only when every line passes are
 * its messages added to `tally` (per day and author); otherwise null is returned and nothing is
 * counted, so that the caller can read those rows through the domain model, which names the problem.
 */
export function scanMessageLines(bytes: Buffer, roomId: number, afterChatId: number, tally: MessageTally): ScannedPage | null {
  // Runs of (day, count): messages of a room come in time order, so runs are long.
  const runs: number[] = [];
  let runDay = -1;
  let runCount = 0;
  let lines = 0;
  let previous = afterChatId;
  const length = bytes.length;
  const authors: number[] = [];
  const ticks = new TickDigits();
  let at = 0;
  while (at < length) {
    if (bytes[at] !== OPEN_BRACE) return null;
    let i = at + ROOM_KEY;
    let room = 0;
    const roomStart = i;
    for (let c = bytes[i] as number; c >= 48 && c <= 57; c = bytes[++i] as number) room = room * 10 + (c - 48);
    if (i === roomStart || i - roomStart > 10 || room !== roomId || bytes[i] !== COMMA) return null;
    i += CHAT_KEY;
    let chat = 0;
    const chatStart = i;
    for (let c = bytes[i] as number; c >= 48 && c <= 57; c = bytes[++i] as number) chat = chat * 10 + (c - 48);
    if (i === chatStart || i - chatStart > 16 || chat > Number.MAX_SAFE_INTEGER || chat <= previous || bytes[i] !== COMMA) return null;
    previous = chat;
    i = ticks.read(bytes, i + TIME_KEY);
    if (i < 0 || bytes[i] !== QUOTE) return null;
    const day = ticks.day;
    if (day === runDay) runCount += 1;
    else {
      if (runCount > 0) runs.push(runDay, runCount);
      runDay = day;
      runCount = 1;
    }
    i += AUTHOR_KEY; // from the closing quote of the time stamp, the key's first byte
    let author = 0;
    const authorStart = i;
    for (let c = bytes[i] as number; c >= 48 && c <= 57; c = bytes[++i] as number) author = author * 10 + (c - 48);
    if (i === authorStart || i - authorStart > 10 || author < 1 || author > MAX_ID || bytes[i] !== COMMA) return null;
    authors.push(author);
    i += ALERT_KEY;
    if (bytes[i] === LOWER_T) i += 4;
    else if (bytes[i] === LOWER_F) i += 5;
    else return null;
    if (bytes[i] !== COMMA) return null;
    i += CONTENT_KEY;
    if (bytes[i] !== QUOTE) return null;
    // JSON strings carry no raw line feed: the next one ends the line.
    const end = bytes.indexOf(LF, i);
    if (end < 0) return null;
    lines += 1;
    at = end + 1;
  }
  if (runCount > 0) runs.push(runDay, runCount);
  for (let r = 0; r < runs.length; r += 2) tally.addDay(runs[r] as number, runs[r + 1] as number);
  for (const author of authors) tally.addAuthor(author);
  return { lines, lastChatId: previous };
}
