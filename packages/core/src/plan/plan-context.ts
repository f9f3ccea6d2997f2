import type { ChatRoomInvitations, ChatRoomPrivacy, ChatRoomType } from '../model/constants.js';
import type { SourceCategory, SourceRoom } from '../model/node.js';
import type { LedgerMapEntry, LedgerMapKind, LedgerRun } from '../db/repositories/import-ledger.js';
import { findingPath, type FindingSink } from './findings/finding.js';
import type { LegacyTree } from './legacy-tree.js';
import type { ResolvedPlanOptions } from './plan-options.js';
import type { NodeActionKind, PlanStatus } from './plan-types.js';
import type { MessageScan } from './scan-messages.js';
import type { SourceModel } from './source-model.js';
import type { TargetSnapshot } from './target-snapshot.js';

/** A target category in the making. Principal sets hold source prinIDs until the plan is assembled. */
export interface CategoryDraft {
  /** The legacy category id; the root's id for the root-rooms category. */
  readonly sourceId: number;
  readonly source: SourceCategory;
  /** Root first, this category last. */
  readonly chain: readonly SourceCategory[];
  /** Names below the root; [] for the root-rooms category. */
  readonly sourcePath: readonly string[];
  readonly rootRooms: boolean;
  name: string;
  description: string;
  invitations: boolean;
  fileUpload: boolean;
  chatHistory: boolean;
  readonly allowed: Set<number>;
  readonly denied: Set<number>;
  readonly creators: Set<number>;
  action: NodeActionKind;
  targetId: number;
  guid: string;
}

export interface RoomDraft {
  readonly source: SourceRoom;
  /** Root first, the room's category last. */
  readonly chain: readonly SourceCategory[];
  readonly sourcePath: readonly string[];
  /** The flattened category the room lands in. */
  readonly category: CategoryDraft;
  /** False when the room is not migrated (R7). */
  migrate: boolean;
  name: string;
  description: string;
  privacy: ChatRoomPrivacy;
  type: ChatRoomType;
  invitations: ChatRoomInvitations;
  disabled: boolean;
  /** Target add-in GUID (the add-ins rule maps the legacy one). */
  addin: string | null;
  readonly members: Set<number>;
  readonly managers: Set<number>;
  readonly presenters: Set<number>;
  action: NodeActionKind | 'skip';
  targetId: number;
  guid: string;
  chatIdOffset: number;
  existingMessages: number;
}

export interface PrincipalResolution {
  readonly action: 'match' | 'create' | 'system' | 'unresolved';
  readonly matchedBy: 'guid' | 'upn' | 'uri' | null;
  readonly targetId: number | null;
  readonly targetGuid: string;
}

export interface LedgerDecision {
  readonly status: PlanStatus;
  /** The run this plan continues or repeats. */
  readonly run: LedgerRun | null;
  /** Its allocations, keyed `${kind}:${sourceKey}`. */
  readonly maps: ReadonlyMap<string, LedgerMapEntry>;
}

export const mapKey = (kind: LedgerMapKind, sourceKey: string | number) => `${kind}:${sourceKey}`;

/** What every rule reads and writes. Rules run in the order plan-migration.ts gives. */
export interface PlanContext {
  readonly model: SourceModel;
  readonly scan: MessageScan;
  readonly target: TargetSnapshot;
  readonly options: ResolvedPlanOptions;
  readonly tree: LegacyTree;
  readonly findings: FindingSink;
  /** By legacy category id (the root's id holds the root-rooms category, when there is one). */
  readonly categories: Map<number, CategoryDraft>;
  /** By legacy room id; rooms that cannot be placed are left out (with an error). */
  readonly rooms: Map<number, RoomDraft>;
  /** Filled by the principals rule. */
  readonly principals: Map<number, PrincipalResolution>;
  /** When the ledger holds this import (resume / complete), its allocations are reused, never recomputed. */
  ledger: LedgerDecision;
}

export function migratedRooms(ctx: PlanContext): RoomDraft[] {
  return [...ctx.rooms.values()].filter((r) => r.migrate);
}

export const roomPath = (room: RoomDraft) => findingPath.room([...room.sourcePath, room.source.name]);
export const categoryPath = (category: CategoryDraft) =>
  category.rootRooms ? findingPath.category(['(root)']) : findingPath.category(category.sourcePath);

/** The URI of a source principal, for messages (never credentials: URIs are addresses). */
export function principalUri(ctx: PlanContext, principalId: number): string {
  return ctx.model.principals.get(principalId)?.uri ?? `principal #${principalId}`;
}
