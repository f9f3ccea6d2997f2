/**
 * Makes an output object JSON-safe: bigint as a decimal string, Date as ISO 8601, bytes as base64,
 * Map and Set as object and array. With `tagDates`, a Date becomes {"$date": "…"} so that the
 * PowerShell module can give it back as [datetime] (a plain string could be a room name).
 */
export function toJsonValue(value: unknown, tagDates = false): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return tagDates ? { $date: value.toISOString() } : value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (Array.isArray(value)) return value.map((v) => toJsonValue(v, tagDates));
  if (value instanceof Set) return [...value].map((v) => toJsonValue(v, tagDates));
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toJsonValue(v, tagDates)]));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined) out[k] = toJsonValue(v, tagDates);
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}
