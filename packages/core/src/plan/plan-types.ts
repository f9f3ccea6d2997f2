import type { ChatRoomInvitations, ChatRoomPrivacy, ChatRoomType, ExportLevel, SourceFlavour } from '../model/constants.js';
import type { LevelContents } from '../model/export-level.js';
import type { PrincipalKind } from '../model/principal.js';
import type { Finding } from './findings/finding.js';
import type { ShapingOptions } from './plan-options.js';

/**
 * fresh: nothing of this import is in the target yet. resume: an earlier attempt stopped
 * part-way (the ledger holds its allocations and what it applied). complete: it finished before.
 */
export type PlanStatus = 'fresh' | 'resume' | 'complete';

export interface PrincipalAction {
  readonly sourceId: number;
  readonly sourceGuid: string;
  readonly uri: string;
  readonly kind: PrincipalKind;
  readonly federated: boolean;
  /** match: the target caches it; create: added to tblPrincipal; system: the target's system principal; unresolved: an error. */
  readonly action: 'match' | 'create' | 'system' | 'unresolved';
  readonly matchedBy: 'guid' | 'upn' | 'uri' | null;
  readonly targetId: number | null;
  /** The principal's objectGUID as the target knows it (the source's when it is created). */
  readonly targetGuid: string;
}

export interface AddinAction {
  readonly sourceId: string;
  readonly name: string;
  readonly url: string;
  readonly action: 'create' | 'overwrite';
  readonly targetId: string;
}

/** create: a new node; overwrite: an existing node of the same name is replaced (R9); keep: identity only (Content level). */
export type NodeActionKind = 'create' | 'overwrite' | 'keep';

export interface CategoryAction {
  /** The legacy category id (the root's id for the root-rooms category). */
  readonly sourceId: number;
  /** The legacy location, root excluded; the root-rooms category has []. */
  readonly sourcePath: readonly string[];
  readonly name: string;
  readonly action: NodeActionKind;
  readonly targetId: number;
  readonly guid: string;
  readonly description: string;
  readonly invitations: boolean;
  readonly fileUpload: boolean;
  readonly chatHistory: boolean;
  /** Target prinIDs, ascending. */
  readonly allowedMembers: readonly number[];
  readonly deniedMembers: readonly number[];
  readonly creators: readonly number[];
  /** Legacy creation audit, mapped to target principals. */
  readonly addedBy: number;
  readonly addedOn: string;
}

export interface RoomMessages {
  /** Messages to import (after -StartDate). */
  readonly count: number;
  /** Left out by -StartDate (R8). */
  readonly cut: number;
  readonly firstChatId: number | null;
  readonly lastChatId: number | null;
  /** SHA-256 over the room's messages (RoomHasher), when planned with contentHash (verification); else ''. */
  readonly hash: string;
  /** Added to every legacy chatId: the overwritten room's highest chatId, else 0. */
  readonly chatIdOffset: number;
  /** Messages the target room already holds (kept, R9). */
  readonly existing: number;
}

export interface RoomAction {
  readonly sourceId: number;
  readonly sourcePath: readonly string[];
  readonly sourceName: string;
  readonly name: string;
  /** skip: not migrated (R7, or an error). */
  readonly action: NodeActionKind | 'skip';
  readonly categorySourceId: number;
  readonly category: string;
  readonly categoryTargetId: number;
  readonly targetId: number;
  readonly guid: string;
  readonly description: string;
  readonly privacy: ChatRoomPrivacy;
  readonly type: ChatRoomType;
  readonly invitations: ChatRoomInvitations;
  readonly disabled: boolean;
  /** Target add-in GUID. */
  readonly addin: string | null;
  readonly members: readonly number[];
  readonly managers: readonly number[];
  readonly presenters: readonly number[];
  readonly addedBy: number;
  readonly addedOn: string;
  readonly messages: RoomMessages;
}

export interface PlanMonth {
  /** 'YYYY-MM' */
  readonly month: string;
  readonly migrated: number;
  readonly cut: number;
  readonly notMigrated: number;
}

export interface PlanTotals {
  readonly principals: { readonly referenced: number; readonly matched: number; readonly created: number; readonly unresolved: number };
  readonly addins: { readonly create: number; readonly overwrite: number };
  readonly categories: { readonly create: number; readonly overwrite: number; readonly keep: number };
  readonly rooms: { readonly create: number; readonly overwrite: number; readonly keep: number; readonly skip: number };
  readonly messages: { readonly import: number; readonly cut: number; readonly inSkippedRooms: number };
  readonly findings: { readonly error: number; readonly warning: number; readonly info: number };
}

/** What Import-CsPersistentChatData will do, and everything it had to convert on the way. */
export interface MigrationPlan {
  /** Identifies this import (source content + shaping options) in the target's ledger. */
  readonly runKey: string;
  /** Identifies the source's content alone. */
  readonly sourceKey: string;
  readonly status: PlanStatus;
  readonly source: {
    readonly origin: string;
    readonly flavour: SourceFlavour;
    readonly schemaVersion: string | null;
    readonly level: ExportLevel;
    readonly contents: LevelContents;
    readonly scope: readonly string[] | null;
    /** ISO-8601 (UTC), or null. */
    readonly startDate: string | null;
  };
  readonly target: { readonly description: string; readonly engine: 'sqlite' | 'mssql' };
  readonly options: ShapingOptions & { readonly force: boolean };
  /** When the plan was made (ISO-8601). */
  readonly plannedAt: string;
  readonly principals: readonly PrincipalAction[];
  readonly addins: readonly AddinAction[];
  readonly categories: readonly CategoryAction[];
  readonly rooms: readonly RoomAction[];
  readonly findings: readonly Finding[];
  /** Per UTC month: messages migrated, left out by -StartDate (R8), and in rooms not migrated (R7). */
  readonly months: readonly PlanMonth[];
  readonly totals: PlanTotals;
}
