import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LegacyFlavour } from '@pcmig/core';
import { generateDeployment, type GeneratedDeployment, type GenerateOptions } from '@pcmig/tools';
import { runPcmig, type PcmigRun } from '../rehearsal/run-pcmig.js';

/** A generated tiny deployment, exported once, ready for import scenarios through the real binary. */
export interface Scenario {
  readonly dir: string;
  readonly generated: GeneratedDeployment;
  readonly legacyDb: string;
  readonly targetDb: string;
  readonly packageFile: string;
  readonly exported: PcmigRun;
  pcmig(cmdlet: string, args: readonly string[]): Promise<PcmigRun>;
  dispose(): void;
}

export async function prepareScenario(
  name: string,
  options: { flavour: LegacyFlavour; plant?: GenerateOptions['plant']; target?: GenerateOptions['target'] },
): Promise<Scenario> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pcmig-${name}-`));
  const generated = await generateDeployment({
    size: 'tiny',
    flavour: options.flavour,
    out: path.join(dir, 'deployment'),
    target: options.target ?? { fill: 'partial' },
    ...(options.plant ? { plant: options.plant } : {}),
  });
  const env = { PCMIG_DEPLOYMENT: path.join(dir, 'deployment') };
  const pcmig = (cmdlet: string, args: readonly string[]) => runPcmig(cmdlet, args, { env });
  const legacyDb = generated.topology.legacy.database.dbInstance;
  const targetDb = generated.topology.target?.database.dbInstance ?? '';
  const packageFile = path.join(dir, 'package.zip');
  const exported = await pcmig('Export-CsPersistentChatData', ['-DBInstance', legacyDb, '-FileName', packageFile, '-StartDate', generated.planted.cutoff.date]);
  if (exported.exitCode !== 0) throw new Error(`Export failed: ${exported.stderr}`);
  return { dir, generated, legacyDb, targetDb, packageFile, exported, pcmig, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface FindingObject {
  readonly Severity: 'error' | 'warning' | 'info';
  readonly Code: string;
  readonly Path: string;
  readonly Message: string;
}

export function findingsOf(run: PcmigRun): FindingObject[] {
  return ((run.objects[0]?.Findings ?? []) as FindingObject[]).slice();
}

export function withCode(findings: readonly FindingObject[], code: string): FindingObject[] {
  return findings.filter((f) => f.Code === code);
}
