import { parseArgs } from 'node:util';
import { generatorErrors } from '../generator/errors.js';
import { PLANT_KNOBS, type GenerateOptions, type PlantOptions, type TargetFill } from '../generator/options.js';

export interface GenerateCommand {
  readonly help: boolean;
  readonly options: Omit<GenerateOptions, 'onProgress'>;
  /** Where the result (directory, topology, planted cases) is written as JSON: undefined = <out>/generation.json, null = nowhere. */
  readonly manifest: string | null | undefined;
  readonly json: boolean;
  readonly quiet: boolean;
}

export const GENERATE_USAGE = `Usage: pcmig-generate --out <folder> [options]

Generates a rehearsal deployment: a legacy Group Chat database and file store (legacy/),
a Persistent Chat pool (target/), the deployment folder's files (deployment.json, embedded
directory and topology) and generation.json (directory, topology, planted cases).

  --out <folder>               New or empty folder to generate into (required)
  --size <size>                tiny | small | medium | large (default tiny)
  --flavour <flavour>          lync2010 | ocs2007r2 (default lync2010)
  --seed <n>                   Whole number; the same seed gives the same databases (default 1)
  --db-instance <instance>     Legacy database on SQL Server (host\\instance, host,port or host);
  --db-name <name>             it must exist and be empty. Default: SQLite in <out>/legacy/
  --target <fill>              none | empty | partial (default empty)
  --target-db-instance <i>     Target database on SQL Server (default: SQLite in <out>/target/)
  --target-db-name <name>
  --cached-user-share <0..1>   Share of the users already cached in the target (default 0.3)
  --collide-category <name>    Name the partly filled target shares with the legacy pool (repeatable;
  --collide-room <name>        replaces the generator's choice for that kind)
  --collide-addin <name>
  --plant <knob>=<value>       Set a planting knob (repeatable), e.g. --plant foreignForestPrincipals=3,
                               --plant servicesRunning=true, --plant cutoff=2011-01-01
  --no-deployment              Do not make <out> a deployment folder (deployment.json, directory, topology)
  --manifest <file>            Where to write the result (default <out>/generation.json); '-' for none
  --json                       Print the result as JSON on stdout
  --quiet                      No progress display
  --help                       This text

SQL Server logins come from PCMIG_SQL_USER / PCMIG_SQL_PASSWORD (PCMIG_SQL_DOMAIN for NTLM).
Knobs: ${PLANT_KNOBS.join(', ')}.`;

const usageError = (message: string) => generatorErrors.create('PCMIG-GEN-007', { message });

const BOOLEAN_KNOBS = new Set<keyof PlantOptions>(['servicesRunning', 'targetServicesRunning']);

/** Parses the generator's command line (GNU-style long options). */
export function parseGenerateArgs(argv: readonly string[]): GenerateCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: {
        out: { type: 'string' },
        size: { type: 'string' },
        flavour: { type: 'string' },
        flavor: { type: 'string' },
        seed: { type: 'string' },
        'db-instance': { type: 'string' },
        'db-name': { type: 'string' },
        target: { type: 'string' },
        'target-db-instance': { type: 'string' },
        'target-db-name': { type: 'string' },
        'cached-user-share': { type: 'string' },
        'collide-category': { type: 'string', multiple: true },
        'collide-room': { type: 'string', multiple: true },
        'collide-addin': { type: 'string', multiple: true },
        plant: { type: 'string', multiple: true },
        'no-deployment': { type: 'boolean' },
        manifest: { type: 'string' },
        json: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw usageError((error as Error).message);
  }
  const values = parsed.values;
  if (values.help) return { help: true, options: { size: 'tiny', flavour: 'lync2010', out: '' }, manifest: null, json: false, quiet: true };
  if (!values.out) throw usageError('--out is required.');

  const plant: Record<string, unknown> = {};
  for (const entry of values.plant ?? []) {
    const match = /^([A-Za-z]+)=(.*)$/.exec(entry);
    if (!match) throw usageError(`--plant ${entry}: expected <knob>=<value>.`);
    const [, knob, text] = match as unknown as [string, string, string];
    if (!(PLANT_KNOBS as readonly string[]).includes(knob)) throw usageError(`--plant ${knob}: unknown knob (known: ${PLANT_KNOBS.join(', ')}).`);
    if (BOOLEAN_KNOBS.has(knob as keyof PlantOptions)) {
      if (!/^(true|false)$/i.test(text)) throw usageError(`--plant ${knob}: expected true or false.`);
      plant[knob] = /^true$/i.test(text);
    } else if (knob === 'cutoff') {
      plant[knob] = text;
    } else {
      if (!/^\d+$/.test(text)) throw usageError(`--plant ${knob}: expected a whole number.`);
      plant[knob] = Number(text);
    }
  }

  const seed = values.seed === undefined ? undefined : /^\d+$/.test(values.seed) ? Number(values.seed) : Number.NaN;
  const share = values['cached-user-share'] === undefined ? undefined : Number(values['cached-user-share']);
  if (share !== undefined && Number.isNaN(share)) throw usageError('--cached-user-share expects a number between 0 and 1.');
  const collisionNames = {
    ...(values['collide-category'] ? { categories: values['collide-category'] } : {}),
    ...(values['collide-room'] ? { rooms: values['collide-room'] } : {}),
    ...(values['collide-addin'] ? { addins: values['collide-addin'] } : {}),
  };
  const options: Omit<GenerateOptions, 'onProgress'> = {
    out: values.out,
    size: values.size ?? 'tiny',
    flavour: values.flavour ?? values.flavor ?? 'lync2010',
    ...(seed !== undefined ? { seed } : {}),
    ...(values['db-instance'] !== undefined ? { dbInstance: values['db-instance'] } : {}),
    ...(values['db-name'] !== undefined ? { dbName: values['db-name'] } : {}),
    target: {
      fill: (values.target ?? 'empty') as TargetFill,
      ...(values['target-db-instance'] !== undefined ? { dbInstance: values['target-db-instance'] } : {}),
      ...(values['target-db-name'] !== undefined ? { dbName: values['target-db-name'] } : {}),
      ...(share !== undefined ? { cachedUserShare: share } : {}),
      ...(Object.keys(collisionNames).length > 0 ? { collisionNames } : {}),
    },
    plant: plant as Partial<PlantOptions>,
    ...(values['no-deployment'] ? { deploymentFolder: false } : {}),
  };
  const manifest = values.manifest === '-' ? null : values.manifest;
  return { help: false, options, manifest, json: values.json ?? false, quiet: values.quiet ?? false };
}
