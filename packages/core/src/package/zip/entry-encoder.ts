import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { deflatePart } from './deflate-part.js';
import { EntryParts, PART_SIZE } from './entry-parts.js';

/** One entry compressed ahead of the zip that will hold it (ZipWriter.append). */
export interface EncodedEntry {
  /** Uncompressed bytes. */
  readonly size: number;
  readonly crc32: number;
  /** SHA-256 of the uncompressed bytes, lower-case hex. */
  readonly sha256: string;
  /** The entry's deflate stream less its final empty block (FINAL_BLOCK), in pieces. */
  readonly parts: readonly Buffer[];
}

/**
 * Bounds the parts compressing at once on the thread pool, across the entries of one producer,
 * and recycles the buffers of parts gathered from several pieces once they are compressed: a
 * fresh buffer per part would be garbage outside V8's heap, which it collects only late.
 */
export class DeflateSlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly spare: Buffer[] = [];

  constructor(
    readonly level: number,
    private readonly max: number,
  ) {}

  /** Waits for a free slot, then starts compressing `data`; the slot is free again once it is compressed. */
  async start(data: Uint8Array): Promise<{ readonly compressed: Promise<Buffer> }> {
    while (this.running >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    const compressed = deflatePart(data, this.level);
    const release = () => {
      this.running -= 1;
      this.waiting.shift()?.();
    };
    compressed.then(release, release);
    return { compressed };
  }

  /** A buffer for a part (a spare one when it has the usual part size). */
  buffer(size: number): Buffer {
    return (size === PART_SIZE ? this.spare.pop() : undefined) ?? Buffer.allocUnsafeSlow(size);
  }

  /** A buffer from buffer() whose part is compressed: zlib has done reading it. */
  recycle(buffer: Buffer): void {
    if (buffer.length === PART_SIZE && this.spare.length < this.max) this.spare.push(buffer);
  }
}

/**
 * Compresses one entry away from the zip writer (on any thread), with the same parts, CRC-32 and
 * SHA-256 as ZipWriter's own entries, so that appending it gives the very bytes writing it there
 * would have given. Its parts compress while the caller goes on to the next entry.
 */
export class EntryEncoder {
  private readonly parts: EntryParts;
  private readonly compressed: Promise<Buffer>[] = [];
  private readonly hash = crypto.createHash('sha256');
  private crc = 0;
  private size = 0;
  private result?: Promise<EncodedEntry>;

  constructor(slots: DeflateSlots) {
    this.parts = new EntryParts(
      async (part, copied) => {
        this.size += part.length;
        this.crc = zlib.crc32(part, this.crc);
        this.hash.update(part);
        const { compressed } = await slots.start(part);
        if (copied) compressed.then(() => slots.recycle(part), () => undefined);
        compressed.catch(() => undefined); // observed through `encoded`
        this.compressed.push(compressed);
      },
      PART_SIZE,
      (size) => slots.buffer(size),
    );
  }

  writeText(text: string): Promise<void> {
    return this.parts.writeText(text);
  }

  /** Appends bytes; the caller must not change them afterwards. */
  write(data: Uint8Array): Promise<void> {
    return this.parts.write(data);
  }

  /** Sends the last part to compression; `encoded` settles once every part is compressed. */
  async close(): Promise<void> {
    if (this.result) throw new Error('The entry is already closed');
    await this.parts.end();
    const size = this.size;
    const crc32 = this.crc >>> 0;
    const sha256 = this.hash.digest('hex');
    this.result = Promise.all(this.compressed).then((parts) => ({ size, crc32, sha256, parts }));
    this.result.catch(() => undefined);
  }

  get encoded(): Promise<EncodedEntry> {
    if (!this.result) throw new Error('The entry is not closed');
    return this.result;
  }
}
