import { directoryErrors } from '../errors/directory-errors.js';

/** One attribute=value pair of a relative distinguished name. */
export interface Ava {
  readonly type: string;
  readonly value: string;
}
/** A relative distinguished name: one AVA, or several joined by + (multi-valued). */
export type Rdn = readonly Ava[];

const TYPE_PATTERN = /^(?:[A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)+)$/;
const HEX_PAIR = /^[0-9A-Fa-f]{2}$/;
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const SPECIALS = new Set([',', '+', '"', '\\', '<', '>', ';', '=', '#', ' ']);

/**
 * Parses a DN (RFC 4514, accepting the spaces around separators that RFC 2253 parsers and
 * administrators write). Values come back unescaped. Throws PCMIG-DIR-007.
 */
export function parseDn(text: string): Rdn[] {
  const fail = (why: string) =>
    directoryErrors.create('PCMIG-DIR-007', { message: `'${text}' is not a distinguished name: ${why}.`, target: text });
  const rdns: Ava[][] = [];
  let i = 0;
  const skipSpaces = () => {
    while (text[i] === ' ') i++;
  };
  skipSpaces();
  if (i === text.length) return [];
  let current: Ava[] = [];
  for (;;) {
    skipSpaces();
    const typeStart = i;
    while (i < text.length && text[i] !== '=' && text[i] !== ',' && text[i] !== '+') i++;
    const type = text.slice(typeStart, i).trim();
    if (text[i] !== '=') throw fail(`'${type}' has no =value`);
    if (!TYPE_PATTERN.test(type)) throw fail(`'${type}' is not an attribute type`);
    i++;
    skipSpaces();
    const value = readValue();
    current.push({ type, value });
    skipSpaces();
    if (i === text.length) {
      rdns.push(current);
      return rdns;
    }
    const separator = text[i];
    i++;
    if (separator === ',' || separator === ';') {
      rdns.push(current);
      current = [];
    } else if (separator !== '+') {
      throw fail(`unexpected '${separator}' at position ${i - 1}`);
    }
  }

  function readValue(): string {
    if (text[i] === '#') {
      // A BER-encoded value (#hex): kept as written, compared as written.
      const start = i;
      i++;
      while (i < text.length && /[0-9A-Fa-f]/.test(text[i]!)) i++;
      if ((i - start - 1) % 2 !== 0 || i - start === 1) throw fail('a #value needs an even number of hex digits');
      return text.slice(start, i);
    }
    if (text[i] === '"') {
      // RFC 2253 quoted value.
      i++;
      let out = '';
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\') {
          out += text[i + 1] ?? '';
          i += 2;
        } else out += text[i++];
      }
      if (text[i] !== '"') throw fail('a quoted value is not closed');
      i++;
      return out;
    }
    const bytes: number[] = [];
    let trailingUnescapedSpaces = 0;
    const pushText = (chars: string) => bytes.push(...Buffer.from(chars, 'utf8'));
    while (i < text.length && text[i] !== ',' && text[i] !== '+' && text[i] !== ';') {
      if (text[i] === '\\') {
        const next = text.slice(i + 1, i + 3);
        if (HEX_PAIR.test(next)) {
          bytes.push(parseInt(next, 16));
          i += 3;
        } else if (text[i + 1] !== undefined && SPECIALS.has(text[i + 1]!)) {
          pushText(text[i + 1]!);
          i += 2;
        } else {
          throw fail(`invalid escape at position ${i}`);
        }
        trailingUnescapedSpaces = 0;
        continue;
      }
      // Whole code points, so that characters outside the BMP stay intact.
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      if (ch === '"' || ch === '<' || ch === '>' || ch === '=') throw fail(`'${ch}' must be escaped at position ${i}`);
      trailingUnescapedSpaces = ch === ' ' ? trailingUnescapedSpaces + 1 : 0;
      pushText(ch);
      i += ch.length;
    }
    try {
      return UTF8.decode(Uint8Array.from(bytes.slice(0, bytes.length - trailingUnescapedSpaces)));
    } catch {
      throw fail('an escaped value is not UTF-8');
    }
  }
}

/** Escapes one attribute value for a DN (RFC 4514 §2.4). */
export function escapeDnValue(value: string): string {
  let out = '';
  for (let index = 0; index < value.length; index++) {
    const ch = value[index]!;
    if (ch === '\0') out += '\\00';
    else if (',+"\\<>;='.includes(ch)) out += `\\${ch}`;
    else if ((ch === '#' || ch === ' ') && index === 0) out += `\\${ch}`;
    else if (ch === ' ' && index === value.length - 1) out += '\\ ';
    else out += ch;
  }
  return out;
}

export function formatDn(rdns: readonly Rdn[]): string {
  return rdns.map((rdn) => rdn.map((ava) => `${ava.type}=${escapeDnValue(ava.value)}`).join('+')).join(',');
}

/** Builds `TYPE=value,<parent>` with the value escaped. */
export function childDn(type: string, value: string, parent: string): string {
  return parent === '' ? `${type}=${escapeDnValue(value)}` : `${type}=${escapeDnValue(value)},${parent}`;
}

/**
 * The canonical form used to compare DNs: types and values in lower case (AD and the Lync
 * attributes compare DNs case-insensitively), multi-valued RDNs sorted, values re-escaped.
 */
export function normalizeDn(text: string): string {
  return parseDn(text)
    .map((rdn) =>
      rdn
        .map((ava) => `${ava.type.toLowerCase()}=${escapeDnValue(ava.value.toLowerCase())}`)
        .sort()
        .join('+'),
    )
    .join(',');
}

export function sameDn(a: string, b: string): boolean {
  return normalizeDn(a) === normalizeDn(b);
}

/** The parent's DN, or null for a single-RDN name. */
export function parentDn(text: string): string | null {
  const rdns = parseDn(text);
  return rdns.length <= 1 ? null : formatDn(rdns.slice(1));
}

/** True when `dn` is `base` or lies below it. */
export function isWithinDn(dn: string, base: string): boolean {
  const inner = normalizeDn(dn);
  const outer = normalizeDn(base);
  return outer === '' || inner === outer || inner.endsWith(`,${outer}`);
}

/** The value of the first RDN (e.g. the CN of an entry). */
export function firstRdnValue(text: string): string {
  const first = parseDn(text)[0];
  if (!first) throw directoryErrors.create('PCMIG-DIR-007', { message: 'An empty distinguished name has no first RDN.', target: text });
  return first[0]!.value;
}
