/**
 * Node names in use in one pool. Names are kept unique case-insensitively, as SQL Server's default
 * collation compares them, so the only name clashes a migration meets are the planted ones.
 */
export class NameRegistry {
  private readonly used = new Set<string>();

  has(name: string): boolean {
    return this.used.has(name.toLowerCase());
  }

  /** Claims `name`, or the first free "name 2", "name 3", … that fits in `max` UTF-16 units. */
  claim(name: string, max: number): string {
    let candidate = clip(name, max);
    for (let n = 2; this.has(candidate); n += 1) {
      const suffix = ` ${n}`;
      candidate = `${clip(name, max - suffix.length)}${suffix}`;
    }
    this.used.add(candidate.toLowerCase());
    return candidate;
  }
}

/** At most `max` UTF-16 code units, never splitting a surrogate pair, without trailing spaces. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end).trimEnd();
}
