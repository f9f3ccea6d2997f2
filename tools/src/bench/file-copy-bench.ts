/**
 * Benchmark of Copy-CsPersistentChatFileStore (@pcmig/file-sync) beside `cp -r` and `rsync -a`,
 * measured in the same run on freshly generated trees:
 *   - large tree (20,000 files, 1 GiB mixed sizes): pcmig ≤ 1.0× cp -r;
 *   - small-file tree (100,000 files of 1–4 KB): pcmig ≤ 1.3× cp -r;
 *   - no-change re-run: pcmig ≤ 2× an `rsync -a` no-change re-run;
 *   - -Verify: its hashing rate ≥ 1 GB/s (data in the page cache: one 1 GiB file, and the whole
 *     large tree), beside `sha256sum`; and the -Verify copy beside the plain copy.
 * Every tool runs as its own process (start-up included), several rounds; times are medians, and
 * a ratio to `cp -r` is the median of the rounds' ratios (see copyRounds). Destinations are always
 * fresh folders and nothing is deleted before the end: a large deletion slows the file creations
 * that follow it.
 *
 *   node tools/dist/bench/file-copy-bench.js [--scale 0.1] [--rounds 3] [--work <dir>] [--out result.json]
 *                                            [--parts large,small,rerun,verify,hash] [--keep]
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchMeasurement, BenchResult } from './bench-result.js';
import { LARGE_TREE, SMALL_TREE, generateTree, scaled } from './file-copy/generate-tree.js';
import { median, runMeasured, type MeasuredRun } from './measure.js';

/** The parts of the benchmark: rerun re-runs the copies that ran; verify and hash use the large tree. */
export const FILE_COPY_PARTS = ['large', 'small', 'rerun', 'verify', 'hash'] as const;
export type FileCopyPart = (typeof FILE_COPY_PARTS)[number];

export interface FileCopyBenchOptions {
  /** 1 = the issue's sizes; smaller to try the benchmark quickly. */
  readonly scale?: number;
  readonly rounds?: number;
  /** Default: all. */
  readonly parts?: readonly FileCopyPart[];
  /** Parent folder of the benchmark's working folder (default: the OS temporary folder). */
  readonly workDir?: string;
  /**
   * Leaves the working folder to be removed later: on a disk with online discard (this machine's)
   * removing its million entries takes the better part of an hour and slows whatever runs next.
   */
  readonly keep?: boolean;
  readonly log?: (line: string) => void;
}

interface ChildReport {
  readonly status: string;
  readonly copied: number;
  readonly skipped: number;
  readonly bytes: number;
  readonly verified: { count: number; bytes: number };
}

const CHILD = fileURLToPath(new URL('./file-copy/copy-child.js', import.meta.url));
const GiB = 1024 ** 3;

function requireTool(command: string): void {
  const probe = spawnSync(command, ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) throw new Error(`${command} is required by the file-copy benchmark (install it from the distribution's packages).`);
}

/** Flushes dirty pages so that the write-back of one step does not slow the next. */
function flush(): void {
  spawnSync('sync');
}

async function checked(run: Promise<MeasuredRun>, what: string): Promise<MeasuredRun> {
  const result = await run;
  if (result.exitCode !== 0) throw new Error(`${what} failed (${result.exitCode}): ${result.stderr.slice(0, 2000)}`);
  return result;
}

function report(run: MeasuredRun): ChildReport {
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as ChildReport;
}

export async function runFileCopyBench(options: FileCopyBenchOptions = {}): Promise<BenchResult[]> {
  const scale = options.scale ?? 1;
  const rounds = options.rounds ?? 3;
  const parts = new Set<FileCopyPart>(options.parts ?? FILE_COPY_PARTS);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  requireTool('cp');
  requireTool('rsync');
  const large = scaled(LARGE_TREE, scale);
  const small = scaled(SMALL_TREE, scale);

  const parent = options.workDir ?? os.tmpdir();
  // Sources, rounds × (cp, rsync, pcmig) copies and rounds -Verify copies of the large tree; small files take a 4 KB block each, plus folders.
  const largeCopies = (parts.has('large') ? rounds * 3 : 0) + (parts.has('verify') ? rounds : 0);
  const needed = (large.totalBytes ?? GiB) * (1 + largeCopies) * 1.1 + (parts.has('hash') ? GiB : 0) + (parts.has('small') ? small.files * 2 * 4096 * (1 + rounds * 3) * 1.1 : 0);
  const stats = fs.statfsSync(parent);
  const available = Number(stats.bavail) * Number(stats.bsize);
  if (available < needed) throw new Error(`The benchmark needs about ${(needed / GiB).toFixed(1)} GiB free in ${parent}; ${(available / GiB).toFixed(1)} GiB are available.`);

  const work = fs.mkdtempSync(path.join(parent, 'pcmig-file-copy-bench-'));
  const at = (name: string) => path.join(work, name);
  const pcmig = (source: string, destination: string, ...flags: string[]) => checked(runMeasured(process.execPath, [CHILD, source, destination, ...flags]), 'pcmig');
  const tools: Record<'cp' | 'rsync' | 'pcmig', (source: string, destination: string) => Promise<MeasuredRun>> = {
    cp: (source, destination) => checked(runMeasured('cp', ['-r', source, destination]), 'cp -r'),
    rsync: (source, destination) => checked(runMeasured('rsync', ['-a', `${source}/`, `${destination}/`]), 'rsync -a'),
    pcmig: (source, destination) => pcmig(source, destination),
  };

  try {
    log(`file-copy bench in ${work} (scale ${scale}, ${rounds} rounds)`);
    const largeTree = generateTree(at('large-src'), large, 1);
    log(`generated large tree: ${largeTree.files} files, ${(largeTree.bytes / GiB).toFixed(2)} GiB, ${largeTree.folders} folders`);
    const smallTree = parts.has('small') ? generateTree(at('small-src'), small, 2) : undefined;
    if (smallTree) log(`generated small-file tree: ${smallTree.files} files, ${(smallTree.bytes / 1024 ** 2).toFixed(0)} MiB, ${smallTree.folders} folders`);

    /**
     * Copies a tree with each tool into fresh folders. cp and pcmig run back to back in every
     * round, which of them first alternating, and the ratio is the median of the rounds' ratios:
     * the load of this shared machine drifts over minutes (the same cp -r of the large tree took
     * 3 to 40 s within a quarter of an hour), so two runs seconds apart see the same machine,
     * where medians taken separately can pair a quiet cp with a busy pcmig. rsync, for
     * information, runs third.
     */
    const copyRounds = async (tree: 'large' | 'small', files: number) => {
      const times: Record<'cp' | 'rsync' | 'pcmig', number[]> = { cp: [], rsync: [], pcmig: [] };
      let peakRssMb = 0;
      for (let round = 0; round < rounds; round += 1) {
        const order = round % 2 === 0 ? (['cp', 'pcmig', 'rsync'] as const) : (['pcmig', 'cp', 'rsync'] as const);
        for (const tool of order) {
          flush();
          const run = await tools[tool](at(`${tree}-src`), at(`${tree}-${tool}-${round}`));
          if (tool === 'pcmig') {
            const result = report(run);
            if (result.status !== 'Success' || result.copied !== files) throw new Error(`pcmig copied ${result.copied} of ${files} files (${result.status})`);
            peakRssMb = Math.max(peakRssMb, run.peakRssMb);
          }
          times[tool].push(run.elapsedMs);
          log(`  ${tree} round ${round + 1}: ${tool.padEnd(5)} ${run.elapsedMs.toFixed(0)} ms`);
        }
      }
      const ratios = times.pcmig.map((ms, round) => ms / (times.cp[round] as number));
      return { cp: median(times.cp), rsync: median(times.rsync), pcmig: median(times.pcmig), ratio: median(ratios), ratios, peakRssMb };
    };

    const duration = (name: string, value: number, baselineName: string, baseline: number, limit: number, peakRssMb: number, notes: string, ratio = value / baseline): BenchMeasurement => {
      return { name, unit: 'ms', value: Math.round(value), baseline: { name: baselineName, value: Math.round(baseline) }, ratio: Number(ratio.toFixed(3)), target: `≤ ${limit}× ${baselineName} (time)`, met: ratio <= limit, peakRssMb: Math.round(peakRssMb), notes };
    };

    const measurements: BenchMeasurement[] = [];

    const copied = async (tree: 'large' | 'small', generated: { files: number }, label: string, limit: number) => {
      const copy = await copyRounds(tree, generated.files);
      const notes = `median of the same-round ratios ${copy.ratios.map((r) => r.toFixed(2)).join(', ')}; rsync -a ${copy.rsync.toFixed(0)} ms (pcmig ${(copy.pcmig / copy.rsync).toFixed(2)}× rsync)`;
      measurements.push(duration(label, copy.pcmig, 'cp -r', copy.cp, limit, copy.peakRssMb, notes, copy.ratio));
      return copy;
    };
    const largeCopy = parts.has('large') ? await copied('large', largeTree, `copy large tree (${largeTree.files} files, ${(largeTree.bytes / GiB).toFixed(2)} GiB)`, 1.0) : undefined;
    if (smallTree) await copied('small', smallTree, `copy small-file tree (${smallTree.files} files of 1–4 KB)`, 1.3);

    for (const tree of (['small', 'large'] as const).filter((t) => parts.has('rerun') && parts.has(t))) {
      const times = { rsync: [] as number[], pcmig: [] as number[] };
      let peakRssMb = 0;
      for (let round = 0; round < rounds; round += 1) {
        flush();
        const rsync = await tools.rsync(at(`${tree}-src`), at(`${tree}-rsync-0`));
        const run = await pcmig(at(`${tree}-src`), at(`${tree}-pcmig-0`));
        const result = report(run);
        if (result.status !== 'Success' || result.copied !== 0) throw new Error(`the pcmig re-run copied ${result.copied} files (${result.status})`);
        times.rsync.push(rsync.elapsedMs);
        times.pcmig.push(run.elapsedMs);
        peakRssMb = Math.max(peakRssMb, run.peakRssMb);
        log(`  no-change ${tree} round ${round + 1}: rsync ${rsync.elapsedMs.toFixed(0)} ms, pcmig ${run.elapsedMs.toFixed(0)} ms`);
      }
      const files = tree === 'small' ? (smallTree as { files: number }).files : largeTree.files;
      measurements.push(duration(`no-change re-run, ${tree} tree (${files} files)`, median(times.pcmig), 'rsync -a no-change re-run', median(times.rsync), 2.0, peakRssMb, ''));
    }

    if (parts.has('verify')) {
      // -Verify end to end: a copy that hashes both sides of every file, beside the plain copy.
      const verifyTimes: number[] = [];
      let verifyRss = 0;
      for (let round = 0; round < rounds; round += 1) {
        flush();
        const run = await pcmig(at('large-src'), at(`large-verify-${round}`), '--verify');
        const result = report(run);
        if (result.status !== 'Success' || result.verified.count !== largeTree.files) throw new Error(`pcmig -Verify verified ${result.verified.count} of ${largeTree.files} files`);
        verifyTimes.push(run.elapsedMs);
        verifyRss = Math.max(verifyRss, run.peakRssMb);
        log(`  -Verify copy round ${round + 1}: ${run.elapsedMs.toFixed(0)} ms`);
      }
      measurements.push({
        name: `-Verify copy of the large tree (SHA-256 of both sides of every file)`,
        unit: 'ms',
        value: Math.round(median(verifyTimes)),
        ...(largeCopy ? { baseline: { name: 'pcmig copy without -Verify', value: Math.round(largeCopy.pcmig) }, ratio: Number((median(verifyTimes) / largeCopy.pcmig).toFixed(3)) } : {}),
        peakRssMb: Math.round(verifyRss),
        notes: `${largeCopy ? `cp -r ${largeCopy.cp.toFixed(0)} ms; ` : ''}${(largeTree.bytes / 1e9 / (median(verifyTimes) / 1000)).toFixed(2)} GB/s of files copied and verified (the copy's writes bound it)`,
      });
    }

    if (parts.has('hash')) {
      // Hashing rate of -Verify's hash jobs (1 MB reads, worker threads), data in the page cache so
      // that the figure is the hashing and not the disk: one 1 GiB file, and the whole mixed tree.
      const single = at('single');
      writeSingleFile(path.join(single, 'upload.bin'), GiB);
      const hashRate = async (folder: string) => {
        const hashed = await checked(runMeasured(process.execPath, [CHILD, '--hash', folder]), 'pcmig hashing');
        const { bytes, elapsedMs } = JSON.parse(hashed.stdout.trim()) as { bytes: number; elapsedMs: number };
        return bytes / 1e9 / (elapsedMs / 1000);
      };
      const sha256sumRate = async (folder: string, bytes: number) => {
        const sum = await checked(runMeasured('sh', ['-c', 'find "$1" -type f -print0 | xargs -0 sha256sum > /dev/null', 'sh', folder]), 'sha256sum');
        return bytes / 1e9 / (sum.elapsedMs / 1000);
      };
      for (const [label, folder, bytes] of [
        ['one 1 GiB file', single, GiB],
        [`the large tree (${largeTree.files} files)`, at('large-src'), largeTree.bytes],
      ] as const) {
        await hashRate(folder); // warm-up: brings the files into the page cache
        const ours: number[] = [];
        const theirs: number[] = [];
        for (let round = 0; round < rounds; round += 1) {
          ours.push(await hashRate(folder));
          theirs.push(await sha256sumRate(folder, bytes));
          log(`  hashing ${label} round ${round + 1}: pcmig ${(ours.at(-1) as number).toFixed(2)} GB/s, sha256sum ${(theirs.at(-1) as number).toFixed(2)} GB/s`);
        }
        measurements.push({
          name: `-Verify hashing rate, ${label} (page cache)`,
          unit: 'GB/s',
          value: Number(median(ours).toFixed(3)),
          baseline: { name: 'sha256sum (coreutils, one process)', value: Number(median(theirs).toFixed(3)) },
          ratio: Number((median(ours) / median(theirs)).toFixed(3)),
          target: '≥ 1 GB/s',
          met: median(ours) >= 1,
        });
      }
    }

    const results: BenchResult[] = [{ bench: 'file-copy', size: `large ${largeTree.files} files / ${(largeTree.bytes / GiB).toFixed(2)} GiB${smallTree ? `; small ${smallTree.files} files` : ''}`, measurements }];
    for (const line of formatResults(results)) log(line);
    return results;
  } finally {
    if (options.keep) log(`kept ${work}`);
    else {
      log(`removing ${work}`);
      fs.rmSync(work, { recursive: true, force: true });
    }
  }
}

/** A file of random content (repeated 32 MB blocks), written in pieces. */
function writeSingleFile(file: string, size: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const block = crypto.randomBytes(32 * 1024 * 1024);
  const fd = fs.openSync(file, 'w');
  try {
    for (let written = 0; written < size; written += block.length) fs.writeSync(fd, block, 0, Math.min(block.length, size - written));
  } finally {
    fs.closeSync(fd);
  }
}

export function formatResults(results: readonly BenchResult[]): string[] {
  const lines: string[] = [];
  for (const result of results) {
    lines.push('', `${result.bench} (${result.size})`);
    for (const m of result.measurements) {
      const baseline = m.baseline ? `  vs ${m.baseline.name}: ${m.baseline.value} ${m.unit}` : '';
      const ratio = m.ratio !== undefined ? `  ratio ${m.ratio}×` : '';
      const rss = m.peakRssMb ? `  peak RSS ${m.peakRssMb} MB` : '';
      const verdict = m.met === undefined ? 'INFO   ' : m.met ? 'MET    ' : 'NOT MET';
      lines.push(`  ${verdict}  ${m.name}: ${m.value} ${m.unit}${baseline}${ratio}${m.target ? `  target ${m.target}` : ''}${rss}${m.notes ? `  (${m.notes})` : ''}`);
    }
  }
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const parts = value('--parts')?.split(',');
  const unknown = parts?.filter((part) => !(FILE_COPY_PARTS as readonly string[]).includes(part));
  if (unknown?.length) throw new Error(`unknown --parts ${unknown.join(', ')} (known: ${FILE_COPY_PARTS.join(', ')})`);
  const results = await runFileCopyBench({
    ...(value('--scale') ? { scale: Number(value('--scale')) } : {}),
    ...(parts ? { parts: parts as FileCopyPart[] } : {}),
    keep: args.includes('--keep'),
    ...(value('--rounds') ? { rounds: Number(value('--rounds')) } : {}),
    ...(value('--work') ? { workDir: value('--work') as string } : {}),
  });
  process.stdout.write(`${formatResults(results).join('\n')}\n`);
  const out = value('--out');
  if (out) fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
}
