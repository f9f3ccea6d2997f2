import type { ExportLevel, SourceFlavour } from './constants.js';
import type { Message } from './message.js';
import type { ChannelCount, MessageDigest } from './message-digest.js';
import type { Addin, RoleAssignment, ScopeEntry, SourceCategory, SourceRoom } from './node.js';
import type { Affiliation, Principal } from './principal.js';
import type { Ticks } from './ticks.js';

/** Messages kept and cut by -StartDate in one UTC month ('YYYY-MM'). */
export interface MonthTally {
  readonly month: string;
  readonly kept: number;
  readonly cut: number;
}

/** What a source is and what was left out of it. */
export interface SourceInfo {
  readonly flavour: SourceFlavour;
  readonly schemaVersion: string | null;
  /** Where it came from, safe for reports (never credentials). */
  readonly origin: string;
  readonly level: ExportLevel;
  /** Category names given to -Scope, or null for every category. */
  readonly scope: readonly string[] | null;
  readonly startDate: Ticks | null;
  /** Messages older than startDate that were left out, per source room id (rooms with none omitted). */
  readonly messagesCut: ReadonlyMap<number, number>;
  /** Per month, pool-wide: kept vs cut. */
  readonly months: readonly MonthTally[];
}

/**
 * The migration's source, whether a pool database (SourceReader) or an export package
 * (the package reader). Collections stream in batches in key order: principals by id, roles by
 * (node, principal, role), scopes by (node, principal), messages by (room, chatId).
 */
export interface SourceData {
  info(): Promise<SourceInfo>;
  principals(): AsyncIterable<Principal[]>;
  affiliations(): AsyncIterable<Affiliation[]>;
  /** Every category, the root (id 1, parentId null) first. */
  categories(): Promise<SourceCategory[]>;
  rooms(): Promise<SourceRoom[]>;
  roles(): AsyncIterable<RoleAssignment[]>;
  scopes(): AsyncIterable<ScopeEntry[]>;
  addins(): Promise<Addin[]>;
  messages(): AsyncIterable<Message[]>;
  /**
   * The messages as the planner's scan reads them — numbers and joined UTF-8 texts instead of
   * objects — when the source can give them more cheaply than messages(); null (or no method)
   * when it cannot. Rooms `wanted` returns false for may come as counts only. A digest holds
   * until the next one is asked for (its arrays may be reused).
   */
  messageDigests?(wanted: (roomId: number) => boolean): Promise<AsyncIterable<MessageDigest | ChannelCount> | null>;
}
