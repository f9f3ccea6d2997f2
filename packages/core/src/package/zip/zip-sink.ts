import fs from 'node:fs/promises';

/**
 * Where a package is written. Appends are positional, so they may complete in any order; patch
 * rewrites bytes already appended (the writer fills in a local header once its entry is done).
 */
export interface ZipSink {
  /** Bytes appended so far. */
  readonly size: number;
  append(data: Uint8Array): Promise<void>;
  patch(position: number, data: Uint8Array): Promise<void>;
  /** Flushes and releases the sink (a file is fsync'ed). */
  close(): Promise<void>;
}

/** A new file (created exclusively: the caller picks a fresh temporary name). */
export class FileSink implements ZipSink {
  private position = 0;
  private constructor(private readonly handle: fs.FileHandle) {}

  static async create(path: string): Promise<FileSink> {
    return new FileSink(await fs.open(path, 'wx'));
  }

  get size(): number {
    return this.position;
  }

  async append(data: Uint8Array): Promise<void> {
    const at = this.position;
    this.position += data.byteLength;
    let written = 0;
    while (written < data.byteLength) {
      const { bytesWritten } = await this.handle.write(data, written, data.byteLength - written, at + written);
      written += bytesWritten;
    }
  }

  async patch(position: number, data: Uint8Array): Promise<void> {
    if (position + data.byteLength > this.position) throw new RangeError('patch beyond the written data');
    await this.handle.write(data, 0, data.byteLength, position);
  }

  async close(): Promise<void> {
    try {
      await this.handle.sync();
    } finally {
      await this.handle.close();
    }
  }

  /** Releases the file without flushing (after a failure; the caller removes it). */
  async abandon(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}

/** The package in memory (-AsBytes). */
export class MemorySink implements ZipSink {
  private readonly chunks: Buffer[] = [];
  private readonly starts: number[] = [];
  private position = 0;

  get size(): number {
    return this.position;
  }

  async append(data: Uint8Array): Promise<void> {
    this.starts.push(this.position);
    this.chunks.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    this.position += data.byteLength;
  }

  async patch(position: number, data: Uint8Array): Promise<void> {
    if (position + data.byteLength > this.position) throw new RangeError('patch beyond the written data');
    let done = 0;
    // Binary search for the chunk holding `position`; a patch may span chunks.
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] as number) <= position) low = mid;
      else high = mid - 1;
    }
    for (let index = low; done < data.byteLength; index += 1) {
      const chunk = this.chunks[index] as Buffer;
      const offset = position + done - (this.starts[index] as number);
      const count = Math.min(chunk.length - offset, data.byteLength - done);
      Buffer.from(data.buffer, data.byteOffset + done, count).copy(chunk, offset);
      done += count;
    }
  }

  async close(): Promise<void> {}

  /** The whole package as one array (call after the writer finished). */
  bytes(): Uint8Array {
    const all = Buffer.concat(this.chunks, this.position);
    return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
  }
}
