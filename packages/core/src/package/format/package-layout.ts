/**
 * The entries of a package and the limits both the writer and the reader hold to
 * (docs/package-format.md). Microsoft's four XML files sit at the root, in Microsoft's shape;
 * everything pcmig adds lives under pcmig/.
 */

export const FORMAT_NAME = 'pcmig-persistent-chat-export';
/** Raised for any change a reader of the previous version could misread (docs/package-format.md, "Versioning"). */
export const FORMAT_VERSION = 1;

export const EntryName = {
  users: 'AdUsers.xml',
  groups: 'AdGroups.xml',
  affiliations: 'AdAffiliations.xml',
  chatRooms: 'ChatRooms.xml',
  categories: 'pcmig/categories.json',
  addins: 'pcmig/addins.json',
  manifest: 'pcmig/manifest.json',
} as const;

export const MESSAGE_CHUNK_PREFIX = 'pcmig/messages/';
export const FILE_CHUNK_PREFIX = 'pcmig/files/';
const CHUNK_PATTERN = /^pcmig\/(messages|files)\/(\d{8})\.jsonl$/;

/** pcmig/messages/00000001.jsonl, … (numbered from 1, eight digits). */
export function chunkName(prefix: typeof MESSAGE_CHUNK_PREFIX | typeof FILE_CHUNK_PREFIX, index: number): string {
  return `${prefix}${String(index).padStart(8, '0')}.jsonl`;
}

export function chunkKind(name: string): { kind: 'messages' | 'files'; index: number } | undefined {
  const match = CHUNK_PATTERN.exec(name);
  return match ? { kind: match[1] as 'messages' | 'files', index: Number(match[2]) } : undefined;
}

export const PACKAGE_LIMITS = {
  /** A chunk entry is closed after the line that brings it to this many bytes. */
  chunkBytes: 2 * 1024 * 1024,
  /** One message or file-reference line, '\n' included. */
  lineBytes: 32 * 1024 * 1024,
  /** A chunk entry: chunkBytes plus one line of at most lineBytes. */
  chunkEntryBytes: 2 * 1024 * 1024 + 32 * 1024 * 1024,
  /** pcmig/manifest.json, pcmig/categories.json, pcmig/addins.json. */
  jsonEntryBytes: 256 * 1024 * 1024,
} as const;
