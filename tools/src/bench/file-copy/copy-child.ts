/**
 * A pcmig run as its own process (so that it is timed like cp and rsync, start-up included):
 *   node copy-child.js <source> <destination> [--verify] [--threads N]
 *   node copy-child.js --hash <folder> [--threads N]      (hashing rate alone)
 * Prints one JSON line; its peak RSS on stderr for runMeasured.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copyFileStore, createHashPool } from '@pcmig/file-sync';
import { reportPeakRss } from '../measure.js';

reportPeakRss();
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const threadsAt = args.indexOf('--threads');
const threads = threadsAt >= 0 ? Number(args[threadsAt + 1]) : undefined;

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(full);
    }
  };
  walk(root);
  return out;
}

if (flag('--hash')) {
  const files = listFiles(args[args.indexOf('--hash') + 1] as string);
  const pool = createHashPool(threads ?? os.availableParallelism());
  const started = performance.now();
  // As -Verify and -Checksum hash a tree: store-relative paths in batches (hashMany), not one job per file.
  const root = args[args.indexOf('--hash') + 1] as string;
  const hashed = await pool.hashMany(root, files.map((file) => path.relative(root, file).split(path.sep).join('/')));
  const failed = hashed.find((h) => h instanceof Error);
  if (failed) throw failed;
  const elapsedMs = performance.now() - started;
  const bytes = pool.bytesHashed;
  await pool.close();
  process.stdout.write(`${JSON.stringify({ files: files.length, bytes, elapsedMs })}\n`);
} else {
  const [source, destination] = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--threads');
  const result = await copyFileStore({ source: source as string, destination: destination as string, verify: flag('--verify'), ...(threads ? { threads } : {}) });
  process.stdout.write(
    `${JSON.stringify({ status: result.status, copied: result.actions.copy.count, skipped: result.actions.skip.count, bytes: result.actions.copy.bytes, verified: result.verified, elapsedMs: result.elapsedMs })}\n`,
  );
}
