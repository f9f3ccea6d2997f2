import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { pkgErrors } from '../errors.js';
import type { RandomAccess } from './random-access.js';
import {
  CENTRAL_HEADER_SIZE,
  EOCD_SIZE,
  LOCAL_HEADER_SIZE,
  MAX_16,
  MAX_32,
  Method,
  Signature,
  ZIP64_EOCD_SIZE,
  ZIP64_EXTRA_ID,
  ZIP64_LOCATOR_SIZE,
} from './zip-records.js';

const inflateRaw = promisify(zlib.inflateRaw);

/** One file of the archive as its central directory describes it. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  /** Uncompressed bytes. */
  readonly size: number;
  /** Offset of the local header. */
  readonly offset: number;
}

/** Limits that keep a hostile archive from exhausting memory (docs/package-format.md, "Limits"). */
export const ZIP_LIMITS = {
  maxEntries: 1_000_000,
  maxCentralDirectoryBytes: 64 * 1024 * 1024,
} as const;

const MAX_COMMENT = 0xffff;

/**
 * Reads a zip through random access: the directory once, entries as verified streams. Every
 * entry read is checked against its declared size (never inflating past it) and CRC-32, and
 * against a SHA-256 when the caller knows one.
 */
export class ZipReader {
  private constructor(
    private readonly source: RandomAccess,
    readonly entries: readonly ZipEntry[],
    private readonly directoryOffset: number,
    readonly label: string,
  ) {}

  static async open(source: RandomAccess, label: string): Promise<ZipReader> {
    const corrupt = (message: string, reason?: Record<string, unknown>) =>
      pkgErrors.create('PCMIG-PKG-001', { message: `${label}: ${message}`, target: label, ...(reason ? { reason } : {}) });
    const truncated = (message: string) => pkgErrors.create('PCMIG-PKG-002', { message: `${label}: ${message}`, target: label });
    const startsLikeZip = async () => {
      const head = await source.read(0, 4);
      return head.length === 4 && head.readUInt32LE(0) === Signature.localFile;
    };

    const tailLength = Math.min(source.size, EOCD_SIZE + MAX_COMMENT);
    const tailStart = source.size - tailLength;
    const tail = await source.read(tailStart, tailLength);
    let eocdAt = -1;
    for (let i = tail.length - EOCD_SIZE; i >= 0; i -= 1) {
      if (tail.readUInt32LE(i) === Signature.endOfCentralDirectory && tail.readUInt16LE(i + 20) === tail.length - i - EOCD_SIZE) {
        eocdAt = i;
        break;
      }
    }
    if (eocdAt < 0) {
      if (await startsLikeZip()) throw truncated('the archive has no end of central directory; it was cut short.');
      throw corrupt('this is not a zip archive.');
    }
    const eocdPosition = tailStart + eocdAt;
    const eocd = tail.subarray(eocdAt, eocdAt + EOCD_SIZE);
    let disk = eocd.readUInt16LE(4);
    let directoryDisk = eocd.readUInt16LE(6);
    let count = eocd.readUInt16LE(10);
    let directorySize = eocd.readUInt32LE(12);
    let directoryOffset = eocd.readUInt32LE(16);
    let directoryEnd = eocdPosition;

    if (count === MAX_16 || directorySize === MAX_32 || directoryOffset === MAX_32 || disk === MAX_16 || directoryDisk === MAX_16) {
      if (eocdPosition < ZIP64_LOCATOR_SIZE) throw corrupt('the ZIP64 end of central directory locator is missing.');
      const locator = await source.read(eocdPosition - ZIP64_LOCATOR_SIZE, ZIP64_LOCATOR_SIZE);
      if (locator.readUInt32LE(0) !== Signature.zip64Locator) throw corrupt('the ZIP64 end of central directory locator is missing.');
      if (locator.readUInt32LE(16) !== 1 || locator.readUInt32LE(4) !== 0) {
        throw pkgErrors.create('PCMIG-PKG-014', { message: `${label} is a multi-volume archive.`, target: label });
      }
      const recordOffset = safeNumber(locator.readBigUInt64LE(8), corrupt);
      if (recordOffset + ZIP64_EOCD_SIZE > eocdPosition - ZIP64_LOCATOR_SIZE) throw corrupt('the ZIP64 end of central directory lies outside the archive.');
      const record = await source.read(recordOffset, ZIP64_EOCD_SIZE);
      if (record.readUInt32LE(0) !== Signature.zip64EndOfCentralDirectory) throw corrupt('the ZIP64 end of central directory record is damaged.');
      disk = record.readUInt32LE(16);
      directoryDisk = record.readUInt32LE(20);
      count = safeNumber(record.readBigUInt64LE(32), corrupt);
      directorySize = safeNumber(record.readBigUInt64LE(40), corrupt);
      directoryOffset = safeNumber(record.readBigUInt64LE(48), corrupt);
      directoryEnd = recordOffset;
    }
    if (disk !== 0 || directoryDisk !== 0) {
      throw pkgErrors.create('PCMIG-PKG-014', { message: `${label} is a multi-volume archive.`, target: label });
    }
    if (count > ZIP_LIMITS.maxEntries || directorySize > ZIP_LIMITS.maxCentralDirectoryBytes) {
      throw pkgErrors.create('PCMIG-PKG-011', {
        message: `${label} declares ${count} entries in a ${directorySize}-byte directory.`,
        target: label,
        reason: { entries: count, directoryBytes: directorySize, limits: ZIP_LIMITS },
      });
    }
    if (directoryOffset + directorySize > directoryEnd) throw corrupt('the central directory overlaps its end record.');

    const directory = await source.read(directoryOffset, directorySize);
    if (directory.length !== directorySize) throw truncated('the central directory is incomplete.');
    const entries: ZipEntry[] = [];
    const names = new Set<string>();
    let at = 0;
    for (let index = 0; index < count; index += 1) {
      if (at + CENTRAL_HEADER_SIZE > directory.length || directory.readUInt32LE(at) !== Signature.centralDirectory) {
        throw corrupt(`central directory record ${index + 1} of ${count} is damaged.`);
      }
      const flags = directory.readUInt16LE(at + 8);
      const method = directory.readUInt16LE(at + 10);
      const crc32 = directory.readUInt32LE(at + 16);
      let compressedSize = directory.readUInt32LE(at + 20);
      let size = directory.readUInt32LE(at + 24);
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const diskStart = directory.readUInt16LE(at + 34);
      let offset = directory.readUInt32LE(at + 42);
      const recordEnd = at + CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
      if (recordEnd > directory.length) throw corrupt(`central directory record ${index + 1} runs past the directory.`);
      const nameBytes = directory.subarray(at + CENTRAL_HEADER_SIZE, at + CENTRAL_HEADER_SIZE + nameLength);
      const name = (flags & 0x0800) !== 0 ? nameBytes.toString('utf8') : nameBytes.toString('latin1');
      const extra = directory.subarray(at + CENTRAL_HEADER_SIZE + nameLength, at + CENTRAL_HEADER_SIZE + nameLength + extraLength);
      if (size === MAX_32 || compressedSize === MAX_32 || offset === MAX_32 || diskStart === MAX_16) {
        const values = zip64Values(extra, corrupt);
        let next = 0;
        const take = () => {
          const value = values[next];
          next += 1;
          if (value === undefined) throw corrupt(`entry ${name} lacks the ZIP64 sizes its header announces.`);
          return value;
        };
        if (size === MAX_32) size = take();
        if (compressedSize === MAX_32) compressedSize = take();
        if (offset === MAX_32) offset = take();
      }
      if ((flags & 0x0001) !== 0 || (flags & 0x0040) !== 0) {
        throw pkgErrors.create('PCMIG-PKG-014', { message: `${label}: entry ${name} is encrypted.`, target: name });
      }
      if (method !== Method.deflated && method !== Method.stored) {
        throw pkgErrors.create('PCMIG-PKG-014', { message: `${label}: entry ${name} uses compression method ${method}.`, target: name, reason: { method } });
      }
      const directoryEntry = name.endsWith('/') && size === 0;
      assertSafeName(directoryEntry ? name.slice(0, -1) : name, label);
      if (names.has(name)) {
        throw pkgErrors.create('PCMIG-PKG-007', { message: `${label}: entry ${name} appears twice.`, target: name, reason: { entry: name } });
      }
      names.add(name);
      if (!directoryEntry) entries.push({ name, method, crc32, compressedSize, size, offset });
      at = recordEnd;
    }
    if (at !== directory.length) throw corrupt('the central directory holds more than its declared entries.');

    // Entries must not overlap each other or the directory: overlapping entries are how "zip bombs" multiply data.
    const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
    byOffset.forEach((entry, i) => {
      const next = byOffset[i + 1]?.offset ?? directoryOffset;
      const minimalEnd = entry.offset + LOCAL_HEADER_SIZE + Buffer.byteLength(entry.name) + entry.compressedSize;
      if (minimalEnd > next) {
        if (minimalEnd > source.size) throw truncated(`entry ${entry.name} extends past the end of the file.`);
        throw corrupt(`entry ${entry.name} overlaps the next entry or the directory.`, { entry: entry.name });
      }
    });
    return new ZipReader(source, entries, directoryOffset, label);
  }

  find(name: string): ZipEntry | undefined {
    return this.entries.find((e) => e.name === name);
  }

  /** The uncompressed bytes of an entry, in pieces; throws at the end if a check fails. */
  async *read(entry: ZipEntry, expectedSha256?: string): AsyncIterable<Buffer> {
    const { start, end } = await this.dataRange(entry);
    const check = new EntryCheck(this, entry, expectedSha256);
    if (entry.method === Method.stored) {
      for await (const piece of this.source.stream(start, end)) {
        check.update(piece);
        yield piece;
      }
    } else {
      const input = Readable.from(this.source.stream(start, end), { objectMode: false });
      const inflate = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
      input.on('error', (error) => inflate.destroy(error));
      input.pipe(inflate);
      try {
        for await (const piece of inflate as AsyncIterable<Buffer>) {
          check.update(piece);
          yield piece;
        }
      } catch (error) {
        if (error instanceof Error && error.name === 'PcmigError') throw error;
        throw this.damaged(entry, `its compressed data is invalid (${(error as Error).message})`, error);
      } finally {
        input.destroy();
        inflate.destroy();
      }
    }
    check.finish();
  }

  /**
   * The whole entry, verified before it is returned (at most `maxBytes`). Read in one piece and
   * inflated in one call off the main thread, into one buffer of the declared size: no pieces to
   * join, and a tenth of the thread hops of read().
   */
  async readWhole(entry: ZipEntry, maxBytes: number, expectedSha256?: string): Promise<Buffer> {
    if (entry.size > maxBytes) {
      throw pkgErrors.create('PCMIG-PKG-011', {
        message: `${this.label}: entry ${entry.name} holds ${entry.size} bytes; the limit for it is ${maxBytes}.`,
        target: entry.name,
        reason: { entry: entry.name, bytes: entry.size, limit: maxBytes },
      });
    }
    const { start, end } = await this.dataRange(entry);
    const stored = await this.source.read(start, end - start);
    if (stored.length < end - start) throw this.truncated(entry);
    let bytes = stored;
    if (entry.method !== Method.stored) {
      // One byte more than declared in the output buffer: more data than that is damage, and no
      // second buffer is ever needed for an entry that is what it claims.
      const room = entry.size + 1;
      try {
        bytes = await inflateRaw(stored, { chunkSize: Math.max(room, 64), maxOutputLength: room });
      } catch (error) {
        if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw this.damaged(entry, `it inflates to more than its declared ${entry.size} bytes`);
        throw this.damaged(entry, `its compressed data is invalid (${(error as Error).message})`, error);
      }
    }
    const check = new EntryCheck(this, entry, expectedSha256);
    check.update(bytes);
    check.finish();
    return bytes;
  }

  /** Where an entry's stored data lies, checked against the archive. */
  private async dataRange(entry: ZipEntry): Promise<{ start: number; end: number }> {
    const start = await this.dataStart(entry);
    const end = start + entry.compressedSize;
    if (end > this.directoryOffset) {
      if (end > this.source.size) throw this.truncated(entry);
      throw pkgErrors.create('PCMIG-PKG-001', { message: `${this.label}: entry ${entry.name} overlaps the central directory.`, target: entry.name });
    }
    return { start, end };
  }

  private async dataStart(entry: ZipEntry): Promise<number> {
    const header = await this.source.read(entry.offset, LOCAL_HEADER_SIZE);
    if (header.length < LOCAL_HEADER_SIZE) throw this.truncated(entry);
    if (header.readUInt32LE(0) !== Signature.localFile) {
      throw pkgErrors.create('PCMIG-PKG-001', { message: `${this.label}: the local header of ${entry.name} is damaged.`, target: entry.name });
    }
    const nameLength = header.readUInt16LE(26);
    const extraLength = header.readUInt16LE(28);
    const name = await this.source.read(entry.offset + LOCAL_HEADER_SIZE, nameLength);
    if (name.length < nameLength) throw this.truncated(entry);
    if (name.toString('latin1') !== Buffer.from(entry.name, 'utf8').toString('latin1')) {
      throw pkgErrors.create('PCMIG-PKG-001', {
        message: `${this.label}: the local header of ${entry.name} names another file.`,
        target: entry.name,
      });
    }
    return entry.offset + LOCAL_HEADER_SIZE + nameLength + extraLength;
  }

  /** @internal for EntryCheck */
  truncated(entry: ZipEntry) {
    return pkgErrors.create('PCMIG-PKG-002', { message: `${this.label}: entry ${entry.name} is cut short.`, target: entry.name });
  }

  /** @internal for EntryCheck */
  damaged(entry: ZipEntry, why: string, cause?: unknown) {
    return pkgErrors.create('PCMIG-PKG-003', {
      message: `${this.label}: entry ${entry.name} is damaged: ${why}.`,
      target: entry.name,
      reason: { entry: entry.name },
      ...(cause !== undefined ? { cause } : {}),
    });
  }
}

/** An entry's uncompressed bytes checked as they come: size, CRC-32 and, when known, the manifest's SHA-256. */
class EntryCheck {
  private readonly hash: crypto.Hash | undefined;
  private crc = 0;
  private size = 0;

  constructor(
    private readonly zip: ZipReader,
    private readonly entry: ZipEntry,
    private readonly expectedSha256: string | undefined,
  ) {
    this.hash = expectedSha256 !== undefined ? crypto.createHash('sha256') : undefined;
  }

  update(piece: Buffer): void {
    this.size += piece.length;
    if (this.size > this.entry.size) throw this.zip.damaged(this.entry, `it inflates to more than its declared ${this.entry.size} bytes`);
    this.crc = zlib.crc32(piece, this.crc);
    this.hash?.update(piece);
  }

  finish(): void {
    const entry = this.entry;
    if (this.size !== entry.size) throw this.zip.damaged(entry, `it holds ${this.size} bytes, its header says ${entry.size}`);
    if ((this.crc >>> 0) !== (entry.crc32 >>> 0)) throw this.zip.damaged(entry, 'its CRC-32 does not match');
    if (this.hash && this.expectedSha256 !== undefined) {
      const actual = this.hash.digest('hex');
      if (actual !== this.expectedSha256) {
        throw pkgErrors.create('PCMIG-PKG-004', {
          message: `${this.zip.label}: entry ${entry.name} has SHA-256 ${actual}; the manifest records ${this.expectedSha256}.`,
          target: entry.name,
          reason: { entry: entry.name, expected: this.expectedSha256, actual },
        });
      }
    }
  }
}

function safeNumber(value: bigint, corrupt: (message: string) => Error): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt(`a ZIP64 field holds ${value}, beyond what any file can hold.`);
  return Number(value);
}

/** The 64-bit values of a ZIP64 extra field, in their order (size, compressed size, offset, disk). */
function zip64Values(extra: Buffer, corrupt: (message: string) => Error): number[] {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (at + 4 + length > extra.length) throw corrupt('an extra field runs past its record.');
    if (id === ZIP64_EXTRA_ID) {
      const values: number[] = [];
      for (let i = 0; i + 8 <= length; i += 8) values.push(safeNumber(extra.readBigUInt64LE(at + 4 + i), corrupt));
      return values;
    }
    at += 4 + length;
  }
  return [];
}

/**
 * Entry names must stay inside wherever a package might be extracted: relative, '/'-separated,
 * no '.', '..' or empty segments, no drive letters, backslashes or control characters.
 */
export function assertSafeName(name: string, label: string): void {
  const unsafe =
    name.length === 0 ||
    name.length > 512 ||
    name.startsWith('/') ||
    name.includes('\\') ||
    /^[A-Za-z]:/.test(name) ||
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    /[\u0000-\u001f\u007f]/.test(name) ||
    name.split('/').some((segment) => segment === '' || segment === '.' || segment === '..');
  if (unsafe) {
    throw pkgErrors.create('PCMIG-PKG-007', {
      // eslint-disable-next-line no-control-regex -- shown as '?' in the message
      message: `${label}: entry name '${name.replace(/[\u0000-\u001f\u007f]/g, '?')}' is not a safe relative path.`,
      target: name,
      reason: { entry: name },
    });
  }
}
