import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { throttleProgress } from '@pcmig/core';
import { buildTopology } from './build-topology.js';
import { describePlanted, summarise } from './describe-plan.js';
import { generatorErrors } from './errors.js';
import { GENERATE_ACTIVITY, generateLegacy, planLegacy } from './generate-legacy.js';
import { generateTarget, type TargetOutcome } from './generate-target.js';
import { resolveOptions, type GenerateOptions } from './options.js';
import { Random } from './random.js';
import { writeDeploymentFolder } from './write-deployment-folder.js';
import type { GeneratedDeployment } from './result-types.js';

export const TARGET_ACTIVITY = 'Generate Persistent Chat pool';

/**
 * Generates a whole rehearsal deployment into `options.out`: the legacy Group Chat database and
 * file store (legacy/), the Persistent Chat pool (target/), the deployment folder's files
 * (deployment.json, embedded directory and topology), and, as data, the directory, the topology
 * and the report of every planted case. The same options and seed always give the same
 * databases, byte for byte (SQLite), and the same file store.
 */
export async function generateDeployment(options: GenerateOptions): Promise<GeneratedDeployment> {
  const started = performance.now();
  const resolved = resolveOptions(options);
  const out = path.resolve(resolved.out);
  const random = new Random(resolved.seed);
  throttleProgress(resolved.onProgress)({ activity: GENERATE_ACTIVITY, status: 'Planning the deployment' });
  const plan = planLegacy(resolved, random.fork('legacy'));
  prepareOutput(out);

  const legacyFolder = path.join(out, 'legacy');
  fs.mkdirSync(legacyFolder, { recursive: true });
  const legacy = await generateLegacy(resolved, random.fork('legacy'), legacyFolder, plan);
  const legacyDone = performance.now();

  let target: TargetOutcome | null = null;
  if (resolved.target.fill !== 'none') {
    const progress = throttleProgress(resolved.onProgress);
    progress({ activity: TARGET_ACTIVITY, status: `Creating ${resolved.target.fill === 'partial' ? 'a partly filled' : 'an empty'} Persistent Chat pool` });
    const targetFolder = path.join(out, 'target');
    fs.mkdirSync(targetFolder, { recursive: true });
    target = await generateTarget(resolved, random.fork('target'), targetFolder, legacy);
    progress({ activity: TARGET_ACTIVITY, status: 'Persistent Chat pool written', completed: true, percentComplete: 100 });
  }

  const targetDone = performance.now();
  const generated = legacy.population.directory;
  const topology = buildTopology({
    flavour: resolved.flavour,
    lookupUri: generated.lookupAccount.sipAddress,
    forest: generated.forest.name,
    sipDomain: generated.sipDomain,
    legacyDatabase: legacy.database,
    legacyFileStore: legacy.fileStore,
    target: target ? { database: target.database, fileStore: target.fileStore } : null,
    serviceState: 'Running',
  });
  let directory = generated;
  let deployment: GeneratedDeployment['deployment'] = null;
  if (resolved.deploymentFolder) {
    const written = await writeDeploymentFolder({
      folder: out,
      topology,
      forestDn: generated.forest.dn,
      name: `pcmig rehearsal (${resolved.size.name}, ${resolved.flavour}, seed ${resolved.seed})`,
      lookupAccount: generated.lookupAccount,
    });
    directory = { ...generated, lookupAccount: written.lookupAccount };
    deployment = { folder: out, file: written.deploymentFile };
  }
  const finished = performance.now();
  const planted = describePlanted({
    tree: legacy.tree,
    membership: legacy.membership,
    tally: legacy.tally,
    cutoff: { iso: resolved.plant.cutoff, ticks: resolved.cutoffTicks },
    collisions: target?.collisions ?? { categories: [], rooms: [], addins: [] },
    missingFiles: legacy.missingFiles,
    servicesRunning: { legacy: resolved.plant.servicesRunning, target: target !== null && resolved.plant.targetServicesRunning },
  });
  return {
    seed: resolved.seed,
    size: resolved.size,
    flavour: resolved.flavour,
    out,
    legacy: {
      database: legacy.database,
      description: legacy.description,
      bytes: legacy.bytes,
      fileStore: legacy.fileStore,
      summary: summarise(legacy.tree, legacy.membership, legacy.tally, { count: legacy.files.length, bytes: legacy.fileBytes }),
    },
    target: target
      ? {
          database: target.database,
          description: target.description,
          bytes: target.bytes,
          fileStore: target.fileStore,
          fill: resolved.target.fill === 'partial' ? 'partial' : 'empty',
          summary: target.summary,
        }
      : null,
    directory,
    topology,
    deployment,
    planted,
    timings: { legacyMs: Math.round(legacyDone - started), targetMs: Math.round(targetDone - legacyDone), totalMs: Math.round(finished - started) },
  };
}

/** The output folder must be new or empty: a generator never mixes two deployments. */
function prepareOutput(out: string): void {
  if (fs.existsSync(out)) {
    if (!fs.statSync(out).isDirectory()) {
      throw generatorErrors.create('PCMIG-GEN-005', { message: `${out} exists and is not a folder.`, target: out });
    }
    const entries = fs.readdirSync(out);
    if (entries.length > 0) {
      throw generatorErrors.create('PCMIG-GEN-005', { message: `${out} is not empty (${entries.length} entries).`, target: out, reason: { entries: entries.slice(0, 10) } });
    }
  }
  fs.mkdirSync(out, { recursive: true });
}
