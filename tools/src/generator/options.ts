import { isoToTicks, LEGACY_FLAVOURS, type LegacyFlavour, type MssqlCredentials, type ProgressListener, type Ticks } from '@pcmig/core';
import { generatorErrors } from './errors.js';
import { resolveSize, type SizeName, type SizeSpec } from './sizes.js';
import { HISTORY_END, HISTORY_START } from './timeline.js';

/**
 * Knobs that plant the cases the migration rules care about (docs/generator.md maps each one to
 * its rule). Counts are exact: the result reports every planted object.
 */
export interface PlantOptions {
  /** R2: rooms under a nested category whose own name makes the flattened name exceed 256 characters. */
  readonly longRoomNames: number;
  /** R1/R2: nested categories whose flattened name exceeds 256 characters (leaves without rooms). */
  readonly longCategoryNames: number;
  /** R3: users with the Manager role on the root category. */
  readonly rootManagers: number;
  /** R4: rooms with invitations on under a category whose effective setting is off. */
  readonly invitationConflicts: number;
  /** R6: federated users (principal type 6), each a member of and author in one to three rooms. */
  readonly federatedUsers: number;
  /** R7: disabled rooms (with messages). Default: 2 % of the rooms, at least 2. */
  readonly disabledRooms: number;
  /** R8: the cutoff date the result counts older messages against (ISO-8601). */
  readonly cutoff: string;
  /** R9: legacy top-level categories re-created in a partly filled target. */
  readonly collidingCategories: number;
  /** R9: legacy rooms (directly under top-level categories) re-created in a partly filled target. */
  readonly collidingRooms: number;
  /** R9: legacy add-ins re-registered (another URL) in a partly filled target. */
  readonly collidingAddins: number;
  /** P3 (optional): users of another forest (fabrikam.com) and its domain, members of and authors in rooms. */
  readonly foreignForestPrincipals: number;
  /** Optional: principals missing from tblPrincipal, each the author of some messages. */
  readonly unknownAuthors: number;
  /** R11 (optional): the legacy database shows a chat server that pinged a minute ago. */
  readonly servicesRunning: boolean;
  /** R11 (optional): the target database shows a running Persistent Chat server. */
  readonly targetServicesRunning: boolean;
  /** §4: rooms with a Topic (dropped by Persistent Chat). Default: a quarter of the rooms. */
  readonly topicRooms: number;
  /** §4: rooms whose own AllowFileUpload differs from their category's effective one. */
  readonly fileUploadOverrides: number;
  /** §4: rooms whose own LogChatHistory differs from their category's effective one. */
  readonly chatHistoryOverrides: number;
  /** §4: rooms without their own member list (overrideMember = 0). Default: 30 % of the rooms. */
  readonly inheritedMemberRooms: number;
  /** §4: categories whose members may not create rooms (restrictChildCreate = 0). */
  readonly restrictedCreationCategories: number;
  /** R1 open question (optional): rooms placed directly under the root category. */
  readonly rootRooms: number;
  /** Optional: file links whose file is absent from the file store. */
  readonly missingFiles: number;
}

export type TargetFill = 'none' | 'empty' | 'partial';

export interface TargetOptions {
  /** 'none': no target; 'empty': an empty Persistent Chat pool; 'partial': one that already holds (colliding) items. */
  readonly fill?: TargetFill;
  /** SQL Server for the target (default: SQLite at <out>/target/mgc.db). */
  readonly dbInstance?: string;
  readonly dbName?: string;
  /** Share of the legacy users already cached in the target's tblPrincipal (default 0.3). */
  readonly cachedUserShare?: number;
  /**
   * Names to collide on instead of the generator's choice (e.g. flattened sub-category names with
   * the importer's separator). Each list replaces the automatic choice for its kind.
   */
  readonly collisionNames?: { readonly categories?: readonly string[]; readonly rooms?: readonly string[]; readonly addins?: readonly string[] };
}

export interface GenerateOptions {
  readonly size: SizeName | SizeSpec | string;
  readonly flavour: LegacyFlavour | string;
  /** Folder that receives the SQLite databases and the file stores. Must be new or empty. */
  readonly out: string;
  readonly seed?: number;
  /** SQL Server for the legacy database (default: SQLite at <out>/legacy/<flavour>.db). The database must exist and be empty. */
  readonly dbInstance?: string;
  readonly dbName?: string;
  readonly credentials?: MssqlCredentials;
  readonly target?: TargetOptions;
  readonly plant?: Partial<PlantOptions>;
  /**
   * Make the output folder a deployment folder (@pcmig/endpoint's deployment.json, embedded
   * directory and topology) naming the generated pools. Default true.
   */
  readonly deploymentFolder?: boolean;
  /** The clock for "services running" pings (default: the real clock). Nothing else reads it. */
  readonly now?: Date;
  readonly onProgress?: ProgressListener;
}

export interface ResolvedOptions {
  readonly size: SizeSpec;
  readonly flavour: LegacyFlavour;
  readonly out: string;
  readonly seed: number;
  readonly dbInstance: string | undefined;
  readonly dbName: string | undefined;
  readonly credentials: MssqlCredentials | undefined;
  readonly target: Required<Pick<TargetOptions, 'fill' | 'cachedUserShare'>> & TargetOptions;
  readonly plant: PlantOptions;
  readonly cutoffTicks: Ticks;
  readonly deploymentFolder: boolean;
  readonly now: Date;
  readonly onProgress: ProgressListener | undefined;
}

export const DEFAULT_SEED = 1;
export const DEFAULT_CUTOFF = '2010-01-01T00:00:00Z';

export function defaultPlant(size: SizeSpec): PlantOptions {
  return {
    longRoomNames: 2,
    longCategoryNames: 1,
    rootManagers: 2,
    invitationConflicts: 2,
    federatedUsers: 2,
    disabledRooms: Math.max(2, Math.round(size.rooms * 0.02)),
    cutoff: DEFAULT_CUTOFF,
    collidingCategories: 2,
    collidingRooms: 2,
    collidingAddins: 1,
    foreignForestPrincipals: 0,
    unknownAuthors: 0,
    servicesRunning: false,
    targetServicesRunning: false,
    topicRooms: Math.round(size.rooms * 0.25),
    fileUploadOverrides: 2,
    chatHistoryOverrides: 2,
    inheritedMemberRooms: Math.round(size.rooms * 0.3),
    restrictedCreationCategories: 2,
    rootRooms: 0,
    missingFiles: 0,
  };
}

const COUNT_KNOBS = [
  'longRoomNames',
  'longCategoryNames',
  'rootManagers',
  'invitationConflicts',
  'federatedUsers',
  'disabledRooms',
  'collidingCategories',
  'collidingRooms',
  'collidingAddins',
  'foreignForestPrincipals',
  'unknownAuthors',
  'topicRooms',
  'fileUploadOverrides',
  'chatHistoryOverrides',
  'inheritedMemberRooms',
  'restrictedCreationCategories',
  'rootRooms',
  'missingFiles',
] as const satisfies readonly (keyof PlantOptions)[];

export const PLANT_KNOBS: readonly (keyof PlantOptions)[] = [...COUNT_KNOBS, 'cutoff', 'servicesRunning', 'targetServicesRunning'];

function knobError(knob: string, message: string, limit?: number) {
  return generatorErrors.create('PCMIG-GEN-004', { message, target: knob, reason: { knob, ...(limit !== undefined ? { limit } : {}) } });
}

/** Rooms that each planted rule case takes for itself (they never share one, so findings stay attributable). */
export function exclusiveRoomsNeeded(plant: PlantOptions): number {
  return (
    plant.longRoomNames + plant.invitationConflicts + plant.disabledRooms + plant.collidingRooms + plant.fileUploadOverrides + plant.chatHistoryOverrides + plant.rootRooms
  );
}

export function resolveOptions(options: GenerateOptions): ResolvedOptions {
  const size = resolveSize(options.size);
  if (!(LEGACY_FLAVOURS as readonly string[]).includes(options.flavour)) {
    throw generatorErrors.create('PCMIG-GEN-002', { message: `Unknown legacy flavour '${options.flavour}'.`, target: String(options.flavour), reason: { known: [...LEGACY_FLAVOURS] } });
  }
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw generatorErrors.create('PCMIG-GEN-003', { message: `Seed ${String(seed)} is not a whole number between 0 and 4294967295.`, target: String(seed) });
  }
  const plant: PlantOptions = { ...defaultPlant(size), ...stripUndefined(options.plant ?? {}) };
  for (const knob of COUNT_KNOBS) {
    const value = plant[knob];
    if (!Number.isSafeInteger(value) || value < 0) throw knobError(knob, `${knob} must be a whole number of zero or more (got ${String(value)}).`);
  }
  for (const knob of ['servicesRunning', 'targetServicesRunning'] as const) {
    if (typeof plant[knob] !== 'boolean') throw knobError(knob, `${knob} must be true or false.`);
  }
  const exclusive = exclusiveRoomsNeeded(plant);
  const roomLimit = size.rooms - 4; // a few ordinary rooms always remain
  if (exclusive > roomLimit) {
    throw knobError('rooms', `The planted room cases need ${exclusive} rooms of their own; size ${size.name} has room for ${roomLimit}.`, roomLimit);
  }
  const limits: [keyof PlantOptions, number][] = [
    ['topicRooms', size.rooms],
    ['inheritedMemberRooms', size.rooms - exclusive],
    ['rootManagers', Math.floor(size.users / 4)],
    ['federatedUsers', size.rooms],
    ['foreignForestPrincipals', size.rooms],
    ['collidingCategories', size.topCategories],
    ['collidingAddins', size.addins],
    ['restrictedCreationCategories', size.categories],
    ['longCategoryNames', size.categories - size.topCategories],
    ['unknownAuthors', Math.max(0, Math.floor(size.messages / 5))],
    ['missingFiles', 1_000],
  ];
  for (const [knob, limit] of limits) {
    if ((plant[knob] as number) > limit) throw knobError(knob, `${knob} is ${String(plant[knob])}; size ${size.name} allows at most ${limit}.`, limit);
  }
  let cutoffTicks: Ticks;
  try {
    cutoffTicks = isoToTicks(/T/.test(plant.cutoff) ? plant.cutoff : `${plant.cutoff}T00:00:00Z`);
  } catch (cause) {
    throw generatorErrors.create('PCMIG-GEN-008', { message: `Cutoff '${plant.cutoff}' is not an ISO-8601 date.`, target: plant.cutoff, cause });
  }
  if (cutoffTicks <= HISTORY_START || cutoffTicks >= HISTORY_END) {
    throw generatorErrors.create('PCMIG-GEN-008', { message: `Cutoff ${plant.cutoff} is outside the generated history.`, target: plant.cutoff });
  }
  const fill = options.target?.fill ?? 'empty';
  if (!['none', 'empty', 'partial'].includes(fill)) {
    throw knobError('target.fill', `target.fill must be none, empty or partial (got ${String(fill)}).`);
  }
  const cachedUserShare = options.target?.cachedUserShare ?? 0.3;
  if (!(cachedUserShare >= 0 && cachedUserShare <= 1)) throw knobError('target.cachedUserShare', 'target.cachedUserShare must be between 0 and 1.');
  return {
    size,
    flavour: options.flavour as LegacyFlavour,
    out: options.out,
    seed,
    dbInstance: options.dbInstance,
    dbName: options.dbName,
    credentials: options.credentials,
    target: { ...options.target, fill, cachedUserShare },
    plant,
    cutoffTicks,
    deploymentFolder: options.deploymentFolder ?? true,
    now: options.now ?? new Date(),
    onProgress: options.onProgress,
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
