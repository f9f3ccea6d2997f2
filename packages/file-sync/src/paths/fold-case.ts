/**
 * The key under which NTFS compares names: case-insensitive through its upcase table, which maps
 * UTF-16 code units one to one (so 'ß' stays 'ß', unlike String#toUpperCase) and leaves
 * characters outside the Basic Multilingual Plane alone. No Unicode normalisation: NTFS keeps
 * 'é' and 'e\u0301' apart.
 */
export function foldNtfsCase(name: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(name)) return name.toUpperCase();
  let folded = '';
  for (const char of name) {
    if (char.length !== 1) {
      folded += char;
      continue;
    }
    const upper = char.toUpperCase();
    folded += upper.length === 1 ? upper : char;
  }
  return folded;
}
