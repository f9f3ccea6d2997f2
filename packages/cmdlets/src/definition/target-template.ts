/**
 * ShouldProcess target templates: literal text with `{Parameter}` placeholders, and
 * `{Parameter|text}` where the text stands in when the parameter is not given (for optional
 * parameters, e.g. "the legacy Group Chat pool"). Fallback texts hold no braces.
 */
export type TargetPart = { readonly literal: string } | { readonly parameter: string; readonly fallback?: string };

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)(?:\|([^{}]*))?\}/g;

export function parseTargetTemplate(template: string): TargetPart[] {
  const parts: TargetPart[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push({ literal: template.slice(last, match.index) });
    parts.push(match[2] !== undefined ? { parameter: match[1]!, fallback: match[2] } : { parameter: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ literal: template.slice(last) });
  return parts;
}

/** The parameters a template names. */
export function targetParameters(template: string): string[] {
  return parseTargetTemplate(template).flatMap((part) => ('parameter' in part ? [part.parameter] : []));
}
