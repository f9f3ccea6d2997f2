/**
 * File posts appear in message content as ma-filelink: links. Microsoft does not document the
 * grammar (docs/legacy-schema.md, "File links"); pcmig reads and writes this one:
 *
 *   ma-filelink:///<segment>/<segment>/…/<file name>
 *
 * each segment percent-encoded (RFC 3986), the path relative to the file store root. A link
 * ends at whitespace or at the end of the content.
 */

/** What every file link starts with: a text without it holds none (searched for before any parsing). */
export const FILE_LINK_MARKER = 'ma-filelink:';
const LINK_PATTERN = /ma-filelink:\/\/\/([^\s]+)/g;

export interface FileLink {
  /** The link text as it appears in the content. */
  readonly raw: string;
  /** The decoded, '/'-separated path relative to the file store root. */
  readonly path: string;
}

/** Every file link of a message body; links that do not decode to a safe relative path are skipped. */
export function parseFileLinks(content: string): FileLink[] {
  if (!content.includes(FILE_LINK_MARKER)) return [];
  const links: FileLink[] = [];
  for (const match of content.matchAll(LINK_PATTERN)) {
    const path = decodeLinkPath(match[1] ?? '');
    if (path !== undefined) links.push({ raw: match[0], path });
  }
  return links;
}

/** The link text for a store-relative path. */
export function formatFileLink(path: string): string {
  const segments = path.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    throw new RangeError(`Not a relative file-store path: ${path}`);
  }
  return `${FILE_LINK_MARKER}///${segments.map(encodeURIComponent).join('/')}`;
}

function decodeLinkPath(encoded: string): string | undefined {
  let segments: string[];
  try {
    segments = encoded.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..' || /[\\/\0]/.test(segment))) {
    return undefined;
  }
  return segments.join('/');
}
