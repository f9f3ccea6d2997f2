import { FILE_LINK_MARKER, parseFileLinks } from '../../model/file-link.js';
import { pkgErrors } from '../errors.js';
import { fileReferenceLine, type FileReference } from '../format/json-records.js';
import { chunkName, FILE_CHUNK_PREFIX, MESSAGE_CHUNK_PREFIX, PACKAGE_LIMITS } from '../format/package-layout.js';
import type { ManifestEntry, MessageKey } from '../format/package-manifest.js';
import type { WrittenEntry, ZipWriter } from '../zip/zip-writer.js';
import type { MessagePage } from './message-pages.js';
import { settledLater } from './settled-later.js';

export interface MessageChunksResult {
  readonly messages: number;
  readonly fileReferences: number;
  readonly authorIds: ReadonlySet<number>;
  /** Manifest entries, settled once the chunks are in the sink. */
  readonly entries: Promise<ManifestEntry>[];
}

const LINK_MARKER = Buffer.from(FILE_LINK_MARKER);
const KEY_PATTERN = /^\{"roomId":(\d+),"chatId":(\d+),/;

/**
 * Cuts the message lines into chunk entries (pcmig/messages/NNNNNNNN.jsonl): a chunk is closed
 * after the line that brings it to PACKAGE_LIMITS.chunkBytes, so boundaries depend only on the
 * data. The file links found in the lines go to pcmig/files/NNNNNNNN.jsonl chunks, written
 * between message chunks whenever a full one is ready, and at the end.
 */
export async function writeMessageChunks(
  zip: ZipWriter,
  pages: AsyncIterable<MessagePage>,
  onChunk: (messagesSoFar: number) => void,
): Promise<MessageChunksResult> {
  const entries: Promise<ManifestEntry>[] = [];
  const authorIds = new Set<number>();
  let messages = 0;
  let fileReferences = 0;
  let chunkIndex = 0;
  let fileChunkIndex = 0;
  let pieces: Buffer[] = [];
  let bytes = 0;
  let count = 0;
  let first: MessageKey | undefined;
  let previousLast: MessageKey | undefined;
  let lastLine: Buffer | undefined;
  // File-reference lines waiting for their chunk, and their size (kept as a count: measuring a
  // growing string would flatten it again at every message chunk).
  let files: string[] = [];
  let filesBytes = 0;
  let filesCount = 0;

  const manifestEntry = (written: Promise<WrittenEntry>, records: number, keys?: { firstMessage: MessageKey; lastMessage: MessageKey }) =>
    settledLater(written.then((w): ManifestEntry => ({ name: w.name, size: w.size, sha256: w.sha256, records, ...(keys ?? {}) })));

  const writeFileChunk = async () => {
    fileChunkIndex += 1;
    const entry = zip.open(chunkName(FILE_CHUNK_PREFIX, fileChunkIndex));
    await entry.writeText(files.join(''));
    await entry.close();
    entries.push(manifestEntry(entry.written, filesCount));
    files = [];
    filesBytes = 0;
    filesCount = 0;
  };

  const closeChunk = async () => {
    if (count === 0) return;
    const firstMessage = first as MessageKey;
    const lastMessage = keyOf(lastLine as Buffer);
    if (previousLast && (previousLast.roomId > firstMessage.roomId || (previousLast.roomId === firstMessage.roomId && previousLast.chatId >= firstMessage.chatId))) {
      throw pkgErrors.create('PCMIG-PKG-017', {
        message: `The source returned message (${firstMessage.roomId}, ${firstMessage.chatId}) after (${previousLast.roomId}, ${previousLast.chatId}); messages must come in (room, chatId) order.`,
        reason: { previous: previousLast, next: firstMessage },
      });
    }
    previousLast = lastMessage;
    chunkIndex += 1;
    const entry = zip.open(chunkName(MESSAGE_CHUNK_PREFIX, chunkIndex));
    for (const piece of pieces) await entry.write(piece);
    await entry.close();
    entries.push(manifestEntry(entry.written, count, { firstMessage, lastMessage }));
    messages += count;
    pieces = [];
    bytes = 0;
    count = 0;
    first = undefined;
    onChunk(messages);
    if (filesBytes >= PACKAGE_LIMITS.chunkBytes) await writeFileChunk();
  };

  for await (const page of pages) {
    if (page.authorIds) for (const id of page.authorIds) authorIds.add(id);
    const buffer = page.bytes;
    if (buffer.length > 0 && buffer[buffer.length - 1] !== 0x0a) throw new Error('A message page must end with a line feed');
    for (const reference of fileReferencesIn(buffer, page.fileLinkLines)) {
      const line = fileReferenceLine(reference);
      files.push(line);
      filesBytes += Buffer.byteLength(line);
      filesCount += 1;
      fileReferences += 1;
    }
    let start = 0;
    let pageLines = 0;
    // Fast path: the whole page fits below the boundary and cannot hold an over-long line.
    if (bytes + buffer.length < PACKAGE_LIMITS.chunkBytes && buffer.length <= PACKAGE_LIMITS.lineBytes && buffer.length > 0) {
      if (count === 0) first = keyOf(buffer);
      pieces.push(buffer);
      bytes += buffer.length;
      count += page.count;
      lastLine = buffer.subarray(buffer.lastIndexOf(0x0a, buffer.length - 2) + 1);
      continue;
    }
    for (let at = 0; at < buffer.length; ) {
      const end = buffer.indexOf(0x0a, at) + 1;
      const length = end - at;
      if (length > PACKAGE_LIMITS.lineBytes) {
        const key = keyOf(buffer.subarray(at, Math.min(end, at + 64)));
        throw pkgErrors.create('PCMIG-PKG-016', {
          message: `Message (${key.roomId}, ${key.chatId}) takes ${length} bytes; a package line holds at most ${PACKAGE_LIMITS.lineBytes}.`,
          reason: { roomId: key.roomId, chatId: key.chatId, bytes: length, limit: PACKAGE_LIMITS.lineBytes },
        });
      }
      if (count === 0) first = keyOf(buffer.subarray(at, end));
      lastLine = buffer.subarray(at, end);
      bytes += length;
      count += 1;
      pageLines += 1;
      at = end;
      if (bytes >= PACKAGE_LIMITS.chunkBytes) {
        pieces.push(buffer.subarray(start, end));
        start = end;
        await closeChunk();
      }
    }
    if (start < buffer.length) pieces.push(buffer.subarray(start));
    if (pageLines !== page.count) throw new Error(`A message page announced ${page.count} lines and held ${pageLines}`);
  }
  await closeChunk();
  if (filesCount > 0) await writeFileChunk();
  return { messages, fileReferences, authorIds, entries };
}

function keyOf(line: Buffer): MessageKey {
  const match = KEY_PATTERN.exec(line.toString('latin1', 0, Math.min(line.length, 64)));
  if (!match) throw new Error('A message line does not start with its room id and chatId');
  return { roomId: Number(match[1]), chatId: Number(match[2]) };
}

/**
 * The file links of the messages in a page: only lines holding the marker are parsed, those at
 * `lineStarts` when the source found them, else those a search of the page finds.
 */
function fileReferencesIn(buffer: Buffer, lineStarts?: readonly number[]): FileReference[] {
  const references: FileReference[] = [];
  const parse = (start: number, end: number) => {
    const message = JSON.parse(buffer.toString('utf8', start, end)) as { roomId: number; chatId: number; content: string };
    for (const link of parseFileLinks(message.content)) {
      references.push({ roomId: message.roomId, chatId: message.chatId, path: link.path, link: link.raw });
    }
  };
  if (lineStarts) {
    for (const start of lineStarts) parse(start, buffer.indexOf(0x0a, start));
    return references;
  }
  for (let hit = buffer.indexOf(LINK_MARKER); hit >= 0; ) {
    const end = buffer.indexOf(0x0a, hit);
    parse(buffer.lastIndexOf(0x0a, hit) + 1, end);
    hit = buffer.indexOf(LINK_MARKER, end);
  }
  return references;
}
