import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { pkgErrors } from '../errors.js';
import { deflatePart, FINAL_BLOCK } from './deflate-part.js';
import type { EncodedEntry } from './entry-encoder.js';
import { EntryParts } from './entry-parts.js';
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
  /** `counted`: one of the parts this writer compresses (maxInFlight), not bytes compressed elsewhere. */
  | { kind: 'part'; entry: OpenEntryState; data: Promise<Buffer>; counted: boolean }
  | { kind: 'end'; entry: OpenEntryState };

interface OpenEntryState {
  readonly name: string;
  readonly nameBytes: Buffer;
  offset: number;
  compressedSize: number;
  size: number;
  crc32: number;
  /** The running hash of an entry written here, or the SHA-256 of one compressed elsewhere. */
  readonly hash: crypto.Hash | string;
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
 * only when `maxInFlight` parts are pending. An entry may also arrive compressed already
 * (append, from an EntryEncoder, possibly on another thread). Each entry must stay below 4 GiB
 * uncompressed (PCMIG-PKG-016); the archive as a whole may be larger.
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
    const entry = this.start(name, { size: 0, crc32: 0, hash: crypto.createHash('sha256') });
    this.current = entry;
    return new EntryWriter(this, entry);
  }

  /**
   * Appends an entry compressed elsewhere (EntryEncoder): the same bytes as writing it through
   * open() would give. The promise settles once its bytes are in the sink.
   */
  append(name: string, encoded: EncodedEntry): Promise<WrittenEntry> {
    this.assertBelow4GiB(name, encoded.size);
    const entry = this.start(name, { size: encoded.size, crc32: encoded.crc32, hash: encoded.sha256 });
    for (const part of encoded.parts) this.enqueue({ kind: 'part', entry, data: Promise.resolve(part), counted: false });
    this.enqueue({ kind: 'end', entry });
    return entry.done.promise;
  }

  /** Checks the name and queues the local header of a new entry. */
  private start(name: string, numbers: Pick<OpenEntryState, 'size' | 'crc32' | 'hash'>): OpenEntryState {
    this.throwIfFailed();
    if (this.current) throw new Error(`Entry ${this.current.name} is still open`);
    if (this.finished) throw new Error('The zip is finished');
    if (!ENTRY_NAME.test(name) || name.split('/').some((s) => s === '.' || s === '..')) throw new Error(`Unsafe entry name ${name}`);
    if (this.names.has(name)) throw new Error(`Duplicate entry name ${name}`);
    this.names.add(name);
    const entry: OpenEntryState = { name, nameBytes: Buffer.from(name, 'ascii'), offset: 0, compressedSize: 0, ...numbers, done: deferred<WrittenEntry>() };
    this.enqueue({ kind: 'header', entry });
    return entry;
  }

  private assertBelow4GiB(name: string, size: number): void {
    if (size >= MAX_32 && !this.options.forceZip64) {
      throw pkgErrors.create('PCMIG-PKG-016', {
        message: `Entry ${name} would exceed 4 GiB uncompressed.`,
        target: name,
        reason: { entry: name, limitBytes: MAX_32 - 1 },
      });
    }
  }

  /** Queues one part of the open entry for compression (waits while too many are pending). */
  async writePart(entry: OpenEntryState, data: Uint8Array): Promise<void> {
    this.throwIfFailed();
    if (this.current !== entry) throw new Error(`Entry ${entry.name} is not open`);
    if (data.byteLength === 0) return;
    entry.size += data.byteLength;
    this.assertBelow4GiB(entry.name, entry.size);
    entry.crc32 = zlib.crc32(data, entry.crc32);
    (entry.hash as crypto.Hash).update(data);
    while (this.inFlight >= this.maxInFlight) {
      await new Promise<void>((resolve) => (this.space = resolve));
      this.throwIfFailed();
    }
    this.inFlight += 1;
    const compressed = deflatePart(data, this.options.level);
    compressed.catch(() => undefined);
    this.enqueue({ kind: 'part', entry, data: compressed, counted: true });
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
          if (job.counted) {
            this.inFlight -= 1;
            this.space?.();
            this.space = undefined;
          }
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
          entry.done.resolve({ name: entry.name, ...numbers, sha256: typeof entry.hash === 'string' ? entry.hash : entry.hash.digest('hex') });
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

/** The open entry: text or bytes gathered into parts (EntryParts) that compress in parallel. */
export class EntryWriter {
  private readonly parts: EntryParts;
  private closed = false;

  constructor(
    private readonly zip: ZipWriter,
    private readonly entry: OpenEntryState,
    partSize?: number,
  ) {
    this.parts = new EntryParts((part) => this.zip.writePart(this.entry, part), partSize);
  }

  get name(): string {
    return this.entry.name;
  }

  /** Appends text (UTF-8). */
  writeText(text: string): Promise<void> {
    return this.parts.writeText(text);
  }

  /** Appends bytes; the caller must not change them afterwards (they may be compressed later, in place). */
  write(data: Uint8Array): Promise<void> {
    return this.parts.write(data);
  }

  /** Settles once the entry's bytes are in the sink (after close). */
  get written(): Promise<WrittenEntry> {
    return this.entry.done.promise;
  }

  /** Queues the rest of the entry; the next entry may be opened when this resolves. */
  async close(): Promise<void> {
    if (this.closed) throw new Error(`Entry ${this.entry.name} is already closed`);
    await this.parts.end();
    this.closed = true;
    void this.zip.closeEntry(this.entry);
  }
}
