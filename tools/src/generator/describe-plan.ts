import { Behavior, Visibility, type Ticks } from '@pcmig/core';
import type { Tree } from './build-tree.js';
import { FOREIGN_FOREST, type Membership } from './build-membership.js';
import { categoryPath, effectiveCategorySetting, effectiveRoomSetting, memberListDefiner, roomIsForced } from './effective-settings.js';
import type { StoredFileRecord } from './file-store.js';
import type { MessageTally } from './generate-messages.js';
import type { PlannedCategory, PlannedRoom } from './legacy-plan.js';
import type { GenerationSummary, PlantedCases, PlantedRoom } from './result-types.js';

const NAME_LIMIT = 256;
const flattenedLength = (names: readonly string[]) => names.reduce((sum, name) => sum + name.length, 0);

function roomRef(room: PlannedRoom): PlantedRoom {
  return { id: room.id, guid: room.guid, name: room.name, categoryId: room.category.id, categoryPath: categoryPath(room.category) };
}

/**
 * The report of planted cases, derived from the final plan and what the message pass counted,
 * with the same rules a planner applies (inheritance, forcing, root excluded from flattened names).
 */
export function describePlanted(input: {
  readonly tree: Tree;
  readonly membership: Membership;
  readonly tally: MessageTally;
  readonly cutoff: { readonly iso: string; readonly ticks: Ticks };
  readonly collisions: PlantedCases['collisions'];
  readonly missingFiles: readonly StoredFileRecord[];
  readonly servicesRunning: PlantedCases['servicesRunning'];
}): PlantedCases {
  const { tree, membership, tally } = input;
  const rooms = tree.rooms;
  const roomsOf = (principalId: number) => membership.roles.filter((r) => r.principalId === principalId && r.role === 'Member').map((r) => r.nodeId);
  const roomsAuthoredBy = (principalId: number) => rooms.filter((room) => room.forcedAuthors.includes(principalId)).map((room) => room.id);
  const overrides = (setting: 'fileUpload' | 'chatHistory') =>
    rooms
      .filter((room) => room[setting] !== null && !roomIsForced(room) && room[setting] !== effectiveCategorySetting(room.category, setting))
      .map((room) => ({ ...roomRef(room), value: effectiveRoomSetting(room, setting), categoryValue: effectiveCategorySetting(room.category, setting) }));

  return {
    longNames: {
      rooms: rooms
        .map((room) => ({ room, length: flattenedLength([...categoryPath(room.category), room.name]) }))
        .filter(({ length }) => length > NAME_LIMIT)
        .map(({ room, length }) => ({ ...roomRef(room), flattenedLength: length })),
      categories: tree.categories
        .map((category) => ({ category, path: categoryPath(category) }))
        .filter(({ path }) => flattenedLength(path) > NAME_LIMIT)
        .map(({ category, path }) => ({ id: category.id, guid: category.guid, name: category.name, path, flattenedLength: flattenedLength(path) })),
    },
    rootManagers: membership.rootManagers.map((p) => ({ id: p.id, guid: p.guid, uri: p.uri })),
    invitationConflicts: rooms
      .filter((room) => room.invitations === true && !roomIsForced(room) && !effectiveCategorySetting(room.category, 'invitations'))
      .map(roomRef),
    federatedUsers: membership.federated.map((p) => ({ id: p.id, guid: p.guid, uri: p.uri, rooms: roomsOf(p.id), messages: tally.byPlantedAuthor.get(p.id) ?? 0 })),
    disabledRooms: rooms.filter((room) => room.disabled).map((room) => ({ ...roomRef(room), messages: room.messages })),
    cutoff: {
      date: input.cutoff.iso,
      ticks: input.cutoff.ticks.toString(),
      messagesBefore: tally.beforeCutoff,
      messagesFromCutoff: tally.written - tally.beforeCutoff,
      byRoom: Object.fromEntries([...tally.beforeCutoffByRoom].map(([id, count]) => [String(id), count])),
    },
    collisions: input.collisions,
    foreignForest: {
      forest: membership.foreign.length > 0 ? FOREIGN_FOREST : null,
      principals: membership.foreign.map((p) => ({
        id: p.id,
        guid: p.guid,
        uri: p.uri,
        kind: p.kind,
        dn: p.dn,
        rooms: roomsOf(p.id),
        messages: tally.byPlantedAuthor.get(p.id) ?? 0,
      })),
    },
    unknownAuthors: membership.unknownAuthors.map((id) => ({ principalId: id, rooms: roomsAuthoredBy(id), messages: tally.byPlantedAuthor.get(id) ?? 0 })),
    servicesRunning: input.servicesRunning,
    topicRooms: rooms.filter((room) => room.topic !== '').map((room) => room.id),
    fileUploadOverrides: overrides('fileUpload'),
    chatHistoryOverrides: overrides('chatHistory'),
    inheritedMemberRooms: rooms.filter((room) => !room.overrideMembers).map((room) => ({ id: room.id, memberListDefinerId: memberListDefiner(room.category).id })),
    restrictedCreationCategories: tree.categories
      .filter((category) => category.membersCanCreateRooms === false)
      .map((category) => ({ id: category.id, name: category.name, path: categoryPath(category) })),
    rootRooms: rooms.filter((room) => room.category.depth === 0).map(roomRef),
    missingFiles: input.missingFiles.map((file) => ({ roomId: file.roomId, path: file.path })),
  };
}

export function summarise(tree: Tree, membership: Membership, tally: MessageTally, files: { count: number; bytes: number }): GenerationSummary {
  const principals = membership.principals.principals;
  const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.reduce((n, item) => (test(item) ? n + 1 : n), 0);
  const categoryIds = new Set(tree.categories.map((c) => c.id).concat(tree.root.id));
  let busiest: PlannedRoom | undefined;
  for (const room of tree.rooms) if (!busiest || room.messages > busiest.messages) busiest = room;
  return {
    principals: {
      total: principals.length + 1,
      users: count(principals, (p) => p.kind === 'user' && !p.federated),
      federatedUsers: count(principals, (p) => p.federated),
      groups: count(principals, (p) => p.kind === 'group'),
      folders: count(principals, (p) => p.kind === 'folder'),
      domains: count(principals, (p) => p.kind === 'domain'),
      sipDisabled: count(principals, (p) => p.state === 'sip-disabled'),
      deleted: count(principals, (p) => p.state === 'deleted'),
    },
    affiliations: membership.principals.affiliations.length,
    categories: tree.categories.length,
    maxDepth: tree.categories.reduce((max, c: PlannedCategory) => Math.max(max, c.depth), 0),
    rooms: tree.rooms.length,
    auditoriumRooms: count(tree.rooms, (r) => r.behavior === Behavior.Auditorium),
    privateRooms: count(tree.rooms, (r) => r.visibility === Visibility.Private),
    roomsWithoutVisibility: count(tree.rooms, (r) => r.visibility === null),
    roomsWithAddin: count(tree.rooms, (r) => r.addin !== null),
    roomsWithoutMessages: count(tree.rooms, (r) => r.messages === 0),
    busiestRoom: { id: busiest?.id ?? 0, messages: busiest?.messages ?? 0 },
    categoryManagers: count(membership.roles, (r) => r.role === 'Manager' && r.nodeId !== tree.root.id && categoryIds.has(r.nodeId)),
    roles: {
      member: count(membership.roles, (r) => r.role === 'Member'),
      manager: count(membership.roles, (r) => r.role === 'Manager'),
      voiced: count(membership.roles, (r) => r.role === 'Voiced'),
    },
    scopes: membership.scopes.length,
    addins: tree.addins.length,
    messages: tally.written,
    filePosts: tally.filePosts,
    stories: tally.stories,
    alerts: tally.alerts,
    files,
  };
}
