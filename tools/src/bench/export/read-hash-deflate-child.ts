import crypto from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { MESSAGE_LINES_FOOTER as FOOTER, MESSAGE_LINES_LIBRARY } from '@pcmig/core/message-lines-extension';
import { reportPeakRss } from '../measure.js';
import { deflateRawPart } from './deflate-raw-part.js';

/**
 * A benchmark child: the least work any export of a pool's messages does, and nothing else — every
 * message line read through pcmig's SQLite extension (the exporter's own line builder), SHA-256
 * and CRC-32 of every byte per chunk, deflate in 1 MiB parts on the thread pool (four at a time,
 * the next as soon as one is done), the compressed bytes written to a file. No directory, no
 * tallies by day, no zip records, no file links, no checks in JavaScript: its rate is the ceiling
 * of the export's on this machine. It loads only the extension's module from @pcmig/core, not the
 * engine (whose larger heap the collector would walk). Prints its counts and times as JSON.
 *   node read-hash-deflate-child.js <source.db> <scratch file> <level> <chunk bytes>
 */
reportPeakRss();
const [source, scratch, levelText, chunkText] = process.argv.slice(2);
if (!source || !scratch || !levelText || !chunkText) {
  process.stderr.write('usage: read-hash-deflate-child.js <source.db> <scratch file> <level> <chunk bytes>\n');
  process.exit(2);
}
const level = Number(levelText);
/** A chunk entry's size (PACKAGE_LIMITS.chunkBytes, passed by the benchmark). */
const chunkBytes = Number(chunkText);
const PART_BYTES = 1024 * 1024;
const IN_FLIGHT = 4;
/** chatIds per page statement (the exporter's pages hold about as many messages). */
const PAGE_CHAT_IDS = 2000;

const started = performance.now();
const cpu = process.cpuUsage();
const db = new Database(source, { readonly: true, fileMustExist: true });
db.loadExtension(MESSAGE_LINES_LIBRARY);
const withRtf = db.prepare("SELECT 1 FROM pragma_table_info('tblChat') WHERE name = 'rtf'").get() !== undefined;
const rooms = db.prepare('SELECT channelId AS id, MIN(chatId) AS low, MAX(chatId) AS high FROM tblChat GROUP BY channelId ORDER BY channelId').all() as { id: number; low: number; high: number }[];
const page = db.prepare(
  `SELECT pcmig_message_lines(@room, @after, chatId, chatDate, userId, isAlert, content, ${withRtf ? 'rtf' : 'NULL'}) AS lines, COUNT(*) AS n` +
    ' FROM tblChat WHERE channelId = @room AND chatId > @after AND chatId <= @upto',
);

const out = fs.openSync(scratch, 'w');
/** Parts compressing or compressed, in order; at most IN_FLIGHT compress at a time. */
const parts: Promise<Buffer>[] = [];
let compressing = 0;
let freed: (() => void) | undefined;
let messages = 0;
let messageBytes = 0;
let pending: Buffer[] = [];
let pendingBytes = 0;

const writeOldest = async () => fs.writeSync(out, await (parts.shift() as Promise<Buffer>));
const deflate = async (part: Buffer) => {
  while (compressing >= IN_FLIGHT) await new Promise<void>((resolve) => (freed = resolve));
  compressing += 1;
  parts.push(
    deflateRawPart(part, level).finally(() => {
      compressing -= 1;
      freed?.();
    }),
  );
  // Written in order as soon as the oldest is done; never more than a few parts held.
  while (parts.length > 4 * IN_FLIGHT) await writeOldest();
};
/** A chunk's bytes: hashed as an entry, cut into parts as EntryWriter cuts them (the last holds the rest). */
const chunk = async () => {
  const bytes = Buffer.concat(pending, pendingBytes);
  pending = [];
  pendingBytes = 0;
  crypto.createHash('sha256').update(bytes).digest();
  zlib.crc32(bytes);
  let at = 0;
  for (; bytes.length - at >= 2 * PART_BYTES; at += PART_BYTES) await deflate(bytes.subarray(at, at + PART_BYTES));
  await deflate(bytes.subarray(at));
};

for (const room of rooms) {
  for (let after = room.low - 1; after < room.high; after += PAGE_CHAT_IDS) {
    const row = page.get({ room: room.id, after, upto: after + PAGE_CHAT_IDS }) as { lines: Buffer | null; n: number };
    if (row.n === 0) continue;
    const blob = row.lines;
    const end = (blob?.length ?? 0) - FOOTER.bytes;
    if (!blob || end < 0 || blob.readUInt32LE(end + FOOTER.at.magic) !== FOOTER.magic) throw new Error(`Room ${room.id} after chatId ${after}: a page the extension does not carry`);
    const lines = blob.subarray(0, blob.readUInt32LE(end + FOOTER.at.linesBytes));
    messages += row.n;
    messageBytes += lines.length;
    pending.push(lines);
    pendingBytes += lines.length;
    if (pendingBytes >= chunkBytes) await chunk();
  }
}
if (pendingBytes > 0) await chunk();
while (parts.length > 0) await writeOldest();
fs.closeSync(out);
db.close();
const used = process.cpuUsage(cpu);
process.stdout.write(`${JSON.stringify({ messages, messageBytes, elapsedMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 })}\n`);
