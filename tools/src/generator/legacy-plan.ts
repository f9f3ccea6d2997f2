import type { Addin, BehaviorCode, TriState, VisibilityCode } from '@pcmig/core';
import type { Language } from './vocabulary-chat.js';

/**
 * The legacy deployment as the generator plans it, before anything is written. Nodes refer to
 * each other by object; ids are handed out once the tree is final (parents before children,
 * categories before rooms).
 */
export interface PlannedCategory {
  id: number;
  readonly guid: string;
  /** null for the root. */
  readonly parent: PlannedCategory | null;
  name: string;
  /** 0 for the root, 1 for top-level categories. */
  readonly depth: number;
  description: string;
  invitations: TriState;
  chatHistory: TriState;
  fileUpload: TriState;
  membersCanCreateRooms: TriState;
  childrenMustInherit: boolean;
  allowSubcategoryScopeChanges: boolean;
  overrideMembers: boolean;
  /** Defines its own scope (allow list) instead of its parent's. */
  ownScope: boolean;
  readonly children: PlannedCategory[];
  readonly rooms: PlannedRoom[];
  readonly createdMs: number;
  /** Index of the department whose staff populate it. */
  readonly departmentIndex: number;
}

/** Why a room was set aside for one planted case (each such room serves exactly one). */
export type ExclusiveCase = 'longName' | 'invitationConflict' | 'disabled' | 'colliding' | 'fileUploadOverride' | 'chatHistoryOverride' | 'rootRoom';

export interface PlannedRoom {
  id: number;
  readonly guid: string;
  category: PlannedCategory;
  name: string;
  description: string;
  topic: string;
  visibility: VisibilityCode | null;
  behavior: BehaviorCode;
  disabled: boolean;
  invitations: TriState;
  chatHistory: TriState;
  fileUpload: TriState;
  overrideMembers: boolean;
  addin: Addin | null;
  readonly language: Language;
  readonly createdMs: number;
  /** Messages stop here (the end of history, or when the room was disabled). */
  endMs: number;
  updatedMs: number;
  messages: number;
  exclusive: ExclusiveCase | null;
  /** prinIDs that post the messages (people in the room). */
  authors: number[];
  /** Authors planted on purpose (federated, foreign, unknown): each posts one message of this list. */
  readonly forcedAuthors: number[];
}
