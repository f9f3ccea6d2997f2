import { formatValue, propertiesOf } from './format-value.js';

/** PowerShell's list view of one object: "Name : value" lines, names padded to one width. */
export function formatList(value: unknown): string {
  const properties = propertiesOf(value);
  if (properties.length === 0) return `${formatValue(value)}\n`;
  const pad = Math.max(...properties.map(([k]) => k.length));
  const lines = properties.map(([k, v]) => {
    const text = formatValue(v).replace(/\r?\n/g, `\n${' '.repeat(pad + 3)}`);
    return `${k.padEnd(pad)} : ${text}`.trimEnd();
  });
  return `\n${lines.join('\n')}\n`;
}
