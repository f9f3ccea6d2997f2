import { MESSAGE_CHUNK_PREFIX } from '../format/package-layout.js';
import type { ManifestEntry } from '../format/package-manifest.js';
import type { ZipWriter } from '../zip/zip-writer.js';
import type { MessageChunks } from './message-chunk-encoder.js';
import { settledLater } from './settled-later.js';

export interface MessageChunksResult {
  readonly messages: number;
  readonly fileReferences: number;
  readonly authorIds: readonly number[];
  /** Manifest entries, settled once the chunks are in the sink. */
  readonly entries: Promise<ManifestEntry>[];
}

/** Chunks appended but not yet in the sink before the next waits (bounds memory when the sink is slow). */
const UNWRITTEN_CHUNKS = 8;

/**
 * Appends the message and file-reference chunks (MessageChunkEncoder) to the zip in the order
 * they come, and tells their producer when each is in the sink, so that it reads ahead by a
 * bounded amount.
 */
export async function writeMessageChunks(zip: ZipWriter, chunks: MessageChunks, onChunk: (messagesSoFar: number) => void): Promise<MessageChunksResult> {
  const entries: Promise<ManifestEntry>[] = [];
  const unwritten: Promise<unknown>[] = [];
  let messages = 0;
  for await (const chunk of chunks) {
    const written = zip.append(chunk.name, chunk);
    written.then(() => chunks.written(chunk), () => undefined);
    unwritten.push(written);
    if (unwritten.length > UNWRITTEN_CHUNKS) await unwritten.shift();
    entries.push(settledLater(written.then((w): ManifestEntry => ({ name: w.name, size: w.size, sha256: w.sha256, records: chunk.records, ...(chunk.keys ?? {}) }))));
    if (chunk.name.startsWith(MESSAGE_CHUNK_PREFIX)) {
      messages += chunk.records;
      onChunk(messages);
    }
  }
  const totals = chunks.totals();
  if (totals.messages !== messages) throw new Error(`The message chunks held ${messages} messages, their producer counted ${totals.messages}`);
  return { messages, fileReferences: totals.fileReferences, authorIds: totals.authorIds, entries };
}
