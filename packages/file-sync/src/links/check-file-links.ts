import path from 'node:path';
import type { MssqlCredentials, ProgressListener } from '@pcmig/core';
import { fsErrors } from '../errors.js';
import { errorCode, nodeFileSystem, type CopyFileSystem } from '../fs/copy-file-system.js';
import { foldNtfsCase } from '../paths/fold-case.js';
import { formatCount } from '../progress/format-units.js';
import { scanStoreFiles, type StoreIndex } from './scan-store-files.js';

export const LINK_CHECK_ACTIVITY = 'Test-CsPersistentChatFileLink';

export interface LinkCheckOptions {
  /** The imported Persistent Chat database (-DBInstance). */
  readonly dbInstance: string;
  readonly dbName?: string;
  readonly credentials?: MssqlCredentials;
  /** The Persistent Chat file store folder that ma-filelink paths are relative to. */
  readonly destination: string;
  readonly onProgress?: ProgressListener;
  readonly fileSystem?: CopyFileSystem;
}

interface LinkPlace {
  readonly roomId: number;
  readonly room: string;
  readonly chatId: number;
  /** When the message was posted (UTC, ISO 8601). */
  readonly postedAt: string;
}

/** A message whose file reference does not resolve in the store; `path` is the link's store-relative path. */
export type LinkProblem =
  | ({ readonly code: 'missing-file'; readonly path: string } & LinkPlace)
  | ({ readonly code: 'not-a-file'; readonly path: string } & LinkPlace)
  | ({ readonly code: 'malformed-link'; readonly path: string } & LinkPlace)
  | { readonly code: 'unreadable-folder'; readonly path: string; readonly reason: string };

export interface LinkCheckResult {
  readonly destination: string;
  /** The database checked, as safe for logs (no credentials). */
  readonly database: string;
  readonly rooms: number;
  readonly messages: number;
  readonly messagesWithLinks: number;
  readonly links: number;
  readonly resolved: number;
  /** Resolved only because NTFS compares names case-insensitively (they differ in case). */
  readonly resolvedIgnoringCase: number;
  /** Files of the store that no message links to (kept; listed for information). */
  readonly unreferencedFiles: number;
  readonly problems: readonly LinkProblem[];
  readonly status: 'Success' | 'Failed';
  /** 0 when every link resolves, 8 otherwise (the copy's mapping). */
  readonly exitCode: number;
  readonly elapsedMs: number;
}

const LINK_MARK = 'ma-filelink:';

/**
 * The words of a message that carry a link mark but did not parse as a link. The grammar itself
 * is core's parseFileLinks; this only locates the text for the report.
 */
function unparsedLinks(content: string, parsed: readonly { raw: string }[]): string[] {
  const raws = new Set(parsed.map((link) => link.raw));
  return content
    .split(/\s+/)
    .filter((word) => word.includes(LINK_MARK))
    .filter((word) => ![...raws].some((raw) => word.includes(raw)));
}

/**
 * The link check: every ma-filelink reference of every message in the target database must name
 * a file of the destination store. Run it after Import-CsPersistentChatData and the file copy.
 */
export async function checkFileLinks(options: LinkCheckOptions): Promise<LinkCheckResult> {
  const started = performance.now();
  // Loaded here, not with the package: the domain model, zod and the database drivers take 0.3 to
  // 0.7 s to load, a fifth of a whole copy of 1 GiB, which needs none of them.
  const { PersistentChatStore, openPool, parseFileLinks, throttleProgress, ticksToIso } = await import('@pcmig/core');
  const fs = options.fileSystem ?? nodeFileSystem;
  const destination = path.resolve(options.destination);
  let root: string;
  try {
    root = fs.realpath(destination);
  } catch (error) {
    throw fsErrors.create('PCMIG-FS-002', { message: `The file store ${destination} does not exist.`, target: destination, cause: error });
  }
  if (fs.lstat(root).kind !== 'dir') throw fsErrors.create('PCMIG-FS-003', { message: `The file store ${destination} is not a folder.`, target: destination });
  let index: StoreIndex;
  try {
    index = scanStoreFiles(fs, root);
  } catch (error) {
    throw fsErrors.create('PCMIG-FS-007', { message: `The file store ${destination} cannot be read.`, target: destination, reason: { code: errorCode(error) }, cause: error });
  }

  const emit = throttleProgress(options.onProgress);
  const problems: LinkProblem[] = index.unreadable.map((u) => ({ code: 'unreadable-folder', path: u.path, reason: u.reason }));
  const referenced = new Set<string>();
  let messages = 0;
  let messagesWithLinks = 0;
  let links = 0;
  let resolved = 0;
  let resolvedIgnoringCase = 0;

  const pool = await openPool({
    dbInstance: options.dbInstance,
    access: 'read',
    role: 'target',
    ...(options.dbName !== undefined ? { dbName: options.dbName } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  let rooms = 0;
  try {
    const store = new PersistentChatStore(pool);
    const list = await store.rooms();
    rooms = list.length;
    for (const [n, room] of list.entries()) {
      emit({ activity: LINK_CHECK_ACTIVITY, status: `Room ${formatCount(n + 1)} of ${formatCount(list.length)}: ${room.name}`, percentComplete: Math.floor((n / Math.max(1, list.length)) * 100) });
      for await (const batch of store.roomMessages(room.id)) {
        for (const message of batch) {
          messages += 1;
          if (!message.content.includes(LINK_MARK)) continue;
          messagesWithLinks += 1;
          const place: LinkPlace = { roomId: room.id, room: room.name, chatId: message.chatId, postedAt: ticksToIso(message.timestamp) };
          const parsed = parseFileLinks(message.content);
          for (const text of unparsedLinks(message.content, parsed)) problems.push({ code: 'malformed-link', path: text, ...place });
          for (const link of parsed) {
            links += 1;
            if (index.files.has(link.path)) {
              resolved += 1;
              referenced.add(link.path);
              continue;
            }
            const stored = index.folded.get(foldNtfsCase(link.path));
            if (stored !== undefined && index.files.has(stored)) {
              resolved += 1;
              resolvedIgnoringCase += 1;
              referenced.add(stored);
            } else if (stored !== undefined || index.folders.has(link.path)) {
              problems.push({ code: 'not-a-file', path: link.path, ...place });
            } else {
              problems.push({ code: 'missing-file', path: link.path, ...place });
            }
          }
        }
      }
    }
  } finally {
    await pool.close();
  }
  const status = problems.length === 0 ? 'Success' : 'Failed';
  emit({ activity: LINK_CHECK_ACTIVITY, status: `${status}: ${formatCount(resolved)} of ${formatCount(links)} links resolve`, percentComplete: 100, completed: true });
  return {
    destination: root,
    database: pool.description,
    rooms,
    messages,
    messagesWithLinks,
    links,
    resolved,
    resolvedIgnoringCase,
    unreferencedFiles: index.files.size - referenced.size,
    problems,
    status,
    exitCode: status === 'Success' ? 0 : 8,
    elapsedMs: performance.now() - started,
  };
}
