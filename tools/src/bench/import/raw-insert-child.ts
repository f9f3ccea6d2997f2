import fs from 'node:fs';
// The limit bypasses pcmig's own layers: better-sqlite3 directly.
import Database from 'better-sqlite3';
import { reportPeakRss } from '../measure.js';

/**
 * The benchmark's limit: the same messages moved with nothing but better-sqlite3 — read the
 * legacy tblChat raw, insert every row into the target's tblChat (its key index dropped) in one
 * transaction, then build the key index once. No conversion, no checks, no ledger.
 *   node raw-insert-child.js <empty-target.db> <copy.db> <legacy.db>
 */
reportPeakRss();
const [template, copy, legacy] = process.argv.slice(2);
if (!template || !copy || !legacy) {
  process.stderr.write('usage: raw-insert-child.js <empty-target.db> <copy.db> <legacy.db>\n');
  process.exit(2);
}
fs.copyFileSync(template, copy);
const started = performance.now();
const source = new Database(legacy, { readonly: true });
const target = new Database(copy);
source.defaultSafeIntegers(true);
target.exec('DROP INDEX IF EXISTS "PK_tblChat"');
const insert = target.prepare('INSERT INTO tblChat (channelId, chatId, chatDate, userId, isAlert, content, rtf) VALUES (?, ?, ?, ?, ?, ?, NULL)');
let rows = 0;
target.transaction(() => {
  for (const row of source.prepare('SELECT channelId, chatId, chatDate, userId, isAlert, content FROM tblChat ORDER BY channelId, chatId').raw().iterate()) {
    insert.run(row as unknown[]);
    rows += 1;
  }
})();
target.exec('CREATE UNIQUE INDEX "PK_tblChat" ON "tblChat" ("channelId", "chatId")');
source.close();
target.close();
process.stdout.write(`${JSON.stringify({ messages: rows, elapsedMs: performance.now() - started })}\n`);
