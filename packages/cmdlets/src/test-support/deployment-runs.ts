import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ErrorRecordData } from '@pcmig/core';
import { buildDeploymentTemplate, copyDeployment } from './build-deployment.js';
import { runHostInMemory, type HostRun, type HostRunOptions } from './run-host-in-memory.js';

export interface DeploymentRuns {
  /** A fresh copy of the fixture deployment (DEPLOYMENT_FIXTURE), for one test. */
  fresh(): string;
  /** Runs the host with `-Deployment <folder>` appended. */
  run(folder: string, args: readonly string[], options?: HostRunOptions): Promise<HostRun>;
  dispose(): void;
}

/** One template per test file, copied for each test (copying is much faster than building). */
export async function deploymentRuns(prefix: string): Promise<DeploymentRuns> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const template = await buildDeploymentTemplate(dir);
  let count = 0;
  return {
    fresh: () => copyDeployment(template, path.join(dir, `deployment-${++count}`)),
    run: (folder, args, options) => runHostInMemory([...args, '-Deployment', folder], options),
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** The error records of a --json run (JSON lines on stderr; warnings and What if lines are text). */
export function errorRecords(run: HostRun): (ErrorRecordData & { terminating: boolean; command: string })[] {
  return run.stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as ErrorRecordData & { terminating: boolean; command: string });
}

/** The What if lines a run printed (stdout in text mode, stderr with --json). */
export function whatIfLines(run: HostRun): string[] {
  return `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => line.startsWith('What if: '));
}
