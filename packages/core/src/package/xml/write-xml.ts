/**
 * XML 1.0 as pcmig writes it (docs/package-format.md, "XML entries"): UTF-8 without BOM, no
 * DOCTYPE, one record per line. Attributes carry only ids, flags, numbers, GUIDs, enumerations
 * and ticks; every free text is a child element so that it can carry an encoding marker.
 */

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';

/** The marker of a text written as base64 of its UTF-16LE code units. */
export const BASE64_UTF16LE = 'base64-utf16le';

/**
 * Characters XML 1.0 cannot carry at all (not even as character references): C0 controls other
 * than tab, line feed and carriage return, U+FFFE, U+FFFF and unpaired surrogates.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNREPRESENTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Whitespace-only texts: some XML processors drop them as insignificant. */
const WHITESPACE_ONLY = /^[\t\n\r ]+$/;

/** True when a text must be written base64-encoded to round-trip through any XML processor. */
export function needsEncoding(text: string): boolean {
  return UNREPRESENTABLE.test(text) || WHITESPACE_ONLY.test(text);
}

export function escapeText(text: string): string {
  return text.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

export function escapeAttribute(value: string): string {
  if (UNREPRESENTABLE.test(value)) throw new RangeError(`Attribute value cannot be written in XML: ${JSON.stringify(value)}`);
  return value.replace(/[&<>"'\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `<Name>text</Name>`, base64-encoded when needed; nothing for null (an absent element means null). */
export function textElement(name: string, text: string | null): string {
  if (text === null) return '';
  if (needsEncoding(text)) return `<${name} encoding="${BASE64_UTF16LE}">${Buffer.from(text, 'utf16le').toString('base64')}</${name}>`;
  return `<${name}>${escapeText(text)}</${name}>`;
}

export type AttributeValue = string | number | boolean | null | undefined;

/** ` a="1" b="x"`; booleans as 1/0, null and undefined attributes are left out. */
export function attributes(values: Readonly<Record<string, AttributeValue>>): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue;
    const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
    out += ` ${name}="${escapeAttribute(text)}"`;
  }
  return out;
}

/** The opening of an XML entry: declaration, `<Pool>` and the container element. */
export function openDocument(container: string): string {
  return `${XML_DECLARATION}<Pool>\n<${container}>\n`;
}

export function closeDocument(container: string): string {
  return `</${container}>\n</Pool>\n`;
}
