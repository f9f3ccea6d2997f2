import { FINDING_CODES, type FindingCode, type FindingRule, type FindingSeverity } from './finding-codes.js';

/**
 * What each finding carries as data, by code. Findings are a discriminated union on `code`;
 * printers render them, scripts read `data`.
 */
export interface FindingDataByCode {
  'services-running': { servers: string[]; adminLocks: number; forced: boolean };
  'foreign-forest-principal': { uri: string; domain: string; targetDomains: string[] };
  'forest-unverifiable': { target: string };
  'unresolvable-principal': { uri: string; kind: string };
  'principals-created': { principals: number; byKind: Record<string, number>; federated: number; firstTargetId: number; lastTargetId: number };
  'principal-matched-by-name': { uri: string; matchedBy: 'upn' | 'uri'; sourceGuid: string; targetGuid: string; targetId: number };
  'dangling-principal-reference': { principalId: number; nodeId: number; list: string };
  'dangling-node-reference': { nodeId: number; entries: number };
  'dangling-parent': { nodeId: number; parentId: number };
  'dangling-addin-reference': { addinId: string };
  'message-unknown-room': { roomId: number; messages: number };
  'message-unknown-author': { authorId: number; messages: number; sampleChatIds: number[] };
  'message-out-of-order': { roomId: number; chatId: number; previousRoomId: number; previousChatId: number };
  'message-impossible-timestamp': { messages: number; sampleChatIds: number[]; earliest: string; latest: string };
  'import-pending': { runKey: string; origin: string; startedOn: string };
  'source-already-imported': { runKey: string; completedOn: string; options: Record<string, unknown> };
  'already-imported': { runKey: string; completedOn: string };
  'resuming-import': { runKey: string; startedOn: string; stepsDone: number };
  'level-partial': { level: string; imported: string[]; notImported: string[] };
  'content-target-missing': { kind: 'category' | 'room'; name: string };
  'category-flattened': { from: string; to: string };
  'room-prefixed': { from: string; to: string };
  'root-rooms-category': { category: string; rooms: number };
  'name-collision': { kind: 'category' | 'room'; name: string; others: string[] };
  'category-disabled-in-source': { name: string };
  'name-too-long': { kind: 'category' | 'room'; name: string; length: number; limit: number };
  'name-shortened': { kind: 'category' | 'room'; from: string; to: string; length: number };
  'name-empty': { kind: 'category' | 'room'; nodeId: number };
  'root-manager': { uri: string; rooms: number };
  'category-manager': { uri: string; category: string; rooms: number };
  'invitations-forced-off': { room: string; category: string };
  'invitations-inherit': { room: string; category: string };
  'federated-member': { uri: string; roles: string[] };
  'room-disabled-not-migrated': { room: string; messages: number };
  'room-disabled-kept': { room: string };
  'messages-before-start-date': { room: string; messages: number; startDate: string };
  'category-overwritten': { name: string; targetId: number };
  'room-overwritten': { name: string; targetId: number; targetCategory: string; existingMessages: number; chatIdOffset: number };
  'addin-overwritten': { name: string; url: string; previousUrl: string };
  'guid-taken': { kind: 'category' | 'room' | 'addin'; guid: string; newGuid: string };
  'allowed-members': { category: string; allowed: number; definedAt: string };
  'creators': { category: string; creators: number; membersCouldCreate: boolean };
  'inherited-members': { room: string; members: number; inheritedFrom: string };
  'stale-member-rows': { room: string; rows: number };
  'presenters': { room: string; presenters: number };
  'presenters-dropped': { room: string; presenters: number };
  'topic-merged': { room: string; topic: string; description: string };
  'topic-dropped': { room: string; topic: string };
  'room-setting-override': { room: string; setting: 'fileUpload' | 'chatHistory'; roomValue: boolean; categoryValue: boolean };
  'visibility-defaulted': { room: string; privacy: 'Closed' };
  'room-scope-dropped': { room: string; entries: number };
}

export type FindingOf<C extends FindingCode> = {
  readonly code: C;
  readonly severity: FindingSeverity;
  readonly rule: FindingRule;
  /** Where: `pool:`, `category:`, `room:`, `principal:`, `message:` or `addin:` followed by a readable location. */
  readonly path: string;
  readonly message: string;
  readonly hint: string;
  readonly data: FindingDataByCode[C];
};

export type Finding = { [C in FindingCode]: FindingOf<C> }[FindingCode];

/** Location separator inside a path (display only; names may contain '/'). */
export const PATH_SEPARATOR = ' \u203a ';

export const findingPath = {
  pool: (name: string) => `pool:${name}`,
  category: (segments: readonly string[]) => `category:${segments.join(PATH_SEPARATOR)}`,
  room: (segments: readonly string[]) => `room:${segments.join(PATH_SEPARATOR)}`,
  principal: (uri: string) => `principal:${uri}`,
  message: (roomSegments: readonly string[], chatId: number) => `message:${roomSegments.join(PATH_SEPARATOR)}#${chatId}`,
  addin: (name: string) => `addin:${name}`,
  node: (id: number) => `node:${id}`,
};

/** Collects findings in the order rules report them. */
export class FindingSink {
  readonly list: Finding[] = [];

  add<C extends FindingCode>(
    code: C,
    path: string,
    message: string,
    data: FindingDataByCode[C],
    overrides: { severity?: FindingSeverity; hint?: string } = {},
  ): void {
    const definition = FINDING_CODES[code];
    this.list.push({
      code,
      severity: overrides.severity ?? definition.severity,
      rule: definition.rule,
      path,
      message,
      hint: overrides.hint ?? definition.hint,
      data,
    } as Finding);
  }

  count(severity: FindingSeverity): number {
    return this.list.filter((f) => f.severity === severity).length;
  }
}

/** Findings of one code, typed. */
export function findingsOf<C extends FindingCode>(findings: readonly Finding[], code: C): FindingOf<C>[] {
  return findings.filter((f) => f.code === code) as unknown as FindingOf<C>[];
}
