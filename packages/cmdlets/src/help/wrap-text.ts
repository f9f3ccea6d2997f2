/** Wraps prose to a width with an indent (paragraphs separated by blank lines stay separate). */
export function wrapText(text: string, width: number, indent: string): string {
  const room = Math.max(20, width - indent.length);
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => {
      if (/^\s/.test(paragraph) || paragraph.includes('\n')) {
        // Preformatted (code, lists): keep the lines, only indent them.
        return paragraph
          .split('\n')
          .map((line) => `${indent}${line}`.trimEnd())
          .join('\n');
      }
      const lines: string[] = [];
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        if (line && line.length + 1 + word.length > room) {
          lines.push(line);
          line = word;
        } else {
          line = line ? `${line} ${word}` : word;
        }
      }
      if (line) lines.push(line);
      return lines.map((l) => `${indent}${l}`).join('\n');
    })
    .join('\n\n');
}
