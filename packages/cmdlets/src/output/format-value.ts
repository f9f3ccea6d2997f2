/** PowerShell's $FormatEnumerationLimit: list at most this many elements of a collection. */
const ENUMERATION_LIMIT = 4;

/** A property value as PowerShell's table and list views show it. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return formatDate(value);
  if (value instanceof Uint8Array) return enumerate([...value.subarray(0, ENUMERATION_LIMIT + 1)].map(String), value.length);
  if (Array.isArray(value)) return enumerate(value.slice(0, ENUMERATION_LIMIT + 1).map(formatValue), value.length);
  if (typeof value === 'object') {
    return `@{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}=${formatValue(v)}`)
      .join('; ')}}`;
  }
  return String(value);
}

function enumerate(items: string[], total: number): string {
  const shown = items.slice(0, ENUMERATION_LIMIT);
  return `{${shown.join(', ')}${total > ENUMERATION_LIMIT ? '...' : ''}}`;
}

/** Local time, sortable and culture-free: 2018-01-31 08:30:00. */
export function formatDate(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** The properties of an output object, in order (a primitive has none). */
export function propertiesOf(value: unknown): [string, unknown][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date || value instanceof Uint8Array) return [];
  return Object.entries(value as Record<string, unknown>);
}
