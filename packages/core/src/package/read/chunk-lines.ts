import { isUtf8 } from 'node:buffer';
import type { z } from 'zod';
import type { Message } from '../../model/message.js';
import { LF, messageLineFast } from './message-line-bytes.js';
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
  return parseLines(bytes, entry, (at, end, line) => parseMessageLine(bytes, at, end, line, entry));
}

/** Line `line` of a message chunk (bytes at…end, without its line feed), as parseMessageChunk reads it. */
export function parseMessageLine(bytes: Buffer, at: number, end: number, line: number, entry: string): Message {
  return messageLineFast(bytes, at, end) ?? parseLine(bytes, at, end, line, entry, messageLineSchema);
}

/** The direct reading of one line (without its line feed), or undefined when it takes the schema's way: for tests. */
export function readCanonicalMessageLine(line: string): Message | undefined {
  const bytes = Buffer.from(line, 'utf8');
  return messageLineFast(bytes, 0, bytes.length);
}

function parseLines<T>(bytes: Buffer, entry: string, parse: (at: number, end: number, line: number) => T): T[] {
  checkChunkText(bytes, entry);
  const records: T[] = [];
  let line = 0;
  for (let at = 0; at < bytes.length; ) {
    const end = bytes.indexOf(LF, at);
    line += 1;
    checkLineLength(at, end, line, entry);
    records.push(parse(at, end, line));
    at = end + 1;
  }
  return records;
}

/** A chunk entry is UTF-8 and ends with a line feed (so every line has one). */
export function checkChunkText(bytes: Buffer, entry: string): void {
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
}

/** Line `line` (at…end, the line feed at end) is within PACKAGE_LIMITS.lineBytes. */
export function checkLineLength(at: number, end: number, line: number, entry: string): void {
  if (end - at + 1 > PACKAGE_LIMITS.lineBytes) {
    throw pkgErrors.create('PCMIG-PKG-011', {
      message: `${entry}: line ${line} exceeds ${PACKAGE_LIMITS.lineBytes} bytes.`,
      target: entry,
      reason: { entry, line, limit: PACKAGE_LIMITS.lineBytes },
    });
  }
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
