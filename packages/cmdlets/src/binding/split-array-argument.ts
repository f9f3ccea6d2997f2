/**
 * Splits an array argument the way PowerShell reads `a,b,c`: commas separate elements, blanks
 * around an element are dropped, and an element in single or double quotes may hold commas
 * ('Sales, EMEA',IT; '' and "" stand for a quote inside). Returns the error text for a malformed
 * list (an empty element, an unterminated quote).
 */
export function splitArrayArgument(text: string): { readonly elements: string[] } | { readonly error: string } {
  if (text === '') return { elements: [''] };
  const elements: string[] = [];
  let i = 0;
  const n = text.length;
  for (;;) {
    while (i < n && /\s/.test(text[i]!)) i += 1;
    let element = '';
    let quoted = false;
    const quote = text[i];
    if (quote === "'" || quote === '"') {
      quoted = true;
      i += 1;
      let closed = false;
      while (i < n) {
        const c = text[i]!;
        if (c === quote) {
          if (text[i + 1] === quote) {
            element += quote;
            i += 2;
            continue;
          }
          i += 1;
          closed = true;
          break;
        }
        if (quote === '"' && c === '`' && i + 1 < n) {
          element += text[i + 1];
          i += 2;
          continue;
        }
        element += c;
        i += 1;
      }
      if (!closed) return { error: `The string is missing the terminator: ${quote}.` };
      while (i < n && /\s/.test(text[i]!)) i += 1;
      if (i < n && text[i] !== ',') return { error: `Unexpected token '${text.slice(i)}' after a quoted element.` };
    } else {
      while (i < n && text[i] !== ',') {
        element += text[i];
        i += 1;
      }
      element = element.trim();
    }
    if (!quoted && element === '') return { error: "Missing expression after ','." };
    elements.push(element);
    if (i >= n) break;
    i += 1; // the comma
    if (i >= n) return { error: "Missing expression after ','." };
  }
  return { elements };
}

/** Quotes an element so that splitArrayArgument gives it back unchanged. */
export function quoteArrayElement(element: string): string {
  return `'${element.replace(/'/g, "''")}'`;
}
