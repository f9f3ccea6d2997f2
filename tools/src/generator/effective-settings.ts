import type { PlannedCategory, PlannedRoom } from './legacy-plan.js';

/** The tri-state settings Group Chat inherits down the tree. */
export type InheritedSetting = 'invitations' | 'chatHistory' | 'fileUpload' | 'membersCanCreateRooms';

/** The highest ancestor (strictly above `category`) whose children must inherit, if any. */
export function forcingAncestor(category: PlannedCategory): PlannedCategory | undefined {
  let forcing: PlannedCategory | undefined;
  for (let node = category.parent; node; node = node.parent) if (node.childrenMustInherit) forcing = node;
  return forcing;
}

/**
 * A category's effective value: when an ancestor forces inheritance its value wins; otherwise the
 * nearest explicit value up the tree (the root always has one).
 */
export function effectiveCategorySetting(category: PlannedCategory, setting: InheritedSetting): boolean {
  const forcing = forcingAncestor(category);
  if (forcing) return effectiveCategorySetting(forcing, setting);
  for (let node: PlannedCategory | null = category; node; node = node.parent) {
    const value = node[setting];
    if (value !== null) return value;
  }
  throw new Error(`The root category has no value for ${setting}`);
}

/** True when the room's own value is ignored because its category (or an ancestor) forces inheritance. */
export function roomIsForced(room: PlannedRoom): boolean {
  return room.category.childrenMustInherit || forcingAncestor(room.category) !== undefined;
}

/** Whether a category's own values count (no ancestor forces inheritance). */
export function categoryMayOverride(category: PlannedCategory): boolean {
  return forcingAncestor(category) === undefined;
}

export function effectiveRoomSetting(room: PlannedRoom, setting: Exclude<InheritedSetting, 'membersCanCreateRooms'>): boolean {
  const own = room[setting];
  if (own !== null && !roomIsForced(room)) return own;
  return effectiveCategorySetting(room.category, setting);
}

/** The category names from the top level down to `category` (the root's name is never part of it). */
export function categoryPath(category: PlannedCategory): string[] {
  const names: string[] = [];
  for (let node: PlannedCategory | null = category; node && node.depth > 0; node = node.parent) names.unshift(node.name);
  return names;
}

/** The nearest category, from `category` up, that defines its own scope (the root always does). */
export function scopeDefiner(category: PlannedCategory): PlannedCategory {
  for (let node: PlannedCategory | null = category; node; node = node.parent) if (node.ownScope || node.depth === 0) return node;
  throw new Error('No scope definer');
}

/** The nearest category, from `category` up, that defines its own member list (else the root). */
export function memberListDefiner(category: PlannedCategory): PlannedCategory {
  for (let node: PlannedCategory | null = category; node; node = node.parent) if (node.overrideMembers || node.depth === 0) return node;
  throw new Error('No member list definer');
}
