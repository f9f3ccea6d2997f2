/**
 * The byte layout of the zip records pcmig writes and reads (PKWARE APPNOTE 6.3.x, sections
 * 4.3 and 4.5): local file headers, central directory headers, the ZIP64 extra field and the
 * (ZIP64) end of central directory records. Little endian throughout.
 */

export const Signature = {
  localFile: 0x04034b50,
  centralDirectory: 0x02014b50,
  endOfCentralDirectory: 0x06054b50,
  zip64EndOfCentralDirectory: 0x06064b50,
  zip64Locator: 0x07064b50,
} as const;

export const Method = { stored: 0, deflated: 8 } as const;

/** Fixed entry time stamp: MS-DOS time 00:00:00, date 1980-01-01 (deterministic packages). */
export const DOS_TIME = 0;
export const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** Version needed to extract: 2.0 (deflate) or 4.5 (ZIP64). Made by: Unix (3). */
export const VERSION_DEFLATE = 20;
export const VERSION_ZIP64 = 45;
export const HOST_UNIX = 3;
/** Regular file, rw-r--r--. */
export const EXTERNAL_ATTRIBUTES = (0o100644 << 16) >>> 0;

export const ZIP64_EXTRA_ID = 0x0001;
export const MAX_32 = 0xffffffff;
export const MAX_16 = 0xffff;

export const LOCAL_HEADER_SIZE = 30;
export const CENTRAL_HEADER_SIZE = 46;
export const EOCD_SIZE = 22;
export const ZIP64_EOCD_SIZE = 56;
export const ZIP64_LOCATOR_SIZE = 20;

export interface EntryNumbers {
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
}

/** The local header; with `zip64` both sizes move into a ZIP64 extra field. */
export function localHeader(name: Buffer, numbers: EntryNumbers, zip64: boolean): Buffer {
  const extraLength = zip64 ? 20 : 0;
  const header = Buffer.alloc(LOCAL_HEADER_SIZE + name.length + extraLength);
  header.writeUInt32LE(Signature.localFile, 0);
  header.writeUInt16LE(zip64 ? VERSION_ZIP64 : VERSION_DEFLATE, 4);
  header.writeUInt16LE(0, 6); // flags: no data descriptor, no encryption, ASCII name
  header.writeUInt16LE(Method.deflated, 8);
  header.writeUInt16LE(DOS_TIME, 10);
  header.writeUInt16LE(DOS_DATE, 12);
  header.writeUInt32LE(numbers.crc32 >>> 0, 14);
  header.writeUInt32LE(zip64 ? MAX_32 : numbers.compressedSize, 18);
  header.writeUInt32LE(zip64 ? MAX_32 : numbers.size, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(extraLength, 28);
  name.copy(header, LOCAL_HEADER_SIZE);
  if (zip64) {
    const at = LOCAL_HEADER_SIZE + name.length;
    header.writeUInt16LE(ZIP64_EXTRA_ID, at);
    header.writeUInt16LE(16, at + 2);
    header.writeBigUInt64LE(BigInt(numbers.size), at + 4);
    header.writeBigUInt64LE(BigInt(numbers.compressedSize), at + 12);
  }
  return header;
}

export interface CentralEntry extends EntryNumbers {
  readonly name: Buffer;
  readonly offset: number;
}

/** A central directory header; fields that overflow 32 bits (or all, when forced) go to ZIP64. */
export function centralHeader(entry: CentralEntry, forceZip64: boolean): Buffer {
  const bigSize = forceZip64 || entry.size >= MAX_32;
  const bigCompressed = forceZip64 || entry.compressedSize >= MAX_32;
  const bigOffset = forceZip64 || entry.offset >= MAX_32;
  const zip64Fields = [bigSize ? entry.size : null, bigCompressed ? entry.compressedSize : null, bigOffset ? entry.offset : null].filter(
    (v): v is number => v !== null,
  );
  const extraLength = zip64Fields.length > 0 ? 4 + 8 * zip64Fields.length : 0;
  const version = zip64Fields.length > 0 ? VERSION_ZIP64 : VERSION_DEFLATE;
  const header = Buffer.alloc(CENTRAL_HEADER_SIZE + entry.name.length + extraLength);
  header.writeUInt32LE(Signature.centralDirectory, 0);
  header.writeUInt16LE((HOST_UNIX << 8) | version, 4);
  header.writeUInt16LE(version, 6);
  header.writeUInt16LE(0, 8);
  header.writeUInt16LE(Method.deflated, 10);
  header.writeUInt16LE(DOS_TIME, 12);
  header.writeUInt16LE(DOS_DATE, 14);
  header.writeUInt32LE(entry.crc32 >>> 0, 16);
  header.writeUInt32LE(bigCompressed ? MAX_32 : entry.compressedSize, 20);
  header.writeUInt32LE(bigSize ? MAX_32 : entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  header.writeUInt16LE(extraLength, 30);
  header.writeUInt16LE(0, 32); // comment length
  header.writeUInt16LE(0, 34); // disk number start
  header.writeUInt16LE(0, 36); // internal attributes
  header.writeUInt32LE(EXTERNAL_ATTRIBUTES, 38);
  header.writeUInt32LE(bigOffset ? MAX_32 : entry.offset, 42);
  entry.name.copy(header, CENTRAL_HEADER_SIZE);
  if (extraLength > 0) {
    let at = CENTRAL_HEADER_SIZE + entry.name.length;
    header.writeUInt16LE(ZIP64_EXTRA_ID, at);
    header.writeUInt16LE(8 * zip64Fields.length, at + 2);
    at += 4;
    for (const value of zip64Fields) {
      header.writeBigUInt64LE(BigInt(value), at);
      at += 8;
    }
  }
  return header;
}

/** The end records: ZIP64 end + locator when anything overflows (or when forced), then the classic end record. */
export function endRecords(directory: { count: number; size: number; offset: number }, forceZip64: boolean): Buffer {
  const zip64 = forceZip64 || directory.count >= MAX_16 || directory.size >= MAX_32 || directory.offset >= MAX_32;
  const parts: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(ZIP64_EOCD_SIZE);
    record.writeUInt32LE(Signature.zip64EndOfCentralDirectory, 0);
    record.writeBigUInt64LE(BigInt(ZIP64_EOCD_SIZE - 12), 4);
    record.writeUInt16LE((HOST_UNIX << 8) | VERSION_ZIP64, 12);
    record.writeUInt16LE(VERSION_ZIP64, 14);
    record.writeUInt32LE(0, 16); // this disk
    record.writeUInt32LE(0, 20); // disk with the directory
    record.writeBigUInt64LE(BigInt(directory.count), 24);
    record.writeBigUInt64LE(BigInt(directory.count), 32);
    record.writeBigUInt64LE(BigInt(directory.size), 40);
    record.writeBigUInt64LE(BigInt(directory.offset), 48);
    const locator = Buffer.alloc(ZIP64_LOCATOR_SIZE);
    locator.writeUInt32LE(Signature.zip64Locator, 0);
    locator.writeUInt32LE(0, 4);
    locator.writeBigUInt64LE(BigInt(directory.offset + directory.size), 8);
    locator.writeUInt32LE(1, 16); // total disks
    parts.push(record, locator);
  }
  const end = Buffer.alloc(EOCD_SIZE);
  end.writeUInt32LE(Signature.endOfCentralDirectory, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(zip64 ? MAX_16 : directory.count, 8);
  end.writeUInt16LE(zip64 ? MAX_16 : directory.count, 10);
  end.writeUInt32LE(zip64 ? MAX_32 : directory.size, 12);
  end.writeUInt32LE(zip64 ? MAX_32 : directory.offset, 16);
  end.writeUInt16LE(0, 20); // comment length
  parts.push(end);
  return Buffer.concat(parts);
}
