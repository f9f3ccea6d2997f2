/**
 * Escapes a value for an LDAP search filter (RFC 4515 §3): the characters that structure a
 * filter (* ( ) \) and NUL become \XX, so a value can never widen or rewrite the filter.
 */
export function escapeFilterValue(value: string): string {
  return value.replace(/[\\*()\0]/g, (ch) => `\\${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** (attribute=value) with the value escaped. */
export function equalityFilter(attribute: string, value: string): string {
  if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(attribute)) throw new RangeError(`Not an attribute name: ${attribute}`);
  return `(${attribute}=${escapeFilterValue(value)})`;
}

export function andFilter(parts: readonly string[]): string {
  return parts.length === 1 ? parts[0]! : `(&${parts.join('')})`;
}

export function orFilter(parts: readonly string[]): string {
  return parts.length === 1 ? parts[0]! : `(|${parts.join('')})`;
}
