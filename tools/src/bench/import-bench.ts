import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchMeasurement, BenchResult } from './bench-result.js';
import { createEmptyTarget } from './import/empty-target.js';
import { runMeasured, type MeasuredRun } from './measure.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The compiled children (this module runs from tools/dist/bench). */
const child = (name: string) => path.join(here, 'import', `${name}.js`);

/** The targets. */
export const IMPORT_TARGETS = { throughputRatio: 0.5, peakRssMb: 300, whatIfRatio: 0.5 } as const;

export interface ImportBenchOptions {
  /** The legacy database (SQLite): the baseline reads its tblChat raw; imported directly unless packageFile is given. */
  readonly legacyDb: string;
  /** Import this package (exported from legacyDb) instead of the database. */
  readonly packageFile?: string;
  /** Scratch folder (default: a new folder in the system temp dir, removed afterwards). */
  readonly workDir?: string;
  /** Label for the result (e.g. "medium (1M messages)"). */
  readonly size?: string;
  /** Domains the empty target caches (default the generator's forest, contoso.com). */
  readonly domains?: readonly string[];
  /** Rounds of (raw, WhatIf, import), interleaved so that machine noise hits all alike; the median counts (default 1). */
  readonly runs?: number;
}

/**
 * Import-CsPersistentChatData into an empty SQLite target, in child processes: messages/s and
 * peak RSS of the import beside the raw better-sqlite3 bulk-insert-then-index limit for the same
 * messages measured in the same run, and the -WhatIf time beside the import time.
 */
export async function importBench(options: ImportBenchOptions): Promise<BenchResult> {
  const work = options.workDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pcmig-import-bench-'));
  fs.mkdirSync(work, { recursive: true });
  const cleanup = options.workDir === undefined;
  try {
    const template = path.join(work, 'empty-target.db');
    fs.rmSync(template, { force: true });
    await createEmptyTarget(template, options.domains);
    const source = options.packageFile ?? options.legacyDb;

    const rounds: { baseline: Parsed; whatIf: Parsed; imported: Parsed }[] = [];
    for (let round = 0; round < Math.max(1, options.runs ?? 1); round += 1) {
      const baseline = parse(await runMeasured(process.execPath, [child('raw-insert-child'), template, path.join(work, 'raw.db'), options.legacyDb]), 'raw insert');
      const whatIfTarget = path.join(work, 'whatif.db');
      fs.copyFileSync(template, whatIfTarget);
      const whatIf = parse(await runMeasured(process.execPath, [child('import-child'), 'whatif', whatIfTarget, source]), 'whatif');
      const importTarget = path.join(work, 'import.db');
      fs.copyFileSync(template, importTarget);
      const imported = parse(await runMeasured(process.execPath, [child('import-child'), 'import', importTarget, source]), 'import');
      if (imported.json.errors !== 0) throw new Error(`The import's plan has ${imported.json.errors} error(s); the benchmark needs a clean source.`);
      rounds.push({ baseline, whatIf, imported });
    }
    const pick = (key: 'baseline' | 'whatIf' | 'imported') => medianRun(rounds.map((r) => r[key]));
    const baseline = pick('baseline');
    const whatIf = pick('whatIf');
    const imported = pick('imported');
    const rate = (messages: number, ms: number) => Math.round((messages * 1000) / ms);
    const importRate = rate(imported.json.messages, imported.run.elapsedMs);
    const baselineRate = rate(baseline.json.messages, baseline.run.elapsedMs);
    const ratio = round(importRate / baselineRate);
    const whatIfRatio = round(whatIf.run.elapsedMs / imported.run.elapsedMs);
    const measurements: BenchMeasurement[] = [
      {
        name: 'import messages/s',
        unit: 'messages/s',
        value: importRate,
        baseline: { name: 'raw better-sqlite3 insert, then index', value: baselineRate },
        ratio,
        target: `≥ ${IMPORT_TARGETS.throughputRatio}× the raw insert (higher is better)`,
        met: ratio >= IMPORT_TARGETS.throughputRatio,
        peakRssMb: round(imported.run.peakRssMb),
        notes:
          `median of ${rounds.length} interleaved round(s); ` +
          `${imported.json.messages.toLocaleString('en-US')} messages from ${path.basename(source)} in ${round(imported.run.elapsedMs / 1000)} s ` +
          `(plan ${round((imported.json.planMs ?? 0) / 1000)} s, apply ${round((imported.run.elapsedMs - (imported.json.planMs ?? 0)) / 1000)} s, no backup); ` +
          `raw: ${round(baseline.run.elapsedMs / 1000)} s, ${round(baseline.run.peakRssMb)} MB`,
      },
      {
        name: 'import peak RSS',
        unit: 'MB',
        value: round(imported.run.peakRssMb),
        baseline: { name: 'raw better-sqlite3 insert, then index', value: round(baseline.run.peakRssMb) },
        ratio: round(imported.run.peakRssMb / Math.max(1, baseline.run.peakRssMb)),
        target: `≤ ${IMPORT_TARGETS.peakRssMb} MB, flat from 1M to 10M messages (lower is better)`,
        met: imported.run.peakRssMb <= IMPORT_TARGETS.peakRssMb,
      },
      {
        name: '-WhatIf time',
        unit: 'ms',
        value: Math.round(whatIf.run.elapsedMs),
        baseline: { name: 'import time', value: Math.round(imported.run.elapsedMs) },
        ratio: whatIfRatio,
        target: `≤ ${IMPORT_TARGETS.whatIfRatio}× the import time (lower is better; ratio = WhatIf / import)`,
        met: whatIfRatio <= IMPORT_TARGETS.whatIfRatio,
        peakRssMb: round(whatIf.run.peakRssMb),
      },
    ];
    return { bench: 'import', size: options.size ?? `${imported.json.messages.toLocaleString('en-US')} messages`, measurements };
  } finally {
    if (cleanup) fs.rmSync(work, { recursive: true, force: true });
  }
}

interface ChildOutput {
  readonly messages: number;
  readonly errors?: number;
  /** Import child: time until the plan was complete (the rest is applying it). */
  readonly planMs?: number;
}

interface Parsed {
  readonly run: MeasuredRun;
  readonly json: ChildOutput;
}

/** The run of median duration (its RSS and counts come with it). */
function medianRun(runs: readonly Parsed[]): Parsed {
  const sorted = [...runs].sort((a, b) => a.run.elapsedMs - b.run.elapsedMs);
  return sorted[Math.floor((sorted.length - 1) / 2)] as Parsed;
}

function parse(run: MeasuredRun, what: string): Parsed {
  if (run.exitCode !== 0) throw new Error(`${what} child exited ${run.exitCode}:\n${run.stderr}`);
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  return { run, json: JSON.parse(line) as ChildOutput };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

// node tools/dist/bench/import-bench.js <legacy.db> [package.zip|-] [work dir|-] [runs]
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [legacyDb, packageFile, workDir, runs] = process.argv.slice(2);
  if (!legacyDb) {
    process.stderr.write('usage: import-bench.js <legacy.db> [package.zip|-] [work dir|-] [runs]\n');
    process.exit(2);
  }
  const result = await importBench({
    legacyDb,
    ...(packageFile && packageFile !== '-' ? { packageFile } : {}),
    ...(workDir && workDir !== '-' ? { workDir } : {}),
    ...(runs ? { runs: Number(runs) } : {}),
  });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
