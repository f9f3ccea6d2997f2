/** A PowerShell single-quoted string literal ('' stands for '). */
export function psQuote(text: string): string {
  return `'${text.replace(/['‘’‚‛]/g, (q) => `${q}${q}`)}'`;
}

/** Text for comment-based help: `#>` would end the comment block. */
export function psHelpText(text: string): string {
  return text.replace(/#>/g, '# >').replace(/<#/g, '< #');
}

/** Indents every non-empty line. */
export function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : `${pad}${line}`))
    .join('\n');
}

/** A PowerShell array literal of single-quoted strings: @('a', 'b'). */
export function psStringArray(items: readonly string[]): string {
  return `@(${items.map(psQuote).join(', ')})`;
}
