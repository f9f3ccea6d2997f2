import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { TallySnapshot } from '../package/format/message-line-scan.js';
import type { EncodedChunk, MessageChunks, MessageChunkTotals } from '../package/write/message-chunk-encoder.js';
import type { MessagePage } from '../package/write/message-pages.js';
import type { ChunkProducerTask, ConsumerMessage, ProducerMessage } from './message-chunk-protocol.js';
import { produceMessageChunks } from './message-chunk-producer.js';
import { errorFromWire } from './thread-errors.js';

/** The compiled worker entry beside this module; absent when this module runs from its TypeScript source (tests). */
const WORKER_SCRIPT = new URL('./message-chunk-worker.js', import.meta.url);

/**
 * The worker's young generation (MiB): its pages are buffers outside V8's heap, freed only when
 * the objects holding them are collected; a small young generation collects them sooner (the
 * default lets it grow to 16 MiB per semi-space and the process's peak memory with it).
 */
const WORKER_YOUNG_GENERATION_MB = 4;

/** Reads the rows whose lines the producer could not check, through the domain model. */
export type FallbackReader = (room: number, after: number, upto: number | null) => Promise<MessagePage>;

/**
 * The consumer side of produceMessageChunks: starts the producer on a worker thread (in this
 * thread over a message channel when there is no compiled worker script, as under the tests: the
 * same protocol either way), hands out its chunks in order, answers its fallback requests when
 * their turn comes (the main connection is free then) and returns credit as chunks reach the sink.
 */
export class MessageChunkThread implements MessageChunks {
  private readonly inbox: ProducerMessage[] = [];
  /** The producer's buffers under the chunks handed out, to hand back once they are in the sink. */
  private readonly lent = new Map<EncodedChunk, ArrayBuffer>();
  private wake?: () => void;
  private ended?: { totals: MessageChunkTotals; tally: TallySnapshot };
  private stopped = false;

  private constructor(
    private readonly port: MessagePort | Worker,
    private readonly stop: () => Promise<void>,
    private readonly fallback: FallbackReader,
  ) {
    port.on('message', (message: ProducerMessage) => this.receive(message));
  }

  static start(task: ChunkProducerTask, fallback: FallbackReader): MessageChunkThread {
    if (fs.existsSync(fileURLToPath(WORKER_SCRIPT))) {
      const worker = new Worker(WORKER_SCRIPT, { workerData: task, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      const thread = new MessageChunkThread(worker, async () => void (await worker.terminate()), fallback);
      worker.on('error', (error) => thread.receive({ type: 'error', error: { name: error.name, message: error.message } }));
      worker.on('exit', (code) => {
        if (!thread.stopped && !thread.ended) thread.receive({ type: 'error', error: { name: 'Error', message: `The message worker stopped (exit code ${code}) before its last chunk` } });
      });
      return thread;
    }
    const { port1, port2 } = new MessageChannel();
    const thread = new MessageChunkThread(
      port1,
      async () => {
        port1.close();
        port2.close();
      },
      fallback,
    );
    void produceMessageChunks(port2, task);
    return thread;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<EncodedChunk> {
    for (;;) {
      const message = await this.next();
      if (message.type === 'chunk') {
        const chunk: EncodedChunk = { ...message.chunk, parts: [Buffer.from(message.data, 0, message.length)] };
        this.lent.set(chunk, message.data);
        yield chunk;
      } else if (message.type === 'fallback') {
        const page = await this.fallback(message.room, message.after, message.upto);
        this.post({ type: 'page', bytes: page.bytes, count: page.count });
      } else if (message.type === 'end') {
        this.ended = { totals: message.totals, tally: message.tally };
        return;
      } else {
        throw errorFromWire(message.error);
      }
    }
  }

  written(chunk: EncodedChunk): void {
    const buffer = this.lent.get(chunk);
    if (!buffer) return;
    this.lent.delete(chunk);
    if (!this.stopped) this.port.postMessage({ type: 'written', buffer } satisfies ConsumerMessage, [buffer]);
  }

  totals(): MessageChunkTotals {
    return this.finished().totals;
  }

  /** Messages per day and the distinct authors of every chunk, as the producer tallied them. */
  tally(): TallySnapshot {
    return this.finished().tally;
  }

  async close(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.stop();
  }

  private finished(): { totals: MessageChunkTotals; tally: TallySnapshot } {
    if (!this.ended) throw new Error('The message chunks have not all been read');
    return this.ended;
  }

  private post(message: ConsumerMessage): void {
    this.port.postMessage(message);
  }

  private receive(message: ProducerMessage): void {
    this.inbox.push(message);
    this.wake?.();
    this.wake = undefined;
  }

  private async next(): Promise<ProducerMessage> {
    while (this.inbox.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    return this.inbox.shift() as ProducerMessage;
  }
}
