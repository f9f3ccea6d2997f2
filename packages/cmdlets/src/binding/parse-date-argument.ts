const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const INVARIANT = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i;

/**
 * Dates as an administrator types them: ISO 8601 (2018-01-31, 2018-01-31T08:30[:00][.fff][Z|±hh:mm])
 * or PowerShell's invariant culture (1/31/2018 [8:30[:00] [AM|PM]]), as in Microsoft's examples
 * (-StartDate "1/1/2018"). A date without a zone is local time, as PowerShell's [datetime] is.
 * Returns undefined for anything else, including impossible dates (2/30/2018).
 */
export function parseDateArgument(text: string): Date | undefined {
  const trimmed = text.trim();
  const iso = ISO.exec(trimmed);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = iso;
    return build(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), fractionMs(fraction), zone);
  }
  const inv = INVARIANT.exec(trimmed);
  if (inv) {
    const [, mo, d, y, h, mi = '0', s = '0', meridiem] = inv;
    let hour = h === undefined ? 0 : Number(h);
    if (meridiem) {
      if (hour < 1 || hour > 12) return undefined;
      hour = (hour % 12) + (meridiem.toUpperCase() === 'PM' ? 12 : 0);
    }
    return build(Number(y), Number(mo), Number(d), hour, Number(mi), Number(s), 0, undefined);
  }
  return undefined;
}

function fractionMs(fraction: string): number {
  return fraction === '' ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
}

function build(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, zone: string | undefined): Date | undefined {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(0);
  if (zone === undefined) {
    date.setFullYear(year, month - 1, day);
    date.setHours(hour, minute, second, ms);
    return date;
  }
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
    if (offsetMinutes > 14 * 60) return undefined;
    date.setTime(date.getTime() - sign * offsetMinutes * 60_000);
  }
  return date;
}

function daysInMonth(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}
