import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { pkgErrors } from '../errors.js';
import { BASE64_UTF16LE } from './write-xml.js';

/** One element of a record: its attributes, child elements and text. */
export interface XmlNode {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
  text: string;
}

/** Where records sit: `<Pool><container><record …/>…</container></Pool>`. */
export interface XmlShape {
  readonly entry: string;
  readonly container: string;
  readonly record: string;
}

/** Limits that keep a hostile XML entry from exhausting memory (docs/package-format.md, "Limits"). */
export const XML_LIMITS = {
  /** Characters of XML from the start of a record to its end (a room with ~200,000 role rows). */
  maxRecordChars: 16 * 1024 * 1024,
  /** Characters of one text or attribute value. */
  maxTextChars: 64 * 1024,
  /** Element nesting below the record. */
  maxDepth: 4,
} as const;

/**
 * Streams the records of an XML entry, in batches. The parser never processes a DTD: a DOCTYPE
 * is refused (PCMIG-PKG-008), so no entity can be declared, and undeclared entities are errors.
 */
export async function* readXmlRecords(pieces: AsyncIterable<Buffer>, shape: XmlShape, batchSize = 1000): AsyncIterable<XmlNode[]> {
  const malformed = (why: string, cause?: unknown) =>
    pkgErrors.create('PCMIG-PKG-009', {
      message: `${shape.entry}: ${why}.`,
      target: shape.entry,
      reason: { entry: shape.entry, line: parser.line, column: parser.column },
      ...(cause !== undefined ? { cause } : {}),
    });
  const oversized = (why: string) =>
    pkgErrors.create('PCMIG-PKG-011', { message: `${shape.entry}: ${why}.`, target: shape.entry, reason: { entry: shape.entry, line: parser.line, limits: XML_LIMITS } });

  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlNode[] = [];
  let depth = 0;
  let sawContainer = false;
  let ready: XmlNode[] = [];
  let charsSinceBoundary = 0;

  parser.on('doctype', () => {
    throw pkgErrors.create('PCMIG-PKG-008', { message: `${shape.entry} declares a DOCTYPE.`, target: shape.entry, reason: { entry: shape.entry } });
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    depth += 1;
    if (depth === 1) {
      if (tag.name !== 'Pool') throw malformed(`the root element is <${tag.name}>, expected <Pool>`);
    } else if (depth === 2) {
      if (tag.name !== shape.container || sawContainer) throw malformed(`unexpected <${tag.name}> under <Pool>, expected one <${shape.container}>`);
      sawContainer = true;
    } else if (depth === 3) {
      if (tag.name !== shape.record) throw malformed(`unexpected <${tag.name}> in <${shape.container}>, expected <${shape.record}>`);
      stack.push(node(tag));
      charsSinceBoundary = 0;
    } else {
      if (depth - 3 > XML_LIMITS.maxDepth) throw malformed(`elements nest deeper than ${XML_LIMITS.maxDepth} levels in a <${shape.record}>`);
      const child = node(tag);
      (stack.at(-1) as XmlNode).children.push(child);
      stack.push(child);
    }
  });
  const onText = (text: string) => {
    if (stack.length === 0) {
      if (text.trim() !== '') throw malformed(`text outside a <${shape.record}>`);
      return;
    }
    const current = stack.at(-1) as XmlNode;
    if (current.text.length + text.length > XML_LIMITS.maxTextChars) throw oversized(`a text in <${current.name}> exceeds ${XML_LIMITS.maxTextChars} characters`);
    current.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (depth >= 3) {
      const closed = stack.pop() as XmlNode;
      closed.text = detach(closed.text);
      if (closed.children.length > 0 && closed.text.trim() !== '') throw malformed(`<${closed.name}> mixes text and elements`);
      if (depth === 3) {
        ready.push(closed);
        charsSinceBoundary = 0;
      }
    }
    depth -= 1;
  });

  function node(tag: SaxesTagPlain): XmlNode {
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(tag.attributes)) {
      if (value.length > XML_LIMITS.maxTextChars) throw oversized(`attribute ${name} of <${tag.name}> exceeds ${XML_LIMITS.maxTextChars} characters`);
      attributes[name] = detach(value);
    }
    return { name: tag.name, attributes, children: [], text: '' };
  }

  const decoder = new TextDecoder('utf-8', { fatal: true });
  const feed = (text: string) => {
    try {
      parser.write(text);
    } catch (error) {
      if (error instanceof Error && error.name === 'PcmigError') throw error;
      throw malformed((error as Error).message, error);
    }
  };
  for await (const piece of pieces) {
    let text: string;
    try {
      text = decoder.decode(piece, { stream: true });
    } catch (cause) {
      throw malformed('it is not valid UTF-8', cause);
    }
    // Bounded memory: feed in slices and measure how much XML one record (or the gap between two) has taken.
    for (let at = 0; at < text.length; at += 64 * 1024) {
      const slice = text.slice(at, at + 64 * 1024);
      feed(slice);
      charsSinceBoundary += slice.length;
      if (charsSinceBoundary > XML_LIMITS.maxRecordChars) throw oversized(`a <${shape.record}> exceeds ${XML_LIMITS.maxRecordChars} characters`);
      if (ready.length >= batchSize) {
        const batch = ready;
        ready = [];
        yield batch;
      }
    }
  }
  try {
    feed(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof Error && error.name === 'PcmigError') throw error;
    throw malformed((error as Error).message, error);
  }
  if (!sawContainer) throw malformed(`<${shape.container}> is missing`);
  if (ready.length > 0) yield ready;
}

/**
 * A copy of a string that holds no reference to the text it was cut from. The parser's values are
 * slices of the 64 KB piece being parsed; kept as they are, each record would keep its whole piece
 * alive (about 55 MB for the principals and rooms of a 50,000-user directory). A round trip
 * through UTF-8 gives a fresh flat string (a slice of a concatenation would still be a slice, 32
 * bytes more per value, and keep the concatenation), and is exact here: the text was decoded from
 * valid UTF-8, so it holds no lone surrogate. Short strings are copied by V8 anyway.
 */
function detach(value: string): string {
  return value.length < 13 ? value : Buffer.from(value, 'utf8').toString('utf8');
}

/** The text of a text element, decoded when it carries the base64 marker. */
export function elementText(node: XmlNode, entry: string): string {
  const encoding = node.attributes.encoding;
  if (encoding === undefined) return node.text;
  if (encoding !== BASE64_UTF16LE || !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(node.text)) {
    throw pkgErrors.create('PCMIG-PKG-009', {
      message: `${entry}: <${node.name}> has encoding '${encoding}' with text that is not valid base64 of UTF-16LE.`,
      target: entry,
      reason: { entry, element: node.name },
    });
  }
  const bytes = Buffer.from(node.text, 'base64');
  if (bytes.length % 2 !== 0) {
    throw pkgErrors.create('PCMIG-PKG-009', { message: `${entry}: <${node.name}> holds an odd number of UTF-16 bytes.`, target: entry, reason: { entry, element: node.name } });
  }
  return bytes.toString('utf16le');
}
