#!/usr/bin/env node
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isSizeName } from '@pcmig/tools';
import { runRehearsal } from '../rehearsal/run-rehearsal.js';
import type { StepRecord } from '../rehearsal/rehearsal-types.js';

const USAGE = `Usage: npm run rehearse -- [--size tiny|small|medium|large] [--flavour lync2010|ocs2007r2] [--out <dir>] [--seed <n>]

Rehearses the whole Group Chat → Persistent Chat migration on generated pools (embedded SQLite,
embedded directory and topology): the thirteen steps of Microsoft's "Migration process - details"
run through the pcmig cmdlets, then a verification, and one HTML report of it all.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'small' },
      flavour: { type: 'string', default: 'lync2010' },
      out: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!isSizeName(values.size)) throw new Error(`--size must be tiny, small, medium or large (got ${values.size}).`);
  if (values.flavour !== 'lync2010' && values.flavour !== 'ocs2007r2') throw new Error(`--flavour must be lync2010 or ocs2007r2 (got ${values.flavour}).`);
  const out = path.resolve(values.out ?? path.join('out', `rehearsal-${values.size}-${new Date().toISOString().replace(/[:.]/g, '-')}`));
  const tty = process.stderr.isTTY;
  process.stderr.write(`Rehearsing a ${values.size} ${values.flavour} migration in ${out}\n`);
  const result = await runRehearsal({
    size: values.size,
    flavour: values.flavour,
    out,
    ...(values.seed !== undefined ? { seed: Number(values.seed) } : {}),
    onProgress: (event) => {
      if (tty && !event.completed) process.stderr.write(`\r\x1b[2K  [${String(event.percentComplete ?? 0).padStart(3)}%] ${event.status}`);
    },
    onStep: (step: StepRecord) => {
      const mark = step.status === 'passed' ? 'ok  ' : step.status === 'failed' ? 'FAIL' : 'skip';
      process.stderr.write(`${tty ? '\r\x1b[2K' : ''}  ${mark} ${String(step.number).padStart(2)}. ${step.title} (${(step.durationMs / 1000).toFixed(1)} s) — ${step.summary}\n`);
      if (step.status === 'failed') for (const detail of step.details.slice(0, 10)) process.stderr.write(`         ${detail}\n`);
    },
  });
  process.stderr.write(`\nRehearsal ${result.verdict} in ${(result.durationMs / 1000).toFixed(1)} s.\nReport: ${result.paths.report}\n`);
  process.stdout.write(`${result.paths.report}\n`);
  return result.verdict === 'passed' ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`pcmig rehearse: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
