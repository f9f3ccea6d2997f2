import zlib from 'node:zlib';
import { centralHeader, endRecords, localHeader } from './zip-records.js';

export interface CraftedEntry {
  readonly name: string;
  readonly data: Buffer;
  /** Overrides, to forge damaged or hostile archives. */
  readonly crc32?: number;
  readonly size?: number;
  readonly method?: number;
  readonly flags?: number;
  readonly compressed?: Buffer;
}

/**
 * Builds a zip byte by byte, without the writer's safety checks, so that tests can hand the
 * reader archives pcmig would never write (unsafe names, wrong CRCs, encryption flags…).
 */
export function craftZip(entries: readonly CraftedEntry[], options: { forceZip64?: boolean } = {}): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = entry.compressed ?? zlib.deflateRawSync(entry.data);
    const numbers = { crc32: entry.crc32 ?? zlib.crc32(entry.data), compressedSize: compressed.length, size: entry.size ?? entry.data.length };
    const local = localHeader(name, numbers, false);
    const header = centralHeader({ name, offset, ...numbers }, options.forceZip64 ?? false);
    if (entry.method !== undefined) {
      local.writeUInt16LE(entry.method, 8);
      header.writeUInt16LE(entry.method, 10);
    }
    if (entry.flags !== undefined) {
      local.writeUInt16LE(entry.flags, 6);
      header.writeUInt16LE(entry.flags, 8);
    }
    parts.push(local, compressed);
    central.push(header);
    offset += local.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  return Buffer.concat([...parts, directory, endRecords({ count: entries.length, size: directory.length, offset }, options.forceZip64 ?? false)]);
}
