import { describe, expect, it } from 'vitest';
import {
  dayOfTickParts,
  MAX_TICKS,
  ticksOfDayOfParts,
  TickDigits,
  MIN_TICKS,
  UNIX_EPOCH_TICKS,
  dateToTicks,
  isoToTicks,
  isValidTicks,
  parseTicks,
  ticksToDate,
  ticksToIso,
  ticksToMonth,
} from './ticks.js';

describe('ticks', () => {
  it('maps the Unix epoch exactly', () => {
    expect(dateToTicks(new Date(0))).toBe(UNIX_EPOCH_TICKS);
    expect(ticksToDate(UNIX_EPOCH_TICKS).toISOString()).toBe('1970-01-01T00:00:00.000Z');
  });

  it('matches values computed by .NET (DateTime(2010,1,1,0,0,0,Utc).Ticks)', () => {
    expect(isoToTicks('2010-01-01T00:00:00Z')).toBe(633_979_008_000_000_000n);
    expect(ticksToIso(633_979_008_000_000_000n)).toBe('2010-01-01T00:00:00.0000000Z');
  });

  it('keeps the 100 ns digits that a Date cannot hold', () => {
    const ticks = 638_400_000_001_234_567n;
    const iso = ticksToIso(ticks);
    expect(iso.endsWith('4567Z')).toBe(true);
    expect(isoToTicks(iso)).toBe(ticks);
    expect(BigInt(Number(ticks))).not.toBe(ticks); // beyond 2^53: a number would lose it
  });

  it('round-trips the extremes of DateTime', () => {
    expect(ticksToIso(MIN_TICKS)).toBe('0001-01-01T00:00:00.0000000Z');
    expect(ticksToIso(MAX_TICKS)).toBe('9999-12-31T23:59:59.9999999Z');
    expect(isoToTicks('0001-01-01T00:00:00Z')).toBe(MIN_TICKS);
    expect(isoToTicks('9999-12-31T23:59:59.9999999Z')).toBe(MAX_TICKS);
    expect(ticksToDate(MIN_TICKS).getUTCFullYear()).toBe(1);
  });

  it('floors (not rounds) towards the earlier millisecond before 1970', () => {
    const ticks = UNIX_EPOCH_TICKS - 1n;
    expect(ticksToDate(ticks).getTime()).toBe(-1);
    expect(ticksToIso(ticks)).toBe('1969-12-31T23:59:59.9999999Z');
  });

  it('applies offsets', () => {
    expect(isoToTicks('2012-10-19T02:00:00+02:00')).toBe(isoToTicks('2012-10-19T00:00:00Z'));
    expect(isoToTicks('2012-10-18T22:30:00-01:30')).toBe(isoToTicks('2012-10-19T00:00:00Z'));
  });

  it('round-trips every millisecond-precision Date', () => {
    for (const ms of [0, 1, -1, 1_262_304_000_123, 253_402_300_799_999, -62_135_596_800_000]) {
      const date = new Date(ms);
      expect(ticksToDate(dateToTicks(date)).getTime()).toBe(ms);
    }
  });

  it('rejects values and texts that are not date-times', () => {
    expect(isValidTicks(-1n)).toBe(false);
    expect(isValidTicks(MAX_TICKS + 1n)).toBe(false);
    expect(() => ticksToDate(-1n)).toThrow(RangeError);
    expect(() => isoToTicks('2010-02-30T00:00:00Z')).toThrow(RangeError);
    expect(() => isoToTicks('2010-01-01 00:00:00')).toThrow(RangeError);
    expect(() => isoToTicks('2010-01-01T24:00:00Z')).toThrow(RangeError);
    expect(() => parseTicks('12a')).toThrow(RangeError);
    expect(() => parseTicks('99999999999999999999')).toThrow(RangeError);
    expect(() => dateToTicks(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('buckets by UTC month', () => {
    expect(ticksToMonth(isoToTicks('2011-03-31T23:59:59.9999999Z'))).toBe('2011-03');
    expect(ticksToMonth(isoToTicks('2011-04-01T00:00:00Z'))).toBe('2011-04');
    expect(parseTicks('633979008000000000')).toBe(633_979_008_000_000_000n);
  });
});

describe('dayOfTickParts / ticksOfDayOfParts', () => {
  it('split ticks held as 10^12 × high + low into UTC day and ticks of day, exactly, up to MAX_TICKS', () => {
    const day = 864_000_000_000n;
    for (const ticks of [0n, 1n, day - 1n, day, 633_979_008_000_000_000n, 633_979_008_000_000_001n, MAX_TICKS - day, MAX_TICKS - 1n, MAX_TICKS]) {
      const high = Number(ticks / 1_000_000_000_000n);
      const low = Number(ticks % 1_000_000_000_000n);
      const d = dayOfTickParts(high, low);
      expect(d, String(ticks)).toBe(Number(ticks / day));
      expect(ticksOfDayOfParts(high, low, d), String(ticks)).toBe(Number(ticks % day));
    }
  });
});

describe('TickDigits', () => {
  const day = 864_000_000_000n;
  it('reads decimal ticks from bytes and from text, exactly, up to MAX_TICKS', () => {
    const reader = new TickDigits();
    for (const ticks of [0n, 7n, day - 1n, 633_979_008_000_000_001n, MAX_TICKS - 1n, MAX_TICKS]) {
      const text = `"${ticks}",`;
      for (const end of [reader.read(Buffer.from(text, 'latin1'), 1), reader.readText(text, 1)]) {
        expect(end, String(ticks)).toBe(text.length - 2);
        expect([reader.day, reader.ticksOfDay], String(ticks)).toEqual([Number(ticks / day), Number(ticks % day)]);
      }
    }
  });

  it('refuses no digits, more than 19, and values above MAX_TICKS; stops at `end`', () => {
    const reader = new TickDigits();
    for (const text of ['x', '', (MAX_TICKS + 1n).toString(), '9999999999999999999', '12345678901234567890']) {
      expect(reader.read(Buffer.from(text, 'latin1'), 0), text).toBe(-1);
      expect(reader.readText(text, 0), text).toBe(-1);
    }
    expect(reader.read(Buffer.from('123456', 'latin1'), 0, 3)).toBe(3);
    expect(reader.ticksOfDay).toBe(123);
    expect(reader.readText('123456', 0, 3)).toBe(3);
  });
});
