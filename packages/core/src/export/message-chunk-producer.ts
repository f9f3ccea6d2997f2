import type { MessagePort } from 'node:worker_threads';
import { SqliteConnection } from '../db/sqlite/sqlite-connection.js';
import { MessageTally } from '../package/format/message-line-scan.js';
import { MessageChunkEncoder } from '../package/write/message-chunk-encoder.js';
import type { MessagePage } from '../package/write/message-pages.js';
import type { ChunkProducerTask, ConsumerMessage, ProducerMessage } from './message-chunk-protocol.js';
import { sqliteMessagePages } from './sqlite-message-pages.js';
import { errorToWire } from './thread-errors.js';
import { TransferBuffers } from './transfer-buffers.js';

/** Each page is read once, in key order: a page cache beyond a few MiB would only hold pages never read again (the default is 16 MiB). */
const PAGE_CACHE_KIB = 2048;

/**
 * Reads the exported messages with a read-only connection of its own (sqliteMessagePages: lines
 * built in SQL, checked and tallied), cuts and compresses them into chunks
 * (MessageChunkEncoder) and posts each chunk through `port`, at most `aheadBytes` of compressed
 * bytes ahead of the consumer. Runs on a worker thread, so that SQLite's work overlaps the
 * deflate and the main thread's directory; ends with 'end' (totals and tally) or 'error'.
 */
export async function produceMessageChunks(port: MessagePort, task: ChunkProducerTask): Promise<void> {
  const post = (message: ProducerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  let connection: SqliteConnection | undefined;
  try {
    const replies = new ConsumerReplies(port, new TransferBuffers(task.aheadBytes));
    connection = SqliteConnection.open({ engine: 'sqlite', path: task.database }, { readOnly: true });
    connection.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    const tally = new MessageTally();
    const pages = sqliteMessagePages(connection, task.rooms, {
      since: task.since,
      withRtf: task.withRtf,
      tally,
      fallback: (room, after, upto) => {
        post({ type: 'fallback', room, after, upto });
        return replies.page();
      },
    });
    const encoder = new MessageChunkEncoder({ level: task.level });
    for await (const { parts, ...chunk } of encoder.encode(pages)) {
      const length = parts.reduce((n, p) => n + p.length, 0);
      const data = await replies.buffers.take(length);
      const view = Buffer.from(data);
      let at = 0;
      for (const part of parts) at += part.copy(view, at);
      post({ type: 'chunk', chunk, data, length }, [data]);
    }
    post({ type: 'end', totals: encoder.totals, tally: tally.snapshot() });
  } catch (error) {
    post({ type: 'error', error: errorToWire(error) });
  } finally {
    await connection?.close();
  }
}

/** The consumer's answers: buffers of chunks in the sink, and fallback pages. */
class ConsumerReplies {
  private pending?: { resolve: (page: MessagePage) => void; reject: (error: Error) => void };
  private closed?: Error;

  constructor(
    port: MessagePort,
    readonly buffers: TransferBuffers,
  ) {
    // The consumer stopped (it failed, or closed early): stop reading and release the connection.
    port.on('close', () => {
      this.closed = new Error('The consumer of the message chunks has stopped');
      buffers.stop(this.closed);
      this.pending?.reject(this.closed);
    });
    port.on('message', (message: ConsumerMessage) => {
      if (message.type === 'written') {
        buffers.returned(message.buffer);
      } else {
        const bytes = message.bytes;
        this.pending?.resolve({ bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), count: message.count });
        this.pending = undefined;
      }
    });
  }

  /** The consumer's answer to the 'fallback' just posted. */
  page(): Promise<MessagePage> {
    if (this.closed) return Promise.reject(this.closed);
    return new Promise((resolve, reject) => (this.pending = { resolve, reject }));
  }
}
