import crypto from 'node:crypto';

/**
 * A GUID derived from names, stable across runs (name-based, RFC 4122 version-5 layout over
 * SHA-256). Used where a legacy GUID cannot be kept, so that a resumed import derives the same.
 */
export function deriveGuid(...parts: readonly string[]): string {
  const hex = crypto.createHash('sha256').update(parts.join('\u0000'), 'utf8').digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}
