import type { LegacyFlavour } from '@pcmig/core';
import type { GeneratedDirectory } from './directory-types.js';
import type { SizeSpec } from './sizes.js';
import type { DatabaseLocation, GeneratedTopology } from './topology-types.js';

/** A room named in the report; the path lists its categories from the top level down (the root's name never counts). */
export interface PlantedRoom {
  readonly id: number;
  readonly guid: string;
  readonly name: string;
  readonly categoryId: number;
  readonly categoryPath: readonly string[];
}

export interface PlantedPrincipal {
  readonly id: number;
  readonly guid: string;
  readonly uri: string;
}

/**
 * Everything the generator planted for the migration rules, read off the generated data (not
 * merely what was asked for), so that tests can compare a planner's findings with it one to one.
 */
export interface PlantedCases {
  /** R1/R2: names longer than 256 UTF-16 units once flattened, even with an empty separator. */
  readonly longNames: {
    readonly rooms: readonly (PlantedRoom & { readonly flattenedLength: number })[];
    readonly categories: readonly { readonly id: number; readonly guid: string; readonly name: string; readonly path: readonly string[]; readonly flattenedLength: number }[];
  };
  /** R3: Managers of the root category. */
  readonly rootManagers: readonly PlantedPrincipal[];
  /** R4: rooms with invitations on whose category's effective setting is off. */
  readonly invitationConflicts: readonly PlantedRoom[];
  /** R6: federated users (principal type 6), the rooms they are members of, the messages they posted. */
  readonly federatedUsers: readonly (PlantedPrincipal & { readonly rooms: readonly number[]; readonly messages: number })[];
  /** R7: disabled rooms and the messages they hold. */
  readonly disabledRooms: readonly (PlantedRoom & { readonly messages: number })[];
  /** R8: messages older than the cutoff, in all and per room id. */
  readonly cutoff: {
    readonly date: string;
    /** .NET ticks as decimal text. */
    readonly ticks: string;
    readonly messagesBefore: number;
    readonly messagesFromCutoff: number;
    readonly byRoom: Readonly<Record<string, number>>;
  };
  /** R9: names the partly filled target already holds (empty unless target.fill is 'partial'). */
  readonly collisions: { readonly categories: readonly string[]; readonly rooms: readonly string[]; readonly addins: readonly string[] };
  /** P3: principals of another forest (its domain first), their rooms and messages. */
  readonly foreignForest: {
    readonly forest: string | null;
    readonly principals: readonly (PlantedPrincipal & { readonly kind: string; readonly dn: string | null; readonly rooms: readonly number[]; readonly messages: number })[];
  };
  /** Message authors missing from tblPrincipal. */
  readonly unknownAuthors: readonly { readonly principalId: number; readonly rooms: readonly number[]; readonly messages: number }[];
  /** R11: databases that show a chat server pinging within the last hour. */
  readonly servicesRunning: { readonly legacy: boolean; readonly target: boolean };
  /** §4: rooms with a Topic. */
  readonly topicRooms: readonly number[];
  /** §4: rooms whose own setting differs from their category's effective one. */
  readonly fileUploadOverrides: readonly (PlantedRoom & { readonly value: boolean; readonly categoryValue: boolean })[];
  readonly chatHistoryOverrides: readonly (PlantedRoom & { readonly value: boolean; readonly categoryValue: boolean })[];
  /** §4: rooms without their own member list, and the node whose list they use. */
  readonly inheritedMemberRooms: readonly { readonly id: number; readonly memberListDefinerId: number }[];
  /** §4: categories whose members may not create rooms. */
  readonly restrictedCreationCategories: readonly { readonly id: number; readonly name: string; readonly path: readonly string[] }[];
  /** Rooms directly under the root category. */
  readonly rootRooms: readonly PlantedRoom[];
  /** File links whose file is not in the file store. */
  readonly missingFiles: readonly { readonly roomId: number; readonly path: string }[];
}

export interface GenerationSummary {
  readonly principals: {
    readonly total: number;
    readonly users: number;
    readonly federatedUsers: number;
    readonly groups: number;
    readonly folders: number;
    readonly domains: number;
    readonly sipDisabled: number;
    readonly deleted: number;
  };
  readonly affiliations: number;
  readonly categories: number;
  /** Levels below the root of the deepest category. */
  readonly maxDepth: number;
  readonly rooms: number;
  readonly auditoriumRooms: number;
  readonly privateRooms: number;
  /** Lync Server 2010 allows a NULL visibility. */
  readonly roomsWithoutVisibility: number;
  readonly roomsWithAddin: number;
  readonly roomsWithoutMessages: number;
  readonly busiestRoom: { readonly id: number; readonly messages: number };
  readonly categoryManagers: number;
  readonly roles: { readonly member: number; readonly manager: number; readonly voiced: number };
  readonly scopes: number;
  readonly addins: number;
  readonly messages: number;
  readonly filePosts: number;
  readonly stories: number;
  readonly alerts: number;
  readonly files: { readonly count: number; readonly bytes: number };
}

export interface GeneratedPool {
  readonly database: DatabaseLocation;
  /** Safe for logs and reports. */
  readonly description: string;
  /** Size of the database file (SQLite only). */
  readonly bytes: number | null;
  /** The pool's file store folder. */
  readonly fileStore: string;
}

export interface TargetSummary {
  readonly principals: number;
  readonly cachedUsers: number;
  readonly domains: number;
  readonly categories: number;
  readonly rooms: number;
  readonly addins: number;
  readonly messages: number;
}

/** What generateDeployment made, as plain, JSON-serialisable data. */
export interface GeneratedDeployment {
  readonly seed: number;
  readonly size: SizeSpec;
  readonly flavour: LegacyFlavour;
  readonly out: string;
  readonly legacy: GeneratedPool & { readonly summary: GenerationSummary };
  readonly target: (GeneratedPool & { readonly fill: 'empty' | 'partial'; readonly summary: TargetSummary }) | null;
  readonly directory: GeneratedDirectory;
  readonly topology: GeneratedTopology;
  /** The deployment folder (the output folder) and its deployment.json, or null when not written. */
  readonly deployment: { readonly folder: string; readonly file: string } | null;
  readonly planted: PlantedCases;
  /** Wall-clock durations (informational; they vary from run to run). */
  readonly timings: { readonly legacyMs: number; readonly targetMs: number; readonly totalMs: number };
}
