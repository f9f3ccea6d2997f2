import fs from 'node:fs';
import path from 'node:path';
import { formatFileLink } from '@pcmig/core';
import { generatorErrors } from './errors.js';
import type { Random } from './random.js';
import { ENGLISH, LOG_LINES, type Language } from './vocabulary-chat.js';
import { FILE_KINDS, FILE_STEMS } from './vocabulary-files.js';

/** One file written to the legacy file store. */
export interface StoredFileRecord {
  readonly roomId: number;
  /** Relative to the file store root, '/'-separated (as the ma-filelink: link names it). */
  readonly path: string;
  readonly bytes: number;
}

const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * The legacy file store: `<root>/<room nodeGuid>/<n>/<file name>` (docs/legacy-schema.md D2),
 * n counting the room's uploads. File contents come from the room's random stream, so the store
 * is as reproducible as the database.
 */
export class FileStoreWriter {
  private written: StoredFileRecord[] = [];
  private readonly uploads = new Map<number, number>();
  private readonly createdRooms = new Set<string>();
  private bytes = 0;

  constructor(readonly root: string) {
    try {
      fs.mkdirSync(root, { recursive: true });
    } catch (cause) {
      throw generatorErrors.create('PCMIG-GEN-006', { message: `Cannot create the file store ${root}.`, target: root, cause });
    }
  }

  /** The files the store holds, in the order they were written. */
  get files(): readonly StoredFileRecord[] {
    return this.written;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  /** Writes one uploaded file of a room and returns its ma-filelink: link. */
  upload(random: Random, room: { id: number; guid: string }, language: Language): string {
    const n = (this.uploads.get(room.id) ?? 0) + 1;
    this.uploads.set(room.id, n);
    const kind = random.pick(FILE_KINDS);
    const name = `${random.pick(FILE_STEMS)}${random.chance(0.3) ? ` ${random.int(2009, 2013)}` : ''}.${kind.extension}`;
    const size = Math.min(MAX_FILE_BYTES, Math.max(64, Math.round(random.logNormal(Math.log(4_000), 1.3))));
    const content = kind.text ? textContent(random, size, kind.extension, language) : binaryContent(random, size, kind.magic ?? []);
    const relative = `${room.guid}/${n}/${name}`;
    const folder = path.join(this.root, room.guid, String(n));
    try {
      if (!this.createdRooms.has(folder)) {
        fs.mkdirSync(folder, { recursive: true });
        this.createdRooms.add(folder);
      }
      fs.writeFileSync(path.join(folder, name), content);
    } catch (cause) {
      throw generatorErrors.create('PCMIG-GEN-006', { message: `Cannot write ${relative} in the file store.`, target: path.join(this.root, relative), cause });
    }
    this.written.push({ roomId: room.id, path: relative, bytes: content.length });
    this.bytes += content.length;
    return formatFileLink(relative);
  }

  /** Deletes files again (planted: links whose file is missing). */
  remove(files: readonly StoredFileRecord[]): void {
    const gone = new Set(files.map((file) => file.path));
    for (const file of files) {
      fs.rmSync(path.join(this.root, ...file.path.split('/')), { force: true });
      this.bytes -= file.bytes;
    }
    this.written = this.written.filter((file) => !gone.has(file.path));
  }
}

function textContent(random: Random, size: number, extension: string, language: Language): Buffer {
  const lines: string[] = [];
  let length = 0;
  if (extension === 'csv') lines.push('date;account;amount;currency;comment');
  while (length < size) {
    let line: string;
    if (extension === 'csv') line = `2012-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')};${random.int(10000, 99999)};${(random.next() * 10000).toFixed(2)};${random.pick(['EUR', 'USD', 'GBP', 'JPY', 'CHF'])};${random.pick(language.words)}`;
    else if (extension === 'log') line = random.pick(LOG_LINES);
    else if (extension === 'md' && random.chance(0.2)) line = `## ${random.pick(ENGLISH.phrases)}`;
    else line = Array.from({ length: random.int(6, 16) }, () => random.pick(language.words)).join(' ');
    lines.push(line);
    length += Buffer.byteLength(line, 'utf8') + 2;
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

function binaryContent(random: Random, size: number, magic: readonly number[]): Buffer {
  const buffer = Buffer.allocUnsafe(size);
  let offset = 0;
  for (; offset + 4 <= size; offset += 4) buffer.writeUInt32LE(random.uint32(), offset);
  for (; offset < size; offset += 1) buffer[offset] = random.uint32() & 0xff;
  for (let i = 0; i < magic.length && i < size; i += 1) buffer[i] = magic[i] as number;
  return buffer;
}
