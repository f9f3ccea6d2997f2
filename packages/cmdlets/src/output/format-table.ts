import { formatValue, propertiesOf } from './format-value.js';

/**
 * PowerShell's table view: a header, a dashed rule, one line per object; columns as wide as
 * their content, shrunk to the width available, cut values ending in '…'.
 */
export function formatTable(objects: readonly unknown[], width: number, columns?: readonly string[]): string {
  if (objects.length === 0) return '';
  const names = columns ?? [...new Set(objects.flatMap((o) => propertiesOf(o).map(([k]) => k)))];
  const rows = objects.map((o) => {
    const record = o as Record<string, unknown>;
    return names.map((name) => formatValue(record?.[name]).replace(/\r?\n/g, ' '));
  });
  const widths = names.map((name, i) => Math.max(name.length, ...rows.map((row) => row[i]!.length)));
  fit(widths, width, names.map((n) => Math.min(n.length, 8)));
  const cut = (text: string, w: number) => (text.length <= w ? text.padEnd(w) : `${text.slice(0, Math.max(0, w - 1))}…`);
  const line = (cells: readonly string[]) => cells.map((cell, i) => cut(cell, widths[i]!)).join(' ').trimEnd();
  return ['', line(names), line(names.map((n, i) => '-'.repeat(Math.min(n.length, widths[i]!)))), ...rows.map(line), '', ''].join('\n');
}

/** Shrinks the widest columns until the table fits (one blank between columns). */
function fit(widths: number[], total: number, minimum: readonly number[]): void {
  const used = () => widths.reduce((a, b) => a + b, 0) + widths.length - 1;
  while (used() > total) {
    let widest = -1;
    for (let i = 0; i < widths.length; i += 1) if (widths[i]! > minimum[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    if (widest < 0) return;
    widths[widest]! -= 1;
  }
}
