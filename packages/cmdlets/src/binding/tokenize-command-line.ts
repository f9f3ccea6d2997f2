/** One element of a cmdlet's command line, classified the way PowerShell's parser does. */
export type CommandLineToken =
  | {
      readonly kind: 'parameter';
      /** The name as typed, without the dash. */
      readonly name: string;
      /** The argument given as -Name:value; '' for -Name: (the value is the next element). */
      readonly colonValue?: string;
      readonly text: string;
    }
  | { readonly kind: 'value'; readonly text: string };

const PARAMETER_TOKEN = /^-([A-Za-z_?][A-Za-z0-9_-]*)(?::([\s\S]*))?$/;

/**
 * Splits argv into parameter names and values. `-Name`, `-Name:value` and `-Name: value` name a
 * parameter; `-5`, `-` and anything else are values; after `--` everything is a value.
 */
export function tokenizeCommandLine(args: readonly string[]): CommandLineToken[] {
  const tokens: CommandLineToken[] = [];
  let valuesOnly = false;
  for (const text of args) {
    if (!valuesOnly && text === '--') {
      valuesOnly = true;
      continue;
    }
    const match = valuesOnly ? null : PARAMETER_TOKEN.exec(text);
    if (match) {
      tokens.push(match[2] === undefined ? { kind: 'parameter', name: match[1]!, text } : { kind: 'parameter', name: match[1]!, colonValue: match[2], text });
    } else {
      tokens.push({ kind: 'value', text });
    }
  }
  return tokens;
}
