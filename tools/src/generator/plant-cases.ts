import type { PlannedCategory, PlannedRoom, ExclusiveCase } from './legacy-plan.js';
import { categoryMayOverride, categoryPath, effectiveCategorySetting, roomIsForced } from './effective-settings.js';
import { generatorErrors } from './errors.js';
import { clip } from './name-registry.js';
import type { PlantOptions } from './options.js';
import type { Random } from './random.js';
import type { Tree } from './build-tree.js';
import { plantNaturalInvitations } from './build-tree.js';
import { HISTORY_END_MS } from './timeline.js';
import { EMOJI } from './vocabulary-chat.js';
import { VERBOSE_ROOM_PHRASES } from './vocabulary-places.js';

const NAME_LIMIT = 256;
const DAY_MS = 86_400_000;

/**
 * Plants the structural cases of the migration rules into the planned tree. Rooms serving a rule
 * case are set aside for it alone, so that each finding of the planner has exactly one cause.
 */
export function plantStructuralCases(random: Random, tree: Tree, plant: PlantOptions, options: { readonly colliding: boolean; readonly maxDepth: number }): void {
  plantLongCategories(random, tree, plant.longCategoryNames, options.maxDepth);

  const take = (knob: keyof PlantOptions, kind: ExclusiveCase, count: number, eligible: (room: PlannedRoom) => boolean): PlannedRoom[] => {
    const candidates = tree.rooms.filter((room) => room.exclusive === null && eligible(room));
    if (candidates.length < count) {
      throw generatorErrors.create('PCMIG-GEN-004', {
        message: `${knob} asks for ${count} rooms, but this tree has only ${candidates.length} that fit.`,
        target: knob,
        reason: { knob, limit: candidates.length },
      });
    }
    const chosen = random.sample(candidates, count);
    for (const room of chosen) room.exclusive = kind;
    return chosen;
  };

  // R9: rooms directly under a top-level category keep their name whatever the separator.
  if (options.colliding) take('collidingRooms', 'colliding', plant.collidingRooms, (room) => room.category.depth === 1);

  // R2: a wordy name under a nested category, so that only the flattened name is too long.
  for (const room of take('longRoomNames', 'longName', plant.longRoomNames, (room) => room.category.depth >= 2)) {
    const prefix = categoryPath(room.category).reduce((sum, name) => sum + name.length, 0);
    room.name = tree.names.claim(verboseName(random, NAME_LIMIT + 1 - prefix, Math.min(NAME_LIMIT, NAME_LIMIT - prefix + random.int(12, 40))), NAME_LIMIT);
  }

  // R4: invitations on, under a category whose effective setting is off.
  for (const room of take('invitationConflicts', 'invitationConflict', plant.invitationConflicts, (room) => !roomIsForced(room) && !effectiveCategorySetting(room.category, 'invitations'))) {
    room.invitations = true;
  }

  // §4: per-room file upload / chat history that differ from the category's.
  for (const room of take('fileUploadOverrides', 'fileUploadOverride', plant.fileUploadOverrides, (room) => !roomIsForced(room))) {
    room.fileUpload = !effectiveCategorySetting(room.category, 'fileUpload');
  }
  for (const room of take('chatHistoryOverrides', 'chatHistoryOverride', plant.chatHistoryOverrides, (room) => !roomIsForced(room))) {
    room.chatHistory = !effectiveCategorySetting(room.category, 'chatHistory');
  }

  // R7: disabled rooms that hold messages (they stopped when the room was disabled).
  for (const room of take('disabledRooms', 'disabled', plant.disabledRooms, (room) => room.messages > 0)) {
    room.disabled = true;
    const from = room.createdMs + (HISTORY_END_MS - room.createdMs) * 0.5;
    room.endMs = Math.floor(from + (HISTORY_END_MS - 7 * DAY_MS - from) * random.next());
    room.updatedMs = room.endMs;
  }

  // R1 open question: rooms that live directly under the root.
  for (const room of take('rootRooms', 'rootRoom', plant.rootRooms, () => true)) {
    const home = room.category;
    home.rooms.splice(home.rooms.indexOf(room), 1);
    room.category = tree.root;
    tree.root.rooms.push(room);
  }

  plantNaturalInvitations(random, tree.rooms, (category) => effectiveCategorySetting(category, 'invitations'), roomIsForced);

  // §4: Topic (dropped by Persistent Chat).
  for (const room of random.sample(tree.rooms, plant.topicRooms)) room.topic = topicText(random, room);

  // §4: rooms that use an ancestor's member list instead of their own.
  const ordinary = tree.rooms.filter((room) => room.exclusive === null);
  if (ordinary.length < plant.inheritedMemberRooms) {
    throw generatorErrors.create('PCMIG-GEN-004', {
      message: `inheritedMemberRooms asks for ${plant.inheritedMemberRooms} rooms; ${ordinary.length} are left once the other cases have theirs.`,
      target: 'inheritedMemberRooms',
      reason: { knob: 'inheritedMemberRooms', limit: ordinary.length },
    });
  }
  for (const room of random.sample(ordinary, plant.inheritedMemberRooms)) room.overrideMembers = false;

  // §4: categories whose members may not create rooms.
  const restrictable = tree.categories.filter((category) => category.rooms.length + category.children.length > 0 && categoryMayOverride(category));
  if (restrictable.length < plant.restrictedCreationCategories) {
    throw generatorErrors.create('PCMIG-GEN-004', {
      message: `restrictedCreationCategories asks for ${plant.restrictedCreationCategories} categories; ${restrictable.length} fit.`,
      target: 'restrictedCreationCategories',
      reason: { knob: 'restrictedCreationCategories', limit: restrictable.length },
    });
  }
  for (const category of random.sample(restrictable, plant.restrictedCreationCategories)) category.membersCanCreateRooms = false;
}

/** R1/R2: leaf categories, nested at least three deep, whose flattened name exceeds 256 characters. */
function plantLongCategories(random: Random, tree: Tree, count: number, maxDepth: number): void {
  const parents = tree.categories.filter((c) => c.depth >= 2 && c.depth < maxDepth);
  if (count > 0 && parents.length === 0) {
    throw generatorErrors.create('PCMIG-GEN-004', { message: 'longCategoryNames needs categories nested two deep.', target: 'longCategoryNames', reason: { knob: 'longCategoryNames', limit: 0 } });
  }
  for (let i = 0; i < count; i += 1) {
    const parent = random.pick(parents);
    const prefix = categoryPath(parent).reduce((sum, name) => sum + name.length, 0);
    const node: PlannedCategory = {
      id: 0,
      guid: random.guid(),
      parent,
      name: tree.names.claim(verboseName(random, NAME_LIMIT + 1 - prefix, Math.min(NAME_LIMIT, NAME_LIMIT - prefix + random.int(12, 40))), NAME_LIMIT),
      depth: parent.depth + 1,
      description: 'Named by someone who wrote the whole charter into the name',
      invitations: null,
      chatHistory: null,
      fileUpload: null,
      membersCanCreateRooms: null,
      childrenMustInherit: false,
      allowSubcategoryScopeChanges: false,
      overrideMembers: false,
      ownScope: false,
      children: [],
      rooms: [],
      createdMs: parent.createdMs + DAY_MS,
      departmentIndex: parent.departmentIndex,
    };
    parent.children.push(node);
    tree.categories.push(node);
  }
}

/** Wordy text of at least `min` and at most `max` UTF-16 units, cut after a whole word where that leaves enough. */
function verboseName(random: Random, min: number, max: number): string {
  let text = random.pick(VERBOSE_ROOM_PHRASES);
  while (text.length < max) text += ` ${random.pick(VERBOSE_ROOM_PHRASES)}`;
  const clipped = clip(text, max);
  const space = clipped.lastIndexOf(' ');
  const atWord = clipped.slice(0, space).replace(/[,;:–-]+$/, '');
  if (text.length > clipped.length && space > 0 && atWord.length >= min) return atWord;
  if (clipped.length < min) throw new Error(`verboseName cannot reach ${min} characters within ${max}`);
  return clipped;
}

function topicText(random: Random, room: PlannedRoom): string {
  const phrase = random.pick(room.language.phrases);
  return clip(random.pick([`Today: ${phrase}`, `${phrase} ${random.pick(EMOJI)}`, `Next review on Monday — ${phrase}`, phrase]), 256);
}
