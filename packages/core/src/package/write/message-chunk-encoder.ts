import { parseFileLinks } from '../../model/file-link.js';
import { pkgErrors } from '../errors.js';
import { fileReferenceLine, type FileReference } from '../format/json-records.js';
import { chunkName, FILE_CHUNK_PREFIX, MESSAGE_CHUNK_PREFIX, PACKAGE_LIMITS } from '../format/package-layout.js';
import type { MessageKey } from '../format/package-manifest.js';
import { DeflateSlots, EntryEncoder, type EncodedEntry } from '../zip/entry-encoder.js';
import type { MessagePage } from './message-pages.js';

/** A message or file-reference chunk entry, compressed and ready for the zip. */
export interface EncodedChunk extends EncodedEntry {
  readonly name: string;
  /** Lines in the chunk. */
  readonly records: number;
  /** Message chunks only: their first and last message. */
  readonly keys?: { readonly firstMessage: MessageKey; readonly lastMessage: MessageKey };
}

export interface MessageChunkTotals {
  readonly messages: number;
  readonly fileReferences: number;
  /** The authors the pages named (MessagePage.authorIds), duplicates removed. */
  readonly authorIds: readonly number[];
}

/**
 * The message and file-reference chunks of a package, in the order they go into the zip, from
 * wherever they are encoded (this thread, or a worker reading ahead).
 */
export interface MessageChunks extends AsyncIterable<EncodedChunk> {
  /** Tells the producer that a chunk's bytes are in the sink, so that it may read further ahead. */
  written(chunk: EncodedChunk): void;
  /** Known once the last chunk has been read. */
  totals(): MessageChunkTotals;
  /** Stops the producer (after a failure or at the end); may be called more than once. */
  close(): Promise<void>;
}

export interface ChunkEncoderOptions {
  /** zlib level 0–9. */
  readonly level: number;
  /** Parts compressing at once (default 4, enough to keep two cores busy). */
  readonly maxInFlight?: number;
  /** Closed chunks compressing before the oldest is handed out (default 4). */
  readonly window?: number;
}

const LINK_MARKER = Buffer.from('ma-filelink:');
const KEY_PATTERN = /^\{"roomId":(\d+),"chatId":(\d+),/;

/**
 * Cuts message lines into chunk entries (pcmig/messages/NNNNNNNN.jsonl) and compresses them: a
 * chunk is closed after the line that brings it to PACKAGE_LIMITS.chunkBytes, so boundaries
 * depend only on the data. The file links found in the lines go to pcmig/files/NNNNNNNN.jsonl
 * chunks, placed between message chunks whenever a full one is ready, and at the end. The parts of
 * several chunks compress at once; chunks come out in order.
 */
export class MessageChunkEncoder {
  private readonly slots: DeflateSlots;
  private readonly window: number;
  private result?: MessageChunkTotals;

  constructor(options: ChunkEncoderOptions) {
    this.slots = new DeflateSlots(options.level, Math.max(1, options.maxInFlight ?? 4));
    this.window = Math.max(1, options.window ?? 4);
  }

  /** Known once encode() has run to its end. */
  get totals(): MessageChunkTotals {
    if (!this.result) throw new Error('The message chunks have not all been encoded');
    return this.result;
  }

  async *encode(pages: AsyncIterable<MessagePage>): AsyncGenerator<EncodedChunk> {
    const ready: Promise<EncodedChunk>[] = [];
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

    const encodeChunk = async (name: string, records: number, fill: (encoder: EntryEncoder) => Promise<void>, keys?: EncodedChunk['keys']) => {
      const encoder = new EntryEncoder(this.slots);
      await fill(encoder);
      await encoder.close();
      const encoded = encoder.encoded.then((e): EncodedChunk => ({ name, records, ...(keys ? { keys } : {}), ...e }));
      encoded.catch(() => undefined); // observed when handed out
      ready.push(encoded);
    };

    const closeFileChunk = async () => {
      fileChunkIndex += 1;
      const text = files.join('');
      await encodeChunk(chunkName(FILE_CHUNK_PREFIX, fileChunkIndex), filesCount, (encoder) => encoder.writeText(text));
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
      const chunk = pieces;
      await encodeChunk(
        chunkName(MESSAGE_CHUNK_PREFIX, chunkIndex),
        count,
        async (encoder) => {
          for (const piece of chunk) await encoder.write(piece);
        },
        { firstMessage, lastMessage },
      );
      messages += count;
      pieces = [];
      bytes = 0;
      count = 0;
      first = undefined;
      if (filesBytes >= PACKAGE_LIMITS.chunkBytes) await closeFileChunk();
    };

    for await (const page of pages) {
      if (page.authorIds) for (const id of page.authorIds) authorIds.add(id);
      const buffer = page.bytes;
      if (buffer.length > 0 && buffer[buffer.length - 1] !== 0x0a) throw new Error('A message page must end with a line feed');
      for (const reference of fileReferencesIn(buffer)) {
        const line = fileReferenceLine(reference);
        files.push(line);
        filesBytes += Buffer.byteLength(line);
        filesCount += 1;
        fileReferences += 1;
      }
      // Fast path: the whole page fits below the boundary and cannot hold an over-long line.
      if (bytes + buffer.length < PACKAGE_LIMITS.chunkBytes && buffer.length <= PACKAGE_LIMITS.lineBytes && buffer.length > 0) {
        if (count === 0) first = keyOf(buffer);
        pieces.push(buffer);
        bytes += buffer.length;
        count += page.count;
        lastLine = buffer.subarray(buffer.lastIndexOf(0x0a, buffer.length - 2) + 1);
      } else {
        let start = 0;
        let pageLines = 0;
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
      while (ready.length > this.window) yield await (ready.shift() as Promise<EncodedChunk>);
    }
    await closeChunk();
    if (filesCount > 0) await closeFileChunk();
    while (ready.length > 0) yield await (ready.shift() as Promise<EncodedChunk>);
    this.result = { messages, fileReferences, authorIds: [...authorIds] };
  }
}

/** Encodes the pages on this thread, as the chunks of a package. */
export function encodedOnThisThread(pages: AsyncIterable<MessagePage>, options: ChunkEncoderOptions): MessageChunks {
  const encoder = new MessageChunkEncoder(options);
  const chunks = encoder.encode(pages);
  return {
    [Symbol.asyncIterator]: () => chunks,
    written: () => undefined,
    totals: () => encoder.totals,
    close: async () => {
      await chunks.return(undefined);
    },
  };
}

function keyOf(line: Buffer): MessageKey {
  const match = KEY_PATTERN.exec(line.toString('latin1', 0, Math.min(line.length, 64)));
  if (!match) throw new Error('A message line does not start with its room id and chatId');
  return { roomId: Number(match[1]), chatId: Number(match[2]) };
}

/** The file links of the messages in a page (only lines holding the marker are parsed). */
function fileReferencesIn(buffer: Buffer): FileReference[] {
  const references: FileReference[] = [];
  for (let hit = buffer.indexOf(LINK_MARKER); hit >= 0; ) {
    const start = buffer.lastIndexOf(0x0a, hit) + 1;
    const end = buffer.indexOf(0x0a, hit);
    const message = JSON.parse(buffer.toString('utf8', start, end)) as { roomId: number; chatId: number; content: string };
    for (const link of parseFileLinks(message.content)) {
      references.push({ roomId: message.roomId, chatId: message.chatId, path: link.path, link: link.raw });
    }
    hit = buffer.indexOf(LINK_MARKER, end);
  }
  return references;
}
