import { MESSAGE_LINES_FOOTER as FOOTER } from '../db/sqlite/message-lines-extension.js';
import type { MessageTally } from '../package/format/message-line-scan.js';
import type { MessagePage } from '../package/index.js';

/**
 * One page as pcmig_message_lines() built it: its lines as a MessagePage, and its messages per
 * day and distinct authors added to `tally`. Null when the result is not a page of `expected`
 * lines in that layout (the caller then reads the rows through the domain model).
 */
export function readNativePage(blob: Buffer, expected: number, tally: MessageTally): MessagePage | null {
  const end = blob.length - FOOTER.bytes;
  if (end < 0 || blob.readUInt32LE(end + FOOTER.at.magic) !== FOOTER.magic) return null;
  const linesBytes = blob.readUInt32LE(end + FOOTER.at.linesBytes);
  const lines = blob.readUInt32LE(end + FOOTER.at.lines);
  const runs = blob.readUInt32LE(end + FOOTER.at.runs);
  const authors = blob.readUInt32LE(end + FOOTER.at.authors);
  const fileLinks = blob.readUInt32LE(end + FOOTER.at.fileLinks);
  const authorsAt = linesBytes + runs * 8;
  const linksAt = authorsAt + authors * 4;
  if (lines !== expected || linksAt + fileLinks * 4 !== end) return null;
  for (let at = linesBytes; at < authorsAt; at += 8) tally.addDay(blob.readInt32LE(at), blob.readInt32LE(at + 4));
  for (let at = authorsAt; at < linksAt; at += 4) tally.addAuthor(blob.readInt32LE(at));
  const fileLinkLines: number[] = [];
  for (let at = linksAt; at < end; at += 4) fileLinkLines.push(blob.readUInt32LE(at));
  return { bytes: blob.subarray(0, linesBytes), count: lines, fileLinkLines };
}
