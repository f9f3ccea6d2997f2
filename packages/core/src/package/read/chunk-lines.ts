import type { z } from 'zod';
import { pkgErrors } from '../errors.js';
import { PACKAGE_LIMITS } from '../format/package-layout.js';
import { parseRecord } from '../format/parse-record.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The records of a chunk entry (already verified as a whole): UTF-8 JSON, one record per line,
 * every line ending with '\n', each checked against `schema`.
 */
export function parseChunkLines<S extends z.ZodType>(bytes: Buffer, entry: string, schema: S): z.output<S>[] {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch (cause) {
    throw pkgErrors.create('PCMIG-PKG-010', { message: `${entry} is not valid UTF-8.`, target: entry, reason: { entry }, cause });
  }
  if (text.length > 0 && !text.endsWith('\n')) {
    throw pkgErrors.create('PCMIG-PKG-010', { message: `${entry} does not end with a line feed.`, target: entry, reason: { entry } });
  }
  const records: z.output<S>[] = [];
  let line = 0;
  for (let at = 0; at < text.length; ) {
    const end = text.indexOf('\n', at);
    line += 1;
    // A UTF-16 unit takes 1 to 3 UTF-8 bytes: count bytes only for lines that might be too long.
    if ((end - at) * 3 + 1 > PACKAGE_LIMITS.lineBytes && Buffer.byteLength(text.slice(at, end)) + 1 > PACKAGE_LIMITS.lineBytes) {
      throw pkgErrors.create('PCMIG-PKG-011', {
        message: `${entry}: line ${line} exceeds ${PACKAGE_LIMITS.lineBytes} bytes.`,
        target: entry,
        reason: { entry, line, limit: PACKAGE_LIMITS.lineBytes },
      });
    }
    let value: unknown;
    try {
      value = JSON.parse(text.slice(at, end));
    } catch (cause) {
      throw pkgErrors.create('PCMIG-PKG-010', { message: `${entry}: line ${line} is not JSON.`, target: entry, reason: { entry, line }, cause });
    }
    records.push(parseRecord(schema, value, entry, `line ${line}`));
    at = end + 1;
  }
  return records;
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
