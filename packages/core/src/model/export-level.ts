import type { ExportLevel } from './constants.js';

/**
 * What each -Level of Export-CsPersistentChatData carries (Microsoft documents only the names).
 * The package records its level; the importer applies only what the level makes authoritative.
 *
 * | Level         | principals | categories        | rooms             | add-ins | messages |
 * |---------------|------------|-------------------|-------------------|---------|----------|
 * | All           | all        | settings + ACLs   | settings + roles  | yes     | yes      |
 * | User          | all        | –                 | –                 | –       | –        |
 * | Category      | referenced | settings + ACLs   | –                 | yes     | –        |
 * | RoomDirectory | referenced | settings + ACLs   | settings + roles  | yes     | –        |
 * | Content       | referenced | identity only     | identity only     | –       | yes      |
 *
 * "identity only": the tree is present so rooms can be located (and names converted), but the
 * importer does not change their settings or roles. "referenced": only principals that roles,
 * scopes or message authors refer to.
 */
export interface LevelContents {
  readonly principals: 'all' | 'referenced' | 'none';
  readonly categories: boolean;
  readonly categorySettings: boolean;
  readonly rooms: boolean;
  readonly roomSettings: boolean;
  readonly addins: boolean;
  readonly messages: boolean;
}

const CONTENTS: Readonly<Record<ExportLevel, LevelContents>> = {
  All: { principals: 'all', categories: true, categorySettings: true, rooms: true, roomSettings: true, addins: true, messages: true },
  User: { principals: 'all', categories: false, categorySettings: false, rooms: false, roomSettings: false, addins: false, messages: false },
  Category: { principals: 'referenced', categories: true, categorySettings: true, rooms: false, roomSettings: false, addins: true, messages: false },
  RoomDirectory: { principals: 'referenced', categories: true, categorySettings: true, rooms: true, roomSettings: true, addins: true, messages: false },
  Content: { principals: 'referenced', categories: true, categorySettings: false, rooms: true, roomSettings: false, addins: false, messages: true },
};

export function levelContents(level: ExportLevel): LevelContents {
  return CONTENTS[level];
}
