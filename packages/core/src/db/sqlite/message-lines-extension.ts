import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SqliteConnection } from './sqlite-connection.js';

/**
 * pcmig's SQLite extension (packages/core/native/message-lines.c, built into dist/native by the
 * core's build). src/ and dist/ are siblings, so one relative path serves the sources and the build.
 * SQLite finds its entry point, sqlite3_pcmigmessagelines_init, from the file's name.
 */
export const MESSAGE_LINES_LIBRARY = fileURLToPath(new URL('../../../dist/native/pcmig-message-lines.so', import.meta.url));
/** Set to "off" to build the exporter's lines with SQL functions instead (comparisons, troubleshooting). */
export const MESSAGE_LINES_SWITCH = 'PCMIG_SQLITE_EXTENSION';

/**
 * The end of every page pcmig_message_lines() returns: after the lines, runs, authors and file
 * link offsets, a footer of 32 bytes whose little-endian fields start at these offsets.
 */
export const MESSAGE_LINES_FOOTER = {
  bytes: 32,
  magic: 0x4c4d4350,
  at: { linesBytes: 8, lines: 12, runs: 16, authors: 20, fileLinks: 24, magic: 28 },
} as const;

const loaded = new WeakSet<SqliteConnection>();

/**
 * Makes pcmig_message_lines() available on `connection`: true when it is, false when the library
 * was not built (no C compiler at build time), cannot be loaded here, or is switched off — the
 * exporter then builds the same lines with SQL functions, more slowly.
 */
export function loadMessageLinesExtension(connection: SqliteConnection): boolean {
  if (process.env[MESSAGE_LINES_SWITCH] === 'off') return false;
  if (loaded.has(connection)) return true;
  if (!fs.existsSync(MESSAGE_LINES_LIBRARY)) return false;
  try {
    connection.loadExtension(MESSAGE_LINES_LIBRARY);
  } catch {
    return false;
  }
  loaded.add(connection);
  return true;
}
