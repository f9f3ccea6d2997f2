import fs from 'node:fs';
import path from 'node:path';
import { credentialsFromEnvironment, isPcmigError } from '@pcmig/core';
import { generateDeployment } from '../generator/generate-deployment.js';
import type { GeneratedDeployment } from '../generator/result-types.js';
import { GENERATE_USAGE, parseGenerateArgs } from './parse-generate-args.js';
import { renderProgress, type ProgressStream } from './render-progress.js';

export interface CliStreams {
  readonly stdout: ProgressStream;
  readonly stderr: ProgressStream;
  readonly env?: NodeJS.ProcessEnv;
}

/** The generator's command line. Returns the exit code: 0 done, 2 bad arguments, 1 any other failure. */
export async function runGenerate(argv: readonly string[], streams: CliStreams): Promise<number> {
  let progress: ReturnType<typeof renderProgress> | undefined;
  try {
    const command = parseGenerateArgs(argv);
    if (command.help) {
      streams.stdout.write(`${GENERATE_USAGE}\n`);
      return 0;
    }
    progress = command.quiet ? undefined : renderProgress(streams.stderr);
    const usesSqlServer = command.options.dbInstance !== undefined || command.options.target?.dbInstance !== undefined;
    const result = await generateDeployment({
      ...command.options,
      ...(usesSqlServer ? { credentials: credentialsFromEnvironment(streams.env ?? process.env) } : {}),
      ...(progress ? { onProgress: progress.listener } : {}),
    });
    progress?.finish();
    const manifest = command.manifest === undefined ? path.join(result.out, 'generation.json') : command.manifest;
    if (manifest !== null) fs.writeFileSync(manifest, `${JSON.stringify(result, null, 2)}\n`);
    if (command.json) streams.stdout.write(`${JSON.stringify(result)}\n`);
    else streams.stdout.write(`${summaryText(result, manifest)}\n`);
    return 0;
  } catch (error) {
    progress?.finish();
    if (isPcmigError(error)) {
      streams.stderr.write(`${error.message}\n`);
      return error.category === 'InvalidArgument' ? 2 : 1;
    }
    streams.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

const number = (n: number) => n.toLocaleString('en-US');
const megabytes = (bytes: number | null) => (bytes === null ? '' : ` (${(bytes / 1_048_576).toFixed(1)} MB)`);

/** What an administrator reads after a run. */
export function summaryText(result: GeneratedDeployment, manifest: string | null): string {
  const s = result.legacy.summary;
  const p = result.planted;
  const planted = [
    [p.longNames.rooms.length, 'over-long room names'],
    [p.longNames.categories.length, 'over-long category names'],
    [p.rootManagers.length, 'root managers'],
    [p.invitationConflicts.length, 'invitation conflicts'],
    [p.federatedUsers.length, 'federated users'],
    [p.disabledRooms.length, 'disabled rooms'],
    [p.cutoff.messagesBefore, `messages before ${p.cutoff.date.slice(0, 10)}`],
    [p.collisions.categories.length + p.collisions.rooms.length + p.collisions.addins.length, 'names shared with the target'],
    [p.foreignForest.principals.length, 'foreign-forest principals'],
    [p.unknownAuthors.length, 'unknown authors'],
    [p.topicRooms.length, 'rooms with a topic'],
    [p.inheritedMemberRooms.length, 'rooms with inherited members'],
    [p.missingFiles.length, 'missing files'],
  ]
    .filter(([count]) => (count as number) > 0)
    .map(([count, what]) => `${number(count as number)} ${what}`);
  const lines = [
    `Generated a ${result.size.name} ${result.flavour} deployment (seed ${result.seed}) in ${(result.timings.totalMs / 1000).toFixed(1)} s`,
    `  legacy: ${result.legacy.description}${megabytes(result.legacy.bytes)}`,
    `          ${number(s.messages)} messages, ${number(s.rooms)} rooms, ${number(s.categories)} categories (${s.maxDepth} deep), ${number(s.principals.total)} principals, ${number(s.files.count)} files`,
    `  files:  ${result.legacy.fileStore}`,
  ];
  if (result.target) {
    const t = result.target.summary;
    lines.push(`  target: ${result.target.description}${megabytes(result.target.bytes)}, ${result.target.fill}: ${t.categories} categories, ${t.rooms} rooms, ${t.addins} add-ins, ${number(t.cachedUsers)} cached users`);
  }
  if (result.deployment) lines.push(`  deployment: ${result.deployment.file}`);
  lines.push(`  planted: ${planted.join(', ')}`);
  if (p.servicesRunning.legacy || p.servicesRunning.target) lines.push(`  services left running in: ${[p.servicesRunning.legacy ? 'legacy' : '', p.servicesRunning.target ? 'target' : ''].filter(Boolean).join(', ')}`);
  if (manifest) lines.push(`  result: ${manifest}`);
  return lines.join('\n');
}
