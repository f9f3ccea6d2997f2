import fs from 'node:fs/promises';
import { pkgErrors } from '../errors.js';

/** Read access by position to a package, whether a file or bytes in memory. */
export interface RandomAccess {
  readonly size: number;
  /** Exactly `length` bytes at `position` (fewer only at the end of the data). */
  read(position: number, length: number): Promise<Buffer>;
  /** The bytes in [start, end), in pieces of at most `pieceSize`. */
  stream(start: number, end: number, pieceSize?: number): AsyncIterable<Buffer>;
  close(): Promise<void>;
}

const PIECE = 256 * 1024;

export class FileAccess implements RandomAccess {
  private closed = false;
  private constructor(
    private readonly handle: fs.FileHandle,
    readonly size: number,
    private readonly path: string,
  ) {}

  static async open(path: string): Promise<FileAccess> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(path, 'r');
    } catch (cause) {
      throw pkgErrors.create('PCMIG-PKG-015', { message: `${path} cannot be opened.`, target: path, cause });
    }
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) throw new Error('not a regular file');
      return new FileAccess(handle, stat.size, path);
    } catch (cause) {
      await handle.close();
      throw pkgErrors.create('PCMIG-PKG-015', { message: `${path} is not a readable file.`, target: path, cause });
    }
  }

  async read(position: number, length: number): Promise<Buffer> {
    this.assertOpen();
    const size = Math.max(0, Math.min(length, this.size - position));
    const buffer = Buffer.alloc(size);
    let done = 0;
    while (done < size) {
      const { bytesRead } = await this.handle.read(buffer, done, size - done, position + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done === size ? buffer : buffer.subarray(0, done);
  }

  async *stream(start: number, end: number, pieceSize = PIECE): AsyncIterable<Buffer> {
    for (let at = start; at < end; ) {
      const piece = await this.read(at, Math.min(pieceSize, end - at));
      if (piece.length === 0) return;
      yield piece;
      at += piece.length;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw pkgErrors.create('PCMIG-PKG-018', { message: `${this.path} was closed.`, target: this.path });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
  }
}

export class BytesAccess implements RandomAccess {
  private readonly data: Buffer;
  private closed = false;

  constructor(bytes: Uint8Array) {
    this.data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get size(): number {
    return this.data.length;
  }

  async read(position: number, length: number): Promise<Buffer> {
    this.assertOpen();
    return this.data.subarray(position, Math.min(this.data.length, position + length));
  }

  async *stream(start: number, end: number, pieceSize = PIECE): AsyncIterable<Buffer> {
    for (let at = start; at < end && at < this.data.length; at += pieceSize) {
      this.assertOpen();
      yield this.data.subarray(at, Math.min(end, at + pieceSize, this.data.length));
    }
  }

  private assertOpen(): void {
    if (this.closed) throw pkgErrors.create('PCMIG-PKG-018', { message: 'The package bytes were closed.' });
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
