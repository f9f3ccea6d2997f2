import type { Message } from '../../model/message.js';
import { newDigestColumns, putMessageRow, sliceDigestColumns, type DigestColumns, type MessageDigest } from '../../model/message-digest.js';
import { TickDigits } from '../../model/ticks.js';
import { checkChunkText, checkLineLength, parseMessageLine } from './chunk-lines.js';
import { ALERT_FALSE, ALERT_TRUE, AUTHOR_ID, BACKSLASH, CHAT_ID, CLOSE_BRACE, jsonString, LF, MAX_ID, QUOTE, ROOM_ID, RTF, RTF_NULL, startsWith, TIMESTAMP } from './message-line-bytes.js';

export interface ChunkDigest {
  /** One digest per run of lines of one room, in the chunk's order. */
  readonly digests: MessageDigest[];
  /** Lines in the chunk (more than `capacity` only when the manifest's count is wrong). */
  readonly lines: number;
}

/**
 * The planner's reading of message chunks: every line checked exactly as parseMessageChunk
 * checks it (same errors), but read into numbers and one buffer of the texts' UTF-8 instead of a
 * Message with strings per line — the scan needs no more, and the objects and their garbage cost
 * more than the reading itself. Lines in messageLine()'s exact shape are read from their bytes;
 * a text with escapes is decoded, and any other line goes through parseMessageLine (the schema).
 * The columns are reused from chunk to chunk: a chunk's digests hold until the next digest().
 */
export class ChunkDigester {
  private rows = new ChunkRows(0, 0);

  /** `capacity`: the lines the manifest announces for the chunk. */
  digest(bytes: Buffer, entry: string, capacity: number): ChunkDigest {
    checkChunkText(bytes, entry);
    if (!this.rows.fits(capacity, bytes.length)) this.rows = new ChunkRows(capacity, bytes.length);
    const rows = this.rows;
    rows.clear();
    let line = 0;
    for (let at = 0; at < bytes.length; ) {
      const end = bytes.indexOf(LF, at);
      line += 1;
      checkLineLength(at, end, line, entry);
      if (rows.count === capacity) return { digests: [], lines: line + countLines(bytes, end + 1) };
      if (!rows.readCanonical(bytes, at, end)) rows.addMessage(parseMessageLine(bytes, at, end, line, entry));
      at = end + 1;
    }
    return { digests: rows.digests(), lines: line };
  }
}

function countLines(bytes: Buffer, from: number): number {
  let lines = 0;
  for (let at = bytes.indexOf(LF, from); at >= 0; at = bytes.indexOf(LF, at + 1)) lines += 1;
  return lines;
}

/** The columns of a chunk's messages, filled line by line. */
class ChunkRows {
  count = 0;
  private readonly roomIds: Float64Array;
  private readonly columns: DigestColumns;
  /** Where each line's texts start in `text`. */
  private readonly textStarts: Float64Array;
  /** Decoded texts never take more bytes than their JSON form: the chunk's size is enough. */
  private readonly text: Buffer;
  private textEnd = 0;
  private readonly ticks = new TickDigits();
  /** Set by readInteger and readText (no object per value). */
  private value = 0;

  /** Whether these columns can take a chunk of `capacity` lines and `bytes` bytes. */
  fits(capacity: number, bytes: number): boolean {
    return capacity <= this.columns.chatIds.length && bytes <= this.text.length;
  }

  clear(): void {
    this.count = 0;
    this.textEnd = 0;
  }

  constructor(capacity: number, bytes: number) {
    this.roomIds = new Float64Array(capacity);
    this.columns = newDigestColumns(capacity);
    this.textStarts = new Float64Array(capacity + 1);
    this.text = Buffer.allocUnsafe(bytes);
  }

  /** Reads a line in messageLine()'s exact shape with values the schema accepts; false (nothing kept) otherwise. */
  readCanonical(bytes: Buffer, at: number, end: number): boolean {
    const row = this.count;
    const textStart = this.textEnd;
    if (!startsWith(bytes, at, ROOM_ID)) return false;
    let i = this.readInteger(bytes, at + ROOM_ID.length);
    const room = this.value;
    if (i < 0 || room < 1 || room > MAX_ID || !startsWith(bytes, i, CHAT_ID)) return false;
    i = this.readInteger(bytes, i + CHAT_ID.length);
    const chat = this.value;
    if (i < 0 || !startsWith(bytes, i, TIMESTAMP)) return false;
    i = this.ticks.read(bytes, i + TIMESTAMP.length, end);
    if (i < 0 || !startsWith(bytes, i, AUTHOR_ID)) return false;
    i = this.readInteger(bytes, i + AUTHOR_ID.length);
    const author = this.value;
    if (i < 0 || author < 1 || author > MAX_ID) return false;
    let alert: number;
    if (startsWith(bytes, i, ALERT_FALSE)) {
      alert = 0;
      i += ALERT_FALSE.length;
    } else if (startsWith(bytes, i, ALERT_TRUE)) {
      alert = 1;
      i += ALERT_TRUE.length;
    } else return false;
    i = this.readText(bytes, i, end);
    const contentLength = this.value;
    let rtf = 0;
    if (i >= 0 && startsWith(bytes, i, RTF_NULL)) i += RTF_NULL.length;
    else if (i >= 0 && startsWith(bytes, i, RTF)) {
      i = this.readText(bytes, i + RTF.length, end);
      if (i < 0 || bytes[i] !== CLOSE_BRACE) i = -1;
      else i += 1;
      rtf = 1;
    } else i = -1;
    if (i !== end) {
      this.textEnd = textStart;
      return false;
    }
    this.roomIds[row] = room;
    this.columns.chatIds[row] = chat;
    this.columns.days[row] = this.ticks.day;
    this.columns.ticksOfDay[row] = this.ticks.ticksOfDay;
    this.columns.authorIds[row] = author;
    this.columns.alerts[row] = alert;
    this.columns.hasRtf[row] = rtf;
    this.columns.contentLengths[row] = contentLength;
    this.textStarts[row] = textStart;
    this.count = row + 1;
    return true;
  }

  /** A line read the general way. */
  addMessage(message: Message): void {
    const row = this.count;
    this.textStarts[row] = this.textEnd;
    this.textEnd += this.text.write(message.content, this.textEnd, 'utf8');
    if (message.rtf !== null) this.textEnd += this.text.write(message.rtf, this.textEnd, 'utf8');
    this.roomIds[row] = message.roomId;
    putMessageRow(this.columns, row, message);
    this.count = row + 1;
  }

  digests(): MessageDigest[] {
    const digests: MessageDigest[] = [];
    this.textStarts[this.count] = this.textEnd;
    for (let from = 0; from < this.count; ) {
      const roomId = this.roomIds[from] as number;
      let to = from + 1;
      while (to < this.count && this.roomIds[to] === roomId) to += 1;
      digests.push({
        roomId,
        count: to - from,
        ...sliceDigestColumns(this.columns, from, to),
        text: this.text.subarray(this.textStarts[from] as number, this.textStarts[to] as number),
      });
      from = to;
    }
    return digests;
  }

  /**
   * A JSON integer as jsonInteger() accepts it (no sign, fraction, exponent or leading zero; at
   * most 2^53 − 1) into `value`; the index after it, or −1.
   */
  private readInteger(bytes: Buffer, at: number): number {
    const first = bytes[at] as number;
    if (!(first >= 48 && first <= 57)) return -1;
    let i = at + 1;
    let value = first - 48;
    if (value !== 0) for (let c = bytes[i] as number; c >= 48 && c <= 57; c = bytes[++i] as number) value = value * 10 + (c - 48);
    const next = bytes[i] as number;
    if ((next >= 48 && next <= 57) || next === 0x2e || next === 0x65 || next === 0x45 || i - at > 16 || value > Number.MAX_SAFE_INTEGER) return -1;
    this.value = value;
    return i;
  }

  /**
   * The JSON string at `at` (its opening quote): its UTF-8 appended to `text`, its length in
   * UTF-16 code units into `value`; the index after its closing quote, or −1 (nothing appended)
   * for what jsonString() refuses. Texts without escapes are their own UTF-8 (the chunk is valid
   * UTF-8), copied as they are.
   */
  private readText(bytes: Buffer, at: number, end: number): number {
    if (bytes[at] !== QUOTE) return -1;
    let units = 0;
    let i = at + 1;
    for (; i < end; i += 1) {
      const b = bytes[i] as number;
      if (b === QUOTE) break;
      if (b < 0x20) return -1;
      if (b === BACKSLASH) {
        const decoded = jsonString(bytes, at, end);
        if (decoded === undefined) return -1;
        this.textEnd += this.text.write(decoded.value, this.textEnd, 'utf8');
        this.value = decoded.value.length;
        return decoded.next;
      }
      if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
    }
    if (i >= end) return -1;
    this.textEnd += bytes.copy(this.text, this.textEnd, at + 1, i);
    this.value = units;
    return i + 1;
  }
}
