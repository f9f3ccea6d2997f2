import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchMeasurement, BenchResult } from './bench-result.js';
import { median, runMeasured } from './measure.js';

/** The built pcmig bin (from tools/src/bench and tools/dist/bench alike). */
export const PCMIG_BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../packages/cmdlets/dist/bin/pcmig.js');

/** The target: `pcmig --help` within 150 ms on this machine. */
export const STARTUP_TARGET_MS = 150;

export interface StartupBenchOptions {
  /** Timed runs of each command (after two untimed warm-up runs each). */
  readonly runs?: number;
}

/**
 * Start-up of the pcmig host: `pcmig --help` (definitions only, no engine), and for information
 * `pcmig Get-Help <cmdlet> -Full` and a refused command line (binding, error record), each beside
 * `node -e 0` measured in the same run, interleaved so that machine noise hits all alike.
 */
export async function startupBench(options: StartupBenchOptions = {}): Promise<BenchResult> {
  const runs = options.runs ?? 21;
  const commands: Record<string, readonly string[]> = {
    baseline: ['-e', '0'],
    help: [PCMIG_BIN, '--help'],
    getHelp: [PCMIG_BIN, 'Get-Help', 'Get-CsPersistentChatRoom', '-Full'],
    refused: [PCMIG_BIN, 'Get-CsPersistentChatRoom', '-Colour', 'red'],
  };
  const timings: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((key) => [key, []]));
  for (let i = 0; i < runs + 2; i += 1) {
    for (const [key, args] of Object.entries(commands)) {
      const run = await runMeasured(process.execPath, args);
      const expected = key === 'refused' ? 3 : 0;
      if (run.exitCode !== expected) throw new Error(`node ${args.join(' ')} exited ${run.exitCode}:\n${run.stderr}`);
      if (i >= 2) timings[key]!.push(run.elapsedMs);
    }
  }
  const baseline = { name: 'node -e 0', value: round(median(timings.baseline!)) };
  const measure = (key: string, name: string, target?: number): BenchMeasurement => {
    const value = round(median(timings[key]!));
    return {
      name,
      unit: 'ms',
      value,
      baseline,
      ratio: round(value / baseline.value),
      ...(target !== undefined ? { target: `≤ ${target} ms (lower is better; ratio = value / node -e 0)`, met: value <= target } : {}),
      notes: `median of ${runs} runs; ${round(value - baseline.value)} ms above node itself`,
    };
  };
  return {
    bench: 'startup',
    size: 'n/a',
    measurements: [
      measure('help', 'pcmig --help start-up', STARTUP_TARGET_MS),
      measure('getHelp', 'pcmig Get-Help Get-CsPersistentChatRoom -Full start-up'),
      measure('refused', 'pcmig refused command line (binding error) start-up'),
    ],
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await startupBench();
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
