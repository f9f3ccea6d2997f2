import { normalizeGuid } from '../model/primitives.js';
import { parseTicks } from '../model/ticks.js';
import { dbErrors } from './errors.js';

/**
 * Engines return the same column in different JavaScript shapes (SQLite: 0/1 for bit, text for
 * GUIDs; SQL Server: booleans, upper-case GUIDs, bigint as string, Date for datetime). Rows are
 * read through these converters so repositories stay engine-neutral.
 */

export function toInt(value: unknown, where: string): number {
  const n = typeof value === 'bigint' ? Number(value) : typeof value === 'string' ? Number(value) : (value as number);
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw dbErrors.create('PCMIG-DB-013', { message: `${where}: ${String(value)} is not an integer pcmig can carry.`, reason: { where, value: String(value) } });
  }
  return n;
}

export function toIntOrNull(value: unknown, where: string): number | null {
  return value === null || value === undefined ? null : toInt(value, where);
}

export function toBool(value: unknown): boolean {
  return value === true || value === 1 || value === 1n || value === '1';
}

export function toTriState(value: unknown): boolean | null {
  return value === null || value === undefined ? null : toBool(value);
}

export function toGuid(value: unknown, where: string): string {
  try {
    return normalizeGuid(String(value));
  } catch (cause) {
    throw dbErrors.create('PCMIG-DB-013', { message: `${where}: '${String(value)}' is not a GUID.`, reason: { where }, cause });
  }
}

export function toGuidOrNull(value: unknown, where: string): string | null {
  return value === null || value === undefined ? null : toGuid(value, where);
}

export function toTicks(value: unknown, where: string): bigint {
  try {
    if (typeof value === 'bigint') return parseTicks(value.toString());
    if (typeof value === 'number' && Number.isSafeInteger(value)) return parseTicks(String(value));
    return parseTicks(String(value));
  } catch (cause) {
    throw dbErrors.create('PCMIG-DB-013', { message: `${where}: '${String(value)}' is not a valid time stamp (ticks).`, reason: { where, value: String(value) }, cause });
  }
}

export function toText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

export function toTextOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** datetime columns: SQLite stores ISO text, SQL Server returns Date. */
export function toDateOrNull(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  const date = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** How pcmig writes a datetime into SQLite: ISO-8601 UTC text, sortable. */
export function sqliteDateText(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}
