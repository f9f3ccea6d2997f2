import { DEFAULT_COMPRESSION_LEVEL, exportPersistentChatData } from '@pcmig/core';
import { reportPeakRss } from '../measure.js';

/**
 * A benchmark child: one Export-CsPersistentChatData of a pool database to a file, optionally
 * with -StartDate (ISO date). Prints its counts as JSON; measure.ts reads its peak RSS.
 *   node export-child.js <source.db> <package.zip> [start date]
 */
reportPeakRss();
const [source, fileName, startDate] = process.argv.slice(2);
if (!source || !fileName) {
  process.stderr.write('usage: export-child.js <source.db> <package.zip> [start date]\n');
  process.exit(2);
}
const started = performance.now();
const cpu = process.cpuUsage();
const result = await exportPersistentChatData({ dbInstance: source, fileName, force: true, ...(startDate ? { startDate: new Date(startDate) } : {}) });
const chunks = result.manifest.entries.filter((e) => e.name.startsWith('pcmig/messages/'));
process.stdout.write(
  `${JSON.stringify({
    messages: result.counts.messages,
    packageBytes: result.size,
    messageBytes: chunks.reduce((n, e) => n + e.size, 0),
    chunks: chunks.length,
    level: DEFAULT_COMPRESSION_LEVEL,
    months: result.manifest.months,
    elapsedMs: performance.now() - started,
    // Every thread of the process (the thread pool's deflate included): robust to other load.
    cpuMs: (() => {
      const used = process.cpuUsage(cpu);
      return (used.user + used.system) / 1000;
    })(),
  })}\n`,
);
