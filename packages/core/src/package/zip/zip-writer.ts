import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { pkgErrors } from '../errors.js';
import { deflatePart, FINAL_BLOCK } from './deflate-part.js';
import { centralHeader, endRecords, localHeader, MAX_32, type CentralEntry } from './zip-records.js';
import type { ZipSink } from './zip-sink.js';

export interface ZipWriterOptions {
  /** zlib level 0–9. */
  readonly level: number;
  /** Write ZIP64 records even where nothing overflows (tests exercise readers with it). */
  readonly forceZip64?: boolean;
  /** Parts being compressed at once (default: 4, enough to keep two cores busy). */
  readonly maxInFlight?: number;
}

/** What an entry became, for the manifest. */
export interface WrittenEntry {
  readonly name: string;
  /** Uncompressed bytes. */
  readonly size: number;
  readonly compressedSize: number;
  readonly crc32: number;
  /** SHA-256 of the uncompressed bytes, lower-case hex. */
  readonly sha256: string;
}

type Job =
  | { kind: 'header'; entry: OpenEntryState }
  | { kind: 'part'; entry: OpenEntryState; data: Promise<Buffer> }
  | { kind: 'end'; entry: OpenEntryState };

interface OpenEntryState {
  readonly name: string;
  readonly nameBytes: Buffer;
  offset: number;
  compressedSize: number;
  size: number;
  crc32: number;
  readonly hash: crypto.Hash;
  readonly done: Deferred<WrittenEntry>;
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined); // observed by whoever awaits it; never an unhandled rejection
  return { promise, resolve, reject };
}

const ENTRY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/**
 * Writes a deterministic zip: entries in the order they are opened, fixed time stamps and
 * attributes, no data descriptors, ZIP64 records only where a size, offset or count needs them.
 *
 * Entries are written one after another, but their parts compress in parallel across entries:
 * a job queue keeps their order, the compression runs on the thread pool, and `write` waits
 * only when `maxInFlight` parts are pending. Each entry must stay below 4 GiB uncompressed
 * (PCMIG-PKG-016); the archive as a whole may be larger.
 */
export class ZipWriter {
  private readonly queue: Job[] = [];
  private readonly central: CentralEntry[] = [];
  private readonly names = new Set<string>();
  private inFlight = 0;
  private wake?: () => void;
  private space?: () => void;
  private failure: unknown;
  private current?: OpenEntryState;
  private finished = false;
  private readonly pump: Promise<void>;
  private readonly maxInFlight: number;

  constructor(
    private readonly sink: ZipSink,
    private readonly options: ZipWriterOptions,
  ) {
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 4);
    this.pump = this.run();
    this.pump.catch(() => undefined);
  }

  /** Starts the next entry; the previous one must have been closed. */
  open(name: string): EntryWriter {
    this.throwIfFailed();
    if (this.current) throw new Error(`Entry ${this.current.name} is still open`);
    if (this.finished) throw new Error('The zip is finished');
    if (!ENTRY_NAME.test(name) || name.split('/').some((s) => s === '.' || s === '..')) throw new Error(`Unsafe entry name ${name}`);
    if (this.names.has(name)) throw new Error(`Duplicate entry name ${name}`);
    this.names.add(name);
    const entry: OpenEntryState = {
      name,
      nameBytes: Buffer.from(name, 'ascii'),
      offset: 0,
      compressedSize: 0,
      size: 0,
      crc32: 0,
      hash: crypto.createHash('sha256'),
      done: deferred<WrittenEntry>(),
    };
    this.current = entry;
    this.enqueue({ kind: 'header', entry });
    return new EntryWriter(this, entry);
  }

  /** Queues one part of the open entry for compression (waits while too many are pending). */
  async writePart(entry: OpenEntryState, data: Uint8Array): Promise<void> {
    this.throwIfFailed();
    if (this.current !== entry) throw new Error(`Entry ${entry.name} is not open`);
    if (data.byteLength === 0) return;
    entry.size += data.byteLength;
    if (entry.size >= MAX_32 && !this.options.forceZip64) {
      throw pkgErrors.create('PCMIG-PKG-016', {
        message: `Entry ${entry.name} would exceed 4 GiB uncompressed.`,
        target: entry.name,
        reason: { entry: entry.name, limitBytes: MAX_32 - 1 },
      });
    }
    entry.crc32 = zlib.crc32(data, entry.crc32);
    entry.hash.update(data);
    while (this.inFlight >= this.maxInFlight) {
      await new Promise<void>((resolve) => (this.space = resolve));
      this.throwIfFailed();
    }
    this.inFlight += 1;
    const compressed = deflatePart(data, this.options.level);
    compressed.catch(() => undefined);
    this.enqueue({ kind: 'part', entry, data: compressed });
  }

  /** Ends the open entry; the promise settles once its bytes are in the sink. */
  closeEntry(entry: OpenEntryState): Promise<WrittenEntry> {
    this.throwIfFailed();
    if (this.current !== entry) throw new Error(`Entry ${entry.name} is not open`);
    this.current = undefined;
    this.enqueue({ kind: 'end', entry });
    return entry.done.promise;
  }

  /** Writes the central directory and the end records once every entry is in the sink. */
  async finish(): Promise<{ size: number; entries: number }> {
    if (this.current) throw new Error(`Entry ${this.current.name} is still open`);
    this.finished = true;
    this.wake?.();
    await this.pump;
    this.throwIfFailed();
    const force = this.options.forceZip64 ?? false;
    const offset = this.sink.size;
    const headers = this.central.map((entry) => centralHeader(entry, force));
    const directory = Buffer.concat(headers);
    await this.sink.append(directory);
    await this.sink.append(endRecords({ count: this.central.length, size: directory.length, offset }, force));
    return { size: this.sink.size, entries: this.central.length };
  }

  private enqueue(job: Job): void {
    this.queue.push(job);
    this.wake?.();
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  /** The single consumer: writes jobs in order, so the archive's layout never depends on timing. */
  private async run(): Promise<void> {
    const force = this.options.forceZip64 ?? false;
    try {
      for (;;) {
        const job = this.queue.shift();
        if (!job) {
          if (this.finished) return;
          await new Promise<void>((resolve) => (this.wake = resolve));
          this.wake = undefined;
          continue;
        }
        const entry = job.entry;
        if (job.kind === 'header') {
          entry.offset = this.sink.size;
          await this.sink.append(localHeader(entry.nameBytes, { crc32: 0, compressedSize: 0, size: 0 }, force));
        } else if (job.kind === 'part') {
          const data = await job.data;
          this.inFlight -= 1;
          this.space?.();
          this.space = undefined;
          entry.compressedSize += data.length;
          await this.sink.append(data);
        } else {
          entry.compressedSize += FINAL_BLOCK.length;
          if (entry.compressedSize >= MAX_32 && !force) {
            throw pkgErrors.create('PCMIG-PKG-016', {
              message: `Entry ${entry.name} would exceed 4 GiB compressed.`,
              target: entry.name,
              reason: { entry: entry.name, limitBytes: MAX_32 - 1 },
            });
          }
          await this.sink.append(Buffer.from(FINAL_BLOCK));
          const numbers = { crc32: entry.crc32 >>> 0, compressedSize: entry.compressedSize, size: entry.size };
          await this.sink.patch(entry.offset, localHeader(entry.nameBytes, numbers, force));
          this.central.push({ name: entry.nameBytes, offset: entry.offset, ...numbers });
          entry.done.resolve({ name: entry.name, ...numbers, sha256: entry.hash.digest('hex') });
        }
      }
    } catch (error) {
      this.failure = error;
      this.space?.();
      for (const job of this.queue) job.entry.done.reject(error);
      this.current?.done.reject(error);
      throw error;
    }
  }
}

/**
 * The open entry: text or bytes are gathered into parts that compress in parallel. Every part is
 * exactly `partSize` bytes but the last, which takes the rest. Bytes given through write() are
 * cut as they come, so the last part holds partSize to 2 × partSize − 1 bytes however the caller
 * cut them; text is encoded every partSize characters, and what is left of it at close goes into
 * the last part whole, so there the boundaries also depend on how the text was handed over (the
 * size of the writer's batches). The same calls always give the same compressed bytes; packages
 * depend on these boundaries (changing them, or a writer's batch sizes, changes their bytes).
 */
export class EntryWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private text = '';
  private closed = false;

  constructor(
    private readonly zip: ZipWriter,
    private readonly entry: OpenEntryState,
    private readonly partSize = 1 << 20,
  ) {}

  get name(): string {
    return this.entry.name;
  }

  /** Appends text (UTF-8). Strings are joined before encoding: one Buffer per part, not per call. */
  async writeText(text: string): Promise<void> {
    this.text += text;
    if (this.text.length >= this.partSize) {
      this.textIntoPending();
      await this.sendFullParts();
    }
  }

  /** Appends bytes; the caller must not change them afterwards (they may be compressed later, in place). */
  async write(data: Uint8Array): Promise<void> {
    if (data.byteLength === 0) return;
    this.textIntoPending();
    this.pending.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    this.pendingBytes += data.byteLength;
    await this.sendFullParts();
  }

  /** Settles once the entry's bytes are in the sink (after close). */
  get written(): Promise<WrittenEntry> {
    return this.entry.done.promise;
  }

  /** Queues the rest of the entry; the next entry may be opened when this resolves. */
  async close(): Promise<void> {
    if (this.closed) throw new Error(`Entry ${this.entry.name} is already closed`);
    this.textIntoPending();
    if (this.pendingBytes > 0) await this.zip.writePart(this.entry, this.take(this.pendingBytes));
    this.closed = true;
    void this.zip.closeEntry(this.entry);
  }

  /** Sends parts of exactly partSize while more than a part would remain for the last one. */
  private async sendFullParts(): Promise<void> {
    while (this.pendingBytes >= 2 * this.partSize) await this.zip.writePart(this.entry, this.take(this.partSize));
  }

  private textIntoPending(): void {
    if (this.text.length === 0) return;
    const bytes = Buffer.from(this.text, 'utf8');
    this.text = '';
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
  }

  /** The first `size` pending bytes as one buffer: a view when one piece holds them, else a copy. */
  private take(size: number): Buffer {
    const first = this.pending[0] as Buffer;
    let part: Buffer;
    if (first.length >= size) {
      part = first.subarray(0, size);
      if (first.length === size) this.pending.shift();
      else this.pending[0] = first.subarray(size);
    } else {
      part = Buffer.allocUnsafeSlow(size);
      let filled = 0;
      while (filled < size) {
        const piece = this.pending[0] as Buffer;
        const count = Math.min(piece.length, size - filled);
        piece.copy(part, filled, 0, count);
        filled += count;
        if (count === piece.length) this.pending.shift();
        else this.pending[0] = piece.subarray(count);
      }
    }
    this.pendingBytes -= size;
    return part;
  }
}
