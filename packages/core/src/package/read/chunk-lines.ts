import { isUtf8 } from 'node:buffer';
import type { z } from 'zod';
import type { Message } from '../../model/message.js';
import { MAX_TICKS } from '../../model/ticks.js';
import { pkgErrors } from '../errors.js';
import { messageLineSchema } from '../format/json-records.js';
import { PACKAGE_LIMITS } from '../format/package-layout.js';
import { parseRecord } from '../format/parse-record.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The records of a chunk entry (already verified as a whole): UTF-8 JSON, one record per line,
 * every line ending with '\n', each checked against `schema`.
 */
export function parseChunkLines<S extends z.ZodType>(bytes: Buffer, entry: string, schema: S): z.output<S>[] {
  return parseLines(bytes, entry, (at, end, line) => parseLine(bytes, at, end, line, entry, schema));
}

/**
 * The messages of a message chunk entry, exactly as parseChunkLines(…, messageLineSchema) gives
 * them. A line in the shape the writer produces (messageLine) is read field by field from its
 * bytes, and only its texts are decoded; any other line — other key order, spacing, number
 * syntax, a value out of range, anything malformed — goes through JSON.parse and the schema, so
 * the records and the errors stay those of the schema.
 */
export function parseMessageChunk(bytes: Buffer, entry: string): Message[] {
  return parseLines(bytes, entry, (at, end, line) => messageLineFast(bytes, at, end) ?? parseLine(bytes, at, end, line, entry, messageLineSchema));
}

/** The direct reading of one line (without its line feed), or undefined when it takes the schema's way: for tests. */
export function readCanonicalMessageLine(line: string): Message | undefined {
  const bytes = Buffer.from(line, 'utf8');
  return messageLineFast(bytes, 0, bytes.length);
}

function parseLines<T>(bytes: Buffer, entry: string, parse: (at: number, end: number, line: number) => T): T[] {
  if (!isUtf8(bytes)) {
    let cause: unknown;
    try {
      decoder.decode(bytes);
    } catch (error) {
      cause = error;
    }
    throw pkgErrors.create('PCMIG-PKG-010', { message: `${entry} is not valid UTF-8.`, target: entry, reason: { entry }, cause });
  }
  if (bytes.length > 0 && bytes[bytes.length - 1] !== LF) {
    throw pkgErrors.create('PCMIG-PKG-010', { message: `${entry} does not end with a line feed.`, target: entry, reason: { entry } });
  }
  const records: T[] = [];
  let line = 0;
  for (let at = 0; at < bytes.length; ) {
    const end = bytes.indexOf(LF, at);
    line += 1;
    if (end - at + 1 > PACKAGE_LIMITS.lineBytes) {
      throw pkgErrors.create('PCMIG-PKG-011', {
        message: `${entry}: line ${line} exceeds ${PACKAGE_LIMITS.lineBytes} bytes.`,
        target: entry,
        reason: { entry, line, limit: PACKAGE_LIMITS.lineBytes },
      });
    }
    records.push(parse(at, end, line));
    at = end + 1;
  }
  return records;
}

function parseLine<S extends z.ZodType>(bytes: Buffer, at: number, end: number, line: number, entry: string, schema: S): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8', at, end));
  } catch (cause) {
    throw pkgErrors.create('PCMIG-PKG-010', { message: `${entry}: line ${line} is not JSON.`, target: entry, reason: { entry, line }, cause });
  }
  return parseRecord(schema, value, entry, `line ${line}`);
}

/** A whole JSON document entry (manifest, categories, add-ins). */
export function parseJsonDocument<S extends z.ZodType>(bytes: Buffer, entry: string, schema: S): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch (cause) {
    throw pkgErrors.create('PCMIG-PKG-010', { message: `${entry} is not UTF-8 JSON.`, target: entry, reason: { entry }, cause });
  }
  return parseRecord(schema, value, entry, 'document');
}

// --- messageLine's shape, read from bytes ---------------------------------------------------

const LF = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const CLOSE_BRACE = 0x7d;
const MAX_ID = 2_147_483_647;
const MAX_TICKS_TEXT = MAX_TICKS.toString();
const literal = (text: string) => Buffer.from(text, 'latin1');
const ROOM_ID = literal('{"roomId":');
const CHAT_ID = literal(',"chatId":');
const TIMESTAMP = literal(',"timestamp":"');
const AUTHOR_ID = literal('","authorId":');
const ALERT_FALSE = literal(',"isAlert":false,"content":');
const ALERT_TRUE = literal(',"isAlert":true,"content":');
const RTF_NULL = literal(',"rtf":null}');
const RTF = literal(',"rtf":');

function startsWith(bytes: Buffer, at: number, literalBytes: Buffer): boolean {
  if (at + literalBytes.length > bytes.length) return false;
  for (let k = 0; k < literalBytes.length; k += 1) if (bytes[at + k] !== literalBytes[k]) return false;
  return true;
}

/**
 * One line in messageLine's exact shape, checked as messageLineSchema checks it, or undefined
 * when the line has any other shape or value (the caller then parses it the general way).
 */
function messageLineFast(bytes: Buffer, at: number, end: number): Message | undefined {
  if (!startsWith(bytes, at, ROOM_ID)) return undefined;
  const room = jsonInteger(bytes, at + ROOM_ID.length);
  if (room === undefined || room.value < 1 || room.value > MAX_ID || !startsWith(bytes, room.next, CHAT_ID)) return undefined;
  const chat = jsonInteger(bytes, room.next + CHAT_ID.length);
  if (chat === undefined || !startsWith(bytes, chat.next, TIMESTAMP)) return undefined;
  const timeStart = chat.next + TIMESTAMP.length;
  let i = timeStart;
  while (i < end && (bytes[i] as number) >= 48 && (bytes[i] as number) <= 57) i += 1;
  const digits = i - timeStart;
  if (digits === 0 || digits > 19) return undefined;
  const ticksText = bytes.toString('latin1', timeStart, i);
  if (digits === 19 && ticksText > MAX_TICKS_TEXT) return undefined;
  if (!startsWith(bytes, i, AUTHOR_ID)) return undefined;
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
function jsonInteger(bytes: Buffer, at: number): { value: number; next: number } | undefined {
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
function jsonString(bytes: Buffer, at: number, end: number): { value: string; next: number } | undefined {
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
