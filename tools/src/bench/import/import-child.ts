import { importPersistentChatData, openPool, SourceReader, type SourceData } from '@pcmig/core';
import { reportPeakRss } from '../measure.js';

/**
 * A benchmark child: one Import-CsPersistentChatData (or -WhatIf) into <target> from a legacy
 * database (*.db) or a package (*.zip). Prints its counts as JSON; measure.ts reads its peak RSS.
 *   node import-child.js <import|whatif> <target.db> <source.db|package.zip>
 */
reportPeakRss();
const [mode, target, source] = process.argv.slice(2);
if ((mode !== 'import' && mode !== 'whatif') || !target || !source) {
  process.stderr.write('usage: import-child.js <import|whatif> <target.db> <source.db|package.zip>\n');
  process.exit(2);
}
const started = performance.now();
let close = async () => undefined as void;
let input: { fileName: string } | { source: SourceData };
if (source.endsWith('.zip')) {
  input = { fileName: source };
} else {
  const pool = await openPool({ dbInstance: source, access: 'read' });
  close = () => pool.close();
  input = { source: new SourceReader(pool) };
}
let plannedAt = 0;
const result = await importPersistentChatData({
  dbInstance: target,
  ...input,
  whatIf: mode === 'whatif',
  backup: false,
  shortenLongNames: true,
  force: true,
  onProgress: (event) => {
    if (event.status === 'Planning: done') plannedAt = performance.now();
  },
});
await close();
process.stdout.write(
  `${JSON.stringify({ status: result.status, messages: result.plan.totals.messages.import, written: result.written.messages, errors: result.plan.totals.findings.error, planMs: plannedAt - started, elapsedMs: performance.now() - started })}\n`,
);
