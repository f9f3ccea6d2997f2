import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface MeasuredRun {
  readonly elapsedMs: number;
  /** Peak resident set size of the child process (MB), as the child itself reports it at exit (see reportPeakRss). */
  readonly peakRssMb: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/**
 * Runs a command as a child process and measures wall time and peak RSS. For Node children the
 * RSS is the one the child prints at exit (see `reportPeakRss`); for other programs 0.
 */
export async function runMeasured(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<MeasuredRun> {
  const started = process.hrtime.bigint();
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exitCode: number = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  const match = /PCMIG_PEAK_RSS_KB=(\d+)/.exec(stderr);
  return { elapsedMs, peakRssMb: match ? Number(match[1]) / 1024 : 0, stdout, stderr, exitCode };
}

/**
 * The peak RSS of this process's own memory, in KB: VmHWM of /proc/self/status where there is one.
 * Not getrusage's maxRSS: Linux carries that across fork and exec, so a child spawned by a
 * benchmark parent holding 300 MB would report at least 300 MB whatever it used itself.
 */
export function ownPeakRssKb(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // Not Linux: fall back below.
  }
  return process.resourceUsage().maxRSS;
}

/** Call in a benchmark child process: prints its peak RSS on stderr at exit for runMeasured. */
export function reportPeakRss(): void {
  process.on('exit', () => {
    process.stderr.write(`PCMIG_PEAK_RSS_KB=${ownPeakRssKb()}\n`);
  });
}

/** Median of several timings (the benchmarks repeat short measurements). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
