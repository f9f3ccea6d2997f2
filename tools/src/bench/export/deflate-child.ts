import { openPackage } from '@pcmig/core';
import { deflateRawPart } from './deflate-raw-part.js';

/**
 * The baseline of the export benchmark: deflate alone, on both cores, on the same message bytes
 * the export wrote (message chunks spread evenly over the package, up to a sample size), with
 * the same level and the same part size. Prints bytes/s as JSON.
 *   node deflate-child.js <package.zip> <level> [sample MiB]
 */
const [fileName, levelText, sampleText] = process.argv.slice(2);
if (!fileName || !levelText) {
  process.stderr.write('usage: deflate-child.js <package.zip> <level> [sample MiB]\n');
  process.exit(2);
}
const level = Number(levelText);
const sampleBytes = Number(sampleText ?? 256) * 1024 * 1024;

const pkg = await openPackage({ fileName });
const chunks = pkg.manifest.entries.filter((e) => e.name.startsWith('pcmig/messages/'));
const total = chunks.reduce((n, e) => n + e.size, 0);
const every = Math.max(1, Math.ceil(total / sampleBytes));
const parts: Buffer[] = [];
for (let i = 0; i < chunks.length; i += every) {
  const pieces: Buffer[] = [];
  for await (const piece of pkg.readEntry((chunks[i] as { name: string }).name)) pieces.push(piece);
  parts.push(Buffer.concat(pieces));
}
await pkg.close();
const bytes = parts.reduce((n, p) => n + p.length, 0);

/** Every part once, at most `inFlight` at a time: the thread pool compresses on every core. */
async function pass(inFlight: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < parts.length) await deflateRawPart(parts[next++] as Buffer, level);
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
}

await pass(4); // warm-up
let done = 0;
const started = performance.now();
const cpu = process.cpuUsage();
do {
  await pass(4);
  done += bytes;
} while (performance.now() - started < 3000);
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
process.stdout.write(
  `${JSON.stringify({ level, sampleBytes: bytes, parts: parts.length, bytesPerSecond: done / seconds, cpuMsPerMiB: (used.user + used.system) / 1000 / (done / 1024 / 1024) })}\n`,
);
