import type { Message } from '../../model/message.js';
import { TickDigits } from '../../model/ticks.js';

/**
 * Lines in the exact shape messageLine() writes, read straight from their bytes: the shared
 * syntax of the chunk reader (parseMessageChunk) and of the planner's digest of a chunk.
 */

export const LF = 0x0a;
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const CLOSE_BRACE = 0x7d;
export const MAX_ID = 2_147_483_647;
const ticks = new TickDigits();
const literal = (text: string) => Buffer.from(text, 'latin1');
export const ROOM_ID = literal('{"roomId":');
export const CHAT_ID = literal(',"chatId":');
export const TIMESTAMP = literal(',"timestamp":"');
export const AUTHOR_ID = literal('","authorId":');
export const ALERT_FALSE = literal(',"isAlert":false,"content":');
export const ALERT_TRUE = literal(',"isAlert":true,"content":');
export const RTF_NULL = literal(',"rtf":null}');
export const RTF = literal(',"rtf":');

export function startsWith(bytes: Buffer, at: number, literalBytes: Buffer): boolean {
  if (at + literalBytes.length > bytes.length) return false;
  for (let k = 0; k < literalBytes.length; k += 1) if (bytes[at + k] !== literalBytes[k]) return false;
  return true;
}

/**
 * One line in messageLine's exact shape, checked as messageLineSchema checks it, or undefined
 * when the line has any other shape or value (the caller then parses it the general way).
 */
export function messageLineFast(bytes: Buffer, at: number, end: number): Message | undefined {
  if (!startsWith(bytes, at, ROOM_ID)) return undefined;
  const room = jsonInteger(bytes, at + ROOM_ID.length);
  if (room === undefined || room.value < 1 || room.value > MAX_ID || !startsWith(bytes, room.next, CHAT_ID)) return undefined;
  const chat = jsonInteger(bytes, room.next + CHAT_ID.length);
  if (chat === undefined || !startsWith(bytes, chat.next, TIMESTAMP)) return undefined;
  const timeStart = chat.next + TIMESTAMP.length;
  let i = ticks.read(bytes, timeStart, end);
  if (i < 0 || !startsWith(bytes, i, AUTHOR_ID)) return undefined;
  const ticksText = bytes.toString('latin1', timeStart, i);
  const author = jsonInteger(bytes, i + AUTHOR_ID.length);
  if (author === undefined || author.value < 1 || author.value > MAX_ID) return undefined;
  let isAlert: boolean;
  if (startsWith(bytes, author.next, ALERT_FALSE)) {
    isAlert = false;
    i = author.next + ALERT_FALSE.length;
  } else if (startsWith(bytes, author.next, ALERT_TRUE)) {
    isAlert = true;
    i = author.next + ALERT_TRUE.length;
  } else return undefined;
  const content = jsonString(bytes, i, end);
  if (content === undefined) return undefined;
  let rtf: string | null;
  if (startsWith(bytes, content.next, RTF_NULL)) {
    rtf = null;
    i = content.next + RTF_NULL.length;
  } else if (startsWith(bytes, content.next, RTF)) {
    const value = jsonString(bytes, content.next + RTF.length, end);
    if (value === undefined || bytes[value.next] !== CLOSE_BRACE) return undefined;
    rtf = value.value;
    i = value.next + 1;
  } else return undefined;
  if (i !== end) return undefined;
  return { roomId: room.value, chatId: chat.value, timestamp: BigInt(ticksText), authorId: author.value, isAlert, content: content.value, rtf };
}

/** A JSON integer without sign, fraction, exponent or leading zero at `at`, at most 2^53 − 1. */
export function jsonInteger(bytes: Buffer, at: number): { value: number; next: number } | undefined {
  const first = bytes[at] as number;
  if (!(first >= 48 && first <= 57)) return undefined;
  let i = at + 1;
  let value = first - 48;
  if (value !== 0) for (let c = bytes[i] as number; c >= 48 && c <= 57; c = bytes[++i] as number) value = value * 10 + (c - 48);
  const next = bytes[i] as number;
  // A leading zero, a fraction or an exponent (07, 1.0, 1e2): leave it to JSON.parse.
  if ((next >= 48 && next <= 57) || next === 0x2e || next === 0x65 || next === 0x45 || i - at > 16 || value > Number.MAX_SAFE_INTEGER) return undefined;
  return { value, next: i };
}

/**
 * The JSON string literal starting at `at` (its opening quote), decoded, and the index after
 * it; undefined for a raw control character (which JSON forbids) or no closing quote.
 */
export function jsonString(bytes: Buffer, at: number, end: number): { value: string; next: number } | undefined {
  if (bytes[at] !== QUOTE) return undefined;
  let ascii = true;
  let escaped = false;
  let i = at + 1;
  for (; i < end; i += 1) {
    const b = bytes[i] as number;
    if (b === QUOTE) break;
    if (b < 0x20) return undefined;
    if (b === BACKSLASH) {
      escaped = true;
      i += 1;
    } else if (b >= 0x80) ascii = false;
  }
  if (i >= end) return undefined;
  if (!escaped) return { value: bytes.toString(ascii ? 'latin1' : 'utf8', at + 1, i), next: i + 1 };
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8', at, i + 1));
    return typeof value === 'string' ? { value, next: i + 1 } : undefined;
  } catch {
    return undefined;
  }
}
