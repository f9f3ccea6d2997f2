import type { Message } from './message.js';
import { TICKS_PER_DAY } from './ticks.js';

/**
 * One page of a room's messages as the planner's scan reads them (SourceData.messageDigests):
 * per message its keys in numbers — the time stamp exactly, as a UTC day and the ticks within
 * it — and the UTF-8 of its texts, joined, instead of a Message object and strings per message.
 */
export interface MessageDigest {
  readonly roomId: number;
  readonly count: number;
  readonly chatIds: Float64Array;
  /** Days since 0001-01-01 (UTC): ticks = days × TICKS_PER_DAY + ticksOfDay. */
  readonly days: Float64Array;
  readonly ticksOfDay: Float64Array;
  readonly authorIds: Float64Array;
  /** 1 for an alert. */
  readonly alerts: Uint8Array;
  /** 1 when the message has RTF. */
  readonly hasRtf: Uint8Array;
  /** content.length as JavaScript counts it (UTF-16 code units). */
  readonly contentLengths: Float64Array;
  /** Each message's content and then its RTF (when it has one), in UTF-8, one after another. */
  readonly text: Buffer;
}

/** A channel whose messages were counted, not read (no room of the source holds it). */
export interface ChannelCount {
  readonly channelId: number;
  readonly count: number;
}

/** The digest of messages read as messages() reads them (a page digestOfPage could not take). */
export function digestOfMessages(roomId: number, messages: readonly Message[]): MessageDigest {
  const texts: Buffer[] = [];
  for (const m of messages) {
    texts.push(Buffer.from(m.content, 'utf8'));
    if (m.rtf !== null) texts.push(Buffer.from(m.rtf, 'utf8'));
  }
  const digest = newDigest(roomId, messages.length, Buffer.concat(texts));
  messages.forEach((m, row) => putMessageRow(digest, row, m));
  return digest;
}

/** The per-message columns of a digest. */
export type DigestColumns = Pick<MessageDigest, 'chatIds' | 'days' | 'ticksOfDay' | 'authorIds' | 'alerts' | 'hasRtf' | 'contentLengths'>;

/** Row `row` of the columns from a message read the general way (its time stamp a BigInt). */
export function putMessageRow(columns: DigestColumns, row: number, m: Pick<Message, 'chatId' | 'timestamp' | 'authorId' | 'isAlert' | 'content' | 'rtf'>): void {
  columns.chatIds[row] = m.chatId;
  columns.days[row] = Number(m.timestamp / TICKS_PER_DAY);
  columns.ticksOfDay[row] = Number(m.timestamp % TICKS_PER_DAY);
  columns.authorIds[row] = m.authorId;
  columns.alerts[row] = m.isAlert ? 1 : 0;
  columns.hasRtf[row] = m.rtf === null ? 0 : 1;
  columns.contentLengths[row] = m.content.length;
}

export function newDigest(roomId: number, count: number, text: Buffer): MessageDigest {
  return { roomId, count, ...newDigestColumns(count), text };
}

/** Rows from … to (exclusive) of the columns, as views. */
export function sliceDigestColumns(columns: DigestColumns, from: number, to: number): DigestColumns {
  return {
    chatIds: columns.chatIds.subarray(from, to),
    days: columns.days.subarray(from, to),
    ticksOfDay: columns.ticksOfDay.subarray(from, to),
    authorIds: columns.authorIds.subarray(from, to),
    alerts: columns.alerts.subarray(from, to),
    hasRtf: columns.hasRtf.subarray(from, to),
    contentLengths: columns.contentLengths.subarray(from, to),
  };
}

/** Per-message columns for `capacity` messages. */
export function newDigestColumns(capacity: number): DigestColumns {
  return {
    chatIds: new Float64Array(capacity),
    days: new Float64Array(capacity),
    ticksOfDay: new Float64Array(capacity),
    authorIds: new Float64Array(capacity),
    alerts: new Uint8Array(capacity),
    hasRtf: new Uint8Array(capacity),
    contentLengths: new Float64Array(capacity),
  };
}

/** UTF-16 code units of valid UTF-8 bytes: one per character, two for those beyond U+FFFF. */
export function utf16Length(bytes: Buffer, from: number, to: number): number {
  let units = 0;
  for (let i = from; i < to; i += 1) {
    const b = bytes[i] as number;
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
  }
  return units;
}
