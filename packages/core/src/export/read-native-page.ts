import type { MessageTally } from '../package/format/message-line-scan.js';
import type { MessagePage } from '../package/index.js';

/** The layout pcmig_message_lines() returns (native/message-lines.c): lines, runs, authors, file link lines, footer. */
const FOOTER_BYTES = 32;
const MAGIC = 0x4c4d4350;

/**
 * One page as pcmig_message_lines() built it: its lines as a MessagePage, and its messages per
 * day and distinct authors added to `tally`. Null when the result is not a page of `expected`
 * lines in that layout (the caller then reads the rows through the domain model).
 */
export function readNativePage(blob: Buffer, expected: number, tally: MessageTally): MessagePage | null {
  const end = blob.length - FOOTER_BYTES;
  if (end < 0 || blob.readUInt32LE(end + 28) !== MAGIC) return null;
  const linesBytes = blob.readUInt32LE(end + 8);
  const lines = blob.readUInt32LE(end + 12);
  const runs = blob.readUInt32LE(end + 16);
  const authors = blob.readUInt32LE(end + 20);
  const fileLinks = blob.readUInt32LE(end + 24);
  const authorsAt = linesBytes + runs * 8;
  const linksAt = authorsAt + authors * 4;
  if (lines !== expected || linksAt + fileLinks * 4 !== end) return null;
  for (let at = linesBytes; at < authorsAt; at += 8) tally.addDay(blob.readInt32LE(at), blob.readInt32LE(at + 4));
  for (let at = authorsAt; at < linksAt; at += 4) tally.addAuthor(blob.readInt32LE(at));
  const fileLinkLines: number[] = [];
  for (let at = linksAt; at < end; at += 4) fileLinkLines.push(blob.readUInt32LE(at));
  return { bytes: blob.subarray(0, linesBytes), count: lines, fileLinkLines };
}
