import { Behavior, Visibility, type Addin, type LegacyFlavour } from '@pcmig/core';
import type { PlannedCategory, PlannedRoom } from './legacy-plan.js';
import { clip, NameRegistry } from './name-registry.js';
import { apportion, type Random } from './random.js';
import type { SizeSpec } from './sizes.js';
import { HISTORY_END_MS, HISTORY_START_MS } from './timeline.js';
import { LANGUAGES, type Language } from './vocabulary-chat.js';
import {
  ADDIN_NAMES,
  MAX_CATEGORY_NAME,
  MAX_ROOM_NAME,
  ROOM_KINDS,
  ROOM_SUBJECTS,
  SUB_CATEGORY_WORDS,
  TOP_CATEGORY_NAMES,
} from './vocabulary-places.js';

const DAY_MS = 86_400_000;

export interface Tree {
  readonly root: PlannedCategory;
  readonly categories: PlannedCategory[];
  readonly rooms: PlannedRoom[];
  readonly addins: Addin[];
  readonly names: NameRegistry;
}

/**
 * The root's settings, as seedPoolRoot writes them for a Group Chat pool (docs/legacy-schema.md
 * D3): invitations off, chat history on, file upload off, members may create rooms, sub-category
 * scope changes allowed.
 */
export function plannedRoot(guid: string): PlannedCategory {
  return {
    id: 1,
    guid,
    parent: null,
    name: 'Root',
    depth: 0,
    description: '',
    invitations: false,
    chatHistory: true,
    fileUpload: false,
    membersCanCreateRooms: true,
    childrenMustInherit: false,
    allowSubcategoryScopeChanges: true,
    overrideMembers: false,
    ownScope: true,
    children: [],
    rooms: [],
    createdMs: HISTORY_START_MS,
    departmentIndex: 0,
  };
}

/**
 * The category tree (top-level divisions, nested regions, teams and projects, one branch as deep
 * as the size allows), the rooms in it, and the registered add-ins. Settings are mostly
 * inherited; the planted cases are added afterwards (plant-cases.ts).
 */
export function buildTree(random: Random, size: SizeSpec, flavour: LegacyFlavour, departments: number, naturalCategories: number): Tree {
  const names = new NameRegistry();
  const root = plannedRoot(random.guid());
  names.claim(root.name, MAX_CATEGORY_NAME);
  const categories: PlannedCategory[] = [];

  const category = (parent: PlannedCategory, name: string): PlannedCategory => {
    const top = parent.depth === 0;
    const forced = forcedBelow(parent);
    const created = Math.min(parent.createdMs + random.int(0, 180) * DAY_MS, HISTORY_START_MS + 400 * DAY_MS);
    const node: PlannedCategory = {
      id: 0,
      guid: random.guid(),
      parent,
      name: names.claim(name, MAX_CATEGORY_NAME),
      depth: parent.depth + 1,
      description: '',
      // Children of a category that forces inheritance keep no values of their own.
      invitations: forced ? null : top ? random.pick([true, true, false, null, null]) : random.pick([null, null, null, null, null, null, null, null, true, false]),
      chatHistory: forced ? null : random.chance(top ? 0.1 : 0.05) ? true : null,
      fileUpload: forced ? null : top ? (random.chance(0.5) ? true : null) : random.pick([null, null, null, null, null, null, true, true, false]),
      membersCanCreateRooms: null,
      childrenMustInherit: random.chance(top ? 0.15 : 0.05),
      allowSubcategoryScopeChanges: random.chance(0.7),
      overrideMembers: random.chance(top ? 0.8 : 0.2),
      ownScope: top ? random.chance(0.5) : parent.allowSubcategoryScopeChanges && random.chance(0.2),
      children: [],
      rooms: [],
      createdMs: created,
      departmentIndex: top ? categories.length % departments : parent.departmentIndex,
    };
    node.description = categoryDescription(random, node);
    parent.children.push(node);
    categories.push(node);
    return node;
  };

  // Top level: divisions. The first allows file upload and the second sends no invitations, so
  // that every seed has rooms with files and categories where invitations are off.
  const topNames = random.shuffle([...TOP_CATEGORY_NAMES]);
  for (let i = 0; i < size.topCategories; i += 1) {
    const node = category(root, topNames[i % topNames.length] as string);
    if (i === 0) {
      node.fileUpload = true;
      node.childrenMustInherit = false;
    }
    if (i === 1) {
      node.invitations = false;
      node.childrenMustInherit = false;
    }
  }
  const subName = () => {
    const word = random.pick(SUB_CATEGORY_WORDS);
    return names.has(word) ? `${word} ${random.pick(SUB_CATEGORY_WORDS)}` : word;
  };
  // One branch reaches the deepest level.
  let spine = random.pick(categories);
  while (spine.depth < size.maxDepth && categories.length < naturalCategories) spine = category(spine, subName());
  // The rest spreads over the tree, mostly near the top.
  while (categories.length < naturalCategories) {
    const parents = categories.filter((c) => c.depth < size.maxDepth);
    const weights = parents.map((c) => Math.pow(2, 2 - c.depth) / (1 + c.children.length * 0.5));
    category(pickWeighted(random, parents, weights), subName());
  }

  const addins: Addin[] = random.sample(ADDIN_NAMES, size.addins).map((name, index) => ({
    id: random.guid(),
    name: index < ADDIN_NAMES.length ? name : `${name} ${index}`,
    url: `https://intranet.contoso.com/addins/${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}/`,
  }));

  // Rooms: one in every top-level category, the rest mostly in leaves.
  const homes: PlannedCategory[] = categories.filter((c) => c.depth === 1);
  const weights = categories.map((c) => (c.children.length === 0 ? 3 : 1));
  while (homes.length < size.rooms) homes.push(pickWeighted(random, categories, weights));
  const rooms = homes.map((home) => plannedRoom(random, home, names, flavour, addins));

  // Messages: a Zipf law over the rooms; older rooms tend to rank higher (they had longer to
  // fill up), with enough noise that some young rooms are busy. 3 % of the rooms were never used.
  const byAge = rooms.map((room, index) => ({ index, created: room.createdMs })).sort((a, b) => a.created - b.created || a.index - b.index);
  const ranks = byAge
    .map((entry, age) => ({ index: entry.index, key: (age + 1) * random.logNormal(0, 1) }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map((entry) => entry.index);
  const roomWeights = new Array<number>(rooms.length).fill(0);
  ranks.forEach((roomIndex, rank) => {
    roomWeights[roomIndex] = random.chance(0.03) ? 0 : 1 / Math.pow(rank + 1, size.roomZipfExponent);
  });
  apportion(size.messages, roomWeights).forEach((count, index) => {
    (rooms[index] as PlannedRoom).messages = count;
  });
  return { root, categories, rooms, addins, names };
}

function forcedBelow(parent: PlannedCategory): boolean {
  for (let node: PlannedCategory | null = parent; node; node = node.parent) if (node.childrenMustInherit) return true;
  return false;
}

export function pickWeighted<T>(random: Random, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let target = random.next() * total;
  for (let i = 0; i < items.length; i += 1) {
    target -= weights[i] as number;
    if (target < 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
}

function categoryDescription(random: Random, category: PlannedCategory): string {
  if (random.chance(0.4)) return '';
  const text = random.pick([
    `Rooms of ${category.name}`,
    `${category.name} — discussions and announcements`,
    `Everything about ${category.name} (owners: see the wiki)`,
    `Espace ${category.name} · Bereich ${category.name}`,
    `${category.name} 💬`,
  ]);
  return clip(text, 256);
}

const ROOM_LANGUAGE_WEIGHTS = [70, 8, 6, 5, 3, 3, 3, 2];

function plannedRoom(random: Random, category: PlannedCategory, names: NameRegistry, flavour: LegacyFlavour, addins: readonly Addin[]): PlannedRoom {
  const subject = random.pick(ROOM_SUBJECTS);
  const kind = random.pick(ROOM_KINDS);
  const name = names.claim(random.chance(0.8) ? `${subject} ${kind}` : `${kind} – ${subject}`, MAX_ROOM_NAME);
  const language: Language = pickWeighted(random, LANGUAGES, ROOM_LANGUAGE_WEIGHTS);
  const latest = HISTORY_END_MS - 90 * DAY_MS;
  // Rooms were created all along the history, more of them early on.
  const created = Math.floor(category.createdMs + (latest - category.createdMs) * Math.pow(random.next(), 2.2));
  const visibilityRoll = random.next();
  const visibility =
    visibilityRoll < 0.25 ? Visibility.Private : visibilityRoll < 0.28 && flavour === 'lync2010' ? null : Visibility.Scope;
  return {
    id: 0,
    guid: random.guid(),
    category,
    name,
    description: random.chance(0.6) ? clip(random.pick([`${subject} ${kind}`, `Room for ${subject} — ${kind}`, `${kind} (${subject}) 👋`, `Salon ${subject} · Raum ${subject}`]), 256) : '',
    topic: '',
    visibility,
    behavior: random.chance(0.05) ? Behavior.Auditorium : Behavior.Normal,
    disabled: false,
    invitations: null,
    chatHistory: null,
    fileUpload: null,
    overrideMembers: true,
    addin: addins.length > 0 && random.chance(0.1) ? random.pick(addins) : null,
    language,
    createdMs: created,
    endMs: HISTORY_END_MS,
    updatedMs: Math.min(HISTORY_END_MS, created + random.int(0, 400) * DAY_MS),
    messages: 0,
    exclusive: null,
    authors: [],
    forcedAuthors: [],
  };
}

/** Rooms whose category sends invitations may turn them on themselves (not a conflict). */
export function plantNaturalInvitations(random: Random, rooms: readonly PlannedRoom[], categoryInvites: (c: PlannedCategory) => boolean, forced: (r: PlannedRoom) => boolean): void {
  for (const room of rooms) {
    if (room.exclusive || forced(room)) continue;
    const roll = random.next();
    if (roll < 0.1) room.invitations = false;
    else if (roll < 0.15 && categoryInvites(room.category)) room.invitations = true;
  }
}

