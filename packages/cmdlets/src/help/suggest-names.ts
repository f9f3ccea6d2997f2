/**
 * The known names nearest to a mistyped one, for "did you mean": edit distance (case-insensitive),
 * plus names that contain what was typed; at most `limit`, nearest first.
 */
export function suggestNames(typed: string, known: readonly string[], limit = 3): string[] {
  const key = typed.toLowerCase();
  const threshold = Math.max(2, Math.floor(key.length * 0.2));
  return known
    .map((name) => {
      const lower = name.toLowerCase();
      const distance = editDistance(key, lower);
      const contains = key.length >= 3 && (lower.includes(key) || (key.includes('-') && lower.endsWith(key.slice(key.indexOf('-')))));
      return { name, score: contains ? Math.min(distance, threshold) - 0.5 : distance };
    })
    .filter((entry) => entry.score <= threshold)
    .sort((a, b) => a.score - b.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, limit)
    .map((entry) => entry.name);
}

/** Levenshtein distance with adjacent transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
