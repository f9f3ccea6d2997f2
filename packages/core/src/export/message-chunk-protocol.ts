import type { Ticks } from '../model/ticks.js';
import type { TallySnapshot } from '../package/format/message-line-scan.js';
import type { EncodedChunk, MessageChunkTotals } from '../package/write/message-chunk-encoder.js';
import type { RoomToExport } from './sqlite-message-pages.js';
import type { WireError } from './thread-errors.js';

/** What the message-chunk producer is asked to read and encode (the worker's workerData). */
export interface ChunkProducerTask {
  /** The SQLite pool database, opened read-only a second time. */
  readonly database: string;
  readonly rooms: readonly RoomToExport[];
  readonly since: Ticks | null;
  readonly withRtf: boolean;
  readonly level: number;
  /**
   * Compressed bytes handed over but not yet in the sink, at most (a single chunk larger than
   * that still passes): the buffers that carry them, which the consumer hands back for reuse.
   */
  readonly aheadBytes: number;
}

/** Producer → consumer, in order. */
export type ProducerMessage =
  /** A chunk: its compressed bytes are the first `length` bytes of `data` (transferred, handed back with 'written'). */
  | { readonly type: 'chunk'; readonly chunk: Omit<EncodedChunk, 'parts'>; readonly data: ArrayBuffer; readonly length: number }
  /** Rows whose lines do not read back: the consumer reads them through the domain model (which names the problem) and answers with 'page'. */
  | { readonly type: 'fallback'; readonly room: number; readonly after: number; readonly upto: number | null }
  | { readonly type: 'end'; readonly totals: MessageChunkTotals; readonly tally: TallySnapshot }
  | { readonly type: 'error'; readonly error: WireError };

/** Consumer → producer. */
export type ConsumerMessage =
  /** The buffer of a chunk that is in the sink, handed back (transferred) for the next chunks. */
  | { readonly type: 'written'; readonly buffer: ArrayBuffer }
  /** The answer to 'fallback'. */
  | { readonly type: 'page'; readonly bytes: Uint8Array; readonly count: number };
