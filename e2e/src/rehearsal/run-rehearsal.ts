import fs from 'node:fs';
import path from 'node:path';
import type { LegacyFlavour, ProgressListener } from '@pcmig/core';
import { generateDeployment, type SizeName } from '@pcmig/tools';
import { renderRehearsalReport } from './render-rehearsal-report.js';
import { REHEARSAL_STEPS, StepFailure } from './rehearsal-steps.js';
import type { RehearsalContext, RehearsalPaths, RehearsalResult, StepRecord } from './rehearsal-types.js';
import type { PcmigRun } from './run-pcmig.js';

export interface RehearsalOptions {
  readonly size: SizeName;
  readonly flavour?: LegacyFlavour;
  /** An empty (or new) folder for everything the rehearsal writes. */
  readonly out: string;
  readonly seed?: number;
  readonly onProgress?: ProgressListener;
  /** Called as each step ends (the CLI prints it). */
  readonly onStep?: (step: StepRecord) => void;
}

export const REHEARSAL_ACTIVITY = 'Migration rehearsal';

export function rehearsalPaths(out: string): RehearsalPaths {
  return {
    out,
    deployment: path.join(out, 'deployment'),
    backups: path.join(out, 'backups'),
    reports: path.join(out, 'reports'),
    packageFile: path.join(out, 'export', 'group-chat.zip'),
    report: path.join(out, 'rehearsal-report.html'),
    resultFile: path.join(out, 'rehearsal.json'),
  };
}

/**
 * The whole procedure of "Migration process - details" on a generated deployment: a legacy
 * Group Chat pool with every case the rules care about planted, and a Persistent Chat pool that
 * already holds colliding items. Steps run in order; after a failed step the rest are skipped.
 */
export async function runRehearsal(options: RehearsalOptions): Promise<RehearsalResult> {
  const started = performance.now();
  const paths = rehearsalPaths(path.resolve(options.out));
  if (fs.existsSync(paths.out) && fs.readdirSync(paths.out).length > 0) {
    throw new Error(`${paths.out} is not empty: give the rehearsal a new or empty folder.`);
  }
  for (const dir of [paths.backups, paths.reports, path.dirname(paths.packageFile)]) fs.mkdirSync(dir, { recursive: true });

  const total = REHEARSAL_STEPS.length + 1;
  const progress = (done: number, status: string) =>
    options.onProgress?.({ activity: REHEARSAL_ACTIVITY, status, current: done, total, percentComplete: Math.round((done / total) * 100) });

  progress(0, `Generating a ${options.size} ${options.flavour ?? 'lync2010'} deployment`);
  const generated = await generateDeployment({
    size: options.size,
    flavour: options.flavour ?? 'lync2010',
    out: paths.deployment,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    target: { fill: 'partial' },
  });
  const context: RehearsalContext = {
    paths,
    generated,
    env: { PCMIG_DEPLOYMENT: paths.deployment },
    facts: {},
  };

  const steps: StepRecord[] = [];
  let failedAt: number | undefined;
  for (const [index, step] of REHEARSAL_STEPS.entries()) {
    const number = index + 1;
    progress(number, `Step ${number}: ${step.title}`);
    const commands: PcmigRun[] = [];
    const stepStarted = performance.now();
    let record: StepRecord;
    if (failedAt !== undefined) {
      record = { number, title: step.title, seedReference: step.seedReference, status: 'skipped', summary: `Skipped: step ${failedAt} failed.`, details: [], commands, durationMs: 0 };
    } else {
      try {
        const outcome = await step.run(context, commands);
        record = { number, title: step.title, seedReference: step.seedReference, status: outcome.status, summary: outcome.summary, details: outcome.details ?? [], commands, durationMs: performance.now() - stepStarted };
      } catch (error) {
        const details = error instanceof StepFailure ? error.details : [error instanceof Error ? (error.stack ?? error.message) : String(error)];
        record = { number, title: step.title, seedReference: step.seedReference, status: 'failed', summary: error instanceof Error ? error.message : String(error), details, commands, durationMs: performance.now() - stepStarted };
      }
      if (record.status === 'failed') failedAt = number;
    }
    steps.push(record);
    options.onStep?.(record);
  }

  const result: RehearsalResult = {
    verdict: failedAt === undefined ? 'passed' : 'failed',
    size: options.size,
    flavour: generated.flavour,
    seed: generated.seed,
    paths,
    steps,
    facts: context.facts,
    generated,
    durationMs: performance.now() - started,
  };
  fs.writeFileSync(paths.report, renderRehearsalReport(result));
  fs.writeFileSync(paths.resultFile, `${JSON.stringify(result, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), 2)}\n`);
  options.onProgress?.({ activity: REHEARSAL_ACTIVITY, status: `Rehearsal ${result.verdict}`, completed: true, current: total, total, percentComplete: 100 });
  return result;
}
