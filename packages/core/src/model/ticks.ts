/**
 * .NET ticks: 100 ns units since 0001-01-01T00:00:00Z, as stored in the pool databases' bigint
 * time columns (tblChat.chatDate, tblNode.nodeAddedOn, …). Microsoft documents only the helper
 * name fnTicksToDate; we read the values as UTC (decision, docs/legacy-schema.md).
 *
 * Ticks are carried as bigint end to end: a JavaScript number cannot hold them exactly
 * (today's values are ~6.4e17, above 2^53), and Date has only millisecond precision.
 */

export type Ticks = bigint;

export const TICKS_PER_MILLISECOND = 10_000n;
export const TICKS_PER_SECOND = 10_000_000n;
export const TICKS_PER_DAY = 864_000_000_000n;
/** Ticks at 1970-01-01T00:00:00Z. */
export const UNIX_EPOCH_TICKS = 621_355_968_000_000_000n;
/** DateTime.MinValue / MaxValue. */
export const MIN_TICKS = 0n;
export const MAX_TICKS = 3_155_378_975_999_999_999n;

export function isValidTicks(value: bigint): boolean {
  return value >= MIN_TICKS && value <= MAX_TICKS;
}

function assertValid(value: bigint): void {
  if (!isValidTicks(value)) throw new RangeError(`Ticks value ${value} is outside 0001-01-01..9999-12-31`);
}

/** Floor division for bigint (the built-in truncates towards zero). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** Converts ticks to a Date, dropping the sub-millisecond part (floor). */
export function ticksToDate(ticks: Ticks): Date {
  assertValid(ticks);
  return new Date(Number(floorDiv(ticks - UNIX_EPOCH_TICKS, TICKS_PER_MILLISECOND)));
}

/** Converts a Date to ticks (exact: a Date has whole milliseconds). */
export function dateToTicks(date: Date): Ticks {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid Date');
  const ticks = BigInt(ms) * TICKS_PER_MILLISECOND + UNIX_EPOCH_TICKS;
  assertValid(ticks);
  return ticks;
}

/** ISO-8601 UTC with all seven fractional digits: exact, sortable, round-trips through isoToTicks. */
export function ticksToIso(ticks: Ticks): string {
  assertValid(ticks);
  const sub = ticks % TICKS_PER_MILLISECOND; // 0..9999, ticks are non-negative here
  const date = ticksToDate(ticks);
  const year = date.getUTCFullYear();
  const base = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ for years 0000–9999
  const yearText = String(year).padStart(4, '0');
  return `${yearText}${base.slice(base.indexOf('-'), -1)}${sub.toString().padStart(4, '0')}Z`;
}

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO-8601 date-time with up to seven fractional digits and an explicit offset. */
export function isoToTicks(text: string): Ticks {
  const match = ISO_PATTERN.exec(text);
  if (!match) throw new RangeError(`Not an ISO-8601 date-time with offset: ${text}`);
  const [, y, mo, d, h, mi, s, frac = '', zone] = match as unknown as string[];
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(ms);
  if (
    check.getUTCMonth() !== Number(mo) - 1 ||
    check.getUTCDate() !== Number(d) ||
    Number(h) > 23 || Number(mi) > 59 || Number(s) > 59
  ) {
    throw new RangeError(`Not a valid calendar date-time: ${text}`);
  }
  // Date.UTC maps years 0–99 to 1900–1999; correct with setUTCFullYear.
  check.setUTCFullYear(Number(y));
  let ticks = BigInt(check.getTime()) * TICKS_PER_MILLISECOND + UNIX_EPOCH_TICKS;
  ticks += BigInt(frac.padEnd(7, '0') || '0');
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1n : 1n;
    const offsetMinutes = BigInt(Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
    ticks -= sign * offsetMinutes * 60n * TICKS_PER_SECOND;
  }
  assertValid(ticks);
  return ticks;
}

/** 'YYYY-MM' of a tick value in UTC (used to bucket messages per month). */
export function ticksToMonth(ticks: Ticks): string {
  return ticksToIso(ticks).slice(0, 7);
}

/** Parses a decimal tick string as stored in packages and returned by SQL Server drivers. */
export function parseTicks(text: string): Ticks {
  if (!/^\d{1,19}$/.test(text)) throw new RangeError(`Not a tick count: ${text}`);
  const value = BigInt(text);
  assertValid(value);
  return value;
}

const DAY_TICKS = Number(TICKS_PER_DAY);
/** A day is 864 × 10^9 ticks. */
const DAY_MILLIONS = 864;

/**
 * The UTC day (days since 0001-01-01) of ticks given as 10^12 × high + low — how readers that
 * parse ticks from text hold them exactly in two numbers, without a BigInt per value.
 * With 1000·high = 864·q + r: ticks = DAY·q + (r·10^9 + low), every step exact in a double.
 */
export function dayOfTickParts(high: number, low: number): number {
  const thousands = high * 1000;
  const q = Math.floor(thousands / DAY_MILLIONS);
  return q + Math.floor(((thousands - q * DAY_MILLIONS) * 1e9 + low) / DAY_TICKS);
}

/** The ticks within `day` (dayOfTickParts of the same parts), exactly. */
export function ticksOfDayOfParts(high: number, low: number, day: number): number {
  return (high * 1000 - day * DAY_MILLIONS) * 1e9 + low;
}

const TWELVE_DIGITS = 10n ** 12n;
const MAX_HIGH = Number(MAX_TICKS / TWELVE_DIGITS);
const MAX_LOW = Number(MAX_TICKS % TWELVE_DIGITS);

/**
 * Reads ticks written as decimal digits (package lines, the exporter's and the source reader's
 * SQL text) exactly, as 10^12 × high + low, without a BigInt per value: the one way every reader
 * that parses ticks from text does it. One instance per reader, reused value after value.
 */
export class TickDigits {
  /** The UTC day (days since 0001-01-01) of the last value read. */
  day = 0;
  /** The ticks within that day. */
  ticksOfDay = 0;

  /** The digits at `start` (up to `end`): the index after them, or -1 when they are no tick count (none, more than 19, above MAX_TICKS). */
  read(bytes: Uint8Array, start: number, end = bytes.length): number {
    let i = start;
    while (i < end && (bytes[i] as number) >= 48 && (bytes[i] as number) <= 57) i += 1;
    if (i === start || i - start > 19) return -1;
    const split = Math.max(start, i - 12);
    let high = 0;
    for (let k = start; k < split; k += 1) high = high * 10 + ((bytes[k] as number) - 48);
    let low = 0;
    for (let k = split; k < i; k += 1) low = low * 10 + ((bytes[k] as number) - 48);
    return this.settle(high, low) ? i : -1;
  }

  /** read() for digits in a string. */
  readText(text: string, start: number, end = text.length): number {
    let i = start;
    while (i < end && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i += 1;
    if (i === start || i - start > 19) return -1;
    const split = Math.max(start, i - 12);
    let high = 0;
    for (let k = start; k < split; k += 1) high = high * 10 + (text.charCodeAt(k) - 48);
    let low = 0;
    for (let k = split; k < i; k += 1) low = low * 10 + (text.charCodeAt(k) - 48);
    return this.settle(high, low) ? i : -1;
  }

  private settle(high: number, low: number): boolean {
    if (high > MAX_HIGH || (high === MAX_HIGH && low > MAX_LOW)) return false;
    this.day = dayOfTickParts(high, low);
    this.ticksOfDay = ticksOfDayOfParts(high, low, this.day);
    return true;
  }
}
